#pragma once
// Regularization layers: they keep their input shape and have no weights.

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string_view>
#include <type_traits>
#include <variant>

#include "../detail/spatial.hpp"
#include "../detail/layer_facts.hpp"
#include "../detail/type_list.hpp"
#include "../layer_args.hpp"

namespace nnshape {

namespace detail {

// Keras 3 checks `rate` of every dropout layer with this message (Keras 2 clamped it into [0, 1]).
constexpr void require_rate(double rate)
{
    require(rate >= 0 && rate <= 1, "Invalid value received for argument `rate`. Expected a float value between 0 "
                                    "and 1.");
}

} // namespace detail

enum class DropoutKind : std::uint8_t { dropout, gaussian, alpha };

// Dropout, GaussianDropout and AlphaDropout: one rate, checked, and the input shape. GaussianDropout
// takes no noise_shape in Keras: there the member is an empty std::monostate that no value converts to.
template <DropoutKind Kind>
struct RateDropout {
    double rate = 0;
    [[no_unique_address]] std::conditional_t<Kind == DropoutKind::gaussian, std::monostate, detail::Accepted<__LINE__>>
        noise_shape{};
    NNSHAPE_ACCEPTED(seed);
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = Kind == DropoutKind::dropout    ? "Dropout"
                                                   : Kind == DropoutKind::gaussian ? "GaussianDropout"
                                                                                   : "AlphaDropout";
    static constexpr void keras_config(auto& l, auto& key)
    {
        key("rate", l.rate, detail::required);
        if constexpr (Kind != DropoutKind::gaussian) key("noise_shape", l.noise_shape);
        key("seed", l.seed);
    }
    static constexpr detail::Analyses analyses{.cost = detail::no_arithmetic, .field = detail::elementwise};
    constexpr Shape output_shape(const Shape& in) const
    {
        detail::require_rate(rate);
        return in;
    }
};

using Dropout = RateDropout<DropoutKind::dropout>;
using GaussianDropout = RateDropout<DropoutKind::gaussian>;
using AlphaDropout = RateDropout<DropoutKind::alpha>;

// Drops whole feature maps: InputSpec ndim = N + 2. Keras's SpatialDropout1D has no data_format
// (its channels are last); the field is shared by the one template and must stay channels_last there.
template <std::size_t N>
struct SpatialDropout {
    double rate = 0;
    DataFormat data_format = channels_last;
    NNSHAPE_ACCEPTED(seed);
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name =
        detail::ranked_name<N>("SpatialDropout1D", "SpatialDropout2D", "SpatialDropout3D");
    static constexpr void keras_config(auto& l, auto& key)
    {
        key("rate", l.rate, detail::required);
        key("data_format", l.data_format);
        key("seed", l.seed);
    }
    static constexpr detail::Analyses analyses{.cost = detail::no_arithmetic, .field = detail::elementwise};

    constexpr Shape output_shape(const Shape& in) const
    {
        detail::require_rate(rate);
        detail::require(N > 1 || data_format == channels_last,
                        "SpatialDropout1D: takes no data_format argument (its input is (batch, steps, channels))");
        detail::require_spatial_rank<N>(in);
        return in;
    }
};

using SpatialDropout1D = SpatialDropout<1>;
using SpatialDropout2D = SpatialDropout<2>;
using SpatialDropout3D = SpatialDropout<3>;

// Keras 3 bounds `stddev` like a rate, with its own wording.
struct GaussianNoise {
    double stddev = 0;
    NNSHAPE_ACCEPTED(seed);
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "GaussianNoise";
    static constexpr void keras_config(auto& l, auto& key)
    {
        key("stddev", l.stddev, detail::required);
        key("seed", l.seed);
    }
    static constexpr detail::Analyses analyses{.cost = detail::no_arithmetic, .field = detail::elementwise};
    constexpr Shape output_shape(const Shape& in) const
    {
        detail::require(stddev >= 0 && stddev <= 1, "GaussianNoise: Invalid value received for argument `stddev`. "
                                                    "Expected a float value between 0 and 1.");
        return in;
    }
};

// l1 and l2 add a loss; they change no shape and no count. Keras 3's regularizer checks them.
struct ActivityRegularization {
    double l1 = 0;
    double l2 = 0;
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "ActivityRegularization";
    static constexpr void keras_config(auto& l, auto& key)
    {
        key("l1", l.l1);
        key("l2", l.l2);
    }
    static constexpr detail::Analyses analyses{.cost = detail::no_arithmetic, .field = detail::elementwise};
    constexpr Shape output_shape(const Shape& in) const
    {
        constexpr double finite = std::numeric_limits<double>::max();
        detail::require(l1 >= 0 && l1 <= finite,
                        "ActivityRegularization: Invalid value for argument l1: expected a non-negative float.");
        detail::require(l2 >= 0 && l2 <= finite,
                        "ActivityRegularization: Invalid value for argument l2: expected a non-negative float.");
        return in;
    }
};

namespace detail {
using regularization_layers = type_list<Dropout, SpatialDropout1D, SpatialDropout2D, SpatialDropout3D, GaussianNoise,
                                        GaussianDropout, AlphaDropout, ActivityRegularization>;
} // namespace detail

} // namespace nnshape
