#pragma once
// nnshape::Sequential: a linear stack of layers, usable as a constexpr variable
// (`constexpr Sequential m{Conv2D{...}, BatchNormalization{}};`) or built with `add()`.

#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <string_view>
#include <type_traits>

#include "detail/layer_call.hpp"
#include "detail/record_arrays.hpp"
#include "detail/stored_layer.hpp"
#include "functional.hpp"
#include "layer.hpp"
#include "naming.hpp"

namespace nnshape {

// One layer of a Sequential with what the model computed for it.
template <class LayerT>
struct BasicSequentialLayer {
    LayerT layer;
    // Initialized here, not left to aggregate initialization: a record made from its layer alone
    // (`emplace_back(layer)`) would otherwise be value-initialized, the whole record zeroed (GCC 12
    // clears all 1.7 KB, the layer's unused variant storage included) before the layer is copied in.
    LayerNumber number{}; // its name's number (the given name and the class are the layer's)
    Shape output_shape{};
    Params params{};

    constexpr std::int64_t count_params() const { return params.total(); }
    // Its name in one Keras's style: the one given, else the automatic one.
    constexpr Name name(Naming style = keras2) const { return name_parts().render(style); }
    // What its name is made of (a view of this record).
    constexpr LayerName name_parts() const { return {layer.given_name(), layer.class_name(), number}; }
};

// A record of a Sequential<> (a fixed Sequential<N>'s: Sequential<N>::SequentialLayer).
using SequentialLayer = BasicSequentialLayer<StoredLayer>;

namespace detail {

// The BasicLayer that holds built-in layers and each distinct custom class among L (other types are
// skipped, so that a deduction guide whose constraints reject them never names a bad BasicLayer).
template <class Found, class... L>
struct layer_for;
template <class... Found>
struct layer_for<type_list<Found...>> {
    using type = BasicLayer<Found...>;
};
template <class... Found, class First, class... Rest>
struct layer_for<type_list<Found...>, First, Rest...>
    : layer_for<std::conditional_t<!CustomLayer<First> || (std::is_same_v<First, Found> || ...), type_list<Found...>,
                                   type_list<Found..., First>>,
                Rest...> {};

} // namespace detail

// `N`: the number of layers, fixed by the constructor, or std::dynamic_extent for `add()`.
// `LayerT`: Layer, or BasicLayer<Custom...> for custom layer classes (deduced from the constructor's
// layers). A Sequential that holds models is the Graph-backed Sequential<N, Model> (sequential_model.hpp).
template <std::size_t N = std::dynamic_extent, class LayerT = Layer>
class Sequential {
public:
    // How a record holds its layer: a fixed Sequential (a constexpr variable, which cannot own memory)
    // its LayerT value; one built with add() the value of the layer's own class, out of line.
    using StoredLayer = std::conditional_t<N == std::dynamic_extent, detail::StoredLayer<LayerT>, LayerT>;
    using SequentialLayer = BasicSequentialLayer<StoredLayer>;

    constexpr Sequential()
        requires(N == std::dynamic_extent)
    = default;
    constexpr explicit Sequential(ModelArgs args)
        requires(N == std::dynamic_extent)
        : args_(std::move(args))
    {
    }

    template <class... L>
        requires(sizeof...(L) > 0 && (N == std::dynamic_extent || sizeof...(L) == N) &&
                 (LayerT::template holds<L> && ...))
    constexpr Sequential(L... layers) : layers_{make_layers(StoredLayer(std::move(layers))...)}
    {
    }
    // Keras's `Sequential([...], name=..., trainable=...)`: `Sequential{{.name = "encoder"}, Dense{...}}`.
    template <class... L>
        requires(sizeof...(L) > 0 && (N == std::dynamic_extent || sizeof...(L) == N) &&
                 (LayerT::template holds<L> && ...))
    constexpr Sequential(ModelArgs args, L... layers)
        : args_(std::move(args)),
          layers_{make_layers(StoredLayer(std::move(layers))...)}
    {
    }

