// Memory: weight bytes by dtype (Keras 3's summary footer), activation bytes, their total and peak.
// Expected numbers: keras.io's "Simple MNIST convnet" (Keras 3) summary prints
//   Total params: 34,826 (136.04 KB) / Trainable params: 34,826 (136.04 KB) / Non-trainable params: 0 (0.00 B)
// and its layer shapes (None, 26, 26, 32), (None, 13, 13, 32), (None, 11, 11, 64), (None, 5, 5, 64),
// (None, 1600), (None, 1600), (None, 10); activation figures are those shapes x 4 bytes, by the rules in
// docs/conventions.md (arithmetic in the comments).
#include <doctest/doctest.h>
#include <nnshape/analysis/memory.hpp>
#include <nnshape/nnshape.hpp>
#include "../check.hpp"
#include "../support.hpp"

namespace unit_analysis_memory_test {

using namespace nnshape;
using nnshape::test::mnist_convnet;

namespace {

// Bytes at batch 1, float32: input 28*28*1*4 = 3,136; conv 26*26*32*4 = 86,528; pool 13*13*32*4 = 21,632;
// conv 11*11*64*4 = 30,976; pool 5*5*64*4 = 6,400; flatten 6,400; dropout 6,400; dense 10*4 = 40.
// Total 161,512. Live sets: during conv1 input + conv1 = 89,664; during pool1 (input freed after conv1)
// conv1 + pool1 = 108,160, the peak (call 2: the InputLayer is call 0); later sets are smaller.
constexpr bool mnist_activations()
{
    const auto m = mnist_convnet();
    const ActivationMemory a = activation_memory(trace(m));
    FACT(a.total == Dim(161'512));
    FACT(a.peak == Dim(108'160));
    FACT(a.peak_call == 2);
    FACT(a.per_call.size() == 8);
    FACT(a.per_call[1] == Dim(86'528));
    FACT(a.per_call[7] == Dim(40));
    return true;
}
static_assert(mnist_activations());

// batch_size 32 scales every tensor; float16 halves it.
constexpr bool batch_and_dtype()
{
    const auto m = mnist_convnet();
    const ActivationMemory a = activation_memory(trace(m), {.batch_size = 32, .dtype = DType::float16});
    FACT(a.total == Dim(161'512 * 32 / 2));
    FACT(a.peak == Dim(108'160 * 32 / 2));
    return true;
}
static_assert(batch_and_dtype());

// An unknown spatial size makes the bytes unknown, never 0; a None batch alone does not.
constexpr bool unknown_dims()
{
    Sequential<> m;
    m.add(InputLayer{.shape = Shape{None, None, 3}});
    m.add(Conv2D{.filters = 8, .kernel_size = 3});
    const ActivationMemory a = activation_memory(trace(m));
    FACT(!a.total.known());
    FACT(!a.peak.known());
    FACT(a.peak_call == -1);
    FACT(!a.per_call[1].known());
    FACT(tensor_bytes(Shape{None, 10}) == Dim(40));
    FACT(!tensor_bytes(Shape{None, None, 10}).known());
    return true;
}
static_assert(unknown_dims());

// A known batch axis (a stateful model's) is kept: batch_size only replaces None.
static_assert(tensor_bytes(Shape{16, 10}, {.batch_size = 4}) == Dim(16 * 10 * 4));

// Add(x, x) reads x twice and frees it once; a shared sub-model's input is the outer tensor, not a copy.
// Input (8) 32 B; Dense(8) 32 B; inner Dense(8) of the sub-model called on it 32 B; Add 32 B: total 128.
// Live: input 32 -> + dense 64 -> input freed, + inner dense 64 -> + add (dense, inner still read by add) 96.
constexpr bool graph_liveness()
{
    Graph g;
    auto sub_in = Input(g, {.shape = Shape{8}});
    Model sub{sub_in, Dense{.units = 8}(sub_in)};
    auto x = Input(g, {.shape = Shape{8}});
    auto d = Dense{.units = 8}(x);
    Model m{x, Add{}({d, sub(d)})};
    const ActivationMemory a = activation_memory(trace(m));
    Graph g2;
    auto y = Input(g2, {.shape = Shape{8}});
    Model twice{y, Add{}({y, y})};
    const ActivationMemory b = activation_memory(trace(twice));
    FACT(a.total == Dim(128));
    FACT(a.peak == Dim(96));
    FACT(b.total == Dim(64));
    FACT(b.peak == Dim(64));
    return true;
}
static_assert(graph_liveness());

} // namespace

TEST_CASE("weight bytes and Keras 3's readable sizes (keras.io Simple MNIST convnet)")
{
    const auto m = mnist_convnet();
    const ParamBytes bytes = param_bytes(m.params());
    CHECK(m.count_params() == 34'826);
    CHECK(readable_memory_size(double(bytes.total())) == "136.04 KB");
    CHECK(readable_memory_size(double(bytes.trainable)) == "136.04 KB");
    CHECK(readable_memory_size(double(bytes.non_trainable)) == "0.00 B");
    CHECK(param_bytes(m.params(), DType::int8).total() == 34'826);
    CHECK(param_bytes(m.params(), DType::bfloat16).total() == 2 * 34'826);
    // Keras's readable_memory_size steps by 1024: 1023 B stays in B, 1024 B is 1.00 KB, 1.5 MiB is 1.50 MB.
    CHECK(readable_memory_size(1023) == "1023.00 B");
    CHECK(readable_memory_size(1024) == "1.00 KB");
    CHECK(readable_memory_size(1.5 * 1024 * 1024) == "1.50 MB");
}

TEST_CASE("activation memory at run time matches the constant evaluation")
{
    CHECK(mnist_activations());
    CHECK(batch_and_dtype());
    CHECK(unknown_dims());
    CHECK(graph_liveness());
    CHECK_THROWS_AS(tensor_bytes(Shape{None, 4}, {.batch_size = 0}), shape_error);
}

} // namespace unit_analysis_memory_test
