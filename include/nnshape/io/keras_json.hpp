#pragma once
// Reads a Keras model's architecture from its JSON config: `model.to_json()` (Keras 2, tf.keras,
// Keras 3), the config.json of a .keras archive, or a TensorFlow.js model.json (`modelTopology`).
// Optional: it needs nlohmann/json (Debian: nlohmann-json3-dev; CMake target nnshape::keras_json).
//
//   const nnshape::io::LoadedModel m = nnshape::io::load_keras_json_file("model.json");
//   m.visit([](const auto& model) { std::cout << nnshape::summary(model); });
//
// Every layer is read from its class_name and the config keys Keras writes; a missing key takes
// Keras's default (what Keras's own from_config does), anything else that cannot be read -- an
// unknown class the file states too little about (keras_json/facts.hpp), a value of the wrong type,
// malformed JSON, a reference to a layer or node that is never defined, a cycle -- throws
// io::load_error naming the layer, its position and the key.

#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>

#include "keras_json/models.hpp"

namespace nnshape::io {

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

namespace detail {

inline json parse_json(std::string_view text)
{
    try {
        return json::parse(text.begin(), text.end());
    } catch (const json::exception& e) {
        fail(std::string("malformed JSON: ") + e.what());
    }
}

// The model in parsed JSON; `keeps_input`: a Sequential keeps the InputLayer it lists first.
inline LoadedModel read_root(const json& root, bool keeps_input, const FileFacts& facts)
{
    try {
        const json& entry = model_entry(root);
        if (!entry.is_object()) fail("expected a model object {\"class_name\": ..., \"config\": ...}");
        const Where top{"model", name_of(entry), ""};
        const std::string class_name = class_of(entry, top);
        if (!is_model_class(class_name))
            fail("the top-level class_name is \"" + class_name + "\"; expected Sequential, Functional or Model");
        const json& config = config_of(entry, top);
        const Where where{"", name_of(entry), "", "model"};
        if (class_name == "Sequential" && !holds_model(sequential_layers(config, top)))
            return LoadedModel(read_sequential(config, where, keeps_input, &facts));
        auto graph = std::make_unique<Graph>();
        const Model model = read_model(*graph, entry, where, 0, &facts).model;
        return LoadedModel(std::move(graph), model);
    } catch (const json::exception& e) { // a case the checks above missed: still a clear error
        fail(std::string("unexpected JSON structure: ") + e.what());
    }
}

// The model in parsed JSON, read as the Keras that wrote it (`writer`, writer.hpp) meant it, with the
// file's facts for the classes nnshape does not know.
inline LoadedModel load_model(const json& root, const JsonWriter& writer, const FileFacts& facts)
{
    if (!gru_resets_before_by_default(writer)) return read_root(root, sequential_keeps_input(writer), facts);
    json with_defaults = root;
    write_gru_reset_before(with_defaults);
    return read_root(with_defaults, sequential_keeps_input(writer), facts);
}

} // namespace detail

// Reads a model from its JSON text; throws io::load_error. The Keras version the JSON names
// (model.to_json()'s keras_version; a TensorFlow.js model.json) decides what that Keras listed
// among a Sequential's layers: an InputLayer given to it is kept by Keras 2.1 and TensorFlow.js.
// JSON holds no weights, so a layer of a class nnshape does not know is refused, its weight count
// unknown; a Lambda without output_shape is read from the shapes the config states (facts.hpp).
inline LoadedModel load_keras_json(std::string_view text, const LoadOptions& options = {})
{
    const detail::json root = detail::parse_json(text);
    return detail::load_model(root, detail::writer_of(root), {options, {}});
}

inline LoadedModel load_keras_json_file(const std::filesystem::path& path, const LoadOptions& options = {})
{
    std::ifstream file(path, std::ios::binary);
    if (!file) detail::fail("cannot open \"" + path.string() + "\"");
    std::ostringstream text;
    text << file.rdbuf();
    if (!file.good() && !file.eof()) detail::fail("cannot read \"" + path.string() + "\"");
    const std::string content = text.str();
    if (content.starts_with("PK\x03\x04"))
        detail::fail("\"" + path.string() + "\" is a zip archive (a .keras file): unzip it and read its config.json");
    return load_keras_json(content, options);
}

} // namespace nnshape::io
