#pragma once
// nnshape::Layer: any one built-in layer, as a value, with the generic calls a model needs (output
// shapes for any number of inputs, parameter counts, class and name). BasicLayer<Custom...> also
// holds the user's own layer types (see CustomLayer).

#include <array>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <type_traits>
#include <utility>

#include "detail/layer_variant.hpp"
#include "detail/rules.hpp"
#include "detail/stored_layer.hpp"
#include "detail/type_list.hpp"
#include "detail/variant.hpp"
#include "layers/builtin.hpp"
#include "layers/wrappers.hpp"

namespace nnshape {

namespace detail {

using layer_list = concat<builtin_layers, wrapper_layers>::type;

} // namespace detail

// A built-in layer class.
template <class L>
concept BuiltinLayer = detail::contains<L, detail::layer_list>::value;

// A user's layer class: written like a built-in one (Keras's `compute_output_shape` and weights), it
// works in Sequential models, functional Graphs and constant evaluation alike. It needs
// `static constexpr std::string_view class_name`, the NNSHAPE_LAYER_KWARGS members, and a shape rule:
// `output_shape(const Shape&)` (or `output_shapes`, or either on `std::span<const Shape>` for several
// inputs); weights come from an optional `params(const Shape&)` or `params(std::span<const Shape>)`.
template <class L>
concept CustomLayer = !BuiltinLayer<L> && std::is_class_v<L> && detail::has_shape_rule<L> && requires(const L& l) {
    { L::class_name } -> std::convertible_to<std::string_view>;
    { l.name.view() } -> std::convertible_to<std::string_view>;
    { l.trainable } -> std::convertible_to<bool>;
};

// One layer of any built-in kind or of the `Custom` classes. `is<T>()` is Keras's `isinstance(layer, T)`.
template <class... Custom>
    requires(CustomLayer<Custom> && ...)
class BasicLayer {
private:
    using Variant = typename detail::layer_variant_of<
        typename detail::concat<detail::layer_list, detail::type_list<Custom...>>::type>::type;

public:
    template <class L>
    static constexpr bool holds = BuiltinLayer<L> || (std::is_same_v<L, Custom> || ...);
    // Its classes, in class_index order.
    using classes = typename Variant::alternatives;

    template <class L>
        requires holds<L>
    constexpr BasicLayer(const L& layer) : layer_(layer)
    {
    }

    template <class L>
        requires holds<L>
    constexpr bool is() const
    {
        return get_if<L>() != nullptr;
    }
    template <class L>
        requires holds<L>
    constexpr const L* get_if() const
    {
        return layer_.template get_if<L>();
    }

    constexpr std::string_view class_name() const { return layer_.class_name(); }
    // The name given with `.name = ...`; empty when Keras would pick one.
    constexpr std::string_view given_name() const { return layer_.given_name(); }
    // The batch input shape the layer's keyword arguments declare (input_shape, batch_input_shape, ...).
    constexpr std::optional<Shape> declared_input() const { return layer_.rules().declared_input(layer_); }
    constexpr Shapes output_shapes(std::span<const Shape> inputs) const { return layer_.output_shapes(inputs); }
    constexpr Params params(std::span<const Shape> inputs) const { return layer_.params(inputs); }
    // A model's call: output shapes, then weights, which must fit `built` (those of the layer's first
    // call, if it was called); the shape rule runs once.
    constexpr detail::LayerCall call(std::span<const Shape> inputs, const Params* built = nullptr) const
    {
        return layer_.call(inputs, built);
    }
    // A Sequential's call on one tensor (detail::single_call_rule): its first output and how many it gave.
    constexpr detail::SingleCall single_call(const Shape& input) const
    {
        return detail::as_single(layer_.call({&input, 1}, nullptr));
    }
    // MACs and FLOPs of a call (analysis/layer_costs.hpp).
    constexpr Cost cost(std::span<const Shape> inputs, std::span<const Shape> outputs) const
    {
        return layer_.rules().cost(layer_, inputs, outputs);
    }
    // What a summary row shows of the layer's own arguments.
    constexpr detail::LayerArguments arguments() const { return layer_.rules().arguments(layer_); }

