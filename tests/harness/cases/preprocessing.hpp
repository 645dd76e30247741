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

// The categorical layers (layers/preprocessing_lookup.hpp), without a listed vocabulary or bin boundaries
// (those are in vocabulary_cases). Keras 3's tests as cited in tests/unit/layers/preprocessing_lookup.cpp.
constexpr bool preprocessing_lookup_cases(auto&& check)
{
    // category_encoding_test: one_hot 6 tokens on (4,) -> (4, 6); batched multi_hot (2, 4) -> (2, 6).
    bool ok = check(CategoryEncoding{.num_tokens = 6, .output_mode = "one_hot"}, {Shape{4}}, {Shape{4, 6}}, Params{});
    ok &= check(CategoryEncoding{.num_tokens = 6}, {Shape{2, 4}}, {Shape{2, 6}}, Params{});
    // hashing_test: Hashing(3, "one_hot") on Input(shape=(1,)) -> (None, 3); "int" keeps the shape.
    ok &= check(Hashing{.num_bins = 3, .output_mode = "one_hot"}, {Shape{None, 1}}, {Shape{None, 3}}, Params{});
    ok &= check(Hashing{.num_bins = 3}, {Shape{None, 4}}, {Shape{None, 4}}, Params{});
    // discretization: num_bins=4 (not adapted) one_hot on (None, 1) -> (None, 4) (compute_output_shape).
    ok &= check(Discretization{.num_bins = 4, .output_mode = "one_hot"}, {Shape{None, 1}}, {Shape{None, 4}}, Params{});
    // hashed_crossing_test test_basics: two (2,) inputs, num_bins=4 one_hot -> (2, 4).
    ok &= check(HashedCrossing{.num_bins = 4, .output_mode = "one_hot"}, {Shape{2}, Shape{2}}, {Shape{2, 4}}, Params{});
    // IndexLookup.compute_output_shape: "int" keeps the shape; a saved config's vocabulary_size is the depth, and
    // without one it is None.
    ok &= check(StringLookup{}, {Shape{None, 5}}, {Shape{None, 5}}, Params{});
    ok &=
        check(StringLookup{.output_mode = "count", .vocabulary_size = 7}, {Shape{None, 5}}, {Shape{None, 7}}, Params{});
    ok &= check(IntegerLookup{.mask_token = 0, .output_mode = "multi_hot"}, {Shape{None, 5}}, {Shape{None, None}},
                Params{});
    // integer_lookup_test test_pad_to_max_tokens: max_tokens=5 -> 5.
    ok &= check(IntegerLookup{.max_tokens = 5, .output_mode = "multi_hot", .pad_to_max_tokens = true}, {Shape{None, 2}},
                {Shape{None, 5}}, Params{});
    // text_vectorization_test test_static_output_sequence_length: (None, 4).
    ok &= check(TextVectorization{.max_tokens = 5000, .output_sequence_length = 4}, {Shape{None, 1}}, {Shape{None, 4}},
                Params{});
    ok &= check(TextVectorization{.split = std::nullopt, .output_mode = "tf_idf", .vocabulary_size = 10}, {Shape{None}},
                {Shape{None, 10}}, Params{});
    return ok;
}

// The lookup layers with a listed vocabulary and Discretization with bin boundaries. The Keras JSON path fails
// for them: the config writer throws "keras_json: nnshape keeps only the size of a vocabulary, not its tokens or
// its file" (or the count of bin boundaries); the reader reads them (tests/io). Run as should_fail at run time.
constexpr bool vocabulary_cases(auto&& check)
{
    // integer_lookup_test test_one_hot_output_with_higher_rank_input: [1, 2, 3] + 1 OOV, (2, 2) -> (2, 2, 4).
    bool ok = check(IntegerLookup{.vocabulary = {1, 2, 3}, .output_mode = "one_hot"}, {Shape{2, 2}}, {Shape{2, 2, 4}},
                    Params{});
    // string_lookup_test test_one_hot_symbolic_output_shape_nested_input: (None, 2, 2) -> (None, 2, 2, 20).
    ok &= check(StringLookup{.max_tokens = 20,
                             .num_oov_indices = 4,
                             .vocabulary = {"a", "b", "c", "d", "e", "f", "g", "h", "i"},
                             .output_mode = "one_hot",
                             .pad_to_max_tokens = true},
                {Shape{None, 2, 2}}, {Shape{None, 2, 2, 20}}, Params{});
    // text_vectorization_test test_multi_hot_output: 3 tokens + 1 OOV = 4 values per row.
    ok &= check(TextVectorization{.output_mode = "multi_hot", .vocabulary = {"foo", "bar", "baz"}}, {Shape{None}},
                {Shape{None, 4}}, Params{});
    // discretization_test test_compute_output_shape_modes: [0.0, 1.0], multi_hot on (None, 3, 4) -> (None, 4, 3).
    ok &= check(Discretization{.bin_boundaries = {{0.0, 1.0}}, .output_mode = "multi_hot"}, {Shape{None, 3, 4}},
                {Shape{None, 4, 3}}, Params{});
    return ok;
}

