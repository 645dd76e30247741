// A static memory plan for inference: MobileNetV2's activations at batch 1, float32, each at a byte
// offset in one arena, with the arena size beside its lower bound (the most bytes alive at once).
// MobileNet's plan is made at compile time and sizes a static arena; MobileNetV2's would need about
// 2.1 million Clang constexpr steps (-fconstexpr-steps=2200000; GCC's default limits suffice), so this
// example makes it at run time from the same code.
#include <nnshape/analysis/memory_plan.hpp>
#include <nnshape/applications/mobilenet.hpp>
#include <nnshape/fmt.hpp>

#include <cstddef>
#include <cstdint>
#include <span>

#include <fmt/format.h>

using namespace nnshape;

namespace {

// The firmware use: the arena is sized by the plan, and the build fails when a model change no longer fits.
constexpr auto mobilenet = [](Graph& g) { return applications::MobileNet(g); };
constexpr auto mobilenet_plan = plan_memory(mobilenet, {.batch_size = 1, .dtype = DType::float32});
static_assert(mobilenet_plan.arena_bytes <= 8 * 1024 * 1024, "MobileNet no longer fits the 8 MiB arena");
alignas(mobilenet_plan.alignment) std::byte mobilenet_arena[mobilenet_plan.arena_bytes];

// One tensor of the arena as floats: what an inference kernel would write (make_mdspan gives the
// same view as a std::mdspan where the standard library has one).
std::span<float> floats(std::span<std::byte> arena, const PlannedTensor& t)
{
    return {reinterpret_cast<float*>(arena.data() + t.offset), std::size_t(t.bytes) / sizeof(float)};
}

void print_plan(std::string_view model, const MemoryPlan<>& plan)
{
    fmt::print("{:<28} {:<20} {:>10} {:>10}  {}\n", "Tensor (layer)", "Shape", "Bytes", "Offset", "Live (calls)");
    for (const PlannedTensor& t : plan.tensors)
        fmt::print("{:<28} {:<20} {:>10} {:>10}  {}-{}\n", t.name.view(), t.shape, t.bytes, t.offset, t.first_call,
                   t.last_call == plan.call_count ? std::string("end") : fmt::format("{}", t.last_call));
    fmt::print("{}: {} tensors, arena {} bytes, lower bound {} bytes, ratio {:.3f} ({})\n\n", model,
               plan.tensors.size(), plan.arena_bytes, plan.lower_bound_bytes, plan.ratio(),
               plan.strategy == PlanStrategy::greedy_by_size ? "greedy by size" : "greedy by breadth");
}

} // namespace

int main()
{
    Graph g;
    const Model v2 = applications::MobileNetV2(g);
    print_plan("MobileNetV2", plan_memory(v2, {.batch_size = 1, .dtype = DType::float32}));

    const std::span<float> first = floats(mobilenet_arena, mobilenet_plan["conv1"]);
    first[0] = 1.0f;
    fmt::print("MobileNet, planned at compile time: static arena of {} bytes (lower bound {}), conv1 {} at "
               "offset {}: {} floats\n",
               sizeof mobilenet_arena, mobilenet_plan.lower_bound_bytes, mobilenet_plan["conv1"].shape,
               mobilenet_plan["conv1"].offset, first.size());
}
