// Recurrent layers called with initial states (Keras's `initial_state`): the rule on [x, *states], the
// functional call in Keras's two spellings (seq2seq), and the errors. Each constexpr test runs at compile
// time (static_assert) and at run time (CHECK).
#include <doctest/doctest.h>
#include <nnshape/nnshape.hpp>
#include <nnshape/summary.hpp>

#include "../check.hpp"

#include <array>
#include <string>
#include <vector>

namespace unit_layers_recurrent_states_test {

namespace {
using namespace nnshape;

// Keras's examples/lstm_seq2seq.py with 43 input and 64 output characters, whose Keras 2 summary is
// published in the README of digikar99/py4cl: lstm_1 307,200, lstm_2 328,704 (connected to
// input_2[0][0], lstm_1[0][1], lstm_1[0][2]), dense_1 16,448; 652,352 in all; output (None, None, 64).
// `keyword`: `initial_state=[h, c]`; otherwise Keras 2's list form `decoder_lstm([x, h, c])`.
constexpr Model seq2seq(bool keyword)
{
    Graph g;
    auto encoder_inputs = Input(g, {.shape = {None, 43}});
    auto encoder = LSTM{.units = 256, .return_state = true}(encoder_inputs);
    auto decoder_inputs = Input(g, {.shape = {None, 64}});
    auto decoder_lstm = LSTM{.units = 256, .return_sequences = true, .return_state = true};
    Tensors decoder = decoder_inputs;
    if (keyword)
        decoder = std::move(decoder_lstm)(decoder_inputs, {.initial_state = {encoder[1], encoder[2]}});
    else
        decoder = std::move(decoder_lstm)({decoder_inputs, encoder[1], encoder[2]});
    auto outputs = Dense{.units = 64, .activation = "softmax"}(decoder[0]);
    return Model{{encoder_inputs, decoder_inputs}, outputs};
}

constexpr bool test_seq2seq()
{
    for (const bool keyword : {true, false}) {
        const Model m = seq2seq(keyword);
        const std::vector<LayerView> layers = m.layers();
        FACT(layers.size() == 5);
        FACT(layers[2].count_params() == 307'200);
        FACT(layers[3].count_params() == 328'704);
        FACT(layers[4].count_params() == 16'448);
        FACT(m.count_params() == 652'352);
        FACT(m.output_shape() == Shape{None, None, 64});
        // The decoder's call takes x first, then the encoder's outputs 1 and 2 (h and c).
        const auto inputs = m.graph().inputs(m.graph().node(layers[3].nodes()[0]));
        FACT(inputs.size() == 3);
        FACT(m.graph().node(inputs[0].node).layer == layers[1].index());
        FACT(m.graph().node(inputs[1].node).layer == layers[2].index() && inputs[1].index == 1);
        FACT(m.graph().node(inputs[2].node).layer == layers[2].index() && inputs[2].index == 2);
    }
    return true;
}
static_assert(test_seq2seq());

// Keras 3's RNN.compute_output_shape(sequences_shape, initial_state_shape=None) and Bidirectional's
// ignore the states: the outputs and weights are those of the call without them. Numbers from spec §9:
// LSTM(4, return_state=True) on (None, 5, 3) -> [(None, 4)] * 3, 128; Bidirectional(LSTM(4)) -> (None, 8);
// §2.7 ConvLSTM2D(4, 3) on (5, 8, 8, 3) -> (None, 6, 6, 4), 1024.
constexpr bool test_rules_with_states()
{
    const Shape x{None, 5, 3};
    const std::array lstm_in{x, Shape{None, 4}, Shape{None, 4}};
    const LSTM lstm{.units = 4, .return_state = true};
    FACT(lstm.output_shapes(lstm_in) == Shapes{Shape{None, 4}, Shape{None, 4}, Shape{None, 4}});
    FACT(Layer(lstm).params(lstm_in) == Params{128});
    // tf.keras's check is TensorShape.is_compatible_with: None matches any size; the batch is not checked.
    FACT(LSTM{.units = 4}.output_shapes(std::array{x, Shape{None, None}, Shape{7, 4}}) == Shapes{Shape{None, 4}});
    FACT(GRU{.units = 4}.output_shapes(std::array{x, Shape{None, 4}}) == Shapes{Shape{None, 4}});
    FACT(SimpleRNN{.units = 4}.output_shapes(std::array{x, Shape{None, 4}}) == Shapes{Shape{None, 4}});
    // A stack's states are its cells' in order: LSTMCell(4)'s h and c, then GRUCell(3)'s h.
    const RNN stack{.cell = StackedRNNCells{.cells = {LSTMCell{.units = 4}, GRUCell{.units = 3}}}};
    FACT(stack.output_shapes(std::array{x, Shape{None, 4}, Shape{None, 4}, Shape{None, 3}}) == Shapes{Shape{None, 3}});
    // time_major: (T, b, features); the states are still (b, units).
    FACT(LSTM{.units = 4, .time_major = true}.output_shapes(
             std::array{Shape{5, None, 3}, Shape{None, 4}, Shape{None, 4}}) == Shapes{Shape{None, 4}});
    // ConvLSTM2D: h and c have the shape of one output step.
    const Shape frames{None, 5, 8, 8, 3}, state{None, 6, 6, 4};
    FACT(ConvLSTM2D{.filters = 4, .kernel_size = 3}.output_shapes(std::array{frames, state, state}) ==
         Shapes{Shape{None, 6, 6, 4}});
    // Bidirectional: the first half of the states to the forward layer, the second to the backward one.
    const std::array four{x, Shape{None, 4}, Shape{None, 4}, Shape{None, 4}, Shape{None, 4}};
    FACT(Bidirectional{.layer = LSTM{.units = 4}}.output_shapes(four) == Shapes{Shape{None, 8}});
    return true;
}
static_assert(test_rules_with_states());

// A layer call on Inputs of these shapes (batch axis included), for the error checks.
template <class L>
Tensors call(L layer, std::vector<Shape> shapes)
{
    Graph g;
    std::vector<Tensor> inputs;
    for (const Shape& s : shapes) inputs.push_back(Input(g, {.batch_shape = s}));
    return std::move(layer)(Tensors(std::move(inputs)));
}

} // namespace

TEST_CASE("seq2seq: initial_state and Keras 2's list form give Keras's model")
{
    CHECK(test_seq2seq());
    const std::string table = summary(seq2seq(true));
    // The published table's decoder row and its Connected-to lines.
    CHECK(table.find("lstm_2 (LSTM)                   [(None, None, 256),  328704      input_2[0][0]") !=
          std::string::npos);
    CHECK(table.find("\n                                                                 lstm_1[0][1]") !=
          std::string::npos);
    CHECK(table.find("\n                                                                 lstm_1[0][2]") !=
          std::string::npos);
    CHECK(table.find("Total params: 652,352") != std::string::npos);
}

TEST_CASE("recurrent rules on [x, *initial_state]") { CHECK(test_rules_with_states()); }

TEST_CASE("initial states that do not fit the cell's states are errors")
{
    const auto count = doctest::Contains("RNN: An `initial_state` was passed that is not compatible with "
                                         "`cell.state_size`: it needs one tensor per state");
    const auto shape = doctest::Contains("RNN: An `initial_state` was passed that is not compatible with "
                                         "`cell.state_size`: each state must have the shape of the state it replaces");
    CHECK_THROWS_WITH_AS(
        call(LSTM{.units = 4}, {{None, 5, 3}, {None, 4}}),
        doctest::Contains(R"(LSTM layer "lstm_1" with input shape [(None, 5, 3), (None, 4)]: RNN: An)"), shape_error);
    CHECK_THROWS_WITH_AS(call(LSTM{.units = 4}, {{None, 5, 3}, {None, 4}}), count, shape_error);
    CHECK_THROWS_WITH_AS(call(GRU{.units = 4}, {{None, 5, 3}, {None, 4}, {None, 4}}), count, shape_error);
    CHECK_THROWS_WITH_AS(call(GRU{.units = 4}, {{None, 5, 3}, {None, 5}}), shape, shape_error);
    CHECK_THROWS_WITH_AS(call(SimpleRNN{.units = 4}, {{None, 5, 3}, {None, 4, 1}}), shape, shape_error);
    CHECK_THROWS_WITH_AS(
        call(ConvLSTM2D{.filters = 4, .kernel_size = 3}, {{None, 5, 8, 8, 3}, {None, 8, 8, 4}, {None, 8, 8, 4}}), shape,
        shape_error);
    // Keras 2's Bidirectional.__call__ wording; an even count split into halves the layers reject.
    CHECK_THROWS_WITH_AS(
        call(Bidirectional{.layer = LSTM{.units = 4}}, {{None, 5, 3}, {None, 4}, {None, 4}, {None, 4}}),
        doctest::Contains(
            R"(Bidirectional layer "bidirectional_1" with input shape [(None, 5, 3), (None, 4), (None, 4), )"
            "(None, 4)]: When passing `initial_state` to a Bidirectional RNN, the state should be a list "
            "containing the states of the underlying RNNs."),
        shape_error);
    CHECK_THROWS_WITH_AS(call(Bidirectional{.layer = LSTM{.units = 4}}, {{None, 5, 3}, {None, 4}, {None, 4}}), count,
                         shape_error);

    Graph g;
    auto x = Input(g, {.shape = {5, 3}});
    auto h = Input(g, {.shape = {4}});
    CHECK_THROWS_WITH_AS(LSTM{.units = 4}(x, {.constants = {h}}),
                         "RNN: RNN cell does not support constants (nnshape's cells, SimpleRNNCell, LSTMCell, "
                         "GRUCell and StackedRNNCells, take none)",
                         shape_error);
    CHECK_THROWS_WITH_AS(GRU{.units = 4}({x, h}, {.initial_state = h}),
                         "RNN: give the initial states either after the input sequence in the list of inputs or as "
                         "initial_state, not both",
                         shape_error);
    CHECK_THROWS_WITH_AS(g.add(GRU{.units = 4})(Tensors(std::vector<Tensor>{})),
                         doctest::Contains("RNN: expects the input sequence, then optionally its initial states"),
                         shape_error);
    // A state of one unit for GRU(4), given as one tensor (Keras accepts a tensor for a one-state cell).
    CHECK_THROWS_WITH_AS(GRU{.units = 4}(x, {.initial_state = Input(g, {.shape = {1}}), .training = true}), shape,
                         shape_error);
    CHECK(GRU{.units = 4}(x, {.initial_state = h, .training = true}).shape() == Shape{None, 4});
}

} // namespace unit_layers_recurrent_states_test
