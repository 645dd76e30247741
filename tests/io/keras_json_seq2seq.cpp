// The Keras JSON reader on seq2seq models: a recurrent layer called with `initial_state`, in each form
// Keras writes the call (tests/fixtures/keras/seq2seq_*.json, written by hand in the layout of the Keras
// sources each test names).
//
// The model is Keras's examples/lstm_seq2seq.py (keras.io "Character-level recurrent
// sequence-to-sequence model") with 43 input and 64 output characters, whose Keras 2 summary is
// published in the README of digikar99/py4cl (`(pymethod model 'summary)`): lstm_1 307,200,
// lstm_2 328,704 connected to input_2[0][0], lstm_1[0][1], lstm_1[0][2], dense_1 16,448; 652,352 in all.
#include <doctest/doctest.h>
#include <nnshape/io/keras_json.hpp>
#include "load_error.hpp"
#include <nnshape/summary.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace io_keras_json_seq2seq_test {

namespace {
using namespace nnshape;
using nnshape::io::LoadedModel;
using nnshape::test::load_error_of;

std::string fixture_text(std::string_view name)
{
    std::ifstream in(std::filesystem::path(NNSHAPE_FIXTURES_DIR) / name);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// `text` with its one occurrence of `from` replaced by `to`.
std::string replaced(std::string text, std::string_view from, std::string_view to)
{
    const std::size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

// The published counts of the encoder LSTM, the decoder LSTM and the Dense layer, in model order
// after the two inputs.
void check_published_counts(const Model& model)
{
    const std::vector<LayerView> layers = model.layers();
    REQUIRE(layers.size() == 5);
    CHECK(layers[2].count_params() == 307'200);
    CHECK(layers[3].count_params() == 328'704);
    CHECK(layers[4].count_params() == 16'448);
    CHECK(model.count_params() == 652'352);
    CHECK(model.output_shape() == Shape{None, None, 64});
}

// The layers and output indices the decoder's call takes its inputs from, in order.
std::vector<std::string> decoder_inputs(const Model& model)
{
    const LayerView decoder = model.layers()[3];
    const detail::GraphCore& g = model.graph();
    std::vector<std::string> out;
    for (const detail::NodeOutput& r : g.inputs(g.node(decoder.nodes()[0]))) {
        const LayerView from{&g, g.node(r.node).layer};
        out.push_back(std::string(from.name().view()) + "[" + std::to_string(r.index) + "]");
    }
    return out;
}

} // namespace

TEST_CASE("seq2seq in Keras 2.0-2.3: the states are more inbound tensors and the summary is the published one")
{
    // digikar99/py4cl README, rows padded to 98 columns as Keras prints them.
    const std::vector<std::string> rows = {
        "__________________________________________________________________________________________________",
        "Layer (type)                    Output Shape         Param #     Connected to                     ",
        "==================================================================================================",
        "input_1 (InputLayer)            (None, None, 43)     0                                            ",
        "__________________________________________________________________________________________________",
        "input_2 (InputLayer)            (None, None, 64)     0                                            ",
        "__________________________________________________________________________________________________",
        "lstm_1 (LSTM)                   [(None, 256), (None, 307200      input_1[0][0]                    ",
        "__________________________________________________________________________________________________",
        "lstm_2 (LSTM)                   [(None, None, 256),  328704      input_2[0][0]                    ",
        "                                                                 lstm_1[0][1]                     ",
        "                                                                 lstm_1[0][2]                     ",
        "__________________________________________________________________________________________________",
        "dense_1 (Dense)                 (None, None, 64)     16448       lstm_2[0][0]                     ",
        "==================================================================================================",
        "Total params: 652,352",
        "Trainable params: 652,352",
        "Non-trainable params: 0",
        "__________________________________________________________________________________________________"};
    std::string expected;
    for (const std::string& r : rows) expected += r + '\n';
    const LoadedModel m = io::load_keras_json_file(std::filesystem::path(NNSHAPE_FIXTURES_DIR) / "seq2seq_keras2.json");
    check_published_counts(*m.model());
    CHECK(summary(*m.model()) == expected);
}

TEST_CASE("seq2seq in tf.keras 2.x: RNN.__call__ folds the states into the first argument or kwargs hold them")
{
    const std::string text = fixture_text("seq2seq_tf_keras.json");
    const LoadedModel m = io::load_keras_json(text);
    check_published_counts(*m.model());
    CHECK(decoder_inputs(*m.model()) == std::vector<std::string>{"input_2[0]", "lstm[1]", "lstm[2]"});

    // The same call with the states as a keyword argument, as tf.keras's process_node reads any
    // call's kwargs ([layer, node, tensor] references, functional.py _deserialize_keras_tensors).
    const LoadedModel kwargs =
        io::load_keras_json(replaced(text, R"([[["input_2", 0, 0, {}], ["lstm", 0, 1, {}], ["lstm", 0, 2, {}]]])",
                                     R"([[["input_2", 0, 0, {"initial_state": [["lstm", 0, 1], ["lstm", 0, 2]]}]]])"));
    check_published_counts(*kwargs.model());
    CHECK(decoder_inputs(*kwargs.model()) == std::vector<std::string>{"input_2[0]", "lstm[1]", "lstm[2]"});
}

TEST_CASE("seq2seq in Keras 3: initial_state in the node's kwargs beside training")
{
    const LoadedModel m = io::load_keras_json(fixture_text("seq2seq_keras3.json"));
    check_published_counts(*m.model());
    CHECK(decoder_inputs(*m.model()) == std::vector<std::string>{"input_layer_1[0]", "lstm[1]", "lstm[2]"});
}

TEST_CASE("call kwargs: a mask tensor and training change no shape while constants and bad states fail")
{
    const std::string text = fixture_text("seq2seq_tf_keras.json");
    const std::string_view decoder_call = R"([[["input_2", 0, 0, {}], ["lstm", 0, 1, {}], ["lstm", 0, 2, {}]]])";

    // tf.keras writes the kwargs beside every tensor of the first argument (node.py serialize).
    const std::string with_mask = replaced(
        text, decoder_call,
        R"([[["input_2", 0, 0, {"mask": ["input_1", 0, 0], "training": true}], ["lstm", 0, 1, {"mask": ["input_1", 0, 0], "training": true}], ["lstm", 0, 2, {"mask": ["input_1", 0, 0], "training": true}]]])");
    check_published_counts(*io::load_keras_json(with_mask).model());

    CHECK(
        load_error_of(replaced(
            text, decoder_call,
            R"([[["input_2", 0, 0, {"initial_state": [["lstm", 0, 1], ["lstm", 0, 2]], "constants": [["lstm", 0, 0]]}]]])")) ==
        "keras_json: layer \"lstm_1\" (LSTM) at layers[3].inbound_nodes[0]: inbound node passes constants to an "
        "RNN cell: RNN cell does not support constants (nnshape's cells take none)");

    // One state for an LSTM, which keeps two; a state of the wrong size.
    CHECK(load_error_of(replaced(text, decoder_call, R"([[["input_2", 0, 0, {}], ["lstm", 0, 1, {}]]])")) ==
          "keras_json: layer \"lstm_1\" (LSTM) at layers[3].inbound_nodes[0]: LSTM layer \"lstm_1\" with input shape "
          "[(None, None, 64), (None, 256)]: RNN: An `initial_state` was passed that is not compatible with "
          "`cell.state_size`: it needs one tensor per state of the cell (LSTM: [h, c]; SimpleRNN, GRU: [h]; a stack: "
          "its cells' states in order)");
    CHECK(load_error_of(replaced(text, decoder_call,
                                 R"([[["input_2", 0, 0, {}], ["lstm", 0, 1, {}], ["input_1", 0, 0, {}]]])")) ==
          "keras_json: layer \"lstm_1\" (LSTM) at layers[3].inbound_nodes[0]: LSTM layer \"lstm_1\" with input shape "
          "[(None, None, 64), (None, 256), (None, None, 43)]: RNN: An `initial_state` was passed that is not "
          "compatible with `cell.state_size`: each state must have the shape of the state it replaces, (batch, "
          "state_size)");

    // An RNN config Keras 2 wrote for a call with constants.
    const std::string rnn = replaced(
        text, R"("class_name": "LSTM", "config": {"name": "lstm_1",)",
        R"("class_name": "RNN", "config": {"cell": {"class_name": "LSTMCell", "config": {"units": 256}}, "num_constants": 1, "name": "lstm_1",)");
    CHECK(load_error_of(rnn) ==
          "keras_json: layer \"lstm_1\" (RNN) at layers[3]: config key \"num_constants\": RNN cell "
          "does not support constants (nnshape's cells take none)");
}

} // namespace io_keras_json_seq2seq_test
