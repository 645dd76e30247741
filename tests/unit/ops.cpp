// Operations on tensors in the functional API (ops.hpp, layers/ops.hpp): the Tensor operators,
// nnshape::ops, Keras's lowercase merge helpers, and how each Keras names the operations. Expected
// shapes come from NumPy's documentation (keras.ops follows NumPy) and Keras 3's sources; names from
// tf.keras's and Keras 3's sources and published summaries, as cited at each check.
#include <doctest/doctest.h>
#include <nnshape/analysis/flops.hpp>
#include <nnshape/applications.hpp>
#include <nnshape/nnshape.hpp>
#include <nnshape/report.hpp>
#include "check.hpp"
#include "support.hpp"

#include <array>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace unit_ops_test {

using namespace nnshape;
using nnshape::test::error_of;

namespace {

// A tensor of this exact shape (batch axis first) in `g`.
constexpr Tensor tensor(Graph& g, Shape s) { return Input(g, {.batch_shape = s}); }

// NumPy, "Broadcasting" (numpy.org/doc/stable/user/basics.broadcasting.html): its table of shapes.
constexpr bool test_numpy_broadcasting()
{
    Graph g;
    FACT((tensor(g, {256, 256, 3}) * tensor(g, {3})).shape() == Shape{256, 256, 3});
    FACT((tensor(g, {8, 1, 6, 1}) * tensor(g, {7, 1, 5})).shape() == Shape{8, 7, 6, 5});
    FACT((tensor(g, {5, 4}) + tensor(g, {1})).shape() == Shape{5, 4});
    FACT((tensor(g, {5, 4}) + tensor(g, {4})).shape() == Shape{5, 4});
    FACT((tensor(g, {15, 3, 5}) - tensor(g, {15, 1, 5})).shape() == Shape{15, 3, 5});
    FACT((tensor(g, {15, 3, 5}) / tensor(g, {3, 5})).shape() == Shape{15, 3, 5});
    FACT(ops::maximum(tensor(g, {15, 3, 5}), tensor(g, {3, 1})).shape() == Shape{15, 3, 5});
    // A Python number is a constant of shape (): `x * 0.5` and `1 - x` keep x's shape.
    const Tensor x = tensor(g, {None, 7});
    FACT((x * 0.5).shape() == Shape{None, 7});
    FACT((1 - x).shape() == Shape{None, 7});
    return true;
}
static_assert(test_numpy_broadcasting());
TEST_CASE("ops: NumPy's broadcasting") { CHECK(test_numpy_broadcasting()); }

// Keras 3's broadcast_shapes (keras/src/ops/operation_utils.py): None against 1 stays None, None
// against a size takes the size; its docstring's (5, 3) with (1, 3) -> (5, 3).
constexpr bool test_keras_unknown_dims()
{
    Graph g;
    FACT((tensor(g, {5, 3}) + tensor(g, {1, 3})).shape() == Shape{5, 3});
    FACT((tensor(g, {None, 3}) + tensor(g, {1, 3})).shape() == Shape{None, 3});
    FACT((tensor(g, {None, 3}) + tensor(g, {4, 1})).shape() == Shape{4, 3});
    FACT((tensor(g, {None, None}) * tensor(g, {None, 1})).shape() == Shape{None, None});
    return true;
}
static_assert(test_keras_unknown_dims());
TEST_CASE("ops: Keras 3's broadcasting of unknown dimensions") { CHECK(test_keras_unknown_dims()); }

// NumPy's documentation of each function (numpy.org/doc/stable/reference/generated/numpy.<f>.html).
constexpr bool test_shape_functions()
{
    Graph g;
    FACT(ops::matmul(tensor(g, {9, 5, 7, 4}), tensor(g, {9, 5, 4, 3})).shape() == Shape{9, 5, 7, 3});
    FACT(ops::matmul(tensor(g, {2, 2}), tensor(g, {2})).shape() == Shape{2}); // a 1-D right operand: a column
    FACT(ops::concatenate({tensor(g, {2, 2}), tensor(g, {1, 2})}).shape() == Shape{3, 2});
    FACT(ops::concatenate({tensor(g, {2, 2}), tensor(g, {2, 1})}, 1).shape() == Shape{2, 3});
    const Tensor a = tensor(g, {3, 4});
    FACT(ops::stack({a, a, a}).shape() == Shape{3, 3, 4});
    FACT(ops::stack({a, a}, 1).shape() == Shape{3, 2, 4});
    FACT(ops::stack({a, a}, -1).shape() == Shape{3, 4, 2});
    FACT(ops::reshape(tensor(g, {2, 3}), {3, -1}).shape() == Shape{3, 2});
    FACT(ops::reshape(tensor(g, {2, 3}), {6}).shape() == Shape{6});
    const Tensor v = tensor(g, {2});
    FACT(ops::expand_dims(v, 0).shape() == Shape{1, 2});
    FACT(ops::expand_dims(v, 1).shape() == Shape{2, 1});
    FACT(ops::expand_dims(v, {0, 1}).shape() == Shape{1, 1, 2});
    FACT(ops::expand_dims(v, {2, 0}).shape() == Shape{1, 2, 1});
    const Tensor ones = tensor(g, {1, 3, 1});
    FACT(ops::squeeze(ones).shape() == Shape{3});
    FACT(ops::squeeze(ones, 0).shape() == Shape{3, 1});
    FACT(ops::squeeze(ones, 2).shape() == Shape{1, 3});
    FACT(ops::transpose(tensor(g, {1, 2, 3})).shape() == Shape{3, 2, 1});
    FACT(ops::transpose(tensor(g, {1, 2, 3}), {1, 0, 2}).shape() == Shape{2, 1, 3});
    // numpy.sum: keepdims keeps the reduced axes as 1; no axis reduces to a scalar.
    const Tensor m = tensor(g, {None, 4, 5});
    FACT(ops::mean(m, {.axis = 1}).shape() == Shape{None, 5});
    FACT(ops::sum(m, {.axis = {1, 2}, .keepdims = true}).shape() == Shape{None, 1, 1});
    FACT(ops::max(m, {.axis = -1}).shape() == Shape{None, 4});
    FACT(ops::mean(m).shape() == Shape{});
    FACT(ops::cast(m, "float16").shape() == Shape{None, 4, 5});
    // keras.ops.relu, sigmoid, tanh, softmax (keras/src/ops/nn.py, numpy.py): elementwise, the shape kept.
    FACT(ops::relu(m).shape() == Shape{None, 4, 5});
    FACT(ops::sigmoid(m).shape() == Shape{None, 4, 5});
    FACT(ops::tanh(m).shape() == Shape{None, 4, 5});
    FACT(ops::softmax(m, 1).shape() == Shape{None, 4, 5});
    return true;
}
static_assert(test_shape_functions());
TEST_CASE("ops: shape functions as NumPy documents them") { CHECK(test_shape_functions()); }

// NumPy, "Indexing on ndarrays" (numpy.org/doc/stable/user/basics.indexing.html): x of shape (2, 3, 1)
// and a 10-element x; Python's slice arithmetic for the rest.
constexpr bool test_slicing()
{
    using ops::all, ops::ellipsis, ops::newaxis, ops::Slice;
    Graph g;
    const Tensor x = tensor(g, {2, 3, 1});
    FACT(ops::get_item(x, Slice{.start = 1, .stop = 2}).shape() == Shape{1, 3, 1});
    FACT(ops::get_item(x, {ellipsis, 0}).shape() == Shape{2, 3});
    FACT(ops::get_item(x, {all, newaxis, all, all}).shape() == Shape{2, 1, 3, 1});
    const Tensor ten = tensor(g, {10});
    FACT(ops::get_item(ten, Slice{.start = 1, .stop = 7, .step = 2}).shape() == Shape{3});
    FACT(ops::get_item(ten, Slice{.start = -2, .stop = 10}).shape() == Shape{2});
    FACT(ops::get_item(ten, Slice{.start = -3, .stop = 3, .step = -1}).shape() == Shape{4});
    FACT(ops::get_item(ten, Slice{.start = 5}).shape() == Shape{5});
    FACT(ops::get_item(ten, Slice{.step = -1}).shape() == Shape{10});
    // `x[:, 0]` on a (None, 5, 8) Keras tensor: the batch axis is sliced like any other.
    const Tensor seq = tensor(g, {None, 5, 8});
    FACT(ops::get_item(seq, {all, 0}).shape() == Shape{None, 8});
    FACT(ops::get_item(seq, {all, -1, Slice{.stop = 4}}).shape() == Shape{None, 4});
    FACT(ops::get_item(seq, {ellipsis, newaxis}).shape() == Shape{None, 5, 8, 1});
    // An unknown axis keeps its slice unknown (Keras 3's GetItem).
    FACT(ops::get_item(tensor(g, {None, None}), {all, Slice{.stop = 3}}).shape() == Shape{None, None});
    return true;
}
static_assert(test_slicing());
TEST_CASE("ops: slicing") { CHECK(test_slicing()); }

// How each Keras names an operation. tf.keras: TFOpLambda named "tf." + its TF symbol, from 0 per
// symbol (keras/layers/core/tf_op_layer.py, TFOpLambda.__init__: backend.unique_object_name(name,
// zero_based=True)); the symbols as published summaries show them: tf.__operators__.add and _1 ... _7
// (keras.io, "Timeseries classification with a Transformer model"), tf.math.subtract, tf.math.multiply,
// tf.math.truediv, tf.cast, tf.__operators__.getitem (SlicingOpLambda), tf.concat, tf.expand_dims,
// tf.stack, tf.reshape, tf.linalg.matmul, tf.compat.v1.squeeze, tf.compat.v1.transpose,
// tf.math.reduce_mean, tf.math.reduce_sum. Keras 3: the operation's class (keras_tensor.py: `x + y` is
// ops.Add, `x / y` ops.TrueDivide, `x[...]` ops.GetItem), named by naming.auto_name: the snake-case
// class name, numbered from 0 per name over operations and layers together (naming.uniquify).
constexpr bool test_names()
{
    Graph g;
    const Tensor x = tensor(g, {None, 4, 6});
    const Tensor sum = x + x;
    const Tensor layer_sum = Add{}({sum, x});
    const Tensor sum2 = sum + layer_sum;
    const Tensor quotient = sum2 / 2.0;
    const Tensor first = ops::get_item(quotient, {ops::all, 0});
    const Tensor squeezed = ops::squeeze(ops::expand_dims(first, 1), 1);
    const Tensor mean = ops::mean(ops::transpose(ops::reshape(squeezed, {-1, 3, 2})), {.axis = 0});
    const Model m{x, ops::cast(ops::concatenate({mean, mean}, 1), "int32")};
    const Report keras2_rows = report(m, {.naming = keras2});
    const Report keras3_rows = report(m, {.naming = keras3});
    const auto row = [](const Report& r, std::size_t i, std::string_view name, std::string_view class_name) {
        return r.rows[i].name.view() == name && r.rows[i].class_name == class_name;
    };
    FACT(row(keras2_rows, 1, "tf.__operators__.add", "TFOpLambda"));
    FACT(row(keras2_rows, 2, "add_1", "Add")); // a layer: Keras 2's own numbering
    FACT(row(keras2_rows, 3, "tf.__operators__.add_1", "TFOpLambda"));
    FACT(row(keras2_rows, 4, "tf.math.truediv", "TFOpLambda"));
    FACT(row(keras2_rows, 5, "tf.__operators__.getitem", "SlicingOpLambda"));
    FACT(row(keras2_rows, 6, "tf.expand_dims", "TFOpLambda"));
    FACT(row(keras2_rows, 7, "tf.compat.v1.squeeze", "TFOpLambda"));
    FACT(row(keras2_rows, 8, "tf.reshape", "TFOpLambda"));
    FACT(row(keras2_rows, 9, "tf.compat.v1.transpose", "TFOpLambda"));
    FACT(row(keras2_rows, 10, "tf.math.reduce_mean", "TFOpLambda"));
    FACT(row(keras2_rows, 11, "tf.concat", "TFOpLambda"));
    FACT(row(keras2_rows, 12, "tf.cast", "TFOpLambda"));
    FACT(row(keras3_rows, 1, "add", "Add"));
    FACT(row(keras3_rows, 2, "add_1", "Add")); // the Add layer counts with the add operations
    FACT(row(keras3_rows, 3, "add_2", "Add"));
    FACT(row(keras3_rows, 4, "true_divide", "TrueDivide"));
    FACT(row(keras3_rows, 5, "get_item", "GetItem"));
    FACT(row(keras3_rows, 6, "expand_dims", "ExpandDims"));
    FACT(row(keras3_rows, 7, "squeeze", "Squeeze"));
    FACT(row(keras3_rows, 8, "reshape", "Reshape"));
    FACT(row(keras3_rows, 9, "transpose", "Transpose"));
    FACT(row(keras3_rows, 10, "mean", "Mean"));
    FACT(row(keras3_rows, 11, "concatenate", "Concatenate"));
    FACT(row(keras3_rows, 12, "cast", "Cast"));
    // The connections name the operations as they are named: tf.__operators__.add_1 reads
    // tf.__operators__.add[0][0] and add_1[0][0] (keras2); add[0][0] and add_1[0][0] (keras3).
    FACT(keras2_rows.rows[3].connections[0].layer.view() == "tf.__operators__.add");
    FACT(keras3_rows.rows[3].connections[1].layer.view() == "add_1");
    // Keras 3's rules by hand: [:, 0] -> (None, 6); reshape(-1, 3, 2) of an unknown size -> (None, 3, 2);
    // transpose -> (2, 3, None); mean over axis 0 -> (3, None); concatenated on the unknown axis 1 -> (3, None).
    FACT(m.output_shape() == Shape{3, None});
    // An Add layer made before an add operation: Keras 3 numbers the operation after it.
    Graph h;
    const Tensor y = tensor(h, {None, 2});
    const Tensor layer_first = Add{}({y, y});
    const Model n{y, layer_first + y};
    FACT(n.layers()[1].name(keras3).view() == "add");
    FACT(n.layers()[2].name(keras3).view() == "add_1");
    FACT(n.layers()[2].name(keras2).view() == "tf.__operators__.add");
    // The activations: tf.keras names them by TensorFlow's canonical exports: tf.nn.relu and tf.nn.softmax
    // as published tf.keras summaries show them (`tf.nn.relu (TFOpLambda)`, `tf.nn.softmax (TFOpLambda)`,
    // training logs found by text search of public repositories), tf.math.sigmoid and tf.math.tanh as
    // tf_export's first names; Keras 3 by their classes Relu, Sigmoid, Tanh, Softmax (keras/src/ops/nn.py,
    // numpy.py). Keras 3's softmax is numbered with the Softmax layer (both "softmax": naming.uniquify).
    Graph a;
    const Tensor z = tensor(a, {None, 2});
    const Tensor layer_softmax = Softmax{}(z);
    const Model activations{z, ops::softmax(ops::tanh(ops::sigmoid(ops::relu(layer_softmax))))};
    const std::vector<LayerView> acts = activations.layers();
    FACT(acts[2].name(keras2).view() == "tf.nn.relu" && acts[2].name(keras3).view() == "relu");
    FACT(acts[3].name(keras2).view() == "tf.math.sigmoid" && acts[3].name(keras3).view() == "sigmoid");
    FACT(acts[4].name(keras2).view() == "tf.math.tanh" && acts[4].name(keras3).view() == "tanh");
    FACT(acts[5].name(keras2).view() == "tf.nn.softmax" && acts[5].name(keras3).view() == "softmax_1");
    FACT(acts[1].name(keras3).view() == "softmax");
    const Report act_rows = report(activations, {.naming = keras3});
    FACT(act_rows.rows[2].class_name == "Relu" && act_rows.rows[5].class_name == "Softmax");
    return true;
}
static_assert(test_names());
TEST_CASE("ops: tf.keras's and Keras 3's names and classes") { CHECK(test_names()); }

// keras.io, "Timeseries classification with a Transformer model"
// (keras.io/examples/timeseries/timeseries_classification_transformer/), its published tf.keras summary:
// four encoder blocks with `res = x + inputs` and `x + res`, 93,130 weights. The summary was printed by
// the example's first version (layer normalization before the attention, GlobalAveragePooling1D over
// channels_first): the model below is that one, in the summary's layer order.
constexpr Tensor encoder_block(Tensor inputs)
{
    Tensor x = LayerNormalization{.epsilon = 1e-6}(inputs);
    x = MultiHeadAttention{.num_heads = 4, .key_dim = 256, .dropout = 0.25}(x, x);
    x = Dropout{.rate = 0.25}(x);
    const Tensor res = x + inputs;
    x = LayerNormalization{.epsilon = 1e-6}(res);
    x = Conv1D{.filters = 4, .kernel_size = 1, .activation = "relu"}(x);
    x = Dropout{.rate = 0.25}(x);
    x = Conv1D{.filters = 1, .kernel_size = 1}(x);
    return x + res;
}

constexpr Model timeseries_transformer()
{
    Graph g;
    const Tensor inputs = Input(g, {.shape = {500, 1}});
    Tensor x = inputs;
    for (int i = 0; i < 4; ++i) x = encoder_block(x);
    x = GlobalAveragePooling1D{.data_format = channels_first}(x);
    x = Dense{.units = 128, .activation = "relu"}(x);
    x = Dropout{.rate = 0.4}(x);
    return Model{inputs, Dense{.units = 2, .activation = "softmax"}(x)};
}

constexpr bool test_timeseries_transformer()
{
    const Model m = timeseries_transformer();
    FACT(m.count_params() == 93'130);
    const std::vector<LayerView> layers = m.layers();
    FACT(layers.size() == 41);
    // The summary's op rows: `tf.__operators__.add_<k> (TFOpLambda)`, (None, 500, 1), 0 weights, at rows
    // 4, 9, 13, 18, 22, 27, 31, 36.
    const std::array<std::size_t, 8> add_rows{4, 9, 13, 18, 22, 27, 31, 36};
    const std::array<std::string_view, 8> add_names{
        "tf.__operators__.add",   "tf.__operators__.add_1", "tf.__operators__.add_2", "tf.__operators__.add_3",
        "tf.__operators__.add_4", "tf.__operators__.add_5", "tf.__operators__.add_6", "tf.__operators__.add_7"};
    for (std::size_t k = 0; k < add_rows.size(); ++k) {
        const LayerView& op = layers[add_rows[k]];
        FACT(op.name(keras2).view() == add_names[k]);
        FACT(op.is<TFOpLambda>());
        FACT(op.output_shapes() == Shapes{Shape{None, 500, 1}});
        FACT(op.count_params() == 0);
    }
    FACT(layers[37].output_shapes() == Shapes{Shape{None, 500}});
    // tf.keras names layers from 0 (layer_normalization, ..., dense_1), as nnshape's keras3 style does.
    FACT(layers[1].name(keras3).view() == "layer_normalization");
    FACT(layers[5].name(keras3).view() == "layer_normalization_1");
    FACT(layers[35].name(keras3).view() == "conv1d_7");
    FACT(layers[38].name(keras3).view() == "dense");
    FACT(layers[40].name(keras3).view() == "dense_1");
    FACT(layers[40].count_params() == 258);
    return true;
}
static_assert(test_timeseries_transformer());
TEST_CASE("ops: keras.io's timeseries Transformer (tf.keras summary)")
{
    CHECK(test_timeseries_transformer());
    // The summary's connections: the first add reads dropout[0][0] and input_1[0][0] (nnshape's keras2
    // layer names are Keras 2's, from 1), tf.__operators__.add_1 reads conv1d_1 and tf.__operators__.add,
    // the pooling reads tf.__operators__.add_7.
    const Report r = report(timeseries_transformer(), {.naming = keras2});
    const auto from = [&](std::size_t row, std::size_t i) {
        return std::string(r.rows[row].connections[i].layer.view());
    };
    CHECK(r.rows[4].class_name == "TFOpLambda");
    CHECK(from(4, 0) == "dropout_1");
    CHECK(from(4, 1) == "input_1");
    CHECK(from(9, 0) == "conv1d_2");
    CHECK(from(9, 1) == "tf.__operators__.add");
    CHECK(from(37, 0) == "tf.__operators__.add_7");
}

// A published Keras 3 summary ("FlowerMobileNetV2", a training log found by text search of public
// repositories): MobileNetV2 transfer learning with keras.applications.mobilenet_v2.preprocess_input,
// which on a Keras tensor is `x /= 127.5; x -= 1.0` (keras/src/applications/imagenet_utils.py, mode "tf").
// Its rows: true_divide (TrueDivide) and subtract (Subtract), (None, 150, 150, 3), 0 params each;
// mobilenetv2_1.00_224 (Functional) (None, 5, 5, 1280) 2,257,984; total 2,587,205. Run time only:
// MobileNetV2 in constant evaluation is tests/static's business.
TEST_CASE("ops: a Keras 3 summary with preprocess_input's operations")
{
    Graph g;
    const Model base = applications::MobileNetV2(g, {.include_top = false, .input_shape = {150, 150, 3}});
    const Tensor inputs = Input(g, {.shape = {150, 150, 3}});
    Tensor x = inputs / 127.5;
    x = x - 1.0;
    x = GlobalAveragePooling2D{}(base(x));
    x = Dropout{.rate = 0.3}(x);
    x = Dense{.units = 256, .activation = "relu"}(x);
    x = Dropout{.rate = 0.3}(x);
    const Model m{inputs, Dense{.units = 5, .activation = "softmax"}(x)};
    const Report r = report(m, {.naming = keras3});
    REQUIRE(r.rows.size() == 9);
    CHECK(std::string(r.rows[1].name.view()) == "true_divide");
    CHECK(r.rows[1].class_name == "TrueDivide");
    CHECK(std::string(r.rows[2].name.view()) == "subtract");
    CHECK(r.rows[2].class_name == "Subtract");
    for (std::size_t i : {1u, 2u}) {
        CHECK(r.rows[i].output_shapes[0][0] == Shape{None, 150, 150, 3});
        CHECK(r.rows[i].params.total() == 0);
    }
    // Keras named the base mobilenetv2_1.00_224 because it loaded ImageNet weights (mobilenet_v2.py sets
    // rows = 224 then); without weights, as nnshape builds it, the name keeps the input's rows.
    CHECK(std::string(r.rows[3].name.view()) == "mobilenetv2_1.00_150");
    CHECK(r.rows[3].output_shapes[0][0] == Shape{None, 5, 5, 1280});
    CHECK(r.rows[3].params.total() == 2'257'984);
    CHECK(m.count_params() == 2'587'205);
    CHECK(r.sequential_like); // Keras 3 printed its three-column table
}

// Keras's functional helpers call the merging layers. tf.keras.layers.add's documented example
// (tensorflow.org/api_docs/python/tf/keras/layers/add): Dense(8) on (16,) and on (32,), added, Dense(4):
// 136 + 264 + 36 = 436 weights, an `add` row of class Add.
constexpr bool test_merge_helpers()
{
    Graph g;
    const Tensor input1 = Input(g, {.shape = {16}});
    const Tensor x1 = Dense{.units = 8, .activation = "relu"}(input1);
    const Tensor input2 = Input(g, {.shape = {32}});
    const Tensor x2 = Dense{.units = 8, .activation = "relu"}(input2);
    const Tensor added = add({x1, x2});
    const Model m{{input1, input2}, Dense{.units = 4}(added)};
    FACT(m.count_params() == 436);
    FACT(added.shape() == Shape{None, 8});
    FACT(m.layers()[4].is<Add>());
    // keras.layers.concatenate's example: two (5, 8) tensors -> (5, 16); with axis=1 of (None, 2, 5)
    // and (None, 3, 5) (Keras's Concatenate(axis=1) docstring) -> (None, 5, 5).
    Graph h;
    FACT(concatenate({tensor(h, {5, 8}), tensor(h, {5, 8})}).shape() == Shape{5, 16});
    FACT(concatenate({tensor(h, {None, 2, 5}), tensor(h, {None, 3, 5})}, {.axis = 1}).shape() == Shape{None, 5, 5});
    // keras.layers.Dot's docstring: (1, 5, 2) . (1, 2, 5) on axes (1, 2) -> (1, 2, 2).
    FACT(dot({tensor(h, {1, 5, 2}), tensor(h, {1, 2, 5})}, {.axes = {1, 2}}).shape() == Shape{1, 2, 2});
    const Tensor p = tensor(h, {None, 3});
    FACT(subtract({p, p}).shape() == Shape{None, 3});
    FACT(multiply({p, p, p}).shape() == Shape{None, 3});
    FACT(average({p, p}).shape() == Shape{None, 3});
    FACT(maximum({p, p}, {.name = "biggest"}).shape() == Shape{None, 3});
    FACT(minimum({p, p}).shape() == Shape{None, 3});
    return true;
}
static_assert(test_merge_helpers());
TEST_CASE("ops: Keras's functional merge helpers") { CHECK(test_merge_helpers()); }

// TensorFlow's profiler (flops_registry.py): a binary elementwise op 1 FLOP per output element; MatMul
// 2 * k per output element; Mean 1 per input element, Sum 1 per input element less 1 per output element.
constexpr bool test_costs()
{
    Graph g;
    const Tensor a = tensor(g, {2, 3});
    const Tensor b = tensor(g, {3, 4});
    const Model m{{a, b}, ops::sum(ops::mean(ops::matmul(a, b) + 1.0, {.axis = 0, .keepdims = true}), {.axis = 1})};
    const ModelCost c = cost(m);
    FACT(c.calls[2].flops == Dim(2 * 3 * 8)); // matmul: (2, 4) output, k = 3
    FACT(c.calls[2].macs == Dim(3 * 8));
    FACT(c.calls[3].flops == Dim(8)); // + 1.0 on (2, 4)
    FACT(c.calls[4].flops == Dim(8)); // mean over axis 0 of (2, 4): 8 inputs
    FACT(c.calls[5].flops == Dim(4 - 1)); // sum over axis 1 of (1, 4)
    // Softmax: the profiler's 5 per element, as the Softmax layer; relu: no activation is registered.
    Graph h;
    const Tensor x = tensor(h, {2, 4});
    const ModelCost activations = cost(Model{x, ops::softmax(ops::relu(x))});
    FACT(activations.calls[1].flops == Dim(0));
    FACT(activations.calls[2].flops == Dim(5 * 8));
    return true;
}
static_assert(test_costs());
TEST_CASE("ops: costs as TensorFlow's profiler counts them") { CHECK(test_costs()); }

} // namespace

// Errors at run time: Keras's wording, with the operation's layer named in tf.keras's style.
TEST_CASE("ops: errors")
{
    const auto fails = [](auto build, std::string_view text) {
        const std::string message = error_of(build);
        INFO(message);
        CHECK(message.find(text) != std::string::npos);
    };
    fails(
        [] {
            Graph g;
            static_cast<void>(tensor(g, {None, 3}) + tensor(g, {None, 4}));
        },
        "TFOpLambda layer \"tf.__operators__.add\" with input shape [(None, 3), (None, 4)]: ops: Cannot broadcast "
        "shape");
    fails(
        [] {
            Graph g;
            static_cast<void>(ops::matmul(tensor(g, {2, 3}), tensor(g, {4, 5})));
        },
        "Inner dimensions (`x1.shape[-1]` and `x2.shape[-2]`) must be equal");
    fails(
        [] {
            Graph g;
            static_cast<void>(ops::concatenate({tensor(g, {2, 3}), tensor(g, {3, 4})}));
        },
        "Every value in `xs` must have the same shape except on the `axis` dim.");
    fails(
        [] {
            Graph g;
            static_cast<void>(ops::stack({tensor(g, {2, 3}), tensor(g, {2, 4})}));
        },
        "Every value in `x` must have the same shape.");
    fails(
        [] {
            Graph g;
            static_cast<void>(ops::concatenate({tensor(g, {2, 3})}, 2));
        },
        "axis is out of bounds");
    fails(
        [] {
            Graph g;
            static_cast<void>(ops::reshape(tensor(g, {2, 3}), {4, 2}));
        },
        "The total size of the tensor must be unchanged.");
    fails(
        [] {
            Graph g;
            static_cast<void>(ops::reshape(tensor(g, {2, 3}), {-1, -1}));
        },
        "There must be at most one unknown dimension (-1) in `newshape`.");
    fails(
        [] {
            Graph g;
            static_cast<void>(ops::reshape(tensor(g, {2, 3}), {-2, 3}));
        },
        "Each dimension in `newshape` must be a non-negative integer");
    fails(
        [] {
            Graph g;
            static_cast<void>(ops::squeeze(tensor(g, {1, 3}), 1));
        },
        "Cannot squeeze axis, because the dimension is not 1.");
    fails(
        [] {
            Graph g;
            static_cast<void>(ops::squeeze(tensor(g, {None, 3}), 0));
        }, // Keras 3: None is not 1
        "Cannot squeeze axis");
    fails(
        [] {
            Graph g;
            static_cast<void>(ops::expand_dims(tensor(g, {2}), {1, 1}));
        },
        "duplicate value in `axis`");
    fails(
        [] {
            Graph g;
            static_cast<void>(ops::transpose(tensor(g, {2, 3}), {0, 0}));
        },
        "`axes` must be a valid permutation of the input dimensions (no duplicates).");
    fails(
        [] {
            Graph g;
            static_cast<void>(ops::transpose(tensor(g, {2, 3}), {0}));
        },
        "axis must be a list of the same length as the input shape");
    fails(
        [] {
            Graph g;
            static_cast<void>(ops::mean(tensor(g, {2, 3}), {.axis = {1, -1}}));
        },
        "duplicate value in `axis`");
    fails(
        [] {
            Graph g;
            static_cast<void>(ops::get_item(tensor(g, {2, 3}), {0, 0, 0}));
        },
        "too many indices");
    fails(
        [] {
            Graph g;
            static_cast<void>(ops::get_item(tensor(g, {2, 3}), {0, 3}));
        },
        "out-of-bounds index was requested.");
    fails(
        [] {
            Graph g;
            static_cast<void>(ops::get_item(tensor(g, {2, 3}), {ops::ellipsis, ops::ellipsis}));
        },
        "Slice should only have one ellipsis.");
    fails(
        [] {
            Graph g;
            static_cast<void>(ops::softmax(tensor(g, {None, 3}), 2));
        },
        "TFOpLambda layer \"tf.nn.softmax\" with input shape (None, 3): Axis is out of bounds for input shape");
    fails(
        [] {
            Graph g;
            static_cast<void>(ops::get_item(tensor(g, {2, 3}), ops::Slice{.step = 0}));
        },
        "slice step cannot be zero");
    fails(
        [] {
            Graph g;
            static_cast<void>(
                ops::get_item(tensor(g, {10}), ops::Slice{.step = std::numeric_limits<std::int64_t>::min()}));
        },
        "nnshape: count overflows 64-bit arithmetic");
    fails(
        [] {
            Graph g, h;
            static_cast<void>(tensor(g, {2}) + tensor(h, {2}));
        },
        "Graph: a layer is called on tensors of one Graph");
}

} // namespace unit_ops_test
