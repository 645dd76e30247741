#pragma once
// MobileNet (Howard et al., 2017), MobileNetV2 (Sandler et al., 2018) and MobileNetV3Small /
// MobileNetV3Large (Howard et al., 2019), as Keras 3's keras.applications builds them
// (keras/src/applications/mobilenet.py, mobilenet_v2.py, mobilenet_v3.py).
//
// - MobileNet: a strided 3x3 convolution, then 13 depthwise-separable blocks (3x3 depthwise + 1x1
//   pointwise, each with BatchNormalization and ReLU(6.)). Current Keras's top is
//   GlobalAveragePooling2D(keepdims=True), Dropout, a 1x1 Conv2D "conv_preds", Reshape "reshape_2"
//   and Activation "predictions" (keras-applications 1.0.8 also had a ZeroPadding2D "conv1_pad" and
//   a Reshape "reshape_1": 93 layers there, 91 in current Keras; the weights are the same).
// - MobileNetV2: inverted residual blocks (1x1 expansion, 3x3 depthwise, linear 1x1 projection, an
//   Add when the shapes allow). Current Keras's Conv1 is same-padded (keras-applications 1.0.8 had a
//   ZeroPadding2D "Conv1_pad" before it: 157 layers there, 156 now).
// - MobileNetV3: inverted residual blocks with squeeze-and-excite, hard-swish activations and a
//   1x1-convolution top.
//
// `weights` (common.hpp) decides the input shape and, for MobileNet and MobileNetV2, the model name;
// `dropout` changes neither shapes nor counts and is not offered.

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string_view>

#include "common.hpp"

