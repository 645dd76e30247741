// nnshape::io::load_keras_file / read_keras_file: the .keras and .h5 fixtures (written by
// tests/fixtures/keras/generate_files.py from the JSON configs beside it) read as the same models as
// their JSON configs, with the totals Keras printed; the format comes from the content; and every
// bad file gives one line naming the file, the part and why.
#include <doctest/doctest.h>
#include <nnshape/io/keras_file.hpp>
#include <nnshape/summary.hpp>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>

namespace io_keras_file_test {

// Set by nnshape::keras_file when it has libzip / HDF5.
#ifndef NNSHAPE_KERAS_FILE_ZIP
#define NNSHAPE_KERAS_FILE_ZIP 0
#endif
#ifndef NNSHAPE_KERAS_FILE_HDF5
#define NNSHAPE_KERAS_FILE_HDF5 0
#endif

namespace {
using namespace nnshape;
using io::KerasFile;
using io::KerasFileLimits;
using io::KerasFormat;

std::filesystem::path fixture_path(std::string_view name) { return std::filesystem::path(NNSHAPE_FIXTURES_DIR) / name; }

std::string bytes_of(std::string_view name)
{
    std::ifstream file(fixture_path(name), std::ios::binary);
    return {std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
}

Params params_of(const io::LoadedModel& m)
{
    return m.visit([](const auto& model) { return model.params(); });
}

std::string summary_of(const io::LoadedModel& m)
{
    return m.visit([](const auto& model) { return summary(model); });
}

// The message read_keras_file gives for the fixture `name`, or "" if it loads.
std::string error_of(std::string_view name, const KerasFileLimits& limits = {})
{
    try {
        io::read_keras_file(fixture_path(name), limits);
    } catch (const io::load_error& e) {
        return e.what();
    }
    return "";
}

// `keras_file: <fixtures>/<name>: <rest>`, the form of every message.
std::string message(std::string_view name, std::string_view rest)
{
    return "keras_file: " + fixture_path(name).string() + ": " + std::string(rest);
}

bool starts_with(const std::string& text, const std::string& start) { return text.starts_with(start); }
bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

struct Case {
    std::string_view file;
    std::string_view json; // the config it was written from
    Params params; // the totals Keras printed (as pinned in tests/io/keras_json.cpp)
    KerasFormat format;
    std::string_view keras_version;
    std::string_view backend;
};

// Notebook In [2]: 168; In [3]: 304; In [114]: 86,784; In [13]: 960 + 64; spec 4.1's MNIST CNN:
// 1,199,882; spec 8's ResNet50: 25,636,712.
constexpr Case cases[] = {
    {"notebook_fm_keras3.keras", "notebook_fm_keras3.json", {168}, KerasFormat::keras_archive, "3.6.0", ""},
    {"resnet50_keras3.keras", "resnet50_keras3.json", {25583592, 53120}, KerasFormat::keras_archive, "3.6.0", ""},
    {"notebook_fm_keras2.h5", "notebook_fm_keras2.json", {168}, KerasFormat::hdf5, "2.1.6", "tensorflow"},
    {"notebook_conv2d_keras2.h5", "notebook_conv2d_keras2.json", {304}, KerasFormat::hdf5, "2.1.6", "tensorflow"},
    {"notebook_rnn_stack_keras2.h5",
     "notebook_rnn_stack_keras2.json",
     {86784},
     KerasFormat::hdf5,
     "2.1.6",
     "tensorflow"},
    {"notebook_batchnorm_keras3.h5", "notebook_batchnorm_keras3.json", {960, 64}, KerasFormat::hdf5, "3.6.0", ""},
    {"tfjs_mnist_cnn_uint8.h5", "tfjs_mnist_cnn.json", {1199882}, KerasFormat::hdf5, "2.1.6", "tensorflow"},
    {"tfjs_mnist_cnn_opaque.h5", "tfjs_mnist_cnn.json", {1199882}, KerasFormat::hdf5, "2.1.6", "tensorflow"},
    // A JSON file's own keys: a TensorFlow.js modelTopology's, model.to_json()'s.
    {"tfjs_mnist_cnn.json",
     "tfjs_mnist_cnn.json",
     {1199882},
     KerasFormat::json,
     "tfjs-layers 4.22.0",
     "tensor_flow.js"},
    {"notebook_fm_keras2.json", "notebook_fm_keras2.json", {168}, KerasFormat::json, "2.1.6", "tensorflow"},
};

bool reads_here(KerasFormat format)
{
    return (format != KerasFormat::keras_archive || NNSHAPE_KERAS_FILE_ZIP) &&
           (format != KerasFormat::hdf5 || NNSHAPE_KERAS_FILE_HDF5);
}

} // namespace

TEST_CASE("every .keras and .h5 fixture reads as its JSON config, with Keras's totals")
{
    for (const Case& c : cases) {
        if (!reads_here(c.format)) continue;
        CAPTURE(c.file);
        const KerasFile file = io::read_keras_file(fixture_path(c.file));
        const io::LoadedModel json = io::load_keras_json_file(fixture_path(c.json));
        CHECK(params_of(file.model) == c.params);
        CHECK(params_of(file.model) == params_of(json));
        CHECK(summary_of(file.model) == summary_of(json)); // the same model, layer by layer
        CHECK(file.info.format == c.format);
        CHECK(file.info.keras_version == c.keras_version);
        CHECK(file.info.backend == c.backend);
        CHECK(params_of(io::load_keras_file(fixture_path(c.file))) == c.params);
    }
}

TEST_CASE("bytes in memory read as the file does")
{
    for (const Case& c : cases) {
        if (!reads_here(c.format)) continue;
        CAPTURE(c.file);
        const KerasFile file = io::read_keras_bytes(bytes_of(c.file), c.file);
        CHECK(params_of(file.model) == c.params);
        CHECK(file.info.format == c.format);
        CHECK(file.info.keras_version == c.keras_version);
    }
}

TEST_CASE("the format comes from the content, not the file name")
{
    const std::filesystem::path dir = std::filesystem::current_path() / "keras_file_renamed"; // in the build tree
    std::filesystem::create_directories(dir);
    const struct {
        std::string_view fixture, renamed;
        Params params;
        KerasFormat format;
    } renames[] = {
        {"notebook_fm_keras3.keras", "model.h5", {168}, KerasFormat::keras_archive},
        {"notebook_conv2d_keras2.h5", "model.json", {304}, KerasFormat::hdf5},
        {"notebook_rnn_stack_keras2.json", "model.keras", {86784}, KerasFormat::json},
    };
    for (const auto& r : renames) {
        if (!reads_here(r.format)) continue;
        CAPTURE(r.renamed);
        const std::filesystem::path copy = dir / r.renamed;
        std::filesystem::copy_file(fixture_path(r.fixture), copy, std::filesystem::copy_options::overwrite_existing);
        const KerasFile file = io::read_keras_file(copy);
        CHECK(file.info.format == r.format);
        CHECK(params_of(file.model) == r.params);
    }
    std::filesystem::remove_all(dir);
}

TEST_CASE("a bad file is one line naming the file, the part and why")
{
    const auto one_line = [](const std::string& text) { return text.find('\n') == std::string::npos; };
    const std::string missing = error_of("no_such_model.keras");
    CHECK(missing == message("no_such_model.keras", "cannot open: no such file"));
    CHECK(error_of("invalid") ==
          message("invalid", "cannot open: a directory (nnshape reads .keras, .h5 and JSON files)"));
    CHECK(starts_with(error_of("invalid/lambda_keras2.json"),
                      message("invalid/lambda_keras2.json", "layer \"lambda_1\" (Lambda) at layers[1]: a Lambda layer "
                                                            "without output_shape: the file states no output shape")));
    CHECK(starts_with(error_of("invalid/truncated.json"), message("invalid/truncated.json", "malformed JSON: ")));
    // pickle.dumps(protocol=4) starts with its PROTO opcode, 0x80.
    CHECK(error_of("invalid/pickled_model.h5") ==
          message("invalid/pickled_model.h5", "neither a zip archive (.keras), an HDF5 file (.h5) nor JSON: it "
                                              "starts with byte 0x80, not a file Keras saves a model in"));
    // tfjs-converter's graph models: "format": "graph-model", or (before the key) a GraphDef's nodes.
    for (const char* graph : {R"({"format": "graph-model", "modelTopology": {"node": []}})",
                              R"({"modelTopology": {"node": [], "library": {}, "versions": {}}})"}) {
        try {
            io::read_keras_bytes(graph, "model.json");
            FAIL("a graph model read");
        } catch (const io::load_error& e) {
            CHECK(std::string(e.what()) ==
                  "keras_file: model.json: a TensorFlow.js graph model: a TensorFlow graph, without Keras layers to "
                  "read (TensorFlow.js writes \"format\": \"layers-model\" for a Keras model)");
        }
    }

    if (NNSHAPE_KERAS_FILE_ZIP) {
        const std::string truncated = error_of("invalid/truncated.keras");
        CHECK(starts_with(truncated, message("invalid/truncated.keras", "not a readable zip archive: ")));
        CHECK(one_line(truncated));
        CHECK(error_of("invalid/no_config.keras") ==
              message("invalid/no_config.keras", "a zip archive without config.json: not a Keras 3 .keras file "
                                                 "(which holds config.json, metadata.json and model.weights.h5)"));
        CHECK(starts_with(error_of("invalid/bad_config.keras"),
                          message("invalid/bad_config.keras", "config.json: malformed JSON: ")));
        CHECK(error_of("invalid/duplicate_config.keras") ==
              message("invalid/duplicate_config.keras",
                      "not a readable zip archive: two entries have the same name (File already exists)"));
        CHECK(error_of("invalid/bad_metadata.keras") ==
              message("invalid/bad_metadata.keras", "metadata.json: \"keras_version\" is not a string"));
    } else {
        CHECK(starts_with(error_of("notebook_fm_keras3.keras"),
                          message("notebook_fm_keras3.keras", "a zip archive (a Keras 3 .keras file), and this "
                                                              "nnshape::keras_file was built without libzip")));
    }

    if (NNSHAPE_KERAS_FILE_HDF5) {
        const std::string truncated = error_of("invalid/truncated.h5");
        CHECK(starts_with(truncated, message("invalid/truncated.h5", "not a readable HDF5 file: unable to open file")));
        CHECK(one_line(truncated));
        CHECK(error_of("invalid/no_model_config.h5") ==
              message("invalid/no_model_config.h5", "an HDF5 file without the attribute model_config: it holds "
                                                    "weights only (model.save_weights), not a model"));
        CHECK(error_of("invalid/number_model_config.h5") ==
              message("invalid/number_model_config.h5",
                      "attribute model_config: expected a string or bytes, got a float"));
    } else {
        CHECK(starts_with(error_of("notebook_fm_keras2.h5"),
                          message("notebook_fm_keras2.h5", "an HDF5 file (a Keras 2 .h5 file), and this "
                                                           "nnshape::keras_file was built without HDF5")));
    }
}

TEST_CASE("size and count limits refuse a part before reading past them")
{
    const std::string json = error_of("tfjs_mnist_cnn.json", {.config_bytes = 1000});
    CHECK(starts_with(json, message("tfjs_mnist_cnn.json", "at least ")));
    CHECK(contains(json, "over nnshape's limit of 1000 (KerasFileLimits::config_bytes)"));
    if (NNSHAPE_KERAS_FILE_ZIP) {
        // The stated size of config.json (json.dumps of the fixture), 132,912 bytes, is refused before decompressing.
        CHECK(error_of("resnet50_keras3.keras", {.config_bytes = 1000}) ==
              message("resnet50_keras3.keras", "config.json: at least 132912 bytes, over nnshape's limit of 1000 "
                                               "(KerasFileLimits::config_bytes)"));
        CHECK(error_of("resnet50_keras3.keras", {.zip_entries = 2}) ==
              message("resnet50_keras3.keras",
                      "the archive lists 3 entries, over nnshape's limit of 2 (KerasFileLimits::zip_entries)"));
        CHECK(error_of("resnet50_keras3.keras", {.metadata_bytes = 10}) ==
              message("resnet50_keras3.keras", "metadata.json: at least 63 bytes, over nnshape's limit of 10 "
                                               "(KerasFileLimits::metadata_bytes)"));
    }
    if (NNSHAPE_KERAS_FILE_HDF5) {
        for (const char* name : {"notebook_fm_keras2.h5", "notebook_rnn_stack_keras2.h5", "tfjs_mnist_cnn_uint8.h5"}) {
            CAPTURE(name);
            CHECK(
                starts_with(error_of(name, {.config_bytes = 100}), message(name, "attribute model_config: at least ")));
            CHECK(starts_with(error_of(name, {.metadata_bytes = 3}),
                              message(name, "attribute keras_version: at least ")));
        }
    }
}

} // namespace io_keras_file_test
