#pragma once
// Convolutions over N spatial axes: Conv, DepthwiseConv, SeparableConv, ConvTranspose.
// One template per kind; Conv2D and friends are its instances. The checks follow Keras 3
// (keras/src/layers/convolutional/base_*.py) and say where tf.keras differs.

#include <cstddef>
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "../detail/spatial.hpp"
#include "../detail/layer_facts.hpp"
#include "../detail/type_list.hpp"
#include "../layer_args.hpp"

namespace nnshape {

// Keras 3's BaseConv takes `lora_rank` (Conv1D/2D/3D pass it through **kwargs): as its enable_lora
// does, it freezes the kernel (*k, in / groups, filters) and adds trainable lora_kernel_a
// (*k, in / groups, rank) and lora_kernel_b (rank, filters) (keras/src/layers/convolutional/
// base_conv.py, build and enable_lora). Keras also refuses LoRA with a kernel_constraint, which
// nnshape, not storing constraints, does not check.
template <std::size_t N>
struct Conv {
    std::int64_t filters = 0;
    Ints<N> kernel_size = 0;
    Ints<N> strides = 1;
    Padding padding = valid;
    DataFormat data_format = channels_last;
    Ints<N> dilation_rate = 1;
    std::int64_t groups = 1;
    ActivationName activation{};
    bool use_bias = true;
    NNSHAPE_ACCEPTED(kernel_initializer);
    NNSHAPE_ACCEPTED(bias_initializer);
    NNSHAPE_ACCEPTED(kernel_regularizer);
    NNSHAPE_ACCEPTED(bias_regularizer);
    NNSHAPE_ACCEPTED(activity_regularizer);
    NNSHAPE_ACCEPTED(kernel_constraint);
    NNSHAPE_ACCEPTED(bias_constraint);
    std::optional<int> lora_rank{}; // int: the smallest type the Keras JSON reader takes
    NNSHAPE_ACCEPTED(lora_alpha);
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = detail::ranked_name<N>("Conv1D", "Conv2D", "Conv3D");
    static constexpr void keras_config(auto& l, auto& key)
    {
        key("filters", l.filters, detail::required);
        key("kernel_size", l.kernel_size, detail::required);
        key("strides", l.strides);
        key("padding", l.padding);
        key("data_format", l.data_format);
        key("dilation_rate", l.dilation_rate);
        key("groups", l.groups);
        key("activation", l.activation);
        key("use_bias", l.use_bias);
        key("kernel_initializer", l.kernel_initializer);
        key("bias_initializer", l.bias_initializer);
        key("kernel_regularizer", l.kernel_regularizer);
        key("bias_regularizer", l.bias_regularizer);
        key("activity_regularizer", l.activity_regularizer);
        key("kernel_constraint", l.kernel_constraint);
        key("bias_constraint", l.bias_constraint);
        key("lora_rank", l.lora_rank);
        key("lora_alpha", l.lora_alpha);
    }
    static constexpr std::array<std::string_view, 1> keras_aliases{
        detail::ranked_name<N>("Convolution1D", "Convolution2D", "Convolution3D")};
    static constexpr detail::Analyses analyses{.cost = detail::by_rule, .field = detail::by_rule};

    // Keras 2.2 rejected causal padding with channels_first; tf.keras and Keras 3 pad axis 2 instead.
    constexpr Shape output_shape(const Shape& in) const
    {
        detail::require(filters > 0, "Conv: Invalid value for argument `filters`. Expected a strictly positive value.");
        detail::require(groups > 0, "Conv: The number of groups must be a positive integer.");
        detail::require(filters % groups == 0,
                        "Conv: The number of filters must be evenly divisible by the number of groups.");
        detail::require(!lora_rank || *lora_rank >= 0, "Conv: lora_rank must be a non-negative integer");
        detail::require(N == 1 || padding != causal,
                        "Conv: The `padding` argument must be one of {'valid', 'same'} ('causal' is for Conv1D only)");
        detail::require(!detail::strided_and_dilated(strides, dilation_rate),
                        "Conv: `strides > 1` not supported in conjunction with `dilation_rate > 1`");
        const Shape out = detail::conv_shape(in, data_format, filters, kernel_size, strides, padding, dilation_rate);
        detail::require(detail::known_channels(in, data_format) % groups == 0,
                        "Conv: The number of input channels must be evenly divisible by the number of groups.");
        return out;
    }

