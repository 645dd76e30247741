#pragma once
// Rules shared by every layer that works on spatial axes (convolutions, pooling, padding, cropping,
// upsampling, locally connected): where the channel and spatial axes are, and the output-length
// formulas of Keras's conv_utils.

#include <cstddef>
#include <cstdint>

#include "../error.hpp"
#include "../layer_args.hpp"
#include "../shape.hpp"

namespace nnshape::detail {

// Index of the n-th spatial axis (0-based) of a rank-(N+2) tensor.
constexpr std::size_t spatial_axis(DataFormat f, std::size_t n) { return f == channels_last ? 1 + n : 2 + n; }

constexpr std::size_t channel_axis(DataFormat f, std::size_t rank) { return f == channels_last ? rank - 1 : 1; }

template <std::size_t N>
constexpr void require_spatial_rank(const Shape& in)
{
    require(in.rank() == N + 2, "expected ndim = spatial rank + 2 (batch, spatial axes, channels)");
}

// The channel count, which must be known because weights depend on it.
constexpr std::int64_t known_channels(const Shape& in, DataFormat f)
{
    const Dim c = in[channel_axis(f, in.rank())];
    require(c.known(), "The channel dimension of the inputs should be defined. Found None.");
    return c.value();
}

template <std::size_t N>
constexpr void require_positive(const Ints<N>& v)
{
    for (std::int64_t x : v) require(x > 0, "kernel_size, strides, pool_size, size and dilation_rate must be > 0");
}

// Keras rejects strides > 1 together with dilation_rate > 1.
template <std::size_t N>
constexpr void require_strides_or_dilation(const Ints<N>& strides, const Ints<N>& dilation)
{
    bool strided = false, dilated = false;
    for (std::size_t i = 0; i < N; ++i) {
        strided = strided || strides[i] > 1;
        dilated = dilated || dilation[i] > 1;
    }
    require(!(strided && dilated), "`strides > 1` not supported in conjunction with `dilation_rate > 1`");
}

// Causal padding exists for 1D convolutions only.
template <std::size_t N>
constexpr void require_padding_for_rank(Padding p)
{
    require(N == 1 || p != causal, "padding='causal' is only supported for 1D convolutions");
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

// Keras conv_output_length: the output length of a convolution or pooling window along one axis.
constexpr Dim conv_output_length(Dim length, std::int64_t kernel, std::int64_t stride, Padding padding,
                                 std::int64_t dilation)
{
    if (!length.known()) return None;
    const std::int64_t dilated = checked_add(kernel, checked_mul(kernel - 1, dilation - 1));
    const std::int64_t l = length.value();
    const std::int64_t out = padding == valid ? floor_div(l - dilated + stride, stride) : ceil_div(l, stride);
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
    require(out > 0, "Computed output size would be zero or negative");
    return out;
}

// The same with the channel axis unchanged (pooling, padding, cropping, upsampling).
template <std::size_t N, class Length>
constexpr Shape map_spatial(const Shape& in, DataFormat f, Length length)
{
    require_spatial_rank<N>(in);
    return map_spatial<N>(in, f, in[channel_axis(f, in.rank())], length);
}

} // namespace nnshape::detail
