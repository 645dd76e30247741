#pragma once
// MACs and FLOPs of each layer call of a model and of the whole forward pass, per sample or for a
// batch, at compile time and at run time. Not part of nnshape.hpp: include it where costs are used.
// Each class's rule, and the convention they follow, is in analysis/layer_costs.hpp.

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "../layer.hpp"
#include "../trace.hpp"
#include "layer_costs.hpp"

namespace nnshape {

struct CostOptions {
    std::int64_t batch_size = 1; // the size of a None batch axis: 1 gives per-sample costs
};

struct ModelCost {
    std::vector<Cost> calls; // parallel to trace(model).calls
    Cost total;
};

// The cost of one call of `trace`, on its tensors as the pass runs them (Trace::run_shape). A Graph's
// custom layer has an unknown cost.
template <class LayerT>
constexpr Cost call_cost(const Trace<LayerT>& trace, const TracedCall<LayerT>& call, const CostOptions& options = {})
{
    detail::require(options.batch_size > 0, "CostOptions: batch_size must be a positive integer");
    if (call.reshape) return {}; // a TimeDistributed model's: its model's calls carry the cost
    if (!call.layer) return detail::unknown_cost;
    const std::vector<Shape> traced = trace.input_shapes(call);
    try {
        const std::vector<Shape> in = trace.run_shapes(trace.inputs_of(call), options.batch_size);
        const std::vector<Shape> out = trace.run_shapes(trace.outputs_of(call), options.batch_size);
        return call.layer->cost(std::span<const Shape>(in), std::span<const Shape>(out));
    } catch (const shape_error& e) { // an overflowing count: say which layer, as shape errors do
        detail::rethrow_in_context(e, call.class_name(), call.name.render().view(), traced);
    }
}

template <class LayerT>
constexpr ModelCost cost(const Trace<LayerT>& trace, const CostOptions& options = {})
{
    ModelCost m{};
    for (const TracedCall<LayerT>& call : trace.calls) {
        m.calls.push_back(call_cost(trace, call, options));
        m.total = m.total + m.calls.back();
    }
    return m;
}

constexpr ModelCost cost(const Model& model, const CostOptions& options = {}) { return cost(trace(model), options); }

template <std::size_t N, detail::layer_values LayerT>
constexpr ModelCost cost(const Sequential<N, LayerT>& model, const CostOptions& options = {})
{
    return cost(trace(model), options);
}

} // namespace nnshape
