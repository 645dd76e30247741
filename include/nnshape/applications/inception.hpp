#pragma once
// InceptionV3 (Szegedy et al., 2015) and InceptionResNetV2 (Szegedy et al., 2016), as
// keras.applications builds them (keras/src/applications/inception_v3.py, inception_resnet_v2.py).
//
// Both are made of `conv2d_bn` units: a Conv2D without bias, a BatchNormalization without gamma
// (scale=False) and a relu Activation. InceptionV3 stacks the mixed0..mixed10 modules (each a
// Concatenate of parallel branches); InceptionResNetV2 adds each module's projection, scaled, to its
// input. Both end with conv features of 299 -> 8 pixels and the `avg_pool` + `predictions` top.

#include <cstdint>
#include <span>
#include <string_view>

#include "common.hpp"

namespace nnshape::applications {

// InceptionResNetV2's residual scaling `inputs[0] + inputs[1] * scale`, called on [shortcut, residual].
// Keras 3 and tf-keras write it as this layer class (which Keras names automatically,
// `custom_scale_layer`); keras-applications 1.0.8 and Keras 2.1 used a Lambda named after the block
// (`block35_1`). It has no weights and keeps the shape: the two inputs broadcast as in an Add.
struct CustomScaleLayer {
    double scale = 1.0;
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "CustomScaleLayer";

