// expect: Pooling: Argument `padding` must be either
// Keras 3 compute_pooling_output_shape: "Argument `padding` must be either 'valid' or 'same'." (GCC escapes the quotes).
#include <nnshape/nnshape.hpp>

using namespace nnshape;
constexpr Sequential model{MaxPooling1D{.padding = causal, .input_shape = Shape{7, 5}}};
