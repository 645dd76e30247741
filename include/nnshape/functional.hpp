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

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "detail/graph_records.hpp"
#include "detail/model_passes.hpp"
#include "layer.hpp"
#include "layers/recurrent_call.hpp"
#include "naming.hpp"

namespace nnshape {

class Graph;
class Model;

namespace detail {

class GraphCore;
constexpr void retain(GraphCore* g);
constexpr void release(GraphCore* g);

// A counted reference to a Graph's records: the records live while any Graph, tensor, layer handle or
// model made in them does. The count is atomic at run time, so that threads may share a finished
// model; building one Graph from several threads at once is a data race, as for a std::vector.
class GraphRef {
public:
    constexpr GraphRef() = default;
    constexpr explicit GraphRef(GraphCore* g) : g_(g) { retain(g_); }
    constexpr GraphRef(const GraphRef& other) : g_(other.g_) { retain(g_); }
    constexpr GraphRef(GraphRef&& other) noexcept : g_(std::exchange(other.g_, nullptr)) {}
    constexpr GraphRef& operator=(GraphRef other) noexcept
    {
        std::swap(g_, other.g_);
        return *this;
    }
    constexpr ~GraphRef() { release(g_); }

    constexpr GraphCore* get() const { return g_; }
    constexpr GraphCore* operator->() const { return g_; }
    constexpr GraphCore& operator*() const { return *g_; }
    friend constexpr bool operator==(const GraphRef&, const GraphRef&) = default; // the same records

private:
    GraphCore* g_ = nullptr;
};

} // namespace detail

// One symbolic tensor: output `index` of call (node) `node` of a Graph.
class Tensor {
public:
    constexpr Tensor(detail::GraphCore* graph, std::int32_t node, std::int32_t index)
        : graph_(graph),
          node_(node),
          index_(index)
    {
    }

    constexpr const Shape& shape() const;
    // The records of the Graph this tensor belongs to: `Input(x.graph(), ...)` makes an input beside it.
    constexpr detail::GraphCore& graph() const { return *graph_; }
    constexpr std::int32_t node() const { return node_; }
    constexpr std::int32_t index() const { return index_; }
    friend constexpr bool operator==(const Tensor&, const Tensor&) = default;

private:
    friend class Tensors;
    constexpr Tensor() = default; // only as Tensors' unused inline slot

    detail::GraphRef graph_;
    std::int32_t node_ = -1;
    std::int32_t index_ = -1;
};

// The tensors a layer is called on or returns. Converts to a single Tensor when it holds one.
// One tensor, the common case, is kept inline: a vector would cost an allocation per layer call,
// which is a large share of a constant evaluation's step budget.
class Tensors {
public:
    constexpr Tensors(Tensor t) : one_(t), size_(1) {}
    constexpr Tensors(std::initializer_list<Tensor> list) : Tensors(std::vector<Tensor>(list)) {}
    constexpr explicit Tensors(std::vector<Tensor> list) : size_(list.size())
    {
        if (size_ == 1)
            one_ = list[0];
        else
            many_ = std::move(list);
    }

    constexpr std::size_t size() const { return size_; }
    constexpr const Tensor& operator[](std::size_t i) const
    {
        detail::require(i < size_, "Tensors: index out of range");
        return begin()[i];
    }
    constexpr const Tensor* begin() const { return size_ == 1 ? &one_ : many_.data(); }
    constexpr const Tensor* end() const { return begin() + size_; }

    constexpr operator Tensor() const { return single(); }
    constexpr const Shape& shape() const { return single().shape(); }
    constexpr detail::GraphCore& graph() const { return (*this)[0].graph(); }

private:
    constexpr const Tensor& single() const
    {
        detail::require(size_ == 1, "Tensors: this layer call has several outputs; pick one with [i]");
        return one_;
    }
    Tensor one_{};
    std::vector<Tensor> many_;
    std::size_t size_;
};

// Keras's call arguments after the inputs of a layer or model call (detail::CallArgs):
// `base_model(x, {.training = false})`, `lstm(x, {.initial_state = {h, c}})`.
using CallArgs = detail::CallArgs<Tensors>;

// A layer of a Graph that can be called several times; every call shares its weights.
class SharedLayer {
public:
    constexpr SharedLayer(detail::GraphCore* graph, std::int32_t index) : graph_(graph), index_(index) {}
    constexpr Tensors operator()(const Tensors& inputs) const;
    constexpr Tensors operator()(const Tensors& inputs, const CallArgs& args) const;
    constexpr std::int32_t index() const { return index_; }

private:
    detail::GraphRef graph_;
    std::int32_t index_;
};

// A layer as a model lists it: a plain layer or a nested Model.
class LayerView {
public:
    constexpr LayerView(const detail::GraphCore* graph, std::int32_t index)
        : graph_(const_cast<detail::GraphCore*>(graph)),
          index_(index)
    {
    }

