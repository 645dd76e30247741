// Summary styles and options: Keras 3's rich table char for char, and tf.keras's options on the
// Keras 2 table. Golden Keras 3 tables (76 columns wide, what Keras 3 prints when its output is not a
// terminal):
//  * the "Simple MNIST convnet" example (keras.io/examples/vision/mnist_convnet, as rendered by the
//    keras3 R package's copy of it, keras.posit.co), a Sequential;
//  * a published Keras 3 U-Net summary (a GitHub README's "Teacher model"), a functional model with
//    wrapped cells, cut connections and several connections per row.
#include <doctest/doctest.h>
#include <nnshape/nnshape.hpp>
#include <nnshape/summary.hpp>
#include "check.hpp"
#include "support.hpp"

#include <string>
#include <vector>

namespace unit_summary_styles_test {

using namespace nnshape;
using nnshape::test::lines;
using nnshape::test::mnist_convnet;

namespace {

const char* const mnist_keras3 = R"(Model: "sequential"
┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━┓
┃ Layer (type)                    ┃ Output Shape           ┃       Param # ┃
┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━┩
│ conv2d (Conv2D)                 │ (None, 26, 26, 32)     │           320 │
├─────────────────────────────────┼────────────────────────┼───────────────┤
│ max_pooling2d (MaxPooling2D)    │ (None, 13, 13, 32)     │             0 │
├─────────────────────────────────┼────────────────────────┼───────────────┤
│ conv2d_1 (Conv2D)               │ (None, 11, 11, 64)     │        18,496 │
├─────────────────────────────────┼────────────────────────┼───────────────┤
│ max_pooling2d_1 (MaxPooling2D)  │ (None, 5, 5, 64)       │             0 │
├─────────────────────────────────┼────────────────────────┼───────────────┤
│ flatten (Flatten)               │ (None, 1600)           │             0 │
├─────────────────────────────────┼────────────────────────┼───────────────┤
│ dropout (Dropout)               │ (None, 1600)           │             0 │
├─────────────────────────────────┼────────────────────────┼───────────────┤
│ dense (Dense)                   │ (None, 10)             │        16,010 │
└─────────────────────────────────┴────────────────────────┴───────────────┘
 Total params: 34,826 (136.04 KB)
 Trainable params: 34,826 (136.04 KB)
 Non-trainable params: 0 (0.00 B)
)";

const char* const unet_keras3 = R"(┏━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━┓
┃ Layer (type)        ┃ Output Shape      ┃    Param # ┃ Connected to      ┃
┡━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━┩
│ input_layer         │ (None, 128, 128,  │          0 │ -                 │
│ (InputLayer)        │ 3)                │            │                   │
├─────────────────────┼───────────────────┼────────────┼───────────────────┤
│ conv2d (Conv2D)     │ (None, 128, 128,  │        896 │ input_layer[0][0] │
│                     │ 32)               │            │                   │
├─────────────────────┼───────────────────┼────────────┼───────────────────┤
│ conv2d_1 (Conv2D)   │ (None, 128, 128,  │      9,248 │ conv2d[0][0]      │
│                     │ 32)               │            │                   │
├─────────────────────┼───────────────────┼────────────┼───────────────────┤
│ max_pooling2d       │ (None, 64, 64,    │          0 │ conv2d_1[0][0]    │
│ (MaxPooling2D)      │ 32)               │            │                   │
├─────────────────────┼───────────────────┼────────────┼───────────────────┤
│ conv2d_2 (Conv2D)   │ (None, 64, 64,    │     18,496 │ max_pooling2d[0]… │
│                     │ 64)               │            │                   │
├─────────────────────┼───────────────────┼────────────┼───────────────────┤
│ conv2d_3 (Conv2D)   │ (None, 64, 64,    │     36,928 │ conv2d_2[0][0]    │
│                     │ 64)               │            │                   │
├─────────────────────┼───────────────────┼────────────┼───────────────────┤
│ max_pooling2d_1     │ (None, 32, 32,    │          0 │ conv2d_3[0][0]    │
│ (MaxPooling2D)      │ 64)               │            │                   │
├─────────────────────┼───────────────────┼────────────┼───────────────────┤
│ conv2d_4 (Conv2D)   │ (None, 32, 32,    │     73,856 │ max_pooling2d_1[… │
│                     │ 128)              │            │                   │
├─────────────────────┼───────────────────┼────────────┼───────────────────┤
│ conv2d_5 (Conv2D)   │ (None, 32, 32,    │    147,584 │ conv2d_4[0][0]    │
│                     │ 128)              │            │                   │
├─────────────────────┼───────────────────┼────────────┼───────────────────┤
│ max_pooling2d_2     │ (None, 16, 16,    │          0 │ conv2d_5[0][0]    │
│ (MaxPooling2D)      │ 128)              │            │                   │
├─────────────────────┼───────────────────┼────────────┼───────────────────┤
│ conv2d_6 (Conv2D)   │ (None, 16, 16,    │    295,168 │ max_pooling2d_2[… │
│                     │ 256)              │            │                   │
├─────────────────────┼───────────────────┼────────────┼───────────────────┤
│ conv2d_7 (Conv2D)   │ (None, 16, 16,    │    590,080 │ conv2d_6[0][0]    │
│                     │ 256)              │            │                   │
├─────────────────────┼───────────────────┼────────────┼───────────────────┤
│ conv2d_transpose    │ (None, 32, 32,    │    131,200 │ conv2d_7[0][0]    │
│ (Conv2DTranspose)   │ 128)              │            │                   │
├─────────────────────┼───────────────────┼────────────┼───────────────────┤
│ concatenate         │ (None, 32, 32,    │          0 │ conv2d_transpose… │
│ (Concatenate)       │ 256)              │            │ conv2d_5[0][0]    │
├─────────────────────┼───────────────────┼────────────┼───────────────────┤
│ conv2d_8 (Conv2D)   │ (None, 32, 32,    │    295,040 │ concatenate[0][0] │
│                     │ 128)              │            │                   │
├─────────────────────┼───────────────────┼────────────┼───────────────────┤
│ conv2d_9 (Conv2D)   │ (None, 32, 32,    │    147,584 │ conv2d_8[0][0]    │
│                     │ 128)              │            │                   │
├─────────────────────┼───────────────────┼────────────┼───────────────────┤
│ conv2d_transpose_1  │ (None, 64, 64,    │     32,832 │ conv2d_9[0][0]    │
│ (Conv2DTranspose)   │ 64)               │            │                   │
├─────────────────────┼───────────────────┼────────────┼───────────────────┤
│ concatenate_1       │ (None, 64, 64,    │          0 │ conv2d_transpose… │
│ (Concatenate)       │ 128)              │            │ conv2d_3[0][0]    │
├─────────────────────┼───────────────────┼────────────┼───────────────────┤
│ conv2d_10 (Conv2D)  │ (None, 64, 64,    │     73,792 │ concatenate_1[0]… │
│                     │ 64)               │            │                   │
├─────────────────────┼───────────────────┼────────────┼───────────────────┤
│ conv2d_11 (Conv2D)  │ (None, 64, 64,    │     36,928 │ conv2d_10[0][0]   │
│                     │ 64)               │            │                   │
├─────────────────────┼───────────────────┼────────────┼───────────────────┤
│ conv2d_transpose_2  │ (None, 128, 128,  │      8,224 │ conv2d_11[0][0]   │
│ (Conv2DTranspose)   │ 32)               │            │                   │
├─────────────────────┼───────────────────┼────────────┼───────────────────┤
│ concatenate_2       │ (None, 128, 128,  │          0 │ conv2d_transpose… │
│ (Concatenate)       │ 64)               │            │ conv2d_1[0][0]    │
├─────────────────────┼───────────────────┼────────────┼───────────────────┤
│ conv2d_12 (Conv2D)  │ (None, 128, 128,  │     18,464 │ concatenate_2[0]… │
│                     │ 32)               │            │                   │
├─────────────────────┼───────────────────┼────────────┼───────────────────┤
│ conv2d_13 (Conv2D)  │ (None, 128, 128,  │      9,248 │ conv2d_12[0][0]   │
│                     │ 32)               │            │                   │
├─────────────────────┼───────────────────┼────────────┼───────────────────┤
│ conv2d_14 (Conv2D)  │ (None, 128, 128,  │         99 │ conv2d_13[0][0]   │
│                     │ 3)                │            │                   │
└─────────────────────┴───────────────────┴────────────┴───────────────────┘
 Total params: 1,925,667 (7.35 MB)
 Trainable params: 1,925,667 (7.35 MB)
 Non-trainable params: 0 (0.00 B)
)";

std::string unet_summary()
{
    Graph g;
    const auto conv = [](std::int64_t filters, std::int64_t kernel = 3) {
        return Conv2D{.filters = filters, .kernel_size = kernel, .padding = same};
    };
    const auto up = [](std::int64_t filters) {
        return Conv2DTranspose{.filters = filters, .kernel_size = 2, .strides = 2};
    };
    auto in = Input(g, {.shape = Shape{128, 128, 3}});
    auto c1 = conv(32)(conv(32)(in));
    auto c2 = conv(64)(conv(64)(MaxPooling2D{}(c1)));
    auto c3 = conv(128)(conv(128)(MaxPooling2D{}(c2)));
    auto c4 = conv(256)(conv(256)(MaxPooling2D{}(c3)));
    auto u3 = conv(128)(conv(128)(Concatenate{}({up(128)(c4), c3})));
    auto u2 = conv(64)(conv(64)(Concatenate{}({up(64)(u3), c2})));
    auto u1 = conv(32)(conv(32)(Concatenate{}({up(32)(u2), c1})));
    const Model m{in, conv(3, 1)(u1)};
    const std::string text = summary(m, {.style = SummaryStyle::keras3});
    return text.substr(text.find('\n') + 1); // the published copy starts at the table
}

} // namespace

TEST_CASE("Keras 3 style: the MNIST convnet table, memory sizes in the totals")
{
    CHECK(summary(mnist_convnet(), {.style = SummaryStyle::keras3}) == mnist_keras3);
}

TEST_CASE("Keras 3 style: a functional U-Net with wrapped shapes and cut connections")
{
    CHECK(unet_summary() == unet_keras3);
}

TEST_CASE("Keras 3 style: rich's column widths for other line lengths")
{
    // Keras: widths int(p * L) - previous; rich adds 1 space each side and takes the excess over
    // L - borders back in equal parts, halves rounded to even (Python's round).
    CHECK(detail::keras3_widths({.45, .8, 1.}, 76) == std::vector<std::size_t>{33, 24, 15});
    CHECK(detail::keras3_widths({.3, .56, .74, 1.}, 76) == std::vector<std::size_t>{21, 19, 12, 19});
    CHECK_THROWS_WITH_AS(detail::keras3_widths({.45, .8, 1.}, 8), doctest::Contains("Insufficient console width"),
                         shape_error);
}

TEST_CASE("show_trainable: tf.keras's Trainable column, 11 characters wider")
{
    Sequential<> m;
    m.add(Dense{.units = 4, .name = "frozen", .trainable = false, .input_shape = Shape{3}});
    m.add(Dense{.units = 2, .name = "free"});
    const std::vector<std::string> all = lines(summary(m, {.show_trainable = true}));
    CHECK(all[0].size() == 65 + 11);
    CHECK(all[1].find("Trainable") == 65);
    CHECK(all[3].starts_with("frozen (Dense)"));
    CHECK(all[3].substr(65, 1) == "N");
    CHECK(all[5].substr(65, 1) == "Y");
    CHECK(all[8] == "Trainable params: 10");
    CHECK(all[9] == "Non-trainable params: 16");
}

TEST_CASE("expand_nested and layer_range")
{
    Graph g;
    auto inner_in = Input(g, {.shape = {4}, .name = "inner_in"});
    const Model inner{inner_in, Dense{.units = 2, .name = "inner_dense"}(inner_in), {.name = "inner"}};
    auto x = Input(g, {.shape = {4}, .name = "x"});
    const Model outer{x, Dense{.units = 1, .name = "head"}(inner(x))};
    const std::string expanded = summary(outer, {.expand_nested = true});
    CHECK(expanded.find("   \u2514 inner_dense (Dense)") != std::string::npos); // Keras 3's nested prefix
    CHECK(expanded.find("   \u2514 inner_in (InputLayer)") != std::string::npos);
    CHECK(summary(outer).find("inner_dense") == std::string::npos);

    const std::string ranged = summary(outer, {.layer_range = std::array<std::string, 2>{"inn", "inner"}});
    CHECK(ranged.find("inner (Model)") != std::string::npos);
    CHECK(ranged.find("head (Dense)") == std::string::npos);
    CHECK(ranged.find("x (InputLayer)") == std::string::npos);
    CHECK(ranged.find("Total params: 13") != std::string::npos); // totals stay the model's: 10 + 3
    CHECK_THROWS_WITH_AS(summary(outer, {.layer_range = std::array<std::string, 2>{"nope", "head"}}),
                         doctest::Contains("Passed layer_names do not match"), shape_error);
}

TEST_CASE("shapes_per_call: one output shape per call instead of Keras 2's `multiple`")
{
    Graph g;
    auto a = Input(g, {.shape = {4}, .name = "a"});
    auto b = Input(g, {.shape = {6}, .name = "b"});
    auto inner_in = Input(g, {.shape = {None}, .name = "v"});
    const Model scale{inner_in, Rescaling{.scale = 2}(inner_in), {.name = "scale"}};
    const Model m{{a, b}, Concatenate{}({scale(a), scale(b)})};
    CHECK(summary(m).find("scale (Model)                   multiple") != std::string::npos);
    const std::string per_call = summary(m, {.shapes_per_call = true});
    CHECK(per_call.find("scale (Model)                   (None, 4)") != std::string::npos);
    CHECK(per_call.find("                                (None, 6)") != std::string::npos);
    // With extra columns the table is no longer Keras's: no `multiple` there either.
    const std::string columns = summary(m, {.columns = {SummaryColumn::param_percent}});
    CHECK(columns.find("multiple") == std::string::npos);
    CHECK(columns.find("(None, 6)") != std::string::npos);
}

TEST_CASE("extra columns and torchinfo's footer (keras2 style)")
{
    const std::string text =
        summary(mnist_convnet(), {.columns = {SummaryColumn::input_shape, SummaryColumn::kernel_size,
                                              SummaryColumn::param_percent, SummaryColumn::activation_bytes}});
    const std::vector<std::string> all = lines(text);
    CHECK(all[1].find("Input Shape") != std::string::npos);
    CHECK(all[1].find("Kernel Size") != std::string::npos);
    // conv2d: kernel (3, 3); 320 of 34,826 weights = 0.92 %; output 26*26*32*4 = 86,528 bytes.
    const std::string conv = all[5];
    CHECK(conv.find("(None, 28, 28, 1)") != std::string::npos);
    CHECK(conv.find("(3, 3)") != std::string::npos);
    CHECK(conv.find("0.92%") != std::string::npos);
    CHECK(conv.find("86,528") != std::string::npos);
    // Input 3,136 B; forward pass 161,512 B (every tensor, docs/conventions.md); params 139,304 B.
    CHECK(text.find("Input size (MB): 0.00\n") != std::string::npos);
    CHECK(text.find("Forward pass size (MB): 0.16\n") != std::string::npos);
    CHECK(text.find("Params size (MB): 0.14\n") != std::string::npos);
    CHECK(text.find("Estimated total size (MB): 0.30\n") != std::string::npos);
}

namespace {

// The summary as a value, in a constant evaluation: rows, shapes per call, connections, totals.
constexpr bool report_value()
{
    Graph g;
    auto x = Input(g, {.shape = Shape{4}});
    auto d = g.add(Dense{.units = 4});
    const Model m{x, d(d(x))};
    const Report r = report(m);
    FACT(r.rows.size() == 2);
    FACT(r.rows[1].name == "dense_1");
    FACT(r.rows[1].output_shapes.size() == 2);
    FACT(r.rows[1].connections.size() == 2);
    FACT(r.rows[1].connections[1].layer == "dense_1");
    FACT(r.rows[1].connections[1].node_index == 0);
    FACT(r.params.total() == 20);
    FACT(!r.sequential_like);
    FACT(r.cost.macs == Dim(2 * 16));
    FACT(r.rows[1].activation_bytes == Dim(2 * 16));
    return true;
}
static_assert(report_value());

} // namespace

TEST_CASE("report: the summary as a value, at run time as at compile time") { CHECK(report_value()); }

// Two reports of one model: the rows agree on their names, output shapes and weights, and `check_row`
// says how the second's rows differ.
template <class RowCheck>
void check_same_rows(const Report& full, const Report& plain, RowCheck check_row)
{
    REQUIRE(plain.rows.size() == full.rows.size());
    for (std::size_t i = 0; i < full.rows.size(); ++i) {
        CAPTURE(i);
        CHECK(plain.rows[i].name == full.rows[i].name);
        CHECK(plain.rows[i].output_shapes == full.rows[i].output_shapes);
        CHECK(plain.rows[i].params == full.rows[i].params);
        check_row(full.rows[i], plain.rows[i]);
    }
    CHECK(plain.params == full.params);
}

// What a plain summary asks for: the rows and totals of a full report, with the analyses None, never 0.
void check_same_rows_without_costs(const Report& full, const Report& plain)
{
    check_same_rows(full, plain, [](const ReportRow& full_row, const ReportRow& row) {
        CHECK(full_row.macs.known());
        CHECK_FALSE(row.macs.known());
        CHECK_FALSE(row.flops.known());
        CHECK_FALSE(row.activation_bytes.known());
    });
    CHECK(full.cost.macs.known());
    CHECK_FALSE(plain.cost.macs.known());
    CHECK_FALSE(plain.cost.flops.known());
    CHECK_FALSE(plain.activations.total.known());
}

TEST_CASE("report without the analyses (costs = false): the same rows, MACs, FLOPs and bytes None")
{
    const auto sequential = mnist_convnet();
    check_same_rows_without_costs(report(sequential), report(sequential, {.costs = false}));

    Graph g;
    auto x = Input(g, {.shape = Shape{4}});
    auto d = g.add(Dense{.units = 4});
    const Model m{x, d(d(x))};
    check_same_rows_without_costs(report(m), report(m, {.costs = false}));
}

// What a summary of a sequential-like model asks for: the rows, output shapes and weights of a full report,
// without the inbound side (input shapes, connections) or Keras's layer.input_shape / output_shape.
void check_same_rows_without_inputs(const Report& full, const Report& plain)
{
    check_same_rows(full, plain, [](const ReportRow& full_row, const ReportRow& row) {
        CHECK(row.input_shapes.empty());
        CHECK(row.connections.empty());
        CHECK_FALSE(row.layer_input_shapes.has_value());
        CHECK_FALSE(row.layer_output_shapes.has_value());
        CHECK(full_row.layer_output_shapes.has_value());
    });
}

TEST_CASE("report without the inbound side and layer shapes (inputs, layer_shapes = false): the same rows and "
          "output shapes, no input shapes or connections")
{
    const auto sequential = mnist_convnet();
    const Report full = report(sequential);
    REQUIRE(full.rows[1].connections.size() == 1); // so that the empty list below is the option's doing
    check_same_rows_without_inputs(full, report(sequential, {.inputs = false, .layer_shapes = false}));

    Graph g;
    auto x = Input(g, {.shape = Shape{4}});
    auto a = Dense{.units = 4}(x);
    const Model m{x, Add{}({a, Dense{.units = 4}(a)})};
    const Report functional = report(m);
    REQUIRE(functional.rows.back().connections.size() == 2);
    check_same_rows_without_inputs(functional, report(m, {.inputs = false, .layer_shapes = false}));
}

} // namespace unit_summary_styles_test
