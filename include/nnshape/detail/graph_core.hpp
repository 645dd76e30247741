#pragma once
// What a functional Graph is beneath its handles: detail::GraphCore records the layers, the calls made
// on tensors and the models (detail/graph_records.hpp), numbers automatic names, takes in the records
// of another Graph whose model is called here, and runs a nested model on new shapes.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "../handles.hpp"
#include "model_passes.hpp"

namespace nnshape {

namespace detail {

// What a Graph records, with the operations on it; shared (GraphRef) by the Graph and everything made in it.
// A template (GraphCore is its one instance) only so that a program linking nnshape::compiled takes its
// run-time code from the library (the extern declaration below) instead of compiling it.
template <class Unused>
class BasicGraphCore {
public:
    constexpr BasicGraphCore() = default;
    BasicGraphCore(const BasicGraphCore&) = delete;
    BasicGraphCore& operator=(const BasicGraphCore&) = delete;
    // Defined out of line so that the extern declaration covers it, and the records' destructors with it.
    constexpr ~BasicGraphCore();

    // Keras's `Input(shape=..., batch_size=..., batch_shape=..., name=...)`.
    constexpr Tensor input(const InputLayer& args);

    // A layer to call several times with shared weights (Keras: `shared = LSTM(64)`).
    template <class L>
        requires BuiltinLayer<L> || CustomLayer<L>
    constexpr SharedLayer add(const L& layer)
    {
        return {this, add_index(layer)};
    }
    // The same layer added, as its index: what a layer called once on this Graph's tensors needs (a
    // SharedLayer would count a reference to the records up and down).
    template <class L>
        requires BuiltinLayer<L> || CustomLayer<L>
    constexpr std::int32_t add_index(const L& layer)
    {
        if constexpr (BuiltinLayer<L>)
            return add_builtin(layer, layer.trainable);
        else
            return register_layer(new Boxed<L>(layer), layer.name, -1, layer.trainable);
    }

    constexpr Model model(const Tensors& inputs, const Tensors& outputs, ModelArgs args = {});
    // Keras's Sequential as a functional model from `input` to `output`, a chain of layer calls: class
    // Sequential, no InputLayer among its layers. With `index` >= 0 the Sequential at that index, not
    // yet called, takes the longer chain (Keras's Sequential.add rebuilds its graph network).
    constexpr std::int32_t sequential(const Tensor& input, const Tensor& output, ModelArgs args,
                                      std::int32_t index = -1);

    constexpr const detail::Node& node(std::int32_t id) const { return records_.node(id); }
    constexpr std::span<const detail::NodeOutput> inputs(const detail::Node& n) const { return records_.inputs(n); }
    constexpr std::span<const Shape> outputs(const detail::Node& n) const { return records_.outputs(n); }
    constexpr const Shape& output(std::int32_t node, std::int32_t index) const { return records_.output(node, index); }
    // The calls of layer `index`, first to last.
    constexpr std::vector<std::int32_t> nodes_of(std::int32_t index) const { return records_.nodes_of(index); }
    constexpr const detail::GraphLayer& layer(std::int32_t index) const { return records_.layer(index); }
    constexpr const detail::ModelData& model_data(std::int32_t model) const { return records_.model(model); }
    // What the name of layer `index` is made of (a view of the records).
    constexpr LayerName layer_name(std::int32_t index) const { return records_.name(index); }

    // Calls layer `index` on `inputs` and records the call.
    constexpr Tensors call(std::int32_t index, const Tensors& inputs)
    {
        return call(index, inputs.begin(), inputs.size());
    }
    // The same on the `count` tensors from `first`: a call on one Tensor makes no Tensors.
    constexpr Tensors call(std::int32_t index, const Tensor* first, std::size_t count);

    // The index here of layer (or model) `index` of another Graph's records `source`. Keras has one
    // session, so a model built in one Graph may be called on another's tensors: on its first such
    // use this Graph takes in a copy of `source`'s records, and names made here afterwards are
    // numbered after `source`'s, as one Keras session numbers them.
    constexpr std::int32_t import(const GraphRef& source, std::int32_t index);

    // Keras's `layer.trainable = ...` on layer (or model) `index`.
    constexpr void set_trainable(std::int32_t index, bool trainable) { records_.layer(index).trainable = trainable; }

