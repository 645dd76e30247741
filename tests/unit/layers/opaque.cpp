// OpaqueLayer (layers/opaque.hpp) in models, summaries and reports. The model is the custom-layer model
// of tests/fixtures/keras/generate_files.py: Input (10, 64) -> AttentionLayer (stored weights W (64, 64)
// and b (64,): 4,160; output (None, 64), its consumer's build_config input shape) -> Dense(10) (Keras:
// 64 * 10 + 10 = 650).
#include <doctest/doctest.h>
#include <nnshape/export.hpp>
#include <nnshape/nnshape.hpp>
#include <nnshape/summary.hpp>

#include "../check.hpp"

#include <string>

namespace unit_layers_opaque_test {

namespace {
using namespace nnshape;

constexpr OpaqueLayer attention_layer(bool trainable = true)
{
    return {.keras_class = "AttentionLayer",
            .outputs = {Shape{None, 64}},
            .weights = {4160},
            .name = "attention",
            .trainable = trainable};
}

constexpr Model attention_model(Graph& g, bool trainable = true)
{
    const Tensor x = Input(g, {.shape = Shape{10, 64}, .name = "tokens"});
    const Tensors y = attention_layer(trainable)(x);
    return Model(x, Dense{.units = 10, .name = "dense"}(y));
}

constexpr bool test_in_a_model()
{
    Graph g;
    const Model m = attention_model(g);
    FACT(m.output_shapes()[0] == Shape{None, 10});
    FACT(m.params() == Params{4810});
    Graph frozen;
    FACT(attention_model(frozen, false).params() == (Params{650, 4160}));
    // Its cost is unknown, as a user's layer without a cost rule: the model's total is too.
    FACT(!cost(m).total.macs.known());
    return true;
}
static_assert(test_in_a_model());

constexpr bool test_in_a_sequential()
{
    const Sequential s{InputLayer{.shape = Shape{10, 64}}, attention_layer(), Dense{.units = 10}};
    FACT(s.output_shape() == Shape{None, 10});
    FACT(s.params() == Params{4810});
    return true;
}
static_assert(test_in_a_sequential());

constexpr bool test_report_row()
{
    Graph g;
    const Report r = report(attention_model(g));
    FACT(r.rows[1].class_name == "AttentionLayer");
    FACT(r.rows[1].from_file);
    FACT(!r.rows[2].from_file);
    return true;
}
static_assert(test_report_row());

// The report owns the class name: it outlives the model and the Graph it came from.
Report report_of_a_dead_model()
{
    Graph g;
    return report(attention_model(g));
}

} // namespace

TEST_CASE("OpaqueLayer: in models, at run time")
{
    CHECK(test_in_a_model());
    CHECK(test_in_a_sequential());
    CHECK(test_report_row());
    const Report r = report_of_a_dead_model();
    CHECK(r.rows[1].class_name.view() == "AttentionLayer");
}

TEST_CASE("OpaqueLayer: every summary style shows the Keras class, marked (from file)")
{
    Graph g;
    const Model m = attention_model(g);
    for (const auto& style : summary_styles) {
        CAPTURE(style.name);
        const std::string text = summary(m, {.style = style.value});
        CHECK(text.find("attention (AttentionLayer)") != std::string::npos);
        CHECK(text.find("OpaqueLayer") == std::string::npos);
        CHECK(text.find("(from file): shapes and weights the model file states for a class nnshape does not know: "
                        "attention (AttentionLayer)\n") != std::string::npos);
        // 4,810; tf.keras 2.13 prints 4810 (18.79 KB).
        CHECK((text.find("Total params: 4,810") != std::string::npos ||
               text.find("Total params: 4810 (") != std::string::npos));
    }
    // The wide flops table keeps the mark in the row.
    CHECK(flops_table(report(m)).find("attention (AttentionLayer) (from file)") != std::string::npos);
    // No OpaqueLayer, no note.
    CHECK(summary(Sequential{Dense{.units = 2, .input_shape = Shape{3}}}).find("(from file)") == std::string::npos);
}

TEST_CASE("OpaqueLayer: the JSON and CSV reports carry from_file")
{
    Graph g;
    const Report r = report(attention_model(g), {.naming = keras3});
    const std::string json = to_json(r);
    CHECK(json.find("{\"name\":\"attention\",\"class_name\":\"AttentionLayer\",\"depth\":0,\"is_model\":false,"
                    "\"trainable\":true,\"from_file\":true,\"params\":4160,") != std::string::npos);
    CHECK(json.find("\"class_name\":\"Dense\",\"depth\":0,\"is_model\":false,\"trainable\":true,\"from_file\":false") !=
          std::string::npos);
    const std::string csv = to_csv(r);
    CHECK(csv.starts_with("name,class_name,"));
    CHECK(csv.find(",activation_bytes,from_file\n") != std::string::npos);
    CHECK(csv.find("\nattention,AttentionLayer,0,\"(None, 10, 64)\",\"(None, 64)\",4160,4160,0,true,,,") !=
          std::string::npos);
    CHECK(csv.find(",true\ndense,Dense,") != std::string::npos); // the attention row's from_file
}

TEST_CASE("OpaqueLayer: what it needs stated")
{
    const Shape in{None, 3};
    CHECK_THROWS_WITH_AS((OpaqueLayer{.outputs = {Shape{None, 2}}}.output_shapes({&in, 1})),
                         "OpaqueLayer: needs keras_class, the Keras class it stands for", shape_error);
    CHECK_THROWS_WITH_AS((OpaqueLayer{.keras_class = "KerasLayer"}.output_shapes({&in, 1})),
                         "OpaqueLayer: needs its output shapes (outputs)", shape_error);
    CHECK_THROWS_WITH_AS(
        (OpaqueLayer{.keras_class = "KerasLayer", .outputs = {Shape{None, 2}}, .weights = {-1}}.params({&in, 1})),
        "OpaqueLayer: a weight count must be >= 0", shape_error);
}

} // namespace unit_layers_opaque_test
