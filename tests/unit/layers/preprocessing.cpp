// Preprocessing layers against Keras's numbers: spec §2.8, §8, §9 and Keras 3's sources and tests. Each
// constexpr test runs at compile time (static_assert) and at run time (CHECK).
#include <doctest/doctest.h>
#include <nnshape/nnshape.hpp>

#include "../check.hpp"

#include <cstdint>

namespace unit_layers_preprocessing_test {

namespace {
using namespace nnshape;

constexpr bool test_rescaling()
{
    // §2.8: Rescaling is the identity on shapes, with no weights.
    FACT(Rescaling{.scale = 1.0 / 255}.output_shape(Shape{None, 224, 224, 3}) == Shape{None, 224, 224, 3});
    FACT(Rescaling{.scale = 2, .offset = -1}.output_shape(Shape{None, None}) == Shape{None, None});
    return true;
}
static_assert(test_rescaling());

constexpr bool test_normalization()
{
    // §9 / §2.8: Normalization() on (None, 3) -> (None, 3), 7 = 2*3 + 1, all non-trainable.
    // Keras 3 normalization_test: axis=-1 on (2, 3) -> 3 non-trainable weights (mean, variance, count);
    // with mean and variance given -> no weights.
    const Normalization n{};
    FACT(n.output_shape(Shape{None, 3}) == Shape{None, 3});
    FACT(n.params(Shape{None, 3}) == Params{0, 7});
    FACT(n.params(Shape{2, 3}) == Params{0, 7});
    FACT(Normalization{.mean = 0.5, .variance = 2.0}.params(Shape{2, 3}) == Params{});
    FACT(Normalization{.mean = {0.485, 0.456, 0.406}, .variance = {0.05, 0.05, 0.05}}.params(Shape{None, 8, 8, 3}) ==
         Params{});
    // only the kept axes must be known: (None, None, 3) keeps axis 2 -> 7
    FACT(n.params(Shape{None, None, 3}) == Params{0, 7});
    // axis=(1, 2) on (None, 4, 5, 3): mean and variance (4, 5) -> 2*20 + 1 = 41
    FACT(Normalization{.axis = {1, 2}}.params(Shape{None, 4, 5, 3}) == Params{0, 41});
    // axis=None keeps no axis: scalar mean and variance -> 2*1 + 1 = 3
    FACT(Normalization{.axis = {}}.params(Shape{None, None, 3}) == Params{0, 3});
    // a frozen Normalization stays all non-trainable
    FACT(Sequential{Normalization{.trainable = false, .input_shape = {3}}}.params() == Params{0, 7});
    return true;
}
static_assert(test_normalization());

constexpr bool test_resizing_and_center_crop()
{
    // Keras 3 resizing_test: height=width=6 on (2, 12, 12, 3) -> (2, 6, 6, 3); channels_first
    // (2, 3, 12, 12) -> (2, 3, 6, 6). center_crop_test: 6x6 on (2, 12, 12, 3) -> (2, 6, 6, 3); 7x7
    // channels_first on (2, 3, 13, 13) -> (2, 3, 7, 7).
    // Keras's compute_output_shape sets the two axes whatever they were (None included), and for an
    // unbatched image (rank 3) the height and width axes count from the end.
    FACT(Resizing{.height = 6, .width = 6}.output_shape(Shape{2, 12, 12, 3}) == Shape{2, 6, 6, 3});
    FACT(Resizing{.height = 6, .width = 6, .data_format = channels_first}.output_shape(Shape{2, 3, 12, 12}) ==
         Shape{2, 3, 6, 6});
    FACT(Resizing{.height = 6, .width = 6, .interpolation = "lanczos5", .crop_to_aspect_ratio = true}.output_shape(
             Shape{None, None, None, 3}) == Shape{None, 6, 6, 3});
    FACT(Resizing{.height = 224, .width = 160, .pad_to_aspect_ratio = true}.output_shape(Shape{None, 480, 640, 3}) ==
         Shape{None, 224, 160, 3});
    FACT(Resizing{.height = 5, .width = 7}.output_shape(Shape{12, 12, 3}) == Shape{5, 7, 3});
    FACT(CenterCrop{.height = 6, .width = 6}.output_shape(Shape{2, 12, 12, 3}) == Shape{2, 6, 6, 3});
    FACT(CenterCrop{.height = 7, .width = 7, .data_format = channels_first}.output_shape(Shape{2, 3, 13, 13}) ==
         Shape{2, 3, 7, 7});
    // a smaller input is resized up to the target
    FACT(CenterCrop{.height = 32, .width = 32}.output_shape(Shape{None, 16, 16, 3}) == Shape{None, 32, 32, 3});
    FACT(CenterCrop{.height = 4, .width = 2, .data_format = channels_first}.output_shape(Shape{3, 8, 8}) ==
         Shape{3, 4, 2});
    return true;
}
static_assert(test_resizing_and_center_crop());

constexpr bool test_preprocessing_in_a_model()
{
    // Spec §8 (EfficientNetB0 starts with Rescaling and Normalization; its 7 non-trainable weights
    // are Normalization's on 3 channels). Resizing(64, 64) on (None, None, 3) -> (None, 64, 64, 3);
    // Rescaling 0; Normalization 2*3 + 1 = 7 non-trainable; CenterCrop(32, 32) -> (None, 32, 32, 3);
    // Conv2D(8, 3) 3*3*3*8 + 8 = 224 trainable.
    const Sequential model{Resizing{.height = 64, .width = 64, .input_shape = {None, None, 3}},
                           Rescaling{.scale = 1.0 / 255}, Normalization{}, CenterCrop{.height = 32, .width = 32},
                           Conv2D{.filters = 8, .kernel_size = 3}};
    FACT(model.layers()[0].output_shape == Shape{None, 64, 64, 3});
    FACT(model.layers()[3].output_shape == Shape{None, 32, 32, 3});
    FACT(model.output_shape() == Shape{None, 30, 30, 8});
    FACT(model.params() == Params{224, 7});
    return true;
}
static_assert(test_preprocessing_in_a_model());

} // namespace

TEST_CASE("preprocessing layers: shapes and counts at run time (same tests as the static_asserts)")
{
    CHECK(test_rescaling());
    CHECK(test_normalization());
    CHECK(test_resizing_and_center_crop());
    CHECK(test_preprocessing_in_a_model());
}

TEST_CASE("Normalization: Keras 3's axis checks")
{
    // Keras 3 normalization_test: axis=3 and axis=-4 on a rank-3 input are out of range.
    for (const std::int64_t bad : {3, -4})
        CHECK_THROWS_WITH_AS(Normalization{.axis = bad}.output_shape(Shape{None, 4, 3}),
                             "Normalization: All `axis` values must be in the range [-ndim, ndim).", shape_error);
    // §2.8: a kept axis of unknown size.
    CHECK_THROWS_WITH_AS(
        (Sequential{Normalization{.input_shape = {None}}}),
        doctest::Contains(R"(Normalization layer "normalization_1" with input shape (None, None): All `axis` values )"
                          "to be kept must have a known shape."),
        shape_error);
    CHECK_THROWS_AS((Normalization{.axis = {1, 2}}.params(Shape{None, None, 3})), shape_error);
}

TEST_CASE("Normalization: given mean and variance")
{
    const Shape in{None, 3};
    CHECK_THROWS_WITH_AS(Normalization{.mean = 0.5}.params(in),
                         "Normalization: When setting values directly, both `mean` and `variance` must be set.",
                         shape_error);
    CHECK_THROWS_WITH_AS((Normalization{.mean = {1, 2, 3}, .variance = {1, 2}}.params(in)),
                         "Normalization: When setting values directly, `mean` and `variance` must have the same shape.",
                         shape_error);
    CHECK_THROWS_WITH_AS((Normalization{.axis = {}, .mean = {1, 2, 3}, .variance = {1, 2, 3}}.params(in)),
                         doctest::Contains("Normalization: The rank of `mean` must be less than or equal to the "
                                           "number of axes"),
                         shape_error);
    // Three values do not broadcast to a last kept axis of 4.
    CHECK_THROWS_AS((Normalization{.mean = {1, 2, 3}, .variance = {1, 2, 3}}.params(Shape{None, 4})), shape_error);
    CHECK((Normalization{.mean = {1}, .variance = {1}}.params(Shape{None, 4}) == Params{}));
}

TEST_CASE("Resizing and CenterCrop: size, rank and argument checks")
{
    const Shape in{None, 8, 8, 3};
    CHECK_THROWS_WITH_AS((Resizing{.height = 0, .width = 4}.output_shape(in)),
                         "`size` must have positive height and width.", shape_error);
    CHECK_THROWS_AS((CenterCrop{.height = 4, .width = -1}.output_shape(in)), shape_error);
    CHECK_THROWS_WITH_AS(
        (Sequential{Resizing{.height = 4, .width = 4, .input_shape = {8, 8, 8, 3}}}),
        doctest::Contains(R"(Resizing layer "resizing_1" with input shape (None, 8, 8, 8, 3): Invalid images rank: )"
                          "expected rank 3 (single image) or rank 4 (batch of images)."),
        shape_error);
    CHECK_THROWS_AS((CenterCrop{.height = 4, .width = 4}.output_shape(Shape{None, 8})), shape_error);
    CHECK_THROWS_WITH_AS(
        (Resizing{.height = 4, .width = 4, .crop_to_aspect_ratio = true, .pad_to_aspect_ratio = true}.output_shape(in)),
        "Resizing: Only one of `pad_to_aspect_ratio` & `crop_to_aspect_ratio` can be `True`.", shape_error);
    CHECK_THROWS_WITH_AS((Resizing{.height = 4, .width = 4, .interpolation = "linear"}.output_shape(in)),
                         doctest::Contains("Resizing: Invalid value for argument `interpolation`."), shape_error);
}

namespace {

// Keras 3's Normalization(axis, mean, variance, invert) and Resizing(height, width, interpolation,
// crop_to_aspect_ratio, pad_to_aspect_ratio, fill_mode, fill_value, antialias, data_format).
constexpr bool test_keras_arguments()
{
    FACT((Normalization{.invert = true}.params(Shape{None, 4}) == Params{0, 9}));
    const Resizing resizing{.height = 6,
                            .width = 8,
                            .pad_to_aspect_ratio = true,
                            .fill_mode = "constant",
                            .fill_value = 0.0,
                            .antialias = true,
                            .data_format = channels_first};
    FACT(resizing.output_shape(Shape{2, 3, 12, 12}) == Shape{2, 3, 6, 8});
    return true;
}
static_assert(test_keras_arguments());

} // namespace

TEST_CASE("preprocessing layers: Keras 3's arguments (same tests as the static_asserts)")
{
    CHECK(test_keras_arguments());
}

} // namespace unit_layers_preprocessing_test
