// Custom layers: a user's class with a shape rule and a weight rule works in Sequential models
// (constexpr variables included), functional Graphs, shared calls, summaries and isinstance checks.
// The layers are the Keras guide's "Making new layers and models via subclassing" (keras.io/guides):
// Linear's weights are w (input_dim, units) and b (units,); ComputeSum's one non-trainable weight
// `total` is (input_dim,) and its call returns it (batch axis summed away).
#include <doctest/doctest.h>
#include <nnshape/nnshape.hpp>
#include "check.hpp"
#include "support.hpp"
#include <nnshape/summary.hpp>

#include <span>
#include <string>

namespace unit_custom_layer_test {

using namespace nnshape;
using nnshape::test::error_of;

namespace {

struct Linear {
    std::int64_t units = 32;
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "Linear";

    constexpr Shape output_shape(const Shape& in) const
    {
        detail::require(in.rank() >= 2 && in.back().known(), "Linear: the last input axis must be defined");
        Shape out = in;
        out.back() = units;
        return out;
    }
    constexpr Params params(const Shape& in) const { return {in.back().value() * units + units}; }
};

struct ComputeSum {
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "ComputeSum";

    constexpr Shape output_shape(const Shape& in) const { return Shape{in.back()}; }
    constexpr Params params(const Shape& in) const { return {0, in.back().value()}; }
};

// A custom merge: the element-wise mean of any number of same-shaped inputs, no weights.
struct Mean {
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "Mean";

    constexpr Shape output_shape(std::span<const Shape> in) const
    {
        detail::require(in.size() >= 2, "Mean: expects at least 2 inputs");
        for (const Shape& s : in) detail::require(s == in[0], "Mean: inputs must have one shape");
        return in[0];
    }
};

static_assert(CustomLayer<Linear> && CustomLayer<ComputeSum> && CustomLayer<Mean>);
static_assert(!CustomLayer<Dense> && !CustomLayer<int>);

// The guide's `Linear(4, 2)` on `ones((2, 2))`: (2, 4), 2*4 + 4 weights; ComputeSum(2): 2 non-trainable.
constexpr Sequential guide_layers{Linear{.units = 4, .batch_input_shape = {2, 2}}, Dense{.units = 2}, ComputeSum{}};
static_assert(guide_layers.layers()[0].output_shape == Shape{2, 4} && guide_layers.layers()[0].params == Params{12});
static_assert(guide_layers.output_shape() == Shape{2});
static_assert(guide_layers.params() == Params{12 + 10, 2});
static_assert(guide_layers.layers()[2].layer.is<ComputeSum>() && !guide_layers.layers()[2].layer.is<Dense>());

// The guide's MLPBlock: Linear(32), Linear(32), Linear(1) on (3, 64): "weights: 6", all trainable:
// (64*32 + 32) + (32*32 + 32) + (32*1 + 1).
constexpr std::int64_t mlp_block_functional()
{
    Graph g;
    auto x = Input(g, {.batch_shape = {3, 64}});
    auto y = Linear{.units = 1}(Linear{.units = 32}(Linear{.units = 32}(x)));
    Model m{x, y};
    return m.output_shape() == Shape{3, 1} ? m.count_params() : -1;
}
static_assert(mlp_block_functional() == 3169);

// One Linear shared by two inputs counts once; the custom merge joins them.
constexpr bool shared_custom_layer()
{
    Graph g;
    auto a = Input(g, {.shape = {8}});
    auto b = Input(g, {.shape = {8}});
    auto linear = g.add(Linear{.units = 4});
    Model m{{a, b}, Mean{}({linear(a), linear(b)})};
    const auto layers = m.layers();
    FACT(m.count_params() == 36);
    FACT(m.output_shape() == Shape{None, 4});
    FACT(layers[2].is<Linear>());
    FACT(layers[2].get_if<Linear>()->units == 4);
    FACT(!layers[2].is<Dense>());
    FACT(layers[2].layer() == nullptr);
    FACT(layers[3].is<Mean>());
    FACT(!layers[0].is<Linear>());
    return true;
}
static_assert(shared_custom_layer());

} // namespace

TEST_CASE("custom layers: Sequential, with add() at run time")
{
    CHECK(mlp_block_functional() == 3169);
    CHECK(shared_custom_layer());
    Sequential<std::dynamic_extent, BasicLayer<Linear>> m;
    m.add(Linear{.units = 32, .input_shape = {64}});
    m.add(Dense{.units = 1});
    CHECK(m.output_shape() == Shape{None, 1});
    CHECK(m.params() == Params{2080 + 33});
    CHECK(m.layers()[0].layer.class_name() == "Linear");
}

TEST_CASE("custom layers: automatic names and the summary")
{
    Graph g;
    auto x = Input(g, {.shape = {64}});
    auto y = Linear{.units = 1}(Linear{}(Linear{}(x)));
    Model m{x, y};
    std::vector<std::string> names;
    for (const LayerView& l : m.layers()) names.emplace_back(l.name().view());
    // Keras 2 numbers automatic names per class from 1 (the notebook's `dense_1`), custom classes too.
    CHECK(names == std::vector<std::string>{"input_1", "linear_1", "linear_2", "linear_3"});
    const std::string text = summary(m);
    const std::size_t row = text.find("linear_2 (Linear)");
    REQUIRE(row != std::string::npos);
    const std::string line = text.substr(row, text.find('\n', row) - row);
    CHECK(line.find("(None, 32)") != std::string::npos);
    CHECK(line.ends_with("1056      ")); // 32*32 + 32, left-aligned in Keras's Param # column
    CHECK(text.find("Total params: 3,169\n") != std::string::npos);
}

TEST_CASE("custom layers: a rule's error names the layer and its input")
{
    CHECK(error_of([] {
              Graph g;
              auto x = Input(g, {.shape = {None}});
              Linear{.name = "proj"}(x);
          }) == "Linear layer \"proj\" with input shape (None, None): the last input axis must be defined");
    CHECK(error_of([] {
              Sequential<std::dynamic_extent, BasicLayer<Mean>> m;
              m.add(Mean{.input_shape = {3}});
          }) == "Mean layer \"mean_1\" with input shape (None, 3): expects at least 2 inputs");
}

} // namespace unit_custom_layer_test
