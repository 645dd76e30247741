#pragma once
// ConvNeXt Tiny, Small, Base, Large and XLarge (Liu et al., 2022), as Keras 3 builds them
// (keras/src/applications/convnext.py): an optional Normalization with ImageNet's mean and variance,
// a 4x4/4 "patchify" stem, four stages of ConvNeXt blocks (7x7 depthwise convolution, LayerNorm,
// an inverted bottleneck of two Dense layers with GELU, LayerScale, residual addition) with 2x2/2
// downsampling between them; the top is global average pooling, LayerNorm and the classifier.
//
// Differences from Keras that nnshape cannot avoid:
// - Keras builds the stem and the three downsampling blocks as `Sequential` models nested in the
//   model; here they are nested functional `Model`s with the same names and layers (plus their own
//   InputLayer, as Keras's Sequential has internally): the same weights, one entry each in layers().
// - Keras 3 writes the residual as `inputs + layer(x)`, an `ops.add` operation: Keras 3 lists it in
//   `model.summary()` (as "add", "add_1", ...) but not in `model.layers`; tf.keras made it a
//   TFOpLambda layer, listed in both. nnshape has no operations that are not layers, so it is an `Add`
//   layer (Keras 3 automatic names "add", "add_1", ...): `layers().size()` is Keras 3's
//   `len(model.layers)` plus one per block (tf.keras's `len(model.layers)`).

#include <array>
#include <cstdint>
#include <string_view>

#include "common.hpp"

namespace nnshape::applications {

// ConvNeXt's LayerScale: multiplies its input by a learned per-channel gamma of shape
// (projection_dim,) (Keras Applications defines it in convnext.py, not as a Keras layer).
struct LayerScale {
    double init_values = 0;
    std::int64_t projection_dim = 0;
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "LayerScale";

