#pragma once
// detail::LayerVariant<T...>: a Variant of layer classes that carries a pointer to its alternative's
// table of rules (shapes, weights, cost, given name, declared input, summary arguments). The table is made
// where a layer of a class is put into the variant, so a program compiles the rules of the classes it
// uses; a table indexed by the alternative (detail::apply) would compile all ~130 classes' rules in
// every translation unit that calls one, and in every one that includes a non-template caller.

#include <optional>
#include <span>
#include <string_view>
#include <type_traits>

#include "../analysis/layer_costs.hpp"
#include "../layer_args.hpp"
#include "../layers/core.hpp"
#include "../shape.hpp"
#include "rules.hpp"
#include "type_list.hpp"
#include "variant.hpp"

namespace nnshape::detail {

// The keyword arguments through which a layer declares its batch input shape (the first layer of a
// Sequential), gathered from its class, so that the rule below is compiled once, not once per class.
struct InputDeclaration {
    const OptionalShape* batch_input_shape = nullptr;
    const OptionalShape* input_shape = nullptr;
    std::optional<std::int64_t> batch_size{};
    // The class's own arguments: Embedding's input_length (its input is (batch, input_length) even
    // without one), a recurrent layer's input_dim and input_length, Dense's input_dim.
    enum class Own { none, embedding, dim_and_length, dim } own = Own::none;
    std::optional<std::int64_t> input_dim{};
    std::optional<std::int64_t> input_length{};
};

// batch_input_shape, else (batch_size,) + input_shape, else the shape the class's own arguments give.
constexpr std::optional<Shape> declared_input_shape(const InputDeclaration& d)
{
    const Dim batch = d.batch_size ? Dim(*d.batch_size) : None;
    if (*d.batch_input_shape) return *d.batch_input_shape;
    if (*d.input_shape) return Shape::with_batch(batch, {(*d.input_shape)->begin(), (*d.input_shape)->end()});
    const Dim length = d.input_length ? Dim(*d.input_length) : None;
    switch (d.own) {
    case InputDeclaration::Own::embedding:
        return Shape{batch, length};
    case InputDeclaration::Own::dim_and_length:
        if (d.input_dim) return Shape{batch, length, *d.input_dim};
        break;
    case InputDeclaration::Own::dim:
        if (d.input_dim) return Shape{batch, *d.input_dim};
        break;
    case InputDeclaration::Own::none:
        break;
    }
    return std::nullopt;
}

// The batch input shape a layer declares through Keras's keyword arguments: batch_input_shape, else
// (batch_size,) + input_shape, else its own input_dim/input_length; an InputLayer's shape.
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
        InputDeclaration d{
            .batch_input_shape = &l.batch_input_shape, .input_shape = &l.input_shape, .batch_size = l.batch_size};
        if constexpr (std::is_same_v<L, Embedding>) {
            d.own = InputDeclaration::Own::embedding;
            d.input_length = l.input_length;
        } else if constexpr (requires {
                                 l.input_length;
                                 l.input_dim;
                             }) {
            d.own = InputDeclaration::Own::dim_and_length;
            d.input_dim = l.input_dim;
            d.input_length = l.input_length;
        } else if constexpr (requires { l.input_dim; }) {
            d.own = InputDeclaration::Own::dim;
            d.input_dim = l.input_dim;
        }
        return declared_input_shape(d);
    } else {
        return std::nullopt;
    }
}

// What a summary row and a diagram show of a layer's own arguments.
struct LayerArguments {
    Shape kernel_size{}; // a convolution's kernel_size or a pooling's pool_size; rank 0 for other layers
    bool trainable = true;
    std::optional<Name> keras_class{}; // an OpaqueLayer's: the Keras class it stands for
    std::optional<ActivationName> activation{}; // Keras's activations.get(None) is `linear`
    std::string_view wrapped_class{}; // a wrapper's layer: its class
    Name wrapped_name{}; // and the name given to it
};

template <class V>
struct LayerRules {
    LayerCall (*call)(const V&, std::span<const Shape>, const Params*);
    Shapes (*output_shapes)(const V&, std::span<const Shape>);
    Params (*params)(const V&, std::span<const Shape>);
    Cost (*cost)(const V&, std::span<const Shape>, std::span<const Shape>);
    std::string_view (*given_name)(const V&);
    std::optional<Shape> (*declared_input)(const V&);
    LayerArguments (*arguments)(const V&);
};

template <class V, class L>
constexpr const L& alternative(const V& v)
{
    return v.template get<V::template index_of_type<L>>();
}

