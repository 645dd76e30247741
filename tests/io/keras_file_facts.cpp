// Layers of classes nnshape does not know, read from the file's own facts (io/keras_json/facts.hpp):
// the custom_layer_* fixtures of tests/fixtures/keras/generate_files.py. Expected counts are the
// weights those files store (AttentionLayer: w (64, 64) and b (64,), 4,160; TF-Hub's KerasLayer:
// (16, 128) and (128,), 2,176) and Keras's rules for the known layers (Dense(10) on 64 features:
// 64 * 10 + 10 = 650; Dense(4) on 128: 516; a Lambda has no weights); the shapes are those the files
// state for the layers' outputs.
#include <doctest/doctest.h>
#include <nnshape/io/keras_file.hpp>
#include <nnshape/report.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>

namespace io_keras_file_facts_test {

#ifndef NNSHAPE_KERAS_FILE_ZIP
#define NNSHAPE_KERAS_FILE_ZIP 0
#endif
#ifndef NNSHAPE_KERAS_FILE_HDF5
#define NNSHAPE_KERAS_FILE_HDF5 0
#endif

namespace {
using namespace nnshape;

std::filesystem::path fixture_path(std::string_view name) { return std::filesystem::path(NNSHAPE_FIXTURES_DIR) / name; }

std::string bytes_of(std::string_view name)
{
    std::ifstream file(fixture_path(name), std::ios::binary);
    return {std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
}

Report report_of(const io::LoadedModel& m)
{
    return m.visit([](const auto& model) { return report(model, {.naming = keras3}); });
}

// The message read_keras_file gives for the fixture `name`, or "" if it loads.
std::string error_of(std::string_view name, const io::LoadOptions& options = {}, const io::KerasFileLimits& limits = {})
{
    try {
        io::read_keras_file(fixture_path(name), limits, options);
    } catch (const io::load_error& e) {
        return e.what();
    }
    return "";
}

std::string json_error_of(const std::string& text, const io::LoadOptions& options = {})
{
    try {
        io::load_keras_json(text, options);
    } catch (const io::load_error& e) {
        return e.what();
    }
    return "";
}

// The custom-attention model's rows: tokens, attention, double, dense.
void check_attention_model(const io::LoadedModel& m)
{
    const Report r = report_of(m);
    REQUIRE(r.rows.size() == 4);
    CHECK(r.rows[1].class_name == "AttentionLayer");
    CHECK(r.rows[1].from_file);
    CHECK(r.rows[1].params == Params{4160});
    CHECK(r.rows[1].output_shapes[0] == Shapes{Shape{None, 64}});
    CHECK(r.rows[2].class_name == "Lambda");
    CHECK(r.rows[2].from_file);
    CHECK(r.rows[2].params == Params{});
    CHECK(!r.rows[3].from_file);
    CHECK(r.rows[3].output_shapes[0] == Shapes{Shape{None, 10}});
    CHECK(r.params == Params{4810});
}

// A Keras 3 functional config: tokens (None, 4) -> Lambda "l" (no output_shape) -> `rest`, output `outputs`.
std::string lambda_model(std::string_view rest, std::string_view outputs)
{
    return R"({"class_name": "Functional", "config": {"name": "m", "layers": [
        {"class_name": "InputLayer", "name": "tokens", "config": {"batch_shape": [null, 4], "name": "tokens"},
         "inbound_nodes": []},
        {"class_name": "Lambda", "name": "l", "config": {"name": "l", "function": "f"},
         "inbound_nodes": [{"args": [{"class_name": "__keras_tensor__",
             "config": {"shape": [null, 4], "keras_history": ["tokens", 0, 0]}}], "kwargs": {}}]})" +
           std::string(rest) + R"(], "input_layers": [["tokens", 0, 0]], "output_layers": )" + std::string(outputs) +
           "}}";
}

// A Dense(2) "name" taking output `tensor` of "l", whose shape its node states as `shape`.
std::string dense_on_lambda(std::string_view name, std::string_view shape, int tensor = 0)
{
    return R"(, {"class_name": "Dense", "name": ")" + std::string(name) + R"(", "config": {"units": 2},
        "inbound_nodes": [{"args": [{"class_name": "__keras_tensor__", "config": {"shape": )" +
           std::string(shape) + R"(, "keras_history": ["l", 0, )" + std::to_string(tensor) + "]}}], \"kwargs\": {}}]}";
}

} // namespace

#if NNSHAPE_KERAS_FILE_ZIP && NNSHAPE_KERAS_FILE_HDF5
TEST_CASE("a .keras file: output shapes from the consumers' tensors, weights from model.weights.h5")
{
    check_attention_model(io::load_keras_file(fixture_path("custom_layer_keras3.keras")));
    // The same from memory: model.weights.h5 is read from the archive's bytes either way.
    check_attention_model(io::read_keras_bytes(bytes_of("custom_layer_keras3.keras"), "custom.keras").model);
}

TEST_CASE("a Keras 3 Sequential: the next layer's build_config; trainable: false makes the weights non-trainable")
{
    const io::LoadedModel m = io::load_keras_file(fixture_path("custom_layer_sequential_keras3.keras"));
    REQUIRE(m.is_sequential());
    const Report r = report_of(m);
    CHECK(r.rows[0].class_name == "KerasLayer");
    CHECK(r.rows[0].from_file);
    CHECK(r.rows[0].output_shapes[0] == Shapes{Shape{None, 128}});
    CHECK(r.rows[0].params == (Params{0, 2176}));
    CHECK(r.params == (Params{516, 2176}));
}

TEST_CASE("a .keras file's weights: paths no layer has, a count past 64 bits, the weights_bytes limit")
{
    CHECK(error_of("invalid/custom_layer_misnamed.keras") ==
          "keras_file: " + fixture_path("invalid/custom_layer_misnamed.keras").string() +
              ": config.json: layer \"attention\" (AttentionLayer) at layers[1]: unknown layer class "
              "\"AttentionLayer\": model.weights.h5 holds layers/attention, which is no layer of the config, so "
              "nnshape cannot tell which weights are the layer's");
    CHECK(error_of("invalid/custom_layer_huge.keras") ==
          "keras_file: " + fixture_path("invalid/custom_layer_huge.keras").string() +
              ": model.weights.h5: layers/attention_layer: the stored weights' count overflows 64-bit arithmetic");
    CHECK(error_of("custom_layer_keras3.keras", {}, {.weights_bytes = 100}).find(": model.weights.h5: at least ") !=
          std::string::npos);
    CHECK(error_of("custom_layer_keras3.keras", {}, {.weights_bytes = 100})
              .ends_with("(KerasFileLimits::weights_bytes)"));
}
#endif

#if NNSHAPE_KERAS_FILE_HDF5
TEST_CASE("a .h5 file: weights from model_weights/<layer name>")
{
    // Keras 3's legacy .h5 format keeps Keras 3's config, which states the shapes.
    check_attention_model(io::load_keras_file(fixture_path("custom_layer_keras3.h5")));
    CHECK(error_of("invalid/custom_layer_no_group.h5") ==
          "keras_file: " + fixture_path("invalid/custom_layer_no_group.h5").string() +
              ": attribute model_config: layer \"attention\" (AttentionLayer) at layers[1]: unknown layer class "
              "\"AttentionLayer\": the file's model_weights has no group for the layer, so its parameters are "
              "unknown");
    // tf.keras's inbound nodes state no shapes: the weights are there, the output shape is not.
    CHECK(error_of("custom_layer_tf_keras.h5")
              .ends_with("layer \"attention\" (AttentionLayer) at layers[1]: unknown layer class \"AttentionLayer\": "
                         "the file states no output shape for it (no consumer's __keras_tensor__ shape or "
                         "build_config input_shape: Keras 2 and tf.keras .h5 and JSON configs have neither, and no "
                         "file states a model output's shape)"));
}
#endif

TEST_CASE("--strict (LoadOptions::strict) refuses classes nnshape does not know, as before")
{
#if NNSHAPE_KERAS_FILE_ZIP
    CHECK(error_of("custom_layer_keras3.keras", {.strict = true})
              .ends_with("config.json: layer \"attention\" (AttentionLayer) at layers[1]: unknown layer class "
                         "\"AttentionLayer\": not a Keras layer nnshape knows"));
#endif
    CHECK(json_error_of(lambda_model(dense_on_lambda("d", "[null, 4]"), R"([["d", 0, 0]])"), {.strict = true}) ==
          "keras_json: layer \"l\" (Lambda) at layers[1]: nnshape cannot compute the shape of a Lambda layer (its "
          "output comes from Python code)");
}

TEST_CASE("a JSON config: shapes only, no weights")
{
    // A Lambda has no weights by Keras's rule: the shapes its consumer states are enough.
    const Report r =
        report_of(io::load_keras_json(lambda_model(dense_on_lambda("d", "[null, 4]"), R"([["d", 0, 0]])")));
    CHECK(r.rows[1].from_file);
    CHECK(r.rows[1].output_shapes[0] == Shapes{Shape{None, 4}});
    CHECK(r.params == Params{10}); // Dense(2) on 4: 4 * 2 + 2
    // A class nnshape does not know needs its stored weights, which JSON has not.
    CHECK(json_error_of(bytes_of("custom_layer_keras3.json")) ==
          "keras_json: layer \"attention\" (AttentionLayer) at layers[1]: unknown layer class \"AttentionLayer\": the "
          "file stores no weights to count its parameters (a JSON config has none: read the model's .keras or .h5 "
          "file)");
}

TEST_CASE("what the file states about the outputs must be enough, and agree")
{
    const std::string prefix = "keras_json: layer \"l\" (Lambda) at layers[1]: a Lambda layer without output_shape: ";
    CHECK(json_error_of(lambda_model("", R"([["l", 0, 0]])")) ==
          prefix + "the file states no output shape for it (no consumer's __keras_tensor__ shape or build_config "
                   "input_shape: Keras 2 and tf.keras .h5 and JSON configs have neither, and no file states a model "
                   "output's shape)");
    CHECK(json_error_of(lambda_model(dense_on_lambda("d", "[null, 4]"), R"([["d", 0, 0], ["l", 0, 1]])")) ==
          prefix + "the file states no shape for its output 1 (only consumers state shapes, and no file states a "
                   "model output's shape)");
    CHECK(json_error_of(lambda_model(dense_on_lambda("d", "[null, 4]") + dense_on_lambda("e", "[null, 5]"),
                                     R"([["d", 0, 0], ["e", 0, 0]])")) ==
          prefix + "the file states two shapes, (None, 4) and (None, 5), for its output 0 (an OpaqueLayer has the "
                   "same outputs in every call)");
    CHECK(json_error_of(lambda_model(dense_on_lambda("d", "\"wide\""), R"([["d", 0, 0]])"))
              .starts_with("keras_json: layer \"l\" (Lambda) at layers[1]: a stated tensor shape: "));
    // A Sequential's last layer: its output is the model's, whose shape no file states.
    CHECK(json_error_of(R"({"class_name": "Sequential", "config": {"name": "s", "layers": [
              {"class_name": "InputLayer", "config": {"batch_shape": [null, 4], "name": "x"}},
              {"class_name": "Lambda", "config": {"name": "l", "function": "f"}}]}})") ==
          "keras_json: layer \"l\" (Lambda) at layers[1]: a Lambda layer without output_shape: the file states no "
          "output shape for it (the next layer of the Sequential has no build_config input_shape, or it is the "
          "model's output, whose shape no file states)");
}

} // namespace io_keras_file_facts_test
