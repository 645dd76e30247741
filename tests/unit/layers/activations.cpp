// Activation layers against Keras's numbers: spec §2.10, §5, §8 and Keras 3's sources and tests. Each
// constexpr test runs at compile time (static_assert) and at run time (CHECK).
#include <doctest/doctest.h>
#include <nnshape/nnshape.hpp>

#include "../check.hpp"

namespace unit_layers_activations_test {

namespace {
using namespace nnshape;

constexpr bool test_identity_activations()
{
    // §2.10: ReLU, LeakyReLU, ELU, ThresholdedReLU and Softmax keep the shape and have no weights.
    const Shape images{None, 8, 8, 3};
    const Shape sequence{None, None, 5};
    FACT(ReLU{}.output_shape(images) == images);
    FACT(ReLU{.max_value = 6.0}.output_shape(sequence) == sequence);
    FACT(ReLU{.max_value = 0.0, .negative_slope = 0.1, .threshold = 0.5}.output_shape(images) == images);
    FACT(LeakyReLU{}.output_shape(sequence) == sequence);
    FACT(LeakyReLU{.negative_slope = 0}.output_shape(images) == images);
    FACT(LeakyReLU{.alpha = 0.1}.output_shape(images) == images);
    FACT(ELU{}.output_shape(sequence) == sequence);
    FACT(ThresholdedReLU{}.output_shape(images) == images);
    FACT(ThresholdedReLU{.theta = 0}.output_shape(images) == images);
    FACT(Softmax{}.output_shape(sequence) == sequence);
    // Keras 3: the axis may be a list; -4 and 3 are the first and last axes of a rank-4 input.
    FACT(Softmax{.axis = {1, 2}}.output_shape(images) == images);
    FACT(Softmax{.axis = -4}.output_shape(images) == images);
    FACT(Softmax{.axis = 3}.output_shape(images) == images);
    return true;
}
static_assert(test_identity_activations());

constexpr bool test_prelu()
{
    // §2.10 [run]: PReLU() on (5, 3) -> alpha (5, 3), 15; shared_axes=[1, 2] on (8, 8, 3) -> alpha (1, 1, 3), 3;
    // shared_axes=1 on (None, 3) -> alpha (1, 3), 3.
    // Keras 3 prelu_test: shared_axes=1 on (2, 3, 4) keeps the shape; alpha (1, 4) -> 4.
    // All shared on (8, 8, 3): alpha (1, 1, 1) -> 1. No shared axis on (4, 4, 2): 4*4*2 = 32.
    FACT(PReLU{}.output_shape(Shape{None, 5, 3}) == Shape{None, 5, 3});
    FACT(PReLU{}.params(Shape{None, 5, 3}) == Params{15});
    FACT(PReLU{.shared_axes = {1, 2}}.params(Shape{None, 8, 8, 3}) == Params{3});
    FACT(PReLU{.shared_axes = {1, 2}}.params(Shape{None, None, None, 3}) == Params{3});
    FACT(PReLU{.shared_axes = 1}.params(Shape{None, None, 3}) == Params{3});
    FACT(PReLU{.shared_axes = 1}.output_shape(Shape{2, 3, 4}) == Shape{2, 3, 4});
    FACT(PReLU{.shared_axes = 1}.params(Shape{2, 3, 4}) == Params{4});
    FACT(PReLU{.shared_axes = {1, 2, 3}}.params(Shape{None, 8, 8, 3}) == Params{1});
    FACT(PReLU{}.params(Shape{None, 4, 4, 2}) == Params{32});
    return true;
}
static_assert(test_prelu());

constexpr bool test_activations_in_a_model()
{
    // Spec §8 (MobileNetV2 uses ReLU(6.) layers): Conv2D(8, 3) on (10, 10, 3) -> (None, 8, 8, 8),
    // 3*3*3*8 + 8 = 224; ReLU(max_value=6) 0; PReLU(shared_axes=[1, 2]) alpha (1, 1, 8) -> 8;
    // Flatten -> 512; Dense(10) 5130; Softmax 0. Total 224 + 8 + 5130 = 5362.
    const Sequential model{Conv2D{.filters = 8, .kernel_size = 3, .input_shape = {10, 10, 3}},
                           ReLU{.max_value = 6.0},
                           PReLU{.shared_axes = {1, 2}},
                           Flatten{},
                           Dense{.units = 10},
                           Softmax{}};
    // A frozen PReLU: its weights count as non-trainable (§3).
    const Sequential frozen{PReLU{.trainable = false, .input_shape = {5, 3}}};
    FACT(model.layers()[2].count_params() == 8);
    FACT(model.output_shape() == Shape{None, 10});
    FACT(model.count_params() == 5362);
    FACT(frozen.params() == Params{0, 15});
    return true;
}
static_assert(test_activations_in_a_model());

} // namespace

TEST_CASE("activation layers: shapes and counts at run time (same tests as the static_asserts)")
{
    CHECK(test_identity_activations());
    CHECK(test_prelu());
    CHECK(test_activations_in_a_model());
}

TEST_CASE("ReLU and LeakyReLU: Keras 3 rejects negative arguments")
{
    const Shape in{None, 3};
    CHECK_THROWS_WITH_AS(ReLU{.max_value = -1.0}.output_shape(in),
                         "ReLU: max_value of a ReLU layer cannot be a negative value.", shape_error);
    CHECK_THROWS_WITH_AS(ReLU{.negative_slope = -0.1}.output_shape(in),
                         "ReLU: negative_slope of a ReLU layer cannot be None or a negative value.", shape_error);
    CHECK_THROWS_WITH_AS(ReLU{.threshold = -1}.output_shape(in),
                         "ReLU: threshold of a ReLU layer cannot be None or a negative value.", shape_error);
    CHECK_THROWS_WITH_AS(LeakyReLU{.negative_slope = -0.3}.output_shape(in),
                         doctest::Contains("LeakyReLU: The negative_slope value of a Leaky ReLU layer cannot be None "
                                           "or negative value."),
                         shape_error);
    // The tf.keras name `alpha` wins over negative_slope, as Keras 3's deprecated alias does.
    CHECK_THROWS_AS((LeakyReLU{.negative_slope = 0.3, .alpha = -1}.output_shape(in)), shape_error);
    CHECK_THROWS_WITH_AS((Sequential{ReLU{.max_value = -6.0, .input_shape = {3}}}),
                         doctest::Contains(R"(ReLU layer "re_lu_1" with input shape (None, 3): max_value of a ReLU )"
                                           "layer cannot be a negative value."),
                         shape_error);
}

TEST_CASE("ThresholdedReLU (tf.keras): theta must be >= 0")
{
    CHECK_THROWS_WITH_AS(ThresholdedReLU{.theta = -10}.output_shape(Shape{None, 3}),
                         "ThresholdedReLU: The theta value of a Thresholded ReLU layer should be >=0.", shape_error);
}

TEST_CASE("Softmax: an axis out of range")
{
    CHECK_THROWS_WITH_AS(Softmax{.axis = 2}.output_shape(Shape{None, 3}), "Axis is out of bounds for input shape",
                         shape_error);
    CHECK_THROWS_AS((Softmax{.axis = {1, -3}}.output_shape(Shape{None, 3})), shape_error);
}

TEST_CASE("PReLU: a None non-shared dimension, and shared axes out of range")
{
    // §2.10 [run]: PReLU() on (None, 3) fails while creating alpha; Keras 3's add_weight wording.
    CHECK_THROWS_WITH_AS(
        (Sequential{PReLU{.input_shape = {None, 3}}}),
        doctest::Contains(R"(PReLU layer "p_re_lu_1" with input shape (None, None, 3): Shapes used to initialize )"
                          "variables must be fully-defined (no `None` dimensions)."),
        shape_error);
    CHECK_THROWS_AS(PReLU{.shared_axes = 2}.params(Shape{None, None, 3}), shape_error);
    // Axis 0 is the batch axis; axis 3 does not exist in a rank-3 input.
    CHECK_THROWS_WITH_AS(PReLU{.shared_axes = 0}.output_shape(Shape{None, 5, 3}),
                         doctest::Contains("PReLU: shared_axes are 1-based"), shape_error);
    CHECK_THROWS_AS(PReLU{.shared_axes = 3}.params(Shape{None, 5, 3}), shape_error);
}

namespace {

// Keras 3's ELU(alpha) and PReLU(alpha_initializer, alpha_regularizer, alpha_constraint, shared_axes):
// arguments that change nothing.
constexpr bool test_keras_arguments()
{
    FACT((ELU{.alpha = 0.5}.output_shape(Shape{None, 4}) == Shape{None, 4}));
    const PReLU prelu{
        .alpha_initializer = "zeros", .alpha_regularizer = nullptr, .alpha_constraint = nullptr, .shared_axes = {1, 2}};
    FACT(prelu.params(Shape{None, 5, 5, 3}) == Params{3});
    return true;
}
static_assert(test_keras_arguments());

} // namespace

TEST_CASE("activation layers: Keras 3's arguments (same tests as the static_asserts)")
{
    CHECK(test_keras_arguments());
}

} // namespace unit_layers_activations_test
