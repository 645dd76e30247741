#pragma once
// Keras's `plot_model` / `model_to_dot` as Graphviz DOT text, in tf.keras's format (tf_keras/utils/
// vis_utils.py, model_to_dot): record labels `name|Class`, one node per layer however often it is
// called, deduplicated edges, and nested models as dashed clusters with `expand_nested`.
// Render the text with Graphviz: `dot -Tpng model.dot -o model.png`. Standard library only.
//
// Node ids are the layer's index in its Graph (for a Sequential: its place in the drawn list, the
// input first) where Keras writes str(id(layer)); a nested model's cluster is `cluster_<its id>`
// where Keras writes `cluster_<its name>`. Both are stable from run to run.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "detail/variant.hpp"
#include "functional.hpp"
#include "naming.hpp"
#include "sequential.hpp"
#include "shape.hpp"

namespace nnshape {

// tf.keras's plot_model arguments and defaults (Keras 3 differs: show_layer_names=False, dpi=200),
// in its order, and the style of the automatic layer names as in SummaryOptions.
struct PlotOptions {
    bool show_shapes = false;
    bool show_dtype = false;
    bool show_layer_names = true;
    std::string rankdir = "TB"; // Graphviz's rankdir: TB, LR, BT or RL
    bool expand_nested = false;
    int dpi = 96;
    bool show_layer_activations = false;
    bool show_trainable = false;
    Naming naming = keras2;
};

namespace detail {

// One drawn layer, with the texts its label is built from.
struct PlotNode {
    std::string id;
    std::string name; // a wrapper's reads `name(inner_name)`
    std::string class_name; // a wrapper's reads `Class(InnerClass)`
    std::optional<std::string> activation;
    std::string input_shape; // Python's str() of Keras's layer.input_shape, or "?"
    std::string output_shape; // and of layer.output_shape
    bool trainable = true;
};

// What the label needs from a layer's own arguments.
struct LayerTraits {
    std::optional<std::string> activation;
    std::string inner_class, inner_name; // a wrapper's layer
    bool trainable = true;
};

template <class LayerT>
LayerTraits layer_traits(const LayerT& layer)
{
    return layer.visit([](const auto& l) {
        LayerTraits t;
        // Keras's activations.get(None) is `linear`.
        if constexpr (requires { l.activation.view(); })
            t.activation = l.activation.empty() ? "linear" : std::string(l.activation.view());
        if constexpr (requires { l.trainable; }) t.trainable = l.trainable;
        if constexpr (requires { l.layer.index(); }) // a wrapper's variant
            detail::visit(
                [&](const auto& inner) {
                    t.inner_class = std::string(inner.class_name);
                    t.inner_name = std::string(inner.name.view());
                },
                l.layer);
        return t;
    });
}

// tf.keras: a Wrapper's label shows the wrapped layer, `name(inner_name)` and `Class(InnerClass)`.
// nnshape does not number a wrapped layer's automatic name, so an unnamed one adds only its class.
inline PlotNode plot_node(std::string id, std::string_view name, std::string_view class_name, const LayerTraits& t)
{
    PlotNode n{std::move(id), std::string(name), std::string(class_name), t.activation, "?", "?", t.trainable};
    if (!t.inner_class.empty()) n.class_name += '(' + t.inner_class + ')';
    if (!t.inner_name.empty()) n.name += '(' + t.inner_name + ')';
    return n;
}

// Python's str() of a list of shape tuples.
inline std::string shape_list(std::span<const Shape> shapes)
{
    std::string text = "[";
    for (std::size_t i = 0; i < shapes.size(); ++i) text += (i > 0 ? ", " : "") + to_string(shapes[i]);
    return text + "]";
}

// tf.keras's Node.input_shapes (tf_keras/engine/node.py): an Input's node gives a list of its one
// shape; a call on several tensors, the list; a call on one tensor, its tuple -- unless the tuple has
// one element, which `len(input_shapes) == 1` unwraps: a rank-1 input reads as its batch dim.
inline std::string node_input_text(bool is_input, std::span<const Shape> shapes)
{
    if (is_input || shapes.size() != 1) return shape_list(shapes);
    return shapes[0].rank() == 1 ? to_string(shapes[0][0]) : to_string(shapes[0]);
}

// Node.output_shapes: a list for an Input's node or several outputs, else the one tuple.
inline std::string node_output_text(bool is_input, std::span<const Shape> shapes)
{
    return is_input || shapes.size() != 1 ? shape_list(shapes) : to_string(shapes[0]);
}

// Keras's Functional.input_shape / output_shape: the model's own tensors, a tuple for one.
inline std::string model_tensors_text(const Graph& g, std::span<const TensorRef> refs)
{
    std::vector<Shape> shapes;
    for (const TensorRef& r : refs) shapes.push_back(g.node(r.node).outputs[std::size_t(r.index)]);
    return shapes.size() == 1 ? to_string(shapes[0]) : shape_list(shapes);
}

// tf.keras's model_to_dot label: the class, then `{Class|activation}`, `name|...`, `...|float32`, the
// shapes table `{...}|{input:|output:}|{{in}|{out}}`, and a `T|` / `NT|` prefix, each wrapping the last.
// tf.keras escapes braces in shapes; nnshape's shapes are tuples and lists, which have none.
inline std::string record_label(const PlotNode& n, const PlotOptions& options)
{
    std::string label = n.class_name;
    if (options.show_layer_activations && n.activation) label = '{' + label + '|' + *n.activation + '}';
    if (options.show_layer_names) label = n.name + '|' + label;
    if (options.show_dtype) label += "|float32"; // nnshape layers and Inputs have Keras's default floatx
    if (options.show_shapes)
        label = '{' + label + "}|{input:|output:}|{{" + n.input_shape + "}|{" + n.output_shape + "}}";
    if (options.show_trainable) label = (n.trainable ? "T|" : "NT|") + label;
    return label;
}

// A DOT double-quoted string. Backslashes pass through: `\{` must reach the record parser as is.
inline std::string dot_quoted(std::string_view text)
{
    std::string out = "\"";
    for (char c : text) {
        if (c == '"') out += '\\';
        out += c;
    }
    return out + '"';
}

// A pydot graph or cluster: its statements in the order they are added, its own nodes (pydot's
// get_nodes(), which leaves out those of inner clusters), and its edges, each pair once (tf.keras's
// add_edge checks get_edge first).
struct DotGraph {
    std::string statements;
    std::vector<std::string> nodes;
    std::vector<std::pair<std::string, std::string>> edges;

