// Reliability: enormous models build, infer, count and trace without recursion, and counts near the
// 64-bit limit either come out exact or fail with the overflow rule's message, never wrap.
//
// Expected numbers are Keras's weight formulas and the MAC convention of docs/conventions.md, worked
// out in the comments: Dense = in * units + units (keras/src/layers/core/dense.py: kernel (in, units),
// bias (units)); Conv2D = kh * kw * in * filters + filters (base_conv.py); a Dense call costs
// in * units MACs per sample; automatic names number each class from 1 in Keras 2 (spec §5).
#include <doctest/doctest.h>
#include <nnshape/analysis/flops.hpp>
#include <nnshape/nnshape.hpp>

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

#include "support.hpp"

namespace unit_reliability_test {

using namespace nnshape;
using nnshape::test::error_of;

namespace {

constexpr std::int64_t two_31 = std::int64_t{1} << 31;
constexpr std::int64_t two_32 = std::int64_t{1} << 32;
constexpr std::string_view overflow = "nnshape: count overflows 64-bit arithmetic";

} // namespace

TEST_CASE("reliability: a 100,000-layer Sequential builds, counts, names and costs")
{
    constexpr int n = 100'000;
    Sequential<> m;
    m.add(InputLayer{.shape = {4}});
    for (int i = 0; i < n; ++i) m.add(Dense{.units = 4});
    CHECK(m.layers().size() == n + 1);
    CHECK(m.output_shape() == Shape{None, 4});
    // Each Dense(4) on 4 features: 4 * 4 + 4 = 20 weights; 100,000 of them: 2,000,000.
    CHECK(m.params() == Params{2'000'000, 0});
    // Keras 2 numbers the 100,000th unnamed Dense "dense_100000".
    CHECK(m.layers().back().name(keras2).view() == "dense_100000");
    // 4 * 4 = 16 MACs per call, 1,600,000 in all.
    CHECK(cost(m).total.macs == Dim(1'600'000));
}

TEST_CASE("reliability: a functional graph of 100,000+ nodes with a shared layer and a shared sub-model")
{
    // 50,000 rounds of: the shared Dense, then the shared sub-model, with an Add every 1,000 rounds:
    // 1 + 50,000 * 2 + 50 nodes in the outer graph (the sub-model's own two nodes aside).
    Graph g;
    const Tensor in = Input(g, {.shape = {8}});
    const Tensor sub_in = Input(g, {.shape = {8}});
    const Model sub{sub_in, Dense{.units = 8}(sub_in)};
    const SharedLayer shared = g.add(Dense{.units = 8});
    Tensor x = in;
    for (int round = 1; round <= 50'000; ++round) {
        x = sub(shared(x));
        if (round % 1'000 == 0) x = Add{}({x, in});
    }
    const Model m{in, x};
    CHECK(m.nodes().size() == 1 + 2 * 50'000 + 50);
    CHECK(m.output_shape() == Shape{None, 8});
    // Unique layers: InputLayer, the shared Dense (8 * 8 + 8 = 72), the sub-model (its Dense, 72), 50
    // Adds: 144 weights however many calls.
    CHECK(m.layers().size() == 3 + 50);
    CHECK(m.params() == Params{144, 0});
    // 64 MACs per Dense call, two Dense calls a round: 6,400,000.
    CHECK(cost(m).total.macs == Dim(6'400'000));
    CHECK(trace(m).calls.size() == 1 + 2 * 50'000 + 50);
}

TEST_CASE("reliability: counts near the 64-bit limit are exact")
{
    // Dense(2^31) on 2^31 features: 2^31 * 2^31 + 2^31 = 2^62 + 2^31 weights, still below 2^63.
    Sequential<> m;
    m.add(InputLayer{.shape = {two_31}});
    m.add(Dense{.units = two_31});
    CHECK(m.output_shape() == Shape{None, two_31});
    CHECK(m.count_params() == (std::int64_t{1} << 62) + two_31);
    // Its MACs, 2^62, fit; its FLOPs, 2 * 2^62 + 2^31 (a bias add per output), do not.
    CHECK(error_of([&] { (void)cost(m); }) ==
          "Dense layer \"dense_1\" with input shape (None, 2147483648): " + std::string(overflow));
}

TEST_CASE("reliability: overflowing counts fail with the overflow rule, at the layer that overflows")
{
    // Dense(2^32) on 2^32 features: 2^64 + 2^32 weights.
    CHECK(error_of([] {
              Sequential<> m;
              m.add(InputLayer{.shape = {two_32}});
              m.add(Dense{.units = two_32});
          }) == "Dense layer \"dense_1\" with input shape (None, 4294967296): " + std::string(overflow));
    // Flatten of (2^32, 2^32): 2^64 elements.
    CHECK(error_of([] {
              Sequential<> m;
              m.add(InputLayer{.shape = {two_32, two_32}});
              m.add(Flatten{});
          }) ==
          "Flatten layer \"flatten_1\" with input shape (None, 4294967296, 4294967296): " + std::string(overflow));
    // Each layer fits, their sum does not: twice 2^62 + 2^31 exceeds 2^63 - 1.
    CHECK(error_of([] {
              Sequential<> m;
              m.add(InputLayer{.shape = {two_31}});
              m.add(Dense{.units = two_31});
              m.add(Dense{.units = two_31});
              (void)m.count_params();
          }) == overflow);
    // A dimension is at most 2^63 - 2 (the stored value is the size plus one).
    CHECK(error_of([] { (void)Dim(std::numeric_limits<std::int64_t>::max()); }) == overflow);
}

TEST_CASE("reliability: a Conv2D on a huge image has exact shapes and weights, its costs overflow")
{
    // Conv2D(8, 3, padding='same') on (2^31, 2^31, 3): spatial size kept; 3 * 3 * 3 * 8 + 8 = 224 weights.
    Sequential<> m;
    m.add(InputLayer{.shape = {two_31, two_31, 3}});
    m.add(Conv2D{.filters = 8, .kernel_size = 3, .padding = same});
    CHECK(m.output_shape() == Shape{None, two_31, two_31, 8});
    CHECK(m.count_params() == 224);
    // Output elements 2^31 * 2^31 * 8 = 2^65.
    const std::string conv_overflow =
        "Conv2D layer \"conv2d_1\" with input shape (None, 2147483648, 2147483648, 3): " + std::string(overflow);
    CHECK(error_of([&] { (void)cost(m); }) == conv_overflow);
    // Functional, the same.
    Graph g;
    const Tensor x = Input(g, {.shape = {two_31, two_31, 3}});
    const Model f{x, Conv2D{.filters = 8, .kernel_size = 3, .padding = same}(x)};
    CHECK(f.count_params() == 224);
    CHECK(error_of([&] { (void)cost(f); }) == conv_overflow);
}

TEST_CASE("reliability: a layer that fails to add leaves the Sequential as it was")
{
    Sequential<> m;
    m.reserve(3);
    m.add(Dense{.units = 4, .input_shape = {3}});
    // Conv2D needs rank 4; (None, 4) has rank 2.
    CHECK_THROWS_AS(m.add(Conv2D{.filters = 2, .kernel_size = 1}), shape_error);
    REQUIRE(m.layers().size() == 1);
    CHECK(m.output_shape() == Shape{None, 4});
    m.add(Dense{.units = 2});
    CHECK(m.output_shape() == Shape{None, 2});
    // 3 * 4 + 4 = 16 and 4 * 2 + 2 = 10.
    CHECK(m.count_params() == 26);
    CHECK(m.layers()[1].name().view() == "dense_2");

    // A first layer that fails does not make the model built, nor declare its input.
    Sequential<> empty;
    CHECK_THROWS_AS(empty.add(Conv2D{.filters = 2, .kernel_size = 1, .input_shape = {3}}), shape_error);
    CHECK(empty.layers().empty());
    CHECK_FALSE(empty.built());
    empty.add(Dense{.units = 1, .input_shape = {5}});
    CHECK(empty.input_shape() == Shape{None, 5});
}

} // namespace unit_reliability_test
