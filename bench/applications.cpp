// Run-time cost of building every Keras Applications model (default arguments) in a fresh Graph and
// reading its parameter count and output shape: the work a tool does to answer `model.summary()`.
//
//   cmake --workflow --preset bench        # configure (GCC, Release), build, run
//   build/bench/bench/nnshape_bench --benchmark_filter=ResNet --benchmark_min_time=0.5
//
// One benchmark per model, registered at start-up from the table `applications` below.
// Columns: Time/CPU per model (one build + the two queries), `layers` (len(model.layers)) and
// `time_per_layer` (CPU time per model divided by its number of layers).
#include <benchmark/benchmark.h>
#include <nnshape/nnshape.hpp>
#include <nnshape/applications.hpp>

#include <cstddef>
#include <cstdint>

namespace {

using nnshape::Graph;
using nnshape::Model;
namespace app = nnshape::applications;

struct Application {
    const char* name;
    Model (*build)(Graph&);
};

// A lambda per builder, as the builders take different argument structs (ConvNeXtArgs,
// MobileNetArgs, ...) whose defaults only apply in a direct call.
#define NNSHAPE_BENCH_APP(builder)                         \
    Application                                            \
    {                                                      \
        #builder, [](Graph& g) { return app::builder(g); } \
    }

constexpr Application applications[] = {
    NNSHAPE_BENCH_APP(VGG16),
    NNSHAPE_BENCH_APP(VGG19),
    NNSHAPE_BENCH_APP(ResNet50),
    NNSHAPE_BENCH_APP(ResNet101),
    NNSHAPE_BENCH_APP(ResNet152),
    NNSHAPE_BENCH_APP(ResNet50V2),
    NNSHAPE_BENCH_APP(ResNet101V2),
    NNSHAPE_BENCH_APP(ResNet152V2),
    NNSHAPE_BENCH_APP(MobileNet),
    NNSHAPE_BENCH_APP(MobileNetV2),
    NNSHAPE_BENCH_APP(MobileNetV3Small),
    NNSHAPE_BENCH_APP(MobileNetV3Large),
    NNSHAPE_BENCH_APP(InceptionV3),
    NNSHAPE_BENCH_APP(InceptionResNetV2),
    NNSHAPE_BENCH_APP(Xception),
    NNSHAPE_BENCH_APP(DenseNet121),
    NNSHAPE_BENCH_APP(DenseNet169),
    NNSHAPE_BENCH_APP(DenseNet201),
    NNSHAPE_BENCH_APP(ConvNeXtTiny),
    NNSHAPE_BENCH_APP(ConvNeXtSmall),
    NNSHAPE_BENCH_APP(ConvNeXtBase),
    NNSHAPE_BENCH_APP(ConvNeXtLarge),
    NNSHAPE_BENCH_APP(ConvNeXtXLarge),
    NNSHAPE_BENCH_APP(EfficientNetB0),
    NNSHAPE_BENCH_APP(EfficientNetB1),
    NNSHAPE_BENCH_APP(EfficientNetB2),
    NNSHAPE_BENCH_APP(EfficientNetB3),
    NNSHAPE_BENCH_APP(EfficientNetB4),
    NNSHAPE_BENCH_APP(EfficientNetB5),
    NNSHAPE_BENCH_APP(EfficientNetB6),
    NNSHAPE_BENCH_APP(EfficientNetB7),
    NNSHAPE_BENCH_APP(NASNetMobile),
    NNSHAPE_BENCH_APP(NASNetLarge),
};

#undef NNSHAPE_BENCH_APP

void build_application(benchmark::State& state, Application a)
{
    // The layer count, from one build outside the timed loop (Model::layers() makes a vector).
    std::size_t layers = 0;
    {
        Graph g;
        layers = a.build(g).layers().size();
    }

    for (auto _ : state) {
        Graph g; // fresh per iteration: building and destroying the graph is part of the cost
        const Model m = a.build(g);
        std::int64_t params = m.count_params();
        nnshape::Shape out = m.output_shape();
        benchmark::DoNotOptimize(params);
        benchmark::DoNotOptimize(out);
        benchmark::ClobberMemory();
    }

    // Time per layer, from Google Benchmark's own measurement. In 1.7.1 (counter.cc, Finish) a
    // counter's value v is reported as v, then * iterations if kIsIterationInvariant, then / seconds
    // if kIsRate, and 1 / (...) last if kInvert; `seconds` is the CPU time of the whole run (the
    // real time under UseRealTime()). So Counter(layers, kIsIterationInvariantRate | kInvert) is
    // cpu_seconds / (layers * iterations): the CPU time per model divided by its layer count, in
    // seconds. The console prints it with an SI prefix and "s" (the reporter appends "s" to kInvert
    // counters: `time_per_layer=712.3ns`); JSON/CSV output holds seconds.
    // A plain counter computed inside the loop would not do: the loop cannot read the benchmark's
    // clock, and a counter assigned each iteration just keeps its last value.
    state.counters["layers"] = benchmark::Counter(static_cast<double>(layers));
    state.counters["time_per_layer"] = benchmark::Counter(
        static_cast<double>(layers), benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}

} // namespace

int main(int argc, char** argv)
{
    for (const Application& a : applications) {
        benchmark::RegisterBenchmark(a.name, build_application, a)->Unit(benchmark::kMicrosecond);
    }
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
