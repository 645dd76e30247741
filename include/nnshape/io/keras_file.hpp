#pragma once
// Reads a Keras model from the file Keras saved, whatever its kind, told from the content (never the
// file name): a Keras 3 .keras archive (its config.json, with libzip), a Keras 2 / tf.keras .h5 file
// (its root attribute model_config, with HDF5), or JSON (model.to_json(), a TensorFlow.js
// model.json). Optional: CMake target nnshape::keras_file, which links libzip and HDF5 where they
// were found (Debian: libzip-dev, libhdf5-dev); a build without one reads the other formats and
// says so for its own.
//
//   const nnshape::io::LoadedModel m = nnshape::io::load_keras_file("model.keras");
//   const nnshape::io::KerasFile f = nnshape::io::read_keras_file("model.h5");   // + f.info.keras_version
//
// Anything unreadable -- a corrupt archive or HDF5 file, a missing config, a part over a limit
// (KerasFileLimits), a config the JSON reader refuses -- throws one io::load_error naming the file,
// the part and why: `keras_file: model.keras: config.json: malformed JSON: ...`. Every libzip and
// HDF5 handle is closed on every path. Not thread-safe when reading .h5 files (HDF5's error printing
// is switched off and on around each read). HDF5 1.10 itself is not safe against hostile .h5 files
// (docs/reading-models.md#hostile-files): read untrusted ones in a separate process.

#include "keras_file/api.hpp"
#if NNSHAPE_IO_DEFINES_API
#include "keras_file/load.hpp"
#endif
