#pragma once
// Harness cases for the preprocessing layers (layers/preprocessing.hpp); numbers from Keras as cited.
#include "../layer_case.hpp"

namespace nnshape::harness {

constexpr bool preprocessing_cases(auto&& check)
{
    // Spec §2.8: Rescaling is the identity on shapes, with no weights.
    bool ok = check(Rescaling{.scale = 1.0 / 255}, {Shape{None, 224, 224, 3}}, {Shape{None, 224, 224, 3}}, Params{});
    ok &= check(Rescaling{.scale = 2, .offset = -1}, {Shape{None, None}}, {Shape{None, None}}, Params{});
    // Spec §9 / §2.8: Normalization() on (None, 3) -> (None, 3), 7 = 2*3 + 1, all non-trainable; only the kept
    // axes must be known.
    ok &= check(Normalization{}, {Shape{None, 3}}, {Shape{None, 3}}, Params{0, 7});
    ok &= check(Normalization{}, {Shape{None, None, 3}}, {Shape{None, None, 3}}, Params{0, 7});
    // axis=(1, 2) on (None, 4, 5, 3): mean and variance (4, 5) -> 2*20 + 1 = 41; axis=None keeps no axis:
    // scalar mean and variance -> 2*1 + 1 = 3 (spec §2.8).
    ok &= check(Normalization{.axis = {1, 2}}, {Shape{None, 4, 5, 3}}, {Shape{None, 4, 5, 3}}, Params{0, 41});
    ok &= check(Normalization{.axis = {}}, {Shape{None, None, 3}}, {Shape{None, None, 3}}, Params{0, 3});
    // Keras 3 resizing_test: height=width=6 on (2, 12, 12, 3) -> (2, 6, 6, 3); channels_first (2, 3, 12, 12) ->
    // (2, 3, 6, 6). Keras's compute_output_shape sets the two axes whatever they were (None included); for an
    // unbatched image (rank 3) the height and width axes count from the end.
    ok &= check(Resizing{.height = 6, .width = 6}, {Shape{2, 12, 12, 3}}, {Shape{2, 6, 6, 3}}, Params{});
    ok &= check(Resizing{.height = 6, .width = 6, .data_format = channels_first}, {Shape{2, 3, 12, 12}},
                {Shape{2, 3, 6, 6}}, Params{});
    ok &= check(Resizing{.height = 6, .width = 6, .interpolation = "lanczos5", .crop_to_aspect_ratio = true},
                {Shape{None, None, None, 3}}, {Shape{None, 6, 6, 3}}, Params{});
    ok &= check(Resizing{.height = 5, .width = 7}, {Shape{12, 12, 3}}, {Shape{5, 7, 3}}, Params{});
    // Keras 3 center_crop_test: 6x6 on (2, 12, 12, 3) -> (2, 6, 6, 3); 7x7 channels_first on (2, 3, 13, 13) ->
    // (2, 3, 7, 7); a smaller input is resized up to the target.
    ok &= check(CenterCrop{.height = 6, .width = 6}, {Shape{2, 12, 12, 3}}, {Shape{2, 6, 6, 3}}, Params{});
    ok &= check(CenterCrop{.height = 7, .width = 7, .data_format = channels_first}, {Shape{2, 3, 13, 13}},
                {Shape{2, 3, 7, 7}}, Params{});
    ok &= check(CenterCrop{.height = 32, .width = 32}, {Shape{None, 16, 16, 3}}, {Shape{None, 32, 32, 3}}, Params{});
    // Keras 3's RandomFlip.compute_output_shape returns its input shape; it creates no weights.
    ok &= check(RandomFlip{.mode = "horizontal"}, {Shape{None, 8, 8, 3}}, {Shape{None, 8, 8, 3}}, Params{});
    ok &= check(RandomFlip{}, {Shape{8, 8, 3}}, {Shape{8, 8, 3}}, Params{});
    return ok;
}

// Normalization with its mean and variance given. The Keras JSON path fails for both: the config writer
// throws "keras_json: nnshape keeps only the shape of a Normalization mean or variance, not its values"
// (reported to the lead; run as should_fail at run time).
constexpr bool normalization_statistics_cases(auto&& check)
{
    // Keras 3 normalization_test: with mean and variance given -> no weights.
    bool ok = check(Normalization{.mean = 0.5, .variance = 2.0}, {Shape{2, 3}}, {Shape{2, 3}}, Params{});
    ok &= check(Normalization{.mean = {0.485, 0.456, 0.406}, .variance = {0.05, 0.05, 0.05}}, {Shape{None, 8, 8, 3}},
                {Shape{None, 8, 8, 3}}, Params{});
    return ok;
}

} // namespace nnshape::harness
