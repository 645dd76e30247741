#pragma once
// A static memory plan for inference: one byte offset per activation tensor in a single arena, so that
// tensors alive at the same time never overlap, found at compile time when the model is built in a
// constant expression. Placement is first fit in two orders, greedy by size (TensorFlow Lite Micro's
// GreedyMemoryPlanner) and greedy by breadth (Pisarchyk & Lee, "Efficient Memory Management for Deep
// Neural Net Inference", 2020); the lower bound beside the arena size is the most bytes alive at once,
// activation_memory()'s peak. docs/conventions.md defines live ranges, both orders and both sizes.
//
//   constexpr auto mobilenet = [](Graph& g) { return applications::MobileNet(g); };
//   constexpr auto plan = plan_memory(mobilenet, {.batch_size = 1, .dtype = DType::float32});
//   alignas(plan.alignment) static std::byte arena[plan.arena_bytes];

#include <algorithm>
#include <array>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "../trace.hpp"
#include "memory.hpp"

namespace nnshape {

// A dtype for the outputs of one layer, by its name, overriding MemoryPlanOptions::dtype.
struct LayerDType {
    std::string_view layer;
    DType dtype;
};

// The order in which first fit places the tensors; `smallest` tries both and keeps the smaller arena
// (greedy_by_size on a tie).
enum class PlanStrategy : std::uint8_t { smallest, greedy_by_size, greedy_by_breadth };

struct MemoryPlanOptions {
    std::int64_t batch_size = 1; // replaces a None batch axis, as in MemoryOptions
    DType dtype = DType::float32; // of every activation not listed in `dtypes`
    std::int64_t alignment = 16; // every offset is a multiple of it (a power of two)
    std::span<const LayerDType> dtypes{}; // per-layer overrides (mixed precision)
    Naming naming = keras2; // the style of automatic layer names, here and in `dtypes`
    PlanStrategy strategy = PlanStrategy::smallest;
};

// One tensor of the plan: output `output` of layer `name`, alive from call `first_call` to call
// `last_call` of trace(model), both included. Model inputs are alive from call 0; outputs, and tensors
// nothing reads, to `last_call == call_count`, past the last call.
struct PlannedTensor {
    Name name;
    std::int32_t output = 0;
    Shape shape; // with the batch axis set: every dim is known
    DType dtype = DType::float32;
    std::int64_t bytes = 0;
    std::int64_t offset = 0;
    std::int32_t first_call = 0;
    std::int32_t last_call = 0;

    constexpr std::size_t rank() const { return shape.rank(); }

    // The shape as the extents of an R-dimensional std::extents / std::mdspan.
    template <std::size_t R>
    constexpr std::array<std::size_t, R> extents() const
    {
        detail::require(rank() == R, "PlannedTensor: extents<R>() needs R equal to the tensor's rank");
        std::array<std::size_t, R> e{};
        for (std::size_t r = 0; r < R; ++r) e[r] = std::size_t(shape[r].value());
        return e;
    }

    constexpr bool live_with(const PlannedTensor& other) const
    {
        return first_call <= other.last_call && other.first_call <= last_call;
    }
};

// `N`: the tensor count of a plan made at compile time, or std::dynamic_extent.
template <std::size_t N = std::dynamic_extent>
struct MemoryPlan {
    using Storage =
        std::conditional_t<N == std::dynamic_extent, std::vector<PlannedTensor>, std::array<PlannedTensor, N>>;

    Storage tensors{}; // by tensor id of trace(model)
    std::int64_t arena_bytes = 0; // the end of the highest tensor
    std::int64_t lower_bound_bytes = 0; // the most bytes alive at once: no arena can be smaller
    std::int64_t alignment = 16;
    std::int32_t call_count = 0;
    PlanStrategy strategy = PlanStrategy::greedy_by_size; // the order that made these offsets

