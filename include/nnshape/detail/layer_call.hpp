#pragma once
// Calling a layer's rule inside a model: the rule's own message gets the layer's class, name and
// input shapes at run time. In a constant evaluation the rule's `require` line is the diagnostic.

#include <span>
#include <string>

#include "../layer.hpp"
#include "../naming.hpp"

namespace nnshape::detail {

inline std::string describe_inputs(std::span<const Shape> inputs)
{
    if (inputs.size() == 1) return to_string(inputs[0]);
    std::string out = "[";
    for (std::size_t i = 0; i < inputs.size(); ++i) out += (i ? ", " : "") + to_string(inputs[i]);
    return out + "]";
}

// `Conv2D layer "conv2d_1" with input shape (None, 2, 2, 3): <rule>`; a rule that starts with the
// class name already does not repeat it.
[[noreturn]] inline void rethrow_in_context(const shape_error& e, std::string_view class_name, std::string_view name,
                                            std::span<const Shape> inputs)
{
    std::string_view rule = e.what();
    if (rule.starts_with(class_name) && rule.substr(class_name.size()).starts_with(": "))
        rule.remove_prefix(class_name.size() + 2);
    throw shape_error(std::string(class_name) + " layer \"" + std::string(name) + "\" with input shape " +
                      describe_inputs(inputs) + ": " + std::string(rule));
}

// The same for `layer`, named as its model names it.
template <class AnyLayer>
[[noreturn]] void rethrow_for_layer(const shape_error& e, const AnyLayer& layer, const LayerNumber& number,
                                    std::span<const Shape> inputs)
{
    rethrow_in_context(e, layer.class_name(), LayerName{layer.given_name(), layer.class_name(), number}.render().view(),
                       inputs);
}

// `layer`: a BasicLayer or a Graph's boxed custom layer. `built`: the counts of a layer called before,
// if it was; a new call must fit the same weights.
template <class AnyLayer>
constexpr LayerCall call_layer(const AnyLayer& layer, const LayerNumber& number, std::span<const Shape> inputs,
                               const Params* built = nullptr)
{
    try {
        // Returned as it is made (no named local: a local returned from a try block is copied, 600 bytes).
        return layer.call(inputs, built);
    } catch (const shape_error& e) {
        rethrow_for_layer(e, layer, number, inputs);
    }
}

// A Sequential's call of `layer` on one tensor (detail::single_call_rule), or of the value add() was given
// for it, its errors in context as above.
template <class AnyLayer>
constexpr SingleCall call_layer_single(const AnyLayer& layer, const LayerNumber& number, const Shape& input,
                                       const GivenLayer& given)
{
    try {
        return given.active ? given.call(given.layer, input) : layer.single_call(input);
    } catch (const shape_error& e) {
        rethrow_for_layer(e, layer, number, {&input, 1});
    }
}

} // namespace nnshape::detail
