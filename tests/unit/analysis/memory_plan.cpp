// Memory planning: offsets in one arena, greedy by size, first fit, and the lower bound beside it.
// Expected numbers are tensor sizes from published layer shapes (keras.io's "Simple MNIST convnet"
// summary; the Keras Applications sources for MobileNet, MobileNetV2 and ResNet50) times the dtype's
// bytes, with the placement worked out by hand in the comments. Larger cases check the invariants
// every plan must keep: no two tensors alive at once overlap, each fits the arena at an aligned offset
// where no lower one would fit, and the lower bound is the most bytes alive at once.
#include <doctest/doctest.h>
#include <nnshape/analysis/memory_plan.hpp>
#include <nnshape/applications/mobilenet.hpp>
#include <nnshape/applications/resnet.hpp>
#include <nnshape/nnshape.hpp>

#include <cstdint>
#include <span>
#include <vector>

#include "../check.hpp"
#include "../support.hpp"

namespace unit_analysis_memory_plan_test {

using namespace nnshape;
using nnshape::test::mnist_convnet;

namespace {

// The plan is valid: aligned offsets, inside the arena, and tensors alive at once (sizes > 0) disjoint.
// And it is first fit in `order`: each tensor sits at the lowest aligned offset the tensors before it
// leave free, that is offset 0 or just above one of them, each lower candidate being taken.
constexpr bool valid_first_fit(std::span<const PlannedTensor> ts, std::span<const std::int32_t> order,
                               std::int64_t arena, std::int64_t alignment)
{
    const auto overlaps = [](const PlannedTensor& a, std::int64_t a_offset, const PlannedTensor& b) {
        return a.bytes > 0 && b.bytes > 0 && a.live_with(b) && a_offset < b.offset + b.bytes &&
               b.offset < a_offset + a.bytes;
    };
    if (order.size() != ts.size()) return false;
    for (std::size_t k = 0; k < order.size(); ++k) {
        const PlannedTensor& t = ts[std::size_t(order[k])];
        if (t.offset % alignment != 0 || t.offset < 0 || t.offset + t.bytes > arena) return false;
        for (const PlannedTensor& other : ts)
            if (&other != &t && overlaps(t, t.offset, other)) return false;
        const auto earlier = order.first(k);
        std::vector<std::int64_t> candidates{0};
        for (std::int32_t j : earlier) {
            const PlannedTensor& e = ts[std::size_t(j)];
            candidates.push_back((e.offset + e.bytes + alignment - 1) / alignment * alignment);
        }
        for (std::int64_t c : candidates) {
            bool taken = c >= t.offset;
            for (std::int32_t j : earlier) taken = taken || overlaps(t, c, ts[std::size_t(j)]);
            if (!taken) return false;
        }
    }
    return true;
}

// Greedy by size lists the tensors by size, the largest first, ties by the lower id.
constexpr bool largest_first(std::span<const PlannedTensor> ts, std::span<const std::int32_t> order)
{
    for (std::size_t k = 1; k < order.size(); ++k) {
        const PlannedTensor &a = ts[std::size_t(order[k - 1])], &b = ts[std::size_t(order[k])];
        if (a.bytes < b.bytes || (a.bytes == b.bytes && order[k - 1] > order[k])) return false;
    }
    return true;
}

// The lower bound by its definition: the largest sum of the sizes of the tensors alive during one call.
constexpr std::int64_t most_alive(std::span<const PlannedTensor> ts, std::int32_t calls)
{
    std::int64_t most = 0;
    for (std::int32_t c = 0; c <= calls; ++c) {
        std::int64_t sum = 0;
        for (const PlannedTensor& t : ts) sum += t.first_call <= c && c <= t.last_call ? t.bytes : 0;
        most = std::max(most, sum);
    }
    return most;
}

template <std::size_t N>
constexpr bool consistent(const MemoryPlan<N>& p)
{
    std::vector<std::int32_t> order = detail::by_size(p.tensors); // not `?:`: GCC 12 miscompiles it with vectors
    if (p.strategy == PlanStrategy::greedy_by_breadth) order = detail::by_breadth(p.tensors, p.call_count);
    return valid_first_fit(p.tensors, order, p.arena_bytes, p.alignment) &&
           p.lower_bound_bytes == most_alive(p.tensors, p.call_count) && p.arena_bytes >= p.lower_bound_bytes;
}

// keras.io's MNIST convnet, batch 1, float32 (shapes as in memory.cpp). Tensor: bytes [live calls]
// (call 0 is the InputLayer): input 3,136 [0,1]; conv1 86,528 [1,2]; pool1 21,632 [2,3]; conv2 30,976 [3,4];
// pool2 6,400 [4,5]; flatten 6,400 [5,6]; dropout 6,400 [6,7]; dense 40 [7,8], 8 = past the last call.
// By size: conv1 at 0; conv2 (not alive with conv1) at 0; pool1 (alive with both) above conv1 at 86,528
// (a multiple of 16); pool2 (alive with conv2) at 30,976; flatten (alive with pool2 only) fits below it
// at 0; dropout above flatten at 6,400; input (alive with conv1) at 86,528; dense (alive with dropout)
// fits below it at 0. Arena: pool1's end 86,528 + 21,632 = 108,160, equal to the lower bound (conv1 +
// pool1 during call 2, activation_memory's peak): ratio 1.
constexpr bool mnist_plan()
{
    const MemoryPlan<> p = plan_memory(mnist_convnet());
    const std::int64_t offsets[] = {86'528, 0, 86'528, 0, 30'976, 0, 6'400, 0};
    const std::int64_t bytes[] = {3'136, 86'528, 21'632, 30'976, 6'400, 6'400, 6'400, 40};
    FACT(p.tensors.size() == 8);
    FACT(p.call_count == 8);
    FACT(p.arena_bytes == 108'160);
    FACT(p.lower_bound_bytes == 108'160);
    FACT(p.alignment == 16);
    FACT(consistent(p));
    for (std::size_t i = 0; i < 8; ++i) {
        FACT(p.tensors[i].offset == offsets[i]);
        FACT(p.tensors[i].bytes == bytes[i]);
    }
    const PlannedTensor& conv1 = p["conv2d_1"];
    const PlannedTensor& dense = p["dense_1"];
    FACT(conv1.shape == Shape{1, 26, 26, 32});
    FACT(conv1.first_call == 1);
    FACT(conv1.last_call == 2);
    FACT(conv1.extents<4>() == std::array<std::size_t, 4>{1, 26, 26, 32});
    FACT(dense.last_call == 8);
    FACT(p.tensors[0].name == "input_1");
    FACT(p.tensors[0].first_call == 0);
    FACT(p.ratio() == 1.0);
    return true;
}
static_assert(mnist_plan());

// Alignment pads: Input(3) 12 B [0,1], Dense(5) 20 B [1,2], Dense(2) 8 B [2,3], float32.
// By size: dense5 at 0; the input (alive with it) at align16(20) = 32; dense2 (alive with dense5) at 32.
// Arena 32 + 12 = 44 against a lower bound of 12 + 20 = 32 (calls 0-1). With alignment 4, dense5's end 20
// is aligned: the input and dense2 go to 20, arena 32 = the lower bound.
constexpr auto small_dense() { return Sequential{InputLayer{.shape = Shape{3}}, Dense{.units = 5}, Dense{.units = 2}}; }
constexpr bool alignment_padding()
{
    const MemoryPlan<> a = plan_memory(small_dense());
    const MemoryPlan<> b = plan_memory(small_dense(), {.alignment = 4});
    FACT(a.arena_bytes == 44);
    FACT(a.lower_bound_bytes == 32);
    FACT(a.tensors[0].offset == 32);
    FACT(a.tensors[2].offset == 32);
    FACT(b.arena_bytes == 32);
    FACT(b.lower_bound_bytes == 32);
    FACT(b.tensors[0].offset == 20);
    FACT(consistent(a));
    FACT(consistent(b));
    return true;
}
static_assert(alignment_padding());

// The same plan at compile time with a fixed-size result, from a lambda or a function.
constexpr auto mnist_builder = [] { return mnist_convnet(); };
constexpr auto mnist_fixed = plan_memory(mnist_builder);
static_assert(std::is_same_v<decltype(mnist_fixed), const MemoryPlan<8>>);
static_assert(mnist_fixed.arena_bytes == 108'160 && consistent(mnist_fixed));
static_assert(plan_memory<small_dense>({.alignment = 4}).arena_bytes == 32);

// int8 activations with float32 logits: input 784, conv1 21,632, pool1 5,408, conv2 7,744, pool2 1,600,
// flatten 1,600, dropout 1,600, dense 10 x 4 = 40; the most alive is conv1 + pool1 = 27,040 (call 2).
constexpr LayerDType float_logits[] = {{"dense_1", DType::float32}};
constexpr bool mixed_dtypes()
{
    const MemoryPlan<> p = plan_memory(mnist_convnet(), {.dtype = DType::int8, .dtypes = float_logits});
    FACT(p.lower_bound_bytes == 27'040);
    FACT(p["dense_1"].bytes == 40);
    FACT(p["dense_1"].dtype == DType::float32);
    FACT(p["conv2d_1"].bytes == 21'632);
    FACT(consistent(p));
    return true;
}
static_assert(mixed_dtypes());

// The batch scales every tensor; the unaligned lower bound is activation_memory's peak (same liveness).
constexpr bool batch_and_peak()
{
    const auto m = mnist_convnet();
    const MemoryPlan<> p = plan_memory(m, {.batch_size = 32});
    FACT(p.lower_bound_bytes == 32 * 108'160);
    FACT(p.tensors[1].shape == Shape{32, 26, 26, 32});
    FACT(Dim(p.lower_bound_bytes) == activation_memory(trace(m), {.batch_size = 32}).peak);
    FACT(consistent(p));
    return true;
}
static_assert(batch_and_peak());

// A functional model with a skip connection and two outputs: Input(8) 32 B, d1 = Dense(16) 64 B,
// d2 = Dense(16)(d1) 64 B, add = Add(d1, d2) 64 B (an output), head = Dense(4)(d2) 16 B (an output).
// Calls: input 0, d1 1, d2 2, add 3, head 4. Live: input [0,1], d1 [1,3], d2 [2,4], add [3,5], head [4,5].
// Lower bound: call 3 holds d1 + d2 + add = 192. By size (ties by id): d1 at 0; d2 (alive with d1) at 64;
// add (alive with both) at 128; input (alive with d1) at 64; head (alive with d2, add) at 0. Arena 192.
constexpr MemoryPlan<> skip_plan()
{
    Graph g;
    auto x = Input(g, {.shape = Shape{8}});
    auto d1 = Dense{.units = 16}(x);
    auto d2 = Dense{.units = 16}(d1);
    const Model m{x, {Add{}({d1, d2}), Dense{.units = 4}(d2)}};
    return plan_memory(m);
}
constexpr bool skip_connection()
{
    const MemoryPlan<> p = skip_plan();
    const std::int64_t offsets[] = {64, 0, 64, 128, 0};
    FACT(p.arena_bytes == 192);
    FACT(p.lower_bound_bytes == 192);
    FACT(p.tensors.size() == 5);
    FACT(consistent(p));
    for (std::size_t i = 0; i < 5; ++i) FACT(p.tensors[i].offset == offsets[i]);
    FACT(p.tensors[3].last_call == 5);
    FACT(p.tensors[4].last_call == 5);
    return true;
}
static_assert(skip_connection());

// Lifetimes and sizes from a seeded linear congruential generator (Knuth's MMIX constants).
struct Lcg {
    std::uint64_t state;
    constexpr std::int64_t next(std::int64_t bound)
    {
        state = state * 6364136223846793005u + 1442695040888963407u;
        return std::int64_t((state >> 33) % std::uint64_t(bound));
    }
};

constexpr bool random_lifetimes(std::uint64_t seed, int trials, std::int64_t max_tensors)
{
    Lcg rng{seed};
    for (int trial = 0; trial < trials; ++trial) {
        const std::int64_t alignments[] = {1, 4, 16, 64};
        const std::int64_t alignment = alignments[rng.next(4)];
        const auto calls = std::int32_t(1 + rng.next(40));
        std::vector<PlannedTensor> ts(std::size_t(1 + rng.next(max_tensors)));
        for (PlannedTensor& t : ts) {
            t.bytes = rng.next(8) == 0 ? 0 : 1 + rng.next(5000); // some empty tensors
            t.first_call = std::int32_t(rng.next(calls));
            t.last_call = t.first_call + std::int32_t(rng.next(calls + 1 - t.first_call));
        }
        const std::int64_t bound = most_alive(ts, calls);
        std::int64_t aligned_sum = 0;
        for (const PlannedTensor& t : ts) aligned_sum += detail::align_up(t.bytes, alignment);
        const std::vector<std::int32_t> orders[] = {detail::by_size(ts), detail::by_breadth(ts, calls)};
        for (const std::vector<std::int32_t>& order : orders) {
            detail::place_first_fit(ts, order, alignment);
            const std::int64_t arena = detail::arena_end(ts);
            if (!valid_first_fit(ts, order, arena, alignment) || arena < bound || arena > aligned_sum) return false;
        }
        if (!largest_first(ts, orders[0]) || std::ranges::max(detail::live_bytes(ts, calls)) != bound) return false;
    }
    return true;
}
static_assert(random_lifetimes(1, 4, 12));

// Hand-derived lower bounds at batch 1, float32, from the Keras Applications sources (default 224x224x3
// input, include_top); every other call holds fewer bytes (the later stages have at most a quarter of the
// positions with up to four times the channels, and fewer tensors alive).
// - MobileNet: conv_pad_2 (ZeroPadding2D ((0,1),(0,1))) reads conv_pw_1_relu (112x112x64) and writes
//   113x113x64: (802,816 + 817,216) x 4 = 6,480,128.
// - MobileNetV2: block_1_pad reads block_1_expand_relu (112x112x96) and writes 113x113x96 (correct_pad
//   for an even size): (1,204,224 + 1,225,824) x 4 = 9,720,192.
// - ResNet50: conv2_block1_3_bn runs while the shortcut conv2_block1_0_bn and conv2_block1_3_conv, all
//   56x56x256, are alive: 3 x 802,816 x 4 = 9,633,792 (the stem's largest pair, conv1_relu 112x112x64 and
//   pool1_pad 114x114x64, is (802,816 + 831,744) x 4 = 6,538,240).
// Greedy by size alone misses MobileNet's bound: it puts the largest tensor, conv_pad_2 (3,268,864 B),
// at 0 first; conv_pw_1 (112x112x64 = 3,211,264 B) also goes to 0, conv_pw_1_bn (alive with it) above
// at 3,211,264, and conv_pw_1_relu, alive with both conv_pw_1_bn and conv_pad_2, above them at
// 6,422,528: an arena of at least 3 x 3,211,264 = 9,633,792 B, 1.49 times the bound. Greedy by breadth
// places conv_pad_2 and conv_pw_1_relu (the busiest call's tensors) first, and the others fit beside.
template <auto Build>
MemoryPlan<> application_plan(PlanStrategy strategy = PlanStrategy::smallest)
{
    Graph g;
    return plan_memory(Build(g, {}), {.strategy = strategy});
}

// A stand-in for std::mdspan<float, std::dextents<std::size_t, 4>>: what make_mdspan uses of it.
struct Mdspan4 {
    using element_type = float;
    using index_type = std::size_t;
    static constexpr std::size_t rank() { return 4; }
    static constexpr std::size_t static_extent(std::size_t r) { return r == 3 ? 32 : std::dynamic_extent; }
    float* data;
    std::array<std::size_t, 4> extents;
};

} // namespace

TEST_CASE("memory plans at run time match the constant evaluation")
{
    CHECK(mnist_plan());
    CHECK(alignment_padding());
    CHECK(mixed_dtypes());
    CHECK(batch_and_peak());
    CHECK(skip_connection());
}

TEST_CASE("randomized lifetimes: no overlap, aligned, inside the arena, first fit")
{
    CHECK(random_lifetimes(2026, 300, 60));
    CHECK(random_lifetimes(7, 10, 200));
}

TEST_CASE("Keras Applications at batch 1: arena within 10% of the lower bound")
{
    const MemoryPlan<> mobilenet = application_plan<applications::MobileNet>();
    const MemoryPlan<> mobilenet_v2 = application_plan<applications::MobileNetV2>();
    const MemoryPlan<> resnet50 = application_plan<applications::ResNet50>();
    CHECK(mobilenet.lower_bound_bytes == 6'480'128);
    CHECK(mobilenet_v2.lower_bound_bytes == 9'720'192);
    CHECK(resnet50.lower_bound_bytes == 9'633'792);
    for (const MemoryPlan<>* p : {&mobilenet, &mobilenet_v2, &resnet50}) {
        CHECK(consistent(*p));
        CHECK(p->ratio() <= 1.10);
    }
    Graph g;
    const Model m = applications::MobileNetV2(g);
    CHECK(Dim(mobilenet_v2.lower_bound_bytes) == activation_memory(trace(m)).peak);
    const MemoryPlan<> by_size = application_plan<applications::MobileNet>(PlanStrategy::greedy_by_size);
    CHECK(by_size.strategy == PlanStrategy::greedy_by_size);
    CHECK(consistent(by_size));
    CHECK(by_size.arena_bytes >= 9'633'792);
}

TEST_CASE("make_mdspan: a view of one tensor in the arena")
{
    const MemoryPlan<> p = plan_memory(mnist_convnet());
    alignas(16) static std::byte arena[108'160];
    const Mdspan4 conv1 = make_mdspan<Mdspan4>(arena, p["conv2d_1"]); // at offset 0, (1, 26, 26, 32)
    CHECK(static_cast<void*>(conv1.data) == arena);
    CHECK(conv1.extents == std::array<std::size_t, 4>{1, 26, 26, 32});
    const Mdspan4 pool1 = make_mdspan<Mdspan4>(arena, p["max_pooling2d_1"]); // at 86,528, (1, 13, 13, 32)
    CHECK(static_cast<void*>(pool1.data) == arena + 86'528);
    CHECK(test::error_of([&] { return make_mdspan<Mdspan4>(arena, p["dense_1"]); }) ==
          "PlannedTensor: extents<R>() needs R equal to the tensor's rank");
    CHECK(test::error_of([&] { return make_mdspan<Mdspan4>(arena, p["conv2d_2"]); }) ==
          "make_mdspan: a static extent must equal the tensor's dim");
    CHECK(test::error_of([&] { return make_mdspan<Mdspan4>(std::span(arena).first(1000), p["max_pooling2d_1"]); }) ==
          "make_mdspan: the arena must hold the plan's arena_bytes");
    const MemoryPlan<> halves = plan_memory(mnist_convnet(), {.dtype = DType::float16});
    CHECK(test::error_of([&] { return make_mdspan<Mdspan4>(arena, halves["conv2d_1"]); }) ==
          "make_mdspan: the element type must have the tensor's dtype size");
}

TEST_CASE("plan_memory rejects what it cannot plan")
{
    const auto unknown = [] {
        Sequential<> m;
        m.add(InputLayer{.shape = Shape{None, None, 3}});
        m.add(Conv2D{.filters = 8, .kernel_size = 3});
        return plan_memory(m);
    };
    CHECK(test::error_of(unknown) ==
          "plan_memory: every dim but the batch axis must be known (give the model a static input shape)");
    CHECK(test::error_of([] { return plan_memory(mnist_convnet(), {.alignment = 12}); }) ==
          "plan_memory: alignment must be a power of two");
    CHECK(test::error_of([] { return plan_memory(mnist_convnet(), {.batch_size = 0}); }) ==
          "plan_memory: batch_size must be positive");
    constexpr LayerDType typo[] = {{"dense_9", DType::float16}};
    CHECK(test::error_of([&] { return plan_memory(mnist_convnet(), {.dtypes = typo}); }) ==
          "plan_memory: every `dtypes` entry must name a layer of the model");
    CHECK(test::error_of([] { return plan_memory(mnist_convnet())["conv2d_9"]; }) ==
          "MemoryPlan: no tensor is the output of a layer of that name");
}

} // namespace unit_analysis_memory_plan_test
