// Keras 2.x's legacy layers MaxoutDense and Highway (layers/legacy.hpp) against Keras 2.3.1's
// keras/legacy/layers.py: shapes from compute_output_shape, weights from build.
// Each constexpr test runs at compile time (static_assert) and at run time (CHECK).
#include <doctest/doctest.h>
#include <nnshape/nnshape.hpp>
#include <nnshape/analysis/flops.hpp>

#include "../check.hpp"

#include <utility>

namespace unit_layers_legacy_test {

namespace {
using namespace nnshape;

constexpr bool test_legacy_layers()
{
    // MaxoutDense(output_dim=16, nb_feature=4) on 32 features: W (4, 32, 16) + b (4, 16) = 2,112.
    FACT(MaxoutDense{.output_dim = 16}.output_shape(Shape{None, 32}) == Shape{None, 16});
    FACT(MaxoutDense{.output_dim = 16}.params(Shape{None, 32}) == Params{2112});
    // Highway on 32 features: W, W_carry (32, 32) + b, b_carry (32) = 2,112; input_dim=32 is Keras 1's
    // spelling of input_shape=(32,) on a Sequential's first layer.
    const Sequential model{Highway{.activation = "tanh", .input_dim = 32}, MaxoutDense{.output_dim = 16}};
    FACT(model.input_shape() == Shape{None, 32});
    FACT(model.output_shape() == Shape{None, 16});
    FACT(model.count_params() == 2112 + 2112);
    return true;
}
static_assert(test_legacy_layers());

// Our cost rules (analysis/flops.hpp), per sample. MaxoutDense(3, nb_feature=2) on 4 features: 2*4*3 = 24
// MACs, FLOPs 48 + 6 bias adds + 3 comparisons. Highway on 4: 2*4*4 = 32 MACs, FLOPs 64 + 8 + 16.
constexpr bool test_legacy_cost()
{
    const auto one_call = [](auto layer, Shape in) {
        Graph g;
        auto x = Input(g, {.batch_shape = in});
        const Model m{x, std::move(layer)(x)};
        return cost(m).calls[1];
    };
    FACT(one_call(MaxoutDense{.output_dim = 3, .nb_feature = 2}, Shape{None, 4}) == (Cost{24, 57}));
    FACT(one_call(Highway{}, Shape{None, 4}) == (Cost{32, 88}));
    return true;
}
static_assert(test_legacy_cost());

} // namespace

TEST_CASE("MaxoutDense and Highway: shapes, weights and cost (same tests as the static_asserts)")
{
    CHECK(test_legacy_layers());
    CHECK(test_legacy_cost());
}

TEST_CASE("MaxoutDense and Highway: invalid input")
{
    // InputSpec(ndim=2); build's add_weight needs the feature count.
    CHECK_THROWS_WITH_AS((Highway{}.output_shape(Shape{None, 3, 4})),
                         "MaxoutDense/Highway: expected ndim=2 (batch, input_dim)", shape_error);
    CHECK_THROWS_WITH_AS((MaxoutDense{.output_dim = 2}.params(Shape{None, None})),
                         "MaxoutDense/Highway: the input_dim (last) dimension of the input must be defined",
                         shape_error);
    CHECK_THROWS_WITH_AS((MaxoutDense{.output_dim = 2, .nb_feature = 0}.output_shape(Shape{None, 4})),
                         "MaxoutDense: output_dim and nb_feature must be positive integers", shape_error);
}

} // namespace unit_layers_legacy_test
