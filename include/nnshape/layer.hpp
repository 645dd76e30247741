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

#include "detail/rules.hpp"
#include "detail/type_list.hpp"
#include "detail/variant.hpp"
#include "layers/builtin.hpp"
#include "layers/wrappers.hpp"

namespace nnshape {

namespace detail {

using layer_list = concat<builtin_layers, wrapper_layers>::type;

template <class T, class List>
struct contains;
template <class T, class... Ts>
struct contains<T, type_list<Ts...>> : std::bool_constant<(std::is_same_v<T, Ts> || ...)> {};

// The batch input shape the first layer of a Sequential declares through Keras's keyword arguments:
// batch_input_shape, else (batch_size,) + input_shape, else the layer's own input_dim/input_length.
template <class L>
constexpr std::optional<Shape> declared_input(const L& l)
{
    if constexpr (std::is_same_v<L, InputLayer>) {
        return l.output_shape();
    } else if constexpr (requires {
                             l.batch_input_shape;
                             l.input_shape;
                             l.batch_size;
                         }) {
        const Dim batch = l.batch_size ? Dim(*l.batch_size) : None;
        if (l.batch_input_shape) return l.batch_input_shape;
        if (l.input_shape) return Shape::with_batch(batch, {l.input_shape->begin(), l.input_shape->end()});
        if constexpr (std::is_same_v<L, Embedding>) {
            return Shape{batch, l.input_length ? Dim(*l.input_length) : None};
        } else if constexpr (requires {
                                 l.input_length;
                                 l.input_dim;
                             }) {
            if (l.input_dim) return Shape{batch, l.input_length ? Dim(*l.input_length) : None, *l.input_dim};
        } else if constexpr (requires { l.input_dim; }) {
            if (l.input_dim) return Shape{batch, *l.input_dim};
        }
    }
    return std::nullopt;
}

// For detail::apply: a layer's given name and declared input, whatever its class.
struct given_name_of {
    template <class L>
    static constexpr std::string_view of(const L& l)
    {
        return l.name.view();
    }
};
struct declared_input_of {
    template <class L>
    static constexpr std::optional<Shape> of(const L& l)
    {
        return declared_input(l);
    }
};

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
    using Variant = typename detail::variant_of<
        typename detail::concat<detail::layer_list, detail::type_list<Custom...>>::type>::type;

public:
    template <class L>
    static constexpr bool holds = BuiltinLayer<L> || (std::is_same_v<L, Custom> || ...);

    template <class L>
        requires holds<L>
    constexpr BasicLayer(L layer) : layer_(std::move(layer))
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

    constexpr std::string_view class_name() const { return detail::class_names<Variant>[layer_.index()]; }
    // The name given with `.name = ...`; empty when Keras would pick one.
    constexpr std::string_view given_name() const
    {
        return detail::apply<detail::given_name_of, std::string_view>(layer_);
    }
    // The batch input shape the layer's keyword arguments declare (input_shape, batch_input_shape, ...).
    constexpr std::optional<Shape> declared_input() const
    {
        return detail::apply<detail::declared_input_of, std::optional<Shape>>(layer_);
    }
    constexpr Shapes output_shapes(std::span<const Shape> inputs) const
    {
        return detail::apply<detail::shape_rule, Shapes>(layer_, inputs);
    }
    constexpr Params params(std::span<const Shape> inputs) const
    {
        return detail::apply<detail::weights_rule, Params>(layer_, inputs);
    }

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
    static constexpr std::size_t class_count = Variant::size;

private:
    Variant layer_;
};

using Layer = BasicLayer<>;

// Keras numbers automatic names per class: one counter per layer class, and one for functional Models.
template <class LayerT = Layer>
class NameCounters {
public:
    // Keras names a layer when it is made: a layer made unnamed to be wrapped (TimeDistributed(LSTM(8)))
    // takes its class's next number before its wrapper does, though no summary shows its name.
    constexpr void count_wrapped(const LayerT& layer)
    {
        if (const auto* t = layer.template get_if<TimeDistributed>()) count_unnamed(t->layer);
        if (const auto* s = layer.template get_if<SpectralNormalization>()) count_unnamed(s->layer);
        if (const auto* b = layer.template get_if<Bidirectional>()) {
            count_unnamed(b->layer);
            if (b->backward_layer) count_unnamed(*b->backward_layer);
        }
    }
    constexpr std::int64_t next(const LayerT& layer) { return ++layers_[layer.class_index()]; }
    constexpr std::int64_t count(const LayerT& layer) const { return layers_[layer.class_index()]; }
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
    constexpr void count_unnamed(const detail::Variant<T...>& inner)
    {
        constexpr std::size_t counter[] = {LayerT::template class_index_of<T>...};
        if (detail::apply<detail::given_name_of, std::string_view>(inner).empty()) ++layers_[counter[inner.index()]];
    }

    std::array<std::int64_t, LayerT::class_count> layers_{};
    std::int64_t models_ = 0;
};

} // namespace nnshape
