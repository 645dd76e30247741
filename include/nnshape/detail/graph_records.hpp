#pragma once
// What a functional Graph records (Keras's layers and nodes): its layers, every call of a layer on
// tensors, the tensors each call reads, and its models. functional.hpp builds the API on it.
//
// Node and layer records hold no vectors of their own: an allocation per call costs a constant
// evaluation more than the rest of the call.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "../layer.hpp"
#include "../naming.hpp"
#include "fixed_list.hpp"
#include "layer_box.hpp"
#include "layer_call.hpp"
#include "record_arrays.hpp"
#include "stored_layer.hpp"

namespace nnshape::detail {

// Output `index` of node `node`.
struct NodeOutput {
    std::int32_t node;
    std::int32_t index;
    friend constexpr bool operator==(NodeOutput, NodeOutput) = default;
};

// One call of a layer (Keras's Node): its inbound tensors (`GraphRecords::inputs(node)`) and output shapes.
struct Node {
    std::int32_t layer; // index of the called layer in the Graph
    std::int32_t node_index; // position among the layer's calls: the `[1]` in `model_1[1][0]`
    std::int32_t first_input; // into the Graph's list of inbound tensors
    std::int32_t input_count;
    std::int32_t previous; // the layer's previous call, or -1
    std::int32_t first_output; // into the Graph's list of output shapes (GraphRecords::outputs(node))
    std::int32_t output_count;
};

struct GraphLayer {
    std::optional<StoredLayer<Layer>> layer; // a built-in layer, its value at its class's size
    const LayerBox* custom = nullptr; // or a custom one, owned by the Graph; neither for a Model (or wrapped one)
    LayerNumber number{}; // its name's number; the given name and the class are its layer's, else:
    std::int32_t own_name = -1; // a Model's (or wrapped one's): index into the Graph's OwnNames
    std::int32_t model = -1; // index into the Graph's models for a Model
    bool trainable = true;
    bool built = false;
    bool named = false; // given a name (a model's checks of unique names read only those)
    Params params{};
    std::int32_t node_count = 0; // Keras's _inbound_nodes, linked from the last through Node::previous
    std::int32_t last_node = -1;
    // A TimeDistributed of a Model (TimeDistributedModel): the Graph layer of that Model, whose
    // weights it uses; -1 for any other layer.
    std::int32_t wrapped_model = -1;
};

// The given name and the class of a Graph layer that holds no layer value: a Model or a TimeDistributed model.
struct OwnName {
    Name given;
    std::string_view class_name;
};

struct ModelData {
    std::vector<NodeOutput> inputs;
    std::vector<NodeOutput> outputs;
    FixedList<std::int32_t> nodes; // ascending ids, which is a topological order
    FixedList<std::int32_t> layers; // Keras's model.layers order
    bool sequential_like = false;
    bool sequential = false; // class Sequential: its InputLayer is not among its layers
};

// Calls Graph layer `l`, which is not a Model; `built`: see detail::call_layer.
constexpr LayerCall call_stored(const GraphLayer& l, std::span<const Shape> inputs, const Params* built)
{
    return l.custom ? call_layer(*l.custom, l.number, inputs, built) : call_layer(*l.layer, l.number, inputs, built);
}

// A Graph's layers, nodes, inbound tensors and models, indexed by their positions. Owns the custom layers.
class GraphRecords {
public:
    constexpr GraphRecords() = default;
    GraphRecords(const GraphRecords&) = delete;
    GraphRecords& operator=(const GraphRecords&) = delete;
    constexpr ~GraphRecords()
    {
        for (const LayerBox* custom : custom_layers_) delete custom;
    }

