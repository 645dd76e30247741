#pragma once
// The weights a model file stores, as the file readers (keras_file/) hand them to the JSON reader's
// facts (facts.hpp).

#include <cstdint>
#include <functional>
#include <map>
#include <string>

namespace nnshape::io::detail {

// The weights a model file stores, counted per group: a .h5 file's `model_weights/<layer name>`
// (Keras 2, tf.keras and Keras 3's legacy_h5_format), or a .keras file's `layers/<path>` in
// model.weights.h5 (Keras 3's saving_lib), each with the values of every dataset under it.
struct StoredWeights {
    enum class Layout : std::uint8_t { by_layer_name, by_keras3_path };
    Layout layout = Layout::by_layer_name;
    std::map<std::string, std::int64_t, std::less<>> counts;
};

} // namespace nnshape::io::detail
