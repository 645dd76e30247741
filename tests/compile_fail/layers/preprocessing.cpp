// Compile-fail cases (see check.cmake): the rules of the categorical preprocessing layers
// (layers/preprocessing_lookup.hpp) and the image augmentation layers (layers/augmentation.hpp).
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

// --- layers/augmentation.hpp

// expect: RandomColorDegeneration: Invalid images rank: expected rank 3 (single image) or rank 4 (batch of images).
constexpr Sequential color_degeneration_rank{RandomColorDegeneration{.factor = 0.5, .input_shape = Shape{8}}};

// expect: RandomColorDegeneration: Input images must have 3 channels.
constexpr Sequential color_degeneration_channels{RandomColorDegeneration{.factor = 0.5, .input_shape = Shape{8, 8, 4}}};

// expect: RandomHeight/RandomWidth: expected images of rank 3 or more.
constexpr Sequential random_width_rank{RandomWidth{.factor = 0.2, .input_shape = Shape{8}}};
