// Every layer of the core, activation, regularization and reshaping families, and OpaqueLayer, through
// every path, at compile time and at run time (layer_case.hpp).
#include "cases/activations.hpp"
#include "cases/core.hpp"
#include "cases/opaque.hpp"
#include "cases/regularization.hpp"
#include "cases/reshaping.hpp"

namespace nnshape::harness {

static_assert(core_cases(at_compile_time));
static_assert(activations_cases(at_compile_time));
static_assert(regularization_cases(at_compile_time));
static_assert(reshaping_cases(at_compile_time));
static_assert(opaque_cases(at_compile_time));

TEST_CASE("harness: core layers") { CHECK(core_cases(at_run_time)); }
TEST_CASE("harness: activation layers") { CHECK(activations_cases(at_run_time)); }
TEST_CASE("harness: regularization layers") { CHECK(regularization_cases(at_run_time)); }
TEST_CASE("harness: reshaping layers") { CHECK(reshaping_cases(at_run_time)); }
TEST_CASE("harness: OpaqueLayer") { CHECK(opaque_cases(at_run_time)); }

} // namespace nnshape::harness
