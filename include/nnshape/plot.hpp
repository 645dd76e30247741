#pragma once
// Keras's `plot_model` / `model_to_dot` as Graphviz DOT text, in tf.keras's format (tf_keras/utils/
// vis_utils.py, model_to_dot): record labels `name|Class`, one node per layer however often it is
// called, deduplicated edges, and nested models as dashed clusters with `expand_nested`. Rendered from
// the summary value (report.hpp), like the text summaries. Render the text with Graphviz:
// `dot -Tpng model.dot -o model.png`. Standard library only.
//
// Node ids are the rows' ids (ReportRow::id: the layer's index in its Graph; for a Sequential its
// place in the drawn list, the input first) where Keras writes str(id(layer)); a nested model's cluster
// is `cluster_<its id>` where Keras writes `cluster_<its name>`. Both are stable from run to run.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "report.hpp"

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

// Python's str() of a list of shape tuples.
inline std::string shape_list(std::span<const Shape> shapes)
{
    std::string text = "[";
    for (std::size_t i = 0; i < shapes.size(); ++i) text += (i > 0 ? ", " : "") + to_string(shapes[i]);
    return text + "]";
}

// An InputLayer's Node gives its shapes as lists, one shape included.
inline bool is_input_layer(const ReportRow& row) { return !row.is_model && row.class_name == InputLayer::class_name; }

// Python's str() of Keras's layer.input_shape, "?" where it raises. tf.keras's Node.input_shapes
// (tf_keras/engine/node.py): an Input's node gives a list of its one shape; a call on several tensors,
// the list; a call on one tensor, its tuple -- unless the tuple has one element, which
// `len(input_shapes) == 1` unwraps: a rank-1 input reads as its batch dim. Functional.input_shape: a
// tuple for one input, else the list.
inline std::string input_shape_text(const ReportRow& row)
{
    if (!row.layer_input_shapes) return "?";
    const std::vector<Shape>& shapes = *row.layer_input_shapes;
    if (is_input_layer(row) || shapes.size() != 1) return shape_list(shapes);
    return shapes[0].rank() == 1 && !row.is_model ? to_string(shapes[0][0]) : to_string(shapes[0]);
}

// And of layer.output_shape: a list for an Input's node or several outputs, else the one tuple.
inline std::string output_shape_text(const ReportRow& row)
{
    if (!row.layer_output_shapes) return "?";
    const std::vector<Shape>& shapes = *row.layer_output_shapes;
    return is_input_layer(row) || shapes.size() != 1 ? shape_list(shapes) : to_string(shapes[0]);
}

