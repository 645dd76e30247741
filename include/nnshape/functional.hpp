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
    friend class Tensors;
    constexpr Tensor() = default; // only as Tensors' unused inline slot

    Graph* graph_ = nullptr;
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
    constexpr Graph& graph() const { return (*this)[0].graph(); }

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

namespace detail {

struct TensorRef {
    std::int32_t node;
    std::int32_t index;
    friend constexpr bool operator==(TensorRef, TensorRef) = default;
};

// One call of a layer (Keras's Node): its inbound tensors (`Graph::inputs(node)`) and output shapes.
// Node and layer records hold no vectors of their own: an allocation per call costs a constant
// evaluation more than the rest of the call.
struct Node {
    std::int32_t layer; // index of the called layer in the Graph
    std::int32_t node_index; // position among the layer's calls: the `[1]` in `model_1[1][0]`
    std::int32_t first_input; // into Graph's list of inbound tensors
    std::int32_t input_count;
    std::int32_t previous; // the layer's previous call, or -1
    Shapes outputs;
};

struct GraphLayer {
    std::optional<Layer> layer; // a built-in layer
    const LayerBox* custom = nullptr; // or a custom one, owned by the Graph; neither for a Model
    LayerName name;
    std::int32_t model = -1; // index into Graph's models for a Model
    bool trainable = true;
    bool built = false;
    Params params{};
    std::int32_t node_count = 0; // Keras's _inbound_nodes, linked from the last through Node::previous
    std::int32_t last_node = -1;
};

struct ModelData {
    std::vector<TensorRef> inputs;
    std::vector<TensorRef> outputs;
    std::vector<std::int32_t> nodes; // ascending ids, which is a topological order
    std::vector<std::int32_t> layers; // Keras's model.layers order
    bool sequential_like = false;
};

// Calls Graph layer `l`, which is not a Model; `built`: see detail::call_layer.
constexpr LayerCall call_stored(const GraphLayer& l, std::span<const Shape> inputs, const Params* built)
{
    return l.custom ? call_layer(*l.custom, l.name, inputs, built) : call_layer(*l.layer, l.name, inputs, built);
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
    constexpr std::vector<std::int32_t> nodes() const; // ascending node ids
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
        return call(register_layer(Layer(args), nullptr, args.name, -1, true), Tensors{})[0];
    }

    // A layer to call several times with shared weights (Keras: `shared = LSTM(64)`).
    template <class L>
        requires LayerType<L> || CustomLayer<L>
    constexpr SharedLayer add(L layer)
    {
        const Name given = layer.name; // a copy, not a re-read of its characters
        const bool trainable = layer.trainable;
        if constexpr (LayerType<L>)
            return {this, register_layer(Layer(std::move(layer)), nullptr, given, -1, trainable)};
        else
            return {this, register_layer(std::nullopt, new detail::Boxed<L>(std::move(layer)), given, -1, trainable)};
    }

    constexpr Model model(const Tensors& inputs, const Tensors& outputs, ModelArgs args = {});

    constexpr const detail::Node& node(std::int32_t id) const { return nodes_[std::size_t(id)]; }
    constexpr std::span<const detail::TensorRef> inputs(const detail::Node& n) const
    {
        return {edges_.data() + n.first_input, std::size_t(n.input_count)};
    }
    // The calls of layer `index`, first to last.
    constexpr std::vector<std::int32_t> nodes_of(std::int32_t index) const
    {
        const detail::GraphLayer& l = layers_[std::size_t(index)];
        std::vector<std::int32_t> ids(std::size_t(l.node_count), 0);
        for (std::int32_t id = l.last_node, i = l.node_count; id >= 0; id = nodes_[std::size_t(id)].previous)
            ids[std::size_t(--i)] = id;
        return ids;
    }
    constexpr const detail::GraphLayer& layer(std::int32_t index) const { return layers_[std::size_t(index)]; }
    constexpr const detail::ModelData& model_data(std::int32_t model) const { return models_[std::size_t(model)]; }

    // Calls layer `index` on `inputs` and records the call.
    constexpr Tensors call(std::int32_t index, const Tensors& inputs);