    void add_node(const PlotNode& n, const PlotOptions& options, const std::string& indent)
    {
        statements += indent + n.id + " [label=" + dot_quoted(record_label(n, options)) + "];\n";
        nodes.push_back(n.id);
    }
    void add_edge(const std::string& from, const std::string& to)
    {
        if (std::ranges::find(edges, std::pair{from, to}) == edges.end()) edges.emplace_back(from, to);
    }
    std::string body(const std::string& indent) const
    {
        std::string text = statements;
        for (const auto& [from, to] : edges) text += indent + from + " -> " + to + ";\n";
        return text;
    }
};

inline std::string dot_document(const DotGraph& graph, const PlotOptions& options)
{
    const auto& r = options.rankdir;
    require(r == "TB" || r == "LR" || r == "BT" || r == "RL", "model_to_dot: rankdir must be TB, LR, BT or RL");
    require(options.dpi > 0, "model_to_dot: dpi must be positive");
    return "digraph G {\n  rankdir=" + r + ";\n  concentrate=True;\n  dpi=" + std::to_string(options.dpi) +
           ";\n  node [shape=record];\n" + graph.body("  ") + "}\n";
}

// Keras's layer.input_shape / output_shape for a layer of a Graph: the text all its calls agree on
// (calls in other models included, as Keras's _inbound_nodes), else "?".
inline std::pair<std::string, std::string> graph_layer_shapes(const Graph& g, std::int32_t layer)
{
    const GraphLayer& l = g.layer(layer);
    if (l.model >= 0) {
        const ModelData& m = g.model_data(l.model);
        return {model_tensors_text(g, m.inputs), model_tensors_text(g, m.outputs)};
    }
    std::optional<std::string> in, out;
    bool in_agrees = true, out_agrees = true;
    for (std::int32_t id : g.nodes_of(layer)) {
        const Node& n = g.node(id);
        std::vector<Shape> ins;
        for (const TensorRef& r : g.inputs(n)) ins.push_back(g.node(r.node).outputs[std::size_t(r.index)]);
        const bool is_input = n.input_count == 0;
        const std::span<const Shape> outs(n.outputs.begin(), n.outputs.end());
        const std::string i = node_input_text(is_input, is_input ? outs : ins);
        const std::string o = node_output_text(is_input, outs);
        in_agrees = in_agrees && (!in || *in == i);
        out_agrees = out_agrees && (!out || *out == o);
        in = i;
        out = o;
    }
    return {in && in_agrees ? *in : "?", out && out_agrees ? *out : "?"};
}

inline PlotNode graph_plot_node(const Graph& g, std::int32_t layer, const PlotOptions& options)
{
    const GraphLayer& l = g.layer(layer);
    LayerTraits traits = l.layer ? layer_traits(*l.layer) : LayerTraits{};
    traits.trainable = l.trainable;
    // tf.keras builds Model(inputs, outputs) as class Functional.
    PlotNode n = plot_node(std::to_string(layer), l.name.render(options.naming).view(),
                           l.model >= 0 ? std::string_view("Functional") : l.name.class_name, traits);
    std::tie(n.input_shape, n.output_shape) = graph_layer_shapes(g, layer);
    return n;
}

// tf.keras's model_to_dot on a functional model (with subgraph=True for a nested one): a node per
// layer of model.layers, or with expand_nested a cluster per nested model; then, for every call of
// each layer inside this model, an edge from each inbound layer. With expand_nested an edge into a
// nested model goes to its cluster's first node, and one out of it leaves from its last node.
inline DotGraph graph_dot(const Graph& g, std::int32_t model_layer, const PlotOptions& options,
                          const std::string& indent)
{
    const ModelData& m = g.model_data(g.layer(model_layer).model);
    const auto nested = [&](std::int32_t l) { return options.expand_nested && g.layer(l).model >= 0; };
    std::vector<std::pair<std::int32_t, DotGraph>> clusters;
    const auto end_node = [&](std::int32_t l, bool first) {
        const DotGraph& c = std::ranges::find(clusters, l, &std::pair<std::int32_t, DotGraph>::first)->second;
        return first ? c.nodes.front() : c.nodes.back();
    };
    DotGraph dot;
    for (std::int32_t l : m.layers) {
        if (!nested(l)) {
            dot.add_node(graph_plot_node(g, l, options), options, indent);
            continue;
        }
        const DotGraph& cluster = clusters.emplace_back(l, graph_dot(g, l, options, indent + "  ")).second;
        dot.statements += indent + "subgraph cluster_" + std::to_string(l) + " {\n" + indent + "  style=dashed;\n" +
                          indent + "  label=" + dot_quoted(g.layer(l).name.render(options.naming).view()) + ";\n" +
                          indent + "  labeljust=l;\n" + cluster.body(indent + "  ") + indent + "}\n";
    }
    for (std::int32_t l : m.layers) {
        for (std::int32_t id : g.nodes_of(l)) {
            if (!std::ranges::binary_search(m.nodes, id)) continue;
            for (const TensorRef& r : g.inputs(g.node(id))) {
                const std::int32_t from = g.node(r.node).layer;
                dot.add_edge(nested(from) ? end_node(from, false) : std::to_string(from),
                             nested(l) ? end_node(l, true) : std::to_string(l));
            }
        }
    }
    return dot;
}

} // namespace detail

// tf.keras's `model_to_dot(model, ...)` for a functional model, as DOT text.
inline std::string model_to_dot(const Model& model, const PlotOptions& options = {})
{
    return detail::dot_document(detail::graph_dot(model.graph(), model.as_layer().index(), options, "  "), options);
}

// tf.keras's `model_to_dot` for a Sequential: its layers in a chain, from its InputLayer, which Keras
// makes (named `<first layer>_input`) when the first layer declares the input shape.
template <std::size_t N, class LayerT>
std::string model_to_dot(const Sequential<N, LayerT>& model, const PlotOptions& options = {})
{
    const Shape input = model.input_shape(); // first: fails for a model that is not built
    const auto layers = model.layers();
    std::vector<detail::PlotNode> nodes;
    if (!layers[0].layer.template is<InputLayer>()) {
        const std::string name = std::string(layers[0].name.render(options.naming).view()) + "_input";
        nodes.push_back(detail::plot_node("0", name, "InputLayer", {}));
    }
    for (const auto& l : layers)
        nodes.push_back(detail::plot_node(std::to_string(nodes.size()), l.name.render(options.naming).view(),
                                          l.layer.class_name(), detail::layer_traits(l.layer)));
    // Node 0 is the InputLayer; every later one is called on its predecessor's output.
    const std::size_t implicit = nodes.size() - layers.size();
    const Shape* previous = &input;
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        const Shape& out = i == 0 ? input : layers[i - implicit].output_shape;
        nodes[i].input_shape = detail::node_input_text(i == 0, {previous, 1});
        nodes[i].output_shape = detail::node_output_text(i == 0, {&out, 1});
        previous = &out;
    }
    detail::DotGraph dot;
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        dot.add_node(nodes[i], options, "  ");
        if (i > 0) dot.add_edge(nodes[i - 1].id, nodes[i].id);
    }
    return detail::dot_document(dot, options);
}

} // namespace nnshape