    // Keras's `model.add(layer)`. A layer whose rule fails leaves the model as it was (Keras has
    // already numbered its automatic name: so does nnshape). A LayerT is stored whole (1.5 KB: its class
    // is known only at run time); `add(Dense{...})` stores a layer at its class's size.
    constexpr void add(const LayerT& layer)
        requires(N == std::dynamic_extent)
    {
        add_record(layer);
    }
    // The same for a layer of one class (`model.add(Dense{...})`): its value is stored at its class's size,
    // with no intermediate LayerT.
    template <class L>
        requires(N == std::dynamic_extent && LayerT::template holds<L>)
    constexpr void add(const L& layer)
    {
        add_record(layer);
    }
    // Room for `n` layers, as std::vector::reserve: `add()` then never moves the records.
    constexpr void reserve(std::size_t n)
        requires(N == std::dynamic_extent)
    {
        layers_.reserve(n);
    }

    // Whether the input shape is known (from the first layer's input_shape / batch_input_shape).
    constexpr bool built() const { return output_.has_value(); }

    constexpr std::span<const SequentialLayer> layers() const { return {layers_.data(), layers_.size()}; }

    constexpr const Shape& input_shape() const { return require_built(), *input_; }
    constexpr const Shape& output_shape() const { return require_built(), *output_; }

    // Its weights; all non-trainable when the model is frozen (`.trainable = false`).
    constexpr Params params() const
    {
        require_built();
        Params total{};
        for (const SequentialLayer& l : layers()) total = total + l.params;
        return args_.trainable ? total : Params{0, total.total()};
    }
    constexpr std::int64_t count_params() const { return params().total(); }

    // Its name: the one given, else Keras's first automatic one.
    constexpr Name name(Naming style = keras2) const
    {
        return LayerName{args_.name, "Sequential", {.ordinal = 1}}.render(style);
    }
    constexpr const ModelArgs& args() const { return args_; }

    // Keras's `seq(x)`: called on tensors of a Graph, the Sequential becomes a model nested there
    // (class Sequential, its layers numbered in that Graph), built on the tensors' shape unless its
    // first layer declares one. As in Keras, the first call makes that model and later calls share
    // its weights (copies of this Sequential too); `add()` is refused after a call.
    constexpr Tensors operator()(const Tensors& inputs) &;
    constexpr Tensors operator()(const Tensors& inputs) &&;
    template <class T = Tensors>
    constexpr void operator()(const std::type_identity_t<T>&) const&
    {
        static_assert(sizeof(T) == 0, "nnshape: a const Sequential cannot be called: its first call makes the "
                                      "model that later calls share. Call a non-const copy, or as_model().");
    }
    // With Keras's call arguments (`training`), which a model takes as any model call does.
    constexpr Tensors operator()(const Tensors& inputs, const detail::CallArgs<Tensors>& args) &;
    constexpr Tensors operator()(const Tensors& inputs, const detail::CallArgs<Tensors>& args) &&;
    template <class T = Tensors>
    constexpr void operator()(const std::type_identity_t<T>& inputs,
                              const detail::CallArgs<std::type_identity_t<T>>&) const&
    {
        this->template operator()<T>(inputs);
    }
    // This Sequential as a functional Model of class Sequential, in a Graph of its own.
    constexpr Model as_model() const;

private:
    using Storage = std::conditional_t<N == std::dynamic_extent, detail::RecordArray<SequentialLayer>,
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

    // `layer`: a LayerT, or a layer of one of its classes. Only its record's construction is compiled per
    // class of layer added; the checks and the inference are not templates.
    template <class L>
    constexpr void add_record(const L& layer)
    {
        require_addable();
        StoredLayer stored(layer, &arena_); // the layer's value in the arena, its record in layers_
        detail::GivenLayer given{};
        if constexpr (detail::compactable<L>) {
            if (stored.compact()) given = detail::GivenLayer::of(layer); // its rule reads `layer`, not bytes
        }
        append(std::move(stored), given);
    }

