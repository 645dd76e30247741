#pragma once
// The Keras file reader's entry: the format told from the content, the config and facts read from
// it, the JSON reader run on them; and the definitions of the entry points keras_file/api.hpp declares
// (where this translation unit defines them: io/linkage.hpp).

#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "../keras_json/load.hpp"
#include "api.hpp"
#include "hdf5.hpp"
#include "source.hpp"
#include "zip.hpp"

namespace nnshape::io {

namespace detail {

// Binary that is neither a zip archive nor HDF5 (a control byte or one past ASCII, but a UTF-8 byte
// order mark) is no JSON either: a pickled model, a SavedModel's protocol buffer.
inline void require_text(const KerasSource& source, std::string_view head)
{
    if (head.empty() || head.starts_with("\xEF\xBB\xBF")) return;
    const auto first = static_cast<unsigned char>(head[0]);
    if (first >= 0x80 || (first < 0x20 && first != '\t' && first != '\n' && first != '\r')) {
        constexpr char hex[] = "0123456789abcdef";
        fail(source, "",
             std::string("neither a zip archive (.keras), an HDF5 file (.h5) nor JSON: it starts with byte 0x") +
                 hex[first >> 4] + hex[first & 15] + ", not a file Keras saves a model in");
    }
}

inline KerasConfig read_keras_config(const KerasSource& source)
{
    const std::string head = head_of(source, 8);
    switch (format_of(head)) {
    case KerasFormat::keras_archive:
        return read_keras_archive(source);
    case KerasFormat::hdf5:
        return read_keras_hdf5(source);
    case KerasFormat::json:
        break;
    }
    require_text(source, head);
    return read_json_text(source);
}

// A .keras archive's weights: model.weights.h5's layers/<path> (Keras 3 saving_lib.py), read in memory.
inline std::optional<StoredWeights> read_archive_weights(const KerasSource& source)
{
    const std::optional<std::string> bytes =
        read_archive_entry(source, "model.weights.h5", source.limits.weights_bytes, "weights_bytes");
    if (!bytes) return std::nullopt;
    const KerasSource image{
        .bytes = *bytes, .in_memory = true, .name = source.name + ": model.weights.h5", .limits = source.limits};
    return stored_weights(image, "layers", StoredWeights::Layout::by_keras3_path);
}

inline std::optional<StoredWeights> read_stored_weights(const KerasSource& source, KerasFormat format)
{
    switch (format) {
    case KerasFormat::keras_archive:
        return read_archive_weights(source);
    case KerasFormat::hdf5:
        return read_hdf5_weights(source);
    case KerasFormat::json:
        break;
    }
    return std::nullopt;
}

// What the JSON says of its writer, where the file says nothing outside it (a JSON file).
inline void add_writer(KerasFileInfo& info, const JsonWriter& writer)
{
    if (info.format != KerasFormat::json) return;
    info.keras_version = writer.keras_version;
    info.backend = writer.backend;
    info.tensorflow_js = writer.tensorflow_js;
    info.generated_by = writer.generated_by;
}

inline KerasFile read_keras(const KerasSource& source, const LoadOptions& options)
{
    KerasConfig config = read_keras_config(source);
    std::optional<std::optional<StoredWeights>> stored; // read once, when a layer first needs them
    const FileFacts facts{options, [&]() -> const StoredWeights* {
                              if (!stored) stored = read_stored_weights(source, config.info.format);
                              return *stored ? &**stored : nullptr;
                          }};
    try {
        const json root = parse_json(config.json);
        add_writer(config.info, writer_of(root));
        const JsonWriter writer{config.info.keras_version, config.info.backend, config.info.tensorflow_js};
        return {load_model(root, writer, facts), std::move(config.info)};
    } catch (const shape_error& e) { // the JSON reader's load_error, or a layer's rule
        std::string_view why = e.what();
        if (why.starts_with("keras_file: ")) throw; // reading the stored weights: it names its part
        if (why.starts_with("keras_json: ")) why.remove_prefix(std::string_view("keras_json: ").size());
        fail(source, config.part, why);
    }
}

} // namespace detail

#if NNSHAPE_IO_DEFINES_API
NNSHAPE_IO_API KerasFile read_keras_file(const std::filesystem::path& path, const KerasFileLimits& limits,
                                         const LoadOptions& options)
{
    return detail::read_keras({.path = path, .name = path.string(), .limits = limits}, options);
}

NNSHAPE_IO_API KerasFile read_keras_bytes(std::string_view bytes, std::string_view name, const KerasFileLimits& limits,
                                          const LoadOptions& options)
{
    return detail::read_keras({.bytes = bytes, .in_memory = true, .name = std::string(name), .limits = limits},
                              options);
}

NNSHAPE_IO_API LoadedModel load_keras_file(const std::filesystem::path& path, const KerasFileLimits& limits,
                                           const LoadOptions& options)
{
    return read_keras_file(path, limits, options).model;
}
#endif

} // namespace nnshape::io