    // The unique weights under a model, with trainable ones made non-trainable under a frozen model.
    constexpr Params model_params(std::int32_t model) const;

private:
    // Adds a layer (or, with `model` >= 0, a Model) and gives it its automatic name if it has none.
    constexpr std::int32_t register_layer(std::optional<Layer> layer, const detail::LayerBox* custom, const Name& given,
                                          std::int32_t model, bool trainable)
    {
        const std::string_view class_name = layer ? layer->class_name() : custom ? custom->class_name() : "Model";
        LayerName name{given, class_name, 0};
        if (name.given.empty()) {
            name.ordinal = layer    ? name_counters_.next(*layer)
                           : custom ? next_custom(class_name)
                                    : name_counters_.next_model();
        }
        layers_.push_back(detail::GraphLayer{std::move(layer), custom, name, model, trainable, false, {}, 0, -1});
        return std::int32_t(layers_.size() - 1);
    }

    constexpr std::int64_t next_custom(std::string_view class_name)
    {
        const auto it =
            std::ranges::find(custom_counters_, class_name, &std::pair<std::string_view, std::int64_t>::first);
        if (it != custom_counters_.end()) return ++it->second;
        custom_counters_.emplace_back(class_name, 1);
        return 1;
    }

    constexpr Shapes infer(std::int32_t model, std::span<const Shape> inputs) const;
    constexpr void require_unique_names(const std::vector<std::int32_t>& layers) const;
    constexpr detail::ModelData build_model_data(const std::vector<Tensor>& inputs,
                                                 const std::vector<Tensor>& outputs) const;

    friend class Model;

    // Records a call of layer `index` whose inbound tensors are edges_[first...].
    constexpr std::int32_t add_node(std::int32_t index, std::int32_t first_input, const Shapes& outputs)
    {
        detail::GraphLayer& l = layers_[std::size_t(index)];
        const auto id = std::int32_t(nodes_.size());
        nodes_.push_back(detail::Node{index, l.node_count, first_input, std::int32_t(edges_.size()) - first_input,
                                      l.last_node, outputs});
        ++l.node_count;
        l.last_node = id;
        return id;
    }

