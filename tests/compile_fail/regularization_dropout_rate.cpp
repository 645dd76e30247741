// expect: Invalid value received for argument `rate`. Expected a float value between 0 and 1.
// Keras 3's Dropout message for rate=1.5.
#include <nnshape/nnshape.hpp>

using namespace nnshape;
constexpr Sequential model{Dropout{.rate = 1.5, .input_shape = Shape{4}}};
