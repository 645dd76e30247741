#pragma once
// The Keras file reader's lowest level: what is read (a file, or bytes in memory), the limits that
// guard against hostile files, the format told by the first bytes, and the one-line errors that
// name the file, the part of it and why.

#include <array>
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <system_error>

#include "../keras_json.hpp"

namespace nnshape::io {

// How a file stores its model config; read_keras_file tells it from the content, never the name.
enum class KerasFormat {
    json, // model.to_json() text or a TensorFlow.js model.json
    keras_archive, // a Keras 3 .keras zip archive: config.json, metadata.json, model.weights.h5
    hdf5, // a Keras 2 / tf.keras .h5 file: the root attribute model_config
};

// Limits against hostile files: a file over one is refused with an io::load_error naming the limit.
struct KerasFileLimits {
    std::size_t config_bytes = std::size_t{64} << 20; // config.json, the model_config attribute, a JSON file
    std::size_t metadata_bytes = std::size_t{1} << 20; // metadata.json, the keras_version and backend attributes
    std::size_t zip_entries = 10'000; // entries in a .keras archive (Keras writes 3, or a few more with assets)
    // model.weights.h5 of a .keras archive, read into memory for its weights' shapes, only when a
    // layer of a class nnshape does not know needs its weight count
    std::size_t weights_bytes = std::size_t{1} << 30;
};

// What a file says besides the model ("" where it says nothing).
struct KerasFileInfo {
    KerasFormat format = KerasFormat::json;
    // metadata.json's (.keras), the root attribute (.h5), model.to_json()'s top-level key, a
    // TensorFlow.js model.json's modelTopology's ("tfjs-layers 4.22.0" when TensorFlow.js made it)
    std::string keras_version{};
    std::string backend{}; // where keras_version is, but a .keras file's (Keras 2: "tensorflow")
    bool tensorflow_js = false; // a TensorFlow.js model.json
    std::string generated_by{}; // its "generatedBy": "TensorFlow.js tfjs-layers v4.22.0", "keras v2.12.0"
};

namespace detail {

// A file on disk (`path`), or bytes in memory, under `name` in messages.
struct KerasSource {
    std::filesystem::path path{};
    std::string_view bytes{};
    bool in_memory = false;
    std::string name{};
    KerasFileLimits limits{};
};

// A model config's JSON text, the part of the file it was in, and what else the file said.
struct KerasConfig {
    std::string json;
    std::string part; // "config.json", "attribute model_config", or "" (the whole file is JSON)
    KerasFileInfo info;
};

// `keras_file: model.keras: config.json: why` (the part is left out when empty).
[[noreturn]] inline void fail(const KerasSource& source, std::string_view part, std::string_view why)
{
    std::string where = source.name;
    if (!part.empty()) where.append(": ").append(part);
    throw load_error("keras_file: " + where + ": " + std::string(why));
}

inline std::string over_limit(std::size_t size, std::size_t limit, std::string_view knob)
{
    return "at least " + std::to_string(size) + " bytes, over nnshape's limit of " + std::to_string(limit) +
           " (KerasFileLimits::" + std::string(knob) + ")";
}

// Throws unless `path` names a file that can be opened for reading.
inline std::ifstream open_file(const KerasSource& source)
{
    std::error_code ec;
    const auto status = std::filesystem::status(source.path, ec);
    if (!std::filesystem::exists(status)) fail(source, "", "cannot open: no such file");
    if (std::filesystem::is_directory(status))
        fail(source, "", "cannot open: a directory (nnshape reads .keras, .h5 and JSON files)");
    std::ifstream file(source.path, std::ios::binary);
    if (!file) fail(source, "", "cannot open for reading");
    return file;
}

// The first bytes of the file (fewer if it is shorter).
inline std::string head_of(const KerasSource& source, std::size_t count)
{
    if (source.in_memory) return std::string(source.bytes.substr(0, count));
    std::ifstream file = open_file(source);
    std::string head(count, '\0');
    file.read(head.data(), std::streamsize(count));
    head.resize(std::size_t(file.gcount()));
    return head;
}

// Zip archives start with a local file header (or, when empty, the end-of-central-directory record);
// HDF5 files with the HDF5 signature (Keras and h5py write no user block before it).
inline KerasFormat format_of(std::string_view head)
{
    if (head.starts_with("PK\x03\x04") || head.starts_with("PK\x05\x06")) return KerasFormat::keras_archive;
    if (head.starts_with("\x89HDF\r\n\x1a\n")) return KerasFormat::hdf5;
    return KerasFormat::json;
}

// The whole input as text, refused past limits.config_bytes.
inline KerasConfig read_json_text(const KerasSource& source)
{
    const std::size_t limit = source.limits.config_bytes;
    if (source.in_memory) {
        if (source.bytes.size() > limit) fail(source, "", over_limit(source.bytes.size(), limit, "config_bytes"));
        return {std::string(source.bytes), "", {}};
    }
    std::ifstream file = open_file(source);
    std::string text;
    std::array<char, 1 << 16> chunk;
    while (file) {
        file.read(chunk.data(), chunk.size());
        text.append(chunk.data(), std::size_t(file.gcount()));
        if (text.size() > limit) fail(source, "", over_limit(text.size(), limit, "config_bytes"));
    }
    if (!file.eof()) fail(source, "", "cannot read");
    return {std::move(text), "", {}};
}

} // namespace detail
} // namespace nnshape::io
