// expect: Normalization: All `axis` values to be kept must have a known shape.
// Normalization() keeps the last axis, whose size is None here (spec §2.8).
#include <nnshape/nnshape.hpp>

using namespace nnshape;
constexpr Sequential model{Normalization{.input_shape = {5, None}}};
