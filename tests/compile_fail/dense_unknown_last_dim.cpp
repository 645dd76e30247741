// expect: The last dimension of the inputs to a Dense layer should be defined. Found None.
// tf.keras's message for Dense on (None, 3, None).
#include <nnshape/nnshape.hpp>

using namespace nnshape;
constexpr Sequential model{Dense{.units = 5, .input_shape = Shape{3, None}}};