    constexpr Name name(Naming style = keras2) const;
    constexpr std::string_view class_name() const;
    // Keras's isinstance(layer, L); a nested Model is none of the layer classes.
    template <class L>
        requires BuiltinLayer<L> || CustomLayer<L>
    constexpr bool is() const
    {
        return get_if<L>() != nullptr;
    }
    template <class L>
        requires BuiltinLayer<L> || CustomLayer<L>
    constexpr const L* get_if() const;
    // The built-in layer; null for a custom layer or a Model.
    constexpr const Layer* layer() const;
    constexpr bool is_model() const;
    constexpr Model model() const;
    // Keras's `layer.output_shape`: the shapes all its calls agree on; empty where Keras says "multiple".
    constexpr std::optional<Shapes> output_shapes() const;
    constexpr Params params() const;
    constexpr std::int64_t count_params() const { return params().total(); }
    constexpr std::vector<std::int32_t> nodes() const; // ascending node ids
    constexpr std::int32_t index() const { return index_; }

private:
    detail::GraphRef graph_; // only read through
    std::int32_t index_;
};

class Model {
public:
    constexpr Model(const Tensors& inputs, const Tensors& outputs, ModelArgs args = {});
    constexpr Model(detail::GraphCore* graph, std::int32_t index) : graph_(graph), index_(index) {}

    // Calling a Model on new tensors: one more node of this model, no new weights.
    constexpr Tensors operator()(const Tensors& inputs) const;
    constexpr Tensors operator()(const Tensors& inputs, const CallArgs& args) const;

    constexpr std::vector<LayerView> layers() const;
    constexpr Params params() const;
    constexpr std::int64_t count_params() const { return params().total(); }
    constexpr Shapes input_shapes() const;
    constexpr Shapes output_shapes() const;
    constexpr Shape output_shape() const;
    constexpr Name name(Naming style = keras2) const { return as_layer().name(style); }
    // Keras's `model.trainable = False`: the model's weights count as non-trainable wherever it is used,
    // in every copy of this handle (one model, as one Python object).
    constexpr void set_trainable(bool trainable) const;
    constexpr bool trainable() const;
    constexpr LayerView as_layer() const { return {graph_.get(), index_}; }
    // Keras 2's summary picks its short layout for models whose graph is a chain.
    constexpr bool sequential_like() const;
    constexpr std::span<const std::int32_t> nodes() const;
    // The records of the Graph the model was made in: `Input(m.graph(), ...)` makes an input there.
    constexpr detail::GraphCore& graph() const { return *graph_; }

private:
    constexpr const detail::ModelData& data() const;
    detail::GraphRef graph_;
    std::int32_t index_;
};

namespace detail {

// What a Graph records, with the operations on it; shared (GraphRef) by the Graph and everything made in it.
class GraphCore {
public:
    constexpr GraphCore() = default;
    GraphCore(const GraphCore&) = delete;
    GraphCore& operator=(const GraphCore&) = delete;

    // Keras's `Input(shape=..., batch_size=..., batch_shape=..., name=...)`.
    constexpr Tensor input(const InputLayer& args)
    {
        return call(register_layer(Layer(args), nullptr, args.name, -1, true), Tensors{})[0];
    }

    // A layer to call several times with shared weights (Keras: `shared = LSTM(64)`).
    template <class L>
        requires BuiltinLayer<L> || CustomLayer<L>
    constexpr SharedLayer add(L layer)
    {
        const Name given = layer.name; // a copy, not a re-read of its characters
        const bool trainable = layer.trainable;
        if constexpr (BuiltinLayer<L>)
            return {this, register_layer(Layer(std::move(layer)), nullptr, given, -1, trainable)};
        else
            return {this, register_layer(std::nullopt, new Boxed<L>(std::move(layer)), given, -1, trainable)};
    }

