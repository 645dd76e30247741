#pragma once
// Where Sequentials meet models. Keras's `Sequential([base_model, GlobalAveragePooling2D(), Dense(1)])`
// is Sequential<N, Model>: a functional Model of class Sequential, a chain of calls in the Graph of
// its first model (one session, as in Keras) or in a Graph of its own. A Sequential of layer values
// called on tensors, or held by a Sequential with models, becomes such a model in that Graph.

#include <cstddef>
#include <optional>
#include <span>
#include <type_traits>
#include <utility>

#include "functional.hpp"
#include "sequential.hpp"
#include "time_distributed_model.hpp"

namespace nnshape {

namespace detail {

template <class T>
struct is_sequential : std::false_type {};
template <std::size_t N, class LayerT>
struct is_sequential<Sequential<N, LayerT>> : std::true_type {};
template <class T>
struct is_layer_value : std::false_type {};
template <class... Custom>
struct is_layer_value<BasicLayer<Custom...>> : std::true_type {};
template <class LayerT>
struct is_layer_value<StoredLayer<LayerT>> : std::true_type {};

// A model a Sequential can hold: a Model (Sequential<N, Model> among them) or a Sequential of layers.
template <class T>
concept nestable_model = std::is_same_v<T, Model> || is_sequential<T>::value;
// What makes a Sequential one that holds models: a model, a TimeDistributed of one, or Keras 3's
// `keras.Input(...)` tensor as its first element (Sequential.add takes the tensor's InputLayer), which
// puts it in that Graph.
template <class T>
concept graph_backed_element =
    nestable_model<T> || std::is_same_v<T, TimeDistributedModel> || std::is_same_v<T, Tensor>;
// What a Sequential that holds models takes: models, layers and an Input tensor.
template <class T>
concept sequential_element = graph_backed_element<T> || is_layer_value<T>::value || BuiltinLayer<T> || CustomLayer<T>;

// Keras 3's Sequential.add takes a tensor made by keras.Input as that tensor's InputLayer, and refuses
// any other tensor (it is no layer).
constexpr void require_input_tensor(const Tensor& t)
{
    const GraphLayer& made_by = t.graph().layer(t.graph().node(t.node()).layer);
    require(made_by.layer && made_by.layer->is<InputLayer>(),
            "Sequential: Only instances of `keras.Layer` can be added to a Sequential model; a tensor only as its "
            "first element, and only one made by Input (its InputLayer)");
}

// The InputLayer Keras's Sequential.add makes before its first layer: named `<first layer>_input`
// (automatic in the rare case that name would not fit).
constexpr InputLayer sequential_input(const Shape& batch_shape, const Name& first)
{
    InputLayer in{.batch_shape = batch_shape};
    if (first.size() + 6 <= Name::capacity) in.name = Name(first).append("_input");
    return in;
}

// A layer after the first, added to `g` to be called.
template <class L>
constexpr SharedLayer add_layer_value(GraphCore& g, const L& layer)
{
    if constexpr (is_layer_value<L>::value) {
        return layer.visit([&](const auto& l) { return add_layer_value(g, l); });
    } else if constexpr (std::is_same_v<L, InputLayer> || std::is_same_v<L, Tensor>) {
        if constexpr (std::is_same_v<L, Tensor>) require_input_tensor(layer);
        require(false, "Sequential: an InputLayer can only be its first layer");
        return {&g, -1};
    } else {
        return g.add(layer);
    }
}

// The layer as an InputLayer, or null.
constexpr const InputLayer* as_input_layer(const auto& layer)
{
    using L = std::remove_cvref_t<decltype(layer)>;
    if constexpr (is_layer_value<L>::value)
        return layer.template get_if<InputLayer>();
    else if constexpr (std::is_same_v<L, InputLayer>)
        return &layer;
    else
        return nullptr;
}

constexpr std::optional<Shape> declared_input_of(const auto& layer)
{
    if constexpr (is_layer_value<std::remove_cvref_t<decltype(layer)>>::value)
        return layer.declared_input();
    else
        return declared_input(layer);
}

constexpr Tensor single_output(const Tensors& out)
{
    require(out.size() == 1, "Sequential: All layers in a Sequential model should have a single output tensor.");
    return out[0];
}

// Sequential `s` of layer values as a model of Graph `g` (class Sequential, its layers named in `g`),
// built on `input_shape` unless its first layer declares its own.
template <std::size_t N, class LayerT>
constexpr Model nest_sequential(GraphCore& g, const Sequential<N, LayerT>& s, const Shape& input_shape)
{
    const auto layers = s.layers();
    require(!layers.empty(), "Sequential: a Sequential with no layers cannot be called or nested");
    std::optional<Tensor> input, x;
    std::size_t i = 0;
    if (layers[0].layer.template is<InputLayer>()) {
        input = x = g.input(*layers[0].layer.template get_if<InputLayer>());
        i = 1;
    }
    for (; i < layers.size(); ++i) {
        const SharedLayer l = add_layer_value(g, layers[i].layer);
        if (!input) {
            const Shape shape = s.built() ? s.input_shape() : input_shape;
            input = x = g.input(sequential_input(shape, LayerView(&g, l.index()).name()));
        }
        x = single_output(l(*x));
    }
    return {&g, g.sequential(*input, *x, s.args())};
}

// A model called as the next layer of a Sequential whose output so far is `x`.
constexpr Tensor call_nested(const Model& m, const Tensor& x) { return single_output(m(x)); }
template <std::size_t N, class LayerT>
constexpr Tensor call_nested(const Sequential<N, LayerT>& s, const Tensor& x)
{
    if constexpr (std::is_same_v<LayerT, Model>)
        return single_output(Model(s)(x));
    else
        return single_output(nest_sequential(x.graph(), s, x.shape())(x));
}

} // namespace detail

// A Sequential whose layers include models (Keras's transfer learning: `Sequential{base_model,
// GlobalAveragePooling2D{}, Dense{.units = 1}}`), deduced when a Model or Sequential is among the
// constructor's arguments. It is a Model of class Sequential: pass it wherever a Model goes. Copies
// refer to the same model, as Python references do. Its input comes from its first layer: a model's
// input, an InputLayer, a tensor made by Input (`Sequential{Input(g, {.shape = {28, 28, 1}}), ...}`,
// Keras 3's `Sequential([keras.Input(...), ...])`: the Sequential is built in that tensor's Graph), or a
// layer's input_shape / batch_input_shape.
template <std::size_t N>
class Sequential<N, Model> {
public:
    constexpr Sequential() = default;
    constexpr explicit Sequential(ModelArgs args) : args_(std::move(args)) {}
    template <class... L>
        requires(sizeof...(L) > 0 && (detail::sequential_element<L> && ...))
    constexpr Sequential(L... layers)
    {
        (add(std::move(layers)), ...);
    }
    template <class... L>
        requires(sizeof...(L) > 0 && (detail::sequential_element<L> && ...))
    constexpr Sequential(ModelArgs args, L... layers) : args_(std::move(args))
    {
        (add(std::move(layers)), ...);
    }
    // A Sequential in Graph `g`'s session: its layers' automatic names are numbered after the layers
    // already made there, as Keras numbers the models of one program.
    template <class... L>
        requires(detail::sequential_element<L> && ...)
    constexpr Sequential(Graph& g, ModelArgs args, L... layers) : graph_(&g.core()),
                                                                  args_(std::move(args))
    {
        (add(std::move(layers)), ...);
    }
    template <class... L>
        requires(detail::sequential_element<L> && ...)
    constexpr Sequential(Graph& g, L... layers) : Sequential(g, ModelArgs{}, std::move(layers)...)
    {
    }