    constexpr double ratio() const { return lower_bound_bytes ? double(arena_bytes) / double(lower_bound_bytes) : 1.0; }

    // The first output of the layer with this name.
    constexpr const PlannedTensor& operator[](std::string_view layer) const
    {
        const auto it = std::ranges::find_if(tensors, [&](const PlannedTensor& t) { return t.name == layer; });
        detail::require(it != std::ranges::end(tensors), "MemoryPlan: no tensor is the output of a layer of that name");
        return *it;
    }
};

namespace detail {

constexpr std::int64_t align_up(std::int64_t n, std::int64_t alignment)
{
    return checked_mul(ceil_div(n, alignment), alignment);
}

// The tensors of trace `t` with their sizes and live ranges, offsets not yet assigned.
template <class LayerT>
constexpr std::vector<PlannedTensor> planned_tensors(const Trace<LayerT>& t, const MemoryPlanOptions& options)
{
    const std::vector<LiveRange> ranges = live_ranges(t);
    std::vector<PlannedTensor> out(t.tensors.size());
    for (std::size_t id = 0; id < out.size(); ++id) {
        PlannedTensor& p = out[id];
        const std::int32_t producer = t.producer[id];
        if (producer >= 0) {
            const TracedCall<LayerT>& c = t.calls[std::size_t(producer)];
            p.name = c.name.render(options.naming);
            p.output = std::int32_t(id) - t.ids[std::size_t(c.first_output)];
        } else { // a Sequential's implicit input, named as Keras names it
            p.name = t.calls[0].name.render(options.naming);
            p.name.append("_input");
        }
        p.first_call = ranges[id].first_call;
        p.last_call = ranges[id].last_call;
        p.shape = t.run_shape(std::int32_t(id), options.batch_size);
        p.dtype = options.dtype;
    }
    for (const LayerDType& d : options.dtypes) {
        bool found = false;
        for (PlannedTensor& p : out) {
            if (p.name != d.layer) continue;
            p.dtype = d.dtype;
            found = true;
        }
        require(found, "plan_memory: every `dtypes` entry must name a layer of the model");
    }
    for (PlannedTensor& p : out) {
        const Dim bytes = run_bytes(p.shape, {.batch_size = options.batch_size, .dtype = p.dtype});
        require(bytes.known(),
                "plan_memory: every dim but the batch axis must be known (give the model a static input shape)");
        p.bytes = bytes.value();
    }
    return out;
}

// First fit: each tensor, in `order`, at the lowest aligned offset where it overlaps no tensor placed
// before it that is alive at the same time.
constexpr void place_first_fit(std::span<PlannedTensor> tensors, std::span<const std::int32_t> order,
                               std::int64_t alignment)
{
    const auto at = [&](std::int32_t i) -> PlannedTensor& { return tensors[std::size_t(i)]; };
    std::vector<std::int32_t> placed; // by offset
    for (std::int32_t i : order) {
        PlannedTensor& t = at(i);
        std::int64_t offset = 0;
        for (std::int32_t j : placed) {
            const PlannedTensor& p = at(j);
            if (p.bytes == 0 || !t.live_with(p)) continue;
            if (checked_add(offset, t.bytes) <= p.offset) break; // the gap below p holds t
            offset = std::max(offset, align_up(checked_add(p.offset, p.bytes), alignment));
        }
        t.offset = offset;
        const auto above = std::ranges::upper_bound(placed, offset, {}, [&](std::int32_t j) { return at(j).offset; });
        placed.insert(above, i);
    }
}

// The indices of `keys` in the order of their keys, smaller first, ties by the lower index.
template <class Key>
constexpr std::vector<std::int32_t> ids_by(const std::vector<Key>& keys)
{
    std::vector<std::int32_t> ids(keys.size(), 0); // not ids(n): Clang rejects libstdc++'s fill of it
    for (std::size_t i = 0; i < ids.size(); ++i) ids[i] = std::int32_t(i);
    std::ranges::sort(ids, [&](std::int32_t a, std::int32_t b) {
        const Key &x = keys[std::size_t(a)], &y = keys[std::size_t(b)];
        return x < y || (!(y < x) && a < b);
    });
    return ids;
}

// Greedy by size: the largest tensor first.
constexpr std::vector<std::int32_t> by_size(std::span<const PlannedTensor> tensors)
{
    std::vector<std::int64_t> keys;
    for (const PlannedTensor& t : tensors) keys.push_back(-t.bytes);
    return ids_by(keys);
}

// Greedy by breadth: the tensors alive during the call with the most bytes alive first (ties: the later
// call; of two equal calls in a chain, the later one's tensors are the ones the next calls reuse),
// largest first; then the remaining tensors of the next busiest call, and so on.
constexpr std::vector<std::int32_t> by_breadth(std::span<const PlannedTensor> tensors, std::int32_t calls)
{
    const std::vector<std::int64_t> live = live_bytes(tensors, calls);
    std::vector<std::pair<std::int64_t, std::int64_t>> busy;
    for (std::size_t c = 0; c < live.size(); ++c) busy.push_back({-live[c], -std::int64_t(c)});
    const std::vector<std::int32_t> busiest = ids_by(busy);
    std::vector<std::int32_t> rank(busiest.size(), 0); // each call's place in `busiest`
    for (std::size_t r = 0; r < busiest.size(); ++r) rank[std::size_t(busiest[r])] = std::int32_t(r);
    std::vector<std::pair<std::int64_t, std::int64_t>> keys; // the busiest call of the range, then size
    for (const PlannedTensor& t : tensors)
        keys.push_back(
            {*std::ranges::min_element(rank.begin() + t.first_call, rank.begin() + t.last_call + 1), -t.bytes});
    return ids_by(keys);
}

constexpr std::int64_t arena_end(std::span<const PlannedTensor> tensors)
{
    std::int64_t end = 0;
    for (const PlannedTensor& p : tensors) end = std::max(end, checked_add(p.offset, p.bytes));
    return end;
}

template <class LayerT>
constexpr MemoryPlan<> plan_trace(const Trace<LayerT>& t, const MemoryPlanOptions& options)
{
    require(options.batch_size > 0, "plan_memory: batch_size must be positive");
    require(options.alignment > 0 && (options.alignment & (options.alignment - 1)) == 0,
            "plan_memory: alignment must be a power of two");
    MemoryPlan<> plan{planned_tensors(t, options), 0, 0, options.alignment, std::int32_t(t.calls.size())};
    plan.lower_bound_bytes = std::ranges::max(live_bytes(plan.tensors, plan.call_count));
    std::vector<PlannedTensor> breadth = plan.tensors;
    if (options.strategy != PlanStrategy::greedy_by_breadth)
        place_first_fit(plan.tensors, by_size(plan.tensors), plan.alignment);
    if (options.strategy != PlanStrategy::greedy_by_size) {
        place_first_fit(breadth, by_breadth(breadth, plan.call_count), plan.alignment);
        if (options.strategy == PlanStrategy::greedy_by_breadth || arena_end(breadth) < arena_end(plan.tensors)) {
            plan.tensors = std::move(breadth);
            plan.strategy = PlanStrategy::greedy_by_breadth;
        }
    }
    plan.arena_bytes = arena_end(plan.tensors);
    return plan;
}

// Calls `use(trace(model))` on the model `build` returns: build(graph) for a functional Model, which
// lives in that graph, or build() for a Sequential.
template <class Build, class Use>
constexpr auto with_trace(const Build& build, const Use& use)
{
    if constexpr (std::invocable<const Build&, Graph&>) {
        Graph g;
        const Model m = build(g);
        return use(trace(m));
    } else {
        return use(trace(build()));
    }
}

template <class Build>
constexpr std::size_t tensor_count()
{
    return with_trace(Build{}, [](const auto& t) { return t.tensors.size(); });
}

template <auto Function>
struct call_function {
    constexpr auto operator()(auto&... args) const -> decltype(Function(args...)) { return Function(args...); }
};

template <class Build>
constexpr MemoryPlan<tensor_count<Build>()> plan_built(const MemoryPlanOptions& options)
{
    const MemoryPlan<> plan = with_trace(Build{}, [&](const auto& t) { return plan_trace(t, options); });
    MemoryPlan<tensor_count<Build>()> fixed{
        {}, plan.arena_bytes, plan.lower_bound_bytes, plan.alignment, plan.call_count, plan.strategy};
    std::ranges::copy(plan.tensors, fixed.tensors.begin());
    return fixed;
}

} // namespace detail

// A function or lambda without captures that builds a model: `Model f(Graph&)` for a functional model
// (it lives in the Graph), or `f()` returning a Sequential.
template <class F>
concept ModelBuilder = std::is_empty_v<F> && std::default_initializable<F> &&
                       (std::invocable<const F&, Graph&> || std::invocable<const F&>);

// Plans of any size, at run time or inside a constant evaluation.
template <class LayerT>
constexpr MemoryPlan<> plan_memory(const Trace<LayerT>& t, const MemoryPlanOptions& options = {})
{
    return detail::plan_trace(t, options);
}

constexpr MemoryPlan<> plan_memory(const Model& model, const MemoryPlanOptions& options = {})
{
    return detail::plan_trace(trace(model), options);
}

template <std::size_t N, detail::layer_values LayerT>
constexpr MemoryPlan<> plan_memory(const Sequential<N, LayerT>& model, const MemoryPlanOptions& options = {})
{
    return detail::plan_trace(trace(model), options);
}

// Plans sized to the model, for constexpr variables: `plan_memory(lambda, options)` or
// `plan_memory<function>(options)`. The model is built twice: once for the tensor count, once for the plan.
template <ModelBuilder Build>
constexpr auto plan_memory(Build, const MemoryPlanOptions& options = {})
{
    return detail::plan_built<Build>(options);
}

template <auto Function>
    requires ModelBuilder<detail::call_function<Function>>
constexpr auto plan_memory(const MemoryPlanOptions& options = {})
{
    return detail::plan_built<detail::call_function<Function>>(options);
}

// An mdspan (std::mdspan, or the Kokkos reference implementation's) over tensor `t` of a plan in `arena`:
// `make_mdspan<std::mdspan<float, std::dextents<std::size_t, 4>>>(arena, plan["Conv1"])`.
template <class Mdspan>
Mdspan make_mdspan(std::span<std::byte> arena, const PlannedTensor& t)
{
    using Element = typename Mdspan::element_type;
    constexpr std::size_t rank = Mdspan::rank();
    detail::require(sizeof(Element) == std::size_t(dtype_bytes(t.dtype)),
                    "make_mdspan: the element type must have the tensor's dtype size");
    detail::require(t.offset + t.bytes <= std::int64_t(arena.size()),
                    "make_mdspan: the arena must hold the plan's arena_bytes");
    std::byte* data = arena.data() + t.offset;
    detail::require(
        reinterpret_cast<std::uintptr_t>(data) % alignof(Element) == 0,
        "make_mdspan: the tensor must be aligned for the element type (declare the arena alignas(plan.alignment))");
    const std::array<std::size_t, rank> e = t.extents<rank>();
    std::array<typename Mdspan::index_type, rank> extents{};
    for (std::size_t r = 0; r < rank; ++r) {
        detail::require(Mdspan::static_extent(r) == std::dynamic_extent || Mdspan::static_extent(r) == e[r],
                        "make_mdspan: a static extent must equal the tensor's dim");
        extents[r] = typename Mdspan::index_type(e[r]);
    }
    return Mdspan(reinterpret_cast<Element*>(data), extents);
}

} // namespace nnshape
