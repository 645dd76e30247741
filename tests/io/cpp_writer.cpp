// `nnshape cpp` (io/cpp_writer.hpp): the header it writes for a model file rebuilds the model the reader
// reads from that file. tests/CMakeLists.txt has the tool write a header for every fixture in
// tests/fixtures/keras at build time and includes them all here, in this one translation unit: their
// static_asserts (the parameter counts and output shapes the tool read from each file) are checked by
// each compiler that builds the tests, and at run time each rebuilt model's summary (names, classes,
// output shapes, parameter counts, connections, trainable flags) is compared with the file's.
//
// cpp_names_tf_keras.json (written by hand in tf.keras 2.11's functional layout) holds Keras names
// that are no C++ identifiers, a shared, frozen layer and a nested Sequential: Keras counts Dense(3) on
// 4 inputs as 4·3 + 3 = 15 weights, Dense(3) on 3 as 12, Dense(2) on 3 as 8, Dense(1) on 2 as 3; a
// shared layer's weights once, a frozen layer's as non-trainable: 53 in all, 12 of them non-trainable.
#include <doctest/doctest.h>
#include <nnshape/io/cpp_writer.hpp>
#include <nnshape/io/keras_file.hpp>
#include <nnshape/summary.hpp>

#ifdef NNSHAPE_CPP_FIXTURES_HEADER
#include NNSHAPE_CPP_FIXTURES_HEADER
#endif

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace io_cpp_writer_test {

namespace {
using namespace nnshape;

bool contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

template <class M>
Shapes outputs_of(const M& m)
{
    if constexpr (requires { m.output_shapes(); })
        return m.output_shapes();
    else
        return Shapes{m.output_shape()};
}

// What the tests compare: the summaries in two styles, the counts and the output shapes.
struct Numbers {
    std::string keras2;
    std::string keras3_nested;
    Params params;
    Shapes outputs;
};

template <class M>
Numbers numbers_of(const M& m)
{
    return {summary(m, {.show_trainable = true}),
            summary(m, {.style = SummaryStyle::keras3, .expand_nested = true, .show_trainable = true}), m.params(),
            outputs_of(m)};
}

struct CustomScale {
    NNSHAPE_LAYER_KWARGS
    static constexpr std::string_view class_name = "CustomScale";
    constexpr Shape output_shape(const Shape& in) const { return in; }
};

} // namespace

#ifdef NNSHAPE_CPP_FIXTURES_HEADER

// Two headers' totals against Keras: the seed notebook's first cell (Total params: 168, README) and
// ResNet50's 25,636,712 (spec §8).
static_assert(notebook_fm_keras2_json::facts.params.total() == 168);
static_assert(resnet50_keras3_keras::facts.params.total() == 25'636'712);
static_assert(cpp_names_tf_keras_json::facts.params == Params{.trainable = 41, .non_trainable = 12});
// A class nnshape does not know, written as an OpaqueLayer: the AttentionLayer's 4,160 weights stored in
// custom_layer_keras3.keras (its model.weights.h5), then Keras's Dense(10) on 64 features, 650.
static_assert(custom_layer_keras3_keras::facts.params.total() == 4'160 + 650);

namespace {

// A fixture's rebuilt numbers; none where the reader refuses the file and the header is a stub
// (tests/tools/cpp_header.cmake).
struct Rebuilt {
    std::string_view file;
    std::optional<Numbers> numbers;
};

template <class M>
std::optional<Numbers> rebuilt_numbers(const M& m)
{
    if constexpr (requires { m.params(); })
        return numbers_of(m);
    else
        return std::nullopt;
}

std::vector<Rebuilt> rebuilt()
{
#define NNSHAPE_REBUILT(file, ns) Rebuilt{file, rebuilt_numbers(ns::keras_model())},
    return {NNSHAPE_CPP_FIXTURES(NNSHAPE_REBUILT)};
#undef NNSHAPE_REBUILT
}

// The fixtures the reader reads in this build: .h5 files with HDF5, .keras files with libzip.
std::vector<std::string> readable_fixtures()
{
    std::vector<std::string> files;
    for (const auto& entry : std::filesystem::directory_iterator(NNSHAPE_FIXTURES_DIR)) {
        const std::string ext = entry.path().extension().string();
#ifdef NNSHAPE_KERAS_FILE_HDF5
        const bool h5 = ext == ".h5";
#else
        const bool h5 = false;
#endif
#ifdef NNSHAPE_KERAS_FILE_ZIP
        const bool archive = ext == ".keras";
#else
        const bool archive = false;
#endif
        if (ext == ".json" || h5 || archive) files.push_back(entry.path().filename().string());
    }
    return files;
}

} // namespace

TEST_CASE("nnshape cpp: the header written for each fixture rebuilds the model read from the file")
{
    const std::vector<Rebuilt> all = rebuilt();
    CHECK(all.size() == readable_fixtures().size());
    for (const Rebuilt& r : all) {
        CAPTURE(r.file);
        const std::filesystem::path file = std::filesystem::path(NNSHAPE_FIXTURES_DIR) / r.file;
        if (!r.numbers) {
            CHECK_THROWS_AS(io::load_keras_file(file), io::load_error);
            continue;
        }
        const Numbers read = io::load_keras_file(file).visit([](const auto& model) { return numbers_of(model); });
        CHECK(r.numbers->keras2 == read.keras2);
        CHECK(r.numbers->keras3_nested == read.keras3_nested);
        CHECK(r.numbers->params == read.params);
        CHECK(r.numbers->outputs == read.outputs);
    }
}

#endif

TEST_CASE("nnshape cpp: identifiers from Keras names that are no C++ identifiers, Keras's names kept")
{
    Graph g;
    auto in = Input(g, {.shape = {4}, .name = "input/1"});
    auto a = Dense{.units = 3, .name = "conv2d/1"}(in);
    auto b = Dense{.units = 3, .name = "conv2d_1"}(in);
    auto c = Dense{.units = 3, .name = "class"}(
        TFOpLambda{.function = OpFunction::add_operator, .name = "tf.__operators__.add_3"}({a, b}));
    const std::string header = io::model_to_cpp(Model{in, c, {.name = "3d model"}}, {.name_space = "names"});
    CHECK(contains(header, "namespace names {"));
    CHECK(contains(header, "auto input_1 = Input(g, {.batch_shape = {None, 4}, .name = \"input/1\"});"));
    CHECK(contains(header, "auto conv2d_1 = Dense{.units = 3, .name = \"conv2d/1\"}(input_1);"));
    CHECK(contains(header, "auto conv2d_1_2 = Dense{.units = 3, .name = \"conv2d_1\"}(input_1);"));
    CHECK(contains(header, "auto tf_operators_add_3 = TFOpLambda{.function = OpFunction::add_operator, .name = "
                           "\"tf.__operators__.add_3\"}({conv2d_1, conv2d_1_2});"));
    CHECK(contains(header, "auto class_2 = Dense{.units = 3, .name = \"class\"}(tf_operators_add_3);"));
    CHECK(contains(header, "constexpr Model layer_3d_model()"));
}

TEST_CASE("nnshape cpp: a model with more outputs than a Shapes holds keeps its facts in an array")
{
    Graph g;
    auto in = Input(g, {.shape = {4}});
    std::vector<Tensor> heads;
    for (int units = 1; units <= 10; ++units) heads.push_back(Dense{.units = units}(in));
    const std::string header = io::model_to_cpp(Model{in, Tensors(heads)});
    CHECK(contains(header, "    std::array<Shape, 10> outputs; // more than a Shapes holds\n"));
    CHECK(contains(header, "    const Tensors outputs = m.outputs();\n"));
    CHECK(contains(header, "static_assert(facts.output_count == 10);\n"));
    CHECK(contains(header, "static_assert(facts.outputs[9] == Shape{None, 10});\n"));
    CHECK(contains(header, "static_assert(facts.params.total() == 275);\n")); // 4u + u for u = 1..10
    const std::string eight =
        io::model_to_cpp(Model{in, Tensors(std::vector<Tensor>(heads.begin(), heads.begin() + 8))});
    CHECK(contains(eight, "    Shapes outputs;\n"));
    CHECK(contains(eight, "static_assert(facts.outputs.size() == 8);\n"));
}

TEST_CASE("nnshape cpp: a model past Clang's default constant-evaluation limit names the flags that raise it")
{
    Graph g; // 700 layer calls at up to 1,700 steps each (docs/performance.md): past 1,048,576
    auto in = Input(g, {.shape = {4}});
    Tensor x = in;
    for (int i = 0; i < 700; ++i) x = Dense{.units = 4}(x);
    const std::string header = io::model_to_cpp(Model{in, x});
    CHECK(contains(header, "more than Clang's default\n// limit of 1,048,576: compile with -fconstexpr-steps="));
    CHECK(contains(header, "-fconstexpr-ops-limit="));
    Graph small;
    auto y = Input(small, {.shape = {4}});
    CHECK(!contains(io::model_to_cpp(Model{y, Dense{.units = 4}(y)}), "-fconstexpr-steps"));
}

TEST_CASE("nnshape cpp: what it does not write")
{
    Graph g;
    auto in = Input(g, {.shape = {4}});
    const Model custom{in, CustomScale{}(in)};
    CHECK_THROWS_WITH_AS(io::model_to_cpp(custom), doctest::Contains("custom layer classes are not written"),
                         shape_error);
    const Model plain{in, Dense{.units = 2}(in)};
    const Sequential<std::dynamic_extent, Model> transfer{plain, Dense{.units = 1}}; // Keras: Sequential([base, ...])
    CHECK_THROWS_WITH_AS(io::model_to_cpp(transfer.model()), doctest::Contains("a Sequential that holds models"),
                         shape_error);
    CHECK_THROWS_WITH_AS(io::model_to_cpp(plain, {.name_space = "2d"}), doctest::Contains("is not a C++ namespace"),
                         shape_error);
}

} // namespace io_cpp_writer_test
