#pragma once
// Keras 2's plain table (SummaryStyle::keras2), and tf.keras's options and torchinfo-style extra columns
// on it; with a `Model: "name"` line on top, tf.keras 2.4-2.6's (SummaryStyle::tf_keras_2_4). Also the
// layout (line length, column ends) of tf.keras's later tables. Standard library only.

#include <algorithm>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common.hpp"

namespace nnshape::detail {

// Keras's print_row, appended to `text` with its newline: before each field but the first, the last
// character of the line so far becomes a space (a cell that reached its column end loses its last
// character); then the line is cut or padded to the field's end position.
inline void append_summary_row(std::string& text, std::span<const std::string_view> fields,
                               std::span<const std::size_t> positions)
{
    const std::size_t line = text.size();
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i > 0) {
            if (text.size() > line) text.pop_back();
            text += ' ';
        }
        text += fields[i];
        text.resize(line + positions[i], ' ');
    }
    text += '\n';
}

struct SummaryLayout {
    std::size_t line_length;
    std::vector<std::size_t> positions;
};

inline SummaryLayout summary_layout(const SummaryOptions& options, bool sequential_like)
{
    require(options.line_length >= 0, "summary: line_length must not be negative");
    const std::size_t columns = sequential_like ? 3 : 4;
    const std::vector<double> fallback = sequential_like ? std::vector{.45, .85, 1.}
                                         : options.style == SummaryStyle::tf_keras_2_13
                                             ? std::vector{.3, .6, .70, 1.}
                                             : std::vector{.33, .55, .67, 1.};
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
        for (const std::string& line : c.lines) width = std::max(width, line.size());
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

inline std::string keras2_text(Report all, const SummaryOptions& options)
{
    const Report r = listed_layers(std::move(all), options.style);
    const auto range = layer_range(r, options);
    const std::vector<TextColumn> cols = text_columns(r, range, options, !r.sequential_like);
    const SummaryLayout layout = keras2_layout(cols, options, r.sequential_like);
    const std::string rule(layout.line_length, '_');
    const std::string double_rule(layout.line_length, '=');
    const std::size_t count = range.second - range.first;
    std::string text = is_tf_keras(options.style) ? model_line(r) : "";
    text.reserve(text.size() + (2 * count + 8) * (layout.line_length + 1)); // a row and a rule per layer
    std::vector<std::string_view> fields; // one line's, reused line after line
    for (const TextColumn& c : cols) fields.push_back(c.header);
    text += rule + '\n';
    append_summary_row(text, fields, layout.positions);
    text += double_rule + '\n';
    for (std::size_t i = 0; i < count; ++i) {
        std::size_t height = 0;
        for (const TextColumn& c : cols) height = std::max(height, c.cell(i).size());
        for (std::size_t line = 0; line < height; ++line) {
            fields.clear();
            for (const TextColumn& c : cols) {
                const std::span<const std::string> cell = c.cell(i);
                fields.push_back(line < cell.size() ? std::string_view(cell[line]) : "");
            }
            append_summary_row(text, fields, layout.positions);
        }
        text.append(i + 1 == count ? double_rule : rule).push_back('\n'); // no temporary line per row
    }
    text += "Total params: " + thousands(r.params.total()) + '\n' +
            "Trainable params: " + thousands(r.params.trainable) + '\n' +
            "Non-trainable params: " + thousands(r.params.non_trainable) + '\n' + rule + '\n';
    return options.columns.empty() ? text : text + cost_footer(r, rule);
}

} // namespace nnshape::detail
