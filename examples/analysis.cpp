// Beyond Keras's summary: the MNIST convnet of keras.io's "Simple MNIST convnet" example, printed as
// Keras 3 prints it, then with torchinfo-style columns (input shape, kernel, MACs, FLOPs, activation
// bytes), its activation memory, and its summary as JSON.
#include <nnshape/analysis/flops.hpp>
#include <nnshape/analysis/memory.hpp>
#include <nnshape/export.hpp>
#include <nnshape/nnshape.hpp>
#include <nnshape/summary.hpp>

#include <iostream>

using namespace nnshape;

namespace {

constexpr Sequential<> mnist_convnet()
{
    Sequential<> m;
    m.add(InputLayer{.shape = Shape{28, 28, 1}});
    m.add(Conv2D{.filters = 32, .kernel_size = 3});
    m.add(MaxPooling2D{.pool_size = 2});
    m.add(Conv2D{.filters = 64, .kernel_size = 3});
    m.add(MaxPooling2D{.pool_size = 2});
    m.add(Flatten{});
    m.add(Dropout{.rate = 0.5});
    m.add(Dense{.units = 10});
    return m;
}

// The same numbers at compile time: 26*26*32 * 3*3*1 + 11*11*64 * 3*3*32 + 1600*10 MACs; the peak is
// docs/conventions.md's worked example.
static_assert(cost(mnist_convnet()).total.macs == Dim(194'688 + 2'230'272 + 16'000));
static_assert(activation_memory(trace(mnist_convnet())).peak == Dim(108'160));

} // namespace

int main()
{
    const auto model = mnist_convnet();
    std::cout << summary(model, {.style = SummaryStyle::keras3}) << '\n';
    std::cout << summary(model,
                         {.columns = {SummaryColumn::input_shape, SummaryColumn::kernel_size, SummaryColumn::macs,
                                      SummaryColumn::flops, SummaryColumn::activation_bytes}})
              << '\n';

    const ModelCost per_sample = cost(model);
    const ModelCost batch = cost(model, {.batch_size = 128});
    std::cout << "MACs per sample: " << to_string(per_sample.total.macs)
              << ", FLOPs: " << to_string(per_sample.total.flops) << "; batch of 128: " << to_string(batch.total.macs)
              << " MACs\n";
    const ActivationMemory memory = activation_memory(trace(model), {.batch_size = 128});
    std::cout << "activations at batch 128: " << readable_memory_size(double(memory.total.value())) << " in all, peak "
              << readable_memory_size(double(memory.peak.value())) << " during call " << memory.peak_call << '\n';
    std::cout << "weights as float16: "
              << readable_memory_size(double(param_bytes(model.params(), DType::float16).total())) << "\n\n";
    std::cout << to_json(report(model, {.naming = keras3}));
}
