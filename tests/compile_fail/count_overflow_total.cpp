// expect: count overflows 64-bit arithmetic
// Each Dense(2^31) on 2^31 features has 2^62 + 2^31 weights, which fits; the two together do not.
#include <nnshape/nnshape.hpp>

#include <cstdint>

using namespace nnshape;
constexpr std::int64_t big = std::int64_t{1} << 31;
static_assert(Sequential{Dense{.units = big, .input_shape = Shape{big}}, Dense{.units = big}}.count_params() > 0);
