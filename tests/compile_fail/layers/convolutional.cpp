// Compile-fail cases (see check.cmake): the rules of the convolutional, pooling, locally connected and
// convolutional recurrent layers, and the spatial rules they share (detail/spatial.hpp).
#include <nnshape/nnshape.hpp>

#include <cstddef>

using namespace nnshape;

// --- detail/spatial.hpp

// expect: expected ndim = spatial rank + 2 = 3
constexpr Sequential conv1d_on_rank2{Conv1D{.filters = 4, .kernel_size = 3, .input_shape = Shape{7}}};

// Conv2D needs (batch, rows, cols, channels); (None, 7, 3) has rank 3.
// expect: expected ndim = spatial rank + 2 = 4
constexpr Sequential conv2d_on_rank3{Conv2D{.filters = 16, .kernel_size = 3, .input_shape = Shape{7, 3}}};

// expect: expected ndim = spatial rank + 2 = 5
constexpr Sequential max_pooling3d_on_rank4{MaxPooling3D{.input_shape = Shape{8, 8, 3}}};

// expect: The channel dimension of the inputs should be defined. Found None.
constexpr Sequential conv2d_unknown_channels{Conv2D{.filters = 4, .kernel_size = 3, .input_shape = Shape{7, 7, None}}};

// expect: The `kernel_size` argument must be a tuple of integers that satisfy `value > 0`
constexpr Sequential conv2d_zero_kernel{Conv2D{.filters = 4, .kernel_size = {3, 0}, .input_shape = Shape{7, 7, 3}}};

// expect: The `strides` argument must be a tuple of integers that satisfy `value > 0`
constexpr Sequential conv2d_zero_stride{
    Conv2D{.filters = 4, .kernel_size = 3, .strides = 0, .input_shape = Shape{7, 7, 3}}};

// expect: The `dilation_rate` argument must be a tuple of integers that satisfy `value > 0`
constexpr Sequential conv1d_zero_dilation{
    Conv1D{.filters = 4, .kernel_size = 3, .dilation_rate = 0, .input_shape = Shape{7, 3}}};

// Spec §0.4: Conv2D(16, 3) with padding='valid' on a 2x2 input (TF: "Negative dimension size").
// expect: Computed output size would be zero or negative: with padding='valid' the dilated kernel (or pool window) must
// not be larger than the input
constexpr Sequential conv2d_kernel_larger_than_input{
    Conv2D{.filters = 16, .kernel_size = 3, .input_shape = Shape{2, 2, 3}}};

// A transposed convolution with output_padding on an input of length 0: (0 - 1) * 2 + 1 = -1.
// expect: The computed output size would be negative
constexpr Sequential conv1d_transpose_on_nothing{
    Conv1DTranspose{.filters = 4, .kernel_size = 1, .strides = 2, .output_padding = 0, .input_shape = Shape{0, 3}}};

// --- layers/convolutional.hpp

// expect: Conv: Invalid value for argument `filters`. Expected a strictly positive value.
constexpr Sequential conv2d_no_filters{Conv2D{.kernel_size = 3, .input_shape = Shape{7, 7, 3}}};

// expect: Conv: The number of groups must be a positive integer.
constexpr Sequential conv2d_zero_groups{
    Conv2D{.filters = 4, .kernel_size = 3, .groups = 0, .input_shape = Shape{7, 7, 4}}};

// expect: Conv: The number of filters must be evenly divisible by the number of groups.
constexpr Sequential conv2d_filters_groups{
    Conv2D{.filters = 5, .kernel_size = 3, .groups = 2, .input_shape = Shape{7, 7, 4}}};

// expect: Conv: The `padding` argument must be one of {'valid', 'same'} ('causal' is for Conv1D only)
constexpr Sequential conv2d_causal{
    Conv2D{.filters = 4, .kernel_size = 3, .padding = causal, .input_shape = Shape{7, 7, 3}}};

// expect: Conv: `strides > 1` not supported in conjunction with `dilation_rate > 1`
constexpr Sequential conv2d_strided_dilated{
    Conv2D{.filters = 4, .kernel_size = 3, .strides = 2, .dilation_rate = 2, .input_shape = Shape{9, 9, 3}}};

// expect: Conv: The number of input channels must be evenly divisible by the number of groups.
constexpr Sequential conv2d_channels_groups{
    Conv2D{.filters = 4, .kernel_size = 3, .groups = 2, .input_shape = Shape{7, 7, 3}}};

