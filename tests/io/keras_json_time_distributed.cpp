// The Keras JSON reader on a TimeDistributed whose `layer` is a Sequential or Functional config
// (Keras's TimeDistributed(model)). The fixture time_distributed_model_tf_keras.json is written by
// hand in tf.keras 2.15's config format: keras.io's "Simple MNIST convnet" (published summary: 34,826
// weights, output (None, 10)) over 8 frames, then LSTM(16) (4 * 16 * (10 + 16 + 1) = 1,728, Keras's
// LSTM rule) and Dense(5) (16 * 5 + 5 = 85). Keras's TimeDistributed gives (batch, time) + the
// model's output[1:] and has the model's weights.
#include <doctest/doctest.h>
#include <nnshape/io/keras_json.hpp>
#include "load_error.hpp"
#include <nnshape/summary.hpp>

#include <filesystem>
#include <string>
#include <string_view>

namespace io_keras_json_time_distributed_test {

namespace {
using namespace nnshape;
using nnshape::io::load_keras_json;
using nnshape::io::LoadedModel;
using nnshape::test::load_error_of;

// Keras 3: Sequential([InputLayer(batch_shape=(None, 5, 4)), TimeDistributed(inner), Flatten()]),
// `inner` a Sequential of Dense(3) on (None, 4): 4 * 3 + 3 = 15 weights, output (None, 5 * 3).
constexpr std::string_view keras3_sequential = R"({"module": "keras", "class_name": "Sequential", "config": {
  "name": "sequential_1", "trainable": true, "layers": [
  {"module": "keras.layers", "class_name": "InputLayer", "config": {"batch_shape": [null, 5, 4], "dtype": "float32",
   "sparse": false, "name": "input_layer_1"}, "registered_name": null},
  {"module": "keras.layers", "class_name": "TimeDistributed", "config": {"name": "time_distributed", "trainable": true,
   "dtype": "float32", "layer": {"module": "keras", "class_name": "Sequential", "config": {"name": "sequential",
   "trainable": true, "layers": [
     {"module": "keras.layers", "class_name": "InputLayer", "config": {"batch_shape": [null, 4], "dtype": "float32",
      "sparse": false, "name": "input_layer"}, "registered_name": null},
     {"module": "keras.layers", "class_name": "Dense", "config": {"name": "dense", "trainable": true, "units": 3,
      "activation": "linear", "use_bias": true}, "registered_name": null}]},
   "registered_name": null}}, "registered_name": null},
  {"module": "keras.layers", "class_name": "Flatten", "config": {"name": "flatten", "trainable": true,
   "data_format": "channels_last"}, "registered_name": null}]}, "registered_name": null})";

// Keras 2: Sequential([TimeDistributed(encoder, batch_input_shape=(None, 6, 4))]), `encoder` a
// functional model with two inputs.
constexpr std::string_view two_input_model = R"({"class_name": "Sequential", "config": {"name": "sequential",
  "layers": [{"class_name": "TimeDistributed", "config": {"name": "time_distributed", "batch_input_shape": [null, 6, 4],
  "layer": {"class_name": "Functional", "config": {"name": "encoder", "layers": [
    {"class_name": "InputLayer", "config": {"batch_input_shape": [null, 4], "name": "a"}, "name": "a", "inbound_nodes": []},
    {"class_name": "InputLayer", "config": {"batch_input_shape": [null, 4], "name": "b"}, "name": "b", "inbound_nodes": []},
    {"class_name": "Concatenate", "config": {"name": "concatenate", "axis": -1}, "name": "concatenate",
     "inbound_nodes": [[["a", 0, 0, {}], ["b", 0, 0, {}]]]}],
   "input_layers": [["a", 0, 0], ["b", 0, 0]], "output_layers": [["concatenate", 0, 0]]}}}}]}})";

} // namespace

TEST_CASE("TimeDistributed of a Sequential in a tf.keras functional model (fixture)")
{
    const LoadedModel loaded =
        io::load_keras_json_file(std::filesystem::path(NNSHAPE_FIXTURES_DIR) / "time_distributed_model_tf_keras.json");
    REQUIRE(loaded.model() != nullptr);
    const Model& m = *loaded.model();
    CHECK(m.count_params() == 34'826 + 1'728 + 85);
    const auto layers = m.layers();
    REQUIRE(layers.size() == 4);
    CHECK(layers[1].class_name() == "TimeDistributed");
    CHECK(layers[1].name().view() == "time_distributed");
    CHECK(layers[1].output_shapes() == Shapes{Shape{None, 8, 10}});
    CHECK(layers[1].count_params() == 34'826);
    CHECK(layers[1].wrapped_model()->name().view() == "sequential");
    CHECK(m.output_shape() == Shape{None, 5});
    const std::string text = summary(m, {.style = SummaryStyle::tf_keras_2_13});
    CHECK(text.find(" time_distributed (TimeDist  (None, 8, 10)             34826") != std::string::npos);
}

TEST_CASE("TimeDistributed of a Sequential in a Keras 3 Sequential")
{
    const LoadedModel loaded = load_keras_json(keras3_sequential);
    REQUIRE(loaded.model() != nullptr);
    const Model& m = *loaded.model();
    CHECK(m.count_params() == 15);
    CHECK(m.output_shape() == Shape{None, 15});
    CHECK(m.layers()[0].class_name() == "TimeDistributed");
}

TEST_CASE("TimeDistributed of a model with two inputs is an error")
{
    CHECK(load_error_of(two_input_model).find("TimeDistributed: the wrapped model must have a single input") !=
          std::string::npos);
}

} // namespace io_keras_json_time_distributed_test
