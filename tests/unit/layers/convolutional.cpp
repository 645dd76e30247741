// Convolutions (Conv, DepthwiseConv, SeparableConv, ConvTranspose) against Keras's numbers: spec §0.4,
// §0.5, §2.2 [run] examples and the seed notebook. Each constexpr test runs at compile time
// (static_assert) and at run time (CHECK).
#include <doctest/doctest.h>
#include <nnshape/nnshape.hpp>

#include "../check.hpp"

namespace unit_layers_convolutional_test {

namespace {
using namespace nnshape;

// Layer locals below are not `const`: GCC 12 rejects a const local whose Ints member was built from a
// braced list in a constant evaluation ("modifying a const object").

constexpr bool test_conv2d()
{
    // Notebook In[3]: Conv2D(16, (3, 2), padding='same') on (6, 6, 3) -> (None, 6, 6, 16), 304 = 3*2*3*16 + 16.
    Conv2D pair{.filters = 16, .kernel_size = {3, 2}, .padding = same};
    // §2.2: Conv2D(16, 3, strides=2) on 7x7x3 -> 3x3x16, 448 = 3*3*3*16 + 16.
    Conv2D strided{.filters = 16, .kernel_size = 3, .strides = 2};
    // §2.2: Conv2D(16, (3, 5), dilation_rate=2, 'same', channels_first) on (3, 10, 12) -> (16, 10, 12),
    // 736 = 3*5*3*16 + 16.
    Conv2D dilated_cf{
        .filters = 16, .kernel_size = {3, 5}, .padding = same, .data_format = channels_first, .dilation_rate = 2};
    FACT(pair.output_shape(Shape{None, 6, 6, 3}) == Shape{None, 6, 6, 16});
    FACT(pair.params(Shape{None, 6, 6, 3}) == Params{304});
    FACT(strided.output_shape(Shape{None, 7, 7, 3}) == Shape{None, 3, 3, 16});
    FACT(strided.params(Shape{None, 7, 7, 3}) == Params{448});
    FACT(dilated_cf.output_shape(Shape{None, 3, 10, 12}) == Shape{None, 16, 10, 12});
    FACT(dilated_cf.params(Shape{None, 3, 10, 12}) == Params{736});
    // §0.4 valid: (L - K + s) // s. Strides (2, 1), kernel 3 on 7: (7-3+2)//2 = 3, (7-3+1)//1 = 5;
    // 3*3*3*4 + 4 = 112.
    FACT(Conv2D{.filters = 4, .kernel_size = 3, .strides = {2, 1}}.output_shape(Shape{None, 7, 7, 3}) ==
         Shape{None, 3, 5, 4});
    FACT(Conv2D{.filters = 4, .kernel_size = 3, .strides = {2, 1}}.params(Shape{None, 7, 7, 3}) == Params{112});
    // same: ceil(7 / 2) = 4
    FACT(Conv2D{.filters = 4, .kernel_size = 3, .strides = 2, .padding = same}.output_shape(Shape{None, 7, 7, 3}) ==
         Shape{None, 4, 4, 4});
    // valid with dilation 2: K = 3 + 2*1 = 5, 7 - 5 + 1 = 3
    FACT(Conv2D{.filters = 4, .kernel_size = 3, .dilation_rate = 2}.output_shape(Shape{None, 7, 7, 3}) ==
         Shape{None, 3, 3, 4});
    // use_bias=False: 3*3*3*16
    FACT(Conv2D{.filters = 16, .kernel_size = 3, .use_bias = false}.params(Shape{None, 7, 7, 3}) == Params{432});
    return true;
}
static_assert(test_conv2d());

constexpr bool test_conv2d_groups_and_none()
{
    // groups=2: kernel (3, 3, 4/2, 8) + 8 = 3*3*2*8 + 8 = 152.
    Conv2D grouped{.filters = 8, .kernel_size = 3, .groups = 2};
    // Notebook "其它" In[3]: Conv2D(16, 3) on Input(shape=(None, None, 3)) -> (None, None, None, 16), 448.
    Conv2D unknown{.filters = 16, .kernel_size = 3};
    FACT(grouped.output_shape(Shape{None, 5, 5, 4}) == Shape{None, 3, 3, 8});
    FACT(grouped.params(Shape{None, 5, 5, 4}) == Params{152});
    FACT(unknown.output_shape(Shape{None, None, None, 3}) == Shape{None, None, None, 16});
    FACT(unknown.params(Shape{None, None, None, 3}) == Params{448});
    // A known batch is copied through (§0.1); one unknown spatial axis stays unknown.
    FACT(unknown.output_shape(Shape{4, None, 7, 3}) == Shape{4, None, 5, 16});
    return true;
}
static_assert(test_conv2d_groups_and_none());

constexpr bool test_conv1d()
{
    // §2.2 [run]: Conv1D(8, 3) on (10, 4) -> (8, 8), 104 = 3*4*8 + 8; causal with d=2 on (10, 4) -> (10, 8);
    // Conv1D(8, 3, s=2, 'same') on (None, 4) -> (None, None, 8).
    Conv1D plain{.filters = 8, .kernel_size = 3};
    Conv1D causal_d2{.filters = 8, .kernel_size = 3, .padding = causal, .dilation_rate = 2};
    // Keras 3 docstring: Conv1D(32, 3) on (4, 10, 128) -> (4, 8, 32).
    Conv1D doc{.filters = 32, .kernel_size = 3};
    FACT(plain.output_shape(Shape{None, 10, 4}) == Shape{None, 8, 8});
    FACT(plain.params(Shape{None, 10, 4}) == Params{104});
    FACT(causal_d2.output_shape(Shape{None, 10, 4}) == Shape{None, 10, 8});
    FACT(causal_d2.params(Shape{None, 10, 4}) == Params{104});
    FACT(Conv1D{.filters = 8, .kernel_size = 3, .strides = 2, .padding = same}.output_shape(Shape{None, None, 4}) ==
         Shape{None, None, 8});
    FACT(doc.output_shape(Shape{4, 10, 128}) == Shape{4, 8, 32});
    // §0.4 valid: (10 - 3 + 3) // 3 = 3; causal = ceil(10 / 2) = 5
    FACT(Conv1D{.filters = 8, .kernel_size = 3, .strides = 3}.output_shape(Shape{None, 10, 4}) == Shape{None, 3, 8});
    FACT(Conv1D{.filters = 8, .kernel_size = 3, .strides = 2, .padding = causal}.output_shape(Shape{None, 10, 4}) ==
         Shape{None, 5, 8});
    // channels_first: (b, c, L) -> (b, f, L'); Keras 3 pads causal on axis 2 there.
    FACT(Conv1D{.filters = 8, .kernel_size = 3, .data_format = channels_first}.output_shape(Shape{None, 4, 10}) ==
         Shape{None, 8, 8});
    FACT(Conv1D{.filters = 8, .kernel_size = 3, .data_format = channels_first}.params(Shape{None, 4, 10}) ==
         Params{104});
    FACT(Conv1D{.filters = 8, .kernel_size = 3, .padding = causal, .data_format = channels_first}.output_shape(
             Shape{None, 4, 10}) == Shape{None, 8, 10});
    // groups=2: kernel (3, 4/2, 8) + 8 = 56; use_bias=False: 3*4*8 = 96
    FACT(Conv1D{.filters = 8, .kernel_size = 3, .groups = 2}.params(Shape{None, 10, 4}) == Params{56});
    FACT(Conv1D{.filters = 8, .kernel_size = 3, .use_bias = false}.params(Shape{None, 10, 4}) == Params{96});
    return true;
}
static_assert(test_conv1d());

constexpr bool test_conv3d()
{
    // §2.2 [run]: Conv3D(4, 3) on (5, 6, 7, 2) -> (3, 4, 5, 4), 220 = 27*2*4 + 4.
    Conv3D plain{.filters = 4, .kernel_size = 3};
    // Keras 3 docstring: Conv3D(32, 3) on (4, 10, 10, 10, 128) -> (4, 8, 8, 8, 32).
    Conv3D doc{.filters = 32, .kernel_size = 3};
    FACT(plain.output_shape(Shape{None, 5, 6, 7, 2}) == Shape{None, 3, 4, 5, 4});
    FACT(plain.params(Shape{None, 5, 6, 7, 2}) == Params{220});
    FACT(doc.output_shape(Shape{4, 10, 10, 10, 128}) == Shape{4, 8, 8, 8, 32});
    // channels_first: (b, c, d, h, w)
    FACT(Conv3D{.filters = 4, .kernel_size = 3, .data_format = channels_first}.output_shape(Shape{None, 2, 5, 6, 7}) ==
         Shape{None, 4, 3, 4, 5});
    FACT(Conv3D{.filters = 4, .kernel_size = 3, .data_format = channels_first}.params(Shape{None, 2, 5, 6, 7}) ==
         Params{220});
    // same, strides 2: ceil(5/2), ceil(6/2), ceil(7/2); None stays None
    FACT(Conv3D{.filters = 4, .kernel_size = 3, .strides = 2, .padding = same}.output_shape(Shape{None, 5, 6, 7, 2}) ==
         Shape{None, 3, 3, 4, 4});
    // kernel (1, 2, 3), dilation (1, 1, 2): dilated 1, 2, 5 -> 5, 5, 3; 1*2*3*2*4 + 4 = 52
    FACT(Conv3D{.filters = 4, .kernel_size = {1, 2, 3}, .dilation_rate = {1, 1, 2}}.output_shape(
             Shape{None, 5, 6, 7, 2}) == Shape{None, 5, 5, 3, 4});
    FACT(Conv3D{.filters = 4, .kernel_size = {1, 2, 3}}.params(Shape{None, 5, 6, 7, 2}) == Params{52});
    FACT(plain.output_shape(Shape{8, None, 6, None, 2}) == Shape{8, None, 4, None, 4});
    return true;
}
static_assert(test_conv3d());

constexpr bool test_depthwise_conv2d()
{
    // Notebook In[61]: DepthwiseConv2D((3, 4), depth_multiplier=3, 'same') on (6, 6, 4) -> (None, 6, 6, 12),
    // 156 = 3*4*4*3 + 4*3.
    DepthwiseConv2D notebook{.kernel_size = {3, 4}, .padding = same, .depth_multiplier = 3};
    // §2.2: DepthwiseConv2D(3, depth_multiplier=2) on 8x8x3 -> 6x6x6, 60 = 9*6 + 6;
    // DepthwiseConv2D(3, strides=2, 'same') on 7x7x3 -> 4x4x3, 30 = 9*3 + 3.
    DepthwiseConv2D dm2{.kernel_size = 3, .depth_multiplier = 2};
    DepthwiseConv2D strided{.kernel_size = 3, .strides = 2, .padding = same};
    FACT(notebook.output_shape(Shape{None, 6, 6, 4}) == Shape{None, 6, 6, 12});
    FACT(notebook.params(Shape{None, 6, 6, 4}) == Params{156});
    FACT(dm2.output_shape(Shape{None, 8, 8, 3}) == Shape{None, 6, 6, 6});
    FACT(dm2.params(Shape{None, 8, 8, 3}) == Params{60});
    FACT(strided.output_shape(Shape{None, 7, 7, 3}) == Shape{None, 4, 4, 3});
    FACT(strided.params(Shape{None, 7, 7, 3}) == Params{30});
    // use_bias=False: 9*6; channels_first puts the 3*2 channels at axis 1
    FACT(DepthwiseConv2D{.kernel_size = 3, .depth_multiplier = 2, .use_bias = false}.params(Shape{None, 8, 8, 3}) ==
         Params{54});
    FACT(DepthwiseConv2D{.kernel_size = 3, .depth_multiplier = 2, .data_format = channels_first}.output_shape(
             Shape{None, 3, 8, 8}) == Shape{None, 6, 6, 6});
    return true;
}
static_assert(test_depthwise_conv2d());

constexpr bool test_separable_conv2d()
{
    // Notebook In[50]: SeparableConv2D(16, (3, 4), depth_multiplier=2, 'same') on (6, 6, 3) -> (None, 6, 6, 16),
    // 184 = 3*4*3*2 + 3*2*16 + 16.
    SeparableConv2D notebook{.filters = 16, .kernel_size = {3, 4}, .padding = same, .depth_multiplier = 2};
    // §2.2: SeparableConv2D(10, 3, depth_multiplier=2) on 8x8x3 -> 6x6x10, 124 = 54 + 60 + 10;
    // SeparableConv1D(10, 3) on (8, 3) -> (6, 10), 49 = 9 + 30 + 10.
    SeparableConv2D dm2{.filters = 10, .kernel_size = 3, .depth_multiplier = 2};
    FACT(notebook.output_shape(Shape{None, 6, 6, 3}) == Shape{None, 6, 6, 16});
    FACT(notebook.params(Shape{None, 6, 6, 3}) == Params{184});
    FACT(dm2.output_shape(Shape{None, 8, 8, 3}) == Shape{None, 6, 6, 10});
    FACT(dm2.params(Shape{None, 8, 8, 3}) == Params{124});
    FACT(SeparableConv1D{.filters = 10, .kernel_size = 3}.output_shape(Shape{None, 8, 3}) == Shape{None, 6, 10});
    FACT(SeparableConv1D{.filters = 10, .kernel_size = 3}.params(Shape{None, 8, 3}) == Params{49});
    // use_bias=False: 54 + 60
    FACT(SeparableConv2D{.filters = 10, .kernel_size = 3, .depth_multiplier = 2, .use_bias = false}.params(
             Shape{None, 8, 8, 3}) == Params{114});
    return true;
}
static_assert(test_separable_conv2d());

constexpr bool test_conv2d_transpose()
{
    // Notebook In[79]: Conv2DTranspose(16, (3, 3), strides=2, 'valid') on (6, 6, 3) -> (None, 13, 13, 16),
    // 448 = 3*3*16*3 + 16 (§0.5 valid: 6*2 + max(3-2, 0) = 13).
    Conv2DTranspose notebook{.filters = 16, .kernel_size = 3, .strides = 2};
    // §2.2: Conv2DTranspose(8, 3, strides=2) on 5x5x4: valid 11x11x8, same 10x10x8, 296 = 9*8*4 + 8;
    // Conv2DTranspose(8, 1, strides=3) valid -> 15x15, 40 = 8*4 + 8.
    Conv2DTranspose valid8{.filters = 8, .kernel_size = 3, .strides = 2};
    Conv2DTranspose same8{.filters = 8, .kernel_size = 3, .strides = 2, .padding = same};
    Conv2DTranspose one{.filters = 8, .kernel_size = 1, .strides = 3};
    FACT(notebook.output_shape(Shape{None, 6, 6, 3}) == Shape{None, 13, 13, 16});
    FACT(notebook.params(Shape{None, 6, 6, 3}) == Params{448});
    FACT(valid8.output_shape(Shape{None, 5, 5, 4}) == Shape{None, 11, 11, 8});
    FACT(same8.output_shape(Shape{None, 5, 5, 4}) == Shape{None, 10, 10, 8});
    FACT(valid8.params(Shape{None, 5, 5, 4}) == Params{296});
    FACT(same8.params(Shape{None, 5, 5, 4}) == Params{296});
    FACT(one.output_shape(Shape{None, 5, 5, 4}) == Shape{None, 15, 15, 8});
    FACT(one.params(Shape{None, 5, 5, 4}) == Params{40});
    // §0.5 with output_padding: (L-1)*s + K - 2*pad + op. valid: 4*2 + 3 + 1 = 12; same: 4*2 + 3 - 2 + 1 = 10.
    FACT(Conv2DTranspose{.filters = 8, .kernel_size = 3, .strides = 2, .output_padding = 1}.output_shape(
             Shape{None, 5, 5, 4}) == Shape{None, 12, 12, 8});
    FACT(Conv2DTranspose{.filters = 8, .kernel_size = 3, .strides = 2, .padding = same, .output_padding = Ints<2>{1, 0}}
             .output_shape(Shape{None, 5, 5, 4}) == Shape{None, 10, 9, 8});
    // dilation 2, stride 1, valid: K = 5, 5*1 + max(5-1, 0) = 9
    FACT(Conv2DTranspose{.filters = 8, .kernel_size = 3, .dilation_rate = 2}.output_shape(Shape{None, 5, 5, 4}) ==
         Shape{None, 9, 9, 8});
    // unknown spatial axes stay unknown; channels_first
    FACT(valid8.output_shape(Shape{None, None, 5, 4}) == Shape{None, None, 11, 8});
    FACT(Conv2DTranspose{.filters = 8, .kernel_size = 3, .strides = 2, .data_format = channels_first}.output_shape(
             Shape{None, 4, 5, 5}) == Shape{None, 8, 11, 11});
    // §2.2: Conv3DTranspose(2, 3, strides=2) on 4x4x4x3 -> 9x9x9x2, 164 = 27*2*3 + 2.
    FACT(Conv3DTranspose{.filters = 2, .kernel_size = 3, .strides = 2}.output_shape(Shape{None, 4, 4, 4, 3}) ==
         Shape{None, 9, 9, 9, 2});
    FACT(Conv3DTranspose{.filters = 2, .kernel_size = 3, .strides = 2}.params(Shape{None, 4, 4, 4, 3}) == Params{164});
    return true;
}
static_assert(test_conv2d_transpose());

constexpr bool test_depthwise_conv1d()
{
    // §2.2: out channels in*dm, params prod(k)*in*dm + in*dm.
    // (10, 4), kernel 3, dm 2: (10-3+1) = 8 -> (8, 8); 3*8 + 8 = 32.
    DepthwiseConv1D dm2{.kernel_size = 3, .depth_multiplier = 2};
    FACT(dm2.output_shape(Shape{None, 10, 4}) == Shape{None, 8, 8});
    FACT(dm2.params(Shape{None, 10, 4}) == Params{32});
    // channels_first (b, c, L)
    FACT(DepthwiseConv1D{.kernel_size = 3, .depth_multiplier = 2, .data_format = channels_first}.output_shape(
             Shape{None, 4, 10}) == Shape{None, 8, 8});
    // same, strides 2, None length: (None, None, 4); 3*4 + 4 = 16; no bias 12
    FACT(DepthwiseConv1D{.kernel_size = 3, .strides = 2, .padding = same}.output_shape(Shape{None, None, 4}) ==
         Shape{None, None, 4});
    FACT(DepthwiseConv1D{.kernel_size = 3}.params(Shape{None, None, 4}) == Params{16});
    FACT(DepthwiseConv1D{.kernel_size = 3, .use_bias = false}.params(Shape{None, None, 4}) == Params{12});
    // Keras 3 accepts strides 2 with dilation 2 here: K = 5, floor((9 - 5) / 2) + 1 = 3
    FACT(DepthwiseConv1D{.kernel_size = 3, .strides = 2, .dilation_rate = 2}.output_shape(Shape{None, 9, 4}) ==
         Shape{None, 3, 4});
    return true;
}
static_assert(test_depthwise_conv1d());

constexpr bool test_separable_conv1d()
{
    // §2.2 [run]: SeparableConv1D(10, 3) on (8, 3) -> (6, 10), 49 = 9 + 30 + 10.
    SeparableConv1D plain{.filters = 10, .kernel_size = 3};
    // dm 2, same, strides 2 on (8, 3): ceil(8/2) = 4; 3*3*2 + 6*10 + 10 = 88.
    SeparableConv1D dm2{.filters = 10, .kernel_size = 3, .strides = 2, .padding = same, .depth_multiplier = 2};
    FACT(plain.output_shape(Shape{None, 8, 3}) == Shape{None, 6, 10});
    FACT(plain.params(Shape{None, 8, 3}) == Params{49});
    FACT(dm2.output_shape(Shape{None, 8, 3}) == Shape{None, 4, 10});
    FACT(dm2.params(Shape{None, 8, 3}) == Params{88});
    FACT(SeparableConv1D{.filters = 10, .kernel_size = 3, .data_format = channels_first}.output_shape(
             Shape{None, 3, 8}) == Shape{None, 10, 6});
    FACT(SeparableConv1D{.filters = 10, .kernel_size = 3, .data_format = channels_first}.params(Shape{None, 3, 8}) ==
         Params{49});
    // dilation 2: K = 5, 8 - 5 + 1 = 4
    FACT(SeparableConv1D{.filters = 10, .kernel_size = 3, .dilation_rate = 2}.output_shape(Shape{None, 8, 3}) ==
         Shape{None, 4, 10});
    return true;
}
static_assert(test_separable_conv1d());

constexpr bool test_conv_transpose_1d_3d()
{
    // Keras 3 docstrings: Conv1DTranspose(32, 3, 2) on (4, 10, 128) -> (4, 21, 32) (10*2 + max(3-2, 0));
    // Conv3DTranspose(32, 2, 2) on (4, 10, 8, 12, 128) -> (4, 20, 16, 24, 32).
    // §2.2 [run]: Conv3DTranspose(2, 3, strides=2) on 4x4x4x3 -> 9x9x9x2, 164 = 27*2*3 + 2.
    Conv1DTranspose doc1{.filters = 32, .kernel_size = 3, .strides = 2};
    Conv3DTranspose doc3{.filters = 32, .kernel_size = 2, .strides = 2};
    Conv3DTranspose run3{.filters = 2, .kernel_size = 3, .strides = 2};
    // Conv1DTranspose(4, 3, strides=2) on (5, 3): params 3*4*3 + 4 = 40 (kernel (3, 4, 3)).
    Conv1DTranspose small{.filters = 4, .kernel_size = 3, .strides = 2};
    FACT(doc1.output_shape(Shape{4, 10, 128}) == Shape{4, 21, 32});
    FACT(doc3.output_shape(Shape{4, 10, 8, 12, 128}) == Shape{4, 20, 16, 24, 32});
    FACT(run3.output_shape(Shape{None, 4, 4, 4, 3}) == Shape{None, 9, 9, 9, 2});
    FACT(run3.params(Shape{None, 4, 4, 4, 3}) == Params{164});
    FACT(small.params(Shape{None, 5, 3}) == Params{40});
    // §0.5: same -> L*s = 10; output_padding 1 valid -> 4*2 + 3 + 1 = 12; same -> 4*2 + 3%2 + 1 = 10
    FACT(Conv1DTranspose{.filters = 4, .kernel_size = 3, .strides = 2, .padding = same}.output_shape(
             Shape{None, 5, 3}) == Shape{None, 10, 4});
    FACT(Conv1DTranspose{.filters = 4, .kernel_size = 3, .strides = 2, .output_padding = 1}.output_shape(
             Shape{None, 5, 3}) == Shape{None, 12, 4});
    FACT(Conv1DTranspose{.filters = 4, .kernel_size = 3, .strides = 2, .padding = same, .output_padding = 1}
             .output_shape(Shape{None, 5, 3}) == Shape{None, 10, 4});
    // dilation 2, stride 1, valid: K = 5, 5*1 + max(5-1, 0) = 9; channels_first; None stays None
    FACT(Conv1DTranspose{.filters = 4, .kernel_size = 3, .dilation_rate = 2}.output_shape(Shape{None, 5, 3}) ==
         Shape{None, 9, 4});
    FACT(Conv1DTranspose{.filters = 4, .kernel_size = 3, .strides = 2, .data_format = channels_first}.output_shape(
             Shape{None, 3, 5}) == Shape{None, 4, 11});
    FACT(small.output_shape(Shape{None, None, 3}) == Shape{None, None, 4});
    // Conv3DTranspose same -> 4*2 = 8 per axis; channels_first; Keras 3 applies dilation (tf.keras
    // ignores it): K = 5, 4 + 4 = 8
    FACT(Conv3DTranspose{.filters = 2, .kernel_size = 3, .strides = 2, .padding = same}.output_shape(
             Shape{None, 4, 4, 4, 3}) == Shape{None, 8, 8, 8, 2});
    FACT(Conv3DTranspose{.filters = 2, .kernel_size = 3, .strides = 2, .data_format = channels_first}.output_shape(
             Shape{None, 3, 4, 4, 4}) == Shape{None, 2, 9, 9, 9});
    FACT(Conv3DTranspose{.filters = 2, .kernel_size = 3, .dilation_rate = 2}.output_shape(Shape{None, 4, 4, 4, 3}) ==
         Shape{None, 8, 8, 8, 2});
    return true;
}
static_assert(test_conv_transpose_1d_3d());

} // namespace

TEST_CASE("convolutions: shapes and counts at run time (same tests as the static_asserts)")
{
    CHECK(test_conv2d());
    CHECK(test_conv2d_groups_and_none());
    CHECK(test_conv1d());
    CHECK(test_conv3d());
    CHECK(test_depthwise_conv2d());
    CHECK(test_separable_conv2d());
    CHECK(test_conv2d_transpose());
    CHECK(test_depthwise_conv1d());
    CHECK(test_separable_conv1d());
    CHECK(test_conv_transpose_1d_3d());
}

TEST_CASE("Conv2D: a kernel larger than the input under valid padding")
{
    // Spec §0.4: Conv2D(16, 3) on 2x2 -> TF "Negative dimension size"; Keras 3 "Computed output size
    // would be zero or negative". 'same' has no such limit.
    CHECK_THROWS_WITH_AS(
        (Sequential{Conv2D{.filters = 16, .kernel_size = 3, .input_shape = Shape{2, 2, 3}}}),
        doctest::Contains(R"(Conv2D layer "conv2d_1" with input shape (None, 2, 2, 3): Computed output size would be )"
                          "zero or negative"),
        shape_error);
    CHECK(Conv2D{.filters = 16, .kernel_size = 3, .padding = same}.output_shape(Shape{None, 2, 2, 3}) ==
          Shape{None, 2, 2, 16});
}

TEST_CASE("Conv2D: argument and input errors")
{
    const Shape image{None, 7, 7, 4};
    CHECK_THROWS_WITH_AS((Conv2D{.filters = 4, .kernel_size = 3, .strides = 2, .dilation_rate = 2}.output_shape(image)),
                         doctest::Contains("`strides > 1` not supported in conjunction with `dilation_rate > 1`"),
                         shape_error);
    CHECK_THROWS_WITH_AS((Conv2D{.filters = 6, .kernel_size = 3, .groups = 4}.output_shape(image)),
                         doctest::Contains("The number of filters must be evenly divisible by the number of groups."),
                         shape_error);
    CHECK_THROWS_WITH_AS(
        (Conv2D{.filters = 6, .kernel_size = 3, .groups = 3}.output_shape(image)),
        doctest::Contains("The number of input channels must be evenly divisible by the number of groups."),
        shape_error);
    CHECK_THROWS_WITH_AS(
        (Sequential{Conv2D{.filters = 4, .kernel_size = 3, .input_shape = Shape{7, 7, None}}}),
        doctest::Contains(R"(Conv2D layer "conv2d_1" with input shape (None, 7, 7, None): The channel dimension of )"
                          "the inputs should be defined. Found None."),
        shape_error);
    CHECK_THROWS_WITH_AS((Sequential{Conv2D{.filters = 4, .kernel_size = 3, .input_shape = Shape{7, 3}}}),
                         doctest::Contains(R"(Conv2D layer "conv2d_1" with input shape (None, 7, 3): expected ndim)"),
                         shape_error);
    CHECK_THROWS_AS((DepthwiseConv2D{.kernel_size = 3}.output_shape(Shape{None, 7, 7, None})), shape_error);
    CHECK_THROWS_AS((SeparableConv2D{.filters = 4, .kernel_size = 3}.output_shape(Shape{None, 7, 7, None})),
                    shape_error);
}

TEST_CASE("Conv2DTranspose: output_padding must be smaller than strides")
{
    // Spec §0.5: `op >= stride` is rejected (Keras 3: "`output_padding` must be strictly less than `strides`").
    CHECK_THROWS_WITH_AS(
        (Sequential{Conv2DTranspose{
            .filters = 8, .kernel_size = 3, .strides = 2, .output_padding = 2, .input_shape = Shape{5, 5, 4}}}),
        doctest::Contains(R"(Conv2DTranspose layer "conv2d_transpose_1" with input shape (None, 5, 5, 4): )"),
        shape_error);
    CHECK_THROWS_WITH_AS(
        (Conv2DTranspose{.filters = 8, .kernel_size = 3, .strides = {2, 1}, .output_padding = Ints<2>{1, 1}}
             .output_shape(Shape{None, 5, 5, 4})),
        doctest::Contains("`output_padding` must be strictly less than `strides` for all dimensions."), shape_error);
    CHECK_THROWS_WITH_AS((Conv2DTranspose{.filters = 8, .kernel_size = 3}.output_shape(Shape{None, 5, 5, None})),
                         doctest::Contains("The channel dimension of the inputs should be defined. Found None."),
                         shape_error);
}

TEST_CASE("Conv1D / Conv3D: Keras 3 argument errors")
{
    // Keras 3 base_conv.py: filters <= 0, groups <= 0, kernel_size/strides/dilation_rate through
    // standardize_tuple (`value > 0`).
    const Shape seq{None, 10, 4};
    CHECK_THROWS_WITH_AS((Conv1D{.filters = 0, .kernel_size = 3}.output_shape(seq)),
                         doctest::Contains("Invalid value for argument `filters`. Expected a strictly positive value."),
                         shape_error);
    CHECK_THROWS_WITH_AS((Conv1D{.filters = 8, .kernel_size = 3, .groups = 0}.output_shape(seq)),
                         doctest::Contains("The number of groups must be a positive integer."), shape_error);
    CHECK_THROWS_WITH_AS((Conv1D{.filters = 8, .kernel_size = 0}.output_shape(seq)),
                         doctest::Contains("The `kernel_size` argument must be a tuple of integers that satisfy "
                                           "`value > 0`"),
                         shape_error);
    CHECK_THROWS_WITH_AS(
        (Conv3D{.filters = 8, .kernel_size = 1, .strides = {1, 0, 1}}.output_shape(Shape{None, 5, 6, 7, 2})),
        doctest::Contains("The `strides` argument must be a tuple of integers that satisfy `value > 0`"), shape_error);
    CHECK_THROWS_WITH_AS((Conv1D{.filters = 8, .kernel_size = 3, .dilation_rate = -1}.output_shape(seq)),
                         doctest::Contains("The `dilation_rate` argument must be a tuple of integers that satisfy "
                                           "`value > 0`"),
                         shape_error);
    CHECK_THROWS_WITH_AS((Conv1D{.filters = 8, .kernel_size = 3, .strides = 2, .dilation_rate = 2}.output_shape(seq)),
                         doctest::Contains("`strides > 1` not supported in conjunction with `dilation_rate > 1`"),
                         shape_error);
    CHECK_THROWS_WITH_AS((Conv3D{.filters = 6, .kernel_size = 1, .groups = 4}.output_shape(Shape{None, 5, 6, 7, 4})),
                         doctest::Contains("The number of filters must be evenly divisible by the number of groups."),
                         shape_error);
    CHECK_THROWS_WITH_AS((Conv1D{.filters = 6, .kernel_size = 1, .groups = 3}.output_shape(seq)),
                         doctest::Contains("The number of input channels must be evenly divisible by the number of "
                                           "groups."),
                         shape_error);
}

TEST_CASE("convolutions: padding='causal' is for Conv1D only (Keras 3)")
{
    // Keras 3 standardize_padding(allow_causal=rank == 1) in base_conv.py only; the depthwise, separable
    // and transposed bases call it without allow_causal.
    CHECK(Conv1D{.filters = 8, .kernel_size = 3, .padding = causal}.output_shape(Shape{None, 10, 4}) ==
          Shape{None, 10, 8});
    CHECK_THROWS_WITH_AS((Conv2D{.filters = 8, .kernel_size = 3, .padding = causal}.output_shape(Shape{None, 7, 7, 3})),
                         doctest::Contains("The `padding` argument must be one of {'valid', 'same'}"), shape_error);
    CHECK_THROWS_WITH_AS((DepthwiseConv1D{.kernel_size = 3, .padding = causal}.output_shape(Shape{None, 10, 4})),
                         doctest::Contains("The `padding` argument must be one of {'valid', 'same'}"), shape_error);
    CHECK_THROWS_WITH_AS(
        (SeparableConv1D{.filters = 8, .kernel_size = 3, .padding = causal}.output_shape(Shape{None, 10, 4})),
        doctest::Contains("The `padding` argument must be one of {'valid', 'same'}"), shape_error);
    CHECK_THROWS_WITH_AS(
        (Conv1DTranspose{.filters = 8, .kernel_size = 3, .padding = causal}.output_shape(Shape{None, 10, 4})),
        doctest::Contains("The `padding` argument must be one of {'valid', 'same'}"), shape_error);
}

TEST_CASE("convolutions: input rank, channels and size inside a model")
{
    // §0.4: valid padding with the kernel longer than the input; §2.2: rank 3 for Conv1D, 5 for Conv3D.
    CHECK_THROWS_WITH_AS(
        (Sequential{Conv1D{.filters = 8, .kernel_size = 3, .input_shape = Shape{2, 4}}}),
        doctest::Contains(R"(Conv1D layer "conv1d_1" with input shape (None, 2, 4): Computed output size would be )"
                          "zero or negative"),
        shape_error);
    CHECK_THROWS_WITH_AS(
        (Sequential{Conv3D{.filters = 4, .kernel_size = 3, .input_shape = Shape{5, 6, 2}}}),
        doctest::Contains(R"(Conv3D layer "conv3d_1" with input shape (None, 5, 6, 2): expected ndim = spatial )"
                          "rank + 2 = 5"),
        shape_error);
    CHECK_THROWS_WITH_AS(
        (Sequential{Conv3D{.filters = 4, .kernel_size = 3, .groups = 4, .input_shape = Shape{5, 6, 7, 2}}}),
        doctest::Contains(R"(Conv3D layer "conv3d_1" with input shape (None, 5, 6, 7, 2): Conv: The number of )"
                          "input channels must be evenly divisible by the number of groups."),
        shape_error);
    CHECK_THROWS_WITH_AS((Conv1D{.filters = 8, .kernel_size = 3}.output_shape(Shape{None, 10, None})),
                         doctest::Contains("The channel dimension of the inputs should be defined. Found None."),
                         shape_error);
    CHECK_THROWS_WITH_AS((Conv1DTranspose{.filters = 8, .kernel_size = 3}.output_shape(Shape{None, 10, None})),
                         doctest::Contains("The channel dimension of the inputs should be defined. Found None."),
                         shape_error);
    CHECK_THROWS_AS((DepthwiseConv1D{.kernel_size = 3}.output_shape(Shape{None, 10, None})), shape_error);
    CHECK_THROWS_AS((SeparableConv1D{.filters = 4, .kernel_size = 3}.output_shape(Shape{None, 10, None})), shape_error);
    CHECK_THROWS_AS((DepthwiseConv1D{.kernel_size = 3}.output_shape(Shape{None, 10, 4, 4})), shape_error);
    // same padding has no size limit: ceil(2 / 1) = 2
    CHECK(Conv1D{.filters = 8, .kernel_size = 3, .padding = same}.output_shape(Shape{None, 2, 4}) == Shape{None, 2, 8});
}

TEST_CASE("DepthwiseConv / SeparableConv / ConvTranspose: Keras 3 argument errors")
{
    // base_depthwise_conv.py / base_separable_conv.py: depth_multiplier and filters must be > 0.
    CHECK_THROWS_WITH_AS((DepthwiseConv1D{.kernel_size = 3, .depth_multiplier = 0}.output_shape(Shape{None, 10, 4})),
                         doctest::Contains("Invalid value for argument `depth_multiplier`. Expected a strictly "
                                           "positive value."),
                         shape_error);
    CHECK_THROWS_WITH_AS(
        (SeparableConv1D{.filters = 4, .kernel_size = 3, .depth_multiplier = 0}.output_shape(Shape{None, 10, 4})),
        doctest::Contains("Invalid value for argument `depth_multiplier`."), shape_error);
    CHECK_THROWS_WITH_AS((SeparableConv1D{.filters = 0, .kernel_size = 3}.output_shape(Shape{None, 10, 4})),
                         doctest::Contains("Invalid value for argument `filters`."), shape_error);
    CHECK_THROWS_WITH_AS((Conv3DTranspose{.filters = 0, .kernel_size = 3}.output_shape(Shape{None, 4, 4, 4, 3})),
                         doctest::Contains("Invalid value for argument `filters`."), shape_error);
    // base_conv_transpose.py: output_padding >= 0 and < strides; no strides > 1 with dilation_rate > 1.
    CHECK_THROWS_WITH_AS(
        (Conv1DTranspose{.filters = 4, .kernel_size = 3, .strides = 2, .output_padding = -1}.output_shape(
            Shape{None, 5, 3})),
        doctest::Contains("The `output_padding` argument must be a tuple of integers that satisfy `value >= 0`"),
        shape_error);
    CHECK_THROWS_WITH_AS(
        (Conv3DTranspose{.filters = 2, .kernel_size = 3, .strides = 2, .output_padding = {1, 1, 2}}.output_shape(
            Shape{None, 4, 4, 4, 3})),
        doctest::Contains("`output_padding` must be strictly less than `strides` for all dimensions."), shape_error);
    CHECK_THROWS_WITH_AS(
        (Conv1DTranspose{.filters = 4, .kernel_size = 3, .strides = 2, .dilation_rate = 2}.output_shape(
            Shape{None, 5, 3})),
        doctest::Contains("`strides > 1` not supported in conjunction with `dilation_rate > 1`"), shape_error);
    CHECK_THROWS_WITH_AS((Conv1DTranspose{.filters = 4, .kernel_size = 0}.output_shape(Shape{None, 5, 3})),
                         doctest::Contains("The `kernel_size` argument must be a tuple of integers"), shape_error);
    CHECK_THROWS_AS((Conv3DTranspose{.filters = 2, .kernel_size = 3}.output_shape(Shape{None, 4, 4, 3})), shape_error);
}

} // namespace unit_layers_convolutional_test