    constexpr std::size_t layer_count() const { return layers_.size(); }
    constexpr std::size_t node_count() const { return nodes_.size(); }
    constexpr const GraphLayer& layer(std::int32_t index) const { return layers_[std::size_t(index)]; }
    constexpr GraphLayer& layer(std::int32_t index) { return layers_[std::size_t(index)]; }
    constexpr const Node& node(std::int32_t id) const { return nodes_[std::size_t(id)]; }
    constexpr std::span<const NodeOutput> inputs(const Node& n) const
    {
        return {edges_.data() + n.first_input, std::size_t(n.input_count)};
    }
    constexpr std::span<const Shape> outputs(const Node& n) const
    {
        return {shapes_.data() + n.first_output, std::size_t(n.output_count)};
    }
    // Inbound tensor `i` of node `n`, without a span (cheaper in constant evaluation).
    constexpr const NodeOutput& input(const Node& n, std::int32_t i) const
    {
        return edges_[std::size_t(n.first_input + i)];
    }
    // Output `index` of node `id`: Tensor::shape(), without a span (cheaper in constant evaluation).
    constexpr const Shape& output(std::int32_t id, std::int32_t index) const
    {
        return shapes_[std::size_t(nodes_[std::size_t(id)].first_output + index)];
    }
    constexpr const ModelData& model(std::int32_t index) const { return models_[std::size_t(index)]; }
    // What the name of layer `index` is made of (a view of these records).
    constexpr LayerName name(std::int32_t index) const
    {
        const GraphLayer& l = layer(index);
        if (l.own_name >= 0) {
            const OwnName& own = own_names_[std::size_t(l.own_name)];
            return {own.given.view(), own.class_name, l.number};
        }
        if (l.custom) return {l.custom->given_name(), l.custom->class_name(), l.number};
        return {l.layer->given_name(), l.layer->class_name(), l.number};
    }
    constexpr std::string_view given_name(std::int32_t index) const
    {
        const GraphLayer& l = layer(index);
        if (l.own_name >= 0) return own_names_[std::size_t(l.own_name)].given.view();
        return l.custom ? l.custom->given_name() : l.layer->given_name();
    }
    constexpr LayerArena& arena() { return arena_; }

    // The calls of layer `index`, first to last.
    constexpr std::vector<std::int32_t> nodes_of(std::int32_t index) const
    {
        const GraphLayer& l = layer(index);
        std::vector<std::int32_t> ids(std::size_t(l.node_count), 0);
        for (std::int32_t id = l.last_node, i = l.node_count; id >= 0; id = node(id).previous)
            ids[std::size_t(--i)] = id;
        return ids;
    }