    // The unique weights under a model, with trainable ones made non-trainable under a frozen model.
    constexpr Params model_params(std::int32_t model) const;
    // The weights of layer `index`: for a model or a TimeDistributed model, its unique weights.
    constexpr Params layer_params(std::int32_t index) const;

    // Keras's TimeDistributed(model) of the Model at layer `model` (time_distributed_model.hpp): a layer of
    // class TimeDistributed with the model's weights.
    constexpr SharedLayer time_distributed(std::int32_t model, const Name& given, bool trainable);

private:
    // Adds built-in layer `layer`, its value stored at its class's size (a Layer is as large as the largest
    // class), and gives it its automatic name if it has none. The only part compiled per layer class is
    // the layer's storage: the record's append and the naming are not templates.
    template <class L>
    constexpr std::int32_t add_builtin(const L& layer, bool trainable)
    {
        const std::int32_t index = records_.add_layer(nullptr, -1, trainable);
        detail::GraphLayer& added = records_.layer(index);
        added.layer.emplace(layer, &records_.arena());
        name_builtin(added, layer.name);
        return index;
    }
    // Adds a custom layer or, with `model` >= 0, a Model of class `model_class`, and names it.
    constexpr std::int32_t register_layer(const detail::LayerBox* custom, const Name& given, std::int32_t model,
                                          bool trainable, std::string_view model_class = "Model")
    {
        const std::int32_t index = records_.add_layer(custom, model, trainable);
        if (model >= 0) records_.set_own_name(index, given, model_class); // a model holds no layer value
        detail::GraphLayer& added = records_.layer(index);
        added.named = !given.empty();
        if (given.empty()) {
            const std::string_view class_name = custom ? custom->class_name() : model_class;
            added.number.ordinal =
                detail::layer_number(class_name == "Model" ? name_counters_.next_model() : next_custom(class_name));
        }
        return index;
    }
    // The automatic number of a built-in layer just added (Keras names a layer when it is made), unless
    // it was given a name. Apart from the others' naming: every layer call of a model's construction
    // comes here, and each step of it counts against a constant evaluation's budget.
    constexpr void name_builtin(detail::GraphLayer& added, const Name& given);

    constexpr std::int64_t next_custom(std::string_view class_name) { return ++custom_counter(class_name); }
    // How many custom layers (or Sequentials) of this class have been numbered (Keras's uid for its
    // snake-case name).
    constexpr std::int64_t& custom_counter(std::string_view class_name)
    {
        const auto it =
            std::ranges::find(custom_counters_, class_name, &std::pair<std::string_view, std::int64_t>::first);
        return it != custom_counters_.end() ? it->second : custom_counters_.emplace_back(class_name, 0).second;
    }

    constexpr std::optional<Params> flat_params(const detail::ModelData& m) const;
    // Records a call of layer `index` on `inputs` that gave `outputs`: its node and its tensors.
    constexpr Tensors add_call(std::int32_t index, const Tensor* inputs, std::size_t count, const Shapes& outputs);
    constexpr Shapes infer(std::int32_t model, std::span<const Shape> inputs) const;
    constexpr Shapes model_outputs_on(std::int32_t model, std::span<const Shape> inputs) const;
    constexpr Shapes time_distributed_outputs(const detail::GraphLayer& l, std::span<const Shape> inputs) const;
    constexpr std::vector<detail::NodeOutput> model_inputs(const std::vector<Tensor>& inputs,
                                                           const Tensor& first_output) const;
    constexpr std::vector<detail::NodeOutput> model_outputs(const std::vector<Tensor>& outputs) const;
    constexpr detail::ModelData build_model_data(const std::vector<Tensor>& inputs,
                                                 const std::vector<Tensor>& outputs) const;
    constexpr std::int32_t add_model(detail::ModelData data, ModelArgs args, std::string_view model_class);

    detail::GraphRecords records_;
    detail::RecordArray<Shape> scratch_; // the input shapes of the call being made
    NameCounters<> name_counters_{};
    std::vector<std::pair<std::string_view, std::int64_t>> custom_counters_; // by class name, as Keras's uids
    struct Import {
        GraphRef source; // kept alive: its address identifies it
        std::int32_t layer_offset; // where its layers start here
        std::int32_t layer_count; // how many it had when copied
    };
    std::vector<Import> imports_;
    std::int64_t references_ = 0; // GraphRefs to this

