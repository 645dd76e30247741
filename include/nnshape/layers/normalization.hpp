#pragma once
// Normalization layers: BatchNormalization, LayerNormalization, GroupNormalization, UnitNormalization;
// and the axis checks that other families share (PReLU's shared_axes, Normalization's axis).

#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string_view>

#include "../detail/layer_facts.hpp"
#include "../detail/type_list.hpp"
#include "../detail/checked.hpp"
#include "../layer_args.hpp"

namespace nnshape {

namespace detail {

// A Keras axis (negative counts from the end) as an index. Keras 3's compute_output_shape wording.
constexpr std::size_t axis_in_bounds(const Shape& in, std::int64_t axis)
{
    const auto rank = static_cast<std::int64_t>(in.rank());
    require(axis >= -rank && axis < rank, "Axis is out of bounds for input shape");
    return static_cast<std::size_t>(axis < 0 ? axis + rank : axis);
}

constexpr void require_axes_in_bounds(const Shape& in, const Axes& axes)
{
    for (std::size_t i = 0; i < axes.size(); ++i) axis_in_bounds(in, axes[i]);
}

// The size of the axis that per-channel weights (gamma, beta, moving statistics) are made for.
constexpr std::int64_t known_axis_dim(const Shape& in, std::int64_t axis)
{
    const Dim d = in[axis_in_bounds(in, axis)];
    require(d.known(), "Axis of input tensor should have a defined dimension");
    return d.value();
}

// A dimension that a weight's shape takes: Keras's add_weight rejects None.
constexpr std::int64_t weight_dim(Dim d)
{
    require(d.known(), "Shapes used to initialize variables must be fully-defined (no `None` dimensions).");
    return d.value();
}

// gamma (scale) and beta (center), `size` values each.
constexpr std::int64_t scale_and_center(std::int64_t size, bool scale, bool center)
{
    return checked_mul(size, std::int64_t(scale) + std::int64_t(center));
}

} // namespace detail

// Keras 3 and tf.keras take an int axis (tf.keras also a list, which Keras 3 dropped).
struct BatchNormalization {
    std::int64_t axis = -1;
    NNSHAPE_ACCEPTED(momentum);
    NNSHAPE_ACCEPTED(epsilon);
    bool center = true;
    bool scale = true;
    NNSHAPE_ACCEPTED(beta_initializer);
    NNSHAPE_ACCEPTED(gamma_initializer);
    NNSHAPE_ACCEPTED(moving_mean_initializer);
    NNSHAPE_ACCEPTED(moving_variance_initializer);
    NNSHAPE_ACCEPTED(beta_regularizer);
    NNSHAPE_ACCEPTED(gamma_regularizer);
    NNSHAPE_ACCEPTED(beta_constraint);
    NNSHAPE_ACCEPTED(gamma_constraint);
    bool renorm = false;
    NNSHAPE_ACCEPTED(renorm_clipping);
    NNSHAPE_ACCEPTED(renorm_momentum);
    NNSHAPE_ACCEPTED(synchronized);
    // tf.keras's arguments that Keras 3 dropped; a virtual batch adds a size-1 axis to each weight's
    // shape (tf.keras's BatchNormalizationBase.build), which leaves the counts as they are.
    NNSHAPE_ACCEPTED(fused);
    NNSHAPE_ACCEPTED(virtual_batch_size);
    NNSHAPE_ACCEPTED(adjustment);
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "BatchNormalization";
    // tf.keras 2.x's SyncBatchNormalization (layers.experimental): BatchNormalization with
    // synchronized=True, whose config it writes.
    static constexpr std::array<std::string_view, 1> keras_aliases{"SyncBatchNormalization"};
    static constexpr void keras_config(auto& l, auto& key)
    {
        key("axis", l.axis, detail::int_or_one_item_list);
        key("momentum", l.momentum);
        key("epsilon", l.epsilon);
        key("center", l.center);
        key("scale", l.scale);
        key("beta_initializer", l.beta_initializer);
        key("gamma_initializer", l.gamma_initializer);
        key("moving_mean_initializer", l.moving_mean_initializer);
        key("moving_variance_initializer", l.moving_variance_initializer);
        key("beta_regularizer", l.beta_regularizer);
        key("gamma_regularizer", l.gamma_regularizer);
        key("beta_constraint", l.beta_constraint);
        key("gamma_constraint", l.gamma_constraint);
        key("renorm", l.renorm);
        key("renorm_clipping", l.renorm_clipping);
        key("renorm_momentum", l.renorm_momentum);
        key("synchronized", l.synchronized);
        key("fused", l.fused);
        key("virtual_batch_size", l.virtual_batch_size);
        key("adjustment", l.adjustment);
    }
    static constexpr detail::Analyses analyses{.cost = detail::by_rule, .field = detail::elementwise};

