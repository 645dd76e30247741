// Constant-evaluation budget (CTest compile_budget.functional_chain, Clang only): an Input and 500 Dense(16)
// calls in a Graph must fit the step budget tests/CMakeLists.txt gives Clang (-fconstexpr-steps), a
// deterministic figure where compile time is not (docs/performance.md).
#include <cstdint>
#include <nnshape/nnshape.hpp>

constexpr int layers = 500;

constexpr std::int64_t functional_chain()
{
    nnshape::Graph g;
    const nnshape::Tensor inputs = nnshape::Input(g, {.shape = {16}});
    nnshape::Tensor x = inputs;
    for (int i = 0; i < layers; ++i) x = nnshape::Dense{.units = 16}(x);
    return nnshape::Model{inputs, x}.count_params();
}
static_assert(functional_chain() == layers * 272); // Dense(16) on 16 features: 16 * 16 + 16

int main() {}
