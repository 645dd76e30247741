// Regularization layers against Keras's numbers: spec §2.1, §4.1 and Keras 3's sources. Each constexpr
// test runs at compile time (static_assert) and at run time (CHECK).
#include <doctest/doctest.h>
#include <nnshape/nnshape.hpp>

#include "../check.hpp"

namespace unit_layers_regularization_test {

namespace {
using namespace nnshape;

constexpr bool test_regularization_shapes()
{
    // §2.1: every regularization layer is the identity on shapes, with no weights; rate and stddev
    // may be anywhere in [0, 1] (Keras 3's checks).
    const Shape seq{None, None, 16};
    const Shape images{None, 8, 8, 3};
    FACT(Dropout{.rate = 1}.output_shape(seq) == seq);
    FACT(GaussianNoise{.stddev = 0.1}.output_shape(images) == images);
    FACT(GaussianNoise{.stddev = 1}.output_shape(seq) == seq);
    FACT(GaussianDropout{.rate = 0.2}.output_shape(seq) == seq);
    FACT(GaussianDropout{}.output_shape(images) == images);
    FACT(AlphaDropout{.rate = 0.5}.output_shape(seq) == seq);
    FACT(ActivityRegularization{}.output_shape(images) == images);
    FACT(ActivityRegularization{.l1 = 0.01, .l2 = 0.02}.output_shape(seq) == seq);
    return true;
}
static_assert(test_regularization_shapes());

constexpr bool test_spatial_dropout()
{
    // §2.1: SpatialDropout1D/2D/3D keep the shape; InputSpec ndim = 3, 4, 5.
    FACT(SpatialDropout1D{.rate = 0.5}.output_shape(Shape{None, None, 16}) == Shape{None, None, 16});
    FACT(SpatialDropout2D{.rate = 0.2}.output_shape(Shape{None, 8, 8, 3}) == Shape{None, 8, 8, 3});
    FACT(SpatialDropout2D{.rate = 0.2, .data_format = channels_first}.output_shape(Shape{4, 3, None, None}) ==
         Shape{4, 3, None, None});
    FACT(SpatialDropout3D{.rate = 1}.output_shape(Shape{None, 4, 4, 4, 2}) == Shape{None, 4, 4, 4, 2});
    return true;
}
static_assert(test_spatial_dropout());

constexpr bool test_regularization_in_a_model()
{
    // Conv2D(4, 3) on (8, 8, 3) -> (None, 6, 6, 4), 3*3*3*4 + 4 = 112; SpatialDropout2D, GaussianNoise,
    // ActivityRegularization keep it; Flatten -> 144; AlphaDropout; Dense(2) 144*2 + 2 = 290. Total 402.
    const Sequential model{Conv2D{.filters = 4, .kernel_size = 3, .input_shape = {8, 8, 3}},
                           SpatialDropout2D{.rate = 0.1},
                           GaussianNoise{.stddev = 0.1},
                           ActivityRegularization{.l1 = 0.01},
                           Flatten{},
                           AlphaDropout{.rate = 0.1},
                           Dense{.units = 2}};
    FACT(model.layers()[3].output_shape == Shape{None, 6, 6, 4});
    FACT(model.layers()[5].count_params() == 0);
    FACT(model.output_shape() == Shape{None, 2});
    FACT(model.count_params() == 402);
    return true;
}
static_assert(test_regularization_in_a_model());

} // namespace

TEST_CASE("regularization layers: shapes and counts at run time (same tests as the static_asserts)")
{
    CHECK(test_regularization_shapes());
    CHECK(test_spatial_dropout());
    CHECK(test_regularization_in_a_model());
}

TEST_CASE("dropout layers: Keras 3 checks rate and stddev")
{
    const Shape in{None, 3};
    for (const double bad : {-0.1, 1.5}) {
        CHECK_THROWS_WITH_AS(Dropout{.rate = bad}.output_shape(in),
                             "Invalid value received for argument `rate`. Expected a float value between 0 and 1.",
                             shape_error);
        CHECK_THROWS_AS(GaussianDropout{.rate = bad}.output_shape(in), shape_error);
        CHECK_THROWS_AS(AlphaDropout{.rate = bad}.output_shape(in), shape_error);
        CHECK_THROWS_AS(SpatialDropout1D{.rate = bad}.output_shape(Shape{None, 4, 3}), shape_error);
        CHECK_THROWS_WITH_AS(GaussianNoise{.stddev = bad}.output_shape(in),
                             "GaussianNoise: Invalid value received for argument `stddev`. Expected a float value "
                             "between 0 and 1.",
                             shape_error);
    }
    CHECK_THROWS_WITH_AS((Sequential{GaussianDropout{.rate = 2, .input_shape = {3}}}),
                         doctest::Contains(R"(GaussianDropout layer "gaussian_dropout_1" with input shape (None, 3): )"
                                           "Invalid value received for argument `rate`."),
                         shape_error);
}

TEST_CASE("ActivityRegularization: l1 and l2 must be non-negative floats")
{
    CHECK_THROWS_WITH_AS(ActivityRegularization{.l1 = -0.01}.output_shape(Shape{None, 3}),
                         "ActivityRegularization: Invalid value for argument l1: expected a non-negative float.",
                         shape_error);
    CHECK_THROWS_WITH_AS(ActivityRegularization{.l2 = -1}.output_shape(Shape{None, 3}),
                         "ActivityRegularization: Invalid value for argument l2: expected a non-negative float.",
                         shape_error);
}

TEST_CASE("SpatialDropout: the input rank is fixed")
{
    // §2.1 [run]: SpatialDropout2D on a rank-3 input: "expected ndim=4, found ndim=3".
    CHECK_THROWS_WITH_AS(
        (Sequential{SpatialDropout2D{.rate = 0.5, .input_shape = {4, 3}}}),
        doctest::Contains(
            R"(SpatialDropout2D layer "spatial_dropout2d_1" with input shape (None, 4, 3): expected ndim)"),
        shape_error);
    CHECK_THROWS_AS(SpatialDropout1D{}.output_shape(Shape{None, 4, 4, 3}), shape_error);
    CHECK_THROWS_AS(SpatialDropout3D{}.output_shape(Shape{None, 4, 4, 3}), shape_error);
    // Keras's SpatialDropout1D takes no data_format.
    CHECK_THROWS_WITH_AS(SpatialDropout1D{.data_format = channels_first}.output_shape(Shape{None, 4, 3}),
                         doctest::Contains("SpatialDropout1D: takes no data_format argument"), shape_error);
}

namespace {

template <class L>
concept takes_noise_shape = requires { L{.noise_shape = {None, 1, None}}; };

// Keras 3: Dropout(rate, noise_shape, seed), AlphaDropout(rate, noise_shape, seed), GaussianDropout(rate,
// seed), GaussianNoise(stddev, seed), SpatialDropout2D(rate, data_format, seed); none changes a shape.
static_assert(takes_noise_shape<Dropout> && takes_noise_shape<AlphaDropout>);
static_assert(!takes_noise_shape<GaussianDropout>);

constexpr bool test_keras_arguments()
{
    FACT((Dropout{.rate = 0.5, .noise_shape = {None, 1, 10}, .seed = 1}.output_shape(Shape{20, 5, 10}) ==
          Shape{20, 5, 10}));
    FACT((AlphaDropout{.rate = 0.5, .noise_shape = nullptr, .seed = nullptr}.output_shape(Shape{None, 4}) ==
          Shape{None, 4}));
    FACT((GaussianDropout{.rate = 0.5, .seed = 3}.output_shape(Shape{None, 4}) == Shape{None, 4}));
    FACT((GaussianNoise{.stddev = 0.1, .seed = 3}.output_shape(Shape{None, 4}) == Shape{None, 4}));
    FACT((SpatialDropout2D{.rate = 0.5, .data_format = channels_first, .seed = 3}.output_shape(Shape{None, 3, 4, 4}) ==
          Shape{None, 3, 4, 4}));
    FACT(sizeof(Dropout) == sizeof(GaussianDropout));
    return true;
}
static_assert(test_keras_arguments());

} // namespace

TEST_CASE("regularization layers: Keras 3's arguments (same tests as the static_asserts)")
{
    CHECK(test_keras_arguments());
}

} // namespace unit_layers_regularization_test
