// Run-time cost of big models: how building a model (every shape inferred and every weight counted
// as each layer is added) scales from 100 to 1,000,000 layers.
//
//   cmake --workflow --preset bench        # configure (GCC, Release), build, run nnshape_bench and this
//   build/bench/bench/nnshape_scaling --benchmark_filter=Sequential/Dense
//   build/bench/bench/nnshape_scaling --warm_memory --benchmark_filter=Sequential/Dense   # steady state
//
// Benchmarks (the argument is the number of layers, or of layer calls for the graph):
// - Sequential/Dense, Sequential/Conv2D, Sequential/LSTM: a `Sequential<>` filled with `add()`
//   (Sequential/Dense/reserved: the same after `reserve(n)`):
//   Dense(16) on (None, 16); Conv2D(8, 3, padding='same') on (None, 8, 8, 8); LSTM(8,
//   return_sequences=True) on (None, 10, 8). Then `count_params()` and `output_shape()`.
// - Graph: a functional model in a fresh `Graph`, blocks of 6 layer calls on (None, 16):
//       a = Dense(16)(x); b = fm(a); c = Add()([x, b]); d = Dense(8)(c); e = Dense(8)(c);
//       x = Concatenate()([d, e])
//   where `fm` is one sub-`Model` (Input(16) -> Dense(16)) called once per block (shared weights).
//   Then `Model(inputs, x)`, its `count_params()` and `output_shape()`.
// - Summary/Sequential: `summary(model)` (Keras 2's text) of an already built Sequential of Dense
//   layers; only the text is timed.
//
// Counters: `layers` (the number of layers added; for the graph the number of layer calls, the
// argument rounded down to whole blocks), `time_per_layer` (CPU time per model divided by the number of layers or
// calls; see bench/applications.cpp for how the kIsIterationInvariantRate | kInvert counter gives it) and for the
// summary `bytes` (its length). The sizes of 100,000 and more run one iteration per repetition; every benchmark runs 3
// repetitions and reports their mean, median and deviation. The 1,000,000-layer Sequential of Dense peaks at about
// 223 MB resident (a record, sizeof(Sequential<>::SequentialLayer), is 128 bytes, and the Dense it holds, kept as
// its own arguments' bytes, 96).
#include <benchmark/benchmark.h>
#include <nnshape/nnshape.hpp>
#include <nnshape/summary.hpp>

#include <malloc.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace {

using namespace nnshape;

