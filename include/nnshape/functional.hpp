#pragma once
// The functional API: a Graph holds layers and the calls made on tensors; `Input(graph, ...)` gives a
// tensor, calling a layer on tensors gives tensors, and `Model{inputs, outputs}` is a model that can
// itself be called like a layer (a shared sub-model).
//
// The Graph plays the part of Keras's backend session: it owns the layers, numbers their automatic
// names, and outlives the tensors and models made in it.

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "detail/layer_box.hpp"
#include "detail/layer_call.hpp"
#include "layer.hpp"
#include "naming.hpp"

namespace nnshape {

class Graph;
class Model;

// One symbolic tensor: output `index` of call (node) `node` of a Graph.
class Tensor {
public:
    constexpr Tensor(Graph* graph, std::int32_t node, std::int32_t index) : graph_(graph), node_(node), index_(index) {}

    constexpr const Shape& shape() const;
    constexpr Graph& graph() const { return *graph_; }
    constexpr std::int32_t node() const { return node_; }
    constexpr std::int32_t index() const { return index_; }
    friend constexpr bool operator==(const Tensor&, const Tensor&) = default;

private:
    Graph* graph_;
    std::int32_t node_;
    std::int32_t index_;
};

// The tensors a layer is called on or returns. Converts to a single Tensor when it holds one.
class Tensors {
public:
    constexpr Tensors(Tensor t) : list_{t} {}
    constexpr Tensors(std::initializer_list<Tensor> list) : list_(list) {}
    constexpr explicit Tensors(std::vector<Tensor> list) : list_(std::move(list)) {}

    constexpr std::size_t size() const { return list_.size(); }
    constexpr const Tensor& operator[](std::size_t i) const
    {
        detail::require(i < list_.size(), "Tensors: index out of range");
        return list_[i];
    }
    constexpr auto begin() const { return list_.begin(); }
    constexpr auto end() const { return list_.end(); }

    constexpr operator Tensor() const { return single(); }
    constexpr const Shape& shape() const { return single().shape(); }
    constexpr Graph& graph() const { return (*this)[0].graph(); }

private:
    constexpr const Tensor& single() const
    {
        detail::require(list_.size() == 1, "Tensors: this layer call has several outputs; pick one with [i]");
        return list_[0];
    }
    std::vector<Tensor> list_;
};

namespace detail {

struct TensorRef {
    std::int32_t node;
    std::int32_t index;
    friend constexpr bool operator==(TensorRef, TensorRef) = default;
};

// One call of a layer (Keras's Node): its inbound tensors and output shapes.
struct Node {
    std::int32_t layer;      // index of the called layer in the Graph
    std::int32_t node_index; // position among the layer's calls: the `[1]` in `model_1[1][0]`
    std::vector<TensorRef> inputs;
    Shapes outputs;
};

struct GraphLayer {
    std::optional<Layer> layer;       // a built-in layer
    const LayerBox* custom = nullptr; // or a custom one, owned by the Graph; neither for a Model
    LayerName name;
    std::int32_t model = -1; // index into Graph's models for a Model
    bool trainable = true;
    bool built = false;
    Params params{};
    std::vector<std::int32_t> nodes; // Keras's _inbound_nodes
};

struct ModelData {
    std::vector<TensorRef> inputs;
    std::vector<TensorRef> outputs;
    std::vector<std::int32_t> nodes;  // ascending ids, which is a topological order
    std::vector<std::int32_t> layers; // Keras's model.layers order
    bool sequential_like = false;
};

// Fails with `rule` in a constant evaluation; at run time with the text `describe()` builds.
template <class Describe>
constexpr void require_with(bool ok, const char* rule, Describe describe)
{
    if (ok) return;
    if (std::is_constant_evaluated()) require(false, rule);
    throw shape_error(describe());
}

// `items` ordered by decreasing `depth[item]`, keeping their order within a depth. A counting sort:
// linear, where std::sort would cost N log N steps of a constant evaluation's budget.
constexpr std::vector<std::int32_t> deepest_first(const std::vector<std::int32_t>& items,
                                                 const std::vector<std::int32_t>& depth)
{
    std::int32_t deepest = 0;
    for (std::int32_t i : items) deepest = std::max(deepest, depth[std::size_t(i)]);
    std::vector<std::int32_t> start(std::size_t(deepest) + 2, 0);
    for (std::int32_t i : items) ++start[std::size_t(deepest - depth[std::size_t(i)]) + 1];
    for (std::size_t d = 1; d < start.size(); ++d) start[d] += start[d - 1];
    std::vector<std::int32_t> out(items.size(), 0);
    for (std::int32_t i : items) out[std::size_t(start[std::size_t(deepest - depth[std::size_t(i)])]++)] = i;
    return out;
}

} // namespace detail

// A layer of a Graph that can be called several times; every call shares its weights.
class SharedLayer {
public:
    constexpr SharedLayer(Graph* graph, std::int32_t index) : graph_(graph), index_(index) {}
    constexpr Tensors operator()(const Tensors& inputs) const;
    constexpr std::int32_t index() const { return index_; }

private:
    Graph* graph_;
    std::int32_t index_;
};

struct ModelArgs {
    Name name{};
    bool trainable = true;
};

// A layer as a model lists it: a plain layer or a nested Model.
class LayerView {
public:
    constexpr LayerView(const Graph* graph, std::int32_t index) : graph_(graph), index_(index) {}

