// Image augmentation layers against Keras 3's tests (keras/src/layers/preprocessing/image_preprocessing/*_test.py,
// run_layer_test's expected_output_shape) and tf.keras 2.15's RandomHeight/RandomWidth.compute_output_shape. Each
// constexpr test runs at compile time (static_assert) and at run time (CHECK).
#include <doctest/doctest.h>
#include <nnshape/nnshape.hpp>

#include "../check.hpp"

namespace unit_layers_augmentation_test {

namespace {
using namespace nnshape;

constexpr bool test_shape_preserving()
{
    // random_rotation_test, random_zoom_test, random_translation_test: (2, 3, 4) -> (2, 3, 4).
    FACT((RandomRotation{.factor = 0.5, .fill_mode = "constant", .interpolation = "nearest"}.output_shape(
              Shape{2, 3, 4}) == Shape{2, 3, 4}));
    FACT((RandomZoom{.height_factor = {-0.2, 0.2}, .width_factor = 0.1, .seed = 42}.output_shape(Shape{2, 3, 4}) ==
          Shape{2, 3, 4}));
    FACT((RandomTranslation{.height_factor = 0.2, .width_factor = 0.2}.output_shape(Shape{2, 3, 4}) == Shape{2, 3, 4}));
    // random_contrast_test, random_brightness_test, random_color_degeneration_test, mix_up_test, aug_mix_test:
    // (8, 3, 4, 3) -> (8, 3, 4, 3); random_contrast_test also (8, 3, 4, 4).
    const Shape batch{8, 3, 4, 3};
    FACT((RandomContrast{.factor = 0.75, .value_range = {0, 255}, .seed = 1}.output_shape(Shape{8, 3, 4, 4}) ==
          Shape{8, 3, 4, 4}));
    FACT((RandomBrightness{.factor = {-0.2, 0.3}, .value_range = {0.0, 1.0}}.output_shape(batch) == batch));
    FACT((RandomColorDegeneration{.factor = {0.0, 0.5}}.output_shape(batch) == batch));
    FACT((MixUp{.alpha = 0.2}.output_shape(batch) == batch));
    FACT((AugMix{.value_range = {0, 255}, .num_chains = 2, .chain_depth = {1, 3}}.output_shape(batch) == batch));
    // random_grayscale_test: (1, 2, 2, 3) -> (1, 2, 2, 3), channels_first (1, 3, 2, 2) -> (1, 3, 2, 2).
    FACT((RandomGrayscale{.factor = 0.5, .data_format = channels_first}.output_shape(Shape{1, 3, 2, 2}) ==
          Shape{1, 3, 2, 2}));
    // max_num_bounding_box_test: images (12, 12, 3) pass unchanged.
    FACT((MaxNumBoundingBoxes{.max_number = 40}.output_shape(Shape{12, 12, 3}) == Shape{12, 12, 3}));
    // The other Keras 3 image layers return their input shape (each compute_output_shape).
    const Shape images{None, 32, 32, 3};
    FACT(RandomShear{.x_factor = 0.2}.output_shape(images) == images);
    FACT(RandomHue{.factor = 0.5}.output_shape(images) == images);
    FACT(RandomSaturation{.factor = {0.2, 0.8}}.output_shape(images) == images);
    FACT(RandomSharpness{.factor = 0.3}.output_shape(images) == images);
    FACT(RandomPosterization{.factor = {1, 8}}.output_shape(images) == images);
    FACT((RandomColorJitter{.brightness_factor = 0.2, .hue_factor = 0.1}.output_shape(images) == images));
    FACT(RandomInvert{.factor = 0.5}.output_shape(images) == images);
    FACT((RandomErasing{.scale = {0.02, 0.33}, .fill_value = nullptr}.output_shape(images) == images));
    FACT((RandomGaussianBlur{.kernel_size = 5, .sigma = {0.1, 2.0}}.output_shape(images) == images));
    FACT(RandomElasticTransform{.scale = 0.5}.output_shape(images) == images);
    FACT(RandomPerspective{.factor = 0.5}.output_shape(images) == images);
    FACT((Solarization{.addition_factor = 0.1, .threshold_factor = 0.2}.output_shape(images) == images));
    FACT(AutoContrast{}.output_shape(images) == images);
    FACT(Equalization{.bins = 128}.output_shape(images) == images);
    FACT(CutMix{.factor = 1.0}.output_shape(images) == images);
    FACT((RandAugment{.num_ops = 3, .factor = {0.0, 0.5}}.output_shape(images) == images));
    return true;
}
static_assert(test_shape_preserving());

constexpr bool test_random_crop()
{
    // random_crop_test: 2x2 on (1, 3, 4, 3) -> (1, 2, 2, 3); on (3, 4, 3) -> (2, 2, 3); channels_first
    // (1, 3, 3, 4) -> (1, 3, 2, 2).
    FACT((RandomCrop{.height = 2, .width = 2}.output_shape(Shape{1, 3, 4, 3}) == Shape{1, 2, 2, 3}));
    FACT((RandomCrop{.height = 2, .width = 2}.output_shape(Shape{3, 4, 3}) == Shape{2, 2, 3}));
    FACT((RandomCrop{.height = 2, .width = 2, .data_format = channels_first}.output_shape(Shape{1, 3, 3, 4}) ==
          Shape{1, 3, 2, 2}));
    return true;
}
static_assert(test_random_crop());

constexpr bool test_random_height_and_width()
{
    // tf.keras 2.15 (and keras._legacy.layers): RandomHeight sets axis -3 to None, RandomWidth axis -2.
    FACT((RandomHeight{.factor = 0.2}.output_shape(Shape{None, 8, 16, 3}) == Shape{None, None, 16, 3}));
    FACT((RandomWidth{.factor = {-0.2, 0.3}, .interpolation = "nearest"}.output_shape(Shape{None, 8, 16, 3}) ==
          Shape{None, 8, None, 3}));
    FACT((RandomHeight{.factor = 0.2}.output_shape(Shape{8, 16, 3}) == Shape{None, 16, 3}));
    return true;
}
static_assert(test_random_height_and_width());

constexpr bool test_augmentation_in_a_model()
{
    // keras.io's "Image classification from scratch" augments (None, 180, 180, 3) images with RandomFlip("horizontal")
    // and RandomRotation(0.1) before Rescaling: no shape change, no weights. Then RandomCrop to 160x160 and Conv2D(16,
    // 3) (Keras's valid convolution: 158x158, 3*3*3*16 + 16 = 448 weights).
    const Sequential model{RandomFlip{.mode = "horizontal", .input_shape = {180, 180, 3}},
                           RandomRotation{.factor = 0.1}, Rescaling{.scale = 1.0 / 255},
                           RandomCrop{.height = 160, .width = 160}, Conv2D{.filters = 16, .kernel_size = 3}};
    FACT(model.layers()[1].output_shape == Shape{None, 180, 180, 3});
    FACT(model.output_shape() == Shape{None, 158, 158, 16});
    FACT(model.params() == Params{448});
    return true;
}
static_assert(test_augmentation_in_a_model());

} // namespace

TEST_CASE("augmentation layers: shapes at run time (same tests as the static_asserts)")
{
    CHECK(test_shape_preserving());
    CHECK(test_random_crop());
    CHECK(test_random_height_and_width());
    CHECK(test_augmentation_in_a_model());
}

TEST_CASE("augmentation layers: Keras's checks")
{
    // random_color_degeneration.compute_output_shape: rank 3 or 4, 3 channels.
    CHECK_THROWS_WITH_AS(RandomColorDegeneration{.factor = 0.5}.output_shape(Shape{None, 8, 8, 4}),
                         "RandomColorDegeneration: Input images must have 3 channels.", shape_error);
    CHECK_THROWS_AS(RandomColorDegeneration{.factor = 0.5}.output_shape(Shape{None, 8}), shape_error);
    CHECK((RandomColorDegeneration{.factor = 0.5, .data_format = channels_first}.output_shape(Shape{None, 3, 8, 8}) ==
           Shape{None, 3, 8, 8}));
    CHECK_THROWS_AS((RandomCrop{.height = 2, .width = 2}.output_shape(Shape{None, 8})), shape_error);
    CHECK_THROWS_AS((RandomCrop{.height = 0, .width = 2}.output_shape(Shape{None, 8, 8, 3})), shape_error);
    CHECK_THROWS_AS((RandomWidth{.factor = 0.2}.output_shape(Shape{None, 8})), shape_error);
}

} // namespace unit_layers_augmentation_test