    // kernel (*k, in / groups, filters) + bias (filters). Like every count here, only for a valid call.
    // With LoRA the kernel is frozen and lora_kernel_a (*k, in / groups, rank) + lora_kernel_b
    // (rank, filters) train.
    constexpr Params params(const Shape& in) const
    {
        output_shape(in); // a count only for a valid call
        return params_of_valid_call(in);
    }
    constexpr Params params_of_valid_call(const Shape& in) const
    {
        const std::int64_t per_group = detail::known_channels(in, data_format) / groups;
        const std::int64_t taps = detail::checked_mul(kernel_size.product(), per_group);
        return detail::with_lora(taps, filters, lora_rank, detail::bias_count(use_bias, filters));
    }
};

// Keras has DepthwiseConv1D and DepthwiseConv2D. Keras 3 does not reject strides > 1 with
// dilation_rate > 1 here (tf.keras, whose DepthwiseConv2D is a Conv2D, does).
template <std::size_t N>
struct DepthwiseConv {
    static_assert(N == 1 || N == 2, "Keras has DepthwiseConv1D and DepthwiseConv2D only");

    Ints<N> kernel_size = 0;
    Ints<N> strides = 1;
    Padding padding = valid;
    std::int64_t depth_multiplier = 1;
    DataFormat data_format = channels_last;
    Ints<N> dilation_rate = 1;
    ActivationName activation{};
    bool use_bias = true;
    NNSHAPE_ACCEPTED(depthwise_initializer);
    NNSHAPE_ACCEPTED(bias_initializer);
    NNSHAPE_ACCEPTED(depthwise_regularizer);
    NNSHAPE_ACCEPTED(bias_regularizer);
    NNSHAPE_ACCEPTED(activity_regularizer);
    NNSHAPE_ACCEPTED(depthwise_constraint);
    NNSHAPE_ACCEPTED(bias_constraint);
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = N == 1 ? "DepthwiseConv1D" : "DepthwiseConv2D";
    static constexpr void keras_config(auto& l, auto& key)
    {
        key("kernel_size", l.kernel_size, detail::required);
        key("strides", l.strides);
        key("padding", l.padding);
        key("depth_multiplier", l.depth_multiplier);
        key("data_format", l.data_format);
        key("dilation_rate", l.dilation_rate);
        key("activation", l.activation);
        key("use_bias", l.use_bias);
        key("depthwise_initializer", l.depthwise_initializer);
        key("bias_initializer", l.bias_initializer);
        key("depthwise_regularizer", l.depthwise_regularizer);
        key("bias_regularizer", l.bias_regularizer);
        key("activity_regularizer", l.activity_regularizer);
        key("depthwise_constraint", l.depthwise_constraint);
        key("bias_constraint", l.bias_constraint);
    }
    static constexpr detail::Analyses analyses{.cost = detail::by_rule, .field = detail::by_rule};

    constexpr Shape output_shape(const Shape& in) const
    {
        detail::require(depth_multiplier > 0, "DepthwiseConv: Invalid value for argument `depth_multiplier`. "
                                              "Expected a strictly positive value.");
        detail::require(padding != causal, "DepthwiseConv: The `padding` argument must be one of {'valid', 'same'}");
        detail::require_spatial_rank<N>(in);
        return detail::conv_shape(in, data_format, out_channels(in), kernel_size, strides, padding, dilation_rate);
    }

    // kernel (*k, in, depth_multiplier) + bias (in * depth_multiplier)
    constexpr Params params(const Shape& in) const
    {
        output_shape(in); // a count only for a valid call
        return params_of_valid_call(in);
    }
    constexpr Params params_of_valid_call(const Shape& in) const
    {
        const std::int64_t channels = out_channels(in);
        return {detail::checked_add(detail::checked_mul(kernel_size.product(), channels),
                                    detail::bias_count(use_bias, channels))};
    }

private:
    constexpr std::int64_t out_channels(const Shape& in) const
    {
        return detail::checked_mul(detail::known_channels(in, data_format), depth_multiplier);
    }
};

// Keras has SeparableConv1D and SeparableConv2D. tf.keras also allowed padding='causal' for
// SeparableConv1D; Keras 3 does not. Keras 3 does not reject strides > 1 with dilation_rate > 1 here.
template <std::size_t N>
struct SeparableConv {
    static_assert(N == 1 || N == 2, "Keras has SeparableConv1D and SeparableConv2D only");