    constexpr Shape output_shape(const Shape& in) const
    {
        detail::known_axis_dim(in, axis);
        return in;
    }

    // gamma (scale) and beta (center) are trained; moving_mean and moving_variance are not, nor are
    // renorm's moving_stddev, renorm_mean and renorm_stddev (Keras 3 since 3.14, tf.keras).
    constexpr Params params(const Shape& in) const
    {
        const std::int64_t c = detail::known_axis_dim(in, axis);
        return {detail::scale_and_center(c, scale, center), detail::checked_mul(c, renorm ? 5 : 2)};
    }
};

// gamma and beta have the shape of the normalized axes' dims: `(input_shape[a] for a in axis)`.
// Keras 3 still reads the deprecated `rms_scaling` (a keyword argument it pops, after the named
// ones): with it the layer has gamma (even with scale=False) and no beta (LayerNormalization.build,
// keras/src/layers/normalization/layer_normalization.py).
struct LayerNormalization {
    detail::Axes axis = -1;
    NNSHAPE_ACCEPTED(epsilon);
    bool center = true;
    bool scale = true;
    NNSHAPE_ACCEPTED(beta_initializer);
    NNSHAPE_ACCEPTED(gamma_initializer);
    NNSHAPE_ACCEPTED(beta_regularizer);
    NNSHAPE_ACCEPTED(gamma_regularizer);
    NNSHAPE_ACCEPTED(beta_constraint);
    NNSHAPE_ACCEPTED(gamma_constraint);
    bool rms_scaling = false;
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "LayerNormalization";
    static constexpr void keras_config(auto& l, auto& key)
    {
        key("axis", l.axis);
        key("epsilon", l.epsilon);
        key("center", l.center);
        key("scale", l.scale);
        key("beta_initializer", l.beta_initializer);
        key("gamma_initializer", l.gamma_initializer);
        key("beta_regularizer", l.beta_regularizer);
        key("gamma_regularizer", l.gamma_regularizer);
        key("beta_constraint", l.beta_constraint);
        key("gamma_constraint", l.gamma_constraint);
        key("rms_scaling", l.rms_scaling);
    }
    // The weights it has: gamma with scale or rms_scaling, beta with center but not rms_scaling.
    constexpr bool has_gamma() const { return scale || rms_scaling; }
    constexpr bool has_beta() const { return center && !rms_scaling; }
    static constexpr detail::Analyses analyses{.cost = detail::by_rule, .field = detail::by_rule};

    constexpr Shape output_shape(const Shape& in) const
    {
        detail::require_axes_in_bounds(in, axis);
        return in;
    }