    constexpr Model model(const Tensors& inputs, const Tensors& outputs, ModelArgs args = {});
    // Keras's Sequential as a functional model from `input` to `output`, a chain of layer calls: class
    // Sequential, no InputLayer among its layers. With `index` >= 0 the Sequential at that index, not
    // yet called, takes the longer chain (Keras's Sequential.add rebuilds its graph network).
    constexpr std::int32_t sequential(const Tensor& input, const Tensor& output, ModelArgs args,
                                      std::int32_t index = -1);

    constexpr const detail::Node& node(std::int32_t id) const { return records_.node(id); }
    constexpr std::span<const detail::NodeOutput> inputs(const detail::Node& n) const { return records_.inputs(n); }
    // The calls of layer `index`, first to last.
    constexpr std::vector<std::int32_t> nodes_of(std::int32_t index) const { return records_.nodes_of(index); }
    constexpr const detail::GraphLayer& layer(std::int32_t index) const { return records_.layer(index); }
    constexpr const detail::ModelData& model_data(std::int32_t model) const { return records_.model(model); }

    // Calls layer `index` on `inputs` and records the call.
    constexpr Tensors call(std::int32_t index, const Tensors& inputs);

    // The index here of layer (or model) `index` of another Graph's records `source`. Keras has one
    // session, so a model built in one Graph may be called on another's tensors: on its first such
    // use this Graph takes in a copy of `source`'s records, and names made here afterwards are
    // numbered after `source`'s, as one Keras session numbers them.
    constexpr std::int32_t import(const GraphRef& source, std::int32_t index);

    // Keras's `layer.trainable = ...` on layer (or model) `index`.
    constexpr void set_trainable(std::int32_t index, bool trainable) { records_.layer(index).trainable = trainable; }

    // The unique weights under a model, with trainable ones made non-trainable under a frozen model.
    constexpr Params model_params(std::int32_t model) const;

private:
    // Adds a layer (or, with `model` >= 0, a Model of class `model_class`) and gives it its automatic
    // name if it has none.
    constexpr std::int32_t register_layer(std::optional<Layer> layer, const detail::LayerBox* custom, const Name& given,
                                          std::int32_t model, bool trainable, std::string_view model_class = "Model")
    {
        const std::string_view class_name = layer ? layer->class_name() : custom ? custom->class_name() : model_class;
        if (layer) name_counters_.count_wrapped(*layer);
        LayerName name{given, class_name, 0};
        const TFOpLambda* op = layer ? layer->get_if<TFOpLambda>() : nullptr;
        if (name.given.empty() && op) { // layers/ops.hpp: numbered per TF function and per Keras 3 name
            const std::optional<Layer> namesake = detail::layer_named_like<Layer>(op->function);
            name = detail::op_layer_name(op->function, namesake ? name_counters_.count(*namesake) : 0,
                                         [&](std::string_view key) { return next_custom(key); });
        } else if (name.given.empty()) {
            name.ordinal = layer                   ? name_counters_.next(*layer)
                           : class_name == "Model" ? name_counters_.next_model()
                                                   : next_custom(class_name);
            const std::string_view shared = layer && !custom_counters_.empty() ? detail::op_name_shared_by(*layer) : "";
            if (!shared.empty()) name.keras3_offset = custom_counter(shared);
        }
        return records_.add_layer(
            detail::GraphLayer{std::move(layer), custom, name, model, trainable, false, {}, 0, -1});
    }

    constexpr std::int64_t next_custom(std::string_view class_name) { return ++custom_counter(class_name); }
    // How many custom layers (or Sequentials) of this class have been numbered (Keras's uid for its
    // snake-case name).
    constexpr std::int64_t& custom_counter(std::string_view class_name)
    {
        const auto it =
            std::ranges::find(custom_counters_, class_name, &std::pair<std::string_view, std::int64_t>::first);
        return it != custom_counters_.end() ? it->second : custom_counters_.emplace_back(class_name, 0).second;
    }

    constexpr Shapes infer(std::int32_t model, std::span<const Shape> inputs) const;
    constexpr std::vector<detail::NodeOutput> model_inputs(const std::vector<Tensor>& inputs,
                                                           const Tensor& first_output) const;
    constexpr std::vector<detail::NodeOutput> model_outputs(const std::vector<Tensor>& outputs) const;
    constexpr detail::ModelData build_model_data(const std::vector<Tensor>& inputs,
                                                 const std::vector<Tensor>& outputs) const;
    constexpr std::int32_t add_model(detail::ModelData data, ModelArgs args, std::string_view model_class);

