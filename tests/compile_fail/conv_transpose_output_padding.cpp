// expect: `output_padding` must be strictly less than `strides` for all dimensions.
// Keras 3 base_conv_transpose.py: Conv1DTranspose(4, 3, strides=2, output_padding=2) is rejected.
#include <nnshape/nnshape.hpp>

using namespace nnshape;
constexpr Sequential model{
    Conv1DTranspose{.filters = 4, .kernel_size = 3, .strides = 2, .output_padding = 2, .input_shape = Shape{5, 3}}};
