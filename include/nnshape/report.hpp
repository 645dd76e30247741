#pragma once
// A model's summary as a value: one row per layer in Keras's `model.layers` order (with the rows of
// nested models under theirs when expanded), every call's input and output shapes, weights, connections,
// compute cost and activation bytes, and the totals. Built in constant evaluation as well as at run
// time; the text summaries (summary.hpp) and the JSON/CSV writers (export.hpp) render it.

#include <cstddef>
#include <cstdint>
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
};

// Keras's `name[node_index][tensor_index]` of one inbound tensor.
struct Connection {
    Name layer;
    std::int32_t node_index;
    std::int32_t tensor_index;
};

struct ReportRow {
    Name name;
    std::string_view class_name;
    std::int32_t depth = 0; // nesting level under expand_nested
    bool is_model = false;
    bool trainable = true; // the layer's own flag (a frozen outer model also freezes it: see params)
    bool has_weights = false;
    Params params{};
    Shape kernel_size{}; // a convolution's kernel_size or a pooling's pool_size; rank 0 for other layers
    std::vector<std::vector<Shape>> input_shapes; // per call made in this model
    std::vector<Shapes> output_shapes; // per call made in this model
    std::vector<Connection> connections; // of every call made in this model
    Dim macs = 0, flops = 0, activation_bytes = 0; // summed over its calls (a model: over its layers' calls)
};

struct Report {
    Name name;
    bool sequential_like = true;
    bool is_sequential = false; // a Sequential (Keras 3 lists no InputLayer among its layers)
    std::vector<ReportRow> rows;
    Params params{};
    ParamBytes param_bytes{};
    Cost cost{};
    ActivationMemory activations{};
    std::int64_t batch_size = 1;
    DType dtype = DType::float32;
};

namespace detail {

template <class AnyLayer>
constexpr Shape kernel_size_of(const AnyLayer& layer)
{
    return layer.visit([](const auto& l) {
        Shape s;
        if constexpr (requires { l.kernel_size.product(); })
            for (std::int64_t k : l.kernel_size) s.push_back(k);
        else if constexpr (requires { l.pool_size.product(); })
            for (std::int64_t k : l.pool_size) s.push_back(k);
        return s;
    });
}

// Each layer's costs and activation bytes summed over its calls, for all rows at once (each row
// searching every call made a report quadratic in the model's size). A nested model's entry sums
// every call inside its calls.
class LayerCosts {
public:
    template <class LayerT>
    constexpr LayerCosts(const Trace<LayerT>& t, const ModelCost& costs, const ActivationMemory& memory)
    {
        for (std::size_t c = 0; c < t.calls.size(); ++c) {
            const Sum call{costs.calls[c].macs, costs.calls[c].flops, memory.per_call[c]};
            add(t.calls[c].index, call);
            for (std::int32_t s = t.calls[c].scope; s >= 0; s = t.scopes[std::size_t(s)].parent)
                add(t.scopes[std::size_t(s)].layer, call);
        }
    }

    // Layer `index` (a Graph layer, or a Sequential position): its calls' sums into `row`.
    constexpr void fill(ReportRow& row, std::int32_t index) const
    {
        const Sum s = std::size_t(index) < sums_.size() ? sums_[std::size_t(index)] : Sum{};
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

    std::vector<Sum> sums_;
};

constexpr void add_totals(Report& r, Params params, const ModelCost& costs, const ReportOptions& options)
{
    r.params = params;
    r.param_bytes = param_bytes(params, options.dtype);
    r.cost = costs.total;
    r.batch_size = options.batch_size;
    r.dtype = options.dtype;
}

struct ReportBuilder {
    const Graph& g;
    const ReportOptions& options;
    const LayerCosts& costs;
    Report& report;

    // The rows of the layers of the model at Graph layer `model`, at nesting `depth`.
    constexpr void add_rows(std::int32_t model, std::int32_t depth)
    {
        const ModelData& m = g.model_data(g.layer(model).model);
        for (std::int32_t index : m.layers) {
            const GraphLayer& l = g.layer(index);
            ReportRow row;
            row.name = l.name.render(options.naming);
            row.class_name = l.name.class_name;
            row.depth = depth;
            row.is_model = l.model >= 0;
            if (l.layer) row.kernel_size = kernel_size_of(*l.layer);
            row.trainable = l.trainable;
            row.params = row.is_model ? g.model_params(index) : l.params;
            row.has_weights = row.params.total() > 0;
            for (std::int32_t id : g.nodes_of(index)) {
                if (!std::ranges::binary_search(m.nodes, id)) continue;
                const Node& n = g.node(id);
                std::vector<Shape> ins;
                for (const TensorRef& r : g.inputs(n)) {
                    const Node& from = g.node(r.node);
                    ins.push_back(from.outputs[std::size_t(r.index)]);
                    row.connections.push_back(
                        {g.layer(from.layer).name.render(options.naming), from.node_index, r.index});
                }
                row.input_shapes.push_back(std::move(ins));
                row.output_shapes.push_back(n.outputs);
            }
            costs.fill(row, index);
            report.rows.push_back(std::move(row));
            if (options.expand_nested && l.model >= 0) add_rows(index, depth + 1);
        }
    }
};

} // namespace detail

constexpr Report report(const Model& model, const ReportOptions& options = {})
{
    Report r;
    r.name = model.name(options.naming);
    r.sequential_like = model.sequential_like();
    const Trace<> t = trace(model);
    const ModelCost costs = cost(t, {.batch_size = options.batch_size});
    r.activations = activation_memory(t, {.batch_size = options.batch_size, .dtype = options.dtype});
    const detail::LayerCosts by_layer(t, costs, r.activations);
    detail::ReportBuilder{model.graph(), options, by_layer, r}.add_rows(model.as_layer().index(), 0);
    detail::add_totals(r, model.params(), costs, options);
    return r;
}

template <std::size_t N, class LayerT>
constexpr Report report(const Sequential<N, LayerT>& model, const ReportOptions& options = {})
{
    Report r;
    r.name = Name("sequential");
    r.is_sequential = true;
    const Trace<LayerT> t = trace(model);
    const ModelCost costs = cost(t, {.batch_size = options.batch_size});
    r.activations = activation_memory(t, {.batch_size = options.batch_size, .dtype = options.dtype});
    const detail::LayerCosts by_layer(t, costs, r.activations);
    const auto layers = model.layers();
    for (std::size_t i = 0; i < layers.size(); ++i) {
        const auto& l = layers[i];
        ReportRow row;
        row.name = l.name.render(options.naming);
        row.class_name = l.layer.class_name();
        row.trainable = l.layer.visit([](const auto& x) {
            if constexpr (requires { x.trainable; }) return bool(x.trainable);
            return true;
        });
        row.kernel_size = detail::kernel_size_of(l.layer);
        row.params = l.params;
        row.has_weights = l.params.total() > 0;
        row.output_shapes.push_back(Shapes{l.output_shape});
        if (i > 0) {
            row.input_shapes.push_back({layers[i - 1].output_shape});
            row.connections.push_back({layers[i - 1].name.render(options.naming), 0, 0});
        } else if (!l.layer.template is<InputLayer>()) {
            row.input_shapes.push_back({model.input_shape()});
        }
        by_layer.fill(row, std::int32_t(i));
        r.rows.push_back(std::move(row));
    }
    detail::add_totals(r, model.params(), costs, options);
    return r;
}

} // namespace nnshape
