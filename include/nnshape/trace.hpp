#pragma once
// A model's forward pass as a flat list of layer calls on numbered tensors, nested models opened up:
// what the analyses (costs, memory, receptive fields) walk, for Sequential and functional models alike.
//
// A nested model called on tensors of the shapes it was built on reuses the shapes its layers
// recorded; called on other shapes (a sub-model with None dims called on known ones), its layers'
// rules run again on the new shapes, as Keras does when it calls a model on new tensors.

#include <cstdint>
#include <span>
#include <vector>

#include "functional.hpp"
#include "sequential.hpp"

namespace nnshape {

// One call of a layer (never of a Model: a nested model's calls are listed in its place). A
// TimeDistributed model's call is three steps, as Keras runs it: a `reshape` call of the wrapper that
// folds the time axis into the batch, in the scope of its model (TracedScope::repeats), the model's
// calls there, and a `reshape` call that unfolds the time axis, in the wrapper's own scope.
template <class LayerT = StoredLayer>
struct TracedCall {
    const LayerT* layer = nullptr; // the layer, unless it is a Graph's custom layer
    const detail::LayerBox* custom = nullptr; // a Graph's custom layer
    LayerName name{}; // a view of the model's records
    std::int32_t index = -1; // the layer's position: LayerView{&graph, index}, or Sequential::layers()[index]
    std::int32_t node = -1; // the Graph node this call is, or repeats inside a nested model; -1 in a Sequential
    std::int32_t depth = 0; // 0 for the model's own layers, 1 inside a nested model, ...
    std::int32_t scope = -1; // the nested-model call it belongs to (Trace::scopes), -1 for the model's own
    std::int32_t first_input = 0, input_count = 0, first_output = 0, output_count = 0; // into Trace::ids
    bool reshape = false; // a TimeDistributed model's fold or unfold: no layer, no arithmetic

    constexpr std::string_view class_name() const
    {
        return reshape ? TimeDistributed::class_name : layer ? layer->class_name() : custom->class_name();
    }
};

// One call of a nested model: its Graph layer index and the scope it was called in (-1: the model's
// own). A TimeDistributed model's model runs once on (batch · time steps, ...): its `repeats` are
// the time steps, its layer the TimeDistributed.
struct TracedScope {
    std::int32_t layer;
    std::int32_t parent;
    Dim repeats = 1;
};

template <class LayerT = StoredLayer>
struct Trace {
    std::vector<Shape> tensors; // every tensor of the pass, by id
    std::vector<std::int32_t> producer; // the call that makes each tensor; -1 for a Sequential's implicit input
    std::vector<TracedCall<LayerT>> calls; // each after the calls that make its inputs
    std::vector<std::int32_t> ids; // the calls' input and output tensor ids
    std::vector<std::int32_t> inputs; // the model's input tensors
    std::vector<std::int32_t> outputs; // the model's output tensors
    std::vector<TracedScope> scopes; // the nested-model calls, outermost first

    constexpr std::span<const std::int32_t> inputs_of(const TracedCall<LayerT>& c) const
    {
        return {ids.data() + c.first_input, std::size_t(c.input_count)};
    }
    constexpr std::span<const std::int32_t> outputs_of(const TracedCall<LayerT>& c) const
    {
        return {ids.data() + c.first_output, std::size_t(c.output_count)};
    }
    constexpr std::vector<Shape> input_shapes(const TracedCall<LayerT>& c) const { return shapes_of(inputs_of(c)); }
    constexpr std::vector<Shape> output_shapes(const TracedCall<LayerT>& c) const { return shapes_of(outputs_of(c)); }

