#pragma once
// Harness cases for the recurrent layers (layers/recurrent.hpp); numbers from Keras as cited.
#include "../layer_case.hpp"

namespace nnshape::harness {

constexpr bool recurrent_cases(auto&& check)
{
    // Spec §9: SimpleRNN(4) on (None, 5, 3) -> (None, 4), 32 = 4*3 + 4*4 + 4; SimpleRNN(4, use_bias=False,
    // return_sequences=True) on (None, None, 3) -> (None, None, 4), 28. return_state adds (b, 4) (spec §2.5).
    bool ok = check(SimpleRNN{.units = 4}, {Shape{None, 5, 3}}, {Shape{None, 4}}, Params{32});
    ok &= check(SimpleRNN{.units = 4, .use_bias = false, .return_sequences = true}, {Shape{None, None, 3}},
                {Shape{None, None, 4}}, Params{28});
    ok &= check(SimpleRNN{.units = 4, .return_state = true}, {Shape{None, 5, 3}}, {Shape{None, 4}, Shape{None, 4}},
                Params{32});
    // Spec §9: LSTM(4, return_state=True) on (None, 5, 3) -> [(None, 4)] * 3, 128 = 4*(4*3 + 4*4 + 4).
    // Spec §2.5 [run]: LSTM(4, return_sequences=True, return_state=True) on (5, 3) -> [(None, 5, 4), (None, 4),
    // (None, 4)]; LSTM(4, stateful=True) with batch 32 -> (32, 4). use_bias=False: 4*(12 + 16) = 112.
    ok &= check(LSTM{.units = 4, .return_state = true}, {Shape{None, 5, 3}},
                {Shape{None, 4}, Shape{None, 4}, Shape{None, 4}}, Params{128});
    ok &= check(LSTM{.units = 4, .return_sequences = true, .return_state = true}, {Shape{None, 5, 3}},
                {Shape{None, 5, 4}, Shape{None, 4}, Shape{None, 4}}, Params{128});
    ok &= check(LSTM{.units = 4, .stateful = true}, {Shape{32, 5, 3}}, {Shape{32, 4}}, Params{128});
    ok &= check(LSTM{.units = 4, .use_bias = false}, {Shape{None, 5, 3}}, {Shape{None, 4}}, Params{112});
    // Spec §9 / §2.5 [run]: GRU(4) on in=3 -> 96 = 3*(4*3 + 4*4 + 4) with reset_after=False; 108 =
    // 3*(4*3 + 4*4 + 2*4) with reset_after=True (the tf.keras 2 and Keras 3 default). use_bias=False: 3*28 = 84.
    ok &= check(GRU{.units = 4, .reset_after = false}, {Shape{None, 5, 3}}, {Shape{None, 4}}, Params{96});
    ok &= check(GRU{.units = 4}, {Shape{None, 5, 3}}, {Shape{None, 4}}, Params{108});
    ok &= check(GRU{.units = 4, .return_sequences = true, .return_state = true}, {Shape{None, 5, 3}},
                {Shape{None, 5, 4}, Shape{None, 4}}, Params{108});
    ok &= check(GRU{.units = 4, .use_bias = false}, {Shape{None, 5, 3}}, {Shape{None, 4}}, Params{84});
    // Initializers, regularizers, dropout rates, seed, unroll, use_cudnn and implementation change nothing.
    ok &= check(LSTM{.units = 4,
                     .kernel_initializer = "he_normal",
                     .unit_forget_bias = false,
                     .dropout = 0.2,
                     .recurrent_dropout = 0.1,
                     .seed = 7,
                     .return_sequences = true,
                     .unroll = true,
                     .use_cudnn = "auto",
                     .implementation = 1},
                {Shape{None, 5, 3}}, {Shape{None, 5, 4}}, Params{128});
    // tf.keras 2.15's base_rnn_test test_rnn_with_time_major: SimpleRNN(3, time_major=True,
    // return_sequences=True).compute_output_shape((5, None, 4)) == (5, None, 3); 3*4 + 3*3 + 3 = 24.
    ok &= check(SimpleRNN{.units = 3, .return_sequences = true, .time_major = true}, {Shape{5, None, 4}},
                {Shape{5, None, 3}}, Params{24});
    // tf.keras 2.15 base_rnn.py compute_output_shape: with time_major the batch is axis 1, so the last
    // output and the states are (batch, units): LSTM(4, time_major=True, return_state=True) on
    // (5, 32, 3) -> [(32, 4)] * 3, 128 as above.
    ok &= check(LSTM{.units = 4, .return_state = true, .time_major = true}, {Shape{5, 32, 3}},
                {Shape{32, 4}, Shape{32, 4}, Shape{32, 4}}, Params{128});
    return ok;
}

// RNN over cells, written to and read from JSON as Keras serializes them ({"class_name": "LSTMCell", ...}).
constexpr bool rnn_cell_cases(auto&& check)
{
    // RNN(SimpleRNNCell(4)) is SimpleRNN(4): 32; RNN(LSTMCell(4), return_state=True) is LSTM(4): 128 (spec §2.5).
    bool ok = check(RNN{.cell = SimpleRNNCell{.units = 4}}, {Shape{None, 5, 3}}, {Shape{None, 4}}, Params{32});
    ok &= check(RNN{.cell = LSTMCell{.units = 4}, .return_state = true}, {Shape{None, 5, 3}},
                {Shape{None, 4}, Shape{None, 4}, Shape{None, 4}}, Params{128});
    // StackedRNNCells([LSTMCell(4), GRUCell(2)]) (spec §2.5): 128 + 3*(2*(4+2) + 2*2) = 176; the output has the
    // last cell's units and the states are the cells' states in order: h, c of the LSTM, then h of the GRU.
    ok &= check(RNN{.cell = StackedRNNCells{.cells = {LSTMCell{.units = 4}, GRUCell{.units = 2}}},
                    .return_sequences = true,
                    .return_state = true},
                {Shape{None, 5, 3}}, {Shape{None, 5, 2}, Shape{None, 4}, Shape{None, 4}, Shape{None, 2}}, Params{176});
    // tf.keras 2.15's base_rnn_test test_rnn_with_time_major, stacking: RNN([SimpleRNNCell(10), (8), (6)],
    // time_major=True, return_sequences=True) on (5, None, 4) -> (5, None, 6); (10*4 + 10*10 + 10) +
    // (8*10 + 8*8 + 8) + (6*8 + 6*6 + 6) = 150 + 152 + 90 = 392.
    ok &= check(RNN{.cell = StackedRNNCells{.cells = {SimpleRNNCell{.units = 10}, SimpleRNNCell{.units = 8},
                                                      SimpleRNNCell{.units = 6}}},
                    .return_sequences = true,
                    .time_major = true},
                {Shape{5, None, 4}}, {Shape{5, None, 6}}, Params{392});
    // The cells take their Keras arguments too; those that change nothing are not stored.
    ok &= check(RNN{.cell = GRUCell{.units = 4, .activation = "relu", .dropout = 0.5, .reset_after = false, .seed = 1}},
                {Shape{None, 5, 3}}, {Shape{None, 4}}, Params{96});
    return ok;
}

// Keras 2's and tf.keras's CuDNNLSTM and CuDNNGRU (layers/recurrent_cudnn.hpp): the weights their build
// makes (Keras 2.3.1 cudnn_recurrent.py, tf.keras 2.15 cudnn_lstm.py / cudnn_gru.py), on tf.keras's
// cudnn_test sizes (input_size 10, units 2): CuDNNLSTM kernel (10, 8) + recurrent_kernel (2, 8) +
// bias (16) = 112; CuDNNGRU (10, 6) + (2, 6) + (12) = 84. Shapes as every RNN's (base_rnn.py).
constexpr bool cudnn_recurrent_cases(auto&& check)
{
    bool ok = check(CuDNNLSTM{.units = 2}, {Shape{None, 3, 10}}, {Shape{None, 2}}, Params{112});
    ok &= check(CuDNNLSTM{.units = 2, .unit_forget_bias = false, .return_sequences = true, .return_state = true},
                {Shape{None, 3, 10}}, {Shape{None, 3, 2}, Shape{None, 2}, Shape{None, 2}}, Params{112});
    ok &= check(CuDNNGRU{.units = 2, .kernel_initializer = "he_normal", .go_backwards = true}, {Shape{None, 3, 10}},
                {Shape{None, 2}}, Params{84});
    // cudnn_test test_stateful and test_time_major_input.
    ok &= check(CuDNNGRU{.units = 2, .return_state = true, .stateful = true}, {Shape{2, 3, 10}},
                {Shape{2, 2}, Shape{2, 2}}, Params{84});
    ok &= check(CuDNNLSTM{.units = 2, .return_sequences = true, .time_major = true}, {Shape{3, None, 10}},
                {Shape{3, None, 2}}, Params{112});
    return ok;
}

} // namespace nnshape::harness
