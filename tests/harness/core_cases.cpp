// Every layer of a family through every path, at compile time and at run time (layer_case.hpp).
#include "cases/core.hpp"

namespace nnshape::harness {

static_assert(core_cases(at_compile_time));

TEST_CASE("harness: core layers") { CHECK(core_cases(at_run_time)); }

} // namespace nnshape::harness
