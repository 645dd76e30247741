#pragma once
// ResNet50/101/152 (He et al., 2015) and ResNet50V2/101V2/152V2 (He et al., 2016, pre-activation),
// as keras.applications builds them (keras/src/applications/resnet.py and resnet_v2.py): a 7x7/2
// stem and a 3x3/2 max pooling, four stacks of bottleneck blocks (1x1, 3x3, 1x1 with 4x filters),
// then GlobalAveragePooling2D "avg_pool" and Dense "predictions".
//
// The two versions share the stem, the stacks and the top; they differ in the block:
// - v1 (post-activation): every convolution has a bias and is followed by BatchNormalization; the
//   block ends in `_add` then Activation `_out`; a stack downsamples in its first block, whose
//   shortcut is a strided 1x1 convolution + BatchNormalization (`_0_conv`, `_0_bn`).
// - v2 (pre-activation): the block starts with `_preact_bn` + `_preact_relu`; `_1_conv` and
//   `_2_conv` have no bias (`_0_conv` and `_3_conv` do), `_2_conv` is padded explicitly (`_2_pad`);
//   the block ends in Add `_out`; a stack downsamples in its last block, whose shortcut is an
//   unnamed MaxPooling2D(1, strides=2); the stem has no BatchNormalization and the model closes
//   with `post_bn` + `post_relu`.

#include <array>
#include <cstdint>
#include <string_view>

#include "common.hpp"

