#pragma once
// The functional API: a Graph holds layers and the calls made on tensors; `Input(graph, ...)` gives a
// tensor, calling a layer on tensors gives tensors, and `Model{inputs, outputs}` is a model that can
// itself be called like a layer (a shared sub-model).
//
// The Graph plays the part of Keras's backend session: it numbers the layers' automatic names and
// records every call. Its records (detail::GraphCore) are shared by the Graph and by every tensor,
// layer handle and model made in it, so that any of them may outlive the Graph: a Model returned
// from the function that built it is a value, as a Keras model is. Beneath this API: what the
// Graph records (detail/graph_records.hpp) and the passes that build a Model's order from it
// (detail/model_passes.hpp).

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "detail/graph_core.hpp"

namespace nnshape {

// A functional model's session: `Graph g; auto x = Input(g, {.shape = {32}}); ...`. Tensors, shared
// layers and models made in it share its records and stay valid after it is gone.
class Graph {
public:
    constexpr Graph() : core_(new detail::GraphCore) {}
    Graph(const Graph&) = delete; // one Graph, one session: share its tensors and models instead
    Graph& operator=(const Graph&) = delete;

    // Keras's `Input(shape=..., batch_size=..., batch_shape=..., name=...)`.
    constexpr Tensor input(const InputLayer& args) { return core_->input(args); }
    // A layer to call several times with shared weights (Keras: `shared = LSTM(64)`).
    template <class L>
        requires BuiltinLayer<L> || CustomLayer<L>
    constexpr SharedLayer add(const L& layer)
    {
        return core_->add(layer);
    }
    constexpr Model model(const Tensors& inputs, const Tensors& outputs, ModelArgs args = {});