// tf.keras's model_to_dot label: the class, then `{Class|activation}`, `name|...`, `...|float32`, the
// shapes table `{...}|{input:|output:}|{{in}|{out}}`, and a `T|` / `NT|` prefix, each wrapping the last.
// tf.keras builds Model(inputs, outputs) as class Functional; a Wrapper's label shows the wrapped
// layer, `name(inner_name)` and `Class(InnerClass)` (nnshape does not number a wrapped layer's
// automatic name, so an unnamed one adds only its class). tf.keras escapes braces in shapes; nnshape's
// shapes are tuples and lists, which have none.
inline std::string record_label(const ReportRow& row, std::string_view name, const PlotOptions& options)
{
    const auto shown = [](std::string_view class_name) {
        return std::string(class_name == "Model" ? std::string_view("Functional") : class_name);
    };
    std::string label = shown(row.class_name.view());
    if (!row.wrapped_class.empty()) label += '(' + shown(row.wrapped_class) + ')';
    if (options.show_layer_activations && row.activation)
        label = '{' + label + '|' + std::string(*row.activation) + '}';
    if (options.show_layer_names)
        label = std::string(name) + (row.wrapped_name.empty() ? "" : '(' + std::string(row.wrapped_name) + ')') + '|' +
                label;
    if (options.show_dtype) label += "|float32"; // nnshape layers and Inputs have Keras's default floatx
    if (options.show_shapes)
        label = '{' + label + "}|{input:|output:}|{{" + input_shape_text(row) + "}|{" + output_shape_text(row) + "}}";
    if (options.show_trainable) label = (row.trainable ? "T|" : "NT|") + label;
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

    void add_node(std::string id, std::string_view label, const std::string& indent)
    {
        statements += indent + id + " [label=" + dot_quoted(label) + "];\n";
        nodes.push_back(std::move(id));
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

// The row after the rows of the layers nested under rows[i] (with expand_nested).
inline std::size_t subtree_end(std::span<const ReportRow> rows, std::size_t i)
{
    std::size_t end = i + 1;
    while (end < rows.size() && rows[end].depth > rows[i].depth) ++end;
    return end;
}

// The InputLayer Keras adds to a Sequential (Report::implicit_input): it reads the first layer's input.
inline ReportRow implicit_input_row(const ReportRow& first)
{
    ReportRow input;
    input.class_name = InputLayer::class_name;
    input.layer_input_shapes = first.layer_input_shapes;
    input.layer_output_shapes = std::vector<Shape>{first.layer_input_shapes->at(0)};
    return input;
}

// tf.keras's model_to_dot on the rows of one model (with subgraph=True for a nested one): a node per
// layer, or with expand_nested a cluster per nested model; then, for every call of each layer inside
// this model, an edge from each inbound layer. With expand_nested an edge into a nested model goes to
// its cluster's first node, and one out of it leaves from its last node. A Sequential's implicit
// InputLayer comes first, with an edge to the first layer.
inline DotGraph rows_dot(std::span<const ReportRow> rows, const Report* implicit_input, const PlotOptions& options,
                         const std::string& indent)
{
    std::vector<std::pair<std::int32_t, DotGraph>> clusters; // by row id
    const auto cluster = [&](std::int32_t id) -> const DotGraph* {
        const auto it = std::ranges::find(clusters, id, &std::pair<std::int32_t, DotGraph>::first);
        return it == clusters.end() ? nullptr : &it->second;
    };
    DotGraph dot;
    if (implicit_input) {
        const Report& r = *implicit_input;
        const std::string name =
            r.input_name.empty() ? std::string(rows[0].name.view()) + "_input" : std::string(r.input_name.view());
        dot.add_node(std::to_string(r.input_id), record_label(implicit_input_row(rows[0]), name, options), indent);
        dot.add_edge(std::to_string(r.input_id), std::to_string(rows[0].id));
    }
    std::vector<std::size_t> own; // the rows of this model's layers
    for (std::size_t i = 0; i < rows.size(); i = subtree_end(rows, i)) {
        own.push_back(i);
        const ReportRow& row = rows[i];
        if (!(options.expand_nested && row.is_model)) {
            dot.add_node(std::to_string(row.id), record_label(row, row.name.view(), options), indent);
            continue;
        }
        const auto inner = rows.subspan(i + 1, subtree_end(rows, i) - i - 1);
        const DotGraph& c = clusters.emplace_back(row.id, rows_dot(inner, nullptr, options, indent + "  ")).second;
        dot.statements += indent + "subgraph cluster_" + std::to_string(row.id) + " {\n" + indent +
                          "  style=dashed;\n" + indent + "  label=" + dot_quoted(row.name.view()) + ";\n" + indent +
                          "  labeljust=l;\n" + c.body(indent + "  ") + indent + "}\n";
    }
    for (std::size_t i : own) {
        const DotGraph* into = cluster(rows[i].id);
        for (const Connection& c : rows[i].connections) {
            const DotGraph* out_of = cluster(c.layer_id);
            dot.add_edge(out_of ? out_of->nodes.back() : std::to_string(c.layer_id),
                         into ? into->nodes.front() : std::to_string(rows[i].id));
        }
    }
    return dot;
}

inline std::string report_dot(const Report& r, const PlotOptions& options)
{
    return dot_document(rows_dot(r.rows, r.implicit_input ? &r : nullptr, options, "  "), options);
}

inline ReportOptions report_options(const PlotOptions& options)
{
    return {.naming = options.naming, .expand_nested = options.expand_nested, .costs = false}; // a diagram shows none
}

// The DOT text of a model of type M (a template: see the extern declarations at the end).
template <class M>
std::string dot_of(const M& model, const PlotOptions& options)
{
    return report_dot(report(model, report_options(options)), options);
}

} // namespace detail

// tf.keras's `model_to_dot(model, ...)` for a functional model, as DOT text.
inline std::string model_to_dot(const Model& model, const PlotOptions& options = {})
{
    return detail::dot_of(model, options);
}

// tf.keras's `model_to_dot` for a Sequential: its layers in a chain, from its InputLayer, which Keras
// makes (named `<first layer>_input`) when the first layer declares the input shape.
template <std::size_t N, detail::layer_values LayerT>
std::string model_to_dot(const Sequential<N, LayerT>& model, const PlotOptions& options = {})
{
    return detail::dot_of(model, options);
}

#ifdef NNSHAPE_COMPILED_LIBRARY
// A program that links nnshape::compiled (src/compiled.cpp) takes these run-time instantiations from the
// library instead of compiling them; constant evaluation still instantiates them where it needs them.
extern template std::string detail::dot_of(const Model&, const PlotOptions&);
extern template std::string detail::dot_of(const Sequential<>&, const PlotOptions&);
#endif

} // namespace nnshape
