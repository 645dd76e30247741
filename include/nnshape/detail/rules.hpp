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
            return Shapes(layer.output_shape());
        } else if constexpr (multi_input_multi_output<L>) {
            return layer.output_shapes(inputs);
        } else if constexpr (multi_input<L>) {
            return Shapes(layer.output_shape(inputs));
        } else {
            require(inputs.size() == 1, "Layer: this layer expects 1 input tensor");
            if constexpr (multi_output<L>)
                return layer.output_shapes(inputs[0]);
            else
                return Shapes(layer.output_shape(inputs[0]));
        }
    }
};

// A class whose `params` checks the call by running its shape rule first (a convolution's) also gives
// the count alone, `params_of_valid_call(in)`, for a call whose shape rule has passed.
template <class L>
concept counts_valid_call = requires(const L& l, const Shape& s) { l.params_of_valid_call(s); };

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
            return as_trainable(layer, p);
        } else {
            return Params{};
        }
    }
    // The same for a call on which shape_rule::of has just passed: without the shape rule run again.
    template <class L>
    static constexpr Params of_valid_call(const L& layer, std::span<const Shape> inputs)
    {
        if constexpr (counts_valid_call<L>)
            return as_trainable(layer, layer.params_of_valid_call(inputs[0]));
        else
            return of(layer, inputs);
    }

private:
    // A layer made untrainable (`trainable = False`) keeps its weights as non-trainable ones.
    template <class L>
    static constexpr Params as_trainable(const L& layer, const Params& p)
    {
        return layer.trainable ? p : Params{0, p.total()};
    }
};

struct LayerCall {
    Shapes outputs;
    Params params;
};

// The weights a call gives its layer, which must be those of its first call (`built`) if it was called.
constexpr Params fitting(const Params& params, const Params* built)
{
    require(!built || *built == params, "Input is incompatible with layer: the layer was first called "
                                        "on inputs that gave it weights of other shapes");
    return params;
}

// A model's call of a layer: its output shapes, then its weights, which must fit `built` (see fitting).
struct call_rule {
    template <class L>
    static constexpr LayerCall of(const L& layer, std::span<const Shape> inputs, const Params* built)
    {
        // A braced list evaluates in order: the shape rule runs before the weights are counted.
        return LayerCall{shape_rule::of(layer, inputs), fitting(weights_rule::of_valid_call(layer, inputs), built)};
    }
};

// A Sequential's call of a layer on one tensor: its first output (a Sequential checks that it has only
// one), its number of outputs and its weights.
struct SingleCall {
    Shape output;
    std::size_t output_count;
    Params params;
};

// A model's call on one tensor as a Sequential's.
constexpr SingleCall as_single(const LayerCall& call)
{
    return {call.outputs.size() > 0 ? call.outputs[0] : Shape{}, call.outputs.size(), call.params};
}

// The same as call_rule for a call on one tensor, without the `Shapes` (584 bytes, zero-filled) that a
// class of one output needs no list for.
struct single_call_rule {
    template <class L>
    static constexpr SingleCall of(const L& layer, const Shape& input)
    {
        if constexpr (!std::is_same_v<L, InputLayer> && !multi_input_multi_output<L> && !multi_input<L> &&
                      !multi_output<L>)
            return SingleCall{layer.output_shape(input), 1, weights_rule::of_valid_call(layer, {&input, 1})};
        else
            return as_single(call_rule::of(layer, {&input, 1}, nullptr));
    }
};

// The call of the value add() was given, for a layer the Sequential keeps compactly (its stored value
// would be made again for the rule): one small function per class, where a view of the value answering
// every query would compile every rule once more. Never used in a constant evaluation.
struct GivenLayer {
    bool active = false;
    const void* layer = nullptr;
    SingleCall (*call)(const void*, const Shape&) = nullptr;

    template <class L>
    static constexpr GivenLayer of(const L& layer)
    {
        return {true, &layer, [](const void* l, const Shape& input) {
                    return single_call_rule::of(*static_cast<const L*>(l), input);
                }};
    }
};

} // namespace nnshape::detail
