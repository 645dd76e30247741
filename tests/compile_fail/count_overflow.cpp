// expect: count overflows 64-bit arithmetic
// Dense(2^40) on 2^40 features: 2^80 weights.
#include <nnshape/nnshape.hpp>

#include <cstdint>

using namespace nnshape;
constexpr std::int64_t big = std::int64_t{1} << 40;
static_assert(Sequential{Dense{.units = big, .input_shape = Shape{big}}}.count_params() > 0);
