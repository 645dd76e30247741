#pragma once
// Xception (Chollet, 2017), as keras.applications builds it (keras/src/applications/xception.py):
// an entry flow of two convolutions and three downsampling blocks, a middle flow of eight residual
// blocks of three 728-channel separable convolutions, an exit flow (block13, block14), and the
// `avg_pool` + `predictions` top. Convolutions have no bias; BatchNormalization keeps its gamma.

#include <cstdint>

#include "common.hpp"

namespace nnshape::applications {

namespace detail::xception {

// channel_axis = -1 (channels_last).
inline constexpr std::int64_t channel_axis = -1;

// SeparableConv2D 3x3 `blockB_sepconvN` and its BatchNormalization `blockB_sepconvN_bn`.
constexpr Tensor sepconv_bn(Tensor x, std::int64_t filters, std::int64_t block, std::int64_t conv)
{
    x = SeparableConv2D{.filters = filters,
                        .kernel_size = 3,
                        .padding = same,
                        .use_bias = false,
                        .name = name("block", block, "_sepconv", conv)}(x);
    return BatchNormalization{.axis = channel_axis, .name = name("block", block, "_sepconv", conv, "_bn")}(x);
}

constexpr Tensor relu(Tensor x, std::int64_t block, std::int64_t conv)
{
    return Activation{.activation = "relu", .name = name("block", block, "_sepconv", conv, "_act")}(x);
}

// block1: two plain convolutions, 299 -> 149 -> 147.
constexpr Tensor entry_convs(Tensor x)
{
    x = Conv2D{.filters = 32, .kernel_size = 3, .strides = 2, .use_bias = false, .name = "block1_conv1"}(x);
    x = BatchNormalization{.axis = channel_axis, .name = "block1_conv1_bn"}(x);
    x = Activation{.activation = "relu", .name = "block1_conv1_act"}(x);
    x = Conv2D{.filters = 64, .kernel_size = 3, .use_bias = false, .name = "block1_conv2"}(x);
    x = BatchNormalization{.axis = channel_axis, .name = "block1_conv2_bn"}(x);
    return Activation{.activation = "relu", .name = "block1_conv2_act"}(x);
}

// block2, 3, 4 and 13: two separable convolutions (filters1, filters2) and a strided max pooling,
// added to a strided 1x1 projection of the input (unnamed Conv2D and BatchNormalization). block2
// starts without an activation (its input is already block1_conv2_act).
constexpr Tensor downsampling_block(Tensor x, std::int64_t block, std::int64_t filters1, std::int64_t filters2)
{
    Tensor residual =
        Conv2D{.filters = filters2, .kernel_size = 1, .strides = 2, .padding = same, .use_bias = false}(x);
    residual = BatchNormalization{.axis = channel_axis}(residual);
    if (block != 2) x = relu(x, block, 1);
    x = sepconv_bn(x, filters1, block, 1);
    x = relu(x, block, 2);
    x = sepconv_bn(x, filters2, block, 2);
    x = MaxPooling2D{.pool_size = 3, .strides = 2, .padding = same, .name = name("block", block, "_pool")}(x);
    return Add{}({x, residual});
}

// block5..block12: three relu + separable convolution + BatchNormalization, added to the input.
constexpr Tensor middle_block(Tensor x, std::int64_t block)
{
    const Tensor residual = x;
    for (std::int64_t conv = 1; conv <= 3; ++conv) x = sepconv_bn(relu(x, block, conv), 728, block, conv);
    return Add{}({x, residual});
}

// block14: separable convolutions to 1536 and 2048 channels, each followed by BN and relu.
constexpr Tensor exit_convs(Tensor x)
{
    x = sepconv_bn(x, 1536, 14, 1);
    x = relu(x, 14, 1);
    x = sepconv_bn(x, 2048, 14, 2);
    return relu(x, 14, 2);
}

} // namespace detail::xception

// keras.applications.Xception: default input 299x299x3, at least 71x71.
constexpr Model Xception(Graph& g, const ApplicationArgs& args = {})
{
    using namespace detail::xception;
    auto inputs = Input(g, {.shape = detail::input_shape(args, 299, 71)});
    Tensor x = entry_convs(inputs);
    x = downsampling_block(x, 2, 128, 128);
    x = downsampling_block(x, 3, 256, 256);
    x = downsampling_block(x, 4, 728, 728);
    for (std::int64_t block = 5; block <= 12; ++block) x = middle_block(x, block);
    x = downsampling_block(x, 13, 728, 1024);
    x = exit_convs(x);
    return Model{inputs, detail::classifier(x, args), {.name = detail::model_name(args, "xception")}};
}

} // namespace nnshape::applications
