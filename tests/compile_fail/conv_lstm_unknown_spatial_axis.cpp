// expect: ConvLSTM layers only support static input shapes for the spatial dimension.
// Keras 3 conv_lstm.py: a ConvLSTM2D input whose height is None.
#include <nnshape/nnshape.hpp>

using namespace nnshape;
constexpr Sequential model{ConvLSTM2D{.filters = 4, .kernel_size = 3, .input_shape = Shape{5, None, 8, 3}}};
