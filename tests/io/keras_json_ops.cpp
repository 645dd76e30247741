// The Keras JSON reader's operations on tensors (io/keras_json/operations.hpp): tf.keras's TFOpLambda
// and SlicingOpLambda, TF 2.2's TensorFlowOpLayer and Keras 3's operations, read as nnshape's
// TFOpLambda. Fixtures: tests/fixtures/keras/write_op_fixtures.py, which says where each form comes
// from in Keras's sources. Expected shapes: Keras's rules (NumPy's broadcasting, reshape, slicing) by
// hand, as each check says; the timeseries Transformer's numbers are its published tf.keras summary.
#include <doctest/doctest.h>
#include <nnshape/io/keras_json.hpp>
#include "load_error.hpp"
#include <nnshape/report.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace io_keras_json_ops_test {

namespace {
using namespace nnshape;
using nnshape::io::LoadedModel;
using nnshape::test::load_error_of;

Model fixture(std::string_view name)
{
    return *io::load_keras_json_file(std::filesystem::path(NNSHAPE_FIXTURES_DIR) / name).model();
}

const ReportRow& row(const Report& r, std::string_view name)
{
    for (const ReportRow& x : r.rows)
        if (x.name.view() == name) return x;
    FAIL("no row named " << name);
    return r.rows[0];
}

// Each operation's row: class, output shape, no weights.
void check_op(const Report& r, std::string_view name, std::string_view class_name, const Shape& shape)
{
    INFO(name);
    const ReportRow& x = row(r, name);
    CHECK(x.class_name == class_name);
    CHECK(x.output_shapes[0][0] == shape);
    CHECK(x.params.total() == 0);
}

// The fixtures' model, by Keras's rules: input (None, 8, 6); `input + dense` (None, 8, 6);
// reshape to (-1, 12, 4): 48 = 12 * 4, so (None, 12, 4); `[:, 0]` drops axis 1: (None, 4); mean over
// axis 1 keeping it: (None, 1, 4); times a (1, 4) constant: broadcast, (None, 1, 4); 1.0 minus it, the
// same; squeeze axis 1: (None, 4); concatenated with the slice on the last axis: (None, 8); Dense(3),
// softmax. Weights: Dense(6) on 6 features 42, Dense(3) on 8 features 27.
constexpr std::array<std::string_view, 9> op_classes_keras3{"Add",      "Reshape", "GetItem",     "Mean",   "Multiply",
                                                            "Subtract", "Squeeze", "Concatenate", "Softmax"};
const std::array<Shape, 9> op_shapes{Shape{None, 8, 6}, Shape{None, 12, 4}, Shape{None, 4},
                                     Shape{None, 1, 4}, Shape{None, 1, 4},  Shape{None, 1, 4},
                                     Shape{None, 4},    Shape{None, 8},     Shape{None, 3}};

} // namespace

TEST_CASE("tf.keras: TFOpLambda and SlicingOpLambda read with their inbound nodes' arguments")
{
    const Model m = fixture("ops_tf_keras.json");
    CHECK(m.count_params() == 69);
    CHECK(m.output_shape() == Shape{None, 3});
    const std::array<std::string_view, 9> names{"tf.__operators__.add", "tf.reshape",       "tf.__operators__.getitem",
                                                "tf.math.reduce_mean",  "tf.math.multiply", "tf.math.subtract",
                                                "tf.compat.v1.squeeze", "tf.concat",        "tf.nn.softmax"};
    const Report keras2_rows = report(m, {.naming = keras2});
    const Report keras3_rows = report(m, {.naming = keras3});
    for (std::size_t i = 0; i < names.size(); ++i) {
        // tf.keras's class (tf_op_layer.py), SlicingOpLambda for getitem; Keras 3's operation class.
        check_op(keras2_rows, names[i], i == 2 ? "SlicingOpLambda" : "TFOpLambda", op_shapes[i]);
        check_op(keras3_rows, names[i], op_classes_keras3[i], op_shapes[i]);
    }
    // The second operand of `x + y` is an input of the call: the row is connected to both.
    const ReportRow& add = row(keras2_rows, "tf.__operators__.add");
    REQUIRE(add.connections.size() == 2);
    CHECK(add.connections[0].layer.view() == std::string_view("input_1"));
    CHECK(add.connections[1].layer.view() == std::string_view("dense"));
    CHECK(row(keras2_rows, "tf.math.subtract").connections.size() == 1); // 1.0 - x: a constant first argument
}