// expect: Keras has DepthwiseConv1D and DepthwiseConv2D only
constexpr std::size_t depthwise_conv3d = sizeof(DepthwiseConv<3>);

// expect: DepthwiseConv: Invalid value for argument `depth_multiplier`. Expected a strictly positive value.
constexpr Sequential depthwise_zero_multiplier{
    DepthwiseConv2D{.kernel_size = 3, .depth_multiplier = 0, .input_shape = Shape{7, 7, 3}}};

// expect: DepthwiseConv: The `padding` argument must be one of {'valid', 'same'}
constexpr Sequential depthwise_causal{DepthwiseConv1D{.kernel_size = 3, .padding = causal, .input_shape = Shape{7, 3}}};

// expect: Keras has SeparableConv1D and SeparableConv2D only
constexpr std::size_t separable_conv3d = sizeof(SeparableConv<3>);

// expect: SeparableConv: Invalid value for argument `depth_multiplier`. Expected a strictly positive value.
constexpr Sequential separable_zero_multiplier{
    SeparableConv2D{.filters = 4, .kernel_size = 3, .depth_multiplier = 0, .input_shape = Shape{7, 7, 3}}};

// expect: SeparableConv: Invalid value for argument `filters`. Expected a strictly positive value.
constexpr Sequential separable_no_filters{SeparableConv2D{.kernel_size = 3, .input_shape = Shape{7, 7, 3}}};

// tf.keras allowed a causal SeparableConv1D; Keras 3 does not.
// expect: SeparableConv: The `padding` argument must be one of {'valid', 'same'}
constexpr Sequential separable_causal{
    SeparableConv1D{.filters = 4, .kernel_size = 3, .padding = causal, .input_shape = Shape{7, 3}}};

// expect: ConvTranspose: Invalid value for argument `filters`. Expected a strictly positive value.
constexpr Sequential conv_transpose_no_filters{Conv2DTranspose{.kernel_size = 3, .input_shape = Shape{7, 7, 3}}};

// expect: ConvTranspose: The `padding` argument must be one of {'valid', 'same'}
constexpr Sequential conv_transpose_causal{
    Conv1DTranspose{.filters = 4, .kernel_size = 3, .padding = causal, .input_shape = Shape{7, 3}}};

// expect: ConvTranspose: The `output_padding` argument must be a tuple of integers that satisfy `value >= 0`
constexpr Sequential conv_transpose_negative_output_padding{
    Conv2DTranspose{.filters = 4, .kernel_size = 3, .strides = 2, .output_padding = -1, .input_shape = Shape{7, 7, 3}}};

// Keras 3 base_conv_transpose.py: Conv1DTranspose(4, 3, strides=2, output_padding=2) is rejected.
// expect: ConvTranspose: `output_padding` must be strictly less than `strides` for all dimensions.
constexpr Sequential conv_transpose_output_padding{
    Conv1DTranspose{.filters = 4, .kernel_size = 3, .strides = 2, .output_padding = 2, .input_shape = Shape{5, 3}}};

// expect: ConvTranspose: `strides > 1` not supported in conjunction with `dilation_rate > 1`
constexpr Sequential conv_transpose_strided_dilated{
    Conv2DTranspose{.filters = 4, .kernel_size = 3, .strides = 2, .dilation_rate = 2, .input_shape = Shape{7, 7, 3}}};

// --- layers/pooling.hpp

// expect: Pooling: The `pool_size` argument must be a tuple of integers that satisfy `value > 0`
constexpr Sequential pooling_zero_size{MaxPooling2D{.pool_size = {2, 0}, .input_shape = Shape{8, 8, 3}}};

// expect: Pooling: The `strides` argument must be a tuple of integers that satisfy `value > 0`
constexpr Sequential pooling_zero_stride{AveragePooling1D{.strides = 0, .input_shape = Shape{8, 3}}};

// Keras 3 compute_pooling_output_shape: "Argument `padding` must be either 'valid' or 'same'."
// expect: Pooling: Argument `padding` must be either 'valid' or 'same'.
constexpr Sequential pooling_causal{MaxPooling1D{.padding = causal, .input_shape = Shape{7, 5}}};

// --- layers/locally_connected.hpp

// expect: Keras has LocallyConnected1D and LocallyConnected2D only
constexpr std::size_t locally_connected3d = sizeof(LocallyConnected<3>);

