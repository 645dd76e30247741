// expect: RepeatVector: expected ndim=2
// Keras 3 repeat_vector.py: InputSpec(ndim=2).
#include <nnshape/nnshape.hpp>

using namespace nnshape;
constexpr Sequential model{RepeatVector{.n = 3, .input_shape = Shape{4, 5}}};
