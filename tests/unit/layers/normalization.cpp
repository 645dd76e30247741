// Normalization layers (RMSNormalization included) against Keras's numbers: spec §2.8, §3, §9, the seed notebook and
// Keras 3's tests. Each constexpr test runs at compile time (static_assert) and at run time (CHECK).
#include <doctest/doctest.h>
#include <nnshape/nnshape.hpp>

#include "../check.hpp"

#include <cstdint>

namespace unit_layers_normalization_test {

namespace {
using namespace nnshape;

constexpr bool test_batch_normalization()
{
    // §9: BatchNormalization on (None, 5, 3) -> (None, 5, 3), 12 = 6 trainable (gamma, beta) + 6
    // non-trainable (moving mean and variance, 2C).
    // §2.8 [run]: BN(axis=1) on (4, 8, 8) -> 16 = 4*2 + 4*2; BN(center=False, scale=False) on (8,) -> 16,
    // all non-trainable.
    FACT(BatchNormalization{}.output_shape(Shape{None, 5, 3}) == Shape{None, 5, 3});
    FACT(BatchNormalization{}.params(Shape{None, 5, 3}) == Params{6, 6});
    FACT(BatchNormalization{.axis = 1}.params(Shape{None, 4, 8, 8}) == Params{8, 8});
    FACT(BatchNormalization{.center = false, .scale = false}.params(Shape{None, 8}) == Params{0, 16});
    // one of gamma / beta: C trainable
    FACT(BatchNormalization{.center = false}.params(Shape{None, 5, 3}) == Params{3, 6});
    FACT(BatchNormalization{.scale = false}.params(Shape{None, 5, 3}) == Params{3, 6});
    // only the normalized axis must be known
    FACT(BatchNormalization{}.output_shape(Shape{None, None, None, 3}) == Shape{None, None, None, 3});
    // a negative axis counts from the end: axis=-3 of (None, 4, 8, 8) is axis 1 -> C = 4
    FACT(BatchNormalization{.axis = -3}.params(Shape{None, 4, 8, 8}) == Params{8, 8});
    // §2.8, Keras 3 batch_normalization_test: renorm=True on (2, 3) -> 2 trainable and 5
    // non-trainable (C,) weights: 2*3 and 5*3.
    FACT(BatchNormalization{.renorm = true}.params(Shape{2, 3}) == Params{6, 15});
    return true;
}
static_assert(test_batch_normalization());

constexpr bool test_batch_normalization_in_models()
{
    // Notebook In[13]: Conv2D(32, 3) on (11, 11, 3) -> (None, 9, 9, 32), 896; BatchNormalization -> 128;
    // total 1,024 = 960 trainable + 64 non-trainable.
    const Sequential notebook{Conv2D{.filters = 32, .kernel_size = 3, .input_shape = Shape{11, 11, 3}},
                              BatchNormalization{}};
    // §3: Dense(2) on 3 features (8), BatchNormalization (4 + 4), Dense(1, trainable=False) (3)
    // -> total 19, trainable 12, non-trainable 7.
    const Sequential frozen{Dense{.units = 2, .input_shape = Shape{3}}, BatchNormalization{},
                            Dense{.units = 1, .trainable = false}};
    FACT(notebook.layers()[1].output_shape == Shape{None, 9, 9, 32});
    FACT(notebook.layers()[1].count_params() == 128);
    FACT(notebook.params() == Params{960, 64});
    FACT(frozen.params() == Params{12, 7});
    FACT(frozen.count_params() == 19);
    // a frozen BatchNormalization: all 2C + 2C non-trainable
    FACT(Sequential{BatchNormalization{.trainable = false, .input_shape = Shape{5, 3}}}.params() == Params{0, 12});
    return true;
}
static_assert(test_batch_normalization_in_models());

constexpr bool test_layer_normalization()
{
    // §2.8: gamma and beta each have shape (input_shape[a] for a in axis), all trainable.
    // Keras 3 layer_normalization_test: (3, 4, 2) -> 2 trainable weights of shape (2,): 4;
    // axis=(-3, -2, -1) on (2, 8, 8, 3): 2 weights of (8, 8, 3) = 2*192 = 384;
    // scale=False, center=False on (3, 3): no weights.
    const LayerNormalization ln{};
    FACT(ln.output_shape(Shape{3, 4, 2}) == Shape{3, 4, 2});
    FACT(ln.params(Shape{3, 4, 2}) == Params{4});
    FACT(LayerNormalization{.axis = {-3, -2, -1}}.params(Shape{2, 8, 8, 3}) == Params{384});
    FACT(LayerNormalization{.center = false, .scale = false}.params(Shape{3, 3}) == Params{0});
    // only the normalized axes need a size: gamma alone on (None, None, 5) -> 5;
    // axis=[1] of (None, 6, None) -> 2*6 = 12.
    FACT(LayerNormalization{.center = false}.params(Shape{None, None, 5}) == Params{5});
    FACT(LayerNormalization{.axis = {1}}.params(Shape{None, 6, None}) == Params{12});
    FACT(LayerNormalization{}.output_shape(Shape{None, None, 5}) == Shape{None, None, 5});
    return true;
}
static_assert(test_layer_normalization());

constexpr bool test_group_normalization()
{
    // §2.8: gamma (C,) and beta (C,). Keras 3 group_normalization_test: groups=4 on (3, 4, 4) and the
    // default groups=32 on (3, 4, 32) keep the shape with 2 weights of (C,): 8 and 64.
    FACT(GroupNormalization{.groups = 4}.output_shape(Shape{3, 4, 4}) == Shape{3, 4, 4});
    FACT(GroupNormalization{.groups = 4}.params(Shape{3, 4, 4}) == Params{8});
    FACT(GroupNormalization{}.params(Shape{3, 4, 32}) == Params{64});
    // groups=-1: one group per channel (instance normalization); 6 channels -> 12
    FACT(GroupNormalization{.groups = -1}.params(Shape{None, None, None, 6}) == Params{12});
    // channels_first-style axis=1; 64 channels in 32 groups, scale only -> 64
    FACT(GroupNormalization{.axis = 1, .center = false}.params(Shape{None, 64, None, None}) == Params{64});
    FACT(GroupNormalization{.groups = 2, .center = false, .scale = false}.params(Shape{None, 4}) == Params{0});
    return true;
}
static_assert(test_group_normalization());

constexpr bool test_unit_normalization()
{
    // Keras 3 UnitNormalization: no weights, shape unchanged, axis an int or a list.
    FACT(UnitNormalization{}.output_shape(Shape{None, None, 3}) == Shape{None, None, 3});
    FACT(UnitNormalization{.axis = {1, 2}}.output_shape(Shape{None, 4, 5}) == Shape{None, 4, 5});
    FACT(UnitNormalization{.axis = -3}.output_shape(Shape{None, 4, 5}) == Shape{None, 4, 5});
    return true;
}
static_assert(test_unit_normalization());

constexpr bool test_normalization_layers_in_a_model()
{
    // Dense(8) on 4 features: 4*8 + 8 = 40; LayerNormalization 2*8 = 16; Dense(16) 8*16 + 16 = 144;
    // GroupNormalization(groups=4) 2*16 = 32; UnitNormalization 0. Total 232, all trainable.
    const Sequential model{Dense{.units = 8, .input_shape = {4}}, LayerNormalization{}, Dense{.units = 16},
                           GroupNormalization{.groups = 4}, UnitNormalization{}};
    FACT(model.layers()[1].count_params() == 16);
    FACT(model.layers()[3].count_params() == 32);
    FACT(model.params() == Params{232, 0});
    FACT(model.output_shape() == Shape{None, 16});
    return true;
}
static_assert(test_normalization_layers_in_a_model());

} // namespace

TEST_CASE("LayerNormalization, GroupNormalization, UnitNormalization at run time (same tests as the static_asserts)")
{
    CHECK(test_layer_normalization());
    CHECK(test_group_normalization());
    CHECK(test_unit_normalization());
    CHECK(test_normalization_layers_in_a_model());
}

TEST_CASE("BatchNormalization: shapes and counts at run time (same tests as the static_asserts)")
{
    CHECK(test_batch_normalization());
    CHECK(test_batch_normalization_in_models());
}

TEST_CASE("BatchNormalization: the normalized axis must be known")
{
    // §2.8 [run]: "Axis -1 of input tensor should have a defined dimension but the layer received an
    // input with shape (None, None)."
    CHECK_THROWS_WITH_AS(
        (Sequential{BatchNormalization{.input_shape = Shape{None}}}),
        doctest::Contains(R"(BatchNormalization layer "batch_normalization_1" with input shape (None, None): )"
                          "Axis of input tensor should have a defined dimension"),
        shape_error);
    CHECK_THROWS_AS(BatchNormalization{.axis = 3}.output_shape(Shape{None, 5, 3}), shape_error);
}

TEST_CASE("BatchNormalization: an axis out of bounds (Keras 3's compute_output_shape)")
{
    CHECK_THROWS_WITH_AS(BatchNormalization{.axis = -4}.output_shape(Shape{None, 5, 3}),
                         "Axis is out of bounds for input shape", shape_error);
    CHECK_THROWS_WITH_AS(
        (Sequential{BatchNormalization{.axis = 2, .input_shape = {3}}}),
        doctest::Contains(
            R"(BatchNormalization layer "batch_normalization_1" with input shape (None, 3): Axis is out)"),
        shape_error);
}

TEST_CASE("LayerNormalization: axes out of bounds, duplicates, unknown dims")
{
    // Keras 3 layer_normalization_test: axes 2, 99, -3 of a rank-2 input are out of bounds; [-1, 1] and
    // [1, 1] of a rank-2 input are duplicates.
    for (const std::int64_t bad : {2, 99, -3})
        CHECK_THROWS_WITH_AS(LayerNormalization{.axis = bad}.output_shape(Shape{2, 4}),
                             "Axis is out of bounds for input shape", shape_error);
    CHECK_THROWS_AS((LayerNormalization{.axis = {0, 99}}.params(Shape{2, 4})), shape_error);
    CHECK_THROWS_WITH_AS((LayerNormalization{.axis = {-1, 1}}.params(Shape{2, 4})),
                         "LayerNormalization: Duplicate axes are not allowed.", shape_error);
    CHECK_THROWS_WITH_AS(
        (Sequential{LayerNormalization{.axis = {1, 1}, .input_shape = {4}}}),
        doctest::Contains(
            R"(LayerNormalization layer "layer_normalization_1" with input shape (None, 4): Duplicate axes)"),
        shape_error);
    // gamma of an unknown size: Keras 3's add_weight wording.
    CHECK_THROWS_WITH_AS(LayerNormalization{}.params(Shape{None, 4, None}),
                         "Shapes used to initialize variables must be fully-defined (no `None` dimensions).",
                         shape_error);
}

TEST_CASE("GroupNormalization: Keras 3's checks of groups and of the channel axis")
{
    // Keras 3 group_normalization_test: groups=5 and groups=3 on 4 channels; groups 0 and -2 are
    // invalid; an undefined channel axis.
    CHECK_THROWS_WITH_AS(GroupNormalization{.groups = 5}.params(Shape{2, 2, 2, 4}),
                         "GroupNormalization: Number of groups (G) cannot be more than the number of channels (C).",
                         shape_error);
    CHECK_THROWS_WITH_AS(GroupNormalization{.groups = 3}.output_shape(Shape{2, 2, 2, 4}),
                         "GroupNormalization: Number of groups (G) must be a multiple of the number of channels (C).",
                         shape_error);
    for (const std::int64_t bad : {0, -2})
        CHECK_THROWS_WITH_AS(GroupNormalization{.groups = bad}.output_shape(Shape{2, 4}),
                             doctest::Contains("GroupNormalization: Received an invalid value for argument `groups`"),
                             shape_error);
    CHECK_THROWS_WITH_AS(
        (Sequential{GroupNormalization{.input_shape = {2, 2, 2, None}}}),
        doctest::Contains(R"(GroupNormalization layer "group_normalization_1" with input shape (None, 2, 2, 2, None): )"
                          "Axis of input tensor should have a defined dimension"),
        shape_error);
    CHECK_THROWS_AS(GroupNormalization{.axis = 3}.output_shape(Shape{None, 32}), shape_error);
}

TEST_CASE("UnitNormalization: axes out of bounds")
{
    CHECK_THROWS_WITH_AS(UnitNormalization{.axis = 2}.output_shape(Shape{None, 3}),
                         "Axis is out of bounds for input shape", shape_error);
    CHECK_THROWS_AS((UnitNormalization{.axis = {1, -3}}.output_shape(Shape{None, 3})), shape_error);
}

namespace {

constexpr bool test_keras_arguments()
{
    // Keras 3's signatures, with arguments that change nothing.
    const BatchNormalization bn{.axis = 1,
                                .momentum = 0.9,
                                .epsilon = 1.001e-5,
                                .beta_initializer = "zeros",
                                .renorm = true,
                                .renorm_clipping = nullptr,
                                .renorm_momentum = 0.9,
                                .synchronized = false,
                                .fused = nullptr,
                                .virtual_batch_size = nullptr};
    FACT(bn.params(Shape{None, 3, 8}) == Params{6, 15});
    FACT((LayerNormalization{.epsilon = 1e-6}.params(Shape{None, 4}) == Params{8}));
    FACT((GroupNormalization{.groups = 2, .epsilon = 1e-5, .gamma_constraint = nullptr}.params(Shape{None, 4}) ==
          Params{8}));
    // rms_scaling: gamma (scale or rms_scaling) and no beta (LayerNormalization.build); layer_normalization_test
    // runs rms_scaling=True on (3, 3) with one trainable weight.
    FACT((LayerNormalization{.rms_scaling = true}.params(Shape{3, 3}) == Params{3}));
    FACT((LayerNormalization{.center = false, .scale = false, .rms_scaling = true}.params(Shape{3, 3}) == Params{3}));
    return true;
}
static_assert(test_keras_arguments());

} // namespace

TEST_CASE("normalization layers: Keras 3's arguments (same tests as the static_asserts)")
{
    CHECK(test_keras_arguments());
}

namespace {

// Keras 3.9's RMSNormalization (rms_normalization.py): shape unchanged, `scale` shaped as the input's
// `axis` dims, sorted (build).
constexpr bool test_rms_normalization()
{
    // rms_normalization_test: RMSNormalization() on (4, 2) -> (4, 2), one weight of shape (2,).
    FACT(RMSNormalization{}.output_shape(Shape{4, 2}) == Shape{4, 2});
    FACT(RMSNormalization{}.params(Shape{4, 2}) == Params{2});
    // axis [2, 1] on (None, 4, 5): scale (4, 5).
    FACT(RMSNormalization{.axis = {2, 1}}.params(Shape{None, 4, 5}) == Params{20});
    // The batch axis may be normalized too when it is known, as Keras's add_weight takes it.
    FACT(RMSNormalization{.axis = 0}.params(Shape{8, 3}) == Params{8});
    return true;
}
static_assert(test_rms_normalization());

} // namespace

TEST_CASE("RMSNormalization: shape, scale and axis errors")
{
    CHECK(test_rms_normalization());
    // compute_output_shape: "Axis 2 is out of bounds for input shape (None, 4)."
    CHECK_THROWS_WITH_AS((RMSNormalization{.axis = 2}.output_shape(Shape{None, 4})),
                         "Axis is out of bounds for input shape", shape_error);
    CHECK_THROWS_WITH_AS((RMSNormalization{.axis = {-1, 2}}.params(Shape{None, 4, 5})),
                         "RMSNormalization: an axis is given twice", shape_error);
    // add_weight rejects a None dim in the scale's shape.
    CHECK_THROWS_WITH_AS((RMSNormalization{}.params(Shape{None, None})),
                         doctest::Contains("Shapes used to initialize variables must be fully-defined"), shape_error);
}

} // namespace unit_layers_normalization_test
