// The Keras JSON reader on the categorical and augmentation preprocessing layers: hand-written Keras 3
// Sequential configs with the keys each layer's get_config writes (keras/src/layers/preprocessing/*.py), a
// vocabulary as a list or a file path with the `vocabulary_size` a saved config adds, and the errors.
#include <doctest/doctest.h>
#include <nnshape/io/keras_json.hpp>
#include "load_error.hpp"

#include <string>
#include <string_view>

namespace io_keras_json_preprocessing_test {

namespace {
using namespace nnshape;
using nnshape::test::load_error_of;

// A Keras 3 Sequential of an InputLayer with `batch_shape` and the given layers.
std::string keras3_sequential(std::string_view batch_shape, std::string_view layers)
{
    return R"({"class_name": "Sequential", "config": {"name": "s", "layers": [
        {"class_name": "InputLayer", "config": {"batch_shape": )" +
           std::string(batch_shape) + R"(, "dtype": "string", "name": "in"}}, )" + std::string(layers) + "]}}";
}

Sequential<> loaded(std::string_view batch_shape, std::string_view layers)
{
    const io::LoadedModel m = io::load_keras_json(keras3_sequential(batch_shape, layers));
    REQUIRE(m.is_sequential());
    return *m.sequential();
}

} // namespace

TEST_CASE("lookup layers: a listed vocabulary gives the depth, special tokens at its start not counted twice")
{
    // IndexLookup.get_config writes `vocabulary` (the given list) and `vocabulary_size` (its size with the OOV
    // index): 1 + 3 = 4.
    const Sequential<> strings = loaded("[null, 5]", R"({"class_name": "StringLookup", "config": {"name": "lookup",
        "invert": false, "max_tokens": null, "num_oov_indices": 1, "oov_token": "[UNK]", "mask_token": null,
        "output_mode": "multi_hot", "sparse": false, "pad_to_max_tokens": false, "idf_weights": null,
        "vocabulary": ["a", "b", "c"], "vocabulary_size": 4, "oov_method": "floormod", "salt": null,
        "encoding": "utf-8"}})");
    CHECK(strings.output_shape() == Shape{None, 4});
    // integer_lookup_test's vocabulary [12, 36, 1138, 42] with get_vocabulary()'s OOV token -1 first: 5 indices.
    const Sequential<> ints = loaded("[null, 1]", R"({"class_name": "IntegerLookup", "config": {"name": "ids",
        "num_oov_indices": 1, "oov_token": -1, "mask_token": null, "output_mode": "one_hot",
        "vocabulary": [-1, 12, 36, 1138, 42], "vocabulary_dtype": "int64"}})");
    CHECK(ints.output_shape() == Shape{None, 5});
}

TEST_CASE("lookup layers: a vocabulary file needs the saved vocabulary_size; without a vocabulary the depth is None")
{
    const std::string file = R"({"class_name": "StringLookup", "config": {"name": "lookup", "output_mode": "count",
        "vocabulary": "/data/vocab.txt")";
    CHECK(loaded("[null, 5]", file + R"(, "vocabulary_size": 1001}})").output_shape() == Shape{None, 1001});
    CHECK(load_error_of(keras3_sequential("[null, 5]", file + "}}")).find("give `vocabulary_size`") !=
          std::string::npos);
    CHECK(loaded("[null, 5]", R"({"class_name": "StringLookup", "config": {"name": "l", "output_mode": "count"}})")
              .output_shape() == Shape{None, None});
}

TEST_CASE("TextVectorization and Discretization as saved: output_sequence_length, vocabulary_size, bin_boundaries")
{
    // TextVectorization.get_config (int mode, 8 tokens per string, 20 indices) before an Embedding(20, 4):
    // (None, 8) then (None, 8, 4) with 20 * 4 = 80 weights.
    const Sequential<> text = loaded("[null, 1]", R"({"class_name": "TextVectorization", "config": {"name": "tv",
        "max_tokens": 20, "standardize": "lower_and_strip_punctuation", "split": "whitespace", "ngrams": null,
        "output_mode": "int", "output_sequence_length": 8, "pad_to_max_tokens": false, "sparse": false,
        "ragged": false, "vocabulary": null, "idf_weights": null, "encoding": "utf-8", "vocabulary_size": 20}},
        {"class_name": "Embedding", "config": {"name": "e", "input_dim": 20, "output_dim": 4}})");
    CHECK(text.output_shape() == Shape{None, 8, 4});
    CHECK(text.params() == Params{80});
    // An adapted Discretization writes both keys; from_config applies the boundaries: 3 + 1 = 4 bins.
    const Sequential<> bins = loaded("[null, 3]", R"({"class_name": "Discretization", "config": {"name": "d",
        "bin_boundaries": [0.0, 1.0, 2.5], "num_bins": 4, "epsilon": 0.01, "output_mode": "count", "sparse": false}})");
    CHECK(bins.output_shape() == Shape{None, 4});
}

TEST_CASE("augmentation layers as Keras 3 writes them")
{
    // RandomRotation.get_config plus the base layer's data_format and bounding_box_format (not read).
    const Sequential<> model = loaded("[null, 32, 32, 3]", R"({"class_name": "RandomRotation", "config": {"name": "r",
        "factor": [-0.1, 0.1], "data_format": "channels_last", "fill_mode": "reflect", "fill_value": 0.0,
        "interpolation": "bilinear", "seed": null, "bounding_box_format": null}},
        {"class_name": "RandomCrop", "config": {"name": "c", "height": 24, "width": 20, "seed": null,
        "data_format": "channels_last"}})");
    CHECK(model.output_shape() == Shape{None, 24, 20, 3});
}

TEST_CASE("preprocessing config errors name the layer and the key")
{
    CHECK(load_error_of(keras3_sequential("[null, 2]", R"({"class_name": "StringLookup", "config": {"name": "l",
        "vocabulary": []}})")) == "keras_json: layer \"l\" (StringLookup) at layers[1]: config key \"vocabulary\": "
                                  "Vocabulary: Cannot set an empty vocabulary.");
    CHECK(load_error_of(keras3_sequential("[null, 2]", R"({"class_name": "StringLookup", "config": {"name": "l",
        "vocabulary": ["a", 1]}})")) == "keras_json: layer \"l\" (StringLookup) at layers[1]: config key "
                                        "\"vocabulary\": expected a list of strings, got an int");
    CHECK(load_error_of(keras3_sequential("[null, 2]", R"({"class_name": "Discretization", "config": {"name": "d",
        "bin_boundaries": 3}})")) == "keras_json: layer \"d\" (Discretization) at layers[1]: config key "
                                     "\"bin_boundaries\": expected a list of numbers, got an int");
    CHECK(load_error_of(keras3_sequential("[null, 2]", R"({"class_name": "RandomCrop", "config": {"name": "c",
        "height": 2}})")) == "keras_json: layer \"c\" (RandomCrop) at layers[1]: missing config key \"width\"");
}

} // namespace io_keras_json_preprocessing_test
