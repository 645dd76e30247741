#pragma once
// Pooling: MaxPooling / AveragePooling over N spatial axes, their global and adaptive versions.

#include <cstddef>
#include <array>
#include <cstdint>
#include <string_view>

#include "../detail/spatial.hpp"
#include "../detail/layer_facts.hpp"
#include "../detail/type_list.hpp"
#include "../layer_args.hpp"

namespace nnshape {

enum class PoolKind : std::uint8_t { max, average };

// Keras 3's AveragePooling1D/2D/3D have no default pool_size; tf.keras's (and MaxPooling's) is 2.
template <std::size_t N, PoolKind Kind>
struct Pooling {
    Ints<N> pool_size = 2;
    OptionalInts<N> strides{}; // None: the pool size
    Padding padding = valid;
    DataFormat data_format = channels_last;
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name =
        Kind == PoolKind::max ? detail::ranked_name<N>("MaxPooling1D", "MaxPooling2D", "MaxPooling3D")
                              : detail::ranked_name<N>("AveragePooling1D", "AveragePooling2D", "AveragePooling3D");
    static constexpr void keras_config(auto& l, auto& key)
    {
        key("pool_size", l.pool_size);
        key("strides", l.strides);
        key("padding", l.padding);
        key("data_format", l.data_format);
    }
    static constexpr std::array<std::string_view, 1> keras_aliases{
        Kind == PoolKind::max ? detail::ranked_name<N>("MaxPool1D", "MaxPool2D", "MaxPool3D")
                              : detail::ranked_name<N>("AvgPool1D", "AvgPool2D", "AvgPool3D")};
    static constexpr detail::Analyses analyses{.cost = detail::by_rule, .field = detail::by_rule};

    // Keras 3 checks `strides` with allow_zero=True and then divides by it; a 0 stride fails there.
    constexpr Shape output_shape(const Shape& in) const
    {
        const Ints<N> step = strides.value_or(pool_size);
        for (std::size_t i = 0; i < N; ++i) {
            detail::require(pool_size[i] > 0, "Pooling: The `pool_size` argument must be a tuple of integers that "
                                              "satisfy `value > 0`");
            detail::require(step[i] > 0, "Pooling: The `strides` argument must be a tuple of integers that "
                                         "satisfy `value > 0`");
        }
        detail::require(padding != causal, "Pooling: Argument `padding` must be either 'valid' or 'same'.");
        return detail::map_spatial<N>(in, data_format, [&](std::size_t i, Dim d) {
            return detail::conv_output_length(d, pool_size[i], step[i], padding, 1);
        });
    }
};

template <std::size_t N, PoolKind Kind>
struct GlobalPooling {
    DataFormat data_format = channels_last;
    bool keepdims = false;
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name =
        Kind == PoolKind::max
            ? detail::ranked_name<N>("GlobalMaxPooling1D", "GlobalMaxPooling2D", "GlobalMaxPooling3D")
            : detail::ranked_name<N>("GlobalAveragePooling1D", "GlobalAveragePooling2D", "GlobalAveragePooling3D");
    static constexpr void keras_config(auto& l, auto& key)
    {
        key("data_format", l.data_format);
        key("keepdims", l.keepdims);
    }
    static constexpr std::array<std::string_view, 1> keras_aliases{
        Kind == PoolKind::max ? detail::ranked_name<N>("GlobalMaxPool1D", "GlobalMaxPool2D", "GlobalMaxPool3D")
                              : detail::ranked_name<N>("GlobalAvgPool1D", "GlobalAvgPool2D", "GlobalAvgPool3D")};
    static constexpr detail::Analyses analyses{.cost = detail::by_rule, .field = detail::no_field};

