#pragma once
// A model's summary as a value: one row per layer in Keras's `model.layers` order (with the rows of
// nested models under theirs when expanded), every call's input and output shapes, weights, connections,
// compute cost and activation bytes, what a diagram's labels show, and the totals. Built in constant
// evaluation as well as at run time; the text summaries (summary.hpp), the JSON/CSV writers
// (export.hpp) and the Graphviz diagrams (plot.hpp) render it.

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "analysis/flops.hpp"
#include "analysis/memory.hpp"
#include "functional.hpp"
#include "sequential.hpp"
#include "trace.hpp"

namespace nnshape {

struct ReportOptions {
    Naming naming = keras2;
    bool expand_nested = false; // rows for the layers of nested models, under the model's row
    std::int64_t batch_size = 1; // for costs and activation bytes: replaces a None batch axis
    DType dtype = DType::float32;
    // The analyses: MACs, FLOPs and activation bytes, per row and in total. Without them (false) they
    // are None, and the model is not traced for them: a plain summary prints none of them.
    bool costs = true;
    // The rows' inbound side: ReportRow::input_shapes and connections. Without them (false) they are
    // empty: a summary asks for them only when it prints them (`Connected to`, an input-shape column).
    bool inputs = true;
    // ReportRow::layer_input_shapes and layer_output_shapes (plot_model's labels); None without them,
    // as in a summary, which prints neither.
    bool layer_shapes = true;
};

// Keras's `name[node_index][tensor_index]` of one inbound tensor, and the id of that layer's row.
struct Connection {
    Name layer;
    std::int32_t node_index;
    std::int32_t tensor_index;
    std::int32_t layer_id = -1;
};

struct ReportRow {
    Name name;
    Name class_name; // an OpaqueLayer's: the Keras class it stands for
    // The layer's identity, the same in every row that shows it: its index in the Graph; in a
    // Sequential its place among the layers, counting the InputLayer Keras adds (Report::implicit_input).
    std::int32_t id = 0;
    std::int32_t depth = 0; // nesting level under expand_nested
    bool is_model = false;
    bool trainable = true; // the layer's own flag (a frozen outer model also freezes it: see params)
    bool has_weights = false;
    // An OpaqueLayer (layers/opaque.hpp): its shapes and weights are stated facts (a file's), not
    // nnshape's rules; summaries mark it `(from file)`.
    bool from_file = false;
    Params params{};
    Shape kernel_size{}; // a convolution's kernel_size or a pooling's pool_size; rank 0 for other layers
    std::vector<std::vector<Shape>> input_shapes; // per call made in this model
    std::vector<Shapes> output_shapes; // per call made in this model
    std::vector<Connection> connections; // of every call made in this model
    Dim macs = 0, flops = 0, activation_bytes = 0; // summed over its calls (a model: over its layers' calls)
    // For diagrams (tf.keras's plot_model labels):
    std::optional<ActivationName> activation{}; // the activation argument (None reads `linear`) of a layer with one
    std::string_view
        wrapped_class{}; // a wrapper's layer (TimeDistributed, Bidirectional): its class ("Model" for a Model)
    Name wrapped_name{}; // and the name given to it
    // Keras's layer.input_shape and layer.output_shape: the shapes every call of the layer agrees on,
    // calls in other models included (an InputLayer's inputs are its outputs, as for its Node); a
    // model's own input and output tensors. None where the calls disagree (Keras raises).
    std::optional<std::vector<Shape>> layer_input_shapes{};
    std::optional<std::vector<Shape>> layer_output_shapes{};
};

struct Report {
    Name name;
    bool sequential_like = true;
    bool is_sequential = false; // a Sequential (Keras 3 lists no InputLayer among its layers)
    std::vector<ReportRow> rows;
    // A Sequential whose first layer declares the input shape: Keras adds an InputLayer before it,
    // named `<first layer>_input`. Not in model.layers, so not a row; plot_model draws it, with id 0
    // and the first row's input shapes.
    bool implicit_input = false;
    std::int32_t input_id = 0; // the id of that InputLayer (a Graph's Sequential: its index in the Graph)
    Name input_name{}; // a Graph's Sequential: that InputLayer's name
    Params params{};
    ParamBytes param_bytes{};
    Cost cost{};
    ActivationMemory activations{};
    std::int64_t batch_size = 1;
    DType dtype = DType::float32;
};

namespace detail {

// What a row shows of the layer's own arguments: kernel size, trainable flag, activation, wrapped layer.
template <class AnyLayer>
constexpr void add_arguments(ReportRow& row, const AnyLayer& layer)
{
    const LayerArguments a = layer.arguments();
    row.kernel_size = a.kernel_size;
    row.trainable = a.trainable;
    if (a.keras_class) {
        row.class_name = *a.keras_class;
        row.from_file = true;
    }
    row.activation = a.activation;
    row.wrapped_class = a.wrapped_class;
    row.wrapped_name = a.wrapped_name;
}

constexpr std::vector<Shape> tensor_shapes(const GraphCore& g, std::span<const NodeOutput> refs)
{
    std::vector<Shape> shapes;
    for (const NodeOutput& r : refs) shapes.push_back(g.outputs(g.node(r.node))[std::size_t(r.index)]);
    return shapes;
}

// Keras's Node.input_shapes of Graph node `n`: an Input's node lists its outputs.
constexpr std::vector<Shape> node_input_shapes(const GraphCore& g, const Node& n)
{
    if (n.input_count == 0) return {g.outputs(n).begin(), g.outputs(n).end()};
    return tensor_shapes(g, g.inputs(n));
}

// ReportRow::layer_input_shapes / layer_output_shapes of Graph layer `index`, whose calls are `nodes`.
constexpr void add_layer_shapes(ReportRow& row, const GraphCore& g, std::int32_t index,
                                std::span<const std::int32_t> nodes)
{
    if (const GraphLayer& l = g.layer(index); l.model >= 0) {
        const ModelData& m = g.model_data(l.model);
        row.layer_input_shapes = tensor_shapes(g, m.inputs);
        row.layer_output_shapes = tensor_shapes(g, m.outputs);
        return;
    }
    if (nodes.empty()) return;
    const Node& first = g.node(nodes[0]);
    std::vector<Shape> inputs = node_input_shapes(g, first);
    bool inputs_agree = true, outputs_agree = true;
    for (std::int32_t id : nodes.subspan(1)) {
        const Node& n = g.node(id);
        inputs_agree = inputs_agree && node_input_shapes(g, n) == inputs;
        outputs_agree = outputs_agree && std::ranges::equal(g.outputs(n), g.outputs(first));
    }
    if (inputs_agree) row.layer_input_shapes = std::move(inputs);
    if (outputs_agree) row.layer_output_shapes = std::vector<Shape>(g.outputs(first).begin(), g.outputs(first).end());
}

// Each layer's costs and activation bytes summed over its calls, for all rows at once (each row
// searching every call made a report quadratic in the model's size). A nested model's entry sums
// every call inside its calls.
class LayerCosts {
public:
    // Not computed: every row's costs are None.
    constexpr LayerCosts() = default;
    template <class LayerT>
    constexpr LayerCosts(const Trace<LayerT>& t, const ModelCost& costs, const ActivationMemory& memory)
        : computed_(true)
    {
        for (std::size_t c = 0; c < t.calls.size(); ++c) {
            const Sum call{costs.calls[c].macs, costs.calls[c].flops, memory.per_call[c]};
            add(t.calls[c].index, call);
            for (std::int32_t s = t.calls[c].scope; s >= 0; s = t.scopes[std::size_t(s)].parent)
                if (t.scopes[std::size_t(s)].layer != t.calls[c].index) // a TimeDistributed model's fold: once
                    add(t.scopes[std::size_t(s)].layer, call);
        }
    }

