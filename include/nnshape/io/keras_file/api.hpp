#pragma once
// The Keras file reader's types and entry points, without the reader: what a program that calls
// io::read_keras_file sees when it links the compiled library (io/linkage.hpp); keras_file.hpp adds
// the definitions otherwise.

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

#include "../keras_json/api.hpp"

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

// A model read from a file, and what the file said about itself.
struct KerasFile {
    LoadedModel model;
    KerasFileInfo info;
};

// Reads the model in the file at `path`, and what the file says about itself (KerasFileInfo).
NNSHAPE_IO_API KerasFile read_keras_file(const std::filesystem::path& path, const KerasFileLimits& limits = {},
                                         const LoadOptions& options = {});
// The same for a file's bytes already in memory; `name` stands for the file in messages.
NNSHAPE_IO_API KerasFile read_keras_bytes(std::string_view bytes, std::string_view name = "<memory>",
                                          const KerasFileLimits& limits = {}, const LoadOptions& options = {});
// Reads the model in the file at `path`: .keras, .h5 or JSON, told from the content.
NNSHAPE_IO_API LoadedModel load_keras_file(const std::filesystem::path& path, const KerasFileLimits& limits = {},
                                           const LoadOptions& options = {});

} // namespace nnshape::io