TEST_CASE("Keras 3: operations in a functional config, their arguments in their config and node args")
{
    const Model m = fixture("ops_keras3.json");
    CHECK(m.count_params() == 69);
    const std::array<std::string_view, 9> names{"add",      "reshape", "get_item",    "mean",   "multiply",
                                                "subtract", "squeeze", "concatenate", "softmax"};
    const Report r = report(m, {.naming = keras3});
    for (std::size_t i = 0; i < names.size(); ++i) check_op(r, names[i], op_classes_keras3[i], op_shapes[i]);
    CHECK(row(r, "add").connections.size() == 2);
}

TEST_CASE("TensorFlow 2.2: TensorFlowOpLayer's node_def and constants")
{
    const Model m = fixture("ops_tf22.json");
    CHECK(m.count_params() == 42);
    const Report r = report(m, {.naming = keras2});
    // The same rules as above: AddV2, Reshape (constant shape), Mean (constant axis 1, keep_dims),
    // Mul by a (1, 4) constant, Sub from 1.0 (a constant at input 0), Relu.
    check_op(r, "tf_op_layer_AddV2", "TFOpLambda", {None, 8, 6});
    check_op(r, "tf_op_layer_Reshape", "TFOpLambda", {None, 12, 4});
    check_op(r, "tf_op_layer_Mean", "TFOpLambda", {None, 1, 4});
    check_op(r, "tf_op_layer_Mul", "TFOpLambda", {None, 1, 4});
    check_op(r, "tf_op_layer_Sub", "TFOpLambda", {None, 1, 4});
    check_op(r, "tf_op_layer_Relu", "TFOpLambda", {None, 1, 4});
    CHECK(row(r, "tf_op_layer_AddV2").connections.size() == 2);
}

// keras.io, "Timeseries classification with a Transformer model", its published tf.keras summary
// (tests/unit/ops.cpp builds the same model in C++): 93,130 weights, 41 rows, `tf.__operators__.add_<k>
// (TFOpLambda)` (None, 500, 1) at rows 4, 9, 13, 18, 22, 27, 31, 36, the pooling (None, 500).
TEST_CASE("tf.keras: the timeseries Transformer's config reads back to its published summary")
{
    const Model m = fixture("timeseries_transformer_tf_keras.json");
    CHECK(m.count_params() == 93'130);
    const Report r = report(m, {.naming = keras2});
    REQUIRE(r.rows.size() == 41);
    const std::array<std::size_t, 8> add_rows{4, 9, 13, 18, 22, 27, 31, 36};
    for (std::size_t k = 0; k < add_rows.size(); ++k) {
        const ReportRow& op = r.rows[add_rows[k]];
        CHECK(std::string(op.name.view()) == "tf.__operators__.add" + (k ? "_" + std::to_string(k) : ""));
        CHECK(op.class_name == "TFOpLambda");
        CHECK(op.output_shapes[0][0] == Shape{None, 500, 1});
        CHECK(op.params.total() == 0);
    }
    CHECK(r.rows[37].output_shapes[0][0] == Shape{None, 500});
    // The summary's connections: the first add reads dropout and input_1, the second conv1d_1 and
    // the first add.
    CHECK(r.rows[4].connections[0].layer.view() == std::string_view("dropout"));
    CHECK(r.rows[4].connections[1].layer.view() == std::string_view("input_1"));
    CHECK(r.rows[9].connections[0].layer.view() == std::string_view("conv1d_1"));
    CHECK(r.rows[9].connections[1].layer.view() == std::string_view("tf.__operators__.add"));
}

namespace {

// output_layers for the layers named in `outputs`, separated by spaces: [["a", 0, 0], ["b", 0, 0]].
std::string outputs_of(std::string_view outputs)
{
    std::string list;
    for (std::size_t at = 0; at < outputs.size();) {
        const std::size_t end = std::min(outputs.find(' ', at), outputs.size());
        list += std::string(list.empty() ? "" : ", ") + "[\"" + std::string(outputs.substr(at, end - at)) + "\", 0, 0]";
        at = end + 1;
    }
    return list;
}

// A tf.keras functional model on one input "in" of shape (None, 4, 6), with the given layers; its
// outputs are the layers named in `output`, separated by spaces.
std::string tf_model(const std::string& layers, std::string_view output)
{
    return R"({"class_name": "Functional", "config": {"name": "m", "layers": [
        {"class_name": "InputLayer", "config": {"batch_input_shape": [null, 4, 6], "name": "in"}, "name": "in",
         "inbound_nodes": []},)" +
           layers + R"(], "input_layers": [["in", 0, 0]], "output_layers": [)" + outputs_of(output) + "]}}";
}

// A TFOpLambda layer called on `node` (its inbound node).
std::string tf_op(std::string_view name, std::string_view function, std::string_view node,
                  std::string_view class_name = "TFOpLambda")
{
    return R"({"class_name": ")" + std::string(class_name) + R"(", "name": ")" + std::string(name) +
           R"(", "config": {"name": ")" + std::string(name) + R"(", "function": ")" + std::string(function) +
           R"("}, "inbound_nodes": [)" + std::string(node) + "]}";
}

