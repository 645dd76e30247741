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

#include "keras_json/api.hpp"
#if NNSHAPE_IO_DEFINES_API
#include "keras_json/load.hpp"
#endif