template <class V, class L>
constexpr LayerCall call_of(const V& v, std::span<const Shape> inputs, const Params* built)
{
    return call_rule::of(alternative<V, L>(v), inputs, built);
}
template <class V, class L>
constexpr Shapes output_shapes_of(const V& v, std::span<const Shape> inputs)
{
    return shape_rule::of(alternative<V, L>(v), inputs);
}
template <class V, class L>
constexpr Params params_of(const V& v, std::span<const Shape> inputs)
{
    return weights_rule::of(alternative<V, L>(v), inputs);
}
template <class V, class L>
constexpr Cost cost_of(const V& v, std::span<const Shape> inputs, std::span<const Shape> outputs)
{
    return any_layer_cost::of(alternative<V, L>(v), inputs, outputs);
}
template <class V, class L>
constexpr std::string_view given_name_of(const V& v)
{
    return alternative<V, L>(v).name.view();
}
template <class V, class L>
constexpr std::optional<Shape> declared_input_of(const V& v)
{
    return declared_input(alternative<V, L>(v));
}
// What a summary row shows of a layer of class L.
template <class L>
constexpr LayerArguments layer_arguments(const L& l)
{
    LayerArguments a;
    if constexpr (requires { l.kernel_size.product(); })
        for (std::int64_t k : l.kernel_size) a.kernel_size.push_back(k);
    else if constexpr (requires { l.pool_size.product(); })
        for (std::int64_t k : l.pool_size) a.kernel_size.push_back(k);
    if constexpr (requires { l.trainable; }) a.trainable = l.trainable;
    if constexpr (requires { l.keras_class; }) a.keras_class = Name(l.keras_class.view());
    if constexpr (requires { l.activation.view(); })
        a.activation = l.activation.empty() ? ActivationName("linear") : l.activation;
    if constexpr (requires { l.layer.rules(); }) { // a wrapper's LayerVariant
        a.wrapped_class = l.layer.class_name();
        a.wrapped_name = Name(l.layer.given_name());
    }
    return a;
}
template <class V, class L>
constexpr LayerArguments arguments_of(const V& v)
{
    return layer_arguments(alternative<V, L>(v));
}

template <class V, class L>
inline constexpr LayerRules<V> rules_of{&call_of<V, L>,     &output_shapes_of<V, L>, &params_of<V, L>,
                                        &cost_of<V, L>,     &given_name_of<V, L>,    &declared_input_of<V, L>,
                                        &arguments_of<V, L>};

template <class... T>
class LayerVariant : public Variant<T...> {
public:
    constexpr LayerVariant()
        requires std::is_default_constructible_v<typename front<T...>::type>
        : LayerVariant(typename front<T...>::type{})
    {
    }
    template <class U>
        requires Variant<T...>::template
    holds<std::remove_cvref_t<U>> constexpr LayerVariant(const U& value)
        : Variant<T...>(value),
          rules_(&rules_of<LayerVariant, std::remove_cvref_t<U>>)
    {
    }

    constexpr const LayerRules<LayerVariant>& rules() const { return *rules_; }
    constexpr std::string_view class_name() const { return class_names<LayerVariant>[this->index()]; }
    constexpr std::string_view given_name() const { return rules_->given_name(*this); }
    constexpr Shapes output_shapes(std::span<const Shape> inputs) const { return rules_->output_shapes(*this, inputs); }
    constexpr Shapes output_shapes(const Shape& input) const
    {
        return output_shapes(std::span<const Shape>(&input, 1));
    }
    constexpr Params params(std::span<const Shape> inputs) const { return rules_->params(*this, inputs); }
    // A model's call: output shapes, then weights that must fit `built` (detail::call_rule).
    constexpr LayerCall call(std::span<const Shape> inputs, const Params* built) const
    {
        return rules_->call(*this, inputs, built);
    }
    constexpr Params params(const Shape& input) const { return params(std::span<const Shape>(&input, 1)); }
    // The cost of a call on `inputs`, its outputs computed here: for the layer a wrapper holds.
    constexpr Cost cost(std::span<const Shape> inputs) const
    {
        const Shapes outputs = output_shapes(inputs);
        return rules_->cost(*this, inputs, outputs);
    }

private:
    const LayerRules<LayerVariant>* rules_;
};

template <class List>
struct layer_variant_of;
template <class... T>
struct layer_variant_of<type_list<T...>> {
    using type = LayerVariant<T...>;
};

} // namespace nnshape::detail
