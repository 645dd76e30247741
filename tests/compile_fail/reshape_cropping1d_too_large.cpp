// expect: `cropping` parameter of `Cropping1D` layer must be smaller than the input length.
// Keras 3 cropping1d.py: the default cropping (1, 1) on a length-2 input leaves nothing.
#include <nnshape/nnshape.hpp>

using namespace nnshape;
constexpr Sequential model{Cropping1D{.input_shape = Shape{2, 4}}};
