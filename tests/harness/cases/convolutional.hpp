#pragma once
// Harness cases for the convolutions (layers/convolutional.hpp); numbers from Keras as cited.
#include "../layer_case.hpp"

namespace nnshape::harness {

// Conv1D, Conv2D, Conv3D.
constexpr bool convolutional_cases(auto&& check)
{
    // Spec §2.2 [run]: Conv1D(8, 3) on (10, 4) -> (8, 8), 104 = 3*4*8 + 8; causal with d=2 -> (10, 8);
    // Conv1D(8, 3, s=2, 'same') on (None, 4) -> (None, None, 8).
    bool ok = check(Conv1D{.filters = 8, .kernel_size = 3}, {Shape{None, 10, 4}}, {Shape{None, 8, 8}}, Params{104});
    ok &= check(Conv1D{.filters = 8, .kernel_size = 3, .padding = causal, .dilation_rate = 2}, {Shape{None, 10, 4}},
                {Shape{None, 10, 8}}, Params{104});
    ok &= check(Conv1D{.filters = 8, .kernel_size = 3, .strides = 2, .padding = same}, {Shape{None, None, 4}},
                {Shape{None, None, 8}}, Params{104});
    // Keras 3 docstring: Conv1D(32, 3) on (4, 10, 128) -> (4, 8, 32); 3*128*32 + 32 = 12320.
    ok &= check(Conv1D{.filters = 32, .kernel_size = 3}, {Shape{4, 10, 128}}, {Shape{4, 8, 32}}, Params{12320});
    // channels_first (b, c, L) -> (b, f, L'): 8, 104; groups=2: kernel (3, 4/2, 8) + 8 = 56; no bias 3*4*8 = 96.
    ok &= check(Conv1D{.filters = 8, .kernel_size = 3, .data_format = channels_first}, {Shape{None, 4, 10}},
                {Shape{None, 8, 8}}, Params{104});
    ok &= check(Conv1D{.filters = 8, .kernel_size = 3, .groups = 2}, {Shape{None, 10, 4}}, {Shape{None, 8, 8}},
                Params{56});
    ok &= check(Conv1D{.filters = 8, .kernel_size = 3, .use_bias = false}, {Shape{None, 10, 4}}, {Shape{None, 8, 8}},
                Params{96});
    // Notebook In[3]: Conv2D(16, (3, 2), padding='same') on (6, 6, 3) -> (None, 6, 6, 16), 304 = 3*2*3*16 + 16.
    ok &= check(Conv2D{.filters = 16, .kernel_size = {3, 2}, .padding = same}, {Shape{None, 6, 6, 3}},
                {Shape{None, 6, 6, 16}}, Params{304});
    // Spec §2.2 [run]: Conv2D(16, 3, s=2) on 7x7x3 -> 3x3x16, 448; Conv2D(16, (3, 5), d=2, 'same',
    // channels_first) on (3, 10, 12) -> (16, 10, 12), 736 = 3*5*3*16 + 16.
    ok &= check(Conv2D{.filters = 16, .kernel_size = 3, .strides = 2}, {Shape{None, 7, 7, 3}}, {Shape{None, 3, 3, 16}},
                Params{448});
    ok &= check(
        Conv2D{
            .filters = 16, .kernel_size = {3, 5}, .padding = same, .data_format = channels_first, .dilation_rate = 2},
        {Shape{None, 3, 10, 12}}, {Shape{None, 16, 10, 12}}, Params{736});
    // Spec §0.4 same: ceil(7 / 2) = 4; 3*3*3*4 + 4 = 112. groups=2: 3*3*(4/2)*8 + 8 = 152. use_bias=False:
    // 3*3*3*16 = 432.
    ok &= check(Conv2D{.filters = 4, .kernel_size = 3, .strides = 2, .padding = same}, {Shape{None, 7, 7, 3}},
                {Shape{None, 4, 4, 4}}, Params{112});
    ok &= check(Conv2D{.filters = 8, .kernel_size = 3, .groups = 2}, {Shape{None, 5, 5, 4}}, {Shape{None, 3, 3, 8}},
                Params{152});
    ok &= check(Conv2D{.filters = 16, .kernel_size = 3, .use_bias = false}, {Shape{None, 7, 7, 3}},
                {Shape{None, 5, 5, 16}}, Params{432});
    // Notebook "其它" In[3]: Conv2D(16, 3) on Input(shape=(None, None, 3)) -> (None, None, None, 16), 448.
    ok &= check(Conv2D{.filters = 16, .kernel_size = 3}, {Shape{None, None, None, 3}}, {Shape{None, None, None, 16}},
                Params{448});
    // Spec §2.2 [run]: Conv3D(4, 3) on (5, 6, 7, 2) -> (3, 4, 5, 4), 220 = 27*2*4 + 4; channels_first the same.
    ok &= check(Conv3D{.filters = 4, .kernel_size = 3}, {Shape{None, 5, 6, 7, 2}}, {Shape{None, 3, 4, 5, 4}},
                Params{220});
    ok &= check(Conv3D{.filters = 4, .kernel_size = 3, .data_format = channels_first}, {Shape{None, 2, 5, 6, 7}},
                {Shape{None, 4, 3, 4, 5}}, Params{220});
    // Spec §0.4 same, strides 2: ceil(5/2), ceil(6/2), ceil(7/2) = 3, 3, 4; 220.
    ok &= check(Conv3D{.filters = 4, .kernel_size = 3, .strides = 2, .padding = same}, {Shape{None, 5, 6, 7, 2}},
                {Shape{None, 3, 3, 4, 4}}, Params{220});
    // Kernel (1, 2, 3), dilation (1, 1, 2): dilated 1, 2, 5 -> 5, 5, 3; 1*2*3*2*4 + 4 = 52.
    ok &= check(Conv3D{.filters = 4, .kernel_size = {1, 2, 3}, .dilation_rate = {1, 1, 2}}, {Shape{None, 5, 6, 7, 2}},
                {Shape{None, 5, 5, 3, 4}}, Params{52});
    // Keras 3's conv_test test_enable_lora "conv2d_kernel_size2_strides2": Conv2D(6, 2, strides=2, groups=2)
    // on (None, 5, 5, 4) -> (None, 2, 2, 6), LoRA rank 2 (3 trainable weights, 1 frozen). Shapes from
    // base_conv.py build/enable_lora: kernel (2, 2, 4/2, 6) = 48 frozen; lora_kernel_a (2, 2, 2, 2) = 16,
    // lora_kernel_b (2, 6) = 12 and bias (6) train: 34.
    ok &= check(Conv2D{.filters = 6, .kernel_size = 2, .strides = 2, .groups = 2, .lora_rank = 2},
                {Shape{None, 5, 5, 4}}, {Shape{None, 2, 2, 6}}, Params{34, 48});
    // The same "conv1d_kernel_size3_strides1" case: Conv1D(6, 3) on (None, 5, 4) -> (None, 3, 6); kernel
    // (3, 4, 6) = 72 frozen; lora_kernel_a (3, 4, 2) = 24 + lora_kernel_b (2, 6) = 12 + bias 6 = 42.
    // The initializer, regularizer and constraint arguments change nothing.
    ok &= check(Conv1D{.filters = 6,
                       .kernel_size = 3,
                       .kernel_initializer = "he_normal",
                       .kernel_regularizer = nullptr,
                       .bias_constraint = nullptr,
                       .lora_rank = 2,
                       .lora_alpha = 4},
                {Shape{None, 5, 4}}, {Shape{None, 3, 6}}, Params{42, 72});
    return ok;
}

// DepthwiseConv1D/2D, SeparableConv1D/2D, Conv1DTranspose/2D/3D.
constexpr bool convolutional_variant_cases(auto&& check)
{
    // Spec §2.2: out channels in*dm, params prod(k)*in*dm + in*dm. (10, 4), kernel 3, dm 2: (8, 8), 3*8 + 8 = 32.
    bool ok = check(DepthwiseConv1D{.kernel_size = 3, .depth_multiplier = 2}, {Shape{None, 10, 4}}, {Shape{None, 8, 8}},
                    Params{32});
    // channels_first (b, c, L): (None, 4, 10) -> (None, 8, 8), 32; same, strides 2, None length: 3*4 + 4 = 16;
    // no bias: 3*4 = 12.
    ok &= check(DepthwiseConv1D{.kernel_size = 3, .depth_multiplier = 2, .data_format = channels_first},
                {Shape{None, 4, 10}}, {Shape{None, 8, 8}}, Params{32});
    ok &= check(DepthwiseConv1D{.kernel_size = 3, .strides = 2, .padding = same}, {Shape{None, None, 4}},
                {Shape{None, None, 4}}, Params{16});
    ok &= check(DepthwiseConv1D{.kernel_size = 3, .use_bias = false}, {Shape{None, None, 4}}, {Shape{None, None, 4}},
                Params{12});
    // Notebook In[61]: DepthwiseConv2D((3, 4), depth_multiplier=3, 'same') on (6, 6, 4) -> (None, 6, 6, 12),
    // 156 = 3*4*4*3 + 4*3. Spec §2.2 [run]: DepthwiseConv2D(3, dm=2) on 8x8x3 -> 6x6x6, 60 = 9*6 + 6;
    // DepthwiseConv2D(3, s=2, 'same') on 7x7x3 -> 4x4x3, 30 = 9*3 + 3; use_bias=False: 9*6 = 54.
    ok &= check(DepthwiseConv2D{.kernel_size = {3, 4}, .padding = same, .depth_multiplier = 3}, {Shape{None, 6, 6, 4}},
                {Shape{None, 6, 6, 12}}, Params{156});
    ok &= check(DepthwiseConv2D{.kernel_size = 3, .depth_multiplier = 2}, {Shape{None, 8, 8, 3}},
                {Shape{None, 6, 6, 6}}, Params{60});
    ok &= check(DepthwiseConv2D{.kernel_size = 3, .strides = 2, .padding = same}, {Shape{None, 7, 7, 3}},
                {Shape{None, 4, 4, 3}}, Params{30});
    ok &= check(DepthwiseConv2D{.kernel_size = 3, .depth_multiplier = 2, .use_bias = false}, {Shape{None, 8, 8, 3}},
                {Shape{None, 6, 6, 6}}, Params{54});
    ok &= check(DepthwiseConv2D{.kernel_size = 3, .depth_multiplier = 2, .data_format = channels_first},
                {Shape{None, 3, 8, 8}}, {Shape{None, 6, 6, 6}}, Params{60});
    // Spec §2.2 [run]: SeparableConv1D(10, 3) on (8, 3) -> (6, 10), 49 = 9 + 30 + 10; dm 2, same, strides 2:
    // ceil(8/2) = 4, 3*3*2 + 6*10 + 10 = 88; channels_first (None, 3, 8) -> (None, 10, 6), 49.
    ok &=
        check(SeparableConv1D{.filters = 10, .kernel_size = 3}, {Shape{None, 8, 3}}, {Shape{None, 6, 10}}, Params{49});
    ok &= check(SeparableConv1D{.filters = 10, .kernel_size = 3, .strides = 2, .padding = same, .depth_multiplier = 2},
                {Shape{None, 8, 3}}, {Shape{None, 4, 10}}, Params{88});
    ok &= check(SeparableConv1D{.filters = 10, .kernel_size = 3, .data_format = channels_first}, {Shape{None, 3, 8}},
                {Shape{None, 10, 6}}, Params{49});
    // Notebook In[50]: SeparableConv2D(16, (3, 4), depth_multiplier=2, 'same') on (6, 6, 3) -> (None, 6, 6, 16),
    // 184 = 3*4*3*2 + 3*2*16 + 16. Spec §2.2 [run]: SeparableConv2D(10, 3, dm=2) on 8x8x3 -> 6x6x10,
    // 124 = 54 + 60 + 10; use_bias=False: 54 + 60 = 114.
    ok &= check(SeparableConv2D{.filters = 16, .kernel_size = {3, 4}, .padding = same, .depth_multiplier = 2},
                {Shape{None, 6, 6, 3}}, {Shape{None, 6, 6, 16}}, Params{184});
    ok &= check(SeparableConv2D{.filters = 10, .kernel_size = 3, .depth_multiplier = 2}, {Shape{None, 8, 8, 3}},
                {Shape{None, 6, 6, 10}}, Params{124});
    ok &= check(SeparableConv2D{.filters = 10, .kernel_size = 3, .depth_multiplier = 2, .use_bias = false},
                {Shape{None, 8, 8, 3}}, {Shape{None, 6, 6, 10}}, Params{114});
    // Keras 3 docstring: Conv1DTranspose(32, 3, 2) on (4, 10, 128) -> (4, 21, 32) (10*2 + max(3-2, 0));
    // 3*32*128 + 32 = 12320. Conv1DTranspose(4, 3, strides=2) on (5, 3): kernel (3, 4, 3) + 4 = 40;
    // spec §0.5 same -> 5*2 = 10; output_padding 1 valid -> 4*2 + 3 + 1 = 12.
    ok &= check(Conv1DTranspose{.filters = 32, .kernel_size = 3, .strides = 2}, {Shape{4, 10, 128}}, {Shape{4, 21, 32}},
                Params{12320});
    ok &= check(Conv1DTranspose{.filters = 4, .kernel_size = 3, .strides = 2, .padding = same}, {Shape{None, 5, 3}},
                {Shape{None, 10, 4}}, Params{40});
    ok &= check(Conv1DTranspose{.filters = 4, .kernel_size = 3, .strides = 2, .output_padding = 1}, {Shape{None, 5, 3}},
                {Shape{None, 12, 4}}, Params{40});
    ok &= check(Conv1DTranspose{.filters = 4, .kernel_size = 3, .strides = 2, .data_format = channels_first},
                {Shape{None, 3, 5}}, {Shape{None, 4, 11}}, Params{40});
    // Notebook In[79]: Conv2DTranspose(16, (3, 3), strides=2, 'valid') on (6, 6, 3) -> (None, 13, 13, 16),
    // 448 = 3*3*16*3 + 16. Spec §2.2 [run]: Conv2DTranspose(8, 3, s=2) on 5x5x4: same -> 10x10x8, 296;
    // Conv2DTranspose(8, 1, s=3) valid -> 15x15, 40 = 8*4 + 8.
    ok &= check(Conv2DTranspose{.filters = 16, .kernel_size = 3, .strides = 2}, {Shape{None, 6, 6, 3}},
                {Shape{None, 13, 13, 16}}, Params{448});
    ok &= check(Conv2DTranspose{.filters = 8, .kernel_size = 3, .strides = 2, .padding = same}, {Shape{None, 5, 5, 4}},
                {Shape{None, 10, 10, 8}}, Params{296});
    ok &= check(Conv2DTranspose{.filters = 8, .kernel_size = 1, .strides = 3}, {Shape{None, 5, 5, 4}},
                {Shape{None, 15, 15, 8}}, Params{40});
    // Spec §0.5 with output_padding (1, 0), same: 4*2 + 3 - 2 + 1 = 10 and 4*2 + 3 - 2 + 0 = 9; 296.
    ok &= check(
        Conv2DTranspose{.filters = 8, .kernel_size = 3, .strides = 2, .padding = same, .output_padding = Ints<2>{1, 0}},
        {Shape{None, 5, 5, 4}}, {Shape{None, 10, 9, 8}}, Params{296});
    ok &= check(Conv2DTranspose{.filters = 8, .kernel_size = 3, .strides = 2, .data_format = channels_first},
                {Shape{None, 4, 5, 5}}, {Shape{None, 8, 11, 11}}, Params{296});
    // Spec §2.2 [run]: Conv3DTranspose(2, 3, s=2) on 4x4x4x3 -> 9x9x9x2, 164 = 27*2*3 + 2; same -> 4*2 = 8.
    ok &= check(Conv3DTranspose{.filters = 2, .kernel_size = 3, .strides = 2}, {Shape{None, 4, 4, 4, 3}},
                {Shape{None, 9, 9, 9, 2}}, Params{164});
    ok &= check(Conv3DTranspose{.filters = 2, .kernel_size = 3, .strides = 2, .padding = same},
                {Shape{None, 4, 4, 4, 3}}, {Shape{None, 8, 8, 8, 2}}, Params{164});
    // Keras 3 applies dilation (tf.keras ignores it): K = 5, 4 + 4 = 8; 164.
    ok &= check(Conv3DTranspose{.filters = 2, .kernel_size = 3, .dilation_rate = 2}, {Shape{None, 4, 4, 4, 3}},
                {Shape{None, 8, 8, 8, 2}}, Params{164});
    return ok;
}

} // namespace nnshape::harness
