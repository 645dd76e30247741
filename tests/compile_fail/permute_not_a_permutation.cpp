// expect: Invalid permutation argument dims for Permute Layer
// tf.keras / Keras 3 reject Permute((1, 1)).
#include <nnshape/nnshape.hpp>

using namespace nnshape;
constexpr Sequential model{Permute{.dims = {1, 1}, .input_shape = Shape{3, 4}}};
