// The operations on tensors (TFOpLambda) through every path, at compile time and at run time
// (layer_case.hpp).
#include "cases/ops.hpp"

namespace nnshape::harness {

static_assert(ops_cases(at_compile_time));

TEST_CASE("harness: operations") { CHECK(ops_cases(at_run_time)); }

} // namespace nnshape::harness
