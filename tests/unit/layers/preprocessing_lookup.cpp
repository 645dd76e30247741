// The categorical preprocessing layers against Keras 3's sources and tests (keras/src/layers/preprocessing/,
// Keras 3.15): each compute_output_shape, and the shapes its tests expect. Each constexpr test runs at compile
// time (static_assert) and at run time (CHECK).
#include <doctest/doctest.h>
#include <nnshape/nnshape.hpp>

#include "../check.hpp"

#include <string_view>

namespace unit_layers_preprocessing_lookup_test {

namespace {
using namespace nnshape;

constexpr bool test_category_encoding()
{
    // category_encoding_test: test_one_hot, num_tokens=6 on (4,) -> (4, 6); on (4, 1) -> (4, 6);
    // test_batched_one_hot (2, 4) -> (2, 4, 6); test_batched_multi_hot (2, 4) -> (2, 6); test_count_output (4,) ->
    // (6,); compute_output_shape(()) -> (num_tokens,).
    const CategoryEncoding one_hot{.num_tokens = 6, .output_mode = "one_hot"};
    FACT(one_hot.output_shape(Shape{4}) == Shape{4, 6});
    FACT(one_hot.output_shape(Shape{4, 1}) == Shape{4, 6});
    FACT(one_hot.output_shape(Shape{2, 4}) == Shape{2, 4, 6});
    // compute_output_shape: `input_shape[-1] != 1` holds for None: one_hot adds an axis.
    FACT(one_hot.output_shape(Shape{None, None}) == Shape{None, None, 6});
    // ... and a rank-1 input whose last axis is 1 keeps it (`len(input_shape) == 1`).
    FACT(one_hot.output_shape(Shape{1}) == Shape{1, 6});
    const CategoryEncoding multi_hot{.num_tokens = 6};
    FACT(multi_hot.output_shape(Shape{2, 4}) == Shape{2, 6});
    FACT(multi_hot.output_shape(Shape{}) == Shape{6});
    FACT((CategoryEncoding{.num_tokens = 6, .output_mode = "count"}.output_shape(Shape{4}) == Shape{6}));
    FACT((CategoryEncoding{.num_tokens = 4, .output_mode = "count"}.output_shape(Shape{None, 5, 3}) ==
          Shape{None, 5, 4}));
    // the deprecated spelling "binary" is multi_hot (Keras's __init__)
    FACT((CategoryEncoding{.num_tokens = 3, .output_mode = "binary", .sparse = true}.output_shape(Shape{None, 2}) ==
          Shape{None, 3}));
    // tf.keras 2.15's __init__: the deprecated `max_tokens` replaces num_tokens.
    FACT((CategoryEncoding{.output_mode = "count", .max_tokens = 5}.output_shape(Shape{None, 3}) == Shape{None, 5}));
    return true;
}
static_assert(test_category_encoding());

constexpr bool test_hashing()
{
    // hashing_test: test_one_hot_output Hashing(3, "one_hot") on Input(shape=(1,)) -> (None, 3); test_multi_hot_output
    // on Input(shape=(None,)) -> (None, 3); test_count_output on Input(shape=()) -> (3,) (compute_output_shape drops
    // the last axis, here the batch axis). Every mode replaces the last axis.
    FACT((Hashing{.num_bins = 3, .output_mode = "one_hot"}.output_shape(Shape{None, 1}) == Shape{None, 3}));
    FACT((Hashing{.num_bins = 3, .output_mode = "multi_hot"}.output_shape(Shape{None, None}) == Shape{None, 3}));
    FACT((Hashing{.num_bins = 3, .output_mode = "count"}.output_shape(Shape{None}) == Shape{3}));
    FACT((Hashing{.num_bins = 5, .output_mode = "one_hot"}.output_shape(Shape{None, 3, 4}) == Shape{None, 3, 5}));
    FACT((Hashing{.num_bins = 5, .mask_value = "", .salt = {133, 137}}.output_shape(Shape{None, 4}) == Shape{None, 4}));
    return true;
}
static_assert(test_hashing());

constexpr bool test_discretization()
{
    // discretization_test test_compute_output_shape_modes: bin_boundaries=[0.0, 1.0] (3 bins) on (None, 3, 4):
    // int -> (None, 3, 4), one_hot -> (None, 3, 4, 3), multi_hot and count -> (None, 4, 3).
    for (const std::string_view mode : {"multi_hot", "count"})
        FACT((Discretization{.bin_boundaries = {{0.0, 1.0}}, .output_mode = Name(mode)}.output_shape(
                  Shape{None, 3, 4}) == Shape{None, 4, 3}));
    FACT((Discretization{.bin_boundaries = {{0.0, 1.0}}}.output_shape(Shape{None, 3, 4}) == Shape{None, 3, 4}));
    const Discretization one_hot{.bin_boundaries = {{0.0, 1.0}}, .output_mode = "one_hot"};
    FACT(one_hot.output_shape(Shape{None, 3, 4}) == Shape{None, 3, 4, 3});
    // test_compute_output_shape_edge_cases: (None, 5, 1) -> (None, 5, 3); () -> (3,).
    FACT(one_hot.output_shape(Shape{None, 5, 1}) == Shape{None, 5, 3});
    FACT(one_hot.output_shape(Shape{}) == Shape{3});
    // test_symbolic_tensor_output_shape: 4 boundaries (5 bins) on Input(shape=(3, 4)).
    FACT((Discretization{.bin_boundaries = {{0.0, 1.0, 2.0, 5.0}}, .output_mode = "count"}.output_shape(
              Shape{None, 3, 4}) == Shape{None, 4, 5}));
    // num_bins alone (before adapt) gives the bins; a saved adapted layer has both keys and its boundaries count
    // (Discretization.from_config).
    FACT((Discretization{.num_bins = 4, .epsilon = 0.01, .output_mode = "one_hot"}.output_shape(Shape{None, 1}) ==
          Shape{None, 4}));
    FACT((Discretization{.bin_boundaries = {{0.5, 1.5}}, .num_bins = 3, .output_mode = "multi_hot"}.output_shape(
              Shape{None, 2}) == Shape{None, 3}));
    return true;
}
static_assert(test_discretization());

constexpr bool test_hashed_crossing()
{
    // hashed_crossing_test test_basics: num_bins=3 "int" on two (2,) inputs -> (2,); num_bins=4 "one_hot" -> (2, 4).
    const Shape two[] = {Shape{2}, Shape{2}};
    FACT(HashedCrossing{.num_bins = 3}.output_shape(two) == Shape{2});
    FACT((HashedCrossing{.num_bins = 4, .output_mode = "one_hot"}.output_shape(two) == Shape{2, 4}));
    // compute_output_shape: a last axis of 1 is replaced.
    const Shape columns[] = {Shape{None, 1}, Shape{None, 1}};
    FACT((HashedCrossing{.num_bins = 4, .output_mode = "one_hot"}.output_shape(columns) == Shape{None, 4}));
    return true;
}
static_assert(test_hashed_crossing());

constexpr bool test_index_lookup()
{
    // integer_lookup_test: vocabulary [1, 2, 3] (+1 OOV = 4) one_hot on (2, 2) -> (2, 2, 4), on (1, 2, 2) ->
    // (1, 2, 2, 4); multi_hot, count and tf_idf on (2, 2) -> (2, 4); pad_to_max_tokens with max_tokens=5 -> 5.
    const IntegerLookup one_hot{.vocabulary = {1, 2, 3}, .output_mode = "one_hot"};
    FACT(one_hot.output_shape(Shape{2, 2}) == Shape{2, 2, 4});
    FACT(one_hot.output_shape(Shape{1, 2, 2}) == Shape{1, 2, 2, 4});
    for (const std::string_view mode : {"multi_hot", "count", "tf_idf"})
        FACT((IntegerLookup{.vocabulary = {1, 2, 3}, .output_mode = Name(mode)}.output_shape(Shape{2, 2}) ==
              Shape{2, 4}));
    FACT((IntegerLookup{.max_tokens = 5, .vocabulary = {1, 2}, .output_mode = "multi_hot", .pad_to_max_tokens = true}
              .output_shape(Shape{2}) == Shape{5}));
    // "int" keeps the shape, mask token and OOV indices included (test_mask_token, test_num_oov_indices).
    FACT((IntegerLookup{.num_oov_indices = 2, .mask_token = 0, .vocabulary = {1, 2, 3}}.output_shape(Shape{None, 4}) ==
          Shape{None, 4}));
    // string_lookup_test test_one_hot_symbolic_output_shape_nested_input: max_tokens=20, pad_to_max_tokens on
    // Input(shape=(2, 2)) -> (None, 2, 2, 20).
    FACT((StringLookup{.max_tokens = 20,
                       .num_oov_indices = 4,
                       .vocabulary = {"a", "b", "c", "d", "e", "f", "g", "h", "i"},
                       .output_mode = "one_hot",
                       .pad_to_max_tokens = true}
              .output_shape(Shape{None, 2, 2}) == Shape{None, 2, 2, 20}));
    return true;
}
static_assert(test_index_lookup());

constexpr bool test_vocabulary_size()
{
    // IndexLookup.set_vocabulary: size = the mask token (in "int" mode) + num_oov_indices + the tokens, without the
    // special tokens a vocabulary starts with (get_vocabulary() lists them): ["[UNK]", "a", "b"] is 3, as ["a", "b"].
    const Shape in{None, 3};
    FACT((StringLookup{.vocabulary = {"a", "b"}, .output_mode = "count"}.output_shape(in) == Shape{None, 3}));
    FACT((StringLookup{.vocabulary = {"[UNK]", "a", "b"}, .output_mode = "count"}.output_shape(in) == Shape{None, 3}));
    // The mask token takes an index in "int" mode only, where a vocabulary may start with it.
    FACT((StringLookup{.mask_token = "", .vocabulary = {"", "[UNK]", "a", "b"}}.output_shape(in) == in));
    FACT((StringLookup{.mask_token = "", .vocabulary = {"a", "b"}, .output_mode = "multi_hot"}.output_shape(in) ==
          Shape{None, 3}));
    // two OOV indices, listed twice at the start
    FACT((StringLookup{.num_oov_indices = 2, .vocabulary = {"[UNK]", "[UNK]", "a"}, .output_mode = "multi_hot"}
              .output_shape(in) == Shape{None, 3}));
    FACT((IntegerLookup{.vocabulary = {-1, 7, 9}, .output_mode = "multi_hot"}.output_shape(in) == Shape{None, 3}));
    FACT((IntegerLookup{.num_oov_indices = 0, .vocabulary = {7, 9}, .output_mode = "multi_hot"}.output_shape(in) ==
          Shape{None, 2}));
    // No vocabulary yet: Keras's frozen size is None, and so is the depth; a saved config's vocabulary_size gives it.
    FACT((StringLookup{.output_mode = "multi_hot"}.output_shape(in) == Shape{None, None}));
    FACT((StringLookup{.vocabulary = "vocab.txt", .output_mode = "multi_hot", .vocabulary_size = 1001}.output_shape(
              in) == Shape{None, 1001}));
    FACT((IntegerLookup{.output_mode = "one_hot", .vocabulary_size = 11}.output_shape(Shape{None}) == Shape{None, 11}));
    return true;
}
static_assert(test_vocabulary_size());

constexpr bool test_text_vectorization()
{
    // text_vectorization_test test_static_output_sequence_length: output_sequence_length=4 -> (None, 4), split
    // "whitespace" or None; test_ragged_tensor: no output_sequence_length -> (batch, None).
    FACT((TextVectorization{.max_tokens = 5000, .output_sequence_length = 4, .vocabulary = {"baz", "bar", "foo"}}
              .output_shape(Shape{None, 1}) == Shape{None, 4}));
    FACT((TextVectorization{.split = std::nullopt, .output_sequence_length = 4}.output_shape(Shape{None, 1}) ==
          Shape{None, 4}));
    FACT((TextVectorization{.ragged = true}.output_shape(Shape{3, 1}) == Shape{3, None}));
    // compute_output_shape: split adds a token axis, then StringLookup's rule; vocabulary ["foo", "bar", "baz"]
    // has 4 indices (test_multi_hot_output's rows have 4 values).
    const TextVectorization multi_hot{.output_mode = "multi_hot", .vocabulary = {"foo", "bar", "baz"}};
    FACT(multi_hot.output_shape(Shape{None}) == Shape{None, 4});
    FACT(multi_hot.output_shape(Shape{None, 1}) == Shape{None, 1, 4});
    FACT((TextVectorization{.split = std::nullopt, .output_mode = "count", .vocabulary_size = 10}.output_shape(
              Shape{None}) == Shape{None, 10}));
    FACT((TextVectorization{.output_mode = "one_hot", .vocabulary_size = 10}.output_shape(Shape{None}) ==
          Shape{None, None, 10}));
    FACT((TextVectorization{.max_tokens = 8, .output_mode = "tf_idf", .pad_to_max_tokens = true}.output_shape(
              Shape{None}) == Shape{None, 8}));
    return true;
}
static_assert(test_text_vectorization());

constexpr bool test_lookup_in_a_model()
{
    // A StringLookup's indices feed an Embedding: 1 OOV + 3 tokens = 4 rows of 8 = 32 weights; CategoryEncoding
    // has none.
    const Sequential model{StringLookup{.vocabulary = {"a", "b", "c"}, .input_shape = {5}},
                           Embedding{.input_dim = 4, .output_dim = 8}};
    FACT(model.output_shape() == Shape{None, 5, 8});
    FACT(model.params() == Params{32});
    return true;
}
static_assert(test_lookup_in_a_model());

} // namespace

TEST_CASE("categorical preprocessing layers: shapes at run time (same tests as the static_asserts)")
{
    CHECK(test_category_encoding());
    CHECK(test_hashing());
    CHECK(test_discretization());
    CHECK(test_hashed_crossing());
    CHECK(test_index_lookup());
    CHECK(test_vocabulary_size());
    CHECK(test_text_vectorization());
    CHECK(test_lookup_in_a_model());
}

TEST_CASE("categorical preprocessing layers: Keras's argument checks")
{
    const Shape in{None, 3};
    CHECK_THROWS_WITH_AS(CategoryEncoding{}.output_shape(in), doctest::Contains("num_tokens must be set"), shape_error);
    CHECK_THROWS_WITH_AS((CategoryEncoding{.num_tokens = 0}.output_shape(in)),
                         "CategoryEncoding: `num_tokens` must be >= 1.", shape_error);
    CHECK_THROWS_AS((CategoryEncoding{.num_tokens = 3, .output_mode = "tf_idf"}.output_shape(in)), shape_error);
    CHECK_THROWS_AS((Hashing{}.output_shape(in)), shape_error);
    CHECK_THROWS_AS((Hashing{.num_bins = 3, .sparse = true}.output_shape(in)), shape_error);
    CHECK_THROWS_WITH_AS((Discretization{}.output_shape(in)),
                         "Discretization: You need to set either `num_bins` or `bin_boundaries`.", shape_error);
    CHECK_THROWS_AS((Discretization{.num_bins = 3, .sparse = true}.output_shape(in)), shape_error);
    const Shape unequal[] = {Shape{None, 1}, Shape{None, 2}};
    CHECK_THROWS_WITH_AS(HashedCrossing{.num_bins = 2}.output_shape(unequal),
                         "HashedCrossing: Expected the two input tensors to have identical shapes.", shape_error);
    const Shape three[] = {Shape{None}, Shape{None}, Shape{None}};
    CHECK_THROWS_AS(HashedCrossing{.num_bins = 2}.output_shape(three), shape_error);
    CHECK_THROWS_AS((StringLookup{.max_tokens = 1}.output_shape(in)), shape_error);
    CHECK_THROWS_AS((StringLookup{.pad_to_max_tokens = true}.output_shape(in)), shape_error);
    CHECK_THROWS_AS((StringLookup{.num_oov_indices = -1}.output_shape(in)), shape_error);
    CHECK_THROWS_AS((StringLookup{.invert = true, .output_mode = "count"}.output_shape(in)), shape_error);
    CHECK_THROWS_AS((StringLookup{.sparse = true}.output_shape(in)), shape_error);
    CHECK_THROWS_AS((StringLookup{.output_mode = "one-hot"}.output_shape(in)), shape_error);
    // integer_lookup_test test_max_tokens: 1 OOV + 4 tokens do not fit max_tokens=4.
    CHECK_THROWS_WITH_AS((IntegerLookup{.max_tokens = 4, .vocabulary = {1, 2, 3, 4}}.output_shape(in)),
                         "IndexLookup: Attempted to set a vocabulary larger than the maximum vocab size.", shape_error);
    CHECK_THROWS_AS((IntegerLookup{.vocabulary_dtype = "int32"}.output_shape(in)), shape_error);
    // set_vocabulary: the mask token elsewhere than at the start (in "multi_hot" mode it is never at the start).
    CHECK_THROWS_WITH_AS(
        (StringLookup{.mask_token = "", .vocabulary = {"", "[UNK]", "a"}, .output_mode = "multi_hot"}.output_shape(in)),
        "IndexLookup: Found reserved mask token at unexpected location in `vocabulary`.", shape_error);
    CHECK_THROWS_AS((IntegerLookup{.mask_token = 0, .vocabulary = {5, 0}}.output_shape(in)), shape_error);
    // after the OOV token the vocabulary starts with, the mask token is one of the tokens
    CHECK_THROWS_AS((IntegerLookup{.mask_token = 0, .vocabulary = {-1, 0}, .output_mode = "count"}.output_shape(in)),
                    shape_error);
    CHECK((IntegerLookup{.mask_token = 0, .vocabulary = {0, -1, 7}}.output_shape(in) == in));
    // A vocabulary file's size is what Keras reads from it; nnshape needs the saved config's vocabulary_size.
    CHECK_THROWS_WITH_AS((StringLookup{.vocabulary = "vocab.txt", .output_mode = "count"}.output_shape(in)),
                         doctest::Contains("give `vocabulary_size`"), shape_error);
    CHECK((StringLookup{.vocabulary = "vocab.txt"}.output_shape(in) == in));
    CHECK_THROWS_AS((StringLookup{.vocabulary = {"a"}, .output_mode = "count", .vocabulary_size = 3}.output_shape(in)),
                    shape_error);
    CHECK_THROWS_AS((TextVectorization{.split = Name("words")}.output_shape(in)), shape_error);
    CHECK_THROWS_AS((TextVectorization{.output_mode = "count", .output_sequence_length = 4}.output_shape(in)),
                    shape_error);
    CHECK_THROWS_AS((TextVectorization{.output_mode = "count", .ragged = true}.output_shape(in)), shape_error);
}

} // namespace unit_layers_preprocessing_lookup_test
