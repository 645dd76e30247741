// expect: expected ndim = spatial rank + 2
// Conv2D needs (batch, rows, cols, channels); (None, 7, 3) has rank 3.
#include <nnshape/nnshape.hpp>

using namespace nnshape;
constexpr Sequential model{Conv2D{.filters = 16, .kernel_size = 3, .input_shape = Shape{7, 3}}};
