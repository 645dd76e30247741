#pragma once
// Activation layers: they keep their input shape; PReLU has weights.
//
// Each identity layer has its own one-line rule: an empty base class holding a shared `output_shape`
// would make GCC 12 warn (-Wmissing-field-initializers) on every designated initializer.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "../detail/layer_facts.hpp"
#include "../detail/type_list.hpp"
#include "../detail/checked.hpp"
#include "../layer_args.hpp"
#include "normalization.hpp"

namespace nnshape {

struct Activation {
    ActivationName activation{};
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "Activation";
    static constexpr void keras_config(auto& l, auto& key) { key("activation", l.activation); }
    static constexpr detail::Analyses analyses{.cost = detail::by_rule, .field = detail::by_rule};
    constexpr Shape output_shape(const Shape& in) const { return in; }
};

// Keras 3 also rejects None for negative_slope and threshold; here they are plain numbers.
struct ReLU {
    std::optional<double> max_value{};
    double negative_slope = 0;
    double threshold = 0;
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "ReLU";
    static constexpr void keras_config(auto& l, auto& key)
    {
        key("max_value", l.max_value);
        key("negative_slope", l.negative_slope);
        key("threshold", l.threshold);
    }
    static constexpr detail::Analyses analyses{.cost = detail::no_arithmetic, .field = detail::elementwise};

    constexpr Shape output_shape(const Shape& in) const
    {
        detail::require(!max_value || *max_value >= 0, "ReLU: max_value of a ReLU layer cannot be a negative value.");
        detail::require(negative_slope >= 0,
                        "ReLU: negative_slope of a ReLU layer cannot be None or a negative value.");
        detail::require(threshold >= 0, "ReLU: threshold of a ReLU layer cannot be None or a negative value.");
        return in;
    }
};

// Keras 3's argument is `negative_slope` (default 0.3); tf.keras called it `alpha`, which Keras 3 still
// takes as a deprecated alias that wins when given.
struct LeakyReLU {
    double negative_slope = 0.3;
    std::optional<double> alpha{};
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "LeakyReLU";
    static constexpr void keras_config(auto& l, auto& key)
    {
        key("negative_slope", l.negative_slope);
        key("alpha", l.alpha);
    }
    static constexpr detail::Analyses analyses{.cost = detail::no_arithmetic, .field = detail::elementwise};

    constexpr Shape output_shape(const Shape& in) const
    {
        detail::require(alpha.value_or(negative_slope) >= 0, "LeakyReLU: The negative_slope value of a Leaky ReLU "
                                                             "layer cannot be None or negative value. Expected a "
                                                             "float.");
        return in;
    }
};

// One weight `alpha` of the input's shape without the batch axis, with each (1-based) shared axis
// set to 1.
struct PReLU {
    NNSHAPE_ACCEPTED(alpha_initializer);
    NNSHAPE_ACCEPTED(alpha_regularizer);
    NNSHAPE_ACCEPTED(alpha_constraint);
    detail::Axes shared_axes = {};
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "PReLU";
    static constexpr void keras_config(auto& l, auto& key)
    {
        key("alpha_initializer", l.alpha_initializer);
        key("alpha_regularizer", l.alpha_regularizer);
        key("alpha_constraint", l.alpha_constraint);
        key("shared_axes", l.shared_axes);
    }
    static constexpr detail::Analyses analyses{.cost = detail::no_arithmetic, .field = detail::elementwise};

    constexpr Shape output_shape(const Shape& in) const
    {
        alpha_size(in);
        return in;
    }
    constexpr Params params(const Shape& in) const { return {alpha_size(in)}; }

private:
    constexpr std::int64_t alpha_size(const Shape& in) const
    {
        std::uint32_t shared = 0;
        for (std::size_t i = 0; i < shared_axes.size(); ++i) {
            const std::int64_t a = shared_axes[i];
            detail::require(a >= 1 && a < std::int64_t(in.rank()),
                            "PReLU: shared_axes are 1-based axes of the input (axis 0 is the batch axis)");
            shared |= 1u << a;
        }
        std::int64_t size = 1;
        for (std::size_t a = 1; a < in.rank(); ++a)
            if (!(shared >> a & 1u)) size = detail::checked_mul(size, detail::weight_dim(in[a]));
        return size;
    }
};

// Keras 3 does not check `alpha`; tf.keras rejects None only. It changes no shape: accepted.
struct ELU {
    NNSHAPE_ACCEPTED(alpha);
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "ELU";
    static constexpr void keras_config(auto& l, auto& key) { key("alpha", l.alpha); }
    static constexpr detail::Analyses analyses{.cost = detail::no_arithmetic, .field = detail::elementwise};
    constexpr Shape output_shape(const Shape& in) const { return in; }
};

// `axis`: an int or, in Keras 3, a list of axes. Keras checks it only when the layer runs on data;
// here a model with an axis out of range is rejected when it is built.
struct Softmax {
    detail::Axes axis = -1;
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "Softmax";
    static constexpr void keras_config(auto& l, auto& key) { key("axis", l.axis); }
    static constexpr detail::Analyses analyses{.cost = detail::by_rule, .field = detail::by_rule};

    constexpr Shape output_shape(const Shape& in) const
    {
        detail::require_axes_in_bounds(in, axis);
        return in;
    }
};

// tf.keras (and Keras 2); Keras 3 keeps it only as `keras._legacy.layers.ThresholdedReLU`.
struct ThresholdedReLU {
    double theta = 1.0;
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "ThresholdedReLU";
    static constexpr void keras_config(auto& l, auto& key) { key("theta", l.theta); }
    static constexpr detail::Analyses analyses{.cost = detail::no_arithmetic, .field = detail::elementwise};

    constexpr Shape output_shape(const Shape& in) const
    {
        detail::require(theta >= 0, "ThresholdedReLU: The theta value of a Thresholded ReLU layer should be >=0.");
        return in;
    }
};

namespace detail {
using activation_layers = type_list<Activation, ReLU, LeakyReLU, PReLU, ELU, Softmax, ThresholdedReLU>;
} // namespace detail

} // namespace nnshape
