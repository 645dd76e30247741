#pragma once
// `model.summary()` text, rendered from the summary value (report.hpp):
//  * SummaryStyle::keras2 (default): Keras 2's table (Keras 2.1.6 to 2.2.4): the same columns, widths,
//    cut cells and totals, so that a table can be compared with the one Keras prints character for
//    character; plus tf.keras's options (expand_nested, show_trainable, layer_range) and optional
//    torchinfo-style columns with their footer.
//  * SummaryStyle::keras3: Keras 3's rich table (box drawing, wrapped cells, memory sizes in the totals).
// Also the FLOPs table of the `nnshape flops` tool, and the names tools give the styles and extra
// columns (summary_styles, summary_columns). Standard library only; nnshape/fmt.hpp and
// nnshape/ostream.hpp print through it.

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <regex>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "option_names.hpp"
#include "report.hpp"

namespace nnshape {

enum class SummaryStyle : std::uint8_t { keras2, keras3 };

inline constexpr std::array<NamedValue<SummaryStyle>, 2> summary_styles{{
    {"keras2", SummaryStyle::keras2, "Keras 2's plain table"},
    {"keras3", SummaryStyle::keras3, "Keras 3's boxed table"},
}};

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
    // Width of the table; 0 takes Keras's default: keras2 65 (sequential-like) or 98; keras3 76 (what
    // Keras 3 uses when its output is not a terminal: 80 columns less 4).
    int line_length = 0;
    // Where each column ends; empty takes Keras's default. If the last one is <= 1, all are fractions
    // of line_length, truncated as Python's int(line_length * p).
    std::vector<double> positions = {};
    SummaryStyle style = SummaryStyle::keras2;
    bool expand_nested = false; // rows for the layers of nested models, prefixed "   " * level + "└ "
    bool show_trainable = false; // a Trainable column: Y / N (keras3: - for a layer without weights)
    // Keras's layer_range: the first layer whose name matches the first regex (re.match: from the
    // start) through the last that matches the second.
    std::optional<std::array<std::string, 2>> layer_range{};
    // keras2: a layer called several times lists each call's output shape where Keras prints
    // `multiple` (always so with extra columns: only Keras's own table keeps `multiple`).
    bool shapes_per_call = false;
    std::vector<SummaryColumn> columns = {}; // keras2 style only
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
inline std::string output_shape_cell(const std::optional<Shapes>& shapes)
{
    return shapes ? shapes_text(*shapes) : "multiple";
}

// What Keras 2 shows for a row's calls: their common shapes, else nothing (`multiple`).
inline std::optional<Shapes> common_shapes(const ReportRow& row)
{
    if (row.output_shapes.empty()) return std::nullopt;
    for (const Shapes& s : row.output_shapes)
        if (!(s == row.output_shapes[0])) return std::nullopt;
    return row.output_shapes[0];
}

inline std::string layer_cell(std::string_view name, std::string_view class_name)
{
    return std::string(name) + " (" + std::string(class_name) + ")";
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

// The rows Keras's layer_range keeps: [first match of range[0], last match of range[1]].
inline std::pair<std::size_t, std::size_t> layer_range(const Report& r, const SummaryOptions& options)
{
    if (!options.layer_range) return {0, r.rows.size()};
    std::vector<std::size_t> lower, upper; // top-level rows only, as Keras matches model.layers
    for (std::size_t i = 0; i < r.rows.size(); ++i) {
        if (r.rows[i].depth > 0) continue;
        const std::string name(r.rows[i].name.view());
        if (std::regex_search(name, std::regex((*options.layer_range)[0]), std::regex_constants::match_continuous))
            lower.push_back(i);
        if (std::regex_search(name, std::regex((*options.layer_range)[1]), std::regex_constants::match_continuous))
            upper.push_back(i);
    }
    require(!lower.empty() && !upper.empty(), "summary: Passed layer_names do not match the layer names in the model.");
    std::size_t first = lower.front(), last = upper.back();
    if (first > last) std::swap(first = upper.front(), last = lower.back());
    ++last;
    while (last < r.rows.size() && r.rows[last].depth > 0) ++last; // with the expanded rows of the last
    return {first, last};
}

// ---- Keras 2 -------------------------------------------------------------------------------------

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
    std::vector<std::size_t> positions;
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

// A table column: its header and, per row, its lines (a row is as tall as its tallest cell).
struct TextColumn {
    std::string header;
    std::vector<std::vector<std::string>> cells;
    bool right = false; // keras3: right-justified
    bool center = false;
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
    const bool keras3 = options.style == SummaryStyle::keras3;
    const auto has = [&](SummaryColumn c) { return std::ranges::find(options.columns, c) != options.columns.end(); };
    std::vector<TextColumn> cols;
    cols.reserve(11); // every column there can be: the references below stay valid
    const auto add = [&](std::string header, bool right = false, bool center = false) -> TextColumn& {
        return cols.emplace_back(TextColumn{std::move(header), {}, right, center});
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
        const std::string_view class_name = keras3 && row.class_name == "Model" ? "Functional" : row.class_name;
        layer.cells.push_back({nested_prefix(row.depth) + layer_cell(row.name.view(), class_name)});
        std::vector<std::string> shapes;
        if (keras3) { // Keras 3 shows one call's shapes; here each distinct one, never `multiple`
            std::string joined;
            for (std::size_t c = 0; c < row.output_shapes.size(); ++c)
                if (std::find(row.output_shapes.begin(), row.output_shapes.begin() + std::ptrdiff_t(c),
                              row.output_shapes[c]) == row.output_shapes.begin() + std::ptrdiff_t(c))
                    joined += (joined.empty() ? "" : ", ") + shapes_text(row.output_shapes[c]);
            shapes.push_back(joined.empty() ? "?" : joined);
        } else if (const auto common = common_shapes(row);
                   common || !(options.shapes_per_call || !options.columns.empty()) || row.output_shapes.empty()) {
            shapes.push_back(output_shape_cell(common));
        } else {
            for (const Shapes& s : row.output_shapes) shapes.push_back(shapes_text(s));
        }
        output.cells.push_back(std::move(shapes));
        if (input) {
            std::vector<std::string> ins;
            for (const auto& call : row.input_shapes) {
                std::string text;
                for (const Shape& s : call) text += (text.empty() ? "" : ", ") + to_string(s);
                ins.push_back(call.size() == 1 ? text : "[" + text + "]");
            }
            input->cells.push_back(ins.empty() ? std::vector<std::string>{"--"} : ins);
        }
        if (kernel) kernel->cells.push_back({row.kernel_size.rank() == 0 ? "--" : to_string(row.kernel_size)});
        params.cells.push_back({keras3 ? thousands(row.params.total()) : std::to_string(row.params.total())});
        if (percent) percent->cells.push_back({percent_cell(row.params.total(), r.params.total())});
        if (macs) macs->cells.push_back({count_cell(row.macs)});
        if (flops) flops->cells.push_back({count_cell(row.flops)});
        if (bytes) bytes->cells.push_back({count_cell(row.activation_bytes)});
        if (links) {
            std::vector<std::string> each;
            for (const Connection& c : row.connections) each.push_back(connection_text(c));
            if (keras3) {
                std::string joined;
                for (const std::string& e : each) joined += (joined.empty() ? "" : ", ") + e;
                links->cells.push_back({joined.empty() ? "-" : joined});
            } else {
                links->cells.push_back(each.empty() ? std::vector<std::string>{""} : each);
            }
        }
        if (trainable) trainable->cells.push_back({keras3 && !row.has_weights ? "-" : row.trainable ? "Y" : "N"});
    }
    return cols;
}

// Keras's positions for its own columns; with extra columns, each is as wide as its widest cell + 2.
inline SummaryLayout keras2_layout(const std::vector<TextColumn>& cols, const SummaryOptions& options,
                                   bool sequential_like)
{
    const bool extra = !options.columns.empty();
    if (!extra) {
        SummaryLayout layout = summary_layout(options, sequential_like);
        if (options.show_trainable) { // tf.keras: 11 more characters for a Trainable column
            layout.line_length += 11;
            layout.positions.push_back(layout.line_length);
        }
        return layout;
    }
    require(options.positions.empty(), "summary: positions apply to Keras's own columns, not with extra columns");
    SummaryLayout layout{0, {}};
    for (const TextColumn& c : cols) {
        std::size_t width = c.header.size();
        for (const auto& cell : c.cells)
            for (const std::string& line : cell) width = std::max(width, line.size());
        layout.line_length += width + 2;
        layout.positions.push_back(layout.line_length);
    }
    return layout;
}

// torchinfo's units: millions (of mult-adds, or of bytes for its MB), two decimals.
inline std::string millions(double v)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.2f", v / 1e6);
    return text;
}

// torchinfo's footer: mult-adds, and input, forward pass, parameter and total sizes in MB (10^6 bytes).
inline std::string cost_footer(const Report& r, const std::string& rule)
{
    const auto known = [](Dim d) { return d.known() ? std::optional<double>(double(d.value())) : std::nullopt; };
    const auto text = [](std::optional<double> v, auto to_text) { return v ? to_text(*v) : std::string("unknown"); };
    std::optional<double> input = 0.0;
    for (std::size_t i = 0; i < r.rows.size(); ++i)
        if (r.rows[i].class_name == "InputLayer" && r.rows[i].depth == 0)
            input = input && known(r.rows[i].activation_bytes)
                        ? std::optional(*input + *known(r.rows[i].activation_bytes))
                        : std::nullopt;
    const std::optional<double> forward = known(r.activations.total);
    const double params = double(r.param_bytes.total());
    const std::optional<double> total = input && forward ? std::optional(*forward + params) : std::nullopt;
    return "Total mult-adds (M): " + text(known(r.cost.macs), millions) + '\n' +
           "Input size (MB): " + text(input, millions) + '\n' + "Forward pass size (MB): " + text(forward, millions) +
           '\n' + "Params size (MB): " + millions(params) + '\n' +
           "Estimated total size (MB): " + text(total, millions) + '\n' + rule + '\n';
}

inline std::string keras2_text(const Report& r, const SummaryOptions& options)
{
    const auto range = layer_range(r, options);
    const std::vector<TextColumn> cols = text_columns(r, range, options, !r.sequential_like);
    const SummaryLayout layout = keras2_layout(cols, options, r.sequential_like);
    const std::string rule(layout.line_length, '_');
    const std::string double_rule(layout.line_length, '=');
    std::vector<std::string> header;
    for (const TextColumn& c : cols) header.push_back(c.header);
    std::string text = rule + '\n' + summary_row(header, layout.positions) + '\n' + double_rule + '\n';
    const std::size_t count = range.second - range.first;
    for (std::size_t i = 0; i < count; ++i) {
        std::size_t height = 0;
        for (const TextColumn& c : cols) height = std::max(height, c.cells[i].size());
        for (std::size_t line = 0; line < height; ++line) {
            std::vector<std::string> fields;
            for (const TextColumn& c : cols) fields.push_back(line < c.cells[i].size() ? c.cells[i][line] : "");
            text += summary_row(fields, layout.positions) + '\n';
        }
        text += (i + 1 == count ? double_rule : rule) + '\n';
    }
    text += "Total params: " + thousands(r.params.total()) + '\n' +
            "Trainable params: " + thousands(r.params.trainable) + '\n' +
            "Non-trainable params: " + thousands(r.params.non_trainable) + '\n' + rule + '\n';
    return options.columns.empty() ? text : text + cost_footer(r, rule);
}

// ---- Keras 3 (rich) ------------------------------------------------------------------------------

// Python's round(n / d) for n >= 0, d > 0: halves go to the even neighbour.
constexpr std::int64_t round_half_even(std::int64_t n, std::int64_t d)
{
    const std::int64_t q = n / d, twice = 2 * (n % d);
    return q + (twice > d || (twice == d && q % 2 == 1) ? 1 : 0);
}

// rich's cell widths (with one space of padding each side) for a table `line_length` wide: Keras's
// column widths, reduced in equal parts, as rich does, until the borders fit.
inline std::vector<std::size_t> keras3_widths(const std::vector<double>& positions, std::size_t line_length)
{
    std::vector<std::int64_t> widths;
    std::int64_t current = 0;
    for (double p : positions) {
        const std::int64_t width = std::int64_t(p * double(line_length)) - current;
        require(width >= 4, "summary: Insufficient console width to print summary.");
        widths.push_back(width + 2);
        current += width;
    }
    std::int64_t excess =
        current + 2 * std::int64_t(widths.size()) - (std::int64_t(line_length) - std::int64_t(widths.size()) - 1);
    std::vector<std::size_t> out;
    for (std::int64_t ratios = std::int64_t(widths.size()); std::int64_t w : widths) {
        const std::int64_t cut = excess > 0 ? round_half_even(excess, ratios) : 0;
        out.push_back(std::size_t(w - cut));
        excess -= cut;
        --ratios;
    }
    return out;
}

// Characters on screen: every UTF-8 code point of our text is one column wide.
inline std::size_t columns_of(std::string_view s)
{
    return std::size_t(std::ranges::count_if(s, [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

inline std::string fit(std::string line, std::size_t width)
{
    while (!line.empty() && line.back() == ' ' && columns_of(line) > width) line.pop_back();
    if (columns_of(line) <= width) return line;
    while (columns_of(line) > width - 1) line.pop_back(); // our cells are ASCII but for the prefix
    return line + "\u2026";
}

// rich's word wrap: words keep their trailing spaces; a word that does not fit starts a new line; a word
// longer than the width gets a line of its own and is cut with an ellipsis.
inline std::vector<std::string> wrap(std::string_view text, std::size_t width)
{
    std::vector<std::string> lines{""};
    std::size_t at = 0;
    while (at < text.size()) {
        std::size_t end = text.find(' ', at);
        end = end == std::string_view::npos ? text.size() : text.find_first_not_of(' ', end);
        end = end == std::string_view::npos ? text.size() : end;
        const std::string_view word = text.substr(at, end - at);
        const std::size_t visible = columns_of(word.substr(0, word.find_last_not_of(' ') + 1));
        if (!lines.back().empty() && columns_of(lines.back()) + visible > width) lines.emplace_back();
        lines.back() += word;
        at = end;
    }
    for (std::string& l : lines) l = fit(std::move(l), width);
    return lines;
}

inline std::string justify(const std::string& text, std::size_t width, const TextColumn& c)
{
    const std::size_t gap = width - columns_of(text);
    const std::size_t left = c.right ? gap : c.center ? gap / 2 : 0;
    return std::string(left, ' ') + text + std::string(gap - left, ' ');
}

// One box line: `left`, each cell width of `fill`, `divider` between, `right`.
inline std::string box_line(std::string_view left, std::string_view fill, std::string_view divider,
                            std::string_view right, const std::vector<std::size_t>& widths)
{
    std::string line(left);
    for (std::size_t i = 0; i < widths.size(); ++i) {
        for (std::size_t k = 0; k < widths[i]; ++k) line += fill;
        line += i + 1 < widths.size() ? divider : right;
    }
    return line + '\n';
}

inline std::string box_row(const std::vector<std::vector<std::string>>& cells, const std::vector<TextColumn>& cols,
                           const std::vector<std::size_t>& widths, std::string_view edge)
{
    std::vector<std::vector<std::string>> wrapped;
    std::size_t height = 1;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        std::vector<std::string> lines;
        for (const std::string& c : cells[i])
            for (std::string& l : wrap(c, widths[i] - 2)) lines.push_back(std::move(l));
        height = std::max(height, lines.size());
        wrapped.push_back(std::move(lines));
    }
    std::string text;
    for (std::size_t line = 0; line < height; ++line) {
        text += edge;
        for (std::size_t i = 0; i < cells.size(); ++i)
            text += ' ' + justify(line < wrapped[i].size() ? wrapped[i][line] : "", widths[i] - 2, cols[i]) + ' ' +
                    std::string(edge);
        text += '\n';
    }
    return text;
}

inline std::string keras3_text(const Report& r, const SummaryOptions& options)
{
    require(options.columns.empty(), "summary: extra columns are available in the keras2 style");
    require(!options.shapes_per_call, "summary: shapes_per_call is a keras2 option (keras3 shows the calls' shapes)");
    Report rows = r;
    if (r.is_sequential) // Keras 3 lists no InputLayer in a Sequential's layers
        std::erase_if(rows.rows, [](const ReportRow& row) { return row.class_name == "InputLayer"; });
    const auto range = layer_range(rows, options);
    const std::vector<TextColumn> cols = text_columns(rows, range, options, !r.sequential_like);
    std::vector<double> positions = options.positions;
    if (positions.empty()) positions = r.sequential_like ? std::vector{.45, .80, 1.} : std::vector{.3, .56, .74, 1.};
    std::size_t line_length = options.line_length > 0 ? std::size_t(options.line_length) : 76;
    if (options.show_trainable) {
        if (options.line_length == 0) line_length += 12;
        for (double& p : positions) p *= .9;
        positions.push_back(1.);
    }
    require(positions.size() == cols.size(), "summary: positions needs one end per column");
    if (positions.back() > 1)
        for (double& p : positions) p /= double(line_length); // absolute positions
    const std::vector<std::size_t> widths = keras3_widths(positions, line_length);

    std::string text = "Model: \"" + std::string(r.name.view()) + "\"\n";
    text += box_line("\u250F", "\u2501", "\u2533", "\u2513", widths);
    std::vector<std::vector<std::string>> header;
    for (const TextColumn& c : cols) header.push_back({c.header});
    text += box_row(header, cols, widths, "\u2503");
    text += box_line("\u2521", "\u2501", "\u2547", "\u2529", widths);
    for (std::size_t i = 0; i < range.second - range.first; ++i) {
        if (i > 0) text += box_line("\u251C", "\u2500", "\u253C", "\u2524", widths);
        std::vector<std::vector<std::string>> cells;
        for (const TextColumn& c : cols) cells.push_back(c.cells[i]);
        text += box_row(cells, cols, widths, "\u2502");
    }
    text += box_line("\u2514", "\u2500", "\u2534", "\u2518", widths);
    const auto total = [](std::string_view label, std::int64_t count, std::int64_t bytes) {
        return " " + std::string(label) + " params: " + thousands(count) + " (" + readable_memory_size(double(bytes)) +
               ")\n";
    };
    return text + total("Total", r.params.total(), r.param_bytes.total()) +
           total("Trainable", r.params.trainable, r.param_bytes.trainable) +
           total("Non-trainable", r.params.non_trainable, r.param_bytes.non_trainable);
}

inline ReportOptions report_options(const SummaryOptions& options)
{
    const Naming fallback = options.style == SummaryStyle::keras3 ? keras3 : keras2;
    return {options.naming.value_or(fallback), options.expand_nested, options.batch_size, options.dtype};
}

inline std::string render(const Report& r, const SummaryOptions& options)
{
    return options.style == SummaryStyle::keras3 ? keras3_text(r, options) : keras2_text(r, options);
}

} // namespace detail

// The MACs and FLOPs of each row (summed over the layer's calls; a nested model's rows indented under
// expand_nested), then the model's totals and the batch size they assume.
inline std::string flops_table(const Report& r)
{
    const auto pad = [](std::string s, std::size_t width) {
        return s.size() < width ? s.append(width - s.size(), ' ') : s + ' ';
    };
    std::string out = pad("Layer (type)", 48) + pad("MACs", 20) + "FLOPs\n";
    for (const ReportRow& row : r.rows)
        out += pad(std::string(std::size_t(row.depth) * 2, ' ') + detail::layer_cell(row.name.view(), row.class_name),
                   48) +
               pad(detail::count_cell(row.macs), 20) + detail::count_cell(row.flops) + '\n';
    return out + "Total MACs: " + detail::count_cell(r.cost.macs) +
           "\nTotal FLOPs: " + detail::count_cell(r.cost.flops) + "\nBatch size: " + std::to_string(r.batch_size) +
           '\n';
}

// Keras's `model.summary()` for a Sequential: the 3-column layout, no `Connected to`.
template <std::size_t N, detail::layer_values LayerT>
std::string summary(const Sequential<N, LayerT>& model, const SummaryOptions& options = {})
{
    return detail::render(report(model, detail::report_options(options)), options);
}

// Keras's `model.summary()` for a functional Model: the 3-column layout for a chain of layers, else
// the 4-column one with `Connected to`. Layers come in Keras's `model.layers` order.
inline std::string summary(const Model& model, const SummaryOptions& options = {})
{
    return detail::render(report(model, detail::report_options(options)), options);
}

} // namespace nnshape
