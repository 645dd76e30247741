// Constant-evaluation budget (CTest compile_budget.sequential_dense, Clang only): a 500-layer Sequential of
// Dense(16) built with add() in a constexpr function must fit the step budget tests/CMakeLists.txt gives
// Clang (-fconstexpr-steps), a deterministic figure where compile time is not (docs/performance.md).
#include <cstdint>
#include <nnshape/nnshape.hpp>

constexpr int layers = 500;

constexpr std::int64_t sequential_dense()
{
    nnshape::Sequential model;
    model.add(nnshape::Dense{.units = 16, .input_shape = {16}});
    for (int i = 1; i < layers; ++i) model.add(nnshape::Dense{.units = 16});
    return model.count_params();
}
static_assert(sequential_dense() == layers * 272); // Dense(16) on 16 features: 16 * 16 + 16

int main() {}
