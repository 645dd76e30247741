#pragma once
// EfficientNetB0 to B7 (Tan and Le, 2019), as keras.applications builds them with weights=None
// (keras/src/applications/efficientnet.py; tf.keras >= 2.3 builds the same layers): a Rescaling and
// a Normalization stem, a 3x3 stride-2 convolution, seven stages of MBConv blocks (expansion,
// depthwise convolution, squeeze-and-excite, projection, and a residual Add behind a Dropout), then
// top_conv, and the top avg_pool, top_dropout and predictions. One implementation scales the width
// (round_filters) and the depth (round_repeats) of B0's block table.
//
// Keras adds a second Rescaling after the Normalization only when weights="imagenet" (tf.keras 2.9
// to 2.11: a TFOpLambda division); with weights=None, which nnshape builds, there is none.

#include <algorithm>
#include <array>
#include <cstdint>
#include <string_view>

#include "common.hpp"

namespace nnshape::applications {

namespace detail {
namespace efficientnet {

// One row of Keras's DEFAULT_BLOCKS_ARGS (B0's stages); id_skip is true and se_ratio 0.25 in all.
struct StageArgs {
    std::int64_t kernel_size;
    std::int64_t repeats;
    std::int64_t filters_in;
    std::int64_t filters_out;
    std::int64_t expand_ratio;
    std::int64_t strides;
};

inline constexpr std::array<StageArgs, 7> stages{{
    {3, 1, 32, 16, 1, 1},
    {3, 2, 16, 24, 6, 2},
    {5, 2, 24, 40, 6, 2},
    {3, 3, 40, 80, 6, 2},
    {5, 3, 80, 112, 6, 1},
    {5, 4, 112, 192, 6, 2},
    {3, 1, 192, 320, 6, 1},
}};

inline constexpr double se_ratio = 0.25;
inline constexpr double drop_connect_rate = 0.2;
inline constexpr std::int64_t depth_divisor = 8;

// Keras's round_filters: scale by the width coefficient, then make_divisible.
constexpr std::int64_t round_filters(std::int64_t filters, double width_coefficient)
{
    return make_divisible(double(filters) * width_coefficient, depth_divisor);
}

// Keras's round_repeats: int(math.ceil(depth_coefficient * repeats)).
constexpr std::int64_t round_repeats(std::int64_t repeats, double depth_coefficient)
{
    const double scaled = depth_coefficient * double(repeats);
    const auto truncated = std::int64_t(scaled);
    return double(truncated) < scaled ? truncated + 1 : truncated;
}

// One MBConv block (Keras's `block`); `prefix` is Keras's `name`, e.g. "block2a_".
struct BlockArgs {
    std::int64_t filters_in;
    std::int64_t filters_out;
    std::int64_t kernel_size;
    std::int64_t strides;
    std::int64_t expand_ratio;
    double drop_rate;
};

constexpr Tensor block(Tensor inputs, const BlockArgs& a, const Name& prefix)
{
    const std::int64_t filters = a.filters_in * a.expand_ratio;
    Tensor x = inputs;
    if (a.expand_ratio != 1) {
        x = Conv2D{.filters = filters,
                   .kernel_size = 1,
                   .padding = same,
                   .use_bias = false,
                   .name = name(prefix, "expand_conv")}(x);
        x = BatchNormalization{.name = name(prefix, "expand_bn")}(x);
        x = Activation{.activation = "swish", .name = name(prefix, "expand_activation")}(x);
    }
    Padding conv_pad = same;
    if (a.strides == 2) {
        x = ZeroPadding2D{.padding = correct_pad(x.shape(), a.kernel_size), .name = name(prefix, "dwconv_pad")}(x);
        conv_pad = valid;
    }
    x = DepthwiseConv2D{.kernel_size = a.kernel_size,
                        .strides = a.strides,
                        .padding = conv_pad,
                        .use_bias = false,
                        .name = name(prefix, "dwconv")}(x);
    x = BatchNormalization{.name = name(prefix, "bn")}(x);
    x = Activation{.activation = "swish", .name = name(prefix, "activation")}(x);

    // Squeeze and excitation: filters_se = max(1, int(filters_in * se_ratio)).
    const std::int64_t filters_se = std::max<std::int64_t>(1, std::int64_t(double(a.filters_in) * se_ratio));
    Tensor se = GlobalAveragePooling2D{.name = name(prefix, "se_squeeze")}(x);
    se = Reshape{.target_shape = {1, 1, filters}, .name = name(prefix, "se_reshape")}(se);
    se = Conv2D{.filters = filters_se, .kernel_size = 1, .padding = same, .name = name(prefix, "se_reduce")}(se);
    se = Conv2D{.filters = filters, .kernel_size = 1, .padding = same, .name = name(prefix, "se_expand")}(se);
    x = Multiply{.name = name(prefix, "se_excite")}({x, se});

    x = Conv2D{.filters = a.filters_out,
               .kernel_size = 1,
               .padding = same,
               .use_bias = false,
               .name = name(prefix, "project_conv")}(x);
    x = BatchNormalization{.name = name(prefix, "project_bn")}(x);
    if (a.strides == 1 && a.filters_in == a.filters_out) {
        if (a.drop_rate > 0) x = Dropout{.rate = a.drop_rate, .name = name(prefix, "drop")}(x);
        x = Add{.name = name(prefix, "add")}({x, inputs});
    }
    return x;
}

struct Scaling {
    double width_coefficient;
    double depth_coefficient;
    std::int64_t default_size;
    double dropout_rate;
};

constexpr Model build(Graph& g, const ApplicationArgs& args, const Scaling& s, std::string_view model_name)
{
    const auto filters = [&](std::int64_t f) { return round_filters(f, s.width_coefficient); };
    // Keras adds a Rescaling by 1/sqrt(ImageNet's per-channel stddev) after the Normalization with
    // ImageNet weights; nnshape's Rescaling holds one scale, not three, so it does not build that model.
    require(!args.weights.imagenet(), "EfficientNet: weights=\"imagenet\" is not modelled yet (Keras then adds a "
                                      "per-channel Rescaling); build with weights=None, which has the same counts");
    auto inputs = Input(g, {.shape = input_shape(args, s.default_size, 32)});
    Tensor x = Rescaling{.scale = 1.0 / 255.0}(inputs);
    x = Normalization{.axis = 3}(x);
    x = ZeroPadding2D{.padding = correct_pad(x.shape(), 3), .name = "stem_conv_pad"}(x);
    x = Conv2D{.filters = filters(32), .kernel_size = 3, .strides = 2, .use_bias = false, .name = "stem_conv"}(x);
    x = BatchNormalization{.name = "stem_bn"}(x);
    x = Activation{.activation = "swish", .name = "stem_activation"}(x);

    std::int64_t total_blocks = 0;
    for (const StageArgs& stage : stages) total_blocks += round_repeats(stage.repeats, s.depth_coefficient);
    std::int64_t b = 0;
    for (std::size_t i = 0; i < stages.size(); ++i) {
        const StageArgs& stage = stages[i];
        BlockArgs a{filters(stage.filters_in), filters(stage.filters_out),
                    stage.kernel_size,         stage.strides,
                    stage.expand_ratio,        0};
        const std::int64_t repeats = round_repeats(stage.repeats, s.depth_coefficient);
        for (std::int64_t j = 0; j < repeats; ++j) {
            if (j > 0) {
                a.strides = 1;
                a.filters_in = a.filters_out;
            }
            a.drop_rate = drop_connect_rate * double(b) / double(total_blocks);
            const char letter = char('a' + j); // Keras's chr(j + 97)
            x = block(x, a, name("block", std::int64_t(i + 1), std::string_view(&letter, 1), "_"));
            ++b;
        }
    }

    x = Conv2D{.filters = filters(1280), .kernel_size = 1, .padding = same, .use_bias = false, .name = "top_conv"}(x);
    x = BatchNormalization{.name = "top_bn"}(x);
    x = Activation{.activation = "swish", .name = "top_activation"}(x);
    if (args.include_top) {
        x = GlobalAveragePooling2D{.name = "avg_pool"}(x);
        if (s.dropout_rate > 0) x = Dropout{.rate = s.dropout_rate, .name = "top_dropout"}(x);
        x = Dense{.units = args.classes, .activation = args.classifier_activation, .name = "predictions"}(x);
    } else {
        x = global_pool(x, args.pooling, "avg_pool", "max_pool");
    }
    return Model{inputs, x, {.name = detail::model_name(args, model_name)}};
}

} // namespace efficientnet
} // namespace detail

// Keras's (width_coefficient, depth_coefficient, default_size, dropout_rate) per model.
constexpr Model EfficientNetB0(Graph& g, const ApplicationArgs& args = {})
{
    return detail::efficientnet::build(g, args, {1.0, 1.0, 224, 0.2}, "efficientnetb0");
}

constexpr Model EfficientNetB1(Graph& g, const ApplicationArgs& args = {})
{
    return detail::efficientnet::build(g, args, {1.0, 1.1, 240, 0.2}, "efficientnetb1");
}

constexpr Model EfficientNetB2(Graph& g, const ApplicationArgs& args = {})
{
    return detail::efficientnet::build(g, args, {1.1, 1.2, 260, 0.3}, "efficientnetb2");
}

constexpr Model EfficientNetB3(Graph& g, const ApplicationArgs& args = {})
{
    return detail::efficientnet::build(g, args, {1.2, 1.4, 300, 0.3}, "efficientnetb3");
}

constexpr Model EfficientNetB4(Graph& g, const ApplicationArgs& args = {})
{
    return detail::efficientnet::build(g, args, {1.4, 1.8, 380, 0.4}, "efficientnetb4");
}

constexpr Model EfficientNetB5(Graph& g, const ApplicationArgs& args = {})
{
    return detail::efficientnet::build(g, args, {1.6, 2.2, 456, 0.4}, "efficientnetb5");
}

constexpr Model EfficientNetB6(Graph& g, const ApplicationArgs& args = {})
{
    return detail::efficientnet::build(g, args, {1.8, 2.6, 528, 0.5}, "efficientnetb6");
}

constexpr Model EfficientNetB7(Graph& g, const ApplicationArgs& args = {})
{
    return detail::efficientnet::build(g, args, {2.0, 3.1, 600, 0.5}, "efficientnetb7");
}

} // namespace nnshape::applications
