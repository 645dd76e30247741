#pragma once
// The Keras JSON reader's types and entry points, without the reader: what a program that calls
// io::load_keras_json sees when it links the compiled library (io/linkage.hpp); keras_json.hpp adds
// the definitions otherwise.

#include <filesystem>
#include <memory>
#include <optional>
#include <string_view>
#include <utility>

#include "../../error.hpp"
#include "../../functional.hpp"
#include "../../sequential.hpp"
#include "../linkage.hpp"

namespace nnshape::io {

// What the reader throws; a shape_error, so one catch serves both the file and the model.
class load_error : public shape_error {
public:
    using shape_error::shape_error;
};

// How the readers treat a layer of a class nnshape does not know.
struct LoadOptions {
    // Refuse it, and a Lambda without output_shape, instead of reading the file's facts (nnshape --strict).
    bool strict = false;
};

// A model read from JSON: a Sequential (Keras's own Sequential, its layers as the Keras that wrote it
// listed them: without an InputLayer but in Keras 2.1 and TensorFlow.js), or a functional Model with
// the Graph that owns its layers.
class LoadedModel {
public:
    explicit LoadedModel(Sequential<> model) : sequential_(std::move(model)) {}
    LoadedModel(std::unique_ptr<Graph> graph, Model model) : graph_(std::move(graph)), model_(model) {}

    bool is_sequential() const { return sequential_.has_value(); }
    const Sequential<>* sequential() const { return sequential_ ? &*sequential_ : nullptr; }
    const Model* model() const { return model_ ? &*model_ : nullptr; }

    // Calls `f` with the `const Sequential<>&` or the `const Model&`: summary, report, cost, model_to_dot.
    template <class F>
    decltype(auto) visit(F&& f) const
    {
        return sequential_ ? f(*sequential_) : f(*model_);
    }

private:
    std::unique_ptr<Graph> graph_;
    std::optional<Model> model_;
    std::optional<Sequential<>> sequential_;
};

// Reads a model from its JSON text; throws io::load_error. The Keras version the JSON names
// (model.to_json()'s keras_version; a TensorFlow.js model.json) decides what that Keras listed
// among a Sequential's layers: an InputLayer given to it is kept by Keras 2.1 and TensorFlow.js.
// JSON holds no weights, so a layer of a class nnshape does not know is refused, its weight count
// unknown; a Lambda without output_shape is read from the shapes the config states (facts.hpp).
NNSHAPE_IO_API LoadedModel load_keras_json(std::string_view text, const LoadOptions& options = {});
// The same for the JSON file at `path` (a .keras archive is refused: read_keras_file reads it).
NNSHAPE_IO_API LoadedModel load_keras_json_file(const std::filesystem::path& path, const LoadOptions& options = {});

} // namespace nnshape::io
