#pragma once
// nnshape::Sequential: a linear stack of layers, usable as a constexpr variable
// (`constexpr Sequential m{Conv2D{...}, BatchNormalization{}};`) or built with `add()`.

#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <type_traits>
#include <vector>

#include "detail/layer_call.hpp"
#include "layer.hpp"
#include "naming.hpp"

namespace nnshape {


// One layer of a Sequential with what the model computed for it.
struct SequentialLayer {
    Layer layer;
    LayerName name;
    Shape output_shape;
    Params params;

    constexpr std::int64_t count_params() const { return params.total(); }
};

template <std::size_t N = std::dynamic_extent>
class Sequential {
public:
    constexpr Sequential() requires(N == std::dynamic_extent) = default;

    template <LayerType... L>
        requires(sizeof...(L) > 0 && (N == std::dynamic_extent || sizeof...(L) == N))
    constexpr Sequential(L... layers) : layers_{make_layers(Layer(std::move(layers))...)}
    {
    }

    // Keras's `model.add(layer)`.
    constexpr void add(Layer layer) requires(N == std::dynamic_extent) { layers_.push_back(next(std::move(layer))); }

    // Whether the input shape is known (from the first layer's input_shape / batch_input_shape).
    constexpr bool built() const { return output_.has_value(); }

    constexpr std::span<const SequentialLayer> layers() const { return {layers_.data(), layers_.size()}; }

    constexpr const Shape& input_shape() const { return require_built(), *input_; }
    constexpr const Shape& output_shape() const { return require_built(), *output_; }

    constexpr Params params() const
    {
        require_built();
        Params total{};
        for (const SequentialLayer& l : layers()) total = total + l.params;
        return total;
    }
    constexpr std::int64_t count_params() const { return params().total(); }

private:
    using Storage = std::conditional_t<N == std::dynamic_extent, std::vector<SequentialLayer>,
                                       std::array<SequentialLayer, N>>;

    template <class... L>
    constexpr Storage make_layers(L... layers)
    {
        if constexpr (N == std::dynamic_extent) {
            Storage s;
            (s.push_back(next(std::move(layers))), ...);
            return s;
        } else {
            return Storage{next(std::move(layers))...}; // braced lists evaluate left to right
        }
    }

    constexpr SequentialLayer next(Layer layer)
    {
        LayerName name{Name(layer.given_name()), layer.class_name(), 0};
        if (name.given.empty()) name.ordinal = name_counters_.next(layer);
        SequentialLayer entry{std::move(layer), name, Shape{}, Params{}};
        const bool first = count_++ == 0;
        if (first) input_ = entry.layer.declared_input();
        if (first && entry.layer.is<InputLayer>()) {
            entry.output_shape = *input_;
        } else if (first ? input_.has_value() : output_.has_value()) {
            const Shape in = first ? *input_ : *output_;
            const detail::LayerCall call = detail::call_layer(entry.layer, name, {&in, 1});
            detail::require(call.outputs.size() == 1,
                            "Sequential: All layers in a Sequential model should have a single output tensor.");
            entry.output_shape = call.outputs[0];
            entry.params = call.params;
        }
        if (input_) output_ = entry.output_shape;
        return entry;
    }

    constexpr void require_built() const
    {
        detail::require(built(), "Sequential: This model has not yet been built: give the first layer an "
                                 "input_shape or batch_input_shape argument, or start with an InputLayer.");
    }

    // Declared before layers_: the constructor fills them while it builds layers_.
    NameCounters name_counters_{};
    std::size_t count_ = 0;
    std::optional<Shape> input_{};
    std::optional<Shape> output_{};
    Storage layers_{};
};

template <LayerType... L>
    requires(sizeof...(L) > 0)
Sequential(L...) -> Sequential<sizeof...(L)>;

} // namespace nnshape
