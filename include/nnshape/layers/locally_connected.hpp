#pragma once
// LocallyConnected1D/2D: convolution-shaped layers with unshared weights (tf.keras; removed in Keras 3).

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "../detail/spatial.hpp"
#include "../detail/layer_facts.hpp"
#include "../detail/type_list.hpp"
#include "../layer_args.hpp"

namespace nnshape {

// tf.keras's checks and signature (v2.15.0 keras/layers/locally_connected/locally_connected1d.py and
// locally_connected2d.py); Keras 2.1 has implementation 1 only.
template <std::size_t N>
struct LocallyConnected {
    static_assert(N == 1 || N == 2, "Keras has LocallyConnected1D and LocallyConnected2D only");

    std::int64_t filters = 0;
    Ints<N> kernel_size = 0;
    Ints<N> strides = 1;
    Padding padding = valid;
    DataFormat data_format = channels_last;
    ActivationName activation{};
    bool use_bias = true;
    NNSHAPE_ACCEPTED(kernel_initializer);
    NNSHAPE_ACCEPTED(bias_initializer);
    NNSHAPE_ACCEPTED(kernel_regularizer);
    NNSHAPE_ACCEPTED(bias_regularizer);
    NNSHAPE_ACCEPTED(activity_regularizer);
    NNSHAPE_ACCEPTED(kernel_constraint);
    NNSHAPE_ACCEPTED(bias_constraint);
    int implementation = 1;
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = N == 1 ? "LocallyConnected1D" : "LocallyConnected2D";
    static constexpr void keras_config(auto& l, auto& key)
    {
        key("filters", l.filters, detail::required);
        key("kernel_size", l.kernel_size, detail::required);
        key("strides", l.strides);
        key("padding", l.padding);
        key("data_format", l.data_format);
        key("activation", l.activation);
        key("use_bias", l.use_bias);
        key("kernel_initializer", l.kernel_initializer);
        key("bias_initializer", l.bias_initializer);
        key("kernel_regularizer", l.kernel_regularizer);
        key("bias_regularizer", l.bias_regularizer);
        key("activity_regularizer", l.activity_regularizer);
        key("kernel_constraint", l.kernel_constraint);
        key("bias_constraint", l.bias_constraint);
        key("implementation", l.implementation);
    }
    static constexpr detail::Analyses analyses{.cost = detail::by_rule, .field = detail::no_field};

    constexpr Shape output_shape(const Shape& in) const
    {
        detail::require(filters > 0, "LocallyConnected: filters must be a positive integer");
        detail::require(implementation >= 1 && implementation <= 3,
                        "LocallyConnected: Unrecognized implementation mode (expected 1, 2 or 3)");
        detail::require(padding != causal, "LocallyConnected: Padding type causal not supported. Only \"valid\" and "
                                           "\"same\" are implemented.");
        detail::require(padding == valid || implementation != 1,
                        N == 1 ? "LocallyConnected1D: Invalid border mode for LocallyConnected1D (only \"valid\" is "
                                 "supported if implementation is 1): same"
                               : "LocallyConnected2D: Invalid border mode for LocallyConnected2D (only \"valid\" is "
                                 "supported if implementation is 1): same");
        detail::require_spatial_rank<N>(in);
        for (std::size_t i = 0; i < N; ++i)
            detail::require(in[detail::spatial_axis(data_format, i)].known(),
                            "LocallyConnected: The spatial dimensions of the inputs should be fully-defined");
        detail::known_channels(in, data_format);
        return detail::conv_shape(in, data_format, filters, kernel_size, strides, padding, Ints<N>(1));
    }

    // bias (*out, filters); kernel per implementation: 1 (out, k*c, f), 2 (*in, c, *out, f), 3 the
    // in-bounds window taps of every output position times c*f.
    constexpr Params params(const Shape& in) const
    {
        const Shape out = output_shape(in);
        const std::int64_t channels = detail::known_channels(in, data_format);
        std::int64_t out_positions = 1, in_positions = 1;
        for (std::size_t i = 0; i < N; ++i) {
            out_positions = detail::checked_mul(out_positions, out[detail::spatial_axis(data_format, i)].value());
            in_positions = detail::checked_mul(in_positions, in[detail::spatial_axis(data_format, i)].value());
        }
        const std::int64_t per_tap = detail::checked_mul(channels, filters);
        const std::int64_t taps =
            implementation == 2 ? detail::checked_mul(in_positions, out_positions) : in_bounds_taps(in, out);
        return {detail::checked_add(detail::checked_mul(taps, per_tap),
                                    detail::bias_count(use_bias, detail::checked_mul(out_positions, filters)))};
    }

private:
    // Σ over output positions of the window taps inside the input.
    constexpr std::int64_t in_bounds_taps(const Shape& in, const Shape& out) const
    {
        std::int64_t taps = 1;
        for (std::size_t i = 0; i < N; ++i) {
            const std::int64_t length = in[detail::spatial_axis(data_format, i)].value();
            const std::int64_t outputs = out[detail::spatial_axis(data_format, i)].value();
            // tf.keras conv_connected_inputs: a 'same' window starts kernel_size // 2 before o * stride
            // and is clipped to the input; a 'valid' window always fits.
            std::int64_t axis_taps = padding == valid ? detail::checked_mul(outputs, kernel_size[i]) : 0;
            for (std::int64_t o = 0; padding == same && o < outputs; ++o) {
                const std::int64_t start = o * strides[i] - kernel_size[i] / 2;
                const std::int64_t first = std::max<std::int64_t>(start, 0);
                const std::int64_t last = std::min<std::int64_t>(start + kernel_size[i], length);
                axis_taps = detail::checked_add(axis_taps, std::max<std::int64_t>(last - first, 0));
            }
            taps = detail::checked_mul(taps, axis_taps);
        }
        return taps;
    }
};

using LocallyConnected1D = LocallyConnected<1>;
using LocallyConnected2D = LocallyConnected<2>;

namespace detail {
using locally_connected_layers = type_list<LocallyConnected1D, LocallyConnected2D>;
} // namespace detail

} // namespace nnshape