    constexpr Name name(Naming style = keras2) const;
    constexpr std::string_view class_name() const;
    // Keras's isinstance(layer, L); a nested Model is none of the layer classes.
    template <class L>
        requires LayerType<L> || CustomLayer<L>
    constexpr bool is() const
    {
        return get_if<L>() != nullptr;
    }
    template <class L>
        requires LayerType<L> || CustomLayer<L>
    constexpr const L* get_if() const;
    // The built-in layer; null for a custom layer or a Model.
    constexpr const Layer* layer() const;
    constexpr bool is_model() const;
    constexpr Model model() const;
    // Keras's `layer.output_shape`: the shapes all its calls agree on; empty where Keras says "multiple".
    constexpr std::optional<Shapes> output_shapes() const;
    constexpr Params params() const;
    constexpr std::int64_t count_params() const { return params().total(); }
    constexpr std::span<const std::int32_t> nodes() const;
    constexpr std::int32_t index() const { return index_; }

private:
    const Graph* graph_;
    std::int32_t index_;
};

class Model {
public:
    constexpr Model(const Tensors& inputs, const Tensors& outputs, ModelArgs args = {});
    constexpr Model(Graph* graph, std::int32_t index) : graph_(graph), index_(index) {}

    // Calling a Model on new tensors: one more node of this model, no new weights.
    constexpr Tensors operator()(const Tensors& inputs) const;

    constexpr std::vector<LayerView> layers() const;
    constexpr Params params() const;
    constexpr std::int64_t count_params() const { return params().total(); }
    constexpr Shapes output_shapes() const;
    constexpr Shape output_shape() const;
    constexpr Name name(Naming style = keras2) const { return as_layer().name(style); }
    constexpr LayerView as_layer() const { return {graph_, index_}; }
    // Keras 2's summary picks its short layout for models whose graph is a chain.
    constexpr bool sequential_like() const;
    constexpr std::span<const std::int32_t> nodes() const;
    constexpr const Graph& graph() const { return *graph_; }

private:
    constexpr const detail::ModelData& data() const;
    Graph* graph_;
    std::int32_t index_;
};

class Graph {
public:
    constexpr Graph() = default;
    Graph(const Graph&) = delete; // tensors and models point into the graph
    Graph& operator=(const Graph&) = delete;
    constexpr ~Graph()
    {
        for (const detail::GraphLayer& l : layers_) delete l.custom;
    }

    // Keras's `Input(shape=..., batch_size=..., batch_shape=..., name=...)`.
    constexpr Tensor input(const InputLayer& args)
    {
        return call(register_layer(Layer(args), nullptr, args.name.view(), -1, true), {})[0];
    }

    // A layer to call several times with shared weights (Keras: `shared = LSTM(64)`).
    template <class L>
        requires LayerType<L> || CustomLayer<L>
    constexpr SharedLayer add(L layer)
    {
        const Name given(layer.name.view());
        const bool trainable = layer.trainable;
        if constexpr (LayerType<L>)
            return {this, register_layer(Layer(std::move(layer)), nullptr, given.view(), -1, trainable)};
        else
            return {this, register_layer(std::nullopt, new detail::Boxed<L>(std::move(layer)), given.view(), -1, trainable)};
    }

    constexpr Model model(const Tensors& inputs, const Tensors& outputs, ModelArgs args = {});

    constexpr const detail::Node& node(std::int32_t id) const { return nodes_[std::size_t(id)]; }
    constexpr const detail::GraphLayer& layer(std::int32_t index) const { return layers_[std::size_t(index)]; }
    constexpr const detail::ModelData& model_data(std::int32_t model) const { return models_[std::size_t(model)]; }

