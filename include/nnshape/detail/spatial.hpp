#pragma once
// Rules shared by every layer that works on spatial axes (convolutions, pooling, padding, cropping,
// upsampling, locally connected, convolutional recurrent): where the channel and spatial axes are,
// the argument checks of Keras's `standardize_tuple`, and the output-length formulas of Keras's
// conv_utils / operation_utils.
//
// These messages carry no class prefix: several layer families share them, and inside a model the
// run-time message starts with the layer's class and name.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "../error.hpp"
#include "../layer_args.hpp"
#include "../shape.hpp"

namespace nnshape::detail {

// The class name of the rank-N instance of a rank-generic layer.
template <std::size_t N>
constexpr std::string_view ranked_name(std::string_view n1, std::string_view n2, std::string_view n3)
{
    return N == 1 ? n1 : N == 2 ? n2 : n3;
}

// Index of the n-th spatial axis (0-based) of a rank-(N+2) tensor.
constexpr std::size_t spatial_axis(DataFormat f, std::size_t n) { return f == channels_last ? 1 + n : 2 + n; }

constexpr std::size_t channel_axis(DataFormat f, std::size_t rank) { return f == channels_last ? rank - 1 : 1; }

// Keras's InputSpec(ndim=N+2): (batch, *spatial, channels) or (batch, channels, *spatial).
template <std::size_t N>
constexpr void require_spatial_rank(const Shape& in)
{
    require(in.rank() == N + 2, N == 1   ? "expected ndim = spatial rank + 2 = 3"
                                : N == 2 ? "expected ndim = spatial rank + 2 = 4"
                                         : "expected ndim = spatial rank + 2 = 5");
}

// The channel count, which must be known because weights depend on it.
constexpr std::int64_t known_channels(const Shape& in, DataFormat f)
{
    const Dim c = in[channel_axis(f, in.rank())];
    require(c.known(), "The channel dimension of the inputs should be defined. Found None.");
    return c.value();
}

// Keras's standardize_tuple(..., allow_zero=False) on the window arguments of a convolution.
template <std::size_t N>
constexpr void require_conv_window(const Ints<N>& kernel_size, const Ints<N>& strides, const Ints<N>& dilation_rate)
{
    for (std::size_t i = 0; i < N; ++i) {
        require(kernel_size[i] > 0, "The `kernel_size` argument must be a tuple of integers that satisfy `value > 0`");
        require(strides[i] > 0, "The `strides` argument must be a tuple of integers that satisfy `value > 0`");
        require(dilation_rate[i] > 0, "The `dilation_rate` argument must be a tuple of integers that satisfy "
                                      "`value > 0`");
    }
}

// Keras's `max(strides) > 1 and max(dilation_rate) > 1`, which the layers reject in their own words.
template <std::size_t N>
constexpr bool strided_and_dilated(const Ints<N>& strides, const Ints<N>& dilation_rate)
{
    bool strided = false, dilated = false;
    for (std::size_t i = 0; i < N; ++i) {
        strided = strided || strides[i] > 1;
        dilated = dilated || dilation_rate[i] > 1;
    }
    return strided && dilated;
}

// The input shape with every spatial axis mapped by `length(axis_index, dim)` and the channel axis
// set to `channels`.
template <std::size_t N, class Length>
constexpr Shape map_spatial(const Shape& in, DataFormat f, Dim channels, Length length)
{
    require_spatial_rank<N>(in);
    Shape out = in;
    for (std::size_t i = 0; i < N; ++i) out[spatial_axis(f, i)] = length(i, in[spatial_axis(f, i)]);
    out[channel_axis(f, in.rank())] = channels;
    return out;
}

// The same with the channel axis unchanged (pooling, padding, cropping, upsampling).
template <std::size_t N, class Length>
constexpr Shape map_spatial(const Shape& in, DataFormat f, Length length)
{
    require_spatial_rank<N>(in);
    return map_spatial<N>(in, f, in[channel_axis(f, in.rank())], length);
}

// Keras conv_output_length: the output length of a convolution or pooling window along one axis.
// 'same' and 'causal' give ceil(L / s); 'valid' gives floor((L - K) / s) + 1 with the dilated kernel K.
constexpr Dim conv_output_length(Dim length, std::int64_t kernel, std::int64_t stride, Padding padding,
                                 std::int64_t dilation)
{
    if (!length.known()) return None;
    const std::int64_t l = length.value();
    if (padding != valid) return ceil_div(l, stride);
    const std::int64_t dilated = checked_add(kernel, checked_mul(kernel - 1, dilation - 1));
    const std::int64_t out = floor_div(checked_sub(l, dilated), stride) + 1;
    // Keras 3 (operation_utils); Keras 2 with TF fails in the op ("Negative dimension size").
    require(out > 0, "Computed output size would be zero or negative: with padding='valid' the dilated "
                     "kernel (or pool window) must not be larger than the input");
    return out;
}

// Keras deconv_output_length: the output length of a transposed convolution along one axis.
// `output_padding` < 0 stands for Keras's None.
constexpr Dim deconv_output_length(Dim length, std::int64_t kernel, std::int64_t stride, Padding padding,
                                   std::int64_t dilation, std::int64_t output_padding)
{
    if (!length.known()) return None;
    const std::int64_t dilated = checked_add(kernel, checked_mul(kernel - 1, dilation - 1));
    const std::int64_t l = length.value();
    if (output_padding < 0) {
        const std::int64_t grown = checked_mul(l, stride);
        return padding == valid ? checked_add(grown, dilated > stride ? dilated - stride : 0) : grown;
    }
    const std::int64_t pad = padding == same ? dilated / 2 : 0;
    const std::int64_t out = checked_add(checked_mul(l - 1, stride), dilated) - 2 * pad + output_padding;
    // Only an input length of 0 gets here; Keras 3 would return the negative number.
    require(out >= 0, "The computed output size would be negative");
    return out;
}

// Output shape of a strided, dilated convolution with `channels` output channels. Each layer checks
// its own `padding` and strides/dilation rules first: their wording differs between layers.
template <std::size_t N>
constexpr Shape conv_shape(const Shape& in, DataFormat f, Dim channels, const Ints<N>& kernel_size,
                           const Ints<N>& strides, Padding padding, const Ints<N>& dilation_rate)
{
    require_conv_window(kernel_size, strides, dilation_rate);
    return map_spatial<N>(in, f, channels, [&](std::size_t i, Dim d) {
        return conv_output_length(d, kernel_size[i], strides[i], padding, dilation_rate[i]);
    });
}

constexpr std::int64_t bias_count(bool use_bias, std::int64_t n) { return use_bias ? n : 0; }

} // namespace nnshape::detail
