// Keras spellings of the functional API (issue 15, "take models as Keras users write them"): call
// arguments after the inputs (`training`, a shared layer's `initial_state`), attention layers called
// on separate query, value and key tensors, a Sequential that starts with a `keras.Input` tensor. Each constexpr test
// runs at compile time (static_assert) and at run time (CHECK).
#include <doctest/doctest.h>
#include <nnshape/nnshape.hpp>

#include "check.hpp"
#include "support.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace unit_keras_spellings_test {

using namespace nnshape;
using nnshape::test::error_of;

namespace {

// Keras's `training` call argument (None, True or False) picks a behaviour, never a shape: the calls
// below record what the calls without it record. Numbers: Dense(3) on 4 features has 4*3 + 3 = 15
// weights, Dense(2) on 3 has 8 (keras-semantics.md §1, Dense); Dropout keeps its input's shape
// (keras/src/layers/regularization/dropout.py compute_output_shape).
constexpr bool test_training()
{
    Graph g;
    const Tensor base_input = Input(g, {.shape = {4}});
    const Model base{base_input, Dense{.units = 3}(base_input), {.name = "base"}};
    const Tensor inputs = Input(g, {.shape = {4}});
    const Tensor x = base(inputs, {.training = false}); // a Model call
    const Tensor dropped = Dropout{.rate = 0.5}(x, {.training = true}); // a layer value
    const SharedLayer head = g.add(Dense{.units = 2});
    const Tensor y = head(dropped, {.training = nullptr}); // a shared layer, None
    Sequential<> seq{Dense{.units = 2, .input_shape = {3}}};
    const Tensor z = seq(dropped, {.training = false}); // a Sequential of layers
    Sequential nested{base, Dropout{.rate = 0.1}}; // a Sequential of models
    const Tensor w = nested(inputs, {.training = true});
    const Model m{inputs, {y, z, w}};
    FACT(x.shape() == Shape{None, 3});
    FACT(dropped.shape() == Shape{None, 3});
    FACT(y.shape() == Shape{None, 2});
    FACT(z.shape() == Shape{None, 2});
    FACT(w.shape() == Shape{None, 3});
    FACT(m.count_params() == 15 + 8 + 8);
    // Each call is one node whose inputs are the call's tensor alone.
    FACT(m.graph().inputs(m.graph().node(x.node())).size() == 1);
    FACT(m.graph().node(dropped.node()).layer != m.graph().node(x.node()).layer);
    return true;
}
static_assert(test_training());

// A shared LSTM called with `initial_state`, as keras.io's seq2seq inference decoder calls
// `decoder_lstm(x, initial_state=decoder_states_inputs)`: the call records [x, h, c], as Keras 2's
// list form does. Numbers: LSTM(4) on 3 features has 4 * 4 * (3 + 4 + 1) = 128 weights (spec §9).
constexpr bool test_shared_initial_state()
{
    Graph g;
    const Tensor x = Input(g, {.shape = {5, 3}});
    const Tensor h = Input(g, {.shape = {4}});
    const Tensor c = Input(g, {.shape = {4}});
    const SharedLayer lstm = g.add(LSTM{.units = 4, .return_sequences = true, .return_state = true});
    const Tensors keyword = lstm(x, {.initial_state = {h, c}, .training = false});
    const Tensors list = lstm({x, h, c});
    const Model m{{x, h, c}, {keyword[0], list[0]}};
    FACT(keyword.size() == 3);
    FACT(keyword[0].shape() == Shape{None, 5, 4});
    FACT(keyword[1].shape() == Shape{None, 4});
    FACT(m.count_params() == 128);
    const auto keyword_inputs = g.core().inputs(g.core().node(keyword[0].node()));
    const auto list_inputs = g.core().inputs(g.core().node(list[0].node()));
    FACT(keyword_inputs.size() == 3);
    for (std::size_t i = 0; i < 3; ++i) FACT(keyword_inputs[i] == list_inputs[i]);
    FACT(keyword_inputs[1].node == h.node() && keyword_inputs[2].node == c.node());
    return true;
}
static_assert(test_shared_initial_state());

// Keras 3's `MultiHeadAttention(...)(query, value)` and `(query, value, key)`: the calls on the lists
// [q, v] and [q, v, k]. Numbers from keras-semantics.md §2.11: H=2, Dk=Dv=16, q=k=v=32 gives 4224;
// with a key of 8 features, H*Dk*(q + k) + H*Dv*v + H*Dv*O + (2*H*Dk + H*Dv + O) =
// 2*16*40 + 2*16*32 + 2*16*32 + (64 + 32 + 32) = 3456.
constexpr bool test_attention_positional()
{
    Graph g;
    const Tensor q = Input(g, {.shape = {10, 32}});
    const Tensor v = Input(g, {.shape = {6, 32}});
    const Tensor k = Input(g, {.shape = {6, 8}});
    const Tensor two = MultiHeadAttention{.num_heads = 2, .key_dim = 16}(q, v);
    const Tensor listed = MultiHeadAttention{.num_heads = 2, .key_dim = 16}({q, v});
    const Tensor three = MultiHeadAttention{.num_heads = 2, .key_dim = 16}(q, v, k);
    const Model m{{q, v, k}, {two, listed, three}};
    const std::vector<LayerView> layers = m.layers();
    FACT(two.shape() == Shape{None, 10, 32});
    FACT(three.shape() == Shape{None, 10, 32});
    FACT(layers[3].count_params() == 4224);
    FACT(layers[4].count_params() == 4224);
    FACT(layers[5].count_params() == 3456);
    const auto inputs_of = [&](const Tensor& t) { return g.core().inputs(g.core().node(t.node())); };
    FACT(inputs_of(two).size() == 2 && inputs_of(listed).size() == 2 && inputs_of(three).size() == 3);
    for (std::size_t i = 0; i < 2; ++i) FACT(inputs_of(two)[i] == inputs_of(listed)[i]);
    FACT(inputs_of(three)[2].node == k.node());
    // GroupedQueryAttention takes the same positional call (Keras 3's call(query, value, key=None)):
    // its output has the query's shape.
    const Tensor grouped = GroupQueryAttention{.head_dim = 4, .num_query_heads = 4, .num_key_value_heads = 2}(q, v);
    FACT(grouped.shape() == Shape{None, 10, 32});
    FACT(inputs_of(grouped).size() == 2);
    // A shared one (`mha = MultiHeadAttention(...)`, then `mha(q, v)` twice): one layer, its weights once.
    const SharedLayer shared = g.add(MultiHeadAttention{.num_heads = 2, .key_dim = 16});
    const Tensor first = shared(q, v)[0];
    const Tensor second = shared(first, v)[0];
    FACT(second.shape() == Shape{None, 10, 32});
    FACT(Model({q, v}, second).count_params() == 4224);
    return true;
}
static_assert(test_attention_positional());

// keras.io's "Simple MNIST convnet" as Keras 3 writes it: `keras.Sequential([keras.Input(shape=(28,
// 28, 1)), Conv2D(32, 3), MaxPooling2D(2), Conv2D(64, 3), MaxPooling2D(2), Flatten(), Dropout(0.5),
// Dense(10)])`. Its published Keras 3 summary (support.hpp, mnist_convnet): 34,826 weights; outputs
// (None, 26, 26, 32), (None, 13, 13, 32), (None, 11, 11, 64), (None, 5, 5, 64), (None, 1600),
// (None, 1600), (None, 10); seven layers listed (the InputLayer is not among model.layers); named
// "sequential".
constexpr bool test_sequential_from_input()
{
    Graph g;
    const Tensor inputs = Input(g, {.shape = {28, 28, 1}});
    Sequential model{inputs,
                     Conv2D{.filters = 32, .kernel_size = 3, .activation = "relu"},
                     MaxPooling2D{.pool_size = 2},
                     Conv2D{.filters = 64, .kernel_size = 3, .activation = "relu"},
                     MaxPooling2D{.pool_size = 2},
                     Flatten{},
                     Dropout{.rate = 0.5},
                     Dense{.units = 10, .activation = "softmax"}};
    FACT(model.count_params() == 34'826);
    FACT(model.input_shape() == Shape{None, 28, 28, 1});
    FACT(model.output_shape() == Shape{None, 10});
    const std::vector<LayerView> layers = model.layers();
    FACT(layers.size() == 7);
    FACT(layers[0].output_shapes() == Shapes{Shape{None, 26, 26, 32}});
    FACT(layers[3].output_shapes() == Shapes{Shape{None, 5, 5, 64}});
    FACT(layers[4].output_shapes() == Shapes{Shape{None, 1600}});
    FACT(model.name(keras3) == "sequential"); // the summary's `Model: "sequential"`
    // Built in the tensor's Graph, on that very input.
    FACT(&Model(model).graph() == &g.core());
    FACT(Model(model).input_shapes()[0] == inputs.shape());
    FACT(Model(model).nodes()[0] == inputs.node());
    return true;
}
static_assert(test_sequential_from_input());

} // namespace

TEST_CASE("Sequential{Input(g, ...), layers...}: Keras 3's Sequential([keras.Input(...), ...])")
{
    CHECK(test_sequential_from_input());
    // Any other tensor is no layer; an Input tensor after the first element is a second InputLayer.
    CHECK(error_of([] {
              Graph g;
              const Tensor x = Dense{.units = 2}(Input(g, {.shape = {4}}));
              (void)Sequential{x, Dense{.units = 1}};
          }).starts_with("Sequential: Only instances of `keras.Layer` can be added to a Sequential model"));
    CHECK(error_of([] {
              Graph g;
              const Tensor x = Input(g, {.shape = {4}});
              (void)Sequential{x, Dense{.units = 1}, Input(g, {.shape = {1}})};
          }) == "Sequential: an InputLayer can only be its first layer");
}

TEST_CASE("MultiHeadAttention and GroupQueryAttention take query, value and key as separate tensors")
{
    CHECK(test_attention_positional());
}

TEST_CASE("a shared layer other than an attention layer refuses query, value and key as separate tensors")
{
    Graph g;
    const Tensor x = Input(g, {.shape = {4}});
    const SharedLayer dense = g.add(Dense{.units = 2});
    CHECK_THROWS_WITH_AS(dense(x, x), doctest::Contains("SharedLayer: only MultiHeadAttention and GroupQueryAttention"),
                         shape_error);
}

TEST_CASE("training= is accepted on Model, SharedLayer, layer value and Sequential calls") { CHECK(test_training()); }

TEST_CASE("a shared recurrent layer takes initial_state as Keras's keyword") { CHECK(test_shared_initial_state()); }

TEST_CASE("initial_state on a layer or model that is not recurrent is an error")
{
    const std::string expected = "call arguments: initial_state and constants are call arguments of the "
                                 "recurrent layers only";
    CHECK(error_of([] {
              Graph g;
              const Tensor x = Input(g, {.shape = {4}});
              (void)Dense{.units = 2}(x, {.initial_state = x});
          }).starts_with(expected));
    CHECK(error_of([] {
              Graph g;
              const Tensor x = Input(g, {.shape = {4}});
              const Model m{x, Dense{.units = 2}(x)};
              (void)m(Input(g, {.shape = {4}}), {.initial_state = x});
          }).starts_with(expected));
    CHECK(error_of([] {
              Graph g;
              const Tensor x = Input(g, {.shape = {4}});
              (void)g.add(Dense{.units = 2})(x, {.constants = x});
          }).starts_with(expected));
}

} // namespace unit_keras_spellings_test
