#pragma once
// nnshape::Layer: any one of the layers, as a value, with the generic calls a model needs (output
// shapes for any number of inputs, parameter counts, class and name).

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <type_traits>
#include <variant>

#include "layers/convolutional.hpp"
#include "layers/core.hpp"
#include "layers/locally_connected.hpp"
#include "layers/merging.hpp"
#include "layers/normalization.hpp"
#include "layers/pooling.hpp"
#include "layers/recurrent.hpp"
#include "layers/reshaping.hpp"

namespace nnshape {

namespace detail {

using layer_variant =
    std::variant<InputLayer, Dense, Embedding, Activation, Dropout, Flatten, Reshape, Permute, Conv2D, DepthwiseConv2D, SeparableConv2D,
                 Conv2DTranspose, UpSampling2D, ZeroPadding2D, Cropping2D, MaxPooling2D, AveragePooling2D,
                 GlobalMaxPooling2D, GlobalAveragePooling2D, SimpleRNN, LSTM, GRU, BatchNormalization,
                 LocallyConnected2D, Add, Concatenate>;

template <class T, class V>
struct is_alternative;
template <class T, class... Ts>
struct is_alternative<T, std::variant<Ts...>> : std::bool_constant<(std::is_same_v<T, Ts> || ...)> {};

template <class L>
concept single_input = requires(const L& l, const Shape& s) { l.output_shape(s); };
template <class L>
concept multi_output = requires(const L& l, const Shape& s) { l.output_shapes(s); };
template <class L>
concept multi_input = requires(const L& l, std::span<const Shape> s) { l.output_shape(s); };

// The one place that adapts each layer's rule to a call with any number of input tensors.
template <class L>
constexpr Shapes call_rule(const L& layer, std::span<const Shape> inputs)
{
    if constexpr (std::is_same_v<L, InputLayer>) {
        require(inputs.empty(), "InputLayer: an InputLayer takes no inputs");
        return Shapes{layer.output_shape()};
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
constexpr Params params_rule(const L& layer, std::span<const Shape> inputs)
{
    if constexpr (requires(const Shape& s) { layer.params(s); }) {
        const Params p = layer.params(inputs[0]);
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