// A Keras 3 functional model on one input "in" of shape (None, 4, 6), its outputs as tf_model's.
std::string keras3_model(const std::string& layers, std::string_view output)
{
    return R"({"class_name": "Functional", "config": {"name": "m", "layers": [
        {"class_name": "InputLayer", "config": {"batch_shape": [null, 4, 6], "name": "in"}, "name": "in",
         "inbound_nodes": []},)" +
           layers + R"(], "input_layers": [["in", 0, 0]], "output_layers": [)" + outputs_of(output) + "]}}";
}

std::string keras3_tensor(std::string_view from)
{
    return R"({"class_name": "__keras_tensor__", "config": {"keras_history": [")" + std::string(from) + R"(", 0, 0]}})";
}

// A Keras 3 operation of module keras.src.ops.`module`, called with `args`.
std::string keras3_op(std::string_view class_name, std::string_view name, std::string_view config,
                      const std::string& args, std::string_view module = "keras.src.ops.numpy")
{
    return R"({"module": ")" + std::string(module) + R"(", "class_name": ")" + std::string(class_name) +
           R"(", "name": ")" + std::string(name) + R"(", "config": {"name": ")" + std::string(name) + "\"" +
           std::string(config) + R"(}, "inbound_nodes": [{"args": )" + args + R"(, "kwargs": {}}]})";
}

Model read(const std::string& text) { return *io::load_keras_json(text).model(); }

Shape shape_of(const Model& m, std::string_view layer)
{
    for (const LayerView& l : m.layers())
        if (l.name().view() == layer) return (*l.output_shapes())[0];
    FAIL("no layer named " << layer);
    return {};
}

} // namespace

// Each rule by hand on (None, 4, 6): NumPy's transpose, expand_dims, matmul, stack, slicing, sum and max.
TEST_CASE("tf.keras: the other operations' argument forms")
{
    const Model m = read(tf_model(
        tf_op("t", "compat.v1.transpose",
              R"(["in", 0, 0, {"perm": [0, 2, 1], "name": "transpose",
                                                  "conjugate": false}])") +
            "," + tf_op("t2", "transpose", R"(["in", 0, 0, {"perm": null}])") + "," +
            tf_op("e", "expand_dims", R"(["in", 0, 0, {"axis": 1}])") + "," +
            tf_op("s", "compat.v1.squeeze", R"(["e", 0, 0, {"squeeze_dims": [1]}])") + "," +
            tf_op("c", "cast", R"(["s", 0, 0, {"dtype": "float16"}])") + "," +
            tf_op("mm", "linalg.matmul", R"(["in", 0, 0, {"b": ["t", 0, 0]}])") + "," +
            tf_op("st", "stack", R"([["in", 0, 0, {"axis": 1}], ["c", 0, 0, {"axis": 1}]])") + "," +
            tf_op("g", "__operators__.getitem",
                  R"(["in", 0, 0, {"slice_spec": [{"class_name": "__ellipsis__"}, null]}])", "SlicingOpLambda") +
            "," +
            tf_op("g2", "__operators__.getitem",
                  R"(["in", 0, 0, {"slice_spec": [{"start": null, "stop": null, "step": null},
                                                      {"start": 1, "stop": null, "step": 2}]}])",
                  "SlicingOpLambda") +
            "," + tf_op("sum", "math.reduce_sum", R"(["in", 0, 0, {"axis": null}])") + "," +
            tf_op("max", "math.reduce_max", R"(["in", 0, 0, {"axis": [1, 2]}])") + "," +
            tf_op("r", "nn.relu", R"(["in", 0, 0, {"name": null}])") + "," +
            tf_op("sg", "math.sigmoid", R"(["r", 0, 0, {}])") + "," + tf_op("th", "math.tanh", R"(["sg", 0, 0, {}])") +
            "," + tf_op("ad", "math.add", R"(["th", 0, 0, {"y": 1}])"),
        "t2 st g g2 sum max mm ad"));
    CHECK(shape_of(m, "t") == Shape{None, 6, 4});
    CHECK(shape_of(m, "t2") == Shape{6, 4, None}); // perm None reverses the axes
    CHECK(shape_of(m, "e") == Shape{None, 1, 4, 6});
    CHECK(shape_of(m, "s") == Shape{None, 4, 6});
    CHECK(shape_of(m, "c") == Shape{None, 4, 6});
    CHECK(shape_of(m, "mm") == Shape{None, 4, 4}); // (4, 6) @ (6, 4)
    CHECK(shape_of(m, "st") == Shape{None, 2, 4, 6});
    CHECK(shape_of(m, "g") == Shape{None, 4, 6, 1}); // x[..., None]
    CHECK(shape_of(m, "g2") == Shape{None, 2, 6}); // x[:, 1::2]: len(range(1, 4, 2))
    CHECK(shape_of(m, "sum") == Shape{});
    CHECK(shape_of(m, "max") == Shape{None});
    CHECK(m.output_shapes()[m.output_shapes().size() - 1] == Shape{None, 4, 6});
}

