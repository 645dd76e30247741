// The rank-generic spatial layers at compile time: 1D and 3D models as constexpr variables, and every
// rejected argument or input making constant evaluation fail. This file compiling is the test.
#include <nnshape/nnshape.hpp>

#include <type_traits>

namespace static_layers_spatial_test {

namespace {
using namespace nnshape;

// Whether F() is a constant expression, i.e. no rule threw during its evaluation.
template <auto F>
concept evaluates = requires { typename std::integral_constant<bool, (F(), true)>; };

// ---- models as constexpr variables ----------------------------------------------------------------

// §2.2 [run]: Conv1D(8, 3) on (10, 4) -> (8, 8), 104; §0.6 [run]: MaxPooling1D() on 8 -> 4;
// GlobalAveragePooling1D -> (None, 8); RepeatVector(3) -> (None, 3, 8) (§2.1 (b, n, in)).
constexpr Sequential sequence{Conv1D{.filters = 8, .kernel_size = 3, .input_shape = Shape{10, 4}}, MaxPooling1D{},
                              GlobalAveragePooling1D{}, RepeatVector{.n = 3}};
static_assert(sequence.layers()[1].output_shape == Shape{None, 4, 8});
static_assert(sequence.output_shape() == Shape{None, 3, 8});
static_assert(sequence.count_params() == 104);

// §2.2 [run]: Conv3D(4, 3) on (5, 6, 7, 2) -> (3, 4, 5, 4), 220; Conv3DTranspose(2, 3, strides=2) on a
// 4x4x4 grid -> 9x9x9x2 with 27*2*4 + 2 = 218 (in = 4 here); UpSampling3D() doubles every axis (§2.3).
constexpr Sequential volume{Conv3D{.filters = 4, .kernel_size = 3, .input_shape = Shape{5, 6, 7, 2}},
                            Cropping3D{.cropping = {{0, 0}, {0, 0}, {0, 1}}},
                            Conv3DTranspose{.filters = 2, .kernel_size = 3, .strides = 2}, UpSampling3D{}};
static_assert(volume.layers()[1].output_shape == Shape{None, 3, 4, 4, 4});
static_assert(volume.layers()[2].output_shape == Shape{None, 7, 9, 9, 2});
static_assert(volume.output_shape() == Shape{None, 14, 18, 18, 2});
static_assert(volume.count_params() == 220 + 218);

// §2.7 [run]: ConvLSTM2D(4, 3) on (5, 8, 8, 3) -> (None, 6, 6, 4), 1024.
constexpr Sequential video{ConvLSTM2D{.filters = 4, .kernel_size = 3, .input_shape = Shape{5, 8, 8, 3}}};
static_assert(video.output_shape() == Shape{None, 6, 6, 4} && video.count_params() == 1024);

// §2.9 [run]: LocallyConnected1D(8, 3) on (10, 4) -> (8, 8), 832.
constexpr Sequential local{LocallyConnected1D{.filters = 8, .kernel_size = 3, .input_shape = Shape{10, 4}}};
static_assert(local.output_shape() == Shape{None, 8, 8} && local.count_params() == 832);

// The accepted counterparts of the rejected cases below evaluate.
static_assert(evaluates<[] {
    return Conv1D{.filters = 8, .kernel_size = 3, .padding = causal}.output_shape(Shape{None, 10, 4});
}>);
static_assert(evaluates<[] { return Cropping1D{}.output_shape(Shape{None, 3, 4}); }>);
static_assert(
    evaluates<[] { return ConvLSTM1D{.filters = 4, .kernel_size = 3}.output_shapes(Shape{None, None, 10, 3}); }>);

// ---- rejected inputs: constant evaluation fails ----------------------------------------------------

// Conv: filters, groups, kernel_size, strides, dilation_rate; causal outside 1D; ndim; output size.
static_assert(!evaluates<[] { return Conv1D{.filters = 0, .kernel_size = 3}.output_shape(Shape{None, 10, 4}); }>);
static_assert(
    !evaluates<[] { return Conv1D{.filters = 8, .kernel_size = 3, .groups = 0}.output_shape(Shape{None, 10, 4}); }>);
static_assert(
    !evaluates<[] { return Conv3D{.filters = 4, .kernel_size = {3, 0, 3}}.output_shape(Shape{None, 5, 6, 7, 2}); }>);
static_assert(
    !evaluates<[] { return Conv1D{.filters = 8, .kernel_size = 3, .strides = 0}.output_shape(Shape{None, 10, 4}); }>);
static_assert(!evaluates<[] {
    return Conv1D{.filters = 8, .kernel_size = 3, .dilation_rate = 0}.output_shape(Shape{None, 10, 4});
}>);
static_assert(!evaluates<[] {
    return Conv3D{.filters = 4, .kernel_size = 3, .padding = causal}.output_shape(Shape{None, 5, 6, 7, 2});
}>);
static_assert(!evaluates<[] { return Conv1D{.filters = 8, .kernel_size = 3}.output_shape(Shape{None, 10, 4, 4}); }>);
static_assert(!evaluates<[] { return Conv1D{.filters = 8, .kernel_size = 11}.output_shape(Shape{None, 10, 4}); }>);
static_assert(!evaluates<[] {
    return Conv3D{.filters = 4, .kernel_size = 3, .strides = 2, .dilation_rate = 2}.output_shape(
        Shape{None, 9, 9, 9, 2});
}>);

// DepthwiseConv / SeparableConv: depth_multiplier, filters, causal, unknown channels.
static_assert(!evaluates<[] {
    return DepthwiseConv1D{.kernel_size = 3, .depth_multiplier = 0}.output_shape(Shape{None, 10, 4});
}>);
static_assert(
    !evaluates<[] { return DepthwiseConv1D{.kernel_size = 3, .padding = causal}.output_shape(Shape{None, 10, 4}); }>);
static_assert(
    !evaluates<[] { return SeparableConv1D{.filters = 0, .kernel_size = 3}.output_shape(Shape{None, 10, 4}); }>);
static_assert(!evaluates<[] {
    return SeparableConv1D{.filters = 4, .kernel_size = 3, .padding = causal}.output_shape(Shape{None, 10, 4});
}>);
static_assert(!evaluates<[] { return SeparableConv1D{.filters = 4, .kernel_size = 3}.params(Shape{None, 10, None}); }>);

// ConvTranspose: output_padding negative or not below strides; strides with dilation; causal; ndim.
static_assert(!evaluates<[] {
    return Conv1DTranspose{.filters = 4, .kernel_size = 3, .strides = 2, .output_padding = 2}.output_shape(
        Shape{None, 5, 3});
}>);
static_assert(!evaluates<[] {
    return Conv3DTranspose{.filters = 4, .kernel_size = 3, .strides = 2, .output_padding = -1}.output_shape(
        Shape{None, 4, 4, 4, 3});
}>);
static_assert(!evaluates<[] {
    return Conv1DTranspose{.filters = 4, .kernel_size = 3, .strides = 2, .dilation_rate = 2}.output_shape(
        Shape{None, 5, 3});
}>);
static_assert(!evaluates<[] {
    return Conv1DTranspose{.filters = 4, .kernel_size = 3, .padding = causal}.output_shape(Shape{None, 5, 3});
}>);
static_assert(
    !evaluates<[] { return Conv3DTranspose{.filters = 4, .kernel_size = 3}.output_shape(Shape{None, 4, 4, 3}); }>);

// Pooling: pool_size, strides, causal, window larger than the input, ndim.
static_assert(!evaluates<[] { return MaxPooling1D{.pool_size = 0}.output_shape(Shape{None, 7, 5}); }>);
static_assert(!evaluates<[] { return AveragePooling3D{.strides = 0}.output_shape(Shape{None, 4, 4, 4, 2}); }>);
static_assert(!evaluates<[] { return AveragePooling1D{.padding = causal}.output_shape(Shape{None, 7, 5}); }>);
static_assert(!evaluates<[] { return MaxPooling3D{.pool_size = 5}.output_shape(Shape{None, 4, 8, 8, 2}); }>);
static_assert(!evaluates<[] { return GlobalMaxPooling3D{}.output_shape(Shape{None, 4, 8, 2}); }>);

// Reshaping: RepeatVector n and ndim; UpSampling size; 1D data_format; cropping and padding amounts.
static_assert(!evaluates<[] { return RepeatVector{.n = 0}.output_shape(Shape{None, 4}); }>);
static_assert(!evaluates<[] { return RepeatVector{.n = 2}.output_shape(Shape{None, 4, 4}); }>);
static_assert(!evaluates<[] { return UpSampling1D{.size = 0}.output_shape(Shape{None, 4, 4}); }>);
static_assert(!evaluates<[] { return UpSampling1D{.data_format = channels_first}.output_shape(Shape{None, 4, 4}); }>);
static_assert(!evaluates<[] { return Cropping1D{.data_format = channels_first}.output_shape(Shape{None, 4, 4}); }>);
static_assert(!evaluates<[] { return Cropping1D{}.output_shape(Shape{None, 2, 4}); }>);
static_assert(!evaluates<[] { return Cropping3D{.cropping = -1}.output_shape(Shape{None, 5, 5, 5, 4}); }>);
static_assert(!evaluates<[] { return ZeroPadding1D{.padding = {1, 2, 3}}.output_shape(Shape{None, 5, 4}); }>);
static_assert(!evaluates<[] { return ZeroPadding3D{.padding = -1}.output_shape(Shape{None, 5, 5, 5, 4}); }>);

// LocallyConnected1D: 'same' with implementation 1; unknown length; implementation out of range.
static_assert(!evaluates<[] {
    return LocallyConnected1D{.filters = 4, .kernel_size = 3, .padding = same}.output_shape(Shape{None, 10, 4});
}>);
static_assert(
    !evaluates<[] { return LocallyConnected1D{.filters = 4, .kernel_size = 3}.output_shape(Shape{None, None, 4}); }>);
static_assert(!evaluates<[] {
    return LocallyConnected1D{.filters = 4, .kernel_size = 3, .implementation = 0}.output_shape(Shape{None, 10, 4});
}>);

// ConvLSTM: unknown spatial axis, unknown channels, ndim, strides with dilation, stateful without batch.
static_assert(
    !evaluates<[] { return ConvLSTM2D{.filters = 4, .kernel_size = 3}.output_shapes(Shape{None, 5, None, 8, 3}); }>);
static_assert(!evaluates<[] { return ConvLSTM2D{.filters = 4, .kernel_size = 3}.params(Shape{None, 5, 8, 8, None}); }>);
static_assert(
    !evaluates<[] { return ConvLSTM3D{.filters = 4, .kernel_size = 3}.output_shapes(Shape{None, 6, 6, 6, 3}); }>);
static_assert(!evaluates<[] {
    return ConvLSTM1D{.filters = 4, .kernel_size = 3, .strides = 2, .dilation_rate = 2}.output_shapes(
        Shape{None, 5, 10, 3});
}>);
static_assert(!evaluates<[] {
    return ConvLSTM1D{.filters = 4, .kernel_size = 3, .stateful = true}.output_shapes(Shape{None, 5, 10, 3});
}>);

} // namespace

} // namespace static_layers_spatial_test