    // Calls `f` with the layer as its own class (Conv2D, Dense, ...): for rules beyond shapes and weights
    // (costs, receptive fields) that overload on the class.
    template <class F>
    constexpr decltype(auto) visit(F&& f) const
    {
        return detail::visit(std::forward<F>(f), layer_);
    }
    // Trait<the layer's class>::value, looked up in a table.
    template <template <class> class Trait>
    constexpr bool class_has() const
    {
        return detail::class_flags<Trait, Variant>[layer_.index()];
    }
    // Op::of(the layer as its own class, args...): a rule written as a struct with a static `of` template
    // is compiled once per class, where a lambda given to visit is compiled once per class and call site.
    template <class Op, class R, class... A>
    constexpr R apply(const A&... args) const
    {
        return detail::apply<Op, R>(layer_, args...);
    }

    // Index of the layer's class among all layer classes: a key for per-class name counters.
    constexpr std::size_t class_index() const { return layer_.index(); }
    template <class L>
        requires holds<L>
    static constexpr std::size_t class_index_of = Variant::template index_of_type<L>;
    // The index of the class named `name`, class_count if none: a wrapper's layer's class, found when a
    // wrapper is added (a table from every class a wrapper can hold would compile in every program).
    static constexpr std::size_t class_index_named(std::string_view name)
    {
        std::size_t i = 0;
        while (i < class_count && detail::class_names<Variant>[i] != name) ++i;
        return i;
    }
    static constexpr std::size_t class_count = Variant::size;

private:
    Variant layer_;
};

using Layer = BasicLayer<>;

// How a Sequential<> and a functional Graph hold a built-in layer: the value of its own class, out of line
// (a Layer is as large as its largest class), with Layer's queries (is, get_if, class_name, visit, ...);
// `value()` gives it as a Layer.
using StoredLayer = detail::StoredLayer<Layer>;

// Keras numbers automatic names per class: one counter per layer class, and one for functional Models.
template <class LayerT = Layer>
class NameCounters {
public:
    // Keras names a layer when it is made: a layer made unnamed to be wrapped (TimeDistributed(LSTM(8)))
    // takes its class's next number before its wrapper does, though no summary shows its name.
    // `layer`: a LayerT, or a StoredLayer (how a Sequential<> and a Graph hold one).
    template <class AnyLayer>
    constexpr void count_wrapped(const AnyLayer& layer)
    {
        // Most layers wrap none: one comparison of class indices each, before any cast.
        const std::size_t c = layer.class_index();
        if (c != LayerT::template class_index_of<TimeDistributed> &&
            c != LayerT::template class_index_of<SpectralNormalization> &&
            c != LayerT::template class_index_of<Bidirectional>)
            return;
        if (const auto* t = layer.template get_if<TimeDistributed>()) count_unnamed(t->layer);
        if (const auto* s = layer.template get_if<SpectralNormalization>()) count_unnamed(s->layer);
        if (const auto* b = layer.template get_if<Bidirectional>()) {
            count_unnamed(b->layer);
            if (b->backward_layer) count_unnamed(*b->backward_layer);
        }
    }
    template <class AnyLayer>
    constexpr std::int64_t next(const AnyLayer& layer)
    {
        return ++layers_[layer.class_index()];
    }
    constexpr std::int64_t count_of_class(std::size_t class_index) const { return layers_.at(class_index); }
    constexpr std::int64_t next_model() { return ++models_; }
    // Continues numbering after another session's layers, as one Keras session would.
    constexpr void add(const NameCounters& other)
    {
        for (std::size_t i = 0; i < layers_.size(); ++i) layers_[i] = detail::checked_add(layers_[i], other.layers_[i]);
        models_ = detail::checked_add(models_, other.models_);
    }

private:
    // A wrapper's layer (a variant of some of the classes): its class's counter, if it has no name.
    template <class... T>
    constexpr void count_unnamed(const detail::LayerVariant<T...>& inner)
    {
        if (inner.given_name().empty()) ++layers_.at(LayerT::class_index_named(inner.class_name()));
    }

    std::array<std::int64_t, LayerT::class_count> layers_{};
    std::int64_t models_ = 0;
};

} // namespace nnshape