    detail::GraphRecords records_;
    std::vector<Shape> scratch_; // the input shapes of the call being made
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
    constexpr SharedLayer add(L layer)
    {
        return core_->add(std::move(layer));
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

constexpr const Shape& Tensor::shape() const { return graph_->node(node_).outputs[std::size_t(index_)]; }

namespace detail {

template <class L>
constexpr Tensors call_on(L layer, const Tensors& inputs)
{
    return inputs.graph().add(std::move(layer))(inputs);
}
template <class L>
constexpr Tensors call_on(L layer, const Tensors& inputs, const CallArgs<Tensors>& args)
{
    return inputs.graph().add(std::move(layer))(inputs, args);
}

constexpr bool takes_initial_state(const GraphLayer& callee)
{
    return callee.layer &&
           callee.layer->visit([](const auto& l) { return TakesInitialState<std::remove_cvref_t<decltype(l)>>; });
}

// The inputs a call with call arguments records: a recurrent layer's initial states follow its
// sequence. Other layers and models take `training` only; Keras raises a TypeError (an unexpected
// keyword argument) for the others.
constexpr Tensors with_call_args(bool recurrent, const Tensors& inputs, const CallArgs<Tensors>& args)
{
    if (recurrent) return sequence_and_states(inputs, args);
    require(args.initial_state.size() == 0 && args.constants.size() == 0,
            "call arguments: initial_state and constants are call arguments of the recurrent layers only (RNN, "
            "SimpleRNN, LSTM, GRU, ConvLSTM1D/2D/3D, Bidirectional); other layers and models take training");
    return inputs;
}

constexpr NodeOutput tensor_ref(const Tensor& t) { return {t.node(), t.index()}; }

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

constexpr std::int32_t detail::GraphCore::import(const GraphRef& source, std::int32_t index)
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

constexpr Tensors detail::GraphCore::call(std::int32_t index, const Tensors& inputs)
{
    scratch_.clear();
    for (const Tensor& t : inputs) {
        detail::require(&t.graph() == this, "Graph: a layer is called on tensors of one Graph");
        scratch_.push_back(t.shape());
    }
    detail::GraphLayer& l = records_.layer(index);
    Shapes outputs;
    if (l.model >= 0) {
        // On the shapes it was built on, its layers' rules would give the shapes they gave then.
        const detail::ModelData& m = records_.model(l.model);
        const auto shape_of = [&](const detail::NodeOutput& r) -> const Shape& {
            return node(r.node).outputs[std::size_t(r.index)];
        };
        if (std::ranges::equal(m.inputs, scratch_, {}, shape_of))
            for (const detail::NodeOutput& r : m.outputs) outputs.push_back(shape_of(r));
        else
            outputs = infer(l.model, scratch_);
    } else {
        const detail::LayerCall c = detail::call_stored(l, scratch_, l.built ? &l.params : nullptr);
        outputs = c.outputs;
        l.params = c.params;
        l.built = true;
    }
    for (const Tensor& t : inputs) records_.add_input(detail::tensor_ref(t));
    const std::int32_t id = records_.add_node(index, outputs);
    if (outputs.size() == 1) return Tensor(this, id, 0);
    std::vector<Tensor> out;
    for (std::size_t i = 0; i < outputs.size(); ++i) out.emplace_back(this, id, std::int32_t(i));
    return Tensors(std::move(out));
}

// Runs a model's graph on new input shapes, as Keras does when a model is called on new tensors:
// the inner layers get no new nodes, but each must accept its new inputs with its existing weights.
constexpr Shapes detail::GraphCore::infer(std::int32_t model, std::span<const Shape> inputs) const
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
        values[i] = l.model >= 0 ? infer(l.model, ins) : detail::call_stored(l, ins, &l.params).outputs;
    }
    Shapes out;
    for (const detail::NodeOutput& r : m.outputs) out.push_back(values[position(r.node)][std::size_t(r.index)]);
    return out;
}

// The model's inputs: tensors of this Graph made by Input, each given once.
constexpr std::vector<detail::NodeOutput> detail::GraphCore::model_inputs(const std::vector<Tensor>& inputs,
                                                                          const Tensor& first_output) const
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

constexpr std::vector<detail::NodeOutput> detail::GraphCore::model_outputs(const std::vector<Tensor>& outputs) const
{
    std::vector<detail::NodeOutput> refs;
    for (const Tensor& t : outputs) {
        detail::require(&t.graph() == this, "Model: inputs and outputs must be tensors of the same Graph");
        refs.push_back(detail::tensor_ref(t));
    }
    return refs;
}

// Keras's Network construction, pass by pass (detail/model_passes.hpp).
constexpr detail::ModelData detail::GraphCore::build_model_data(const std::vector<Tensor>& inputs,
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
    detail::require_connected(records_, m.inputs, depths);
    detail::require_unique_names(records_, m.layers);
    m.sequential_like = detail::is_chain(records_, m.nodes, depths.node);
    return m;
}

constexpr std::int32_t detail::GraphCore::add_model(detail::ModelData data, ModelArgs args,
                                                    std::string_view model_class)
{
    Shapes shapes;
    for (const detail::NodeOutput& r : data.outputs) shapes.push_back(node(r.node).outputs[std::size_t(r.index)]);
    const std::int32_t index = register_layer(std::nullopt, nullptr, args.name, records_.add_model(std::move(data)),
                                              args.trainable, model_class);
    // Node 0 is the model's own, as in Keras 2: calls on new tensors are nodes 1, 2, ...
    records_.add_node(index, shapes);
    records_.layer(index).built = true;
    return index;
}

constexpr Model detail::GraphCore::model(const Tensors& inputs, const Tensors& outputs, ModelArgs args)
{
    return {this, add_model(build_model_data(std::vector<Tensor>(inputs.begin(), inputs.end()),
                                             std::vector<Tensor>(outputs.begin(), outputs.end())),
                            std::move(args), "Model")};
}

constexpr std::int32_t detail::GraphCore::sequential(const Tensor& input, const Tensor& output, ModelArgs args,
                                                     std::int32_t index)
{
    detail::ModelData data = build_model_data({input}, {output});
    data.sequential = true;
    std::erase_if(data.layers, [&](std::int32_t l) {
        const std::optional<Layer>& layer = records_.layer(l).layer;
        return layer && layer->is<InputLayer>();
    });
    if (index < 0) return add_model(std::move(data), std::move(args), "Sequential");
    detail::GraphLayer& l = records_.layer(index);
    detail::require(l.node_count == 1, "Sequential: a layer cannot be added after the model was called on tensors or "
                                       "nested in another model");
    records_.replace_model(l.model, std::move(data), l.last_node, Shapes{output.shape()});
    return index;
}

constexpr Params detail::GraphCore::model_params(std::int32_t index) const
{
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
    std::vector<LayerView> out;
    for (std::int32_t l : data().layers) out.emplace_back(graph_.get(), l);
    return out;
}

constexpr Params Model::params() const { return graph_->model_params(index_); }
constexpr void Model::set_trainable(bool trainable) const { graph_->set_trainable(index_, trainable); }
constexpr bool Model::trainable() const { return graph_->layer(index_).trainable; }
constexpr Shapes Model::input_shapes() const
{
    Shapes out;
    for (const detail::NodeOutput& r : data().inputs) out.push_back(graph_->node(r.node).outputs[std::size_t(r.index)]);
    return out;
}
constexpr Shapes Model::output_shapes() const { return graph_->node(graph_->nodes_of(index_)[0]).outputs; }
constexpr Shape Model::output_shape() const
{
    const Shapes s = output_shapes();
    detail::require(s.size() == 1, "Model: the model has several outputs; use output_shapes()");
    return s[0];
}
constexpr bool Model::sequential_like() const { return data().sequential_like; }
constexpr std::span<const std::int32_t> Model::nodes() const { return data().nodes; }

constexpr Name LayerView::name(Naming style) const { return graph_->layer(index_).name.render(style); }
constexpr std::string_view LayerView::class_name() const { return graph_->layer(index_).name.class_name; }
constexpr const Layer* LayerView::layer() const
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
    const Shapes& first = graph_->node(ids[0]).outputs;
    for (std::int32_t id : ids)
        if (!(graph_->node(id).outputs == first)) return std::nullopt;
    return first;
}
constexpr Params LayerView::params() const
{
    return is_model() ? graph_->model_params(index_) : graph_->layer(index_).params;
}

} // namespace nnshape