namespace nnshape::applications {

// keras.applications.MobileNet's width (`alpha`) and depthwise `depth_multiplier`.
struct MobileNetArgs {
    NNSHAPE_APPLICATION_ARGS
    double alpha = 1.0;
    std::int64_t depth_multiplier = 1;
};

struct MobileNetV2Args {
    NNSHAPE_APPLICATION_ARGS
    double alpha = 1.0;
};

// MobileNetV3Small / MobileNetV3Large. `dropout_rate` matters to the layer list only: with 0 Keras
// leaves the top's Dropout out.
struct MobileNetV3Args {
    NNSHAPE_APPLICATION_ARGS
    double alpha = 1.0;
    bool minimalistic = false;
    bool include_preprocessing = true;
    double dropout_rate = 0.2;
};

namespace detail {

// `int(filters * alpha)`: MobileNet's channel counts.
constexpr std::int64_t scaled(std::int64_t filters, double alpha)
{
    const double v = static_cast<double>(filters) * alpha;
    require(v >= 0 && v < 1e15, "applications: `alpha` must be a non-negative number");
    return static_cast<std::int64_t>(v);
}

// Python's f"{v:0.2f}" for the model names ("mobilenet_1.00_224"): v is exactly m * 2^-k with an
// integer m; 100 * m / 2^k is rounded half to even, as Python formats the exact binary value.
constexpr Name two_decimals(double v)
{
    require(v >= 0 && v < 1e15, "applications: `alpha` must be a non-negative number");
    double m = v;
    int k = 0;
    while (m != static_cast<double>(static_cast<std::int64_t>(m))) m *= 2, ++k;
    const auto hundred_m = static_cast<std::int64_t>(m) * 100; // m < 2^53, so below 2^60
    std::int64_t n = 0;
    if (k == 0) {
        n = hundred_m;
    } else if (k < 62) {
        n = hundred_m >> k;
        const std::int64_t rest = hundred_m - (n << k), half = std::int64_t{1} << (k - 1);
        if (rest > half || (rest == half && n % 2 == 1)) ++n;
    } // else: below 2^60 / 2^62, rounds to 0
    const std::int64_t cents = n % 100;
    return name(n / 100, ".", cents / 10, cents % 10);
}

// A Keras input dimension as Python prints it in a name: 224 or None.
constexpr Name dim_text(Dim d) { return d.known() ? name(d.value()) : Name("None"); }

// MobileNet's and MobileNetV2's input sizes with ImageNet weights (V2 adds 96).
struct TrainedSizes {
    std::span<const std::int64_t> sizes;
    constexpr bool square_of(const Shape& s) const
    {
        return s.rank() == 3 && s[0].known() && s[0] == s[1] && std::ranges::find(sizes, s[0].value()) != sizes.end();
    }
};

// Keras's `default_size`: the input's size when it is square and one the weights were trained at,
// else 224 (what obtain_input_shape expects with ImageNet weights and the top).
constexpr std::int64_t mobilenet_default_size(const OptionalShape& given, TrainedSizes trained)
{
    return given && trained.square_of(*given) ? (*given)[0].value() : 224;
}

// Keras's f"mobilenet_{alpha:0.2f}_{rows}" / f"mobilenetv2_..._{rows}": the input height, but with
// ImageNet weights the size whose weights are loaded, 224 unless the input is one of the trained sizes.
template <class Args>
constexpr Name mobilenet_name(std::string_view prefix, const Args& args, const Shape& input, TrainedSizes trained)
{
    const Name rows = args.weights.imagenet() && !trained.square_of(input) ? Name("224") : dim_text(input[0]);
    return name(prefix, two_decimals(args.alpha), "_", rows);
}

// Keras's check of the width (and depth multiplier) ImageNet weights exist for.
constexpr bool alpha_in(double alpha, std::initializer_list<double> values)
{
    return std::ranges::find(values, alpha) != values.end();
}

// ---- MobileNet ------------------------------------------------------------------------------

// Keras's `_conv_block`: conv1, conv1_bn, conv1_relu.
constexpr Tensor mobilenet_conv_block(Tensor x, std::int64_t filters, double alpha)
{
    x = Conv2D{.filters = scaled(filters, alpha),
               .kernel_size = 3,
               .strides = 2,
               .padding = same,
               .use_bias = false,
               .name = "conv1"}(x);
    x = BatchNormalization{.name = "conv1_bn"}(x);
    return ReLU{.max_value = 6.0, .name = "conv1_relu"}(x);
}

// Keras's `_depthwise_conv_block`: a strided block pads bottom/right by one and convolves `valid`.
constexpr Tensor mobilenet_depthwise_block(Tensor x, std::int64_t pointwise_filters, const MobileNetArgs& args,
                                           std::int64_t strides, std::int64_t block_id)
{
    if (strides != 1) x = ZeroPadding2D{.padding = {{0, 1}, {0, 1}}, .name = name("conv_pad_", block_id)}(x);
    x = DepthwiseConv2D{.kernel_size = 3,
                        .strides = strides,
                        .padding = strides == 1 ? same : valid,
                        .depth_multiplier = args.depth_multiplier,
                        .use_bias = false,
                        .name = name("conv_dw_", block_id)}(x);
    x = BatchNormalization{.name = name("conv_dw_", block_id, "_bn")}(x);
    x = ReLU{.max_value = 6.0, .name = name("conv_dw_", block_id, "_relu")}(x);
    x = Conv2D{.filters = scaled(pointwise_filters, args.alpha),
               .kernel_size = 1,
               .padding = same,
               .use_bias = false,
               .name = name("conv_pw_", block_id)}(x);
    x = BatchNormalization{.name = name("conv_pw_", block_id, "_bn")}(x);
    return ReLU{.max_value = 6.0, .name = name("conv_pw_", block_id, "_relu")}(x);
}

// ---- MobileNetV2 ----------------------------------------------------------------------------

struct InvertedResidualV2 {
    std::int64_t filters, stride, expansion;
};

// Keras's `_inverted_res_block` of mobilenet_v2.py; block 0 has no expansion and the prefix
// "expanded_conv_".
constexpr Tensor mobilenet_v2_block(Tensor inputs, const InvertedResidualV2& b, double alpha, std::int64_t block_id)
{
    const std::int64_t in_channels = nnshape::detail::known_channels(inputs.shape(), channels_last);
    const std::int64_t pointwise_filters = make_divisible(static_cast<double>(scaled(b.filters, alpha)));
    const Name prefix = block_id ? name("block_", block_id, "_") : Name("expanded_conv_");
    Tensor x = inputs;
    if (block_id) {
        x = Conv2D{.filters = b.expansion * in_channels,
                   .kernel_size = 1,
                   .padding = same,
                   .use_bias = false,
                   .name = name(prefix, "expand")}(x);
        x = BatchNormalization{.name = name(prefix, "expand_BN")}(x);
        x = ReLU{.max_value = 6.0, .name = name(prefix, "expand_relu")}(x);
    }
    if (b.stride == 2) x = ZeroPadding2D{.padding = correct_pad(x.shape(), 3), .name = name(prefix, "pad")}(x);
    x = DepthwiseConv2D{.kernel_size = 3,
                        .strides = b.stride,
                        .padding = b.stride == 1 ? same : valid,
                        .use_bias = false,
                        .name = name(prefix, "depthwise")}(x);
    x = BatchNormalization{.name = name(prefix, "depthwise_BN")}(x);
    x = ReLU{.max_value = 6.0, .name = name(prefix, "depthwise_relu")}(x);
    x = Conv2D{.filters = pointwise_filters,
               .kernel_size = 1,
               .padding = same,
               .use_bias = false,
               .name = name(prefix, "project")}(x);
    x = BatchNormalization{.name = name(prefix, "project_BN")}(x);
    if (in_channels == pointwise_filters && b.stride == 1) return Add{.name = name(prefix, "add")}({inputs, x});
    return x;
}

// ---- MobileNetV3 ----------------------------------------------------------------------------

enum class V3Activation : std::uint8_t { relu, hard_swish };

// Keras 3's `relu` is a ReLU layer and its `hard_swish` an Activation("hard_swish") layer (since
// Keras 3.0.1; tf.keras built hard_swish from ops), both with automatic names.
constexpr Tensor v3_activation(Tensor x, V3Activation a)
{
    if (a == V3Activation::relu) return ReLU{}(x);
    return Activation{.activation = "hard_swish"}(x);
}

// Keras 3's `hard_sigmoid(x)` is `ReLU(6.)(x + 3.0) * (1.0 / 6.0)`: the `+ 3.0` and `* (1/6)` are
// backend operations, not layers, and Keras 3's `model.layers` lists layers only. So the one layer
// Keras lists is the ReLU(6.) (automatic name), and the operations change neither shapes nor
// counts. (tf.keras listed them as TFOpLambda layers; nnshape follows Keras 3.)
constexpr Tensor v3_hard_sigmoid(Tensor x) { return ReLU{.max_value = 6.0}(x); }

// Keras's `_se_block`: squeeze to 1x1, reduce, expand back, gate the input.
constexpr Tensor v3_squeeze_excite(Tensor inputs, std::int64_t filters, double se_ratio, const Name& prefix)
{
    Tensor x = GlobalAveragePooling2D{.keepdims = true, .name = name(prefix, "squeeze_excite_avg_pool")}(inputs);
    x = Conv2D{.filters = make_divisible(static_cast<double>(filters) * se_ratio),
               .kernel_size = 1,
               .padding = same,
               .name = name(prefix, "squeeze_excite_conv")}(x);
    x = ReLU{.name = name(prefix, "squeeze_excite_relu")}(x);
    x = Conv2D{.filters = filters, .kernel_size = 1, .padding = same, .name = name(prefix, "squeeze_excite_conv_1")}(x);
    x = v3_hard_sigmoid(x);
    return Multiply{.name = name(prefix, "squeeze_excite_mul")}({inputs, x});
}

// One row of Keras's stack_fn: `_inverted_res_block(x, expansion, filters, kernel, stride, se_ratio,
// activation, block_id)`. `kernel` 0 stands for the model's kernel (5, or 3 when minimalistic),
// `squeeze_excite` for the model's se_ratio (0.25, none when minimalistic), `hard_swish` for the
// model's activation (hard_swish, relu when minimalistic).
struct InvertedResidualV3 {
    double expansion;
    std::int64_t filters, kernel, stride;
    bool squeeze_excite, hard_swish;
};

struct V3Config {
    std::int64_t kernel;
    double se_ratio;
    V3Activation activation;
    double alpha;
};

constexpr Tensor mobilenet_v3_block(Tensor x, const InvertedResidualV3& b, const V3Config& c, std::int64_t block_id)
{
    const Tensor shortcut = x;
    const std::int64_t infilters = nnshape::detail::known_channels(x.shape(), channels_last);
    const std::int64_t expanded = make_divisible(static_cast<double>(infilters) * b.expansion);
    const std::int64_t filters = make_divisible(static_cast<double>(b.filters) * c.alpha);
    const std::int64_t kernel = b.kernel ? b.kernel : c.kernel;
    const V3Activation activation = b.hard_swish ? c.activation : V3Activation::relu;
    const Name prefix = block_id ? name("expanded_conv_", block_id, "_") : Name("expanded_conv_");
    if (block_id) {
        x = Conv2D{.filters = expanded,
                   .kernel_size = 1,
                   .padding = same,
                   .use_bias = false,
                   .name = name(prefix, "expand")}(x);
        x = BatchNormalization{.name = name(prefix, "expand_bn")}(x);
        x = v3_activation(x, activation);
    }
    if (b.stride == 2)
        x = ZeroPadding2D{.padding = correct_pad(x.shape(), kernel), .name = name(prefix, "depthwise_pad")}(x);
    x = DepthwiseConv2D{.kernel_size = kernel,
                        .strides = b.stride,
                        .padding = b.stride == 1 ? same : valid,
                        .use_bias = false,
                        .name = name(prefix, "depthwise")}(x);
    x = BatchNormalization{.name = name(prefix, "depthwise_bn")}(x);
    x = v3_activation(x, activation);
    if (b.squeeze_excite && c.se_ratio > 0) x = v3_squeeze_excite(x, expanded, c.se_ratio, prefix);
    x = Conv2D{
        .filters = filters, .kernel_size = 1, .padding = same, .use_bias = false, .name = name(prefix, "project")}(x);
    x = BatchNormalization{.name = name(prefix, "project_bn")}(x);
    if (b.stride == 1 && infilters == filters) x = Add{.name = name(prefix, "add")}({shortcut, x});
    return x;
}

// MobileNetV3's input: no obtain_input_shape; (None, None, 3) by default even with the top (its
// GlobalAveragePooling2D needs no static size); at least 32x32 when both sizes are known.
constexpr Shape mobilenet_v3_input_shape(const OptionalShape& given)
{
    if (!given) return Shape{None, None, 3};
    const Shape s = *given;
    require(s.rank() == 3, "applications: `input_shape` must be a tuple of three integers (height, width, channels)");
    const bool both = s[0].known() && s[1].known() && s[0].value() != 0 && s[1].value() != 0;
    require(!both || (s[0].value() >= 32 && s[1].value() >= 32), "applications: Input size must be at least 32x32");
    return s;
}

template <std::size_t N>
constexpr Model mobilenet_v3(Graph& g, const MobileNetV3Args& args, const InvertedResidualV3 (&stack)[N],
                             std::int64_t last_point_ch, std::string_view model_name)
{
    const V3Config c = args.minimalistic ? V3Config{3, 0.0, V3Activation::relu, args.alpha}
                                         : V3Config{5, 0.25, V3Activation::hard_swish, args.alpha};
    require_imagenet_args(args);
    require(!args.weights.imagenet() || (args.minimalistic ? args.alpha == 1.0 : alpha_in(args.alpha, {0.75, 1.0})),
            "MobileNetV3: If imagenet weights are being loaded, alpha can be one of `0.75`, `1.0` for non "
            "minimalistic or `1.0` for minimalistic only.");
    auto inputs = Input(g, {.shape = mobilenet_v3_input_shape(args.input_shape)});
    Tensor x = inputs;
    if (args.include_preprocessing) x = Rescaling{.scale = 1.0 / 127.5, .offset = -1.0}(x);
    x = Conv2D{.filters = 16, .kernel_size = 3, .strides = 2, .padding = same, .use_bias = false, .name = "conv"}(x);
    x = BatchNormalization{.name = "conv_bn"}(x);
    x = v3_activation(x, c.activation);
    for (std::size_t i = 0; i < N; ++i) x = mobilenet_v3_block(x, stack[i], c, static_cast<std::int64_t>(i));
    const std::int64_t last_conv_ch =
        make_divisible(static_cast<double>(nnshape::detail::known_channels(x.shape(), channels_last) * 6));
    if (args.alpha > 1.0) last_point_ch = make_divisible(static_cast<double>(last_point_ch) * args.alpha);
    x = Conv2D{.filters = last_conv_ch, .kernel_size = 1, .padding = same, .use_bias = false, .name = "conv_1"}(x);
    x = BatchNormalization{.name = "conv_1_bn"}(x);
    x = v3_activation(x, c.activation);
    if (args.include_top) {
        x = GlobalAveragePooling2D{.keepdims = true}(x);
        x = Conv2D{.filters = last_point_ch, .kernel_size = 1, .padding = same, .name = "conv_2"}(x);
        x = v3_activation(x, c.activation);
        if (args.dropout_rate > 0) x = Dropout{.rate = args.dropout_rate}(x);
        x = Conv2D{.filters = args.classes, .kernel_size = 1, .padding = same, .name = "logits"}(x);
        x = Flatten{}(x);
        x = Activation{.activation = args.classifier_activation, .name = "predictions"}(x);
    } else {
        x = global_pool(x, args.pooling, "avg_pool", "max_pool");
    }
    return Model{inputs, x, {.name = detail::model_name(args, model_name)}};
}

} // namespace detail

// keras.applications.MobileNet. The name is Keras's f"mobilenet_{alpha:0.2f}_{rows}", with rows the
// input height (None without an input_shape and without the top, as Keras names it with weights=None;
// with ImageNet weights 224 unless the input is a square of a size the weights were trained at).
constexpr Model MobileNet(Graph& g, const MobileNetArgs& args = {})
{
    struct Block {
        std::int64_t filters, strides;
    };
    constexpr Block blocks[] = {{64, 1},  {128, 2}, {128, 1}, {256, 2}, {256, 1},  {512, 2}, {512, 1},
                                {512, 1}, {512, 1}, {512, 1}, {512, 1}, {1024, 2}, {1024, 1}};
    constexpr std::int64_t trained_sizes[] = {128, 160, 192, 224};
    const detail::TrainedSizes trained{trained_sizes};
    const Shape shape = detail::input_shape(args, detail::mobilenet_default_size(args.input_shape, trained), 32);
    detail::require(!args.weights.imagenet() || args.depth_multiplier == 1,
                    "MobileNet: If imagenet weights are being loaded, depth multiplier must be 1.");
    detail::require(!args.weights.imagenet() || detail::alpha_in(args.alpha, {0.25, 0.50, 0.75, 1.0}),
                    "MobileNet: If imagenet weights are being loaded, alpha can be one of `0.25`, `0.50`, `0.75` or "
                    "`1.0` only.");
    auto inputs = Input(g, {.shape = shape});
    Tensor x = detail::mobilenet_conv_block(inputs, 32, args.alpha);
    std::int64_t block_id = 1;
    for (const Block& b : blocks) x = detail::mobilenet_depthwise_block(x, b.filters, args, b.strides, block_id++);
    if (args.include_top) {
        x = GlobalAveragePooling2D{.keepdims = true}(x);
        x = Dropout{.rate = 1e-3, .name = "dropout"}(x);
        x = Conv2D{.filters = args.classes, .kernel_size = 1, .padding = same, .name = "conv_preds"}(x);
        x = Reshape{.target_shape = {args.classes}, .name = "reshape_2"}(x);
        x = Activation{.activation = args.classifier_activation, .name = "predictions"}(x);
    } else {
        x = detail::global_pool(x, args.pooling);
    }
    return Model{inputs,
                 x,
                 {.name = detail::model_name(args, detail::mobilenet_name("mobilenet_", args, shape, trained).view())}};
}

// keras.applications.MobileNetV2; named f"mobilenetv2_{alpha:0.2f}_{rows}" as MobileNet.
constexpr Model MobileNetV2(Graph& g, const MobileNetV2Args& args = {})
{
    constexpr detail::InvertedResidualV2 blocks[] = {
        {16, 1, 1}, {24, 2, 6}, {24, 1, 6}, {32, 2, 6}, {32, 1, 6},  {32, 1, 6},  {64, 2, 6},  {64, 1, 6}, {64, 1, 6},
        {64, 1, 6}, {96, 1, 6}, {96, 1, 6}, {96, 1, 6}, {160, 2, 6}, {160, 1, 6}, {160, 1, 6}, {320, 1, 6}};
    constexpr std::int64_t trained_sizes[] = {96, 128, 160, 192, 224};
    const detail::TrainedSizes trained{trained_sizes};
    const Shape shape = detail::input_shape(args, detail::mobilenet_default_size(args.input_shape, trained), 32);
    detail::require(!args.weights.imagenet() || detail::alpha_in(args.alpha, {0.35, 0.50, 0.75, 1.0, 1.3, 1.4}),
                    "MobileNetV2: If imagenet weights are being loaded, alpha must be one of `0.35`, `0.50`, "
                    "`0.75`, `1.0`, `1.3` or `1.4` only;");
    auto inputs = Input(g, {.shape = shape});
    Tensor x = Conv2D{.filters = detail::make_divisible(32 * args.alpha),
                      .kernel_size = 3,
                      .strides = 2,
                      .padding = same,
                      .use_bias = false,
                      .name = "Conv1"}(inputs);
    x = BatchNormalization{.name = "bn_Conv1"}(x);
    x = ReLU{.max_value = 6.0, .name = "Conv1_relu"}(x);
    std::int64_t block_id = 0;
    for (const auto& b : blocks) x = detail::mobilenet_v2_block(x, b, args.alpha, block_id++);
    const std::int64_t last_block_filters = args.alpha > 1.0 ? detail::make_divisible(1280 * args.alpha) : 1280;
    x = Conv2D{.filters = last_block_filters, .kernel_size = 1, .use_bias = false, .name = "Conv_1"}(x);
    x = BatchNormalization{.name = "Conv_1_bn"}(x);
    x = ReLU{.max_value = 6.0, .name = "out_relu"}(x);
    if (args.include_top) {
        x = GlobalAveragePooling2D{}(x);
        x = Dense{.units = args.classes, .activation = args.classifier_activation, .name = "predictions"}(x);
    } else {
        x = detail::global_pool(x, args.pooling);
    }
    return Model{
        inputs,
        x,
        {.name = detail::model_name(args, detail::mobilenet_name("mobilenetv2_", args, shape, trained).view())}};
}

// keras.applications.MobileNetV3Small (Keras 3's default name "MobileNetV3Small").
constexpr Model MobileNetV3Small(Graph& g, const MobileNetV3Args& args = {})
{
    // {expansion, filters, kernel (0: the model's), stride, squeeze-excite, hard-swish (else relu)}
    constexpr detail::InvertedResidualV3 stack[] = {{1, 16, 3, 2, true, false},
                                                    {72.0 / 16, 24, 3, 2, false, false},
                                                    {88.0 / 24, 24, 3, 1, false, false},
                                                    {4, 40, 0, 2, true, true},
                                                    {6, 40, 0, 1, true, true},
                                                    {6, 40, 0, 1, true, true},
                                                    {3, 48, 0, 1, true, true},
                                                    {3, 48, 0, 1, true, true},
                                                    {6, 96, 0, 2, true, true},
                                                    {6, 96, 0, 1, true, true},
                                                    {6, 96, 0, 1, true, true}};
    return detail::mobilenet_v3(g, args, stack, 1024, "MobileNetV3Small");
}

// keras.applications.MobileNetV3Large (Keras 3's default name "MobileNetV3Large").
constexpr Model MobileNetV3Large(Graph& g, const MobileNetV3Args& args = {})
{
    constexpr detail::InvertedResidualV3 stack[] = {
        {1, 16, 3, 1, false, false},  {4, 24, 3, 2, false, false},  {3, 24, 3, 1, false, false},
        {3, 40, 0, 2, true, false},   {3, 40, 0, 1, true, false},   {3, 40, 0, 1, true, false},
        {6, 80, 3, 2, false, true},   {2.5, 80, 3, 1, false, true}, {2.3, 80, 3, 1, false, true},
        {2.3, 80, 3, 1, false, true}, {6, 112, 3, 1, true, true},   {6, 112, 3, 1, true, true},
        {6, 160, 0, 2, true, true},   {6, 160, 0, 1, true, true},   {6, 160, 0, 1, true, true}};
    return detail::mobilenet_v3(g, args, stack, 1280, "MobileNetV3Large");
}

} // namespace nnshape::applications
