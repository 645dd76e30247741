#pragma once
// Keras 3 .keras archives: config.json (and metadata.json's keras_version) read with libzip, when
// nnshape::keras_file was built with it (NNSHAPE_KERAS_FILE_ZIP=1); otherwise a clear error.

#include <array>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "../keras_json/json.hpp"
#include "source.hpp"

#if NNSHAPE_KERAS_FILE_ZIP
#include <zip.h>
#endif

namespace nnshape::io::detail {

#if NNSHAPE_KERAS_FILE_ZIP

// Owners of libzip's handles. A read-only archive is discarded, not closed: nothing is written back.
struct zip_discarder {
    void operator()(zip_t* archive) const { zip_discard(archive); }
};
struct zip_file_closer {
    void operator()(zip_file_t* file) const { zip_fclose(file); }
};
struct zip_source_freer {
    void operator()(zip_source_t* source) const { zip_source_free(source); }
};
using zip_archive_ptr = std::unique_ptr<zip_t, zip_discarder>;

// libzip's message for an error it reported through a zip_error_t.
inline std::string zip_error_text(zip_error_t& error)
{
    std::string text = zip_error_strerror(&error);
    zip_error_fini(&error);
    return text;
}

inline zip_archive_ptr open_zip(const KerasSource& source)
{
    constexpr int flags = ZIP_RDONLY | ZIP_CHECKCONS;
    zip_error_t error;
    zip_error_init(&error);
    zip_archive_ptr archive;
    if (source.in_memory) {
        // The archive owns the source once it is open; until then the unique_ptr does.
        std::unique_ptr<zip_source_t, zip_source_freer> bytes(
            zip_source_buffer_create(source.bytes.data(), source.bytes.size(), 0, &error));
        if (bytes) archive.reset(zip_open_from_source(bytes.get(), flags, &error));
        if (archive) bytes.release();
    } else {
        int code = 0;
        archive.reset(zip_open(source.path.c_str(), flags, &code));
        if (!archive) zip_error_init_with_code(&error, code);
    }
    // libzip's consistency check refuses two entries of one name ("File already exists"), which would
    // let one reader take a config another never saw.
    if (!archive && zip_error_code_zip(&error) == ZIP_ER_EXISTS)
        fail(source, "", "not a readable zip archive: two entries have the same name (" + zip_error_text(error) + ")");
    if (!archive) fail(source, "", "not a readable zip archive: " + zip_error_text(error));
    zip_error_fini(&error);
    return archive;
}

// The entry `name` (at most `limit` bytes), or nullopt when the archive has none.
inline std::optional<std::string> read_zip_entry(zip_t* archive, const KerasSource& source, const char* name,
                                                 std::size_t limit, std::string_view knob)
{
    const zip_int64_t index = zip_name_locate(archive, name, 0);
    if (index < 0) return std::nullopt;
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat_index(archive, zip_uint64_t(index), 0, &stat) != 0)
        fail(source, name, std::string("cannot read its zip entry: ") + zip_strerror(archive));
    if ((stat.valid & ZIP_STAT_SIZE) && stat.size > limit) fail(source, name, over_limit(stat.size, limit, knob));
    const std::unique_ptr<zip_file_t, zip_file_closer> file(zip_fopen_index(archive, zip_uint64_t(index), 0));
    if (!file) fail(source, name, std::string("cannot open its zip entry: ") + zip_strerror(archive));
    // Read to the end, not to the stated size, which a hostile archive can understate.
    std::string text;
    std::array<char, 1 << 16> chunk;
    while (true) {
        const zip_int64_t got = zip_fread(file.get(), chunk.data(), chunk.size());
        if (got < 0) fail(source, name, std::string("cannot decompress: ") + zip_file_strerror(file.get()));
        if (got == 0) return text;
        text.append(chunk.data(), std::size_t(got));
        if (text.size() > limit) fail(source, name, over_limit(text.size(), limit, knob));
    }
}

// metadata.json's "keras_version" ("" when absent).
inline std::string keras_version_in(std::string_view metadata, const KerasSource& source)
{
    const json root = json::parse(metadata.begin(), metadata.end(), nullptr, false);
    if (root.is_discarded() || !root.is_object()) fail(source, "metadata.json", "expected a JSON object");
    const auto version = root.find("keras_version");
    if (version == root.end()) return "";
    if (!version->is_string()) fail(source, "metadata.json", "\"keras_version\" is not a string");
    return version->get<std::string>();
}

inline KerasConfig read_keras_archive(const KerasSource& source)
{
    const zip_archive_ptr archive = open_zip(source);
    const zip_int64_t entries = zip_get_num_entries(archive.get(), 0);
    if (entries < 0 || std::size_t(entries) > source.limits.zip_entries)
        fail(source, "",
             "the archive lists " + std::to_string(entries) + " entries, over nnshape's limit of " +
                 std::to_string(source.limits.zip_entries) + " (KerasFileLimits::zip_entries)");
    std::optional<std::string> config =
        read_zip_entry(archive.get(), source, "config.json", source.limits.config_bytes, "config_bytes");
    if (!config)
        fail(source, "",
             "a zip archive without config.json: not a Keras 3 .keras file "
             "(which holds config.json, metadata.json and model.weights.h5)");
    KerasConfig out{std::move(*config), "config.json", {.format = KerasFormat::keras_archive}};
    if (const auto metadata =
            read_zip_entry(archive.get(), source, "metadata.json", source.limits.metadata_bytes, "metadata_bytes"))
        out.info.keras_version = keras_version_in(*metadata, source);
    return out;
}

// The archive's entry `name` (nullopt when it has none), for a part read after config.json.
inline std::optional<std::string> read_archive_entry(const KerasSource& source, const char* name, std::size_t limit,
                                                     std::string_view knob)
{
    const zip_archive_ptr archive = open_zip(source);
    return read_zip_entry(archive.get(), source, name, limit, knob);
}

#else

inline KerasConfig read_keras_archive(const KerasSource& source)
{
    fail(source, "",
         "a zip archive (a Keras 3 .keras file), and this nnshape::keras_file was built without "
         "libzip (NNSHAPE_KERAS_FILE_ZIP; Debian: libzip-dev): unzip it and read its config.json");
}

inline std::optional<std::string> read_archive_entry(const KerasSource& source, const char*, std::size_t,
                                                     std::string_view)
{
    read_keras_archive(source); // refuses it
    return std::nullopt;
}

#endif

} // namespace nnshape::io::detail
