#pragma once
// Keras 2 / tf.keras .h5 files: the root attributes model_config, keras_version and backend, read
// with the HDF5 C API when nnshape::keras_file was built with it (NNSHAPE_KERAS_FILE_HDF5=1);
// otherwise a clear error. HDF5's own error printing is silenced while nnshape reads, and its
// error stack becomes the io::load_error's message.

#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "../keras_json/stored_weights.hpp"
#include "source.hpp"

#if NNSHAPE_KERAS_FILE_HDF5
#include <hdf5.h>
#endif

namespace nnshape::io::detail {

#if NNSHAPE_KERAS_FILE_HDF5

// An HDF5 identifier closed by `close` (H5Fclose, H5Aclose, ...) when it goes out of scope.
template <herr_t (*close)(hid_t)>
class h5_handle {
public:
    explicit h5_handle(hid_t id) : id_(id) {}
    h5_handle(h5_handle&& other) noexcept : id_(std::exchange(other.id_, -1)) {}
    h5_handle& operator=(h5_handle&&) = delete;
    ~h5_handle()
    {
        if (id_ >= 0) close(id_);
    }
    hid_t get() const { return id_; }
    explicit operator bool() const { return id_ >= 0; }

private:
    hid_t id_;
};

// Turns HDF5's printing of errors off for this thread's default error stack, and back on after.
class h5_silence {
public:
    h5_silence()
    {
        H5Eget_auto2(H5E_DEFAULT, &print_, &data_);
        H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
    }
    h5_silence(const h5_silence&) = delete;
    h5_silence& operator=(const h5_silence&) = delete;
    ~h5_silence() { H5Eset_auto2(H5E_DEFAULT, print_, data_); }

private:
    H5E_auto2_t print_ = nullptr;
    void* data_ = nullptr;
};

// The length of the NUL-terminated `text`, counting at most `max` characters.
inline std::size_t length_within(const char* text, std::size_t max)
{
    std::size_t n = 0;
    while (n < max && text[n] != '\0') ++n;
    return n;
}

// An HDF5 value type that is neither a string nor bytes, for messages: "a float", "an integer of 8 bytes".
inline std::string h5_class_name(H5T_class_t type_class, std::size_t size)
{
    switch (type_class) {
    case H5T_INTEGER:
        return "an integer of " + std::to_string(size) + " bytes";
    case H5T_FLOAT:
        return "a float";
    case H5T_COMPOUND:
        return "a compound value";
    case H5T_ENUM:
        return "an enum";
    case H5T_VLEN:
        return "a variable-length sequence";
    case H5T_ARRAY:
        return "an array type";
    default:
        return "an HDF5 value of type class " + std::to_string(int(type_class));
    }
}

// The error stack as one line, the API call's description then the innermost one
// ("unable to open file: file signature not found"), and the stack cleared.
inline std::string h5_error_text()
{
    std::vector<std::string> descriptions;
    H5Ewalk2(
        H5E_DEFAULT, H5E_WALK_DOWNWARD,
        [](unsigned, const H5E_error2_t* error, void* out) -> herr_t {
            static_cast<std::vector<std::string>*>(out)->emplace_back(error->desc ? error->desc : "");
            return 0;
        },
        &descriptions);
    H5Eclear2(H5E_DEFAULT);
    if (descriptions.empty()) return "HDF5 error";
    std::string text = descriptions.front();
    if (descriptions.size() > 1) text += ": " + descriptions.back();
    for (char& c : text)
        if (c == '\n' || c == '\r') c = ' ';
    return text;
}

inline h5_handle<H5Fclose> open_hdf5(const KerasSource& source)
{
    const h5_handle<H5Pclose> access(H5Pcreate(H5P_FILE_ACCESS));
    if (!access) fail(source, "", h5_error_text());
#if H5_VERSION_GE(1, 10, 7)
    H5Pset_file_locking(access.get(), false, true); // only reads: works on read-only and network file systems
#endif
    if (source.in_memory) {
        // The core driver over a copy of the bytes, with nothing written back.
        if (H5Pset_fapl_core(access.get(), 1 << 16, false) < 0 ||
            H5Pset_file_image(access.get(), const_cast<char*>(source.bytes.data()), source.bytes.size()) < 0)
            fail(source, "", h5_error_text());
    }
    const std::string path = source.in_memory ? source.name : source.path.string();
    h5_handle<H5Fclose> file(H5Fopen(path.c_str(), H5F_ACC_RDONLY, access.get()));
    if (!file) fail(source, "", "not a readable HDF5 file: " + h5_error_text());
    return file;
}

// The attribute's value as bytes: a string of fixed length (cut at its first NUL) or variable
// length, or raw bytes (an array of 8-bit integers, an opaque value); at most `limit` bytes.
inline std::string read_attribute(hid_t attribute, const KerasSource& source, const std::string& part,
                                  std::size_t limit, std::string_view knob)
{
    const h5_handle<H5Tclose> type(H5Aget_type(attribute));
    const h5_handle<H5Sclose> space(H5Aget_space(attribute));
    if (!type || !space) fail(source, part, h5_error_text());
    const hssize_t points = H5Sget_simple_extent_npoints(space.get());
    const std::size_t size = H5Tget_size(type.get());
    if (points < 0 || size == 0) fail(source, part, h5_error_text());
    const H5T_class_t type_class = H5Tget_class(type.get());
    const bool is_string = type_class == H5T_STRING;
    const bool is_bytes = (type_class == H5T_INTEGER && size == 1) || type_class == H5T_OPAQUE;
    if (!is_string && !is_bytes)
        fail(source, part, "expected a string or bytes, got " + h5_class_name(type_class, size));
    if (is_string && points != 1) fail(source, part, "expected one string, got " + std::to_string(points) + " strings");

    if (is_string && H5Tis_variable_str(type.get()) > 0) {
        const h5_handle<H5Tclose> memory(H5Tcopy(H5T_C_S1));
        if (!memory || H5Tset_size(memory.get(), H5T_VARIABLE) < 0 ||
            H5Tset_cset(memory.get(), H5Tget_cset(type.get())) < 0)
            fail(source, part, h5_error_text());
        char* text = nullptr;
        const herr_t read = H5Aread(attribute, memory.get(), &text);
        const std::unique_ptr<char, herr_t (*)(void*)> owned(text, H5free_memory); // HDF5 allocated it
        if (read < 0) fail(source, part, h5_error_text());
        const std::size_t length = text ? length_within(text, limit + 1) : 0;
        if (length > limit) fail(source, part, over_limit(length, limit, knob));
        return std::string(text ? text : "", length);
    }
    if (std::size_t(points) > limit / size) fail(source, part, over_limit(std::size_t(points) * size, limit, knob));
    // The file's own type as the memory type: the bytes are copied, not converted.
    const h5_handle<H5Tclose> memory(H5Tcopy(type.get()));
    std::string bytes(std::size_t(points) * size, '\0');
    if (!memory || H5Aread(attribute, memory.get(), bytes.data()) < 0) fail(source, part, h5_error_text());
    if (is_string) bytes.resize(length_within(bytes.data(), bytes.size()));
    return bytes;
}

// The root attribute `name`, or nullopt when the file has none.
inline std::optional<std::string> read_root_attribute(hid_t file, const KerasSource& source, const char* name,
                                                      std::size_t limit, std::string_view knob)
{
    const std::string part = std::string("attribute ") + name;
    const htri_t exists = H5Aexists(file, name);
    if (exists < 0) fail(source, part, h5_error_text());
    if (exists == 0) return std::nullopt;
    const h5_handle<H5Aclose> attribute(H5Aopen(file, name, H5P_DEFAULT));
    if (!attribute) fail(source, part, h5_error_text());
    return read_attribute(attribute.get(), source, part, limit, knob);
}

inline KerasConfig read_keras_hdf5(const KerasSource& source)
{
    const h5_silence silence; // declared first: every handle is closed before printing comes back
    const h5_handle<H5Fclose> file = open_hdf5(source);
    std::optional<std::string> config =
        read_root_attribute(file.get(), source, "model_config", source.limits.config_bytes, "config_bytes");
    if (!config)
        fail(source, "",
             "an HDF5 file without the attribute model_config: it holds weights only "
             "(model.save_weights), not a model");
    KerasConfig out{std::move(*config), "attribute model_config", {.format = KerasFormat::hdf5}};
    const std::size_t small = source.limits.metadata_bytes;
    out.info.keras_version =
        read_root_attribute(file.get(), source, "keras_version", small, "metadata_bytes").value_or("");
    out.info.backend = read_root_attribute(file.get(), source, "backend", small, "metadata_bytes").value_or("");
    return out;
}

// The values of every dataset under `group`, through hard links only (an external link could reach
// another file).
inline std::int64_t dataset_values(hid_t group, const KerasSource& source, const std::string& part)
{
    struct Walk {
        std::int64_t total = 0;
        bool overflow = false;
    } walk;
    const auto visit = [](hid_t from, const char* name, const H5L_info_t* info, void* data) -> herr_t {
        Walk& w = *static_cast<Walk*>(data);
        if (info->type != H5L_TYPE_HARD) return 0;
        const h5_handle<H5Oclose> object(H5Oopen(from, name, H5P_DEFAULT));
        if (!object) return -1;
        if (H5Iget_type(object.get()) != H5I_DATASET) return 0;
        const h5_handle<H5Sclose> space(H5Dget_space(object.get()));
        const hssize_t values = space ? H5Sget_simple_extent_npoints(space.get()) : -1;
        if (values < 0) return -1;
        w.overflow = w.total > std::numeric_limits<std::int64_t>::max() - values;
        if (w.overflow) return -1;
        w.total += values;
        return 0;
    };
    if (H5Lvisit(group, H5_INDEX_NAME, H5_ITER_NATIVE, visit, &walk) < 0)
        fail(source, part, walk.overflow ? "the stored weights' count overflows 64-bit arithmetic" : h5_error_text());
    return walk.total;
}

// The weights stored in the groups under `root`, counted per group (facts.hpp's StoredWeights); none
// when the file has no `root`.
inline std::optional<StoredWeights> stored_weights(const KerasSource& source, const char* root,
                                                   StoredWeights::Layout layout)
{
    const h5_silence silence; // declared first: every handle is closed before printing comes back
    const h5_handle<H5Fclose> file = open_hdf5(source);
    const htri_t exists = H5Lexists(file.get(), root, H5P_DEFAULT);
    if (exists < 0) fail(source, root, h5_error_text());
    if (exists == 0) return std::nullopt;
    const h5_handle<H5Gclose> group(H5Gopen2(file.get(), root, H5P_DEFAULT));
    if (!group) fail(source, root, h5_error_text());
    std::vector<std::string> names;
    const auto list = [](hid_t, const char* name, const H5L_info_t* info, void* data) -> herr_t {
        if (info->type == H5L_TYPE_HARD) static_cast<std::vector<std::string>*>(data)->emplace_back(name);
        return 0;
    };
    if (H5Literate(group.get(), H5_INDEX_NAME, H5_ITER_NATIVE, nullptr, list, &names) < 0)
        fail(source, root, h5_error_text());
    StoredWeights stored{.layout = layout, .counts = {}};
    for (const std::string& name : names) {
        const std::string part = std::string(root) + "/" + name;
        const h5_handle<H5Oclose> child(H5Oopen(group.get(), name.c_str(), H5P_DEFAULT));
        if (!child) fail(source, part, h5_error_text());
        if (H5Iget_type(child.get()) == H5I_GROUP)
            stored.counts.emplace(name, dataset_values(child.get(), source, part));
    }
    return stored;
}

#else

inline std::optional<StoredWeights> stored_weights(const KerasSource& source, const char* root, StoredWeights::Layout)
{
    fail(source, root,
         "the weights are in HDF5, and this nnshape::keras_file was built without HDF5 (NNSHAPE_KERAS_FILE_HDF5; "
         "Debian: libhdf5-dev)");
}

inline KerasConfig read_keras_hdf5(const KerasSource& source)
{
    fail(source, "",
         "an HDF5 file (a Keras 2 .h5 file), and this nnshape::keras_file was built without "
         "HDF5 (NNSHAPE_KERAS_FILE_HDF5; Debian: libhdf5-dev)");
}

#endif

// A .h5 model file's weights: model_weights/<layer name> (Keras 2, tf.keras hdf5_format.py, Keras 3
// legacy_h5_format.py save_weights_to_hdf5_group).
inline std::optional<StoredWeights> read_hdf5_weights(const KerasSource& source)
{
    return stored_weights(source, "model_weights", StoredWeights::Layout::by_layer_name);
}

} // namespace nnshape::io::detail
