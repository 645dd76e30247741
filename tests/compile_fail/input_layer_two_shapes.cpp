// expect: pass exactly one of shape, batch_shape or batch_input_shape
#include <nnshape/nnshape.hpp>

using namespace nnshape;
constexpr Sequential model{InputLayer{.shape = Shape{4}, .batch_shape = Shape{None, 4}}, Dense{.units = 2}};