    std::vector<detail::GraphLayer> layers_;
    std::vector<detail::Node> nodes_;
    std::vector<detail::TensorRef> edges_; // every node's inbound tensors, node after node
    std::vector<Shape> scratch_; // the input shapes of the call being made
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

constexpr Tensors SharedLayer::operator()(const Tensors& inputs) const { return graph_->call(index_, inputs); }

constexpr Tensors Graph::call(std::int32_t index, const Tensors& inputs)
{
    scratch_.clear();
    for (const Tensor& t : inputs) {
        detail::require(&t.graph() == this, "Graph: a layer can only be called on tensors of its own Graph");
        scratch_.push_back(t.shape());
    }
    detail::GraphLayer& l = layers_[std::size_t(index)];
    Shapes outputs;
    if (l.model >= 0) {
        outputs = infer(l.model, scratch_);
    } else {
        const detail::LayerCall c = detail::call_stored(l, scratch_, l.built ? &l.params : nullptr);
        outputs = c.outputs;
        l.params = c.params;
        l.built = true;
    }
    const auto first = std::int32_t(edges_.size());
    for (const Tensor& t : inputs) edges_.push_back({t.node(), t.index()});
    const std::int32_t id = add_node(index, first, outputs);
    if (outputs.size() == 1) return Tensor(this, id, 0);
    std::vector<Tensor> out;
    for (std::size_t i = 0; i < outputs.size(); ++i) out.emplace_back(this, id, std::int32_t(i));
    return Tensors(std::move(out));
}

// Runs a model's graph on new input shapes, as Keras does when a model is called on new tensors:
// the inner layers get no new nodes, but each must accept its new inputs with its existing weights.
constexpr Shapes Graph::infer(std::int32_t model, std::span<const Shape> inputs) const
{
    const detail::ModelData& m = models_[std::size_t(model)];
    detail::require(inputs.size() == m.inputs.size(),
                    "Model: called on a different number of tensors than it has inputs");
    const auto position = [&](std::int32_t node) {
        return std::size_t(std::ranges::lower_bound(m.nodes, node) - m.nodes.begin());
    };
    std::vector<Shapes> values(m.nodes.size());
    for (std::size_t i = 0; i < m.nodes.size(); ++i) {
        const detail::Node& n = nodes_[std::size_t(m.nodes[i])];
        const detail::GraphLayer& l = layers_[std::size_t(n.layer)];
        if (n.input_count == 0) { // one of the model's InputLayers
            const auto in = std::ranges::find(m.inputs, detail::TensorRef{m.nodes[i], 0});
            values[i] = Shapes{inputs[std::size_t(in - m.inputs.begin())]};
            continue;
        }
        std::vector<Shape> ins;
        for (const detail::TensorRef& r : this->inputs(n))
            ins.push_back(values[position(r.node)][std::size_t(r.index)]);
        values[i] = l.model >= 0 ? infer(l.model, ins) : detail::call_stored(l, ins, &l.params).outputs;
    }
    Shapes out;
    for (const detail::TensorRef& r : m.outputs) out.push_back(values[position(r.node)][std::size_t(r.index)]);
    return out;
}

namespace detail {

// FNV-1a: name comparisons by hash, so that checking a model's names costs a few steps per character
// of a constant evaluation rather than a string comparison per pair.
constexpr std::uint64_t name_hash(std::string_view s)
{
    std::uint64_t h = 14695981039346656037u;
    for (char c : s) h = (h ^ std::uint8_t(c)) * 1099511628211u;
    return h;
}

// The number a Keras 2 automatic name ends with (`conv2d_12`: 12), or -1 if `name` has not that form.
constexpr std::int64_t automatic_ordinal(std::string_view name)
{
    std::int64_t value = 0, scale = 1;
    std::size_t i = name.size();
    for (; i > 0 && name[i - 1] >= '0' && name[i - 1] <= '9' && scale <= 1'000'000'000'000; --i, scale *= 10)
        value += (name[i - 1] - '0') * scale;
    return i > 1 && i < name.size() && name[i - 1] == '_' ? value : -1;
}

struct NameKey {
    std::uint64_t hash; // or an automatic name's number
    std::int32_t layer;
};

} // namespace detail

// Names must be unique within a model. Automatic names never repeat one another, so given names are
// compared with each other (by hash first), and with the automatic names of the same number
// (`dense_3` can only clash with an unnamed layer numbered 3).
constexpr void Graph::require_unique_names(const std::vector<std::int32_t>& layers) const
{
    std::vector<detail::NameKey> given, unnamed; // unnamed: keyed by ordinal
    for (std::int32_t l : layers) {
        const LayerName& name = layers_[std::size_t(l)].name;
        if (name.given.empty())
            unnamed.push_back({std::uint64_t(name.ordinal), l});
        else
            given.push_back({detail::name_hash(name.given.view()), l});
    }
    const auto duplicate = [&](std::string_view name) {
        return "Model: The name \"" + std::string(name) +
               "\" is used more than once in the model. All layer names should be unique.";
    };
    const auto name_of = [&](detail::NameKey k) { return layers_[std::size_t(k.layer)].name.given.view(); };
    std::ranges::sort(given, {}, &detail::NameKey::hash);
    for (std::size_t i = 1; i < given.size(); ++i) {
        for (std::size_t j = i; j-- > 0 && given[j].hash == given[i].hash;) {
            detail::require_with(name_of(given[i]) != name_of(given[j]), "Model: All layer names should be unique.",
                                 [&] { return duplicate(name_of(given[i])); });
        }
    }
    std::ranges::sort(unnamed, {}, &detail::NameKey::hash);
    for (const detail::NameKey& g : given) {
        const std::int64_t ordinal = detail::automatic_ordinal(name_of(g));
        if (ordinal < 0) continue;
        const auto [first, last] =
            std::ranges::equal_range(unnamed, std::uint64_t(ordinal), {}, &detail::NameKey::hash);
        for (auto it = first; it != last; ++it) {
            const Name automatic = layers_[std::size_t(it->layer)].name.render();
            detail::require_with(automatic.view() != name_of(g), "Model: All layer names should be unique.",
                                 [&] { return duplicate(automatic.view()); });
        }
    }
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
            if (f.next < std::size_t(n.input_count)) {
                const std::int32_t child = edges_[std::size_t(n.first_input) + f.next++].node;
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
        for (const detail::TensorRef& r : this->inputs(n))
            set_depth(r.node, std::max(depth + 1, node_depth[std::size_t(r.node)]));
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
        const bool is_input = n.input_count == 0;
        const auto ready = [&](const detail::TensorRef& r) { return computable[std::size_t(r.node)] != 0; };
        const bool input_given = std::ranges::find(m.inputs, detail::TensorRef{id, 0}) != m.inputs.end();
        const auto in = this->inputs(n);
        const auto missing = std::ranges::find_if_not(in, ready);
        detail::require_with(is_input ? input_given : missing == in.end(),
                             "Model: Graph disconnected: cannot obtain the value of a tensor the outputs need "
                             "from the given inputs",
                             [&] {
                                 const detail::TensorRef t = is_input ? detail::TensorRef{id, 0} : *missing;
                                 std::string prev;
                                 for (const std::string& a : accessed) prev += (prev.empty() ? "'" : ", '") + a + "'";
                                 return "Model: Graph disconnected: cannot obtain value for tensor " +
                                        detail::describe_tensor(*this, t) + " at layer \"" +
                                        std::string(layers_[std::size_t(n.layer)].name.render().view()) +
                                        "\". The following previous layers were accessed without issue: [" + prev + "]";
                             });
        computable[std::size_t(id)] = 1;
        if (!std::is_constant_evaluated()) accessed.emplace_back(layers_[std::size_t(n.layer)].name.render().view());
    }

    require_unique_names(m.layers);

    // Keras 2's summary layout: a chain of single nodes with one inbound tensor each, no shared layer.
    std::vector<std::int32_t> per_depth(nodes_.size() + 1, 0), per_layer(layers_.size(), 0);
    m.sequential_like = true;
    for (std::int32_t id : m.nodes) {
        const detail::Node& n = nodes_[std::size_t(id)];
        m.sequential_like = m.sequential_like && ++per_depth[std::size_t(node_depth[std::size_t(id)])] == 1 &&
                            ++per_layer[std::size_t(n.layer)] == 1 && n.input_count <= 1;
    }
    return m;
}

constexpr Model Graph::model(const Tensors& inputs, const Tensors& outputs, ModelArgs args)
{
    detail::ModelData data = build_model_data(std::vector<Tensor>(inputs.begin(), inputs.end()),
                                              std::vector<Tensor>(outputs.begin(), outputs.end()));
    Shapes shapes;
    for (const detail::TensorRef& r : data.outputs)
        shapes.push_back(nodes_[std::size_t(r.node)].outputs[std::size_t(r.index)]);
    models_.push_back(std::move(data));
    const std::int32_t index =
        register_layer(std::nullopt, nullptr, args.name, std::int32_t(models_.size() - 1), args.trainable);
    // Node 0 is the model's own, as in Keras 2: calls on new tensors are nodes 1, 2, ...
    add_node(index, std::int32_t(edges_.size()), shapes);
    layers_[std::size_t(index)].built = true;
    return {this, index};
}

constexpr Params Graph::model_params(std::int32_t index) const
{
    // Each leaf layer once; a layer reached both through a frozen and a trainable path stays trainable.
    enum : std::uint8_t { unseen = 0, frozen = 1, trainable = 2 };
    std::vector<std::uint8_t> reached(layers_.size(), unseen);
    struct Item {
        std::int32_t layer;
        bool under_frozen;
    };
    std::vector<Item> stack{{index, false}};
    while (!stack.empty()) {
        const Item item = stack.back();
        stack.pop_back();
        const detail::GraphLayer& l = layers_[std::size_t(item.layer)];
        const bool is_frozen = item.under_frozen || !l.trainable;
        if (l.model < 0) {
            std::uint8_t& r = reached[std::size_t(item.layer)];
            r = std::max<std::uint8_t>(r, item.under_frozen ? frozen : trainable);
            continue;
        }
        for (std::int32_t inner : models_[std::size_t(l.model)].layers) stack.push_back({inner, is_frozen});
    }
    Params total{};
    for (std::size_t l = 0; l < layers_.size(); ++l) {
        const Params p = layers_[l].params;
        if (reached[l] != unseen) total = total + (reached[l] == frozen ? Params{0, p.total()} : p);
    }
    return total;
}

constexpr Model::Model(const Tensors& inputs, const Tensors& outputs, ModelArgs args)
    : Model(inputs.graph().model(inputs, outputs, args))
{
}

constexpr Tensors Model::operator()(const Tensors& inputs) const { return graph_->call(index_, inputs); }

constexpr const detail::ModelData& Model::data() const { return graph_->model_data(graph_->layer(index_).model); }

constexpr std::vector<LayerView> Model::layers() const
{
    std::vector<LayerView> out;
    for (std::int32_t l : data().layers) out.emplace_back(graph_, l);
    return out;
}

constexpr Params Model::params() const { return graph_->model_params(index_); }
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