// expect: LocallyConnected: filters must be a positive integer
constexpr Sequential locally_connected_no_filters{LocallyConnected1D{.kernel_size = 3, .input_shape = Shape{10, 4}}};

// expect: LocallyConnected: Unrecognized implementation mode (expected 1, 2 or 3)
constexpr Sequential locally_connected_implementation{
    LocallyConnected1D{.filters = 8, .kernel_size = 3, .implementation = 4, .input_shape = Shape{10, 4}}};

// expect: LocallyConnected: Padding type causal not supported. Only "valid" and "same" are implemented.
constexpr Sequential locally_connected_causal{
    LocallyConnected1D{.filters = 8, .kernel_size = 3, .padding = causal, .input_shape = Shape{10, 4}}};

// tf.keras locally_connected1d.py: padding='same' needs implementation 2 or 3.
// expect: LocallyConnected1D: Invalid border mode for LocallyConnected1D (only "valid" is supported if implementation
// is 1): same
constexpr Sequential locally_connected1d_same{
    LocallyConnected1D{.filters = 8, .kernel_size = 3, .padding = same, .input_shape = Shape{10, 4}}};

// expect: LocallyConnected2D: Invalid border mode for LocallyConnected2D (only "valid" is supported if implementation
// is 1): same
constexpr Sequential locally_connected2d_same{
    LocallyConnected2D{.filters = 8, .kernel_size = 3, .padding = same, .input_shape = Shape{10, 10, 4}}};

// expect: LocallyConnected: The spatial dimensions of the inputs should be fully-defined
constexpr Sequential locally_connected_unknown_length{
    LocallyConnected1D{.filters = 8, .kernel_size = 3, .input_shape = Shape{None, 4}}};

// --- layers/convolutional_recurrent.hpp

// expect: ConvLSTM: expected ndim = spatial rank + 3 = 4
constexpr Sequential conv_lstm1d_on_rank3{ConvLSTM1D{.filters = 4, .kernel_size = 3, .input_shape = Shape{5, 8}}};

// expect: ConvLSTM: expected ndim = spatial rank + 3 = 5
constexpr Sequential conv_lstm2d_on_rank4{ConvLSTM2D{.filters = 4, .kernel_size = 3, .input_shape = Shape{5, 8, 3}}};

// expect: ConvLSTM: expected ndim = spatial rank + 3 = 6
constexpr Sequential conv_lstm3d_on_rank5{ConvLSTM3D{.filters = 4, .kernel_size = 3, .input_shape = Shape{5, 8, 8, 3}}};

// expect: ConvLSTM: filters must be a positive integer
constexpr Sequential conv_lstm_no_filters{ConvLSTM2D{.kernel_size = 3, .input_shape = Shape{5, 8, 8, 3}}};

// expect: ConvLSTM: The `padding` argument must be one of {'valid', 'same'}
constexpr Sequential conv_lstm_causal{
    ConvLSTM1D{.filters = 4, .kernel_size = 3, .padding = causal, .input_shape = Shape{5, 8, 3}}};

// expect: ConvLSTM: Specifying `strides > 1` is not compatible with `dilation_rate > 1`.
constexpr Sequential conv_lstm_strided_dilated{
    ConvLSTM2D{.filters = 4, .kernel_size = 3, .strides = 2, .dilation_rate = 2, .input_shape = Shape{5, 9, 9, 3}}};

// Keras 3 conv_lstm.py: a ConvLSTM2D input whose height is None.
// expect: ConvLSTM: ConvLSTM layers only support static input shapes for the spatial dimension.
constexpr Sequential conv_lstm_unknown_spatial_axis{
    ConvLSTM2D{.filters = 4, .kernel_size = 3, .input_shape = Shape{5, None, 8, 3}}};

// expect: ConvLSTM: When using `stateful=True` in a RNN, the batch size must be static.
constexpr Sequential conv_lstm_stateful_without_batch{
    ConvLSTM2D{.filters = 4, .kernel_size = 3, .stateful = true, .input_shape = Shape{5, 8, 8, 3}}};

// --- layers/convolutional.hpp: Keras arguments

// expect: Conv: lora_rank must be a non-negative integer
constexpr Sequential conv2d_negative_lora_rank{
    Conv2D{.filters = 4, .kernel_size = 3, .lora_rank = -1, .input_shape = Shape{7, 7, 3}}};