    std::int64_t filters = 0;
    Ints<N> kernel_size = 0;
    Ints<N> strides = 1;
    Padding padding = valid;
    DataFormat data_format = channels_last;
    Ints<N> dilation_rate = 1;
    std::int64_t depth_multiplier = 1;
    ActivationName activation{};
    bool use_bias = true;
    NNSHAPE_ACCEPTED(depthwise_initializer);
    NNSHAPE_ACCEPTED(pointwise_initializer);
    NNSHAPE_ACCEPTED(bias_initializer);
    NNSHAPE_ACCEPTED(depthwise_regularizer);
    NNSHAPE_ACCEPTED(pointwise_regularizer);
    NNSHAPE_ACCEPTED(bias_regularizer);
    NNSHAPE_ACCEPTED(activity_regularizer);
    NNSHAPE_ACCEPTED(depthwise_constraint);
    NNSHAPE_ACCEPTED(pointwise_constraint);
    NNSHAPE_ACCEPTED(bias_constraint);
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = N == 1 ? "SeparableConv1D" : "SeparableConv2D";
    static constexpr void keras_config(auto& l, auto& key)
    {
        key("filters", l.filters, detail::required);
        key("kernel_size", l.kernel_size, detail::required);
        key("strides", l.strides);
        key("padding", l.padding);
        key("data_format", l.data_format);
        key("dilation_rate", l.dilation_rate);
        key("depth_multiplier", l.depth_multiplier);
        key("activation", l.activation);
        key("use_bias", l.use_bias);
        key("depthwise_initializer", l.depthwise_initializer);
        key("pointwise_initializer", l.pointwise_initializer);
        key("bias_initializer", l.bias_initializer);
        key("depthwise_regularizer", l.depthwise_regularizer);
        key("pointwise_regularizer", l.pointwise_regularizer);
        key("bias_regularizer", l.bias_regularizer);
        key("activity_regularizer", l.activity_regularizer);
        key("depthwise_constraint", l.depthwise_constraint);
        key("pointwise_constraint", l.pointwise_constraint);
        key("bias_constraint", l.bias_constraint);
    }
    static constexpr std::array<std::string_view, 1> keras_aliases{N == 1 ? "SeparableConvolution1D"
                                                                          : "SeparableConvolution2D"};
    static constexpr detail::Analyses analyses{.cost = detail::by_rule, .field = detail::by_rule};

    constexpr Shape output_shape(const Shape& in) const
    {
        detail::require(depth_multiplier > 0, "SeparableConv: Invalid value for argument `depth_multiplier`. "
                                              "Expected a strictly positive value.");
        detail::require(filters > 0,
                        "SeparableConv: Invalid value for argument `filters`. Expected a strictly positive value.");
        detail::require(padding != causal, "SeparableConv: The `padding` argument must be one of {'valid', 'same'}");
        detail::require_spatial_rank<N>(in);
        detail::known_channels(in, data_format);
        return detail::conv_shape(in, data_format, filters, kernel_size, strides, padding, dilation_rate);
    }

    // depthwise kernel (*k, in, dm) + pointwise kernel (1, ..., in * dm, filters) + bias (filters)
    constexpr Params params(const Shape& in) const
    {
        output_shape(in); // a count only for a valid call
        return params_of_valid_call(in);
    }
    constexpr Params params_of_valid_call(const Shape& in) const
    {
        const std::int64_t depthwise_out =
            detail::checked_mul(detail::known_channels(in, data_format), depth_multiplier);
        const std::int64_t depthwise = detail::checked_mul(kernel_size.product(), depthwise_out);
        const std::int64_t pointwise = detail::checked_mul(depthwise_out, filters);
        return {detail::checked_add(detail::checked_add(depthwise, pointwise), detail::bias_count(use_bias, filters))};
    }
};

// Keras 3's Conv3DTranspose lists data_format before output_padding; Conv1DTranspose, Conv2DTranspose
// and every tf.keras transposed conv list output_padding first, as here (designated initializers
// follow this order). tf.keras's Conv3DTranspose ignores dilation_rate in its output shape; Keras 3
// (followed here) applies it.
template <std::size_t N>
struct ConvTranspose {
    std::int64_t filters = 0;
    Ints<N> kernel_size = 0;
    Ints<N> strides = 1;
    Padding padding = valid;
    OptionalInts<N> output_padding{};
    DataFormat data_format = channels_last;
    Ints<N> dilation_rate = 1;
    ActivationName activation{};
    bool use_bias = true;
    NNSHAPE_ACCEPTED(kernel_initializer);
    NNSHAPE_ACCEPTED(bias_initializer);
    NNSHAPE_ACCEPTED(kernel_regularizer);
    NNSHAPE_ACCEPTED(bias_regularizer);
    NNSHAPE_ACCEPTED(activity_regularizer);
    NNSHAPE_ACCEPTED(kernel_constraint);
    NNSHAPE_ACCEPTED(bias_constraint);
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name =
        detail::ranked_name<N>("Conv1DTranspose", "Conv2DTranspose", "Conv3DTranspose");
    static constexpr void keras_config(auto& l, auto& key)
    {
        key("filters", l.filters, detail::required);
        key("kernel_size", l.kernel_size, detail::required);
        key("strides", l.strides);
        key("padding", l.padding);
        key("output_padding", l.output_padding);
        key("data_format", l.data_format);
        key("dilation_rate", l.dilation_rate);
        key("activation", l.activation);
        key("use_bias", l.use_bias);
        key("kernel_initializer", l.kernel_initializer);
        key("bias_initializer", l.bias_initializer);
        key("kernel_regularizer", l.kernel_regularizer);
        key("bias_regularizer", l.bias_regularizer);
        key("activity_regularizer", l.activity_regularizer);
        key("kernel_constraint", l.kernel_constraint);
        key("bias_constraint", l.bias_constraint);
    }
    static constexpr std::array<std::string_view, 2> keras_aliases{
        detail::ranked_name<N>("Convolution1DTranspose", "Convolution2DTranspose", "Convolution3DTranspose"),
        detail::ranked_name<N>("", "Deconvolution2D", "Deconvolution3D")};
    static constexpr detail::Analyses analyses{.cost = detail::by_rule, .field = detail::by_rule};

