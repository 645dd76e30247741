#pragma once
// Harness cases for ConvLSTM1D/2D/3D (layers/convolutional_recurrent.hpp); numbers from Keras as cited.
#include "../layer_case.hpp"

namespace nnshape::harness {

constexpr bool convolutional_recurrent_cases(auto&& check)
{
    // Spec §2.7 rule over one spatial axis: ConvLSTM1D(4, 3) on (5, 10, 3): 10 - 3 + 1 = 8 -> (None, 8, 4);
    // 3*3*16 + 3*4*16 + 16 = 352. Dilation 2: K = 5, 10 - 5 + 1 = 6. channels_first with return_state:
    // (b, f, L') for the output, h and c.
    bool ok =
        check(ConvLSTM1D{.filters = 4, .kernel_size = 3}, {Shape{None, 5, 10, 3}}, {Shape{None, 8, 4}}, Params{352});
    ok &= check(ConvLSTM1D{.filters = 4, .kernel_size = 3, .dilation_rate = 2}, {Shape{None, 5, 10, 3}},
                {Shape{None, 6, 4}}, Params{352});
    ok &= check(ConvLSTM1D{.filters = 4, .kernel_size = 3, .data_format = channels_first, .return_state = true},
                {Shape{None, 5, 3, 10}}, {Shape{None, 4, 8}, Shape{None, 4, 8}, Shape{None, 4, 8}}, Params{352});
    // Spec §2.7 [run]: ConvLSTM2D(4, 3) on (5, 8, 8, 3) -> (None, 6, 6, 4), 1024 = 9*3*16 + 9*4*16 + 16;
    // ConvLSTM2D(4, (3, 2), channels_first) on (5, 3, 8, 8) -> (None, 4, 6, 7), 688 = 6*3*16 + 6*4*16 + 16.
    ok &= check(ConvLSTM2D{.filters = 4, .kernel_size = 3}, {Shape{None, 5, 8, 8, 3}}, {Shape{None, 6, 6, 4}},
                Params{1024});
    ok &= check(ConvLSTM2D{.filters = 4, .kernel_size = {3, 2}, .data_format = channels_first},
                {Shape{None, 5, 3, 8, 8}}, {Shape{None, 4, 6, 7}}, Params{688});
    // Spec §9: ConvLSTM2D(4, 3, 'same', return_sequences, return_state) on (None, None, 8, 8, 3) ->
    // [(None, None, 8, 8, 4), (None, 8, 8, 4), (None, 8, 8, 4)], 1024.
    ok &= check(
        ConvLSTM2D{.filters = 4, .kernel_size = 3, .padding = same, .return_sequences = true, .return_state = true},
        {Shape{None, None, 8, 8, 3}}, {Shape{None, None, 8, 8, 4}, Shape{None, 8, 8, 4}, Shape{None, 8, 8, 4}},
        Params{1024});
    // return_sequences with channels_first: (b, T, f, h', w'); use_bias=False drops 4f: 1024 - 16 = 1008;
    // strides 2, valid (spec §0.4): (8 - 3 + 2) // 2 = 3, a known batch copied through.
    ok &= check(ConvLSTM2D{.filters = 4, .kernel_size = 3, .data_format = channels_first, .return_sequences = true},
                {Shape{None, 5, 3, 8, 8}}, {Shape{None, 5, 4, 6, 6}}, Params{1024});
    ok &= check(ConvLSTM2D{.filters = 4, .kernel_size = 3, .use_bias = false}, {Shape{None, 5, 8, 8, 3}},
                {Shape{None, 6, 6, 4}}, Params{1008});
    // The initializers, unit_forget_bias, regularizers, dropout rates and seed change nothing: 1024.
    ok &= check(ConvLSTM2D{.filters = 4,
                           .kernel_size = 3,
                           .recurrent_initializer = "orthogonal",
                           .unit_forget_bias = false,
                           .kernel_regularizer = nullptr,
                           .dropout = 0.1,
                           .recurrent_dropout = 0.1,
                           .seed = 3},
                {Shape{None, 5, 8, 8, 3}}, {Shape{None, 6, 6, 4}}, Params{1024});
    ok &= check(ConvLSTM2D{.filters = 4, .kernel_size = 3, .strides = 2, .stateful = true}, {Shape{16, 5, 8, 8, 3}},
                {Shape{16, 3, 3, 4}}, Params{1024});
    // Spec §2.7 rule over three spatial axes: ConvLSTM3D(2, 3) on (5, 6, 6, 6, 1) -> (None, 4, 4, 4, 2);
    // 27*1*8 + 27*2*8 + 8 = 656; 'same' with return_sequences keeps 6x6x6 and the time axis.
    ok &= check(ConvLSTM3D{.filters = 2, .kernel_size = 3}, {Shape{None, 5, 6, 6, 6, 1}}, {Shape{None, 4, 4, 4, 2}},
                Params{656});
    ok &= check(ConvLSTM3D{.filters = 2, .kernel_size = 3, .padding = same, .return_sequences = true},
                {Shape{None, None, 6, 6, 6, 1}}, {Shape{None, None, 6, 6, 6, 2}}, Params{656});
    return ok;
}

} // namespace nnshape::harness