    constexpr Params params(const Shape& in) const
    {
        std::uint32_t seen = 0;
        std::int64_t size = 1;
        for (std::size_t i = 0; i < axis.size(); ++i) {
            const std::size_t a = detail::axis_in_bounds(in, axis[i]);
            detail::require(!(seen >> a & 1u), "LayerNormalization: Duplicate axes are not allowed.");
            seen |= 1u << a;
            size = detail::checked_mul(size, detail::weight_dim(in[a]));
        }
        return {detail::scale_and_center(size, has_gamma(), has_beta())};
    }
};

// `groups = -1` is instance normalization (one group per channel).
struct GroupNormalization {
    std::int64_t groups = 32;
    std::int64_t axis = -1;
    NNSHAPE_ACCEPTED(epsilon);
    bool center = true;
    bool scale = true;
    NNSHAPE_ACCEPTED(beta_initializer);
    NNSHAPE_ACCEPTED(gamma_initializer);
    NNSHAPE_ACCEPTED(beta_regularizer);
    NNSHAPE_ACCEPTED(gamma_regularizer);
    NNSHAPE_ACCEPTED(beta_constraint);
    NNSHAPE_ACCEPTED(gamma_constraint);
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "GroupNormalization";
    static constexpr void keras_config(auto& l, auto& key)
    {
        key("groups", l.groups);
        key("axis", l.axis);
        key("epsilon", l.epsilon);
        key("center", l.center);
        key("scale", l.scale);
        key("beta_initializer", l.beta_initializer);
        key("gamma_initializer", l.gamma_initializer);
        key("beta_regularizer", l.beta_regularizer);
        key("gamma_regularizer", l.gamma_regularizer);
        key("beta_constraint", l.beta_constraint);
        key("gamma_constraint", l.gamma_constraint);
    }
    static constexpr detail::Analyses analyses{.cost = detail::by_rule, .field = detail::no_field};

    constexpr Shape output_shape(const Shape& in) const
    {
        channels(in);
        return in;
    }

    constexpr Params params(const Shape& in) const { return {detail::scale_and_center(channels(in), scale, center)}; }

private:
    // The channel count, checked against `groups`. Keras's two messages read inverted ("groups must be
    // a multiple of the channels"); the rule is that the channels are a multiple of the groups.
    constexpr std::int64_t channels(const Shape& in) const
    {
        detail::require(groups > 0 || groups == -1, "GroupNormalization: Received an invalid value for argument "
                                                    "`groups`, expected a positive integer (or `-1` for instance "
                                                    "normalization).");
        const std::int64_t c = detail::known_axis_dim(in, axis);
        const std::int64_t g = groups == -1 ? c : groups;
        detail::require(c >= g, "GroupNormalization: Number of groups (G) cannot be more than the number of "
                                "channels (C).");
        detail::require(g > 0 && c % g == 0, "GroupNormalization: Number of groups (G) must be a multiple of the "
                                             "number of channels (C).");
        return c;
    }
};

struct UnitNormalization {
    detail::Axes axis = -1;
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "UnitNormalization";
    static constexpr void keras_config(auto& l, auto& key) { key("axis", l.axis); }
    static constexpr detail::Analyses analyses{.cost = detail::by_rule, .field = detail::by_rule};

    constexpr Shape output_shape(const Shape& in) const
    {
        detail::require_axes_in_bounds(in, axis);
        return in;
    }
};

// Keras 3.9's RMSNormalization(axis=-1, epsilon=1e-6): x / rms(x) * scale, with `scale` shaped as
// the input's `axis` dims (keras/src/layers/normalization/rms_normalization.py build). The shape is
// unchanged.
struct RMSNormalization {
    detail::Axes axis = -1;
    NNSHAPE_ACCEPTED(epsilon);
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "RMSNormalization";
    static constexpr void keras_config(auto& l, auto& key)
    {
        key("axis", l.axis);
        key("epsilon", l.epsilon);
    }
    static constexpr detail::Analyses analyses{.cost = detail::by_rule, .field = detail::by_rule};

    constexpr Shape output_shape(const Shape& in) const
    {
        detail::require_axes_in_bounds(in, axis);
        return in;
    }
    // Keras would make a scale with an axis twice in its shape, which the call cannot broadcast.
    constexpr Params params(const Shape& in) const
    {
        std::uint32_t seen = 0;
        std::int64_t size = 1;
        for (std::size_t i = 0; i < axis.size(); ++i) {
            const std::size_t a = detail::axis_in_bounds(in, axis[i]);
            detail::require(!(seen >> a & 1u), "RMSNormalization: an axis is given twice");
            seen |= 1u << a;
            size = detail::checked_mul(size, detail::weight_dim(in[a]));
        }
        return {size};
    }
};

namespace detail {
using normalization_layers =
    type_list<BatchNormalization, LayerNormalization, GroupNormalization, UnitNormalization, RMSNormalization>;
} // namespace detail

} // namespace nnshape