    constexpr Shape output_shape(const Shape& in) const
    {
        detail::require(filters > 0,
                        "ConvTranspose: Invalid value for argument `filters`. Expected a strictly positive value.");
        detail::require(padding != causal, "ConvTranspose: The `padding` argument must be one of {'valid', 'same'}");
        detail::require_conv_window(kernel_size, strides, dilation_rate);
        for (std::size_t i = 0; output_padding && i < N; ++i) {
            detail::require((*output_padding)[i] >= 0, "ConvTranspose: The `output_padding` argument must be a "
                                                       "tuple of integers that satisfy `value >= 0`");
            detail::require((*output_padding)[i] < strides[i], "ConvTranspose: `output_padding` must be strictly "
                                                               "less than `strides` for all dimensions.");
        }
        detail::require(!detail::strided_and_dilated(strides, dilation_rate),
                        "ConvTranspose: `strides > 1` not supported in conjunction with `dilation_rate > 1`");
        detail::require_spatial_rank<N>(in);
        detail::known_channels(in, data_format);
        return detail::map_spatial<N>(in, data_format, filters, [&](std::size_t i, Dim d) {
            return detail::deconv_output_length(d, kernel_size[i], strides[i], padding, dilation_rate[i],
                                                output_padding ? (*output_padding)[i] : -1);
        });
    }

    // kernel (*k, filters, in) + bias (filters)
    constexpr Params params(const Shape& in) const
    {
        output_shape(in); // a count only for a valid call
        return params_of_valid_call(in);
    }
    constexpr Params params_of_valid_call(const Shape& in) const
    {
        const std::int64_t kernel = detail::checked_mul(detail::checked_mul(kernel_size.product(), filters),
                                                        detail::known_channels(in, data_format));
        return {detail::checked_add(kernel, detail::bias_count(use_bias, filters))};
    }
};

using Conv1D = Conv<1>;
using Conv2D = Conv<2>;
using Conv3D = Conv<3>;
using DepthwiseConv1D = DepthwiseConv<1>;
using DepthwiseConv2D = DepthwiseConv<2>;
using SeparableConv1D = SeparableConv<1>;
using SeparableConv2D = SeparableConv<2>;
using Conv1DTranspose = ConvTranspose<1>;
using Conv2DTranspose = ConvTranspose<2>;
using Conv3DTranspose = ConvTranspose<3>;

// Keras's aliases.
using Convolution1D = Conv1D;
using Convolution2D = Conv2D;
using Convolution3D = Conv3D;
using SeparableConvolution1D = SeparableConv1D;
using SeparableConvolution2D = SeparableConv2D;
using Convolution1DTranspose = Conv1DTranspose;
using Convolution2DTranspose = Conv2DTranspose;
using Convolution3DTranspose = Conv3DTranspose;

namespace detail {
using convolutional_layers = type_list<Conv1D, Conv2D, Conv3D, DepthwiseConv1D, DepthwiseConv2D, SeparableConv1D,
                                       SeparableConv2D, Conv1DTranspose, Conv2DTranspose, Conv3DTranspose>;
} // namespace detail

} // namespace nnshape
