// expect: Computed output size would be zero or negative
// Spec §0.4: Conv2D(16, 3) with padding='valid' on a 2x2 input (TF: "Negative dimension size").
#include <nnshape/nnshape.hpp>

using namespace nnshape;
constexpr Sequential model{Conv2D{.filters = 16, .kernel_size = 3, .input_shape = Shape{2, 2, 3}}};
