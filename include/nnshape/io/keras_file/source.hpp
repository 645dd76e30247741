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

#include "api.hpp"

namespace nnshape::io::detail {

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

} // namespace nnshape::io::detail
