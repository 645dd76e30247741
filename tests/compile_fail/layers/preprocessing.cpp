// Compile-fail cases (see check.cmake): the rules of the categorical preprocessing layers
// (layers/preprocessing_lookup.hpp), the image augmentation layers (layers/augmentation.hpp) and the audio
// layers (layers/preprocessing_audio.hpp).
#include <nnshape/nnshape.hpp>

using namespace nnshape;

// --- layers/preprocessing_lookup.hpp

// expect: CategoryEncoding: Unknown arg for output_mode (expected 'one_hot', 'multi_hot' or 'count').
constexpr Sequential category_encoding_mode{
    CategoryEncoding{.num_tokens = 3, .output_mode = "tf_idf", .input_shape = Shape{2}}};

// expect: CategoryEncoding: num_tokens must be set to use this layer.
constexpr Sequential category_encoding_no_tokens{CategoryEncoding{.input_shape = Shape{2}}};

// expect: CategoryEncoding: `num_tokens` must be >= 1.
constexpr Sequential category_encoding_zero_tokens{CategoryEncoding{.num_tokens = 0, .input_shape = Shape{2}}};

// expect: Hashing: The `num_bins` for `Hashing` cannot be `None` or non-positive values.
constexpr Sequential hashing_no_bins{Hashing{.input_shape = Shape{2}}};

// expect: Hashing: Invalid value for argument `output_mode`. Expected one of ('int', 'one_hot', 'multi_hot', 'count').
constexpr Sequential hashing_mode{Hashing{.num_bins = 3, .output_mode = "tf_idf", .input_shape = Shape{2}}};

// expect: Hashing: `sparse` may only be true if `output_mode` is `"one_hot"`, `"multi_hot"`, or `"count"`.
constexpr Sequential hashing_sparse_int{Hashing{.num_bins = 3, .sparse = true, .input_shape = Shape{2}}};

// expect: Discretization: `sparse=True` may only be used if `output_mode` is `'one_hot'`, `'multi_hot'`, or
// `'count'`.
constexpr Sequential discretization_sparse_int{Discretization{.num_bins = 3, .sparse = true, .input_shape = Shape{2}}};

// expect: Discretization: Unknown value for `output_mode` argument. Allowed values are: ('int', 'one_hot',
// 'multi_hot', 'count').
constexpr Sequential discretization_mode{
    Discretization{.num_bins = 3, .output_mode = "tf_idf", .input_shape = Shape{2}}};

// expect: Discretization: `num_bins` must be greater than or equal to 0.
constexpr Sequential discretization_negative_bins{Discretization{.num_bins = -1, .input_shape = Shape{2}}};

// expect: Discretization: You need to set either `num_bins` or `bin_boundaries`.
constexpr Sequential discretization_no_bins{Discretization{.input_shape = Shape{2}}};

// expect: HashedCrossing: Unknown value for `output_mode` argument. Allowed values are: ('int', 'one_hot').
constexpr Shape hashed_crossing_mode = [] {
    const Shape in[] = {Shape{None, 1}, Shape{None, 1}};
    return HashedCrossing{.num_bins = 3, .output_mode = "count"}.output_shape(in);
}();

// expect: HashedCrossing: Expected as input a list/tuple of 2 tensors.
constexpr Shape hashed_crossing_three_inputs = [] {
    const Shape in[] = {Shape{None}, Shape{None}, Shape{None}};
    return HashedCrossing{.num_bins = 3}.output_shape(in);
}();

// expect: HashedCrossing: Expected the two input tensors to have identical shapes.
constexpr Shape hashed_crossing_other_shapes = [] {
    const Shape in[] = {Shape{None, 1}, Shape{None, 2}};
    return HashedCrossing{.num_bins = 3}.output_shape(in);
}();

// expect: IndexLookup: If set, `max_tokens` must be greater than 1.
constexpr Sequential string_lookup_max_tokens{StringLookup{.max_tokens = 1, .input_shape = Shape{2}}};

// expect: IndexLookup: If pad_to_max_tokens is True, must set `max_tokens`.
constexpr Sequential string_lookup_pad_without_max{
    StringLookup{.output_mode = "count", .pad_to_max_tokens = true, .input_shape = Shape{2}}};

// expect: IndexLookup: `num_oov_indices` must be greater than or equal to 0.
constexpr Sequential integer_lookup_negative_oov{IntegerLookup{.num_oov_indices = -1, .input_shape = Shape{2}}};

// expect: IndexLookup: Unknown value for `output_mode` argument. Allowed values are: ('int', 'one_hot', 'multi_hot',
// 'count', 'tf_idf').
constexpr Sequential string_lookup_mode{StringLookup{.output_mode = "one-hot", .input_shape = Shape{2}}};

// expect: IndexLookup: `output_mode` must be `'int'` when `invert` is true.
constexpr Sequential string_lookup_invert_count{
    StringLookup{.invert = true, .output_mode = "count", .input_shape = Shape{2}}};

// expect: IndexLookup: `sparse` may only be true if `output_mode` is `'one_hot'`, `'multi_hot'`, `'count'` or
// `'tf_idf'`.
constexpr Sequential integer_lookup_sparse_int{IntegerLookup{.sparse = true, .input_shape = Shape{2}}};