TEST_CASE("Keras 3: the other operations' argument forms, Keras 3.0's module and new_shape")
{
    const std::string x = keras3_tensor("in");
    const Model m = read(keras3_model(
        keras3_op("Transpose", "transpose", R"(, "axes": [0, 2, 1])", "[" + x + "]") + "," +
            keras3_op("ExpandDims", "expand_dims", R"(, "axis": 1)", "[" + x + "]") + "," +
            keras3_op("Reshape", "reshape", R"(, "new_shape": [-1, 24])", "[" + x + "]", "keras.ops.numpy") + "," +
            keras3_op("Matmul", "matmul", "", "[" + x + ", " + keras3_tensor("transpose") + "]") + "," +
            keras3_op("Stack", "stack", R"(, "axis": 1)", "[[" + x + ", " + x + "]]") + "," +
            keras3_op("GetItem", "get_item", "",
                      "[" + x + R"(, [{"class_name": "__ellipsis__", "config": {}}, null]])") +
            "," + keras3_op("Sum", "sum", R"(, "axis": null, "keepdims": false)", "[" + x + "]") + "," +
            keras3_op("Max", "max", R"(, "axis": [1, 2], "keepdims": true, "initial": null)", "[" + x + "]") + "," +
            keras3_op("Cast", "cast", R"(, "dtype": "float16")", "[" + x + "]", "keras.src.ops.core") + "," +
            keras3_op("Relu", "relu", "", "[" + keras3_tensor("cast") + "]", "keras.src.ops.nn") + "," +
            keras3_op("Tanh", "tanh", "", "[" + keras3_tensor("relu") + "]") + "," +
            keras3_op("Sigmoid", "sigmoid", "", "[" + keras3_tensor("tanh") + "]", "keras.src.ops.nn") + "," +
            keras3_op(
                "Maximum", "maximum", "",
                "[" + keras3_tensor("sigmoid") +
                    R"(, {"class_name": "__tensor__", "config": {"value": [1, 2, 3, 4, 5, 6], "dtype": "int32"}}])"),
        "expand_dims reshape matmul stack get_item sum max maximum"));
    CHECK(shape_of(m, "transpose") == Shape{None, 6, 4});
    CHECK(shape_of(m, "expand_dims") == Shape{None, 1, 4, 6});
    CHECK(shape_of(m, "reshape") == Shape{None, 24});
    CHECK(shape_of(m, "matmul") == Shape{None, 4, 4});
    CHECK(shape_of(m, "stack") == Shape{None, 2, 4, 6});
    CHECK(shape_of(m, "get_item") == Shape{None, 4, 6, 1});
    CHECK(shape_of(m, "sum") == Shape{});
    CHECK(shape_of(m, "max") == Shape{None, 1, 1});
    CHECK(m.output_shapes()[m.output_shapes().size() - 1] ==
          Shape{None, 4, 6}); // a (6,) constant broadcasts along the last axis
}