    // Keras's `model.add(layer_or_model)`. A layer whose rule fails leaves the model as it was (its
    // automatic name taken, as in Keras).
    template <class L>
        requires detail::sequential_element<L>
    constexpr void add(const L& layer)
    {
        if (index_ < 0) {
            start(layer);
            return;
        }
        const detail::ModelData& m = data();
        const Tensor input(graph_.get(), m.inputs[0].node, m.inputs[0].index);
        const Tensor output(graph_.get(), m.outputs[0].node, m.outputs[0].index);
        Tensor next = output;
        if constexpr (detail::nestable_model<L>) {
            next = detail::call_nested(layer, output);
        } else if constexpr (std::is_same_v<L, TimeDistributedModel>) {
            next = detail::single_output(TimeDistributedModel(layer)(output));
        } else {
            next = detail::single_output(detail::add_layer_value(*graph_, layer)(output));
        }
        graph_->sequential(input, next, args_, index_);
    }

    constexpr bool built() const { return index_ >= 0; }
    constexpr operator Model() const { return model(); }
    constexpr Model model() const
    {
        detail::require(built(), "Sequential: This model has not yet been built: add a first layer with an input "
                                 "shape, an InputLayer or a model.");
        return {graph_.get(), index_};
    }

    // Keras's `model(x)`: a call with the model's weights, which every call shares.
    constexpr Tensors operator()(const Tensors& inputs) const { return model()(inputs); }
    constexpr Tensors operator()(const Tensors& inputs, const CallArgs& args) const { return model()(inputs, args); }
    constexpr std::vector<LayerView> layers() const { return model().layers(); }
    constexpr Params params() const { return model().params(); }
    constexpr std::int64_t count_params() const { return params().total(); }
    constexpr Shape input_shape() const { return model().input_shapes()[0]; }
    constexpr Shape output_shape() const { return model().output_shape(); }
    constexpr Name name(Naming style = keras2) const { return model().name(style); }

private:
    constexpr const detail::ModelData& data() const { return graph_->model_data(graph_->layer(index_).model); }

