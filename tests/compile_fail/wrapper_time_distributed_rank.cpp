// expect: `TimeDistributed` Layer should be passed an `input_shape` with at least 3 dimensions
// Keras's TimeDistributed message for a (None, 16) input.
#include <nnshape/nnshape.hpp>

using namespace nnshape;
constexpr Sequential model{TimeDistributed{.layer = Dense{.units = 8}, .input_shape = Shape{16}}};
