#pragma once
// nnshape::Layer: any one of the layers, as a value, with the generic calls a model needs (output
// shapes for any number of inputs, parameter counts, class and name).

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <type_traits>
#include <variant>

#include "detail/type_list.hpp"
#include "layers/activations.hpp"
#include "layers/attention.hpp"
#include "layers/convolutional.hpp"
#include "layers/convolutional_recurrent.hpp"
#include "layers/core.hpp"
#include "layers/locally_connected.hpp"
#include "layers/merging.hpp"
#include "layers/normalization.hpp"
#include "layers/pooling.hpp"
#include "layers/preprocessing.hpp"
#include "layers/recurrent.hpp"
#include "layers/regularization.hpp"
#include "layers/reshaping.hpp"

namespace nnshape {

namespace detail {

using layer_variant = variant_of<concat<core_layers, activation_layers, regularization_layers, reshaping_layers,
                                        convolutional_layers, pooling_layers, recurrent_layers, convolutional_recurrent_layers, normalization_layers,
                                        locally_connected_layers, merging_layers, attention_layers,
                                        preprocessing_layers>::type>::type;

template <class T, class V>
struct is_alternative;
template <class T, class... Ts>
struct is_alternative<T, std::variant<Ts...>> : std::bool_constant<(std::is_same_v<T, Ts> || ...)> {};

template <class L>
concept multi_input_multi_output = requires(const L& l, std::span<const Shape> s) { l.output_shapes(s); };
template <class L>
concept multi_input = requires(const L& l, std::span<const Shape> s) { l.output_shape(s); };
template <class L>
concept multi_output = requires(const L& l, const Shape& s) { l.output_shapes(s); };

// The one place that adapts each layer's rule to a call with any number of input tensors. A rule
// takes one `const Shape&` or a `std::span<const Shape>` of inputs, and returns one `Shape`
// (`output_shape`) or several (`output_shapes`).
template <class L>
constexpr Shapes call_rule(const L& layer, std::span<const Shape> inputs)
{
    if constexpr (std::is_same_v<L, InputLayer>) {
        require(inputs.empty(), "InputLayer: an InputLayer takes no inputs");
        return Shapes{layer.output_shape()};
    } else if constexpr (multi_input_multi_output<L>) {
        return layer.output_shapes(inputs);
    } else if constexpr (multi_input<L>) {
        return Shapes{layer.output_shape(inputs)};
    } else {
        require(inputs.size() == 1, "Layer: this layer expects 1 input tensor");
        if constexpr (multi_output<L>)
            return layer.output_shapes(inputs[0]);
        else
            return Shapes{layer.output_shape(inputs[0])};
    }
}

template <class L>
concept weights_from_all_inputs = requires(const L& l, std::span<const Shape> s) { l.params(s); };
template <class L>
concept weights_from_input = requires(const L& l, const Shape& s) { l.params(s); };

// Weights: `params(const Shape&)` or `params(std::span<const Shape>)`; none if the layer has neither.
template <class L>
constexpr Params params_rule(const L& layer, std::span<const Shape> inputs)
{
    if constexpr (weights_from_all_inputs<L> || weights_from_input<L>) {
        Params p{};
        if constexpr (weights_from_all_inputs<L>)
            p = layer.params(inputs);
        else
            p = layer.params(inputs[0]);
        return layer.trainable ? p : Params{0, p.total()};
    } else {
        return Params{};
    }
}

} // namespace detail

template <class L>
concept LayerType = detail::is_alternative<L, detail::layer_variant>::value;

// One layer of any kind. `is<T>()` is Keras's `isinstance(layer, T)`.
class Layer {
public:
    template <LayerType L>
    constexpr Layer(L layer) : layer_(std::move(layer))
    {
    }

    template <LayerType L>
    constexpr bool is() const
    {
        return std::holds_alternative<L>(layer_);
    }
    template <LayerType L>
    constexpr const L* get_if() const
    {
        return std::get_if<L>(&layer_);
    }

    constexpr std::string_view class_name() const
    {
        return std::visit([](const auto& l) { return std::string_view(l.class_name); }, layer_);
    }
    // The name given with `.name = ...`; empty when Keras would pick one.
    constexpr std::string_view given_name() const
    {
        return std::visit([](const auto& l) { return l.name.view(); }, layer_);
    }
    // Index of the layer's class among all layer classes: a key for per-class name counters.
    constexpr std::size_t class_index() const { return layer_.index(); }
    static constexpr std::size_t class_count = std::variant_size_v<detail::layer_variant>;

    constexpr Shapes output_shapes(std::span<const Shape> inputs) const
    {
        return std::visit([&](const auto& l) { return detail::call_rule(l, inputs); }, layer_);
    }
    constexpr Params params(std::span<const Shape> inputs) const
    {
        return std::visit([&](const auto& l) { return detail::params_rule(l, inputs); }, layer_);
    }

    template <class Visitor>
    constexpr decltype(auto) visit(Visitor&& v) const
    {
        return std::visit(std::forward<Visitor>(v), layer_);
    }

private:
    detail::layer_variant layer_;
};

} // namespace nnshape
