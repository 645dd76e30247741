// Wrappers (Bidirectional, TimeDistributed, SpectralNormalization) and RNN over cells, against
// keras-semantics.md §2.5, §2.6 and §9; counts worked by hand from the §2.5 formulas where noted.
#include <doctest/doctest.h>
#include <nnshape/nnshape.hpp>

#include "../check.hpp"

namespace unit_layers_wrappers_test {

namespace {
using namespace nnshape;

constexpr Shape sequence{None, 5, 3};

constexpr bool test_bidirectional()
{
    // §9: Bidirectional(LSTM(4)) -> (None, 8), 256 = 2 x 128; merge_mode='sum' with return_sequences
    // -> (None, 5, 4); merge_mode=None -> [(None, 4), (None, 4)].
    const Bidirectional concat{.layer = LSTM{.units = 4}};
    const Bidirectional sum{.layer = LSTM{.units = 4, .return_sequences = true}, .merge_mode = MergeMode::sum};
    const Bidirectional none{.layer = LSTM{.units = 4}, .merge_mode = MergeMode::none};
    // §2.6 [calc]: with return_state the states follow: [(None, 8), (None, 4) x 4].
    const Bidirectional states{.layer = LSTM{.units = 4, .return_state = true}};
    const Shapes s = states.output_shapes(sequence);
    // §2.6 [calc]: Bidirectional(GRU(4, return_state=True), merge_mode=None) gives four (None, 4).
    const Bidirectional gru{.layer = GRU{.units = 4, .return_state = true}, .merge_mode = MergeMode::none};
    FACT(concat.output_shapes(sequence) == Shapes{Shape{None, 8}});
    FACT(concat.params(sequence) == Params{256});
    FACT(sum.output_shapes(sequence) == Shapes{Shape{None, 5, 4}});
    FACT(sum.params(sequence) == Params{256});
    FACT(none.output_shapes(sequence) == Shapes{Shape{None, 4}, Shape{None, 4}});
    FACT(s.size() == 5);
    FACT(s[0] == Shape{None, 8});
    FACT(s[4] == Shape{None, 4});
    FACT(gru.output_shapes(sequence).size() == 4);
    FACT(gru.output_shapes(sequence)[3] == Shape{None, 4});
    return true;
}
static_assert(test_bidirectional());

constexpr bool test_bidirectional_backward_layer()
{
    // A separate backward layer: GRU(2) backwards beside LSTM(4); concat gives 4 + 2 features.
    // LSTM(4) on 3 features: 4*(4*(3+4)+4) = 128; GRU(2, reset_after=True): 3*(2*(3+2)+2*2) = 42.
    const Bidirectional b{.layer = LSTM{.units = 4}, .backward_layer = GRU{.units = 2, .go_backwards = true}};
    FACT(b.output_shapes(sequence) == Shapes{Shape{None, 6}});
    FACT(b.params(sequence) == Params{128 + 42});
    return true;
}
static_assert(test_bidirectional_backward_layer());

constexpr bool test_time_distributed()
{
    // §2.6 [run]: TimeDistributed(Dense(8)) on (10, 16) -> (None, 10, 8), 136;
    // TimeDistributed(Conv2D(4, 3)) on (None, 8, 8, 3) -> (None, None, 6, 6, 4), 112.
    const Sequential dense{TimeDistributed{.layer = Dense{.units = 8}, .input_shape = {10, 16}}};
    const TimeDistributed conv{.layer = Conv2D{.filters = 4, .kernel_size = 3}};
    const Shape frames{None, None, 8, 8, 3};
    FACT(dense.output_shape() == Shape{None, 10, 8});
    FACT(dense.count_params() == 136);
    FACT(conv.output_shapes(frames) == Shapes{Shape{None, None, 6, 6, 4}});
    FACT(conv.params(frames) == Params{112});
    return true;
}
static_assert(test_time_distributed());

constexpr bool test_rnn_cells()
{
    // RNN(LSTMCell(4)) is LSTM(4): 128 on 3 features (§2.5).
    const RNN lstm{.cell = LSTMCell{.units = 4}, .return_state = true};
    // StackedRNNCells([LSTMCell(4), GRUCell(2)]): 128 + 3*(2*(4+2) + 2*2) = 128 + 48; the output has the
    // last cell's units, the states are the cells' states in order.
    const RNN stacked{.cell = StackedRNNCells{.cells = {LSTMCell{.units = 4}, GRUCell{.units = 2}}},
                      .return_sequences = true,
                      .return_state = true};
    const Shapes s = stacked.output_shapes(sequence);
    FACT(lstm.params(sequence) == LSTM{.units = 4}.params(sequence));
    FACT(lstm.output_shapes(sequence) == Shapes{Shape{None, 4}, Shape{None, 4}, Shape{None, 4}});
    FACT(stacked.params(sequence) == Params{176});
    FACT(s.size() == 4);
    FACT(s[0] == Shape{None, 5, 2});
    FACT(s[1] == Shape{None, 4});
    FACT(s[2] == Shape{None, 4});
    FACT(s[3] == Shape{None, 2});
    return true;
}
static_assert(test_rnn_cells());

constexpr bool test_spectral_normalization()
{
    // Keras 3 adds a non-trainable vector_u of shape (1, kernel.shape[-1]):
    // Dense(10) on 5 features: 5*10 + 10 = 60 trainable + 10; Conv2D(4, 3) on 8x8x3: 112 + 4.
    const SpectralNormalization dense{.layer = Dense{.units = 10}};
    const SpectralNormalization conv{.layer = Conv2D{.filters = 4, .kernel_size = 3}};
    FACT(dense.params(Shape{None, 5}) == Params{60, 10});
    FACT(dense.output_shapes(Shape{None, 5}) == Shapes{Shape{None, 10}});
    FACT(conv.params(Shape{None, 8, 8, 3}) == Params{112, 4});
    return true;
}
static_assert(test_spectral_normalization());

} // namespace

TEST_CASE("wrappers and RNN cells (spec 2.5, 2.6, 9)")
{
    CHECK(test_bidirectional());
    CHECK(test_bidirectional_backward_layer());
    CHECK(test_time_distributed());
    CHECK(test_rnn_cells());
    CHECK(test_spectral_normalization());
}

TEST_CASE("wrapper errors")
{
    CHECK_THROWS_WITH_AS((Sequential{TimeDistributed{.layer = Dense{.units = 8}, .input_shape = {16}}}),
                         doctest::Contains(R"(TimeDistributed layer "time_distributed_1" with input shape (None, 16): )"
                                           "`TimeDistributed` Layer should be passed an `input_shape` with at least 3"),
                         shape_error);
    // Keras 3: a backward layer must differ in go_backwards and match return_sequences.
    CHECK_THROWS_WITH_AS(
        (Bidirectional{.layer = LSTM{.units = 4}, .backward_layer = LSTM{.units = 4}}.output_shapes(sequence)),
        doctest::Contains("different `go_backwards` value"), shape_error);
    CHECK_THROWS_WITH_AS(
        (Bidirectional{.layer = LSTM{.units = 4},
                       .backward_layer = LSTM{.units = 4, .return_sequences = true, .go_backwards = true}}
             .output_shapes(sequence)),
        doctest::Contains("same `return_sequences`"), shape_error);
    CHECK_THROWS_WITH_AS((SpectralNormalization{.layer = MaxPooling2D{}}.params(Shape{None, 4, 4, 1})),
                         doctest::Contains("has no attribute 'kernel' nor 'embeddings'"), shape_error);
}

TEST_CASE("Bidirectional in a functional model: the wrapper's weights count once per wrapper")
{
    Graph g;
    auto x = Input(g, {.shape = {5, 3}});
    auto outs = Bidirectional{.layer = LSTM{.units = 4, .return_state = true}}(x);
    CHECK(outs.size() == 5);
    Model m{x, outs[0]};
    CHECK(m.count_params() == 256);
    CHECK(m.layers()[1].name() == std::string_view("bidirectional_1"));
}

} // namespace unit_layers_wrappers_test