    // Layer `index` (a Graph layer, or a Sequential position): its calls' sums into `row`.
    constexpr void fill(ReportRow& row, std::int32_t index) const
    {
        const Sum s = !computed_                          ? Sum{None, None, None}
                      : std::size_t(index) < sums_.size() ? sums_[std::size_t(index)]
                                                          : Sum{};
        row.macs = s.macs;
        row.flops = s.flops;
        row.activation_bytes = s.activation_bytes;
    }

private:
    struct Sum {
        Dim macs = 0, flops = 0, activation_bytes = 0;
    };

    constexpr void add(std::int32_t index, const Sum& call)
    {
        if (sums_.size() <= std::size_t(index)) sums_.resize(std::size_t(index) + 1);
        Sum& s = sums_[std::size_t(index)];
        s = {s.macs + call.macs, s.flops + call.flops, s.activation_bytes + call.activation_bytes};
    }

    bool computed_ = false;
    std::vector<Sum> sums_;
};

// The report's analyses of `model` (its totals into `r`, each layer's sums returned), when the options
// ask for them; else None throughout.
template <class M>
constexpr LayerCosts analyses(Report& r, const M& model, const ReportOptions& options)
{
    if (!options.costs) {
        r.cost = {None, None};
        return {};
    }
    const auto t = trace(model);
    const ModelCost costs = cost(t, {.batch_size = options.batch_size});
    r.cost = costs.total;
    r.activations = activation_memory(t, {.batch_size = options.batch_size, .dtype = options.dtype});
    return LayerCosts(t, costs, r.activations);
}

constexpr void add_totals(Report& r, Params params, const ReportOptions& options)
{
    r.params = params;
    r.param_bytes = param_bytes(params, options.dtype);
    r.batch_size = options.batch_size;
    r.dtype = options.dtype;
}

struct ReportBuilder {
    const GraphCore& g;
    const ReportOptions& options;
    const LayerCosts& costs;
    Report& report;

