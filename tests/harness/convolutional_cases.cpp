// Every layer of the convolutional, pooling and locally connected families through every path, at
// compile time and at run time (layer_case.hpp).
#include "cases/convolutional.hpp"
#include "cases/locally_connected.hpp"
#include "cases/pooling.hpp"

namespace nnshape::harness {

static_assert(convolutional_cases(at_compile_time));
static_assert(convolutional_variant_cases(at_compile_time));
static_assert(pooling_cases(at_compile_time));
static_assert(adaptive_pooling_cases(at_compile_time));
static_assert(locally_connected_cases(at_compile_time));

TEST_CASE("harness: Conv1D, Conv2D, Conv3D") { CHECK(convolutional_cases(at_run_time)); }
TEST_CASE("harness: depthwise, separable and transposed convolutions")
{
    CHECK(convolutional_variant_cases(at_run_time));
}
TEST_CASE("harness: pooling layers") { CHECK(pooling_cases(at_run_time)); }
TEST_CASE("harness: adaptive pooling layers") { CHECK(adaptive_pooling_cases(at_run_time)); }
TEST_CASE("harness: locally connected layers") { CHECK(locally_connected_cases(at_run_time)); }

} // namespace nnshape::harness
