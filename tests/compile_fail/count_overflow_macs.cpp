// expect: count overflows 64-bit arithmetic
// Conv2D(8, 3, padding='same') on a 2^31 x 2^31 image: 224 weights, but 2^65 output elements.
#include <nnshape/analysis/flops.hpp>
#include <nnshape/nnshape.hpp>

#include <cstdint>

using namespace nnshape;
constexpr std::int64_t big = std::int64_t{1} << 31;
constexpr Sequential model{Conv2D{.filters = 8, .kernel_size = 3, .padding = same, .input_shape = Shape{big, big, 3}}};
static_assert(model.count_params() == 224);
static_assert(cost(model).total.macs.known());
