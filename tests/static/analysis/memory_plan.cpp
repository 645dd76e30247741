// A compile-time memory plan for a Keras Application under both compilers' default constant-evaluation
// limits: the firmware use, a static arena sized by the plan and a static_assert on its size.
// Expected numbers: MobileNet's lower bound at batch 1, float32, from the Keras sources (arithmetic in
// tests/unit/analysis/memory_plan.cpp: conv_pw_1_relu 112x112x64 and conv_pad_2 113x113x64 alive together).
// This file compiling is the test.
#include <nnshape/analysis/memory_plan.hpp>
#include <nnshape/applications/mobilenet.hpp>

#include <cstddef>

namespace static_analysis_memory_plan_test {

namespace {
using namespace nnshape;

constexpr auto mobilenet = [](Graph& g) { return applications::MobileNet(g); };
constexpr auto plan = plan_memory(mobilenet, {.batch_size = 1, .dtype = DType::float32});

static_assert(plan.tensors.size() == 91); // one output per layer, the InputLayer's included
static_assert(plan.lower_bound_bytes == (112 * 112 * 64 + 113 * 113 * 64) * 4);
static_assert(plan.arena_bytes >= plan.lower_bound_bytes && plan.arena_bytes * 10 <= plan.lower_bound_bytes * 11);
static_assert(plan.arena_bytes <= 8 * 1024 * 1024); // a firmware budget: fails when the model outgrows it
static_assert(plan["conv_pad_2"].extents<4>()[1] == 113 && plan["conv_pad_2"].offset % plan.alignment == 0);

[[maybe_unused]] alignas(plan.alignment) std::byte arena[plan.arena_bytes];

} // namespace

} // namespace static_analysis_memory_plan_test
