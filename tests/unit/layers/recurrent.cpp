// Recurrent layers (SimpleRNN, LSTM, GRU) against Keras's numbers: spec §2.5, §9 and the seed notebook.
// Each constexpr test runs at compile time (static_assert) and at run time (CHECK).
#include <doctest/doctest.h>
#include <nnshape/nnshape.hpp>
#include <nnshape/analysis/flops.hpp>

#include "../check.hpp"

#include <utility>

namespace unit_layers_recurrent_test {

namespace {
using namespace nnshape;

constexpr bool test_simple_rnn()
{
    // §9: SimpleRNN(4) on (None, 5, 3) -> (None, 4), 32 = 4*3 + 4*4 + 4;
    // SimpleRNN(4, use_bias=False, return_sequences=True) on (None, None, 3) -> (None, None, 4), 28.
    const SimpleRNN plain{.units = 4};
    const SimpleRNN seq{.units = 4, .use_bias = false, .return_sequences = true};
    FACT(plain.output_shapes(Shape{None, 5, 3}) == Shapes{Shape{None, 4}});
    FACT(plain.params(Shape{None, 5, 3}) == Params{32});
    FACT(seq.output_shapes(Shape{None, None, 3}) == Shapes{Shape{None, None, 4}});
    FACT(seq.params(Shape{None, None, 3}) == Params{28});
    // return_state: [main, h] (§2.5)
    FACT(SimpleRNN{.units = 4, .return_state = true}.output_shapes(Shape{None, 5, 3}) ==
         Shapes{Shape{None, 4}, Shape{None, 4}});
    return true;
}
static_assert(test_simple_rnn());

constexpr bool test_lstm()
{
    // §9: LSTM(4, return_state=True) on (None, 5, 3) -> [(None, 4)] * 3, 128 = 4*(4*3 + 4*4 + 4).
    // §2.5 [run]: LSTM(4, return_sequences=True, return_state=True) on (5, 3) -> [(None, 5, 4), (None, 4), (None, 4)];
    // LSTM(4, stateful=True) with batch 32 -> (32, 4).
    FACT(LSTM{.units = 4, .return_state = true}.output_shapes(Shape{None, 5, 3}) ==
         Shapes{Shape{None, 4}, Shape{None, 4}, Shape{None, 4}});
    FACT(LSTM{.units = 4}.params(Shape{None, 5, 3}) == Params{128});
    FACT(LSTM{.units = 4, .return_sequences = true, .return_state = true}.output_shapes(Shape{None, 5, 3}) ==
         Shapes{Shape{None, 5, 4}, Shape{None, 4}, Shape{None, 4}});
    FACT(LSTM{.units = 4, .stateful = true}.output_shapes(Shape{32, 5, 3}) == Shapes{Shape{32, 4}});
    // use_bias=False: 4*(12 + 16)
    FACT(LSTM{.units = 4, .use_bias = false}.params(Shape{None, 5, 3}) == Params{112});
    return true;
}
static_assert(test_lstm());

constexpr bool test_gru()
{
    // §9 / §2.5 [run]: GRU(4) on in=3 -> 96 = 3*(4*3 + 4*4 + 4) with Keras 2's reset_after=False;
    // reset_after=True -> 108 = 3*(4*3 + 4*4 + 2*4). tf.keras 2 and Keras 3 default to True.
    FACT(GRU{.units = 4, .reset_after = false}.params(Shape{None, 5, 3}) == Params{96});
    FACT(GRU{.units = 4, .reset_after = true}.params(Shape{None, 5, 3}) == Params{108});
    FACT(GRU{.units = 4}.params(Shape{None, 5, 3}) == Params{108});
    FACT(GRU{.units = 4}.output_shapes(Shape{None, 5, 3}) == Shapes{Shape{None, 4}});
    FACT(GRU{.units = 4, .return_sequences = true, .return_state = true}.output_shapes(Shape{None, 5, 3}) ==
         Shapes{Shape{None, 5, 4}, Shape{None, 4}});
    // use_bias=False drops every bias: 3*(12 + 16)
    FACT(GRU{.units = 4, .use_bias = false}.params(Shape{None, 5, 3}) == Params{84});
    return true;
}
static_assert(test_gru());

constexpr bool test_recurrent_stack()
{
    // Notebook In[114] (Keras 2.1, GRU reset_after=False): batch_input_shape=(100, 20, 64) wins over
    // input_shape; LSTM(64) 33024 = 4*(64*64 + 64*64 + 64) twice, LSTM(32) 12416 = 4*(32*64 + 32*32 + 32),
    // SimpleRNN(32) 2080 = 32*32 + 32*32 + 32, GRU(32) 6240 = 3*(32*32 + 32*32 + 32); total 86,784.
    Sequential model;
    model.add(LSTM{.units = 64,
                   .return_sequences = true,
                   .stateful = true,
                   .input_shape = Shape{10, 64},
                   .batch_input_shape = Shape{100, 20, 64}});
    model.add(LSTM{.units = 64, .return_sequences = true, .input_dim = 64, .input_length = 10});
    model.add(LSTM{.units = 32, .return_sequences = true});
    model.add(SimpleRNN{.units = 32, .return_sequences = true});
    model.add(GRU{.units = 32, .return_sequences = false, .reset_after = false});
    const auto l = model.layers();
    FACT(l[0].output_shape == Shape{100, 20, 64});
    FACT(l[0].count_params() == 33024);
    FACT(l[1].output_shape == Shape{100, 20, 64});
    FACT(l[1].count_params() == 33024);
    FACT(l[2].output_shape == Shape{100, 20, 32});
    FACT(l[2].count_params() == 12416);
    FACT(l[3].output_shape == Shape{100, 20, 32});
    FACT(l[3].count_params() == 2080);
    FACT(l[4].output_shape == Shape{100, 32});
    FACT(l[4].count_params() == 6240);
    FACT(model.count_params() == 86784);
    return true;
}
static_assert(test_recurrent_stack());

constexpr bool test_recurrent_first_layer_args()
{
    // input_shape=(10, 64) is input_length=10 and input_dim=64 (notebook note to In[114]).
    const Sequential model{LSTM{.units = 64, .input_dim = 64, .input_length = 10}};
    FACT(model.input_shape() == Shape{None, 10, 64});
    FACT(model.output_shape() == Shape{None, 64});
    FACT(model.count_params() == 33024);
    return true;
}
static_assert(test_recurrent_first_layer_args());

} // namespace

TEST_CASE("recurrent layers: shapes and counts at run time (same tests as the static_asserts)")
{
    CHECK(test_simple_rnn());
    CHECK(test_lstm());
    CHECK(test_gru());
    CHECK(test_recurrent_stack());
    CHECK(test_recurrent_first_layer_args());
}

TEST_CASE("stateful RNN without a known batch size")
{
    // §2.5 (Keras 2.1): "If a RNN is stateful, it needs to know its batch size. ..."
    CHECK_THROWS_WITH_AS(
        (Sequential{LSTM{.units = 4, .stateful = true, .input_shape = Shape{5, 3}}}),
        doctest::Contains(R"(LSTM layer "lstm_1" with input shape (None, 5, 3): RNN: If a RNN is stateful, it needs )"
                          "to know its batch size."),
        shape_error);
    CHECK_THROWS_AS((GRU{.units = 4, .stateful = true}.output_shapes(Shape{None, 5, 3})), shape_error);
}

TEST_CASE("recurrent layers need (batch, timesteps, features)")
{
    // InputSpec ndim=3 (§2.5)
    CHECK_THROWS_WITH_AS(
        (Sequential{SimpleRNN{.units = 4, .input_shape = Shape{3}}}),
        doctest::Contains(R"(SimpleRNN layer "simple_rnn_1" with input shape (None, 3): RNN: expected ndim=3)"),
        shape_error);
    // return_state gives several outputs, which a Sequential rejects.
    CHECK_THROWS_WITH_AS((Sequential{LSTM{.units = 4, .return_state = true, .input_shape = Shape{5, 3}}}),
                         doctest::Contains("All layers in a Sequential model should have a single output tensor."),
                         shape_error);
}

namespace {

// tf.keras 2.x's `time_major` (keras 2.15 base_rnn.py compute_output_shape): the input is
// (timesteps, batch, features), a sequence output (timesteps, batch, units), the last output and the
// states (batch, units); a stateful layer needs axis 1, the batch, known.
constexpr bool test_time_major()
{
    const LSTM last{.units = 4, .return_state = true, .time_major = true};
    FACT(last.output_shapes(Shape{5, 32, 3}) == (Shapes{Shape{32, 4}, Shape{32, 4}, Shape{32, 4}}));
    const GRU sequence{.units = 4, .return_sequences = true, .stateful = true, .time_major = true};
    FACT(sequence.output_shapes(Shape{None, 32, 3}) == Shapes{Shape{None, 32, 4}});
    FACT(sequence.params(Shape{None, 32, 3}) == GRU{.units = 4}.params(Shape{None, 5, 3}));
    // The same steps as batch-major: 2 samples x 10 steps of LSTM(4) on 3 features.
    const auto one_layer = [](auto layer, Shape in) {
        Graph g;
        auto x = Input(g, {.batch_shape = in});
        const Model m{x, std::move(layer)(x)};
        return cost(m).calls[1];
    };
    FACT(one_layer(LSTM{.units = 4, .time_major = true}, Shape{10, 2, 3}) ==
         one_layer(LSTM{.units = 4}, Shape{2, 10, 3}));
    return true;
}
static_assert(test_time_major());

} // namespace

TEST_CASE("time_major recurrent layers")
{
    CHECK(test_time_major());
    CHECK_THROWS_WITH_AS((LSTM{.units = 4, .stateful = true, .time_major = true}.output_shapes(Shape{5, None, 3})),
                         doctest::Contains("RNN: If a RNN is stateful, it needs to know its batch size."), shape_error);
}

} // namespace unit_layers_recurrent_test
