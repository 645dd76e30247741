#pragma once
// What the summary styles share (summary.hpp renders with them): the styles, options and extra columns
// with the names tools give them, and each row's cells. Standard library only.

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "../detail/name_pattern.hpp"
#include "../option_names.hpp"
#include "../report.hpp"

namespace nnshape {

// The table of one Keras version (docs/keras-differences.md: which versions each reproduces). keras3_0
// is Keras 3.0.0 to 3.0.4's (other column ends). The tf_keras ones are tf.keras's (TensorFlow 2.x),
// named after the first version with that layout or those names: tf_keras_2_0 (2.0 to 2.2, a nested
// functional model's class `Model`) and tf_keras_2_3 (`functional_1`) print tf_keras_2_4's table.
enum class SummaryStyle : std::uint8_t {
    keras2,
    keras3,
    tf_keras_2_4,
    tf_keras_2_7,
    tf_keras_2_13,
    keras3_0,
    tf_keras_2_0,
    tf_keras_2_3
};

inline constexpr std::array<NamedValue<SummaryStyle>, 8> summary_styles{{
    {"keras2", SummaryStyle::keras2, "Keras 2's plain table (standalone Keras 2)"},
    {"keras3", SummaryStyle::keras3, "Keras 3's boxed table (Keras 3.0.5 and later)"},
    {"keras3_0", SummaryStyle::keras3_0, "Keras 3.0.0-3.0.4's boxed table (other column widths)"},
    {"tf_keras_2_0", SummaryStyle::tf_keras_2_0, "tf.keras 2.0-2.2's table (Model: line, nested Model)"},
    {"tf_keras_2_3", SummaryStyle::tf_keras_2_3, "tf.keras 2.3's table (functional_1)"},
    {"tf_keras_2_4", SummaryStyle::tf_keras_2_4, "tf.keras 2.4-2.6's table (Model: line, cut cells)"},
    {"tf_keras_2_7", SummaryStyle::tf_keras_2_7, "tf.keras 2.7-2.12's table (wrapped cells)"},
    {"tf_keras_2_13", SummaryStyle::tf_keras_2_13, "tf.keras 2.13-2.15's table (memory in totals)"},
}};

// tf.keras 2.7 and later: rows start with a space, blank lines between them, cells wrap.
constexpr bool wraps_cells(SummaryStyle s)
{
    return s == SummaryStyle::tf_keras_2_7 || s == SummaryStyle::tf_keras_2_13;
}

constexpr bool is_keras3(SummaryStyle s) { return s == SummaryStyle::keras3 || s == SummaryStyle::keras3_0; }

constexpr bool is_tf_keras(SummaryStyle s)
{
    return s == SummaryStyle::tf_keras_2_0 || s == SummaryStyle::tf_keras_2_3 || s == SummaryStyle::tf_keras_2_4 ||
           wraps_cells(s);
}

// Extra columns beside Keras's (torchinfo's names), in this order when several are asked for.
enum class SummaryColumn : std::uint8_t { input_shape, kernel_size, param_percent, macs, flops, activation_bytes };

inline constexpr std::array<NamedValue<SummaryColumn>, 6> summary_columns{{
    {"input_shape", SummaryColumn::input_shape, "each call's input shapes"},
    {"kernel_size", SummaryColumn::kernel_size, "a convolution's kernel size, a pooling's pool size"},
    {"param_percent", SummaryColumn::param_percent, "the layer's share of the model's parameters"},
    {"macs", SummaryColumn::macs, "multiply-accumulates, over the layer's calls"},
    {"flops", SummaryColumn::flops, "floating-point operations, over the layer's calls"},
    {"activation_bytes", SummaryColumn::activation_bytes, "bytes of the layer's outputs, over its calls"},
}};

// Keras's `summary(line_length, positions, expand_nested, show_trainable, layer_range)`, the style of
// the table and of the automatic names, and the extra columns.
struct SummaryOptions {
    std::optional<Naming> naming{}; // automatic names; default: the style's own Keras version
    // Width of the table; 0 takes Keras's default: keras2 and tf_keras 65 (sequential-like) or 98;
    // keras3 and keras3_0 76 (what Keras 3 uses when its output is not a terminal: 80 columns less 4,
    // show_trainable too).
    int line_length = 0;
    // Where each column ends; empty takes Keras's default. If the last one is <= 1, all are fractions
    // of line_length, truncated as Python's int(line_length * p).
    std::vector<double> positions = {};
    SummaryStyle style = SummaryStyle::keras2;
    // Rows for the layers of nested models, prefixed "   " * level + "└ " (tf_keras_2_7 and later:
    // framed by `|` and `¯` as tf.keras does).
    bool expand_nested = false;
    bool show_trainable = false; // a Trainable column: Y / N (keras3: - for a layer without weights)
    // Keras's layer_range: the first layer whose name matches the first regex (re.match: from the
    // start) through the last that matches the second.
    std::optional<std::array<std::string, 2>> layer_range{};
    // keras2, tf_keras_2_4: a layer called several times lists each call's output shape where Keras
    // prints `multiple` (always so with extra columns: only Keras's own table keeps `multiple`).
    bool shapes_per_call = false;
    std::vector<SummaryColumn> columns = {}; // keras2 and tf_keras_2_4 styles only
    std::int64_t batch_size = 1; // for the cost and memory columns and footer
    DType dtype = DType::float32;
};

namespace detail {

// torchinfo's header of an extra column. A new column fails the build (-Wswitch) until it has one, and
// then (the static_assert below) until summary_columns names it.
constexpr std::string_view column_header(SummaryColumn c)
{
    switch (c) {
    case SummaryColumn::input_shape:
        return "Input Shape";
    case SummaryColumn::kernel_size:
        return "Kernel Size";
    case SummaryColumn::param_percent:
        return "Param %";
    case SummaryColumn::macs:
        return "Mult-Adds";
    case SummaryColumn::flops:
        return "FLOPs";
    case SummaryColumn::activation_bytes:
        return "Activation Bytes";
    }
    return {};
}

constexpr bool names_every_column()
{
    for (std::size_t i = 0; i < summary_columns.size(); ++i)
        if (summary_columns[i].value != SummaryColumn(i)) return false;
    return column_header(SummaryColumn(summary_columns.size())).empty();
}
static_assert(names_every_column(), "summary_columns: one entry per SummaryColumn, in its order");

// Python's '{:,}'.format(n): 1199882 -> "1,199,882".
inline std::string thousands(std::int64_t n)
{
    std::string text = std::to_string(n);
    const std::size_t sign = text[0] == '-' ? 1 : 0;
    for (std::size_t end = text.size(); end > sign + 3; end -= 3) text.insert(end - 3, 1, ',');
    return text;
}

inline std::string shapes_text(const Shapes& shapes)
{
    if (shapes.size() == 1) return to_string(shapes[0]);
    std::string list;
    for (const Shape& s : shapes) list += (list.empty() ? "[" : ", ") + to_string(s);
    return list + "]";
}

// Python's str() of Keras's `layer.output_shape`: a tuple, a list of tuples for a layer with several
// outputs, or `multiple` when the layer's calls disagree or it was never called.
inline std::string output_shape_cell(const Shapes* shapes) { return shapes ? shapes_text(*shapes) : "multiple"; }

// What Keras 2 shows for a row's calls: their common shapes, else nothing (`multiple`).
inline const Shapes* common_shapes(const ReportRow& row)
{
    if (row.output_shapes.empty()) return nullptr;
    for (const Shapes& s : row.output_shapes)
        if (!(s == row.output_shapes[0])) return nullptr;
    return &row.output_shapes[0];
}

// `name (Class)` as Keras shows it; a row from a file's facts adds ` (from file)` after it, so the cell
// still starts with Keras's text.
inline std::string layer_cell(std::string_view name, std::string_view class_name, bool from_file = false)
{
    const std::string_view file_mark = from_file ? " (from file)" : "";
    std::string cell;
    cell.reserve(name.size() + class_name.size() + 3 + file_mark.size()); // one allocation at most
    cell.append(name).append(" (").append(class_name).append(")").append(file_mark);
    return cell;
}

inline std::string nested_prefix(std::int32_t depth)
{
    if (depth == 0) return "";
    std::string p;
    for (std::int32_t i = 0; i < depth; ++i) p += "   ";
    return p + "\u2514 ";
}

inline std::string connection_text(const Connection& c)
{
    return std::string(c.layer.view()) + '[' + std::to_string(c.node_index) + "][" + std::to_string(c.tensor_index) +
           ']';
}

// Python's str() of a list of strings: ['dense[0][0]', 'add[0][0]'].
inline std::string python_list(const std::vector<std::string>& items)
{
    std::string text;
    for (const std::string& item : items) text += (text.empty() ? "'" : ", '") + item + "'";
    return '[' + text + ']';
}

// The rows Keras's layer_range keeps: [first match of range[0], last match of range[1]].
inline std::pair<std::size_t, std::size_t> layer_range(const Report& r, const SummaryOptions& options)
{
    if (!options.layer_range) return {0, r.rows.size()};
    const NamePattern from((*options.layer_range)[0], "summary: layer_range"),
        to((*options.layer_range)[1], "summary: layer_range");
    std::vector<std::size_t> lower, upper; // top-level rows only, as Keras matches model.layers
    for (std::size_t i = 0; i < r.rows.size(); ++i) {
        if (r.rows[i].depth > 0) continue;
        if (from.matches_start_of(r.rows[i].name.view())) lower.push_back(i);
        if (to.matches_start_of(r.rows[i].name.view())) upper.push_back(i);
    }
    require(!lower.empty() && !upper.empty(), "summary: Passed layer_names do not match the layer names in the model.");
    std::size_t first = lower.front(), last = upper.back();
    if (first > last) std::swap(first = upper.front(), last = lower.back());
    ++last;
    while (last < r.rows.size() && r.rows[last].depth > 0) ++last; // with the expanded rows of the last
    return {first, last};
}

// The report's rows as Keras lists the model's layers: Keras 3 and tf.keras list no InputLayer among
// a Sequential's layers (tf.keras's Sequential.layers drops the one it makes or is given). The report is
// taken by value: a summary moves its own in (copying every row was a tenth of a summary's time).
inline Report listed_layers(Report r, SummaryStyle style)
{
    if (r.is_sequential && style != SummaryStyle::keras2)
        std::erase_if(r.rows, [](const ReportRow& row) { return row.class_name == "InputLayer"; });
    return r;
}

// The line above the tables of Keras 3 and tf.keras.
inline std::string model_line(const Report& r) { return "Model: \"" + std::string(r.name.view()) + "\"\n"; }

// A table column: its header and, per row, its lines (a row is as tall as its tallest cell).
struct TextColumn {
    std::string header;
    bool right = false; // keras3: right-justified
    bool center = false;
    // Every row's lines, one row after another: row i's are [row_ends[i - 1], row_ends[i]). Kept flat so
    // that a row costs no list of its own (a tenth of a summary's time went to allocating them).
    std::vector<std::string> lines{};
    std::vector<std::size_t> row_ends{};

