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
// unknown class, a value of the wrong type, malformed JSON, a reference to a layer or node that is
// never defined, a cycle -- throws io::load_error naming the layer, its position and the key.

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

// A model read from JSON: a Sequential (Keras's own Sequential, listed without its InputLayer), or
// a functional Model with the Graph that owns its layers.
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

// Reads a model from its JSON text with the file's facts for the classes nnshape does not know.
inline LoadedModel load_keras_json(std::string_view text, const FileFacts& facts)
{
    json root;
    try {
        root = json::parse(text.begin(), text.end());
    } catch (const json::exception& e) {
        detail::fail(std::string("malformed JSON: ") + e.what());
    }
    try {
        const json& entry = detail::model_entry(root);
        if (!entry.is_object()) detail::fail("expected a model object {\"class_name\": ..., \"config\": ...}");
        const detail::Where top{"model", detail::name_of(entry), ""};
        const std::string class_name = detail::class_of(entry, top);
        if (!detail::is_model_class(class_name))
            detail::fail("the top-level class_name is \"" + class_name +
                         "\"; expected Sequential, Functional or Model");
        const json& config = detail::config_of(entry, top);
        const detail::Where where{"", detail::name_of(entry), "", "model"};
        if (class_name == "Sequential" && !detail::holds_model(detail::sequential_layers(config, top)))
            return LoadedModel(detail::read_sequential(config, where, &facts));
        auto graph = std::make_unique<Graph>();
        const Model model = detail::read_model(*graph, entry, where, 0, &facts).model;
        return LoadedModel(std::move(graph), model);
    } catch (const json::exception& e) { // a case the checks above missed: still a clear error
        detail::fail(std::string("unexpected JSON structure: ") + e.what());
    }
}

} // namespace detail

// Reads a model from its JSON text; throws io::load_error. JSON holds no weights, so a layer of a
// class nnshape does not know is refused: its weight count is unknown (facts.hpp).
inline LoadedModel load_keras_json(std::string_view text, const LoadOptions& options = {})
{
    return detail::load_keras_json(text, {options, {}});
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