    friend constexpr void retain(GraphCore* g);
    friend constexpr void release(GraphCore* g);
};

template <class Unused>
constexpr BasicGraphCore<Unused>::~BasicGraphCore() = default;

#ifdef NNSHAPE_COMPILED_LIBRARY
// A program that links nnshape::compiled (src/compiled.cpp) takes the Graph's run-time code from the
// library; constant evaluation still instantiates what it needs.
extern template class BasicGraphCore<void>;
#endif

constexpr void retain(GraphCore* g)
{
    if (!g) return;
    if (std::is_constant_evaluated())
        ++g->references_;
    else
        __atomic_add_fetch(&g->references_, 1, __ATOMIC_RELAXED);
}

constexpr void release(GraphCore* g)
{
    if (!g) return;
    std::int64_t left = 0;
    if (std::is_constant_evaluated())
        left = --g->references_;
    else
        left = __atomic_sub_fetch(&g->references_, 1, __ATOMIC_ACQ_REL);
    if (left == 0) delete g;
}

} // namespace detail

constexpr const Shape& Tensor::shape() const { return graph_->output(node_, index_); }

namespace detail {

constexpr NodeOutput tensor_ref(const Tensor& t) { return {t.node(), t.index()}; }

} // namespace detail

template <class Unused>
constexpr std::int32_t detail::BasicGraphCore<Unused>::import(const GraphRef& source, std::int32_t index)
{
    auto it = std::ranges::find(imports_, source, &Import::source);
    if (it == imports_.end()) {
        const GraphRecords::Offsets at = records_.append(source->records_);
        name_counters_.add(source->name_counters_);
        for (const auto& [class_name, count] : source->custom_counters_) {
            std::int64_t& mine = custom_counter(class_name);
            mine = checked_add(mine, count);
        }
        imports_.push_back({source, at.layer, std::int32_t(source->records_.layer_count())});
        it = imports_.end() - 1;
    }
    require(index < it->layer_count, "Graph: this layer or model was made in its Graph after that Graph was first "
                                     "used in this one; make it before");
    return it->layer_offset + index;
}

template <class Unused>
constexpr Tensors detail::BasicGraphCore<Unused>::call(std::int32_t index, const Tensor* inputs, std::size_t count)
{
    for (std::size_t i = 0; i < count; ++i) // by index: GCC 12 cannot compare addresses into a temporary
        detail::require(&inputs[i].graph() == this, "Graph: a layer is called on tensors of one Graph");
    // One input's shape is read where the Graph keeps it (the call adds to that list only after its
    // rule has run); several are gathered. From the pointer and size: std::span's constructor from a
    // range costs a constant evaluation more.
    std::span<const Shape> shapes(count == 1 ? &inputs[0].shape() : nullptr, count == 1 ? 1 : 0);
    if (count > 1) {
        scratch_.clear();
        for (std::size_t i = 0; i < count; ++i) scratch_.push_back(inputs[i].shape());
        shapes = {scratch_.data(), scratch_.size()};
    }
    detail::GraphLayer& l = records_.layer(index);
    if (l.model >= 0 || l.wrapped_model >= 0) {
        const Shapes outputs = l.model >= 0 ? model_outputs_on(l.model, shapes) : time_distributed_outputs(l, shapes);
        return add_call(index, inputs, count, outputs);
    }
    // The rule's result recorded where it was made: no Shapes (584 bytes) zeroed and copied per call.
    const detail::LayerCall c = detail::call_stored(l, shapes, l.built ? &l.params : nullptr);
    l.params = c.params;
    l.built = true;
    return add_call(index, inputs, count, c.outputs);
}

template <class Unused>
constexpr Tensors detail::BasicGraphCore<Unused>::add_call(std::int32_t index, const Tensor* inputs, std::size_t count,
                                                           const Shapes& outputs)
{
    for (std::size_t i = 0; i < count; ++i) records_.add_input(detail::tensor_ref(inputs[i]));
    const std::int32_t id = records_.add_node(index, outputs);
    if (outputs.size() == 1) return Tensor(this, id, 0);
    std::vector<Tensor> out;
    for (std::size_t i = 0; i < outputs.size(); ++i) out.emplace_back(this, id, std::int32_t(i));
    return Tensors(std::move(out));
}

// Runs a model's graph on new input shapes, as Keras does when a model is called on new tensors:
// the inner layers get no new nodes, but each must accept its new inputs with its existing weights.
template <class Unused>
constexpr Shapes detail::BasicGraphCore<Unused>::infer(std::int32_t model, std::span<const Shape> inputs) const
{
    const detail::ModelData& m = records_.model(model);
    detail::require(inputs.size() == m.inputs.size(),
                    "Model: called on a different number of tensors than it has inputs");
    const auto position = [&](std::int32_t node) {
        return std::size_t(std::ranges::lower_bound(m.nodes, node) - m.nodes.begin());
    };
    std::vector<Shapes> values(m.nodes.size());
    for (std::size_t i = 0; i < m.nodes.size(); ++i) {
        const detail::Node& n = records_.node(m.nodes[i]);
        const detail::GraphLayer& l = records_.layer(n.layer);
        if (n.input_count == 0) { // one of the model's InputLayers
            const auto in = std::ranges::find(m.inputs, detail::NodeOutput{m.nodes[i], 0});
            values[i] = Shapes{inputs[std::size_t(in - m.inputs.begin())]};
            continue;
        }
        std::vector<Shape> ins;
        for (const detail::NodeOutput& r : records_.inputs(n))
            ins.push_back(values[position(r.node)][std::size_t(r.index)]);
        if (l.model >= 0)
            values[i] = infer(l.model, ins);
        else if (l.wrapped_model >= 0)
            values[i] = time_distributed_outputs(l, ins);
        else
            values[i] = detail::call_stored(l, ins, &l.params).outputs;
    }
    Shapes out;
    for (const detail::NodeOutput& r : m.outputs) out.push_back(values[position(r.node)][std::size_t(r.index)]);
    return out;
}

// Model `model` called on `inputs`: on the shapes it was built on its layers' rules would give the
// shapes they gave then, so those are reused; on others, inferred.
template <class Unused>
constexpr Shapes detail::BasicGraphCore<Unused>::model_outputs_on(std::int32_t model,
                                                                  std::span<const Shape> inputs) const
{
    const detail::ModelData& m = records_.model(model);
    detail::require(m.outputs.size() <= Shapes::capacity,
                    "Model: a model with more than 8 outputs cannot be called on tensors (a call has at most 8)");
    const auto shape_of = [&](const detail::NodeOutput& r) -> const Shape& {
        return outputs(node(r.node))[std::size_t(r.index)];
    };
    if (!std::ranges::equal(m.inputs, inputs, {}, shape_of)) return infer(model, inputs);
    Shapes outputs;
    for (const detail::NodeOutput& r : m.outputs) outputs.push_back(shape_of(r));
    return outputs;
}

// Keras's TimeDistributed rule with a model as the wrapped layer: the model on one step's shape.
template <class Unused>
constexpr Shapes detail::BasicGraphCore<Unused>::time_distributed_outputs(const detail::GraphLayer& l,
                                                                          std::span<const Shape> inputs) const
{
    detail::require(inputs.size() == 1, "TimeDistributed: a TimeDistributed model is called on one tensor");
    const Shape step = detail::time_step_shape(inputs[0]);
    return detail::with_time_axis(model_outputs_on(records_.layer(l.wrapped_model).model, {&step, 1}), inputs[0][1]);
}

template <class Unused>
constexpr Tensor detail::BasicGraphCore<Unused>::input(const InputLayer& args)
{
    return call(add_builtin(args, true), Tensors{})[0];
}

template <class Unused>
constexpr void detail::BasicGraphCore<Unused>::name_builtin(detail::GraphLayer& added, const Name& given)
{
    const nnshape::StoredLayer& layer = *added.layer;
    added.named = !given.empty();
    name_counters_.count_wrapped(layer);
    LayerNumber& number = added.number;
    if (layer.is<TFOpLambda>()) {
        const OpFunction function = layer.value_if<TFOpLambda>()->function;
        if (given.empty()) { // layers/ops.hpp: numbered per TF function and per Keras 3 name
            const std::optional<std::size_t> namesake = detail::class_named_like<Layer>(function);
            number = detail::op_layer_number(function, namesake ? name_counters_.count_of_class(*namesake) : 0,
                                             [&](std::string_view key) { return next_custom(key); });
        } else { // a named operation (a model file's): its name as given, its class per style
            number.op = &detail::names_of(function);
            number.tf_ordinal = 1;
        }
        return;
    }
    if (!given.empty()) return;
    number.ordinal = detail::layer_number(name_counters_.next(layer));
    // No operation numbered under a Keras 3 name yet (size(): fewer steps than empty()'s iterators).
    if (custom_counters_.size() == 0) return;
    const std::string_view shared = detail::op_name_shared_by(layer);
    if (!shared.empty()) number.keras3_offset = detail::layer_number(custom_counter(shared));
}

template <class Unused>
constexpr SharedLayer detail::BasicGraphCore<Unused>::time_distributed(std::int32_t model, const Name& given,
                                                                       bool trainable)
{
    detail::require(records_.model(records_.layer(model).model).inputs.size() == 1,
                    "TimeDistributed: the wrapped model must have a single input (each time step is one tensor)");
    const std::int64_t ordinal = given.empty() ? name_counters_.next(Layer(TimeDistributed{})) : 0;
    const std::int32_t index = records_.add_layer(nullptr, -1, trainable);
    records_.set_own_name(index, given, TimeDistributed::class_name);
    detail::GraphLayer& l = records_.layer(index);
    l.named = !given.empty();
    l.number.ordinal = detail::layer_number(ordinal);
    l.wrapped_model = model;
    return {this, index};
}

// The model's inputs: tensors of this Graph made by Input, each given once.
template <class Unused>
constexpr std::vector<detail::NodeOutput>
detail::BasicGraphCore<Unused>::model_inputs(const std::vector<Tensor>& inputs, const Tensor& first_output) const
{
    std::vector<detail::NodeOutput> refs;
    for (const Tensor& t : inputs) {
        detail::require(&t.graph() == this && &first_output.graph() == this,
                        "Model: inputs and outputs must be tensors of the same Graph");
        const detail::GraphLayer& l = records_.layer(records_.node(t.node()).layer);
        detail::require(l.layer && l.layer->is<InputLayer>(),
                        "Model: Input layers to a Model must be InputLayer objects (tensors made by Input).");
        detail::require(std::ranges::find(refs, detail::tensor_ref(t)) == refs.end(),
                        "Model: The list of inputs passed to the model is redundant.");
        refs.push_back(detail::tensor_ref(t));
    }
    return refs;
}

template <class Unused>
constexpr std::vector<detail::NodeOutput>
detail::BasicGraphCore<Unused>::model_outputs(const std::vector<Tensor>& outputs) const
{
    std::vector<detail::NodeOutput> refs;
    for (const Tensor& t : outputs) {
        detail::require(&t.graph() == this, "Model: inputs and outputs must be tensors of the same Graph");
        refs.push_back(detail::tensor_ref(t));
    }
    return refs;
}

// Keras's Network construction, pass by pass (detail/model_passes.hpp).
template <class Unused>
constexpr detail::ModelData detail::BasicGraphCore<Unused>::build_model_data(const std::vector<Tensor>& inputs,
                                                                             const std::vector<Tensor>& outputs) const
{
    detail::require(!inputs.empty() && !outputs.empty(), "Model: needs at least one input and one output tensor");
    detail::ModelData m;
    m.inputs = model_inputs(inputs, outputs[0]);
    m.outputs = model_outputs(outputs);
    detail::Reached reached = detail::walk_from_outputs(records_, m.outputs);
    const detail::Depths depths = detail::depths_from_outputs(records_, reached.post_order);
    m.nodes = std::move(reached.nodes);
    m.layers = detail::deepest_first(reached.layers, depths.layer);
    detail::require_connected(records_, m.inputs, reached.sources, depths);
    detail::require_unique_names(records_, m.layers);
    m.sequential_like = detail::is_chain(records_, m.nodes, depths.node);
    return m;
}

template <class Unused>
constexpr std::int32_t detail::BasicGraphCore<Unused>::add_model(detail::ModelData data, ModelArgs args,
                                                                 std::string_view model_class)
{
    std::vector<Shape> shapes; // any number: only a call of the model keeps its outputs in a Shapes
    shapes.reserve(data.outputs.size());
    for (const detail::NodeOutput& r : data.outputs) shapes.push_back(output(r.node, r.index));
    const std::int32_t index =
        register_layer(nullptr, args.name, records_.add_model(std::move(data)), args.trainable, model_class);
    // Node 0 is the model's own, as in Keras 2: calls on new tensors are nodes 1, 2, ...
    records_.add_node(index, shapes);
    records_.layer(index).built = true;
    return index;
}

template <class Unused>
constexpr Model detail::BasicGraphCore<Unused>::model(const Tensors& inputs, const Tensors& outputs, ModelArgs args)
{
    return {this, add_model(build_model_data(std::vector<Tensor>(inputs.begin(), inputs.end()),
                                             std::vector<Tensor>(outputs.begin(), outputs.end())),
                            std::move(args), "Model")};
}

template <class Unused>
constexpr std::int32_t detail::BasicGraphCore<Unused>::sequential(const Tensor& input, const Tensor& output,
                                                                  ModelArgs args, std::int32_t index)
{
    detail::ModelData data = build_model_data({input}, {output});
    data.sequential = true;
    data.layers.erase_if([&](std::int32_t l) {
        const auto& layer = records_.layer(l).layer;
        return layer && layer->is<InputLayer>();
    });
    if (index < 0) return add_model(std::move(data), std::move(args), "Sequential");
    detail::GraphLayer& l = records_.layer(index);
    detail::require(l.node_count == 1, "Sequential: a layer cannot be added after the model was called on tensors or "
                                       "nested in another model");
    records_.replace_model(l.model, std::move(data), l.last_node, Shapes{output.shape()});
    return index;
}

// The weights of a model's layers when none is a model (or a TimeDistributed one): each layer once,
// as a model lists it; none otherwise.
template <class Unused>
constexpr std::optional<Params> detail::BasicGraphCore<Unused>::flat_params(const detail::ModelData& m) const
{
    std::int64_t trainable = 0, non_trainable = 0; // two sums: no Params made per layer
    for (std::int32_t l : m.layers) {
        const detail::GraphLayer& layer = records_.layer(l);
        if (layer.model >= 0 || layer.wrapped_model >= 0) return std::nullopt;
        trainable = detail::checked_add(trainable, layer.params.trainable);
        non_trainable = detail::checked_add(non_trainable, layer.params.non_trainable);
    }
    return Params{trainable, non_trainable};
}

template <class Unused>
constexpr Params detail::BasicGraphCore<Unused>::model_params(std::int32_t index) const
{
    const detail::GraphLayer& model = records_.layer(index);
    if (model.model >= 0) { // most models: no walk, each layer listed once
        if (const std::optional<Params> flat = flat_params(records_.model(model.model)))
            return model.trainable ? *flat : Params{0, flat->total()};
    }
    // Each leaf layer once; a layer reached both through a frozen and a trainable path stays trainable.
    enum : std::uint8_t { unseen = 0, frozen = 1, trainable = 2 };
    std::vector<std::uint8_t> reached(records_.layer_count(), unseen);
    struct Item {
        std::int32_t layer;
        bool under_frozen;
    };
    std::vector<Item> stack{{index, false}};
    while (!stack.empty()) {
        const Item item = stack.back();
        stack.pop_back();
        const detail::GraphLayer& l = records_.layer(item.layer);
        const bool is_frozen = item.under_frozen || !l.trainable;
        if (l.wrapped_model >= 0) { // a TimeDistributed model: its model's weights
            stack.push_back({l.wrapped_model, is_frozen});
            continue;
        }
        if (l.model < 0) {
            std::uint8_t& r = reached[std::size_t(item.layer)];
            r = std::max<std::uint8_t>(r, item.under_frozen ? frozen : trainable);
            continue;
        }
        for (std::int32_t inner : records_.model(l.model).layers) stack.push_back({inner, is_frozen});
    }
    Params total{};
    for (std::size_t l = 0; l < reached.size(); ++l) {
        const Params p = records_.layer(std::int32_t(l)).params;
        if (reached[l] != unseen) total = total + (reached[l] == frozen ? Params{0, p.total()} : p);
    }
    return total;
}

template <class Unused>
constexpr Params detail::BasicGraphCore<Unused>::layer_params(std::int32_t index) const
{
    const detail::GraphLayer& l = records_.layer(index);
    return l.model >= 0 || l.wrapped_model >= 0 ? model_params(index) : l.params;
}

} // namespace nnshape