namespace {

// The error for a tf.keras model whose only layer after the input is `layer`, named "op".
std::string tf_error(const std::string& layer) { return load_error_of(tf_model(layer, "op")); }
std::string keras3_error(const std::string& layer) { return load_error_of(keras3_model(layer, "op")); }

bool has(const std::string& message, std::string_view part)
{
    INFO(message);
    return message.find(part) != std::string::npos;
}

} // namespace

TEST_CASE("operation errors: an op nnshape does not know, named")
{
    const std::string unknown = tf_error(tf_op("op", "math.floor", R"(["in", 0, 0, {"name": null}])"));
    CHECK(
        unknown ==
        "keras_json: layer \"op\" (TFOpLambda) at layers[1].inbound_nodes[0]: config key \"function\": the TF function "
        "\"math.floor\" is not one of the operations nnshape models");
    CHECK(has(keras3_error(keras3_op("Floor", "op", "", "[" + keras3_tensor("in") + "]")),
              "the Keras 3 operation Floor (keras.src.ops.numpy) is not one of the operations nnshape models"));
    const std::string tf22 = R"({"class_name": "TensorFlowOpLayer", "name": "op", "config": {"name": "StridedSlice",
        "node_def": {"name": "StridedSlice", "op": "StridedSlice"}, "constants": {}}, "inbound_nodes": [[["in", 0, 0, {}]]]})";
    CHECK(has(tf_error(tf22), "the TensorFlow op \"StridedSlice\" is not one of the operations nnshape models"));
    CHECK(has(tf_error(R"({"class_name": "TensorFlowOpLayer", "name": "op", "config": {"name": "x"},
        "inbound_nodes": [[["in", 0, 0, {}]]]})"),
              "a TensorFlowOpLayer needs config.node_def.op"));
}

TEST_CASE("operation errors: arguments, constants and nodes")
{
    // The place: the layer and its inbound node.
    CHECK(tf_error(tf_op("op", "reshape", R"(["in", 0, 0, {"name": null}])")) ==
          "keras_json: layer \"op\" (TFOpLambda) at layers[1].inbound_nodes[0]: the operation needs the call "
          "argument \"shape\"");
    CHECK(has(tf_error(tf_op("op", "math.add", R"(["in", 0, 0, {"name": null}])")),
              "the operation needs the call argument \"y\""));
    CHECK(has(tf_error(tf_op("op", "reshape", R"(["in", 0, 0, {"shape": ["in", 0, 0]}])")),
              "the operation takes a tensor as argument \"shape\", which nnshape does not read"));
    CHECK(has(tf_error(tf_op("op", "expand_dims", R"(["in", 0, 0, {"axis": "one"}])")),
              "call argument \"axis\": expected an int or a list of ints, got a string"));
    CHECK(has(tf_error(tf_op("op", "reshape", R"(["_CONSTANT_VALUE", -1, [1, 2], {"shape": [2]}])")),
              "the operation is called on a constant, not on a tensor"));
    CHECK(has(tf_error(tf_op("op", "reshape", R"({"args": []})")), "an operation's inbound node must be a list"));
    CHECK(has(tf_error(tf_op("op", "nn.relu", R"([["in", 0]])")),
              "an operation's input must be [layer_name, node_index, tensor_index, kwargs]"));
    CHECK(has(tf_error(tf_op("op", "linalg.matmul", R"(["in", 0, 0, {"b": ["in", 0, 0], "transpose_a": true}])")),
              "tf.linalg.matmul's transpose_a is not modelled by nnshape"));
    // The shape rules' own errors, after the place (layers/ops.hpp).
    CHECK(has(tf_error(tf_op("op", "reshape", R"(["in", 0, 0, {"shape": [-1, -1]}])")),
              "layer \"op\" (TFOpLambda) at layers[1].inbound_nodes[0]: TFOpLambda layer \"op\" with input shape "
              "(None, 4, 6): ops: There must be at most one unknown dimension (-1) in `newshape`."));
    CHECK(has(tf_error(tf_op("op", "math.reduce_mean", R"(["in", 0, 0, {"axis": 3}])")), "ops: axis is out of bounds"));
    CHECK(has(tf_error(tf_op("op", "nn.softmax", R"(["in", 0, 0, {"axis": 3}])")),
              "(None, 4, 6): Axis is out of bounds for input shape")); // the Softmax layer's rule
    // Constants.
    CHECK(has(tf_error(tf_op("op", "math.multiply", R"(["in", 0, 0, {"y": [[1, 2], [3]]}])")),
              "a constant operand's nested lists must all have the same length at each depth"));
    CHECK(has(tf_error(tf_op("op", "math.multiply", R"(["in", 0, 0, {"y": "two"}])")),
              "a constant operand must be a number or a list of numbers, got a string"));
    CHECK(has(tf_error(tf_op("op", "math.multiply", R"(["in", 0, 0, {"y": [[[[[[[[[1]]]]]]]]]}])")),
              "a constant of rank above nnshape's maximum rank of 8"));
    CHECK(has(tf_error(tf_op("op", "math.multiply", R"(["in", 0, 0, {"y": [1, 2]}])")),
              "ops: Cannot broadcast shape")); // (None, 4, 6) * (2,)
    // Slicing keys.
    CHECK(has(tf_error(tf_op("op", "__operators__.getitem", R"(["in", 0, 0, {"slice_spec": ["a"]}])")),
              "a slicing key entry must be an int, a slice, None or Ellipsis, got a string"));
    CHECK(has(tf_error(tf_op("op", "__operators__.getitem",
                             R"(["in", 0, 0, {"slice_spec": {"start": 1.5, "stop": null, "step": null}}])")),
              "a slice's start must be an int or None"));
    CHECK(
        has(tf_error(tf_op("op", "__operators__.getitem",
                           R"(["in", 0, 0, {"slice_spec": [null, null, null, null, null, null, null, null, null]}])")),
            "the slicing key: a tuple longer than nnshape's maximum rank allows"));
    // Nodes: one call per operation; only in functional models.
    CHECK(has(tf_error(R"({"class_name": "TFOpLambda", "name": "op", "config": {"name": "op", "function": "nn.relu"},
        "inbound_nodes": [["in", 0, 0, {}], ["in", 0, 0, {}]]})"),
              "an operation needs exactly one inbound node (its call)"));
    CHECK(has(load_error_of(R"({"class_name": "Sequential", "config": {"layers": [{"class_name": "TFOpLambda",
        "config": {"name": "op", "function": "nn.relu", "batch_input_shape": [null, 2]}}]}})"),
              "an operation is read only among a functional model's layers, where its inbound node holds its "
              "arguments"));
    // TensorFlowOpLayer's inputs and constants.
    const auto tf22 = [](std::string_view op, std::string_view constants) {
        return R"({"class_name": "TensorFlowOpLayer", "name": "op", "config": {"name": "x", "node_def": {"op": ")" +
               std::string(op) + R"("}, "constants": )" + std::string(constants) +
               R"(}, "inbound_nodes": [[["in", 0, 0, {}]]]})";
    };
    CHECK(has(tf_error(tf22("Reshape", "{}")), "the TensorFlow op \"Reshape\" has too few inputs"));
    CHECK(has(tf_error(tf22("Mul", R"({"5": 1.0})")), "config.constants: an index beyond the op's inputs"));
}