// The image augmentation layers (layers/augmentation.hpp): Keras 3's run_layer_test shapes as cited in
// tests/unit/layers/augmentation.cpp; the others return their input shape (their compute_output_shape).
constexpr bool augmentation_cases(auto&& check)
{
    const Shape images{8, 3, 4, 3};
    bool ok = check(RandomRotation{.factor = 0.5}, {Shape{2, 3, 4}}, {Shape{2, 3, 4}}, Params{});
    ok &= check(RandomZoom{.height_factor = 0.2, .width_factor = 0.1}, {Shape{2, 3, 4}}, {Shape{2, 3, 4}}, Params{});
    ok &= check(RandomTranslation{.height_factor = 0.2, .width_factor = 0.2}, {Shape{2, 3, 4}}, {Shape{2, 3, 4}},
                Params{});
    ok &= check(RandomShear{.x_factor = 0.2}, {images}, {images}, Params{});
    ok &= check(RandomContrast{.factor = 0.75}, {images}, {images}, Params{});
    ok &= check(RandomBrightness{.factor = {-0.2, 0.3}}, {images}, {images}, Params{});
    ok &= check(RandomHue{.factor = 0.5}, {images}, {images}, Params{});
    ok &= check(RandomSaturation{.factor = 0.5}, {images}, {images}, Params{});
    ok &= check(RandomSharpness{.factor = 0.5}, {images}, {images}, Params{});
    ok &= check(RandomPosterization{.factor = {1, 8}}, {images}, {images}, Params{});
    ok &= check(RandomColorDegeneration{.factor = 0.5}, {images}, {images}, Params{});
    ok &= check(RandomGrayscale{.data_format = channels_first}, {Shape{1, 3, 2, 2}}, {Shape{1, 3, 2, 2}}, Params{});
    ok &= check(RandomColorJitter{.brightness_factor = 0.2}, {images}, {images}, Params{});
    ok &= check(RandomInvert{}, {images}, {images}, Params{});
    ok &= check(RandomErasing{}, {images}, {images}, Params{});
    ok &= check(RandomGaussianBlur{}, {images}, {images}, Params{});
    ok &= check(RandomElasticTransform{}, {images}, {images}, Params{});
    ok &= check(RandomPerspective{}, {images}, {images}, Params{});
    ok &= check(Solarization{.addition_factor = 0.1}, {images}, {images}, Params{});
    ok &= check(AutoContrast{}, {images}, {images}, Params{});
    ok &= check(Equalization{}, {images}, {images}, Params{});
    ok &= check(ContrastLimitedAdaptiveHistogramEqualization{}, {images}, {images}, Params{});
    ok &= check(MixUp{}, {images}, {images}, Params{});
    ok &= check(CutMix{}, {images}, {images}, Params{});
    ok &= check(AugMix{}, {images}, {images}, Params{});
    ok &= check(RandAugment{}, {images}, {images}, Params{});
    ok &= check(MaxNumBoundingBoxes{.max_number = 40}, {Shape{12, 12, 3}}, {Shape{12, 12, 3}}, Params{});
    // random_crop_test: 2x2 on (1, 3, 4, 3) -> (1, 2, 2, 3); channels_first (1, 3, 3, 4) -> (1, 3, 2, 2).
    ok &= check(RandomCrop{.height = 2, .width = 2}, {Shape{1, 3, 4, 3}}, {Shape{1, 2, 2, 3}}, Params{});
    ok &= check(RandomCrop{.height = 2, .width = 2, .data_format = channels_first}, {Shape{1, 3, 3, 4}},
                {Shape{1, 3, 2, 2}}, Params{});
    // tf.keras 2.15's compute_output_shape: axis -3 (RandomHeight) or -2 (RandomWidth) becomes None.
    ok &= check(RandomHeight{.factor = 0.2}, {Shape{None, 8, 16, 3}}, {Shape{None, None, 16, 3}}, Params{});
    ok &= check(RandomWidth{.factor = 0.2}, {Shape{None, 8, 16, 3}}, {Shape{None, 8, None, 3}}, Params{});
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

// The audio layers (layers/preprocessing_audio.hpp): Keras 3's mel_spectrogram_test and stft_spectrogram_test
// (expected_output_shape; the kernels' sizes from STFTSpectrogram.build).
constexpr bool audio_preprocessing_cases(auto&& check)
{
    bool ok = check(MelSpectrogram{.fft_length = 2048, .sequence_stride = 128, .num_mel_bins = 80}, {Shape{2, 16000}},
                    {Shape{2, 80, 126}}, Params{});
    ok &= check(STFTSpectrogram{.mode = "stft", .frame_length = 500, .frame_step = 25, .fft_length = 1024},
                {Shape{2, 16000, 1}}, {Shape{2, 621, 1026}}, Params{2 * 500 * 513});
    ok &= check(
        STFTSpectrogram{.mode = "imag", .frame_length = 150, .frame_step = 43, .fft_length = 512, .padding = same},
        {Shape{2, 160000, 1}}, {Shape{2, 3721, 257}}, Params{150 * 257});
    ok &= check(STFTSpectrogram{.frame_length = 150,
                                .frame_step = 10,
                                .fft_length = 512,
                                .padding = same,
                                .expand_dims = true,
                                .data_format = channels_first,
                                .trainable = false},
                {Shape{2, 3, 160000}}, {Shape{2, 3, 16000, 257}}, Params{0, 2 * 150 * 257});
    return ok;
}

} // namespace nnshape::harness
