#pragma once
// Convolutions over N spatial axes: Conv, DepthwiseConv, SeparableConv, ConvTranspose.
// One template per kind; Conv2D and friends are its instances.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "../detail/type_list.hpp"
#include "../detail/spatial.hpp"
#include "../layer_args.hpp"

namespace nnshape {

namespace detail {

template <std::size_t N>
constexpr std::string_view ranked_name(std::string_view n1, std::string_view n2, std::string_view n3)
{
    return N == 1 ? n1 : N == 2 ? n2 : n3;
}

// Output shape of a strided, dilated convolution with `channels` output channels.
template <std::size_t N>
constexpr Shape conv_shape(const Shape& in, DataFormat f, Dim channels, const Ints<N>& kernel,
                           const Ints<N>& strides, Padding padding, const Ints<N>& dilation)
{
    require_positive(kernel);
    require_positive(strides);
    require_positive(dilation);
    require_strides_or_dilation(strides, dilation);
    require_padding_for_rank<N>(padding);
    return map_spatial<N>(in, f, channels, [&](std::size_t i, Dim d) {
        return conv_output_length(d, kernel[i], strides[i], padding, dilation[i]);
    });
}

constexpr std::int64_t bias_count(bool use_bias, std::int64_t n) { return use_bias ? n : 0; }

} // namespace detail

template <std::size_t N>
struct Conv {
    std::int64_t filters = 0;
    Ints<N> kernel_size = 0;
    Ints<N> strides = 1;
    Padding padding = valid;
    DataFormat data_format = channels_last;
    Ints<N> dilation_rate = 1;
    std::int64_t groups = 1;
    bool use_bias = true;
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = detail::ranked_name<N>("Conv1D", "Conv2D", "Conv3D");

    constexpr Shape output_shape(const Shape& in) const
    {
        detail::require(filters > 0, "Conv: filters must be a positive integer");
        detail::require(groups > 0 && filters % groups == 0,
                        "Conv: The number of filters must be evenly divisible by the number of groups.");
        const Shape out = detail::conv_shape(in, data_format, filters, kernel_size, strides, padding, dilation_rate);
        detail::require(detail::known_channels(in, data_format) % groups == 0,
                        "Conv: The number of input channels must be evenly divisible by the number of groups.");
        return out;
    }

    constexpr Params params(const Shape& in) const
    {
        const std::int64_t per_group = detail::known_channels(in, data_format) / groups;
        const std::int64_t kernel = detail::checked_mul(detail::checked_mul(kernel_size.product(), per_group), filters);
        return {detail::checked_add(kernel, detail::bias_count(use_bias, filters))};
    }
};

template <std::size_t N>
struct DepthwiseConv {
    Ints<N> kernel_size = 0;
    Ints<N> strides = 1;
    Padding padding = valid;
    std::int64_t depth_multiplier = 1;
    DataFormat data_format = channels_last;
    Ints<N> dilation_rate = 1;
    bool use_bias = true;
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name =
        detail::ranked_name<N>("DepthwiseConv1D", "DepthwiseConv2D", "DepthwiseConv3D");

    constexpr Shape output_shape(const Shape& in) const
    {
        detail::require(depth_multiplier > 0, "DepthwiseConv: depth_multiplier must be a positive integer");
        detail::require_spatial_rank<N>(in);
        const std::int64_t channels = detail::checked_mul(detail::known_channels(in, data_format), depth_multiplier);
        return detail::conv_shape(in, data_format, channels, kernel_size, strides, padding, dilation_rate);
    }

    constexpr Params params(const Shape& in) const
    {
        const std::int64_t channels = detail::checked_mul(detail::known_channels(in, data_format), depth_multiplier);
        return {detail::checked_add(detail::checked_mul(kernel_size.product(), channels),
                                    detail::bias_count(use_bias, channels))};
    }
};

template <std::size_t N>
struct SeparableConv {
    std::int64_t filters = 0;
    Ints<N> kernel_size = 0;
    Ints<N> strides = 1;
    Padding padding = valid;
    DataFormat data_format = channels_last;
    Ints<N> dilation_rate = 1;
    std::int64_t depth_multiplier = 1;
    bool use_bias = true;
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name =
        detail::ranked_name<N>("SeparableConv1D", "SeparableConv2D", "SeparableConv3D");

    constexpr Shape output_shape(const Shape& in) const
    {
        detail::require(filters > 0, "SeparableConv: filters must be a positive integer");
        detail::require(depth_multiplier > 0, "SeparableConv: depth_multiplier must be a positive integer");
        detail::require_spatial_rank<N>(in);
        detail::known_channels(in, data_format);
        return detail::conv_shape(in, data_format, filters, kernel_size, strides, padding, dilation_rate);
    }

    // depthwise kernel (*k, in, dm) + pointwise kernel (in * dm, filters) + bias (filters)
    constexpr Params params(const Shape& in) const
    {
        const std::int64_t depthwise_out = detail::checked_mul(detail::known_channels(in, data_format), depth_multiplier);
        const std::int64_t depthwise = detail::checked_mul(kernel_size.product(), depthwise_out);
        const std::int64_t pointwise = detail::checked_mul(depthwise_out, filters);
        return {detail::checked_add(detail::checked_add(depthwise, pointwise), detail::bias_count(use_bias, filters))};
    }
};

template <std::size_t N>
struct ConvTranspose {
    std::int64_t filters = 0;
    Ints<N> kernel_size = 0;
    Ints<N> strides = 1;
    Padding padding = valid;
    OptionalInts<N> output_padding{};
    DataFormat data_format = channels_last;
    Ints<N> dilation_rate = 1;
    bool use_bias = true;
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name =
        detail::ranked_name<N>("Conv1DTranspose", "Conv2DTranspose", "Conv3DTranspose");

    constexpr Shape output_shape(const Shape& in) const
    {
        detail::require(filters > 0, "ConvTranspose: filters must be a positive integer");
        detail::require(padding != causal, "ConvTranspose: padding must be 'valid' or 'same'");
        detail::require_positive(kernel_size);
        detail::require_positive(strides);
        detail::require_positive(dilation_rate);
        detail::require_spatial_rank<N>(in);
        detail::known_channels(in, data_format);
        for (std::size_t i = 0; output_padding && i < N; ++i)
            detail::require((*output_padding)[i] >= 0 && (*output_padding)[i] < strides[i],
                            "ConvTranspose: Strides must be greater than output padding.");
        return detail::map_spatial<N>(in, data_format, filters, [&](std::size_t i, Dim d) {
            return detail::deconv_output_length(d, kernel_size[i], strides[i], padding, dilation_rate[i],
                                                output_padding ? (*output_padding)[i] : -1);
        });
    }

    // kernel (*k, filters, in) + bias (filters)
    constexpr Params params(const Shape& in) const
    {
        const std::int64_t kernel = detail::checked_mul(
            detail::checked_mul(kernel_size.product(), filters), detail::known_channels(in, data_format));
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

namespace detail {
using convolutional_layers = type_list<Conv1D, Conv2D, Conv3D, DepthwiseConv1D, DepthwiseConv2D, SeparableConv1D, SeparableConv2D, Conv1DTranspose, Conv2DTranspose, Conv3DTranspose>;
} // namespace detail

} // namespace nnshape