    constexpr Shape output_shape(std::span<const Shape> inputs) const
    {
        require(inputs.size() == 2, "CustomScaleLayer: expects two inputs, [shortcut, residual]");
        return Add{}.output_shape(inputs);
    }
};

namespace detail {

namespace inception_v3 {

// Channels are axis 3 (channels_last).
inline constexpr std::int64_t channel_axis = 3;

// inception_v3.py's conv2d_bn: all its layers are named automatically (InceptionV3 passes no names).
constexpr Tensor conv_bn(Tensor x, std::int64_t filters, Ints<2> kernel, Ints<2> strides = 1, Padding padding = same)
{
    x = Conv2D{.filters = filters, .kernel_size = kernel, .strides = strides, .padding = padding, .use_bias = false}(x);
    x = BatchNormalization{.axis = channel_axis, .scale = false}(x);
    return Activation{.activation = "relu"}(x);
}

constexpr Tensor avg_pool_branch(Tensor x, std::int64_t filters)
{
    x = AveragePooling2D{.pool_size = 3, .strides = 1, .padding = same}(x);
    return conv_bn(x, filters, 1);
}

// The stem: 299 -> 149 -> 147 -> 147 -> 73 -> 73 -> 71 -> 35, 192 channels.
constexpr Tensor stem(Tensor x)
{
    x = conv_bn(x, 32, 3, 2, valid);
    x = conv_bn(x, 32, 3, 1, valid);
    x = conv_bn(x, 64, 3);
    x = MaxPooling2D{.pool_size = 3, .strides = 2}(x);
    x = conv_bn(x, 80, 1, 1, valid);
    x = conv_bn(x, 192, 3, 1, valid);
    return MaxPooling2D{.pool_size = 3, .strides = 2}(x);
}

// mixed0..mixed2 (35x35): 1x1, 5x5, double 3x3 and pooled branches.
constexpr Tensor block_35(Tensor x, std::int64_t pool_filters, std::int64_t index)
{
    const Tensor branch1x1 = conv_bn(x, 64, 1);
    const Tensor branch5x5 = conv_bn(conv_bn(x, 48, 1), 64, 5);
    const Tensor branch3x3dbl = conv_bn(conv_bn(conv_bn(x, 64, 1), 96, 3), 96, 3);
    const Tensor branch_pool = avg_pool_branch(x, pool_filters);
    return Concatenate{.axis = channel_axis,
                       .name = name("mixed", index)}({branch1x1, branch5x5, branch3x3dbl, branch_pool});
}

// mixed3: 35 -> 17.
constexpr Tensor reduction_35(Tensor x)
{
    const Tensor branch3x3 = conv_bn(x, 384, 3, 2, valid);
    const Tensor branch3x3dbl = conv_bn(conv_bn(conv_bn(x, 64, 1), 96, 3), 96, 3, 2, valid);
    const Tensor branch_pool = MaxPooling2D{.pool_size = 3, .strides = 2}(x);
    return Concatenate{.axis = channel_axis, .name = "mixed3"}({branch3x3, branch3x3dbl, branch_pool});
}

// mixed4..mixed7 (17x17): factorized 7x7 branches of width c7 (128, 160, 160, 192).
constexpr Tensor block_17(Tensor x, std::int64_t c7, std::int64_t index)
{
    const Tensor branch1x1 = conv_bn(x, 192, 1);
    Tensor branch7x7 = conv_bn(x, c7, 1);
    branch7x7 = conv_bn(branch7x7, c7, {1, 7});
    branch7x7 = conv_bn(branch7x7, 192, {7, 1});
    Tensor branch7x7dbl = conv_bn(x, c7, 1);
    branch7x7dbl = conv_bn(branch7x7dbl, c7, {7, 1});
    branch7x7dbl = conv_bn(branch7x7dbl, c7, {1, 7});
    branch7x7dbl = conv_bn(branch7x7dbl, c7, {7, 1});
    branch7x7dbl = conv_bn(branch7x7dbl, 192, {1, 7});
    const Tensor branch_pool = avg_pool_branch(x, 192);
    return Concatenate{.axis = channel_axis,
                       .name = name("mixed", index)}({branch1x1, branch7x7, branch7x7dbl, branch_pool});
}

// mixed8: 17 -> 8.
constexpr Tensor reduction_17(Tensor x)
{
    const Tensor branch3x3 = conv_bn(conv_bn(x, 192, 1), 320, 3, 2, valid);
    Tensor branch7x7x3 = conv_bn(x, 192, 1);
    branch7x7x3 = conv_bn(branch7x7x3, 192, {1, 7});
    branch7x7x3 = conv_bn(branch7x7x3, 192, {7, 1});
    branch7x7x3 = conv_bn(branch7x7x3, 192, 3, 2, valid);
    const Tensor branch_pool = MaxPooling2D{.pool_size = 3, .strides = 2}(x);
    return Concatenate{.axis = channel_axis, .name = "mixed8"}({branch3x3, branch7x7x3, branch_pool});
}

// mixed9, mixed10 (8x8): `i` is 0 or 1. The 3x3 branch's inner concatenation is named mixed9_<i>; the
// double-3x3 branch's is not named in Keras.
constexpr Tensor block_8(Tensor x, std::int64_t i)
{
    const Tensor branch1x1 = conv_bn(x, 320, 1);
    Tensor branch3x3 = conv_bn(x, 384, 1);
    const Tensor branch3x3_1 = conv_bn(branch3x3, 384, {1, 3});
    const Tensor branch3x3_2 = conv_bn(branch3x3, 384, {3, 1});
    branch3x3 = Concatenate{.axis = channel_axis, .name = name("mixed9_", i)}({branch3x3_1, branch3x3_2});
    Tensor branch3x3dbl = conv_bn(conv_bn(x, 448, 1), 384, 3);
    const Tensor branch3x3dbl_1 = conv_bn(branch3x3dbl, 384, {1, 3});
    const Tensor branch3x3dbl_2 = conv_bn(branch3x3dbl, 384, {3, 1});
    branch3x3dbl = Concatenate{.axis = channel_axis}({branch3x3dbl_1, branch3x3dbl_2});
    const Tensor branch_pool = avg_pool_branch(x, 192);
    return Concatenate{.axis = channel_axis,
                       .name = name("mixed", 9 + i)}({branch1x1, branch3x3, branch3x3dbl, branch_pool});
}

} // namespace inception_v3

namespace inception_resnet_v2 {

inline constexpr std::int64_t channel_axis = 3;

// inception_resnet_v2.py's conv2d_bn: Conv2D named `name`, then (without bias) BatchNormalization
// `name_bn`, then (with an activation) Activation `name_ac`; all automatic when `name` is empty.
struct ConvBn {
    std::int64_t filters = 0;
    Ints<2> kernel_size = 1;
    Ints<2> strides = 1;
    Padding padding = same;
    bool activation = true; // relu, or None
    bool use_bias = false;
    Name name{};
};

constexpr Name suffixed(const Name& base, std::string_view suffix)
{
    return base.empty() ? Name{} : applications::detail::name(base, suffix);
}

constexpr Tensor conv_bn(Tensor x, const ConvBn& c)
{
    x = Conv2D{.filters = c.filters,
               .kernel_size = c.kernel_size,
               .strides = c.strides,
               .padding = c.padding,
               .use_bias = c.use_bias,
               .name = c.name}(x);
    if (!c.use_bias) x = BatchNormalization{.axis = channel_axis, .scale = false, .name = suffixed(c.name, "_bn")}(x);
    if (c.activation) x = Activation{.activation = "relu", .name = suffixed(c.name, "_ac")}(x);
    return x;
}

// The stem, as InceptionV3's, then mixed_5b (35x35, 320 channels).
constexpr Tensor stem(Tensor x)
{
    x = conv_bn(x, {.filters = 32, .kernel_size = 3, .strides = 2, .padding = valid});
    x = conv_bn(x, {.filters = 32, .kernel_size = 3, .padding = valid});
    x = conv_bn(x, {.filters = 64, .kernel_size = 3});
    x = MaxPooling2D{.pool_size = 3, .strides = 2}(x);
    x = conv_bn(x, {.filters = 80, .kernel_size = 1, .padding = valid});
    x = conv_bn(x, {.filters = 192, .kernel_size = 3, .padding = valid});
    x = MaxPooling2D{.pool_size = 3, .strides = 2}(x);

    const Tensor branch_0 = conv_bn(x, {.filters = 96});
    const Tensor branch_1 = conv_bn(conv_bn(x, {.filters = 48}), {.filters = 64, .kernel_size = 5});
    Tensor branch_2 = conv_bn(x, {.filters = 64});
    branch_2 = conv_bn(branch_2, {.filters = 96, .kernel_size = 3});
    branch_2 = conv_bn(branch_2, {.filters = 96, .kernel_size = 3});
    Tensor branch_pool = AveragePooling2D{.pool_size = 3, .strides = 1, .padding = same}(x);
    branch_pool = conv_bn(branch_pool, {.filters = 64});
    return Concatenate{.axis = channel_axis, .name = "mixed_5b"}({branch_0, branch_1, branch_2, branch_pool});
}

enum class BlockType : std::uint8_t { block35, block17, block8 };

// The residual branches of one Inception-ResNet block, concatenated as `<block>_mixed`.
constexpr Tensor mixed(Tensor x, BlockType type, const Name& block_name)
{
    const Name mixed_name = applications::detail::name(block_name, "_mixed");
    switch (type) {
    case BlockType::block35: {
        const Tensor branch_0 = conv_bn(x, {.filters = 32});
        const Tensor branch_1 = conv_bn(conv_bn(x, {.filters = 32}), {.filters = 32, .kernel_size = 3});
        Tensor branch_2 = conv_bn(x, {.filters = 32});
        branch_2 = conv_bn(branch_2, {.filters = 48, .kernel_size = 3});
        branch_2 = conv_bn(branch_2, {.filters = 64, .kernel_size = 3});
        return Concatenate{.axis = channel_axis, .name = mixed_name}({branch_0, branch_1, branch_2});
    }
    case BlockType::block17: {
        const Tensor branch_0 = conv_bn(x, {.filters = 192});
        Tensor branch_1 = conv_bn(x, {.filters = 128});
        branch_1 = conv_bn(branch_1, {.filters = 160, .kernel_size = {1, 7}});
        branch_1 = conv_bn(branch_1, {.filters = 192, .kernel_size = {7, 1}});
        return Concatenate{.axis = channel_axis, .name = mixed_name}({branch_0, branch_1});
    }
    case BlockType::block8: {
        const Tensor branch_0 = conv_bn(x, {.filters = 192});
        Tensor branch_1 = conv_bn(x, {.filters = 192});
        branch_1 = conv_bn(branch_1, {.filters = 224, .kernel_size = {1, 3}});
        branch_1 = conv_bn(branch_1, {.filters = 256, .kernel_size = {3, 1}});
        return Concatenate{.axis = channel_axis, .name = mixed_name}({branch_0, branch_1});
    }
    }
    require(false, "InceptionResNetV2: Unknown Inception-ResNet block type.");
    return x;
}

// inception_resnet_block: x + scale * conv1x1(mixed branches), then relu (`<block>_ac`) unless the
// activation is None (the last block8).
constexpr Tensor residual_block(Tensor x, double scale, BlockType type, std::int64_t block_idx, bool activation = true)
{
    constexpr std::string_view type_names[] = {"block35", "block17", "block8"};
    const Name block_name = applications::detail::name(type_names[static_cast<std::size_t>(type)], "_", block_idx);
    const Tensor branches = mixed(x, type, block_name);
    const Tensor up = conv_bn(branches, {.filters = x.shape()[channel_axis].value(),
                                         .activation = false,
                                         .use_bias = true,
                                         .name = applications::detail::name(block_name, "_conv")});
    x = CustomScaleLayer{.scale = scale}({x, up});
    if (activation) x = Activation{.activation = "relu", .name = applications::detail::name(block_name, "_ac")}(x);
    return x;
}

// mixed_6a: 35 -> 17, 1088 channels.
constexpr Tensor reduction_a(Tensor x)
{
    const Tensor branch_0 = conv_bn(x, {.filters = 384, .kernel_size = 3, .strides = 2, .padding = valid});
    Tensor branch_1 = conv_bn(x, {.filters = 256});
    branch_1 = conv_bn(branch_1, {.filters = 256, .kernel_size = 3});
    branch_1 = conv_bn(branch_1, {.filters = 384, .kernel_size = 3, .strides = 2, .padding = valid});
    const Tensor branch_pool = MaxPooling2D{.pool_size = 3, .strides = 2, .padding = valid}(x);
    return Concatenate{.axis = channel_axis, .name = "mixed_6a"}({branch_0, branch_1, branch_pool});
}

// mixed_7a: 17 -> 8, 2080 channels.
constexpr Tensor reduction_b(Tensor x)
{
    const Tensor branch_0 =
        conv_bn(conv_bn(x, {.filters = 256}), {.filters = 384, .kernel_size = 3, .strides = 2, .padding = valid});
    const Tensor branch_1 =
        conv_bn(conv_bn(x, {.filters = 256}), {.filters = 288, .kernel_size = 3, .strides = 2, .padding = valid});
    Tensor branch_2 = conv_bn(x, {.filters = 256});
    branch_2 = conv_bn(branch_2, {.filters = 288, .kernel_size = 3});
    branch_2 = conv_bn(branch_2, {.filters = 320, .kernel_size = 3, .strides = 2, .padding = valid});
    const Tensor branch_pool = MaxPooling2D{.pool_size = 3, .strides = 2, .padding = valid}(x);
    return Concatenate{.axis = channel_axis, .name = "mixed_7a"}({branch_0, branch_1, branch_2, branch_pool});
}

} // namespace inception_resnet_v2

} // namespace detail

// keras.applications.InceptionV3: default input 299x299x3, at least 75x75.
constexpr Model InceptionV3(Graph& g, const ApplicationArgs& args = {})
{
    using namespace detail::inception_v3;
    auto inputs = Input(g, {.shape = detail::input_shape(args, 299, 75)});
    Tensor x = stem(inputs);
    for (std::int64_t i = 0; i < 3; ++i) x = block_35(x, i == 0 ? 32 : 64, i);
    x = reduction_35(x);
    x = block_17(x, 128, 4);
    for (std::int64_t i = 0; i < 2; ++i) x = block_17(x, 160, 5 + i);
    x = block_17(x, 192, 7);
    x = reduction_17(x);
    for (std::int64_t i = 0; i < 2; ++i) x = block_8(x, i);
    return Model{inputs, detail::classifier(x, args), {.name = detail::model_name(args, "inception_v3")}};
}

// keras.applications.InceptionResNetV2: default input 299x299x3, at least 75x75. 10 block35 (scale
// 0.17), 20 block17 (0.1), 10 block8 (0.2; the last with scale 1 and no activation), then conv_7b.
constexpr Model InceptionResNetV2(Graph& g, const ApplicationArgs& args = {})
{
    using namespace detail::inception_resnet_v2;
    auto inputs = Input(g, {.shape = detail::input_shape(args, 299, 75)});
    Tensor x = stem(inputs);
    for (std::int64_t i = 1; i <= 10; ++i) x = residual_block(x, 0.17, BlockType::block35, i);
    x = reduction_a(x);
    for (std::int64_t i = 1; i <= 20; ++i) x = residual_block(x, 0.1, BlockType::block17, i);
    x = reduction_b(x);
    for (std::int64_t i = 1; i <= 9; ++i) x = residual_block(x, 0.2, BlockType::block8, i);
    x = residual_block(x, 1.0, BlockType::block8, 10, false);
    x = conv_bn(x, {.filters = 1536, .name = "conv_7b"});
    return Model{inputs, detail::classifier(x, args), {.name = detail::model_name(args, "inception_resnet_v2")}};
}

} // namespace nnshape::applications