    // The first layer: it gives the model its Graph and its input.
    template <class L>
    constexpr void start(const L& layer)
    {
        if constexpr (std::is_convertible_v<const L&, Model>) {
            const Model m(layer);
            if (!graph_.get()) graph_ = detail::GraphRef(&m.graph());
            const Tensors inputs = m.inputs();
            detail::require(inputs.size() == 1, "Sequential: its first model must have a single input tensor");
            const Tensor input = graph_->input(detail::sequential_input(inputs[0].shape(), m.name()));
            index_ = graph_->sequential(input, detail::call_nested(m, input), args_);
        } else if constexpr (std::is_same_v<L, Tensor>) {
            detail::require_input_tensor(layer);
            if (!graph_.get()) graph_ = detail::GraphRef(&layer.graph());
            detail::require(graph_.get() == &layer.graph(),
                            "Sequential: its Input tensor must be of the Graph the Sequential is built in");
            index_ = graph_->sequential(layer, layer, args_);
        } else if constexpr (detail::is_sequential<L>::value) {
            use_own_graph();
            const Tensor input = graph_->input(detail::sequential_input(layer.input_shape(), layer.name()));
            index_ = graph_->sequential(input, detail::call_nested(layer, input), args_);
        } else if (const InputLayer* declared = detail::as_input_layer(layer)) {
            use_own_graph();
            const Tensor input = graph_->input(*declared);
            index_ = graph_->sequential(input, input, args_);
        } else {
            const std::optional<Shape> shape = detail::declared_input_of(layer);
            detail::require(shape.has_value(),
                            "Sequential: a Sequential that holds models needs its input shape "
                            "from its first layer (input_shape, batch_input_shape or an InputLayer)");
            use_own_graph();
            const SharedLayer first = add_first(layer);
            const Name first_name = LayerView(graph_.get(), first.index()).name();
            const Tensor input = graph_->input(detail::sequential_input(*shape, first_name));
            index_ = graph_->sequential(input, detail::single_output(first(input)), args_);
        }
    }

    // The first layer, made before the InputLayer named after it.
    template <class L>
    constexpr SharedLayer add_first(const L& layer)
    {
        if constexpr (std::is_same_v<L, TimeDistributedModel>) {
            return detail::add_time_distributed(*graph_, layer);
        } else {
            return detail::add_layer_value(*graph_, layer);
        }
    }

    constexpr void use_own_graph()
    {
        if (!graph_.get()) graph_ = detail::GraphRef(new detail::GraphCore);
    }

    detail::GraphRef graph_; // the session: the Graph given, or the first model's, or one of its own
    std::int32_t index_ = -1;
    ModelArgs args_{};
};

template <class... L>
    requires(sizeof...(L) > 0 && (detail::sequential_element<L> && ...) && (detail::graph_backed_element<L> || ...))
Sequential(L...) -> Sequential<std::dynamic_extent, Model>;
template <class... L>
    requires(sizeof...(L) > 0 && (detail::sequential_element<L> && ...) && (detail::graph_backed_element<L> || ...))
Sequential(ModelArgs, L...) -> Sequential<std::dynamic_extent, Model>;
template <class... L>
Sequential(Graph&, ModelArgs, L...) -> Sequential<std::dynamic_extent, Model>;
template <class... L>
    requires(detail::sequential_element<L> && ...)
Sequential(Graph&, L...) -> Sequential<std::dynamic_extent, Model>;

template <std::size_t N, class LayerT>
constexpr Tensors Sequential<N, LayerT>::operator()(const Tensors& inputs) &
{
    if (!called_.get()) {
        detail::require(inputs.size() == 1, "Sequential: called on one tensor, as its first layer takes one");
        const Model made = detail::nest_sequential(inputs.graph(), *this, inputs.shape());
        called_ = detail::GraphRef(&made.graph());
        called_index_ = made.as_layer().index();
    }
    return Model(called_.get(), called_index_)(inputs);
}

template <std::size_t N, class LayerT>
constexpr Tensors Sequential<N, LayerT>::operator()(const Tensors& inputs) &&
{
    return (*this)(inputs); // a temporary: no later call to share with
}

template <std::size_t N, class LayerT>
constexpr Tensors Sequential<N, LayerT>::operator()(const Tensors& inputs, const CallArgs& args) &
{
    return (*this)(detail::with_call_args(false, inputs, args));
}

template <std::size_t N, class LayerT>
constexpr Tensors Sequential<N, LayerT>::operator()(const Tensors& inputs, const CallArgs& args) &&
{
    return (*this)(inputs, args);
}

template <std::size_t N, class LayerT>
constexpr Model Sequential<N, LayerT>::as_model() const
{
    return Sequential<std::dynamic_extent, Model>(*this).model();
}

} // namespace nnshape