    // Calls layer `index` on `inputs` and records the call.
    constexpr Tensors call(std::int32_t index, const std::vector<Tensor>& inputs);

    // The unique weights under a model, with trainable ones made non-trainable under a frozen model.
    constexpr Params model_params(std::int32_t model) const;

private:
    // Adds a layer (or, with `model` >= 0, a Model) and gives it its automatic name if it has none.
    constexpr std::int32_t register_layer(std::optional<Layer> layer, const detail::LayerBox* custom,
                                          std::string_view given, std::int32_t model, bool trainable)
    {
        const std::string_view class_name = layer ? layer->class_name() : custom ? custom->class_name() : "Model";
        LayerName name{Name(given), class_name, 0};
        if (name.given.empty()) {
            name.ordinal = layer ? name_counters_.next(*layer) : custom ? next_custom(class_name) : name_counters_.next_model();
        }
        layers_.push_back(detail::GraphLayer{std::move(layer), custom, name, model, trainable, false, {}, {}});
        return std::int32_t(layers_.size() - 1);
    }

    constexpr std::int64_t next_custom(std::string_view class_name)
    {
        const auto it = std::ranges::find(custom_counters_, class_name, &std::pair<std::string_view, std::int64_t>::first);
        if (it != custom_counters_.end()) return ++it->second;
        custom_counters_.emplace_back(class_name, 1);
        return 1;
    }

    // Calls layer `l`, which is not a Model; `built`: see detail::call_layer.
    static constexpr detail::LayerCall call_stored(const detail::GraphLayer& l, std::span<const Shape> inputs,
                                                   const Params* built)
    {
        return l.custom ? detail::call_layer(*l.custom, l.name, inputs, built) : detail::call_layer(*l.layer, l.name, inputs, built);
    }

    constexpr Shapes infer(std::int32_t model, std::span<const Shape> inputs) const;
    constexpr detail::ModelData build_model_data(const std::vector<Tensor>& inputs,
                                                 const std::vector<Tensor>& outputs) const;

    friend class Model;