    constexpr detail::GraphCore& core() const { return *core_; }

private:
    detail::GraphRef core_;
};

// Keras's `Input(...)`: `auto x = Input(graph, {.shape = {None, None, 3}});`
constexpr Tensor Input(Graph& graph, const InputLayer& args) { return graph.input(args); }
// An input in the Graph of existing tensors: `Input(x.graph(), {...})`.
constexpr Tensor Input(detail::GraphCore& graph, const InputLayer& args) { return graph.input(args); }

// ---- definitions --------------------------------------------------------------------------------

namespace detail {

constexpr bool takes_initial_state(const GraphLayer& callee)
{
    return callee.layer && callee.layer->class_has<has_initial_state_call>();
}

// The inputs a call with call arguments records: a recurrent layer's initial states follow its
// sequence. Other layers and models take `training` only; Keras raises a TypeError (an unexpected
// keyword argument) for the others.
constexpr Tensors with_call_args(bool recurrent, const Tensors& inputs, const CallArgs<Tensors>& args)
{
    if (recurrent) return sequence_and_states(inputs, args);
    require(args.initial_state.size() == 0 && args.constants.size() == 0,
            "call arguments: initial_state and constants are call arguments of the recurrent layers only (RNN, "
            "SimpleRNN, LSTM, GRU, CuDNNLSTM, CuDNNGRU, ConvLSTM1D/2D/3D, Bidirectional); other layers and models "
            "take training");
    return inputs;
}

// A layer called on tensors: added to their Graph and called there.
template <class L>
constexpr Tensors call_on(const L& layer, const Tensors& inputs)
{
    GraphCore& g = inputs.graph();
    return g.call(g.add_index(layer), inputs);
}
template <class L>
constexpr Tensors call_on(const L& layer, const Tensor& input)
{
    GraphCore& g = input.graph();
    return g.call(g.add_index(layer), &input, 1);
}
template <class L>
constexpr Tensors call_on(const L& layer, const Tensors& inputs, const CallArgs<Tensors>& args)
{
    GraphCore& g = inputs.graph();
    const std::int32_t index = g.add_index(layer);
    return g.call(index, with_call_args(takes_initial_state(g.layer(index)), inputs, args));
}

} // namespace detail

constexpr Model Graph::model(const Tensors& inputs, const Tensors& outputs, ModelArgs args)
{
    return core_->model(inputs, outputs, args);
}

namespace detail {

// Calls layer `index` of Graph records `owner` on `inputs`, in the inputs' Graph.
constexpr Tensors call_in_inputs_graph(const GraphRef& owner, std::int32_t index, const Tensors& inputs)
{
    if (inputs.size() == 0) return owner->call(index, inputs); // the layer's own rule says what it needs
    GraphCore& here = inputs.graph();
    // Not `?:` on two Tensors: GCC 12 destroys such a class prvalue twice in constant evaluation.
    const std::int32_t local = &here == owner.get() ? index : here.import(owner, index);
    return here.call(local, inputs);
}

} // namespace detail

constexpr Tensors SharedLayer::operator()(const Tensors& inputs) const
{
    return detail::call_in_inputs_graph(graph_, index_, inputs);
}
constexpr Tensors SharedLayer::operator()(const Tensors& inputs, const CallArgs& args) const
{
    return (*this)(detail::with_call_args(detail::takes_initial_state(graph_->layer(index_)), inputs, args));
}

namespace detail {
constexpr void require_query_value_key(const GraphLayer& callee)
{
    require(callee.layer && callee.layer->class_has<takes_query_value_key>(),
            "SharedLayer: only MultiHeadAttention and GroupQueryAttention take query, value and key as separate "
            "tensors; call other layers on a list of tensors");
}
} // namespace detail

constexpr Tensors SharedLayer::operator()(const Tensor& query, const Tensor& value) const
{
    detail::require_query_value_key(graph_->layer(index_));
    return (*this)(Tensors{query, value});
}
constexpr Tensors SharedLayer::operator()(const Tensor& query, const Tensor& value, const Tensor& key) const
{
    detail::require_query_value_key(graph_->layer(index_));
    return (*this)(Tensors{query, value, key});
}

constexpr Model::Model(const Tensors& inputs, const Tensors& outputs, ModelArgs args)
    : Model(inputs.graph().model(inputs, outputs, args))
{
}

constexpr Tensors Model::operator()(const Tensors& inputs) const
{
    return detail::call_in_inputs_graph(graph_, index_, inputs);
}
constexpr Tensors Model::operator()(const Tensors& inputs, const CallArgs& args) const
{
    return (*this)(detail::with_call_args(false, inputs, args));
}

constexpr const detail::ModelData& Model::data() const { return graph_->model_data(graph_->layer(index_).model); }

constexpr std::vector<LayerView> Model::layers() const
{
    const detail::FixedList<std::int32_t>& layers = data().layers;
    std::vector<LayerView> out;
    out.reserve(layers.size()); // no reallocation: each move of a LayerView counts its Graph up and down
    for (std::int32_t l : layers) out.emplace_back(graph_.get(), l);
    return out;
}

constexpr Params Model::params() const { return graph_->model_params(index_); }
constexpr void Model::set_trainable(bool trainable) const { graph_->set_trainable(index_, trainable); }
constexpr bool Model::trainable() const { return graph_->layer(index_).trainable; }
namespace detail {

constexpr Tensors tensors_of(GraphCore* g, std::span<const NodeOutput> refs)
{
    std::vector<Tensor> out;
    out.reserve(refs.size());
    for (const NodeOutput& r : refs) out.emplace_back(g, r.node, r.index);
    return Tensors(std::move(out));
}

constexpr Shapes shapes_of(const GraphCore& g, std::span<const NodeOutput> refs)
{
    Shapes out;
    for (const NodeOutput& r : refs) out.push_back(g.output(r.node, r.index));
    return out;
}

} // namespace detail

constexpr Tensors Model::inputs() const { return detail::tensors_of(graph_.get(), data().inputs); }
constexpr Tensors Model::outputs() const { return detail::tensors_of(graph_.get(), data().outputs); }
constexpr Shapes Model::input_shapes() const
{
    const detail::ModelData& m = data();
    detail::require(m.inputs.size() <= Shapes::capacity,
                    "Model: input_shapes() holds at most 8 shapes; read a model with more inputs from inputs()");
    return detail::shapes_of(*graph_, m.inputs);
}
constexpr Shapes Model::output_shapes() const
{
    const detail::ModelData& m = data();
    detail::require(m.outputs.size() <= Shapes::capacity,
                    "Model: output_shapes() holds at most 8 shapes; read a model with more outputs from outputs()");
    return detail::shapes_of(*graph_, m.outputs);
}
constexpr Shape Model::output_shape() const
{
    const detail::ModelData& m = data();
    detail::require(m.outputs.size() == 1, "Model: the model has several outputs; use output_shapes()");
    return graph_->output(m.outputs[0].node, m.outputs[0].index);
}
constexpr bool Model::sequential_like() const { return data().sequential_like; }
constexpr std::span<const std::int32_t> Model::nodes() const { return data().nodes; }

constexpr Name LayerView::name(Naming style) const { return graph_->layer_name(index_).render(style); }
constexpr std::string_view LayerView::class_name() const { return graph_->layer_name(index_).class_name; }
constexpr const StoredLayer* LayerView::layer() const
{
    const auto& l = graph_->layer(index_).layer;
    return l ? &*l : nullptr;
}
template <class L>
    requires BuiltinLayer<L> || CustomLayer<L>
constexpr const L* LayerView::get_if() const
{
    const detail::GraphLayer& l = graph_->layer(index_);
    if constexpr (BuiltinLayer<L>)
        return l.layer ? l.layer->get_if<L>() : nullptr;
    else
        return l.custom ? l.custom->get_if<L>() : nullptr;
}
constexpr bool LayerView::is_model() const { return graph_->layer(index_).model >= 0; }
constexpr Model LayerView::model() const
{
    detail::require(is_model(), "LayerView: this layer is not a Model");
    return {graph_.get(), index_};
}
constexpr std::vector<std::int32_t> LayerView::nodes() const { return graph_->nodes_of(index_); }
constexpr std::optional<Shapes> LayerView::output_shapes() const
{
    const auto ids = nodes();
    if (ids.empty()) return std::nullopt;
    const std::span<const Shape> first = graph_->outputs(graph_->node(ids[0]));
    for (std::int32_t id : ids)
        if (!std::ranges::equal(graph_->outputs(graph_->node(id)), first)) return std::nullopt;
    return Shapes(first);
}
constexpr Params LayerView::params() const { return graph_->layer_params(index_); }
constexpr std::optional<Model> LayerView::wrapped_model() const
{
    const std::int32_t wrapped = graph_->layer(index_).wrapped_model;
    if (wrapped < 0) return std::nullopt;
    return Model(graph_.get(), wrapped);
}

} // namespace nnshape