// integer_lookup_test test_max_tokens: 1 OOV index and 4 tokens exceed max_tokens=4.
// expect: IndexLookup: Attempted to set a vocabulary larger than the maximum vocab size.
constexpr Sequential integer_lookup_too_many_tokens{
    IntegerLookup{.max_tokens = 4, .vocabulary = {1, 2, 3, 4}, .input_shape = Shape{2}}};

// expect: IndexLookup: Found reserved mask token at unexpected location in `vocabulary`.
constexpr Sequential integer_lookup_mask_in_tokens{
    IntegerLookup{.mask_token = 0, .vocabulary = {5, 0}, .input_shape = Shape{2}}};

// expect: IndexLookup: the vocabulary size cannot be changed after the layer is called
constexpr Sequential string_lookup_other_size{
    StringLookup{.vocabulary = {"a", "b"}, .output_mode = "multi_hot", .vocabulary_size = 4, .input_shape = Shape{2}}};

// expect: IndexLookup: nnshape does not read vocabulary files: give `vocabulary_size`
constexpr Sequential string_lookup_file{
    StringLookup{.vocabulary = "vocab.txt", .output_mode = "multi_hot", .input_shape = Shape{2}}};

// expect: IntegerLookup: Only `vocabulary_dtype='int64'` is supported at this time.
constexpr Sequential integer_lookup_dtype{IntegerLookup{.vocabulary_dtype = "int32", .input_shape = Shape{2}}};

// expect: TextVectorization: Unknown value for `split` argument. Allowed values are: ('whitespace', 'character') or
// None.
constexpr Sequential text_vectorization_split{TextVectorization{.split = Name("words"), .input_shape = Shape{1}}};

// expect: TextVectorization: `output_sequence_length` must not be set if `output_mode` is not 'int'.
constexpr Sequential text_vectorization_length_of_counts{
    TextVectorization{.output_mode = "count", .output_sequence_length = 4, .input_shape = Shape{1}}};

// expect: TextVectorization: `ragged` must not be true if `output_mode` is not `'int'`.
constexpr Sequential text_vectorization_ragged_counts{
    TextVectorization{.output_mode = "count", .ragged = true, .input_shape = Shape{1}}};

// expect: TextVectorization: expected a batch of strings, not a scalar.
constexpr Shape text_vectorization_scalar = TextVectorization{}.output_shape(Shape{});

// --- layers/augmentation_color.hpp, layers/augmentation.hpp

// expect: RandomColorDegeneration: Invalid images rank: expected rank 3 (single image) or rank 4 (batch of images).
constexpr Sequential color_degeneration_rank{RandomColorDegeneration{.factor = 0.5, .input_shape = Shape{8}}};

// expect: RandomColorDegeneration: Input images must have 3 channels.
constexpr Sequential color_degeneration_channels{RandomColorDegeneration{.factor = 0.5, .input_shape = Shape{8, 8, 4}}};

// expect: RandomHeight/RandomWidth: expected images of rank 3 or more.
constexpr Sequential random_width_rank{RandomWidth{.factor = 0.2, .input_shape = Shape{8}}};

// --- layers/preprocessing_audio.hpp

// mel_spectrogram_test test_invalid_fft_length_raises.
// expect: MelSpectrogram: `fft_length` must be greater than or equal to `sequence_length`.
constexpr Sequential mel_short_fft{
    MelSpectrogram{.fft_length = 256, .sequence_length = 512, .input_shape = Shape{16000}}};

// expect: MelSpectrogram: `sequence_stride` must be a positive integer.
constexpr Sequential mel_zero_stride{MelSpectrogram{.sequence_stride = 0, .input_shape = Shape{16000}}};

// expect: MelSpectrogram: expected a signal (samples,) or a batch of signals.
constexpr Shape mel_scalar = MelSpectrogram{}.output_shape(Shape{});

// expect: STFTSpectrogram: expected ndim=3
constexpr Sequential stft_on_rank2{STFTSpectrogram{.input_shape = Shape{16000}}};

// expect: STFTSpectrogram: `frame_step` should be a positive integer not greater than `frame_length`.
constexpr Sequential stft_long_step{
    STFTSpectrogram{.frame_length = 100, .frame_step = 101, .input_shape = Shape{16000, 1}}};

// expect: STFTSpectrogram: `fft_length` should be not less than `frame_length`.
constexpr Sequential stft_short_fft{
    STFTSpectrogram{.frame_length = 100, .fft_length = 64, .input_shape = Shape{16000, 1}}};

// expect: STFTSpectrogram: Output mode is invalid, it must be one of log, magnitude, psd, real, imag, angle, stft.
constexpr Sequential stft_mode{STFTSpectrogram{.mode = "power", .input_shape = Shape{16000, 1}}};

// expect: STFTSpectrogram: Padding is invalid, it should be 'valid', 'same'.
constexpr Sequential stft_causal{STFTSpectrogram{.padding = causal, .input_shape = Shape{16000, 1}}};

// expect: STFTSpectrogram: `frame_length` must be positive and its frame step (`frame_step`, else `frame_length // 2`)
// at least 1.
constexpr Sequential stft_one_sample_frames{STFTSpectrogram{.frame_length = 1, .input_shape = Shape{16000, 1}}};