    // Keras's index of call `n` among its layer's calls. Keras 2 and tf.keras give a model a node of its
    // own when it is made (keras/engine/functional.py _init_graph_network), so its first call is [1];
    // Keras 3 makes nodes only for calls (keras/src/ops/node.py), so there it is [0]. nnshape records the
    // Keras 2 node; a model's connections come from its calls, never from that node.
    constexpr std::int32_t keras_node_index(const Node& n, Naming naming) const
    {
        const bool keras3_model_call = g.layer(n.layer).model >= 0 && detail::keras3_names(naming) && n.node_index > 0;
        return keras3_model_call ? n.node_index - 1 : n.node_index;
    }

    // The rows of the layers of the model at Graph layer `model`, at nesting `depth`.
    constexpr void add_rows(std::int32_t model, std::int32_t depth)
    {
        const ModelData& m = g.model_data(g.layer(model).model);
        for (std::int32_t index : m.layers) {
            const GraphLayer& l = g.layer(index);
            ReportRow row;
            const LayerName name = g.layer_name(index);
            row.name = name.render(options.naming);
            row.class_name = name.class_in(options.naming);
            row.depth = depth;
            row.id = index;
            row.is_model = l.model >= 0;
            if (l.layer) add_arguments(row, *l.layer);
            if (l.wrapped_model >= 0) { // a TimeDistributed model
                row.wrapped_class = g.layer_name(l.wrapped_model).class_name;
                row.wrapped_name = g.layer_name(l.wrapped_model).render(options.naming);
            }
            row.trainable = l.trainable;
            row.params = g.layer_params(index);
            row.has_weights = row.params.total() > 0;
            const std::vector<std::int32_t> calls = g.nodes_of(index);
            if (options.layer_shapes) add_layer_shapes(row, g, index, calls);
            for (std::int32_t id : calls) {
                if (!std::ranges::binary_search(m.nodes, id)) continue;
                const Node& n = g.node(id);
                row.output_shapes.emplace_back(g.outputs(n));
                if (!options.inputs) continue;
                std::vector<Shape> ins;
                for (const NodeOutput& r : g.inputs(n)) {
                    const Node& from = g.node(r.node);
                    ins.push_back(g.outputs(from)[std::size_t(r.index)]);
                    if (m.sequential && std::ranges::find(m.layers, from.layer) == m.layers.end())
                        continue; // from the Sequential's InputLayer, which is not among its layers
                    row.connections.push_back({g.layer_name(from.layer).render(options.naming),
                                               keras_node_index(from, options.naming), r.index, from.layer});
                }
                row.input_shapes.push_back(std::move(ins));
            }
            costs.fill(row, index);
            report.rows.push_back(std::move(row));
            if (options.expand_nested && l.model >= 0) add_rows(index, depth + 1);
        }
    }
};

// A model's report: a template (of the model's type) so that a program linking nnshape::compiled
// takes the run-time instantiation from the library (the extern declarations at the end).
template <std::same_as<Model> M>
constexpr Report model_report(const M& model, const ReportOptions& options)
{
    Report r;
    r.name = model.name(options.naming);
    r.sequential_like = model.sequential_like();
    const detail::GraphCore& g = model.graph();
    if (const detail::ModelData& m = g.model_data(g.layer(model.as_layer().index()).model); m.sequential) {
        r.is_sequential = r.implicit_input = true;
        r.input_id = g.node(m.inputs[0].node).layer;
        r.input_name = g.layer_name(r.input_id).render(options.naming);
    }
    const detail::LayerCosts by_layer = detail::analyses(r, model, options);
    r.rows.reserve(g.model_data(g.layer(model.as_layer().index()).model).layers.size());
    detail::ReportBuilder{g, options, by_layer, r}.add_rows(model.as_layer().index(), 0);
    detail::add_totals(r, model.params(), options);
    return r;
}

} // namespace detail

constexpr Report report(const Model& model, const ReportOptions& options = {})
{
    return detail::model_report(model, options);
}

template <std::size_t N, detail::layer_values LayerT>
constexpr Report report(const Sequential<N, LayerT>& model, const ReportOptions& options = {})
{
    Report r;
    r.name = model.name(options.naming);
    r.is_sequential = true;
    const detail::LayerCosts by_layer = detail::analyses(r, model, options);
    const auto layers = model.layers();
    r.rows.reserve(layers.size());
    const Shape& input = model.input_shape();
    r.implicit_input = !layers[0].layer.template is<InputLayer>();
    const std::int32_t first_id = r.implicit_input ? 1 : 0;
    for (std::size_t i = 0; i < layers.size(); ++i) {
        const auto& l = layers[i];
        ReportRow& row = r.rows.emplace_back(); // made in place: a row is 512 bytes before its lists
        row.name = l.name(options.naming);
        row.class_name = l.layer.class_name();
        row.id = first_id + std::int32_t(i);
        detail::add_arguments(row, l.layer);
        row.params = l.params;
        row.has_weights = l.params.total() > 0;
        row.output_shapes.emplace_back(l.output_shape); // made in place: a Shapes is 584 bytes
        const Shape& in = i > 0 ? layers[i - 1].output_shape : input; // an InputLayer's is its output
        if (options.inputs && (i > 0 || r.implicit_input)) row.input_shapes.push_back({in});
        if (options.inputs && i > 0) row.connections.push_back({r.rows[i - 1].name, 0, 0, row.id - 1});
        if (options.layer_shapes) {
            row.layer_input_shapes = std::vector<Shape>{in};
            row.layer_output_shapes = std::vector<Shape>{l.output_shape};
        }
        by_layer.fill(row, std::int32_t(i));
    }
    detail::add_totals(r, model.params(), options);
    return r;
}

#ifdef NNSHAPE_COMPILED_LIBRARY
// A program that links nnshape::compiled (src/compiled.cpp) takes these run-time instantiations from the
// library instead of compiling them; constant evaluation still instantiates them where it needs them.
extern template Report detail::model_report(const Model&, const ReportOptions&);
extern template Report report(const Sequential<>&, const ReportOptions&);
#endif

} // namespace nnshape