void set_counters(benchmark::State& state, double layers)
{
    state.counters["layers"] = benchmark::Counter(layers);
    state.counters["time_per_layer"] =
        benchmark::Counter(layers, benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}

// A chain of `n` layers: `first` (which declares the input) then n - 1 copies of `next`; with `reserve`
// the records are allocated once (Sequential::reserve) instead of as the vector grows.
template <class First, class Next>
Sequential<> chain(std::int64_t n, const First& first, const Next& next, bool reserve = false)
{
    Sequential<> m;
    if (reserve) m.reserve(static_cast<std::size_t>(n));
    m.add(first);
    for (std::int64_t i = 1; i < n; ++i) m.add(next);
    return m;
}

template <class First, class Next>
void sequential(benchmark::State& state, First first, Next next, bool reserve = false)
{
    const std::int64_t n = state.range(0);
    for (auto _ : state) {
        const Sequential<> m = chain(n, first, next, reserve);
        std::int64_t params = m.count_params();
        Shape out = m.output_shape();
        benchmark::DoNotOptimize(params);
        benchmark::DoNotOptimize(out);
        benchmark::ClobberMemory();
    }
    set_counters(state, static_cast<double>(n));
}

void sequential_dense(benchmark::State& state)
{
    sequential(state, Dense{.units = 16, .input_shape = {16}}, Dense{.units = 16});
}

void sequential_dense_reserved(benchmark::State& state)
{
    sequential(state, Dense{.units = 16, .input_shape = {16}}, Dense{.units = 16}, true);
}

void sequential_conv2d(benchmark::State& state)
{
    sequential(state, Conv2D{.filters = 8, .kernel_size = 3, .padding = same, .input_shape = {8, 8, 8}},
               Conv2D{.filters = 8, .kernel_size = 3, .padding = same});
}

void sequential_lstm(benchmark::State& state)
{
    sequential(state, LSTM{.units = 8, .return_sequences = true, .input_shape = {10, 8}},
               LSTM{.units = 8, .return_sequences = true});
}

constexpr std::int64_t graph_block = 6; // layer calls per block, see above

// The functional model with `n` layer calls (rounded down to whole blocks); returns its parameter count.
std::int64_t functional(Graph& g, std::int64_t n, Shape& out)
{
    const Tensor inputs = Input(g, {.shape = {16}});
    const Tensor fm_in = Input(g, {.shape = {16}});
    const Model fm{fm_in, Dense{.units = 16}(fm_in)};
    Tensor x = inputs;
    for (std::int64_t i = 0; i < n / graph_block; ++i) {
        const Tensor a = Dense{.units = 16}(x);
        const Tensor b = fm(a);
        const Tensor c = Add{}({x, b});
        const Tensor d = Dense{.units = 8}(c);
        const Tensor e = Dense{.units = 8}(c);
        x = Concatenate{}({d, e});
    }
    const Model m{inputs, x};
    out = m.output_shape();
    return m.count_params();
}

void graph(benchmark::State& state)
{
    const std::int64_t n = state.range(0) / graph_block * graph_block;
    for (auto _ : state) {
        Graph g; // fresh per iteration: building and destroying the graph is part of the cost
        Shape out;
        std::int64_t params = functional(g, n, out);
        benchmark::DoNotOptimize(params);
        benchmark::DoNotOptimize(out);
        benchmark::ClobberMemory();
    }
    set_counters(state, static_cast<double>(n));
}

void summary_sequential(benchmark::State& state)
{
    const Sequential<> m = chain(state.range(0), Dense{.units = 16, .input_shape = {16}}, Dense{.units = 16});
    std::size_t bytes = 0;
    for (auto _ : state) {
        std::string text = summary(m);
        bytes = text.size();
        benchmark::DoNotOptimize(text);
        benchmark::ClobberMemory();
    }
    state.counters["bytes"] = benchmark::Counter(static_cast<double>(bytes));
    set_counters(state, static_cast<double>(state.range(0)));
}

// Sizes 100 ... `largest` (<= 10,000), as many iterations as --benchmark_min_time asks.
void configure(benchmark::internal::Benchmark* b, std::int64_t largest)
{
    for (std::int64_t n = 100; n <= largest; n *= 10) b->Arg(n);
    b->Unit(benchmark::kMillisecond)->Repetitions(3)->ReportAggregatesOnly(true);
}

// `--warm_memory`: glibc keeps the memory a model frees for the next one (no mmap for large blocks, no
// trim), so that repeated builds measure the steady state rather than the first touch of fresh pages.
void keep_memory_warm(int& argc, char** argv)
{
    for (int i = 1; i < argc; ++i) {
        if (std::string_view(argv[i]) != "--warm_memory") continue;
        mallopt(M_MMAP_THRESHOLD, 1 << 30);
        mallopt(M_TRIM_THRESHOLD, 1 << 30);
        for (int j = i; j + 1 < argc; ++j) argv[j] = argv[j + 1];
        --argc;
        return;
    }
}

} // namespace

int main(int argc, char** argv)
{
    keep_memory_warm(argc, argv);
    const auto add = [](const char* name, void (*fn)(benchmark::State&), std::int64_t largest) {
        // Small sizes: as many iterations as --benchmark_min_time asks; big ones: one per repetition.
        auto* small = benchmark::RegisterBenchmark(name, fn);
        configure(small, std::min<std::int64_t>(largest, 10'000));
        if (largest >= 100'000) {
            auto* big = benchmark::RegisterBenchmark(name, fn);
            big->Iterations(1)->Unit(benchmark::kMillisecond)->Repetitions(3)->ReportAggregatesOnly(true);
            for (std::int64_t n = 100'000; n <= largest; n *= 10) big->Arg(n);
        }
    };
    add("Sequential/Dense", sequential_dense, 1'000'000);
    add("Sequential/Dense/reserved", sequential_dense_reserved, 1'000'000);
    add("Sequential/Conv2D", sequential_conv2d, 1'000'000);
    add("Sequential/LSTM", sequential_lstm, 1'000'000);
    add("Graph", graph, 100'000);
    benchmark::RegisterBenchmark("Summary/Sequential", summary_sequential)
        ->Arg(1'000)
        ->Arg(10'000)
        ->Unit(benchmark::kMillisecond)
        ->Repetitions(3)
        ->ReportAggregatesOnly(true);

    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
