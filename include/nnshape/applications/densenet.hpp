#pragma once
// DenseNet121, DenseNet169 and DenseNet201 (Huang et al., 2017), as keras.applications builds them
// (keras/src/applications/densenet.py): a 7x7 stem, four dense blocks of pre-activation bottleneck
// blocks whose outputs are concatenated (growth rate 32), with transition blocks between them
// (BN, ReLU, 1x1 convolution halving the channels, 2x2 average pooling), then BN and ReLU; the top
// is global average pooling and predictions.

#include <array>
#include <cstdint>
#include <string_view>

#include "common.hpp"

namespace nnshape::applications {

namespace detail {

inline constexpr std::int64_t densenet_bn_axis = 3; // channels last
inline constexpr std::int64_t densenet_growth_rate = 32;

// One bottleneck block, "conv2_block1": BN, ReLU, 1x1 conv (4 x growth), BN, ReLU, 3x3 conv
// (growth), concatenated to the block's input.
constexpr Tensor densenet_conv_block(const Tensor& x, const Name& block)
{
    Tensor x1 = BatchNormalization{.axis = densenet_bn_axis, .name = name(block, "_0_bn")}(x);
    x1 = Activation{.activation = "relu", .name = name(block, "_0_relu")}(x1);
    x1 = Conv2D{
        .filters = 4 * densenet_growth_rate, .kernel_size = 1, .use_bias = false, .name = name(block, "_1_conv")}(x1);
    x1 = BatchNormalization{.axis = densenet_bn_axis, .name = name(block, "_1_bn")}(x1);
    x1 = Activation{.activation = "relu", .name = name(block, "_1_relu")}(x1);
    x1 = Conv2D{.filters = densenet_growth_rate,
                .kernel_size = 3,
                .padding = same,
                .use_bias = false,
                .name = name(block, "_2_conv")}(x1);
    return Concatenate{.axis = densenet_bn_axis, .name = name(block, "_concat")}({x, x1});
}

// A dense block "conv2": `blocks` bottleneck blocks conv2_block1 ... conv2_block{blocks}.
constexpr Tensor densenet_dense_block(Tensor x, std::int64_t blocks, std::string_view stage)
{
    for (std::int64_t i = 1; i <= blocks; ++i) x = densenet_conv_block(x, name(stage, "_block", i));
    return x;
}

// A transition block "pool2": BN, ReLU, 1x1 conv to int(channels * reduction), 2x2 average pooling.
constexpr Tensor densenet_transition_block(Tensor x, double reduction, std::string_view stage)
{
    x = BatchNormalization{.axis = densenet_bn_axis, .name = name(stage, "_bn")}(x);
    x = Activation{.activation = "relu", .name = name(stage, "_relu")}(x);
    const auto filters =
        static_cast<std::int64_t>(double(x.shape()[std::size_t(densenet_bn_axis)].value()) * reduction);
    x = Conv2D{.filters = filters, .kernel_size = 1, .use_bias = false, .name = name(stage, "_conv")}(x);
    return AveragePooling2D{.pool_size = 2, .strides = 2, .name = name(stage, "_pool")}(x);
}

// `blocks`: bottleneck blocks in the four dense blocks.
constexpr Model densenet(Graph& g, const ApplicationArgs& args, std::array<std::int64_t, 4> blocks,
                         std::string_view model_name)
{
    auto img_input = Input(g, {.shape = input_shape(args, 224, 32)});

    Tensor x = ZeroPadding2D{.padding = {{3, 3}, {3, 3}}}(img_input);
    x = Conv2D{.filters = 64, .kernel_size = 7, .strides = 2, .use_bias = false, .name = "conv1_conv"}(x);
    x = BatchNormalization{.axis = densenet_bn_axis, .name = "conv1_bn"}(x);
    x = Activation{.activation = "relu", .name = "conv1_relu"}(x);
    x = ZeroPadding2D{.padding = {{1, 1}, {1, 1}}}(x);
    x = MaxPooling2D{.pool_size = 3, .strides = 2, .name = "pool1"}(x);

    x = densenet_dense_block(x, blocks[0], "conv2");
    x = densenet_transition_block(x, 0.5, "pool2");
    x = densenet_dense_block(x, blocks[1], "conv3");
    x = densenet_transition_block(x, 0.5, "pool3");
    x = densenet_dense_block(x, blocks[2], "conv4");
    x = densenet_transition_block(x, 0.5, "pool4");
    x = densenet_dense_block(x, blocks[3], "conv5");

    x = BatchNormalization{.axis = densenet_bn_axis, .name = "bn"}(x);
    x = Activation{.activation = "relu", .name = "relu"}(x);

    x = classifier(x, args, "avg_pool", "max_pool");
    return Model{img_input, x, {.name = detail::model_name(args, model_name)}};
}

} // namespace detail

constexpr Model DenseNet121(Graph& g, const ApplicationArgs& args = {})
{
    return detail::densenet(g, args, {6, 12, 24, 16}, "densenet121");
}

constexpr Model DenseNet169(Graph& g, const ApplicationArgs& args = {})
{
    return detail::densenet(g, args, {6, 12, 32, 32}, "densenet169");
}

constexpr Model DenseNet201(Graph& g, const ApplicationArgs& args = {})
{
    return detail::densenet(g, args, {6, 12, 48, 32}, "densenet201");
}

} // namespace nnshape::applications
