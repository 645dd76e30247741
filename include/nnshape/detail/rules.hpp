#pragma once
// How a layer's rules are called: the one place that adapts `output_shape(s)` and `params` of any
// layer to a call on any number of input tensors.

#include <span>
#include <type_traits>

#include "../layer_args.hpp"
#include "../layers/core.hpp"
#include "../shape.hpp"

namespace nnshape::detail {

template <class L>
concept multi_input_multi_output = requires(const L& l, std::span<const Shape> s) { l.output_shapes(s); };
template <class L>
concept multi_input = requires(const L& l, std::span<const Shape> s) { l.output_shape(s); };
template <class L>
concept multi_output = requires(const L& l, const Shape& s) { l.output_shapes(s); };

template <class L>
concept has_shape_rule = multi_input_multi_output<L> || multi_input<L> || multi_output<L> ||
                         requires(const L& l, const Shape& s) { l.output_shape(s); };

// The one place that adapts each layer's rule to a call with any number of input tensors. A rule
// takes one `const Shape&` or a `std::span<const Shape>` of inputs, and returns one `Shape`
// (`output_shape`) or several (`output_shapes`). A struct, for detail::LayerVariant's tables
// (layer_variant.hpp) and detail::apply (variant.hpp).
struct shape_rule {
    template <class L>
    static constexpr Shapes of(const L& layer, std::span<const Shape> inputs)
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
};

template <class L>
concept weights_from_all_inputs = requires(const L& l, std::span<const Shape> s) { l.params(s); };
template <class L>
concept weights_from_input = requires(const L& l, const Shape& s) { l.params(s); };

// Weights: `params(const Shape&)` or `params(std::span<const Shape>)`; none if the layer has neither.
struct weights_rule {
    template <class L>
    static constexpr Params of(const L& layer, std::span<const Shape> inputs)
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
};

} // namespace nnshape::detail
