#pragma once
// Harness cases for the wrappers (layers/wrappers.hpp); numbers from Keras as cited.
#include "../layer_case.hpp"

namespace nnshape::harness {

constexpr bool wrappers_cases(auto&& check)
{
    // Spec §9: Bidirectional(LSTM(4)) on (None, 5, 3) -> (None, 8), 256 = 2 x 128; merge_mode='sum' with
    // return_sequences -> (None, 5, 4); merge_mode=None -> [(None, 4), (None, 4)].
    bool ok = check(Bidirectional{.layer = LSTM{.units = 4}}, {Shape{None, 5, 3}}, {Shape{None, 8}}, Params{256});
    ok &= check(Bidirectional{.layer = LSTM{.units = 4, .return_sequences = true}, .merge_mode = MergeMode::sum},
                {Shape{None, 5, 3}}, {Shape{None, 5, 4}}, Params{256});
    ok &= check(Bidirectional{.layer = LSTM{.units = 4}, .merge_mode = MergeMode::none}, {Shape{None, 5, 3}},
                {Shape{None, 4}, Shape{None, 4}}, Params{256});
    // Spec §2.6 [calc]: Bi(LSTM(4, return_state)) -> [(None, 8), (None, 4) x 4], 256.
    ok &= check(Bidirectional{.layer = LSTM{.units = 4, .return_state = true}}, {Shape{None, 5, 3}},
                {Shape{None, 8}, Shape{None, 4}, Shape{None, 4}, Shape{None, 4}, Shape{None, 4}}, Params{256});
    // Spec §2.6 [calc]: Bi(GRU(4, return_state), None) gives four (None, 4); 2 x GRU(4) reset_after=True on 3
    // features = 2 * 3*(4*3 + 4*4 + 2*4) = 216 (spec §2.5).
    ok &= check(Bidirectional{.layer = GRU{.units = 4, .return_state = true}, .merge_mode = MergeMode::none},
                {Shape{None, 5, 3}}, {Shape{None, 4}, Shape{None, 4}, Shape{None, 4}, Shape{None, 4}}, Params{216});
    // Keras 3 backward_layer: GRU(2) backwards beside LSTM(4); concat gives 4 + 2 features; 128 + GRU(2) on 3
    // features 3*(2*(3+2) + 2*2) = 42 (spec §2.5).
    ok &= check(Bidirectional{.layer = LSTM{.units = 4}, .backward_layer = GRU{.units = 2, .go_backwards = true}},
                {Shape{None, 5, 3}}, {Shape{None, 6}}, Params{170});
    // tf.keras 2.15 runs Bidirectional over time-major RNNs (bidirectional_test
    // test_Bidirectional_with_time_major_input): each direction's compute_output_shape keeps (T, b)
    // (base_rnn.py) and concat joins the last axes: LSTM(4, time_major, return_sequences) on (5, None, 3)
    // -> (5, None, 8), 2 x 128. `weights=None` changes nothing.
    ok &= check(
        Bidirectional{.layer = LSTM{.units = 4, .return_sequences = true, .time_major = true}, .weights = nullptr},
        {Shape{5, None, 3}}, {Shape{5, None, 8}}, Params{256});
    // Bidirectional concatenates on the last axis (spec §2.6), so Bi(ConvLSTM2D(4, 3)) on (5, 8, 8, 3) ->
    // (None, 6, 6, 8), 2 x 1024 (spec §2.7 [run]).
    ok &= check(Bidirectional{.layer = ConvLSTM2D{.filters = 4, .kernel_size = 3}}, {Shape{None, 5, 8, 8, 3}},
                {Shape{None, 6, 6, 8}}, Params{2048});
    // Keras 2 files' Bidirectional(CuDNNLSTM(2, return_sequences=True)) on 10 features: 2 x 112
    // (cudnn_recurrent.py build: kernel (10, 8), recurrent_kernel (2, 8), bias (16)), concat 2 + 2 features;
    // TimeDistributed(CuDNNGRU(2)) runs it on each step: 84 = (10, 6) + (2, 6) + (12).
    ok &= check(Bidirectional{.layer = CuDNNLSTM{.units = 2, .return_sequences = true}}, {Shape{None, 3, 10}},
                {Shape{None, 3, 4}}, Params{224});
    ok &=
        check(TimeDistributed{.layer = CuDNNGRU{.units = 2}}, {Shape{None, 4, 3, 10}}, {Shape{None, 4, 2}}, Params{84});
    // Spec §2.6 [run]: TimeDistributed(Dense(8)) on (10, 16) -> (None, 10, 8), 136;
    // TimeDistributed(Conv2D(4, 3)) on (None, 8, 8, 3) -> (None, None, 6, 6, 4), 112.
    ok &= check(TimeDistributed{.layer = Dense{.units = 8}}, {Shape{None, 10, 16}}, {Shape{None, 10, 8}}, Params{136});
    ok &= check(TimeDistributed{.layer = Conv2D{.filters = 4, .kernel_size = 3}}, {Shape{None, None, 8, 8, 3}},
                {Shape{None, None, 6, 6, 4}}, Params{112});
    // Keras 3 SpectralNormalization adds a non-trainable vector_u (1, kernel.shape[-1]): Dense(10) on 5 features
    // 5*10 + 10 = 60 trainable + 10; Conv2D(4, 3) on 8x8x3: 112 + 4.
    ok &=
        check(SpectralNormalization{.layer = Dense{.units = 10}}, {Shape{None, 5}}, {Shape{None, 10}}, Params{60, 10});
    ok &= check(SpectralNormalization{.layer = Conv2D{.filters = 4, .kernel_size = 3}}, {Shape{None, 8, 8, 3}},
                {Shape{None, 6, 6, 4}}, Params{112, 4});
    return ok;
}

} // namespace nnshape::harness