    // A new layer record, unnamed, with no built-in layer yet (GraphCore stores it, in the arena): a
    // custom layer's, a model's, or one to hold a built-in layer.
    constexpr std::int32_t add_layer(const LayerBox* custom, std::int32_t model, bool trainable)
    {
        if (custom) custom_layers_.push_back(custom);
        layers_.emplace_back(std::nullopt, custom, LayerNumber{}, -1, model, trainable);
        return std::int32_t(layers_.size() - 1);
    }
    // Gives layer `index`, which holds no layer value, its given name and class.
    constexpr void set_own_name(std::int32_t index, const Name& given, std::string_view class_name)
    {
        own_names_.push_back({given, class_name});
        layer(index).own_name = std::int32_t(own_names_.size() - 1);
    }
    constexpr std::int32_t add_model(ModelData m)
    {
        models_.push_back(std::move(m));
        return std::int32_t(models_.size() - 1);
    }
    // Model `index`, whose own node is `own_node`, made again from new data with new output shapes.
    constexpr void replace_model(std::int32_t index, ModelData m, std::int32_t own_node, Shapes outputs)
    {
        models_[std::size_t(index)] = std::move(m);
        Node& n = nodes_[std::size_t(own_node)];
        if (std::size_t(n.output_count) == outputs.size()) { // as a Sequential grows: in place
            for (std::size_t i = 0; i < outputs.size(); ++i) shapes_[std::size_t(n.first_output) + i] = outputs[i];
            return;
        }
        n.first_output = append_shapes(outputs); // the old ones stay, unused
        n.output_count = std::int32_t(outputs.size());
    }
    // Where another Graph's records start in this one after `append`.
    struct Offsets {
        std::int32_t layer, node, model;
    };
    // Appends a copy of `other`'s records (its custom layers cloned), every index shifted past this
    // Graph's own; no call may be half recorded (add_input without its add_node) in either.
    constexpr Offsets append(const GraphRecords& other)
    {
        const Offsets at{std::int32_t(layers_.size()), std::int32_t(nodes_.size()), std::int32_t(models_.size())};
        const auto edge_offset = std::int32_t(edges_.size());
        const auto shape_offset = std::int32_t(shapes_.size());
        const auto own_name_offset = std::int32_t(own_names_.size());
        const auto shifted = [](std::int32_t index, std::int32_t by) { return index < 0 ? index : index + by; };
        for (std::size_t i = 0; i < other.layers_.size(); ++i) {
            GraphLayer l = other.layers_[i];
            if (l.custom) custom_layers_.push_back(l.custom = l.custom->clone());
            l.model = shifted(l.model, at.model);
            l.last_node = shifted(l.last_node, at.node);
            l.wrapped_model = shifted(l.wrapped_model, at.layer);
            l.own_name = shifted(l.own_name, own_name_offset);
            layers_.push_back(std::move(l));
        }
        for (Node n : other.nodes_) {
            n.layer += at.layer;
            n.first_input += edge_offset;
            n.first_output += shape_offset;
            n.previous = shifted(n.previous, at.node);
            nodes_.push_back(std::move(n));
        }
        for (NodeOutput e : other.edges_) edges_.push_back({e.node + at.node, e.index});
        for (const Shape& s : other.shapes_) shapes_.push_back(s);
        for (const OwnName& n : other.own_names_) own_names_.push_back(n);
        for (ModelData m : other.models_) {
            for (NodeOutput& r : m.inputs) r.node += at.node;
            for (NodeOutput& r : m.outputs) r.node += at.node;
            for (std::int32_t& n : m.nodes) n += at.node;
            for (std::int32_t& l : m.layers) l += at.layer;
            models_.push_back(std::move(m));
        }
        first_input_ = std::int32_t(edges_.size());
        return at;
    }

    // An inbound tensor of the node that add_node records next.
    constexpr void add_input(NodeOutput t) { edges_.push_back(t); }
    // Records a call of layer `index` on the tensors given to add_input since the last call. `outputs`:
    // a layer call's Shapes, or a model's own output list (which may hold more than a Shapes).
    template <class ShapeList>
    constexpr std::int32_t add_node(std::int32_t index, const ShapeList& outputs)
    {
        GraphLayer& l = layer(index);
        const auto id = std::int32_t(nodes_.size());
        const auto end = std::int32_t(edges_.size());
        const std::int32_t first_output = append_shapes(outputs);
        nodes_.emplace_back(index, l.node_count, first_input_, end - first_input_, l.last_node, first_output,
                            std::int32_t(outputs.size()));
        first_input_ = end;
        ++l.node_count;
        l.last_node = id;
        return id;
    }

private:
    // Appends `shapes` to the list of output shapes; returns where they start.
    template <class ShapeList>
    constexpr std::int32_t append_shapes(const ShapeList& shapes)
    {
        const auto first = std::int32_t(shapes_.size());
        for (const Shape& s : shapes) shapes_.emplace_back(s);
        return first;
    }

    LayerArena arena_; // the built-in layers' values at run time; declared before the records that hold them
    BlockArray<GraphLayer> layers_;
    // The custom layers the records point to, which the Graph owns: listed apart so that freeing them
    // does not read every layer record.
    RecordArray<const LayerBox*> custom_layers_;
    RecordArray<Node> nodes_;
    RecordArray<NodeOutput> edges_; // every node's inbound tensors, node after node
    RecordArray<Shape> shapes_; // every node's output shapes, node after node (a node has 1 to 8)
    RecordArray<OwnName> own_names_; // of the layers that hold no layer value (GraphLayer::own_name)
    std::int32_t first_input_ = 0; // in edges_, of the next node
    std::vector<ModelData> models_;
};

} // namespace nnshape::detail