    constexpr void require_addable() const
    {
        // Keras's later calls would share the earlier layers' weights with the model the first call
        // made; a new model here would count them twice.
        detail::require(!called_.get(), "Sequential: a layer cannot be added after the model was called on "
                                        "tensors or nested in another model");
    }
    // The record of `layer`, inferred by its rules (or by those of the value add() was given). The record is
    // made from what the inference gives (a record made first and filled in was zeroed, 128 bytes, a sixth
    // of an add); room for it is made first, so that a layer whose rule fails leaves the records as they
    // were.
    constexpr void append(StoredLayer&& layer, const detail::GivenLayer& given)
    {
        layers_.make_room();
        const Inferred inferred = infer(layer, given);
        layers_.emplace_back(std::move(layer), inferred.number, inferred.output_shape, inferred.params);
    }

    constexpr SequentialLayer next(StoredLayer layer)
    {
        const Inferred inferred = infer(layer, {});
        return {std::move(layer), inferred.number, inferred.output_shape, inferred.params};
    }

    struct Inferred {
        LayerNumber number{};
        Shape output_shape{};
        Params params{};
    };
    // Names the next layer and infers its output shape and weights from the model's output so far (the
    // first layer: from its declared input); the model's state changes only when that succeeds.
    constexpr Inferred infer(const StoredLayer& rules, const detail::GivenLayer& given)
    {
        Inferred inferred;
        name_counters_.count_wrapped(rules);
        if (rules.given_name().empty()) inferred.number.ordinal = detail::layer_number(name_counters_.next(rules));
        const bool first = count_ == 0;
        const std::optional<Shape> input = first ? rules.declared_input() : input_;
        if (first && rules.template is<InputLayer>()) {
            inferred.output_shape = *input;
        } else if (first ? input.has_value() : output_.has_value()) {
            const detail::SingleCall call =
                detail::call_layer_single(rules, inferred.number, first ? *input : *output_, given);
            detail::require(call.output_count == 1,
                            "Sequential: All layers in a Sequential model should have a single output tensor.");
            inferred.output_shape = call.output;
            inferred.params = call.params;
        }
        ++count_;
        input_ = input;
        if (input_) output_ = inferred.output_shape;
        return inferred;
    }

    constexpr void require_built() const
    {
        detail::require(built(), "Sequential: This model has not yet been built: give the first layer an "
                                 "input_shape or batch_input_shape argument, or start with an InputLayer.");
    }

    // Declared before layers_: the constructor fills them while it builds layers_.
    ModelArgs args_{};
    NameCounters<LayerT> name_counters_{};
    std::size_t count_ = 0;
    std::optional<Shape> input_{};
    std::optional<Shape> output_{};
    [[no_unique_address]] std::conditional_t<N == std::dynamic_extent, detail::LayerArena, detail::type_list<>>
        arena_{}; // Declared before layers_, whose records it holds at run time.
    Storage layers_{};
    detail::GraphRef called_{}; // the Graph of the model the first call made
    std::int32_t called_index_ = -1; // and its index there
};

template <class... L>
    requires(sizeof...(L) > 0 && ((BuiltinLayer<L> || CustomLayer<L>) && ...))
Sequential(L...) -> Sequential<sizeof...(L), typename detail::layer_for<detail::type_list<>, L...>::type>;
template <class... L>
    requires(sizeof...(L) > 0 && ((BuiltinLayer<L> || CustomLayer<L>) && ...))
Sequential(ModelArgs, L...) -> Sequential<sizeof...(L), typename detail::layer_for<detail::type_list<>, L...>::type>;

namespace detail {
// A Sequential of layer values: the analyses' overloads for it leave Sequential<N, Model>, which is a
// Model, to the Model overloads.
template <class LayerT>
concept layer_values = !std::is_same_v<LayerT, Model>;
} // namespace detail

} // namespace nnshape

// A Sequential that holds models, and a Sequential of layers called on tensors.
#include "sequential_model.hpp"