    constexpr Shape output_shape(const Shape& in) const
    {
        require(in.rank() >= 2 && in.back() == Dim(projection_dim),
                "LayerScale: the last input axis must be projection_dim");
        return in;
    }
    constexpr Params params(const Shape&) const { return {projection_dim}; } // gamma
};

// ConvNeXt's arguments: the common ones, then Keras's `include_preprocessing` (the Normalization
// layer; it has no weights, since its mean and variance are given).
struct ConvNeXtArgs {
    NNSHAPE_APPLICATION_ARGS
    bool include_preprocessing = true;
};

namespace detail {

// A variant: blocks per stage and channels per stage (Keras's MODEL_CONFIGS).
struct ConvNeXtConfig {
    std::array<std::int64_t, 4> depths;
    std::array<std::int64_t, 4> projection_dims;
};

inline constexpr double convnext_layer_scale_init_value = 1e-6;

// Keras's Sequential sub-model of two layers, called on `x`: an InputLayer of x's shape, then
// `first` and `second`, as one nested Model named `model_name`.
template <class First, class Second>
constexpr Tensor convnext_sequential(const Tensor& x, First first, Second second, const Name& model_name)
{
    auto in = Input(x.graph(), {.shape = Shape(x.shape().features())});
    const Tensor y = std::move(second)(std::move(first)(in));
    return Model{in, y, {.name = model_name}}(x);
}

// The stem "{name}_stem": a 4x4 convolution with stride 4, then LayerNormalization.
constexpr Tensor convnext_stem(const Tensor& x, std::int64_t dim, std::string_view model_name)
{
    return convnext_sequential(
        x, Conv2D{.filters = dim, .kernel_size = 4, .strides = 4, .name = name(model_name, "_stem_conv")},
        LayerNormalization{.name = name(model_name, "_stem_layernorm")}, name(model_name, "_stem"));
}

// Downsampling block i (0, 1, 2) "{name}_downsampling_block_{i}": LayerNormalization, then a 2x2
// convolution with stride 2.
constexpr Tensor convnext_downsampling(const Tensor& x, std::int64_t dim, std::int64_t i, std::string_view model_name)
{
    return convnext_sequential(
        x, LayerNormalization{.name = name(model_name, "_downsampling_layernorm_", i)},
        Conv2D{.filters = dim, .kernel_size = 2, .strides = 2, .name = name(model_name, "_downsampling_conv_", i)},
        name(model_name, "_downsampling_block_", i));
}

// One ConvNeXt block "{name}_stage_{i}_block_{j}". drop_path_rate is 0 in every Keras variant, so
// the residual branch ends in Activation("linear", name="..._identity"), not StochasticDepth.
constexpr Tensor convnext_block(const Tensor& inputs, std::int64_t dim, const Name& block)
{
    Tensor x = Conv2D{.filters = dim,
                      .kernel_size = 7,
                      .padding = same,
                      .groups = dim,
                      .name = name(block, "_depthwise_conv")}(inputs);
    x = LayerNormalization{.name = name(block, "_layernorm")}(x);
    x = Dense{.units = 4 * dim, .name = name(block, "_pointwise_conv_1")}(x);
    x = Activation{.activation = "gelu", .name = name(block, "_gelu")}(x);
    x = Dense{.units = dim, .name = name(block, "_pointwise_conv_2")}(x);
    x = LayerScale{
        .init_values = convnext_layer_scale_init_value, .projection_dim = dim, .name = name(block, "_layer_scale")}(x);
    x = Activation{.activation = "linear", .name = name(block, "_identity")}(x);
    return Add{}({inputs, x}); // Keras 3: `inputs + x`, see the header comment
}

// The classification head "{name}_head_*": global average pooling, LayerNormalization, Dense.
constexpr Tensor convnext_head(Tensor x, const ConvNeXtArgs& args, std::string_view model_name)
{
    x = GlobalAveragePooling2D{.name = name(model_name, "_head_gap")}(x);
    x = LayerNormalization{.name = name(model_name, "_head_layernorm")}(x);
    return Dense{
        .units = args.classes, .activation = args.classifier_activation, .name = name(model_name, "_head_dense")}(x);
}

constexpr Model convnext(Graph& g, const ConvNeXtArgs& args, const ConvNeXtConfig& config, std::string_view keras_name)
{
    // The name also prefixes the layers' (`convnext_tiny_stem`), a given one too, as in Keras.
    const Name chosen = detail::model_name(args, keras_name);
    const std::string_view model_name = chosen.view();
    const Shape shape = input_shape(args, 224, 32);
    auto inputs = Input(g, {.shape = shape});
    Tensor x = inputs;
    if (args.include_preprocessing && shape[2] == Dim(3)) { // Keras: only for 3 channels
        x = Normalization{
            .mean = {0.485 * 255, 0.456 * 255, 0.406 * 255},
            .variance = {(0.229 * 255) * (0.229 * 255), (0.224 * 255) * (0.224 * 255), (0.225 * 255) * (0.225 * 255)},
            .name = name(model_name, "_prestem_normalization")}(x);
    }
    for (std::size_t i = 0; i < 4; ++i) {
        const std::int64_t dim = config.projection_dims[i];
        x = i == 0 ? convnext_stem(x, dim, model_name) : convnext_downsampling(x, dim, std::int64_t(i - 1), model_name);
        for (std::int64_t j = 0; j < config.depths[i]; ++j) {
            x = convnext_block(x, dim, name(model_name, "_stage_", std::int64_t(i), "_block_", j));
        }
    }
    if (args.include_top) {
        x = convnext_head(x, args, model_name);
    } else {
        x = global_pool(x, args.pooling);
        x = LayerNormalization{}(x); // also without pooling, on the 4D feature map
    }
    return Model{inputs, x, {.name = model_name}};
}

} // namespace detail

constexpr Model ConvNeXtTiny(Graph& g, const ConvNeXtArgs& args = {})
{
    return detail::convnext(g, args, {{3, 3, 9, 3}, {96, 192, 384, 768}}, "convnext_tiny");
}

constexpr Model ConvNeXtSmall(Graph& g, const ConvNeXtArgs& args = {})
{
    return detail::convnext(g, args, {{3, 3, 27, 3}, {96, 192, 384, 768}}, "convnext_small");
}

constexpr Model ConvNeXtBase(Graph& g, const ConvNeXtArgs& args = {})
{
    return detail::convnext(g, args, {{3, 3, 27, 3}, {128, 256, 512, 1024}}, "convnext_base");
}

constexpr Model ConvNeXtLarge(Graph& g, const ConvNeXtArgs& args = {})
{
    return detail::convnext(g, args, {{3, 3, 27, 3}, {192, 384, 768, 1536}}, "convnext_large");
}

constexpr Model ConvNeXtXLarge(Graph& g, const ConvNeXtArgs& args = {})
{
    return detail::convnext(g, args, {{3, 3, 27, 3}, {256, 512, 1024, 2048}}, "convnext_xlarge");
}

} // namespace nnshape::applications