    std::span<const std::string> cell(std::size_t row) const
    {
        const std::size_t begin = row == 0 ? 0 : row_ends[row - 1];
        return std::span(lines).subspan(begin, row_ends[row] - begin);
    }
    void add_cell(std::string line)
    {
        lines.push_back(std::move(line));
        row_ends.push_back(lines.size());
    }
    void add_cell(std::span<std::string> cell_lines)
    {
        for (std::string& line : cell_lines) lines.push_back(std::move(line));
        row_ends.push_back(lines.size());
    }
};

inline std::string count_cell(Dim d) { return d.known() ? thousands(d.value()) : "unknown"; }

inline std::string percent_cell(std::int64_t part, std::int64_t total)
{
    if (part == 0 || total == 0) return "--";
    char text[32];
    std::snprintf(text, sizeof text, "%.2f%%", 100.0 * double(part) / double(total));
    return text;
}

// The columns of the rows [first, last): Keras's, then the extra ones asked for.
inline std::vector<TextColumn> text_columns(const Report& r, std::pair<std::size_t, std::size_t> range,
                                            const SummaryOptions& options, bool connected)
{
    const bool keras3 = is_keras3(options.style);
    const bool tf_keras = is_tf_keras(options.style), wrapped = wraps_cells(options.style);
    const auto has = [&](SummaryColumn c) { return std::ranges::find(options.columns, c) != options.columns.end(); };
    std::vector<TextColumn> cols;
    cols.reserve(11); // every column there can be: the references below stay valid
    const auto add = [&](std::string header, bool right = false, bool center = false) -> TextColumn& {
        TextColumn& c = cols.emplace_back(TextColumn{std::move(header), right, center});
        c.lines.reserve(range.second - range.first);
        c.row_ends.reserve(range.second - range.first);
        return c;
    };
    const auto extra = [&](SummaryColumn c, bool right) {
        return has(c) ? &add(std::string(column_header(c)), right) : nullptr;
    };
    TextColumn& layer = add("Layer (type)");
    TextColumn* input = extra(SummaryColumn::input_shape, false);
    TextColumn& output = add("Output Shape");
    TextColumn* kernel = extra(SummaryColumn::kernel_size, false);
    TextColumn& params = add("Param #", true);
    TextColumn* percent = extra(SummaryColumn::param_percent, true);
    TextColumn* macs = extra(SummaryColumn::macs, true);
    TextColumn* flops = extra(SummaryColumn::flops, true);
    TextColumn* bytes = extra(SummaryColumn::activation_bytes, true);
    TextColumn* links = connected ? &add("Connected to") : nullptr;
    TextColumn* trainable = options.show_trainable ? &add("Trainable", false, true) : nullptr;

    for (std::size_t i = range.first; i < range.second; ++i) {
        const ReportRow& row = r.rows[i];
        // Keras 3 and tf.keras from 2.3 on call a functional model's class Functional (TF 2.3's
        // engine/functional.py; before, Model.__new__ made no other class).
        const bool functional = options.style != SummaryStyle::keras2 && options.style != SummaryStyle::tf_keras_2_0;
        const std::string_view class_name =
            functional && row.class_name == "Model" ? "Functional" : row.class_name.view();
        std::string cell = layer_cell(row.name.view(), class_name, row.from_file);
        if (!wrapped && row.depth > 0) cell.insert(0, nested_prefix(row.depth));
        layer.add_cell(std::move(cell));
        if (keras3) { // Keras 3 shows one call's shapes; here each distinct one, never `multiple`
            std::string joined;
            for (std::size_t c = 0; c < row.output_shapes.size(); ++c)
                if (std::find(row.output_shapes.begin(), row.output_shapes.begin() + std::ptrdiff_t(c),
                              row.output_shapes[c]) == row.output_shapes.begin() + std::ptrdiff_t(c))
                    joined += (joined.empty() ? "" : ", ") + shapes_text(row.output_shapes[c]);
            output.add_cell(joined.empty() ? "?" : joined);
        } else if (const Shapes* common = common_shapes(row);
                   common || !(options.shapes_per_call || !options.columns.empty()) || row.output_shapes.empty()) {
            // tf.keras's InputLayer keeps its output in a list: [(None, 784)].
            const bool listed = tf_keras && common && row.class_name == "InputLayer";
            output.add_cell(listed ? '[' + output_shape_cell(common) + ']' : output_shape_cell(common));
        } else {
            std::vector<std::string> each_call;
            for (const Shapes& s : row.output_shapes) each_call.push_back(shapes_text(s));
            output.add_cell(each_call);
        }
        if (input) {
            std::vector<std::string> ins;
            for (const auto& call : row.input_shapes) {
                std::string text;
                for (const Shape& s : call) text += (text.empty() ? "" : ", ") + to_string(s);
                ins.push_back(call.size() == 1 ? text : "[" + text + "]");
            }
            if (ins.empty()) ins.push_back("--");
            input->add_cell(ins);
        }
        if (kernel) kernel->add_cell(row.kernel_size.rank() == 0 ? "--" : to_string(row.kernel_size));
        params.add_cell(keras3 ? thousands(row.params.total()) : std::to_string(row.params.total()));
        if (percent) percent->add_cell(percent_cell(row.params.total(), r.params.total()));
        if (macs) macs->add_cell(count_cell(row.macs));
        if (flops) flops->add_cell(count_cell(row.flops));
        if (bytes) bytes->add_cell(count_cell(row.activation_bytes));
        if (links) {
            std::vector<std::string> each;
            for (const Connection& c : row.connections) each.push_back(connection_text(c));
            if (keras3) {
                std::string joined;
                for (const std::string& e : each) joined += (joined.empty() ? "" : ", ") + e;
                links->add_cell(joined.empty() ? "-" : joined);
            } else if (wrapped) { // tf.keras 2.7 on prints the list, and wraps it
                // The calls inside a nested model are not among the outer model's nodes, which
                // print_summary keeps: the rows expanded under a model list none.
                if (row.depth > 0) each.clear();
                links->add_cell(python_list(each));
            } else {
                if (each.empty()) each.emplace_back();
                links->add_cell(each);
            }
        }
        if (trainable) trainable->add_cell(keras3 && !row.has_weights ? "-" : row.trainable ? "Y" : "N");
    }
    return cols;
}

} // namespace detail

} // namespace nnshape
