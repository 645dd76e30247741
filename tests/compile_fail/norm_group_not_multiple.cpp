// expect: GroupNormalization: Number of groups (G) must be a multiple of the number of channels (C).
// GroupNormalization(groups=3) on 4 channels (Keras 3 group_normalization_test).
#include <nnshape/nnshape.hpp>

using namespace nnshape;
constexpr Sequential model{GroupNormalization{.groups = 3, .input_shape = {2, 2, 4}}};