namespace nnshape::applications {

namespace detail {

// One stack as the Keras source calls it: `stack_residual_blocks_v1(x, 64, 3, stride1=1, name="conv2")`.
struct ResNetStack {
    std::int64_t filters;
    std::int64_t blocks;
    std::int64_t stride1;
};

// Stacks conv2..conv5, named by their position.
using ResNetStacks = std::array<ResNetStack, 4>;

enum class ResNetVersion : std::uint8_t { v1, v2 };

// Keras passes epsilon=1.001e-5, which changes no shape or count.
constexpr Tensor resnet_bn(const Tensor& x, const Name& block, std::string_view suffix)
{
    return BatchNormalization{.axis = 3, .name = name(block, suffix)}(x);
}

constexpr Tensor resnet_relu(const Tensor& x, const Name& block, std::string_view suffix)
{
    return Activation{.activation = "relu", .name = name(block, suffix)}(x);
}

// Keras's residual_block_v1.
constexpr Tensor residual_block_v1(Tensor x, std::int64_t filters, std::int64_t stride, bool conv_shortcut,
                                   const Name& block)
{
    Tensor shortcut = x;
    if (conv_shortcut) {
        shortcut =
            Conv2D{.filters = 4 * filters, .kernel_size = 1, .strides = stride, .name = name(block, "_0_conv")}(x);
        shortcut = resnet_bn(shortcut, block, "_0_bn");
    }
    x = Conv2D{.filters = filters, .kernel_size = 1, .strides = stride, .name = name(block, "_1_conv")}(x);
    x = resnet_bn(x, block, "_1_bn");
    x = resnet_relu(x, block, "_1_relu");
    x = Conv2D{.filters = filters, .kernel_size = 3, .padding = same, .name = name(block, "_2_conv")}(x);
    x = resnet_bn(x, block, "_2_bn");
    x = resnet_relu(x, block, "_2_relu");
    x = Conv2D{.filters = 4 * filters, .kernel_size = 1, .name = name(block, "_3_conv")}(x);
    x = resnet_bn(x, block, "_3_bn");
    x = Add{.name = name(block, "_add")}({shortcut, x});
    return resnet_relu(x, block, "_out");
}

// Keras's residual_block_v2. The identity shortcut of a strided block is an unnamed
// MaxPooling2D(1, strides), called before `_1_conv` (so it takes the next automatic name).
constexpr Tensor residual_block_v2(Tensor x, std::int64_t filters, std::int64_t stride, bool conv_shortcut,
                                   const Name& block)
{
    Tensor preact = resnet_bn(x, block, "_preact_bn");
    preact = resnet_relu(preact, block, "_preact_relu");
    Tensor shortcut = x;
    if (conv_shortcut) {
        shortcut =
            Conv2D{.filters = 4 * filters, .kernel_size = 1, .strides = stride, .name = name(block, "_0_conv")}(preact);
    } else if (stride > 1) {
        shortcut = MaxPooling2D{.pool_size = 1, .strides = stride}(x);
    }
    x = Conv2D{.filters = filters, .kernel_size = 1, .use_bias = false, .name = name(block, "_1_conv")}(preact);
    x = resnet_bn(x, block, "_1_bn");
    x = resnet_relu(x, block, "_1_relu");
    x = ZeroPadding2D{.padding = 1, .name = name(block, "_2_pad")}(x);
    x = Conv2D{
        .filters = filters, .kernel_size = 3, .strides = stride, .use_bias = false, .name = name(block, "_2_conv")}(x);
    x = resnet_bn(x, block, "_2_bn");
    x = resnet_relu(x, block, "_2_relu");
    x = Conv2D{.filters = 4 * filters, .kernel_size = 1, .name = name(block, "_3_conv")}(x);
    return Add{.name = name(block, "_out")}({shortcut, x});
}

// Keras's stack_residual_blocks_v1 / _v2: block1 always has the convolution shortcut; v1 strides in
// block1, v2 in the last block (with an identity or max-pooling shortcut).
constexpr Tensor resnet_stack(Tensor x, ResNetVersion version, const ResNetStack& stack, std::int64_t stage)
{
    for (std::int64_t i = 1; i <= stack.blocks; ++i) {
        const Name block = name("conv", stage, "_block", i);
        const bool first = i == 1;
        if (version == ResNetVersion::v1) {
            x = residual_block_v1(x, stack.filters, first ? stack.stride1 : 1, first, block);
        } else {
            x = residual_block_v2(x, stack.filters, i == stack.blocks ? stack.stride1 : 1, first, block);
        }
    }
    return x;
}

// Keras's ResNet(stack_fn, preact, use_bias=True, ...): the stem, the stacks, v2's post-activation
// and the top or the pooling.
constexpr Model resnet(Graph& g, const ApplicationArgs& args, ResNetVersion version, const ResNetStacks& stacks,
                       std::string_view model_name)
{
    auto inputs = Input(g, {.shape = input_shape(args, 224, 32)});
    const bool preact = version == ResNetVersion::v2;
    Tensor x = ZeroPadding2D{.padding = 3, .name = "conv1_pad"}(inputs);
    x = Conv2D{.filters = 64, .kernel_size = 7, .strides = 2, .name = "conv1_conv"}(x);
    if (!preact) {
        x = BatchNormalization{.axis = 3, .name = "conv1_bn"}(x);
        x = Activation{.activation = "relu", .name = "conv1_relu"}(x);
    }
    x = ZeroPadding2D{.padding = 1, .name = "pool1_pad"}(x);
    x = MaxPooling2D{.pool_size = 3, .strides = 2, .name = "pool1_pool"}(x);
    for (std::size_t s = 0; s < stacks.size(); ++s) x = resnet_stack(x, version, stacks[s], std::int64_t(s) + 2);
    if (preact) {
        x = BatchNormalization{.axis = 3, .name = "post_bn"}(x);
        x = Activation{.activation = "relu", .name = "post_relu"}(x);
    }
    x = classifier(x, args, "avg_pool", "max_pool");
    return Model{inputs, x, {.name = detail::model_name(args, model_name)}};
}

// Filters per stack are 64, 128, 256, 512 in every ResNet; v1 strides in conv3..conv5, v2 in conv2..conv4.
constexpr ResNetStacks resnet_v1_stacks(std::int64_t conv3, std::int64_t conv4)
{
    return {{{64, 3, 1}, {128, conv3, 2}, {256, conv4, 2}, {512, 3, 2}}};
}

constexpr ResNetStacks resnet_v2_stacks(std::int64_t conv3, std::int64_t conv4)
{
    return {{{64, 3, 2}, {128, conv3, 2}, {256, conv4, 2}, {512, 3, 1}}};
}

} // namespace detail

constexpr Model ResNet50(Graph& g, const ApplicationArgs& args = {})
{
    return detail::resnet(g, args, detail::ResNetVersion::v1, detail::resnet_v1_stacks(4, 6), "resnet50");
}

constexpr Model ResNet101(Graph& g, const ApplicationArgs& args = {})
{
    return detail::resnet(g, args, detail::ResNetVersion::v1, detail::resnet_v1_stacks(4, 23), "resnet101");
}

constexpr Model ResNet152(Graph& g, const ApplicationArgs& args = {})
{
    return detail::resnet(g, args, detail::ResNetVersion::v1, detail::resnet_v1_stacks(8, 36), "resnet152");
}

constexpr Model ResNet50V2(Graph& g, const ApplicationArgs& args = {})
{
    return detail::resnet(g, args, detail::ResNetVersion::v2, detail::resnet_v2_stacks(4, 6), "resnet50v2");
}

constexpr Model ResNet101V2(Graph& g, const ApplicationArgs& args = {})
{
    return detail::resnet(g, args, detail::ResNetVersion::v2, detail::resnet_v2_stacks(4, 23), "resnet101v2");
}

constexpr Model ResNet152V2(Graph& g, const ApplicationArgs& args = {})
{
    return detail::resnet(g, args, detail::ResNetVersion::v2, detail::resnet_v2_stacks(8, 36), "resnet152v2");
}

} // namespace nnshape::applications