    constexpr Shape output_shape(const Shape& in) const
    {
        detail::require_spatial_rank<N>(in);
        const Dim channels = in[detail::channel_axis(data_format, in.rank())];
        if (keepdims) return detail::map_spatial<N>(in, data_format, channels, [](std::size_t, Dim) { return Dim(1); });
        return Shape{in[0], channels};
    }
};

// Keras 3.13's AdaptiveMaxPooling1D/2D/3D and AdaptiveAveragePooling1D/2D/3D: each spatial axis
// pooled to `output_size` whatever its length (keras/src/layers/pooling/base_adaptive_pooling.py
// compute_output_shape: (batch, *output_size, channels)); no weights.
template <std::size_t N, PoolKind Kind>
struct AdaptivePooling {
    Ints<N> output_size = 0;
    DataFormat data_format = channels_last;
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name =
        Kind == PoolKind::max
            ? detail::ranked_name<N>("AdaptiveMaxPooling1D", "AdaptiveMaxPooling2D", "AdaptiveMaxPooling3D")
            : detail::ranked_name<N>("AdaptiveAveragePooling1D", "AdaptiveAveragePooling2D",
                                     "AdaptiveAveragePooling3D");
    static constexpr void keras_config(auto& l, auto& key)
    {
        key("output_size", l.output_size, detail::required);
        key("data_format", l.data_format);
    }
    static constexpr detail::Analyses analyses{.cost = detail::by_rule, .field = detail::no_field};

    constexpr Shape output_shape(const Shape& in) const
    {
        return detail::map_spatial<N>(in, data_format, [&](std::size_t i, Dim) { return Dim(output_size[i]); });
    }
};

using MaxPooling1D = Pooling<1, PoolKind::max>;
using MaxPooling2D = Pooling<2, PoolKind::max>;
using MaxPooling3D = Pooling<3, PoolKind::max>;
using AveragePooling1D = Pooling<1, PoolKind::average>;
using AveragePooling2D = Pooling<2, PoolKind::average>;
using AveragePooling3D = Pooling<3, PoolKind::average>;
using GlobalMaxPooling1D = GlobalPooling<1, PoolKind::max>;
using GlobalMaxPooling2D = GlobalPooling<2, PoolKind::max>;
using GlobalMaxPooling3D = GlobalPooling<3, PoolKind::max>;
using GlobalAveragePooling1D = GlobalPooling<1, PoolKind::average>;
using GlobalAveragePooling2D = GlobalPooling<2, PoolKind::average>;
using GlobalAveragePooling3D = GlobalPooling<3, PoolKind::average>;

using AdaptiveMaxPooling1D = AdaptivePooling<1, PoolKind::max>;
using AdaptiveMaxPooling2D = AdaptivePooling<2, PoolKind::max>;
using AdaptiveMaxPooling3D = AdaptivePooling<3, PoolKind::max>;
using AdaptiveAveragePooling1D = AdaptivePooling<1, PoolKind::average>;
using AdaptiveAveragePooling2D = AdaptivePooling<2, PoolKind::average>;
using AdaptiveAveragePooling3D = AdaptivePooling<3, PoolKind::average>;

// Keras's aliases.
using MaxPool1D = MaxPooling1D;
using MaxPool2D = MaxPooling2D;
using MaxPool3D = MaxPooling3D;
using AvgPool1D = AveragePooling1D;
using AvgPool2D = AveragePooling2D;
using AvgPool3D = AveragePooling3D;
using GlobalMaxPool1D = GlobalMaxPooling1D;
using GlobalMaxPool2D = GlobalMaxPooling2D;
using GlobalMaxPool3D = GlobalMaxPooling3D;
using GlobalAvgPool1D = GlobalAveragePooling1D;
using GlobalAvgPool2D = GlobalAveragePooling2D;
using GlobalAvgPool3D = GlobalAveragePooling3D;

namespace detail {
using pooling_layers =
    type_list<MaxPooling1D, MaxPooling2D, MaxPooling3D, AveragePooling1D, AveragePooling2D, AveragePooling3D,
              GlobalMaxPooling1D, GlobalMaxPooling2D, GlobalMaxPooling3D, GlobalAveragePooling1D,
              GlobalAveragePooling2D, GlobalAveragePooling3D, AdaptiveMaxPooling1D, AdaptiveMaxPooling2D,
              AdaptiveMaxPooling3D, AdaptiveAveragePooling1D, AdaptiveAveragePooling2D, AdaptiveAveragePooling3D>;
} // namespace detail

} // namespace nnshape
