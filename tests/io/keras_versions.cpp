// The Keras version a file names: read into a release (io/keras_json/writer.hpp), it picks the summary
// style of that Keras (io/summary_options.hpp) and whether a Sequential lists the InputLayer it was
// given (Keras 2.1 and TensorFlow.js do; Keras 2.2 on, tf.keras and Keras 3 do not).
#include <doctest/doctest.h>
#include <nnshape/io/keras_file.hpp>
#include <nnshape/io/summary_options.hpp>
#include <nnshape/summary.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>

namespace io_keras_versions_test {

#ifndef NNSHAPE_KERAS_FILE_HDF5
#define NNSHAPE_KERAS_FILE_HDF5 0
#endif

namespace {
using namespace nnshape;
using io::KerasFileInfo;
using io::detail::keras_release;
using io::detail::KerasRelease;

std::filesystem::path fixture_path(std::string_view name) { return std::filesystem::path(NNSHAPE_FIXTURES_DIR) / name; }

std::optional<SummaryStyle> style_of(std::string_view keras_version, bool tensorflow_js = false)
{
    return io::summary_style_for(
        KerasFileInfo{.keras_version = std::string(keras_version), .tensorflow_js = tensorflow_js});
}

std::string replaced(std::string text, std::string_view from, std::string_view to)
{
    const std::size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

std::string fixture_text(std::string_view name)
{
    std::ifstream file(fixture_path(name), std::ios::binary);
    return {std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
}

// Keras 2.1.6's print_summary of a Sequential (keras/utils/layer_utils.py): 65 columns ending at
// [.45, .85, 1] * 65 = [29, 55, 65], each cell cut and padded to its end.
constexpr std::string_view keras_2_1_rows[] = {
    "input_1 (InputLayer)         (None, 784)               0         ",
    "dense_1 (Dense)              (None, 32)                25120     ",
};

} // namespace

TEST_CASE("version strings as files carry them")
{
    // Standalone Keras's keras/__init__.py; tf.keras's "-tf" (TensorFlow 1.11 to 2.2); Keras 3's dev
    // builds; TensorFlow.js's modelTopology keras_version (tfjs-layers' version.ts).
    const auto is = [](std::string_view text, KerasRelease want) {
        const std::optional<KerasRelease> r = keras_release(text);
        REQUIRE(r.has_value());
        CHECK(r->major == want.major);
        CHECK(r->minor == want.minor);
        CHECK(r->patch == want.patch);
        CHECK(r->tf_keras == want.tf_keras);
        CHECK(r->tensorflow_js == want.tensorflow_js);
    };
    is("2.1.6", {2, 1, 6});
    is("2.2.4-tf", {2, 2, 4, true});
    is("2.13.1", {2, 13, 1});
    is("3.0.0.dev2023103103", {3, 0, 0});
    is("2.4", {2, 4, 0});
    is("tfjs-layers 1.3.1", {1, 3, 1, false, true});
    CHECK_FALSE(keras_release("").has_value());
    CHECK_FALSE(keras_release("keras").has_value());
    CHECK_FALSE(keras_release("2.").has_value());
}

TEST_CASE("the file's Keras version picks the summary style its Keras printed")
{
    // docs/keras-differences.md: keras2 is standalone Keras 2.1.6 to 2.2.4 (2.3 printed the same
    // table); tf_keras_2_0 tf.keras 2.0-2.2, which wrote "2.2.4-tf" and "2.3.0-tf"; tf_keras_2_4 2.4-2.6
    // (TF 2.3 and 2.4 both wrote "2.4.0"); tf_keras_2_7 2.7-2.12; tf_keras_2_13 2.13-2.15 (and the
    // tf-keras package after); keras3_0 Keras 3.0.0-3.0.4; keras3 from 3.0.5.
    CHECK(style_of("2.0.5") == SummaryStyle::keras2);
    CHECK(style_of("2.1.6") == SummaryStyle::keras2);
    CHECK(style_of("2.2.4") == SummaryStyle::keras2);
    CHECK(style_of("2.3.1") == SummaryStyle::keras2);
    CHECK(style_of("2.1.6-tf") == SummaryStyle::tf_keras_2_0);
    CHECK(style_of("2.2.4-tf") == SummaryStyle::tf_keras_2_0);
    CHECK(style_of("2.3.0-tf") == SummaryStyle::tf_keras_2_0);
    CHECK(style_of("2.4.0") == SummaryStyle::tf_keras_2_4);
    CHECK(style_of("2.6.0") == SummaryStyle::tf_keras_2_4);
    CHECK(style_of("2.7.0") == SummaryStyle::tf_keras_2_7);
    CHECK(style_of("2.12.0") == SummaryStyle::tf_keras_2_7);
    CHECK(style_of("2.13.1") == SummaryStyle::tf_keras_2_13);
    CHECK(style_of("2.15.0") == SummaryStyle::tf_keras_2_13);
    CHECK(style_of("3.0.4") == SummaryStyle::keras3_0);
    CHECK(style_of("3.0.5") == SummaryStyle::keras3);
    CHECK(style_of("3.6.0") == SummaryStyle::keras3);
    // TensorFlow.js, whether it made the model or converted a Keras file.
    CHECK(style_of("tfjs-layers 4.22.0") == SummaryStyle::keras2);
    CHECK(style_of("2.12.0", true) == SummaryStyle::keras2);
    // No version, or none nnshape reads: the default style.
    CHECK_FALSE(style_of("").has_value());
    CHECK_FALSE(style_of("1.2.1").has_value());
    CHECK_FALSE(style_of("4.0.0").has_value());
    CHECK(io::summary_options_for(KerasFileInfo{}).style == SummaryOptions{}.style);
    CHECK(io::summary_options_for(KerasFileInfo{.keras_version = "3.6.0"}).style == SummaryStyle::keras3);
}

TEST_CASE("Keras 2.1 lists the InputLayer given to a Sequential; Keras 2.2 on does not")
{
    // Keras 2.1.6's Sequential.add appends an InputLayer to self.layers (keras/models.py), which
    // get_config and summary list; Dense(32) on 784 inputs: 784 * 32 + 32 = 25,120.
    const std::string text = fixture_text("sequential_input_keras2_1.json");
    const io::LoadedModel m = io::load_keras_json(text);
    REQUIRE(m.is_sequential());
    REQUIRE(m.sequential()->layers().size() == 2);
    CHECK(m.sequential()->layers()[0].layer.is<InputLayer>());
    CHECK(m.sequential()->count_params() == 25120);
    const std::string table = summary(*m.sequential());
    for (std::string_view row : keras_2_1_rows) CHECK(table.find(row) != std::string::npos);

    // Keras 2.2's `layers` drops it (engine/sequential.py), as tf.keras's and Keras 3's do.
    for (std::string_view later : {R"("2.2.4")", R"("2.2.4-tf")"}) {
        const io::LoadedModel m2 = io::load_keras_json(replaced(text, R"("2.1.6")", later));
        REQUIRE(m2.is_sequential());
        CHECK(m2.sequential()->layers().size() == 1);
        CHECK(m2.sequential()->count_params() == 25120);
        CHECK(summary(*m2.sequential()).find("InputLayer") == std::string::npos);
    }
    // No version: as before, the InputLayer becomes the first layer's input shape.
    CHECK(io::load_keras_json(replaced(text, R"(, "keras_version": "2.1.6")", "")).sequential()->layers().size() == 1);
}

TEST_CASE("an .h5 file's keras_version attribute decides as to_json()'s key does")
{
    if (!NNSHAPE_KERAS_FILE_HDF5) return;
    // model_config holds no version: Keras's save_model writes keras_version as an attribute of its own.
    const io::KerasFile f = io::read_keras_file(fixture_path("sequential_input_keras2_1.h5"));
    CHECK(f.info.keras_version == "2.1.6");
    REQUIRE(f.model.is_sequential());
    CHECK(f.model.sequential()->layers().size() == 2);
    CHECK(io::summary_style_for(f.info) == SummaryStyle::keras2);
}

TEST_CASE("TensorFlow.js lists the InputLayer given to a Sequential")
{
    // tfjs-layers models.ts: Sequential.add pushes every layer, an InputLayer too, onto this.layers,
    // which getConfig and summary list.
    const std::string text = R"({"format": "layers-model", "generatedBy": "TensorFlow.js tfjs-layers v4.22.0",
        "modelTopology": {"class_name": "Sequential", "config": {"name": "sequential_1", "layers": [
          {"class_name": "InputLayer", "config": {"batch_input_shape": [null, 784], "dtype": "float32",
            "sparse": false, "name": "input1"}},
          {"class_name": "Dense", "config": {"units": 32, "activation": "relu", "use_bias": true,
            "name": "dense_Dense1", "trainable": true}}]},
        "keras_version": "tfjs-layers 4.22.0", "backend": "tensor_flow.js"}})";
    const io::LoadedModel m = io::load_keras_json(text);
    REQUIRE(m.is_sequential());
    REQUIRE(m.sequential()->layers().size() == 2);
    CHECK(m.sequential()->layers()[0].name() == "input1");
    CHECK(m.sequential()->count_params() == 25120);

