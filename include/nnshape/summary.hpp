#pragma once
// Keras 2's `model.summary()` text (Keras 2.1.6 to 2.2.4): the same columns, widths, cut cells and
// totals, so that a table can be compared with the one Keras prints character for character.
// Standard library only; nnshape/fmt.hpp and nnshape/ostream.hpp print through it.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "functional.hpp"
#include "naming.hpp"
#include "sequential.hpp"
#include "shape.hpp"

namespace nnshape {

// Keras's `summary(line_length=None, positions=None)`, and the style of the automatic layer names.
struct SummaryOptions {
    Naming naming = keras2;
    // Width of the rule lines; 0 takes Keras's default: 65 (sequential-like) or 98.
    int line_length = 0;
    // Where each column ends; empty takes Keras's default. If the last one is <= 1, all are fractions
    // of line_length, truncated as Python's int(line_length * p).
    std::vector<double> positions = {};
};

namespace detail {

// Python's '{:,}'.format(n): 1199882 -> "1,199,882".
inline std::string thousands(std::int64_t n)
{
    std::string text = std::to_string(n);
    const std::size_t sign = text[0] == '-' ? 1 : 0;
    for (std::size_t end = text.size(); end > sign + 3; end -= 3) text.insert(end - 3, 1, ',');
    return text;
}

// Python's str() of Keras's `layer.output_shape`: a tuple, a list of tuples for a layer with several
// outputs, or `multiple` when the layer's calls disagree or it was never called.
inline std::string output_shape_cell(const std::optional<Shapes>& shapes)
{
    if (!shapes) return "multiple";
    if (shapes->size() == 1) return to_string((*shapes)[0]);
    std::string list;
    for (const Shape& s : *shapes) list += (list.empty() ? "[" : ", ") + to_string(s);
    return list + "]";
}

inline std::string layer_cell(std::string_view name, std::string_view class_name)
{
    return std::string(name) + " (" + std::string(class_name) + ")";
}

// Keras's print_row: before each field but the first, the last character of the line so far becomes
// a space (a cell that reached its column end loses its last character); then the line is cut or
// padded to the field's end position.
inline std::string summary_row(std::span<const std::string> fields, std::span<const std::size_t> positions)
{
    std::string line;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i > 0) {
            if (!line.empty()) line.pop_back();
            line += ' ';
        }
        line += fields[i];
        line.resize(positions[i], ' ');
    }
    return line;
}

struct SummaryLayout {
    std::size_t line_length;
    std::vector<std::size_t> positions; // 4 columns: the functional layout with `Connected to`
    bool connected() const { return positions.size() == 4; }
};

inline SummaryLayout summary_layout(const SummaryOptions& options, bool sequential_like)
{
    require(options.line_length >= 0, "summary: line_length must not be negative");
    const std::size_t columns = sequential_like ? 3 : 4;
    const std::vector<double> fallback = sequential_like ? std::vector{.45, .85, 1.} : std::vector{.33, .55, .67, 1.};
    const std::vector<double>& given = options.positions.empty() ? fallback : options.positions;
    require(given.size() == columns, "summary: positions needs one end per column: 3 for a sequential-like "
                                     "model, 4 with `Connected to`");
    const double line_length = options.line_length > 0 ? options.line_length : sequential_like ? 65 : 98;
    const bool fractions = given.back() <= 1;
    SummaryLayout layout{std::size_t(line_length), {}};
    for (double p : given) {
        require(p >= 0, "summary: positions must not be negative");
        layout.positions.push_back(std::size_t(fractions ? line_length * p : p));
    }
    return layout;
}

// One layer's row: the cells Keras prints, with every connection (the first shares the layer's row).
struct SummaryEntry {
    std::string layer;
    std::string output_shape;
    std::int64_t params;
    std::vector<std::string> connections;
};

inline std::string entry_rows(const SummaryEntry& entry, const SummaryLayout& layout)
{
    std::vector<std::string> fields{entry.layer, entry.output_shape, std::to_string(entry.params)};
    if (!layout.connected()) return summary_row(fields, layout.positions) + '\n';
    fields.push_back(entry.connections.empty() ? "" : entry.connections[0]);
    std::string rows = summary_row(fields, layout.positions) + '\n';
    for (std::size_t i = 1; i < entry.connections.size(); ++i) {
        const std::string continuation[] = {"", "", "", entry.connections[i]};
        rows += summary_row(continuation, layout.positions) + '\n';
    }
    return rows;
}

// The frame around the rows: rules of '_' and '=', the header and the parameter totals.
inline std::string render_summary(std::span<const SummaryEntry> entries, Params totals, const SummaryLayout& layout)
{
    const std::string rule(layout.line_length, '_');
    const std::string double_rule(layout.line_length, '=');
    std::vector<std::string> header{"Layer (type)", "Output Shape", "Param #", "Connected to"};
    header.resize(layout.positions.size());
    std::string text = rule + '\n' + summary_row(header, layout.positions) + '\n' + double_rule + '\n';
    for (std::size_t i = 0; i < entries.size(); ++i)
        text += entry_rows(entries[i], layout) + (i + 1 == entries.size() ? double_rule : rule) + '\n';
    return text + "Total params: " + thousands(totals.total()) + '\n' +
           "Trainable params: " + thousands(totals.trainable) + '\n' +
           "Non-trainable params: " + thousands(totals.non_trainable) + '\n' + rule + '\n';
}

// Keras's "Connected to": `name[node_index][tensor_index]` for every inbound tensor of every call of
// the layer made inside this model (calls in other models are left out).
inline std::vector<std::string> connections(const Model& model, const LayerView& layer, Naming style)
{
    const Graph& graph = model.graph();
    std::vector<std::string> out;
    for (std::int32_t id : layer.nodes()) {
        if (!std::ranges::binary_search(model.nodes(), id)) continue;
        for (const TensorRef& ref : graph.inputs(graph.node(id))) {
            const Node& inbound = graph.node(ref.node);
            out.push_back(std::string(graph.layer(inbound.layer).name.render(style).view()) + '[' +
                          std::to_string(inbound.node_index) + "][" + std::to_string(ref.index) + ']');
        }
    }
    return out;
}

} // namespace detail

// Keras's `model.summary()` for a Sequential: always the 3-column layout, no `Connected to`.
template <std::size_t N, class LayerT>
std::string summary(const Sequential<N, LayerT>& model, const SummaryOptions& options = {})
{
    const Params totals = model.params(); // first: fails for a model that has no input shape yet
    std::vector<detail::SummaryEntry> entries;
    for (const auto& l : model.layers())
        entries.push_back({detail::layer_cell(l.name.render(options.naming).view(), l.layer.class_name()),
                           to_string(l.output_shape), l.count_params(), {}});
    return detail::render_summary(entries, totals, detail::summary_layout(options, true));
}

// Keras's `model.summary()` for a functional Model: the 3-column layout for a chain of layers, else
// the 4-column one with `Connected to`. Layers come in Keras's `model.layers` order.
inline std::string summary(const Model& model, const SummaryOptions& options = {})
{
    const bool sequential_like = model.sequential_like();
    std::vector<detail::SummaryEntry> entries;
    for (const LayerView& l : model.layers()) {
        std::vector<std::string> connections; // only the functional layout shows them
        if (!sequential_like) connections = detail::connections(model, l, options.naming);
        entries.push_back({detail::layer_cell(l.name(options.naming).view(), l.class_name()),
                           detail::output_shape_cell(l.output_shapes()), l.count_params(), std::move(connections)});
    }
    return detail::render_summary(entries, model.params(), detail::summary_layout(options, sequential_like));
}

} // namespace nnshape