    // Tensor `id` as the pass runs it: a None batch axis set to `batch_size`, times the repeats of the
    // scopes it is made in (in a TimeDistributed model, Keras's (B · T, ...)).
    constexpr Shape run_shape(std::int32_t id, std::int64_t batch_size) const
    {
        Shape s = tensors[std::size_t(id)];
        if (s.rank() == 0) return s;
        if (!s[0].known()) s[0] = batch_size;
        const std::int32_t made_by = producer[std::size_t(id)];
        for (std::int32_t at = made_by < 0 ? -1 : calls[std::size_t(made_by)].scope; at >= 0;
             at = scopes[std::size_t(at)].parent)
            s[0] = s[0] * scopes[std::size_t(at)].repeats;
        return s;
    }
    constexpr std::vector<Shape> run_shapes(std::span<const std::int32_t> which, std::int64_t batch_size) const
    {
        std::vector<Shape> out;
        for (std::int32_t id : which) out.push_back(run_shape(id, batch_size));
        return out;
    }

    // Records a call whose inputs are `in`, making new tensors of shapes `out`.
    constexpr void add_call(TracedCall<LayerT> c, std::span<const std::int32_t> in, std::span<const Shape> out)
    {
        c.first_input = std::int32_t(ids.size());
        c.input_count = std::int32_t(in.size());
        ids.insert(ids.end(), in.begin(), in.end());
        c.first_output = std::int32_t(ids.size());
        c.output_count = std::int32_t(out.size());
        for (const Shape& s : out) {
            ids.push_back(std::int32_t(tensors.size()));
            tensors.push_back(s);
            producer.push_back(std::int32_t(calls.size()));
        }
        calls.push_back(c);
    }

private:
    constexpr std::vector<Shape> shapes_of(std::span<const std::int32_t> which) const
    {
        std::vector<Shape> out;
        for (std::int32_t id : which) out.push_back(tensors[std::size_t(id)]);
        return out;
    }
};

namespace detail {

constexpr std::vector<std::int32_t> trace_model(const GraphCore& g, std::int32_t model,
                                                std::span<const std::int32_t> in, std::int32_t depth,
                                                std::int32_t scope, Trace<>& t);

// Appends the call `call` of a TimeDistributed model on tensor `in`, see TracedCall, and returns the
// ids of its outputs.
constexpr std::vector<std::int32_t> trace_time_distributed(const GraphCore& g, TracedCall<> call, std::int32_t in,
                                                           Trace<>& t)
{
    const Shape sequence = t.tensors[std::size_t(in)];
    const Shape step = time_step_shape(sequence);
    const GraphLayer& wrapped = g.layer(g.layer(call.index).wrapped_model);
    t.scopes.push_back({call.index, call.scope, sequence[1]});
    TracedCall<> fold = call;
    fold.depth = call.depth + 1;
    fold.scope = std::int32_t(t.scopes.size() - 1);
    t.add_call(fold, {&in, 1}, {&step, 1});
    const std::int32_t folded = t.outputs_of(t.calls.back())[0];
    const std::vector<std::int32_t> steps = trace_model(g, wrapped.model, {&folded, 1}, fold.depth, fold.scope, t);
    Shapes step_outputs;
    for (std::int32_t id : steps) step_outputs.push_back(t.tensors[std::size_t(id)]);
    const Shapes outputs = with_time_axis(step_outputs, sequence[1]);
    t.add_call(call, steps, {outputs.begin(), outputs.end()});
    const auto made = t.outputs_of(t.calls.back());
    return {made.begin(), made.end()};
}

// Appends the calls of Graph model `model` run on tensors `in` (at depth 0: on new input tensors) and
// returns the ids of its outputs. Recursion only follows the nesting of models.
constexpr std::vector<std::int32_t> trace_model(const GraphCore& g, std::int32_t model,
                                                std::span<const std::int32_t> in, std::int32_t depth,
                                                std::int32_t scope, Trace<>& t)
{
    const ModelData& m = g.model_data(model);
    bool recorded = true; // whether the model runs on the shapes it was built on
    for (std::size_t i = 0; i < in.size(); ++i)
        recorded = recorded &&
                   t.tensors[std::size_t(in[i])] == g.outputs(g.node(m.inputs[i].node))[std::size_t(m.inputs[i].index)];

    std::vector<std::int32_t> first(m.nodes.size(), 0); // each node's first output in `out_ids`
    std::vector<std::int32_t> out_ids;
    const auto id_of = [&](const NodeOutput& r) {
        const auto position = std::size_t(std::ranges::lower_bound(m.nodes, r.node) - m.nodes.begin());
        return out_ids[std::size_t(first[position] + r.index)];
    };
    std::vector<std::int32_t> ins;
    std::vector<Shape> in_shapes;
    for (std::size_t i = 0; i < m.nodes.size(); ++i) {
        const std::int32_t id = m.nodes[i];
        const Node& n = g.node(id);
        const GraphLayer& l = g.layer(n.layer);
        first[i] = std::int32_t(out_ids.size());
        ins.clear();
        in_shapes.clear();
        for (const NodeOutput& r : g.inputs(n)) ins.push_back(id_of(r));
        for (std::int32_t x : ins) in_shapes.push_back(t.tensors[std::size_t(x)]);
        TracedCall<> call{l.layer ? &*l.layer : nullptr, l.custom, g.layer_name(n.layer), n.layer, id, depth, scope};
        if (n.input_count == 0 && depth > 0) { // a nested model's input is the tensor it is called on
            const auto k = std::ranges::find(m.inputs, NodeOutput{id, 0}) - m.inputs.begin();
            out_ids.push_back(in[std::size_t(k)]);
        } else if (l.model >= 0) {
            t.scopes.push_back({n.layer, scope});
            const auto inner = std::int32_t(t.scopes.size() - 1);
            const std::vector<std::int32_t> outs = trace_model(g, l.model, ins, depth + 1, inner, t);
            out_ids.insert(out_ids.end(), outs.begin(), outs.end());
        } else if (l.wrapped_model >= 0) {
            call.reshape = true;
            const std::vector<std::int32_t> outs = trace_time_distributed(g, call, ins[0], t);
            out_ids.insert(out_ids.end(), outs.begin(), outs.end());
        } else {
            const Shapes shapes = recorded ? Shapes(g.outputs(n)) : call_stored(l, in_shapes, &l.params).outputs;
            t.add_call(call, ins, {shapes.begin(), shapes.end()});
            const auto made = t.outputs_of(t.calls.back());
            out_ids.insert(out_ids.end(), made.begin(), made.end());
            if (n.input_count == 0) t.inputs.push_back(made[0]);
        }
    }
    std::vector<std::int32_t> outs;
    for (const NodeOutput& r : m.outputs) outs.push_back(id_of(r));
    return outs;
}

} // namespace detail

// The forward pass of a functional model; its InputLayers are calls without inputs.
constexpr Trace<> trace(const Model& model)
{
    Trace<> t;
    t.outputs = detail::trace_model(model.graph(), model.graph().layer(model.as_layer().index()).model, {}, 0, -1, t);
    return t;
}

// The forward pass of a built Sequential: tensor 0 is its input (made by its InputLayer, if it has one).
template <std::size_t N, detail::layer_values LayerT>
constexpr Trace<typename Sequential<N, LayerT>::StoredLayer> trace(const Sequential<N, LayerT>& model)
{
    Trace<typename Sequential<N, LayerT>::StoredLayer> t;
    const Shape input = model.input_shape(); // first: fails for a model that is not built
    const auto layers = model.layers();
    std::size_t i = 0;
    if (!layers.empty() && layers[0].layer.template is<InputLayer>()) {
        t.add_call({&layers[0].layer, nullptr, layers[0].name_parts(), 0}, {}, {&input, 1});
        i = 1;
    } else {
        t.tensors.push_back(input);
        t.producer.push_back(-1);
    }
    t.inputs.push_back(0);
    for (; i < layers.size(); ++i) {
        const std::int32_t previous = std::int32_t(t.tensors.size()) - 1;
        t.add_call({&layers[i].layer, nullptr, layers[i].name_parts(), std::int32_t(i)}, {&previous, 1},
                   {&layers[i].output_shape, 1});
    }
    t.outputs.push_back(std::int32_t(t.tensors.size()) - 1);
    return t;
}

} // namespace nnshape