TEST_CASE("operation errors: Keras 3 nodes")
{
    const std::string x = keras3_tensor("in");
    CHECK(has(keras3_error(keras3_op("Add", "op", "", "[1.0, 2.0]")),
              "a binary operation on two constants: no tensor to compute on"));
    CHECK(
        has(keras3_error(keras3_op("GetItem", "op", "", "[" + x + "]")), "the operation's call has too few arguments"));
    CHECK(has(keras3_error(keras3_op("Concatenate", "op", R"(, "axis": 0)", "[[]]")),
              "the operation is called on no tensor"));
    CHECK(has(keras3_error(keras3_op("Concatenate", "op", R"(, "axis": null)", "[[" + x + "]]")),
              "ops: `axis` cannot be None for `concatenate`."));
    CHECK(
        has(keras3_error(keras3_op("Multiply", "op", "", "[" + x + R"(, {"class_name": "__numpy__", "config": {}}])")),
            "a constant __numpy__ without config.value"));
    CHECK(has(keras3_error(R"({"module": "keras.src.ops.numpy", "class_name": "Relu", "name": "op", "config": {},
        "inbound_nodes": [["in", 0, 0]]})"),
              "a Keras 3 operation's inbound node must be an object {\"args\", \"kwargs\"}"));
    CHECK(has(keras3_error(R"({"module": "keras.src.ops.nn", "class_name": "Relu", "name": "op", "config": {},
        "inbound_nodes": [{"args": [)" +
                           x + R"(], "kwargs": {"x": )" + x + "}}]}"),
              "the operation takes a tensor as a keyword argument, which nnshape does not read"));
}

} // namespace io_keras_json_ops_test
