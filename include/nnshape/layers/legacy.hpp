#pragma once
// Keras 2.x's legacy layers, kept from Keras 1 and exported by keras.layers up to 2.3.1
// (keras/legacy/layers.py): MaxoutDense and Highway, both on (batch, input_dim). Their arguments keep
// Keras 1's names (`init`, `W_regularizer`, `bias`). Neither is in tf.keras or Keras 3.

#include <cstdint>
#include <optional>
#include <string_view>

#include "../detail/checked.hpp"
#include "../detail/layer_facts.hpp"
#include "../detail/type_list.hpp"
#include "../layer_args.hpp"

namespace nnshape {

namespace detail {

// The input both take: InputSpec(ndim=2), and its features sized, as build's add_weight needs them.
constexpr std::int64_t legacy_input_dim(const Shape& in)
{
    require(in.rank() == 2, "MaxoutDense/Highway: expected ndim=2 (batch, input_dim)");
    require(in[1].known(), "MaxoutDense/Highway: the input_dim (last) dimension of the input must be defined");
    return in[1].value();
}

} // namespace detail

// The maximum over `nb_feature` dense projections: W (nb_feature, input_dim, output_dim) and, with
// `bias`, b (nb_feature, output_dim).
struct MaxoutDense {
    std::int64_t output_dim = 0;
    std::int64_t nb_feature = 4;
    NNSHAPE_ACCEPTED(init);
    NNSHAPE_ACCEPTED(weights);
    NNSHAPE_ACCEPTED(W_regularizer);
    NNSHAPE_ACCEPTED(b_regularizer);
    NNSHAPE_ACCEPTED(activity_regularizer);
    NNSHAPE_ACCEPTED(W_constraint);
    NNSHAPE_ACCEPTED(b_constraint);
    bool bias = true;
    std::optional<std::int64_t> input_dim{};
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "MaxoutDense";
    static constexpr void keras_config(auto& l, auto& key)
    {
        key("output_dim", l.output_dim, detail::required);
        key("nb_feature", l.nb_feature);
        key("init", l.init);
        key("weights", l.weights);
        key("W_regularizer", l.W_regularizer);
        key("b_regularizer", l.b_regularizer);
        key("activity_regularizer", l.activity_regularizer);
        key("W_constraint", l.W_constraint);
        key("b_constraint", l.b_constraint);
        key("bias", l.bias);
        key("input_dim", l.input_dim);
    }
    static constexpr detail::Analyses analyses{.cost = detail::by_rule, .field = detail::by_rule};

    constexpr Shape output_shape(const Shape& in) const
    {
        detail::require(output_dim > 0 && nb_feature > 0,
                        "MaxoutDense: output_dim and nb_feature must be positive integers");
        detail::legacy_input_dim(in);
        return Shape{in[0], output_dim};
    }
    constexpr Params params(const Shape& in) const
    {
        const std::int64_t per_feature =
            detail::checked_mul(detail::checked_add(detail::legacy_input_dim(in), bias ? 1 : 0), output_dim);
        return {detail::checked_mul(nb_feature, per_feature)};
    }
};

// y = t * activation(x W + b) + (1 - t) * x with the gate t = sigmoid(x W_carry + b_carry): W and
// W_carry (input_dim, input_dim), with `bias` b and b_carry (input_dim). The shape is unchanged.
struct Highway {
    NNSHAPE_ACCEPTED(init);
    ActivationName activation{};
    NNSHAPE_ACCEPTED(weights);
    NNSHAPE_ACCEPTED(W_regularizer);
    NNSHAPE_ACCEPTED(b_regularizer);
    NNSHAPE_ACCEPTED(activity_regularizer);
    NNSHAPE_ACCEPTED(W_constraint);
    NNSHAPE_ACCEPTED(b_constraint);
    bool bias = true;
    std::optional<std::int64_t> input_dim{};
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "Highway";
    static constexpr void keras_config(auto& l, auto& key)
    {
        key("init", l.init);
        key("activation", l.activation);
        key("weights", l.weights);
        key("W_regularizer", l.W_regularizer);
        key("b_regularizer", l.b_regularizer);
        key("activity_regularizer", l.activity_regularizer);
        key("W_constraint", l.W_constraint);
        key("b_constraint", l.b_constraint);
        key("bias", l.bias);
        key("input_dim", l.input_dim);
    }
    static constexpr detail::Analyses analyses{.cost = detail::by_rule, .field = detail::by_rule};

    constexpr Shape output_shape(const Shape& in) const
    {
        detail::legacy_input_dim(in);
        return in;
    }
    constexpr Params params(const Shape& in) const
    {
        const std::int64_t d = detail::legacy_input_dim(in);
        return {detail::checked_mul(2, detail::checked_mul(d, detail::checked_add(d, bias ? 1 : 0)))};
    }
};

namespace detail {
using legacy_layers = type_list<MaxoutDense, Highway>;
} // namespace detail

} // namespace nnshape
