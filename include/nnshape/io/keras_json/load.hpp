#pragma once
// The Keras JSON reader's entry: JSON text parsed, the model config found, read as the Keras that
// wrote it meant it; and the definitions of the entry points keras_json/api.hpp declares (where this
// translation unit defines them: io/linkage.hpp).

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>

#include "api.hpp"
#include "models.hpp"

namespace nnshape::io {

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

#if NNSHAPE_IO_DEFINES_API
NNSHAPE_IO_API LoadedModel load_keras_json(std::string_view text, const LoadOptions& options)
{
    const detail::json root = detail::parse_json(text);
    return detail::load_model(root, detail::writer_of(root), {options, {}});
}

NNSHAPE_IO_API LoadedModel load_keras_json_file(const std::filesystem::path& path, const LoadOptions& options)
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

#endif

} // namespace nnshape::io