    const io::KerasFile f = io::read_keras_bytes(text, "model.json");
    CHECK(f.info.tensorflow_js);
    CHECK(f.info.keras_version == "tfjs-layers 4.22.0");
    CHECK(f.info.backend == "tensor_flow.js");
    CHECK(f.info.generated_by == "TensorFlow.js tfjs-layers v4.22.0");
}

TEST_CASE("a GRU config without reset_after: false up to Keras 2.1.4 and in TensorFlow.js")
{
    // Keras 2.1.4's GRU has no reset_after and keeps 3 * units biases: kernel (8, 96), recurrent kernel
    // (32, 96), bias (96) = 3,936 (keras/layers/recurrent.py); 2.1.5 added the argument (default False)
    // and writes it. TensorFlow.js's GRUCell supports only false (tfjs-layers recurrent.ts).
    const std::string gru = R"({"class_name": "GRU", "config": {"name": "gru_1", "units": 32,
        "batch_input_shape": [null, 10, 8], "return_sequences": false}})";
    const std::string keras = R"({"class_name": "Sequential", "config": [)" + gru + R"(], "keras_version": "2.1.4"})";
    CHECK(io::load_keras_json(keras).sequential()->count_params() == 3936);
    const std::string tfjs =
        R"({"modelTopology": {"class_name": "Sequential", "config": {"name": "s", "layers": [{"class_name": "Bidirectional",
        "config": {"name": "bidi", "merge_mode": "concat", "batch_input_shape": [null, 10, 8], "layer": )" +
        gru + R"(}}]}, "keras_version": "tfjs-layers 1.2.2"}})";
    CHECK(io::load_keras_json(tfjs).sequential()->count_params() == 2 * 3936); // inside a wrapper too
    // Any other writer: a missing key takes later Keras's default, reset_after=True: 2 * 96 biases.
    CHECK(io::load_keras_json(replaced(keras, "2.1.4", "2.2.4")).sequential()->count_params() == 3936 + 96);
    CHECK(io::load_keras_json(replaced(keras, R"(, "keras_version": "2.1.4")", "")).sequential()->count_params() ==
          3936 + 96);
    // A key the file writes is kept.
    CHECK(io::load_keras_json(replaced(keras, R"("units": 32,)", R"("units": 32, "reset_after": true,)"))
              .sequential()
              ->count_params() == 3936 + 96);
}

TEST_CASE("a to_json() file reports the version and backend it names")
{
    const io::KerasFile f = io::read_keras_file(fixture_path("seq2seq_tf_keras.json"));
    CHECK(f.info.format == io::KerasFormat::json);
    CHECK(f.info.keras_version == "2.15.0");
    CHECK(f.info.backend == "tensorflow");
    CHECK_FALSE(f.info.tensorflow_js);
    CHECK(io::summary_style_for(f.info) == SummaryStyle::tf_keras_2_13);
}

} // namespace io_keras_versions_test