    std::vector<detail::GraphLayer> layers_;
    std::vector<detail::Node> nodes_;
    std::vector<detail::ModelData> models_;
    NameCounters<> name_counters_{};
    std::vector<std::pair<std::string_view, std::int64_t>> custom_counters_; // by class name, as Keras's uids
};

// Keras's `Input(...)`: `auto x = Input(graph, {.shape = {None, None, 3}});`
constexpr Tensor Input(Graph& graph, const InputLayer& args) { return graph.input(args); }

// ---- definitions --------------------------------------------------------------------------------

constexpr const Shape& Tensor::shape() const { return graph_->node(node_).outputs[std::size_t(index_)]; }

namespace detail {

template <class L>
constexpr Tensors call_on(L layer, const Tensors& inputs)
{
    return inputs.graph().add(std::move(layer))(inputs);
}

inline std::string describe_tensor(const Graph& g, TensorRef t)
{
    const Node& n = g.node(t.node);
    return std::string(g.layer(n.layer).name.render().view()) + "[" + std::to_string(n.node_index) + "][" +
           std::to_string(t.index) + "] with shape " + to_string(n.outputs[std::size_t(t.index)]);
}

} // namespace detail

constexpr Tensors SharedLayer::operator()(const Tensors& inputs) const
{
    return graph_->call(index_, std::vector<Tensor>(inputs.begin(), inputs.end()));
}

constexpr Tensors Graph::call(std::int32_t index, const std::vector<Tensor>& inputs)
{
    std::vector<detail::TensorRef> refs;
    std::vector<Shape> shapes;
    for (const Tensor& t : inputs) {
        detail::require(&t.graph() == this, "Graph: a layer can only be called on tensors of its own Graph");
        refs.push_back({t.node(), t.index()});
        shapes.push_back(t.shape());
    }
    detail::GraphLayer& l = layers_[std::size_t(index)];
    Shapes outputs;
    if (l.model >= 0) {
        outputs = infer(l.model, shapes);
    } else {
        const detail::LayerCall c = call_stored(l, shapes, l.built ? &l.params : nullptr);
        outputs = c.outputs;
        l.params = c.params;
        l.built = true;
    }
    const auto id = std::int32_t(nodes_.size());
    nodes_.push_back(detail::Node{index, std::int32_t(l.nodes.size()), std::move(refs), outputs});
    l.nodes.push_back(id);
    std::vector<Tensor> out;
    for (std::size_t i = 0; i < outputs.size(); ++i) out.emplace_back(this, id, std::int32_t(i));
    return Tensors(std::move(out));
}

// Runs a model's graph on new input shapes, as Keras does when a model is called on new tensors:
// the inner layers get no new nodes, but each must accept its new inputs with its existing weights.
constexpr Shapes Graph::infer(std::int32_t model, std::span<const Shape> inputs) const
{
    const detail::ModelData& m = models_[std::size_t(model)];
    detail::require(inputs.size() == m.inputs.size(), "Model: called on a different number of tensors than it has inputs");
    const auto position = [&](std::int32_t node) {
        return std::size_t(std::ranges::lower_bound(m.nodes, node) - m.nodes.begin());
    };
    std::vector<Shapes> values(m.nodes.size());
    for (std::size_t i = 0; i < m.nodes.size(); ++i) {
        const detail::Node& n = nodes_[std::size_t(m.nodes[i])];
        const detail::GraphLayer& l = layers_[std::size_t(n.layer)];
        if (n.inputs.empty()) { // one of the model's InputLayers
            const auto in = std::ranges::find(m.inputs, detail::TensorRef{m.nodes[i], 0});
            values[i] = Shapes{inputs[std::size_t(in - m.inputs.begin())]};
            continue;
        }
        std::vector<Shape> ins;
        for (const detail::TensorRef& r : n.inputs) ins.push_back(values[position(r.node)][std::size_t(r.index)]);
        values[i] = l.model >= 0 ? infer(l.model, ins) : call_stored(l, ins, &l.params).outputs;
    }
    Shapes out;
    for (const detail::TensorRef& r : m.outputs) out.push_back(values[position(r.node)][std::size_t(r.index)]);
    return out;
}

// Keras's Network construction: the nodes the outputs depend on (a depth-first walk from the
// outputs), their depths, the layer order, the check that the inputs suffice, and unique names.
constexpr detail::ModelData Graph::build_model_data(const std::vector<Tensor>& inputs,
                                                   const std::vector<Tensor>& outputs) const
{
    detail::require(!inputs.empty() && !outputs.empty(), "Model: needs at least one input and one output tensor");
    detail::ModelData m;
    for (const Tensor& t : inputs) {
        detail::require(&t.graph() == this && &outputs[0].graph() == this,
                        "Model: inputs and outputs must be tensors of the same Graph");
        const detail::GraphLayer& l = layers_[std::size_t(nodes_[std::size_t(t.node())].layer)];
        detail::require(l.layer && l.layer->is<InputLayer>(),
                        "Model: Input layers to a Model must be InputLayer objects (tensors made by Input).");
        detail::require(std::ranges::find(m.inputs, detail::TensorRef{t.node(), t.index()}) == m.inputs.end(),
                        "Model: The list of inputs passed to the model is redundant.");
        m.inputs.push_back({t.node(), t.index()});
    }
    for (const Tensor& t : outputs) {
        detail::require(&t.graph() == this, "Model: inputs and outputs must be tensors of the same Graph");
        m.outputs.push_back({t.node(), t.index()});
    }

    // Depth-first walk from each output: post-order of nodes, first-visit order of layers.
    enum : std::uint8_t { unseen, open, done };
    std::vector<std::uint8_t> state(nodes_.size(), unseen);
    std::vector<std::int32_t> layer_rank(layers_.size(), -1);
    std::int32_t next_rank = 0;
    std::vector<std::int32_t> post_order;
    struct Frame {
        std::int32_t node;
        std::size_t next;
    };
    std::vector<Frame> stack;
    const auto enter = [&](std::int32_t node) {
        state[std::size_t(node)] = open;
        const std::int32_t layer = nodes_[std::size_t(node)].layer;
        if (layer_rank[std::size_t(layer)] < 0) layer_rank[std::size_t(layer)] = next_rank++;
        stack.push_back({node, 0});
    };
    for (const detail::TensorRef& out : m.outputs) {
        if (state[std::size_t(out.node)] == unseen) enter(out.node);
        while (!stack.empty()) {
            Frame& f = stack.back();
            const detail::Node& n = nodes_[std::size_t(f.node)];
            if (f.next < n.inputs.size()) {
                const std::int32_t child = n.inputs[f.next++].node;
                if (state[std::size_t(child)] == unseen) enter(child);
            } else {
                state[std::size_t(f.node)] = done;
                post_order.push_back(f.node);
                stack.pop_back();
            }
        }
    }

    // Depths from the outputs back; a shared layer takes the greatest depth of its nodes seen so far.
    std::vector<std::int32_t> node_depth(nodes_.size(), -1), layer_depth(layers_.size(), -1);
    std::vector<std::int32_t> first_depth_order; // Python dict insertion order of nodes_depths
    const auto set_depth = [&](std::int32_t node, std::int32_t depth) {
        if (node_depth[std::size_t(node)] < 0) first_depth_order.push_back(node);
        node_depth[std::size_t(node)] = depth;
    };
    for (auto it = post_order.rbegin(); it != post_order.rend(); ++it) {
        const detail::Node& n = nodes_[std::size_t(*it)];
        std::int32_t depth = std::max({node_depth[std::size_t(*it)], layer_depth[std::size_t(n.layer)], 0});
        layer_depth[std::size_t(n.layer)] = depth;
        set_depth(*it, depth);
        for (const detail::TensorRef& r : n.inputs) set_depth(r.node, std::max(depth + 1, node_depth[std::size_t(r.node)]));
    }
    for (std::size_t id = 0; id < nodes_.size(); ++id)
        if (state[id] == done) m.nodes.push_back(std::int32_t(id));

    // model.layers: deepest first, then in first-visit order.
    std::vector<std::int32_t> by_rank(std::size_t(next_rank), 0);
    for (std::size_t l = 0; l < layers_.size(); ++l)
        if (layer_rank[l] >= 0) by_rank[std::size_t(layer_rank[l])] = std::int32_t(l);
    m.layers = detail::deepest_first(by_rank, layer_depth);

    // Every node, deepest first, must get its inputs from the model inputs or earlier nodes.
    const std::vector<std::int32_t> by_depth = detail::deepest_first(first_depth_order, node_depth);
    std::vector<std::uint8_t> computable(nodes_.size(), 0); // not vector<bool>: Clang cannot evaluate it
    std::vector<std::string> accessed; // only kept at run time, to explain a failure
    for (std::int32_t id : by_depth) {
        const detail::Node& n = nodes_[std::size_t(id)];
        const bool is_input = n.inputs.empty();
        const auto ready = [&](const detail::TensorRef& r) { return computable[std::size_t(r.node)] != 0; };
        const bool input_given = std::ranges::find(m.inputs, detail::TensorRef{id, 0}) != m.inputs.end();
        const auto missing = std::ranges::find_if_not(n.inputs, ready);
        detail::require_with(is_input ? input_given : missing == n.inputs.end(),
                             "Model: Graph disconnected: cannot obtain the value of a tensor the outputs need "
                             "from the given inputs",
                             [&] {
                                 const detail::TensorRef t = is_input ? detail::TensorRef{id, 0} : *missing;
                                 std::string prev;
                                 for (const std::string& a : accessed) prev += (prev.empty() ? "'" : ", '") + a + "'";
                                 return "Model: Graph disconnected: cannot obtain value for tensor " +
                                        detail::describe_tensor(*this, t) + " at layer \"" +
                                        std::string(layers_[std::size_t(n.layer)].name.render().view()) +
                                        "\". The following previous layers were accessed without issue: [" + prev +
                                        "]";
                             });
        computable[std::size_t(id)] = 1;
        if (!std::is_constant_evaluated()) accessed.emplace_back(layers_[std::size_t(n.layer)].name.render().view());
    }

    // Names must be unique within the model. Automatic names never repeat one another, so only given
    // names are compared: with each other, then (when some layers are unnamed) with the automatic ones.
    std::vector<std::string_view> given;
    for (std::int32_t l : m.layers)
        if (!layers_[std::size_t(l)].name.given.empty()) given.push_back(layers_[std::size_t(l)].name.given.view());
    std::ranges::sort(given);
    const auto twice = std::ranges::adjacent_find(given);
    const auto duplicate = [&](std::string_view name) {
        return "Model: The name \"" + std::string(name) + "\" is used more than once in the model. All layer names should be unique.";
    };
    detail::require_with(twice == given.end(), "Model: All layer names should be unique.", [&] { return duplicate(*twice); });
    for (std::size_t i = 0; !given.empty() && given.size() < m.layers.size() && i < m.layers.size(); ++i) {
        const LayerName& name = layers_[std::size_t(m.layers[i])].name;
        const Name automatic = name.render();
        detail::require_with(!name.given.empty() || !std::ranges::binary_search(given, automatic.view()),
                             "Model: All layer names should be unique.", [&] { return duplicate(automatic.view()); });
    }

    // Keras 2's summary layout: a chain of single nodes with one inbound tensor each, no shared layer.
    std::vector<std::int32_t> per_depth(nodes_.size() + 1, 0);
    m.sequential_like = true;
    for (std::int32_t id : m.nodes) {
        const std::int32_t d = node_depth[std::size_t(id)];
        m.sequential_like = m.sequential_like && ++per_depth[std::size_t(d)] == 1 && nodes_[std::size_t(id)].inputs.size() <= 1;
    }
    for (std::int32_t l : m.layers) {
        const auto in_model = [&](std::int32_t id) { return std::ranges::binary_search(m.nodes, id); };
        m.sequential_like = m.sequential_like && std::ranges::count_if(layers_[std::size_t(l)].nodes, in_model) <= 1;
    }
    return m;
}

constexpr Model Graph::model(const Tensors& inputs, const Tensors& outputs, ModelArgs args)
{
    detail::ModelData data = build_model_data(std::vector<Tensor>(inputs.begin(), inputs.end()),
                                              std::vector<Tensor>(outputs.begin(), outputs.end()));
    Shapes shapes;
    for (const detail::TensorRef& r : data.outputs) shapes.push_back(nodes_[std::size_t(r.node)].outputs[std::size_t(r.index)]);
    models_.push_back(std::move(data));
    const std::int32_t index = register_layer(std::nullopt, nullptr, args.name.view(), std::int32_t(models_.size() - 1), args.trainable);
    // Node 0 is the model's own, as in Keras 2: calls on new tensors are nodes 1, 2, ...
    nodes_.push_back(detail::Node{index, 0, {}, shapes});
    layers_[std::size_t(index)].nodes.push_back(std::int32_t(nodes_.size() - 1));
    layers_[std::size_t(index)].built = true;
    return {this, index};
}

constexpr Params Graph::model_params(std::int32_t index) const
{
    struct Leaf {
        std::int32_t layer;
        bool frozen;
    };
    std::vector<Leaf> leaves, stack{{index, false}};
    while (!stack.empty()) {
        const Leaf item = stack.back();
        stack.pop_back();
        const detail::GraphLayer& l = layers_[std::size_t(item.layer)];
        const bool frozen = item.frozen || !l.trainable;
        if (l.model < 0) {
            leaves.push_back({item.layer, item.frozen});
            continue;
        }
        for (std::int32_t inner : models_[std::size_t(l.model)].layers) stack.push_back({inner, frozen});
    }
    std::ranges::sort(leaves, {}, [](const Leaf& l) { return std::pair{l.layer, l.frozen}; });
    Params total{};
    for (std::size_t i = 0; i < leaves.size(); ++i) {
        if (i > 0 && leaves[i].layer == leaves[i - 1].layer) continue; // counted once; unfrozen sorts first
        const Params p = layers_[std::size_t(leaves[i].layer)].params;
        total = total + (leaves[i].frozen ? Params{0, p.total()} : p);
    }
    return total;
}

constexpr Model::Model(const Tensors& inputs, const Tensors& outputs, ModelArgs args)
    : Model(inputs.graph().model(inputs, outputs, args))
{
}

constexpr Tensors Model::operator()(const Tensors& inputs) const
{
    return graph_->call(index_, std::vector<Tensor>(inputs.begin(), inputs.end()));
}

constexpr const detail::ModelData& Model::data() const { return graph_->model_data(graph_->layer(index_).model); }

constexpr std::vector<LayerView> Model::layers() const
{
    std::vector<LayerView> out;
    for (std::int32_t l : data().layers) out.emplace_back(graph_, l);
    return out;
}

constexpr Params Model::params() const { return graph_->model_params(index_); }
constexpr Shapes Model::output_shapes() const { return graph_->node(graph_->layer(index_).nodes[0]).outputs; }
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
    requires LayerType<L> || CustomLayer<L>
constexpr const L* LayerView::get_if() const
{
    const detail::GraphLayer& l = graph_->layer(index_);
    if constexpr (LayerType<L>)
        return l.layer ? l.layer->get_if<L>() : nullptr;
    else
        return l.custom ? l.custom->get_if<L>() : nullptr;
}
constexpr bool LayerView::is_model() const { return graph_->layer(index_).model >= 0; }
constexpr Model LayerView::model() const
{
    detail::require(is_model(), "LayerView: this layer is not a Model");
    return {const_cast<Graph*>(graph_), index_};
}
constexpr std::span<const std::int32_t> LayerView::nodes() const { return graph_->layer(index_).nodes; }
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
