#pragma once
// tf.keras's table from Keras 2.7 on (SummaryStyle::tf_keras_2_7, tf_keras_2_13; keras/utils/
// layer_utils.py print_summary): a `Model: "name"` line, rows that start with a space and wrap long
// cells over several lines, a blank line after each row, `Connected to` as a Python list, and under
// expand_nested the rows of a nested model framed by `|` and `¯`. 2.13 moved the columns of a
// functional table, shifted each cell one character left and put memory sizes in the totals.
// Standard library only.

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "../analysis/memory.hpp"
#include "common.hpp"
#include "keras2.hpp"

namespace nnshape::detail {

// Where tf.keras cuts a cell's line short: after the end of a tuple, dict, list or string item.
inline std::size_t tf_keras_break(std::string_view fit)
{
    std::size_t cut = std::string_view::npos;
    for (std::string_view end : std::array<std::string_view, 4>{"),", "},", "],", "',"})
        if (const std::size_t at = fit.find(end); at != std::string_view::npos) cut = std::min(cut, at + end.size());
    return cut;
}

// tf.keras's print_row: the lines of one row at nesting `level`. Each line takes from every cell what
// fits in its column (its width less the 2 spaces before the next column; from 2.13 one more, and the
// first column also the level), cut short after a `),` or the like; the rest goes to the next line.
inline std::string tf_keras_row(std::vector<std::string> cells, const std::vector<std::size_t>& positions,
                                std::size_t level, bool aligned)
{
    std::string text;
    while (std::ranges::any_of(cells, [](const std::string& c) { return !c.empty(); })) {
        std::string line;
        for (std::size_t col = 0; col < cells.size(); ++col) {
            const bool last = col + 1 == positions.size();
            const std::size_t space = last ? 0 : 2;
            std::int64_t room =
                std::int64_t(positions[col]) - std::int64_t(col > 0 ? positions[col - 1] : 0) - std::int64_t(space);
            if (aligned && !last) room -= 1;
            if (aligned && col == 0) room -= std::int64_t(level);
            require(room > 0, "summary: positions leave a column no room for its text");
            std::string_view fit = std::string_view(cells[col]).substr(0, std::size_t(room));
            const std::size_t cut = std::min(std::size_t(room), tf_keras_break(fit));
            fit = fit.substr(0, cut);
            if (col == 0) line += std::string(level, '|') + ' ';
            line += std::string(fit) + std::string(space, ' ');
            cells[col].erase(0, std::min(cut, cells[col].size()));
            // Up to the column's end; less the level's closing `|`s (from 2.13 in the last column only).
            const std::size_t border = level > 0 && (!aligned || last) ? level : 0;
            if (line.size() + border < positions[col]) line.resize(positions[col] - border, ' ');
        }
        text += line + std::string(level, '|') + '\n';
    }
    return text;
}

// A line of `fill` between `level` `|`s each side, line_length wide in all.
inline std::string tf_keras_frame(std::size_t line_length, std::size_t level, std::string_view fill)
{
    std::string line(level, '|');
    for (std::size_t i = 2 * level; i < line_length; ++i) line += fill;
    return line + std::string(level, '|') + '\n';
}

struct TfKerasTable {
    const Report& report;
    const std::vector<TextColumn>& cols;
    const SummaryLayout& layout;
    std::size_t first; // the report row of cols' first cells
    bool aligned;

    // tf.keras's print_layer for the rows [begin, end) at nesting `level`: each row, then for an expanded
    // model its layers between a `¯` line under it and one closing them, then a blank line unless the
    // row is the last of a nested model or an expanded model (print_layer's is_nested_last is left true
    // by the loop over the model's layers).
    void rows(std::size_t begin, std::size_t end, std::size_t level, std::string& text) const
    {
        for (std::size_t i = begin; i < end;) {
            std::size_t next = i + 1;
            while (next < end && std::size_t(report.rows[next].depth) > level) ++next;
            std::vector<std::string> cells;
            for (const TextColumn& c : cols) cells.push_back(c.cell(i - first).front());
            text += tf_keras_row(std::move(cells), layout.positions, level, aligned);
            const bool expanded = next > i + 1;
            if (expanded) {
                text += tf_keras_frame(layout.line_length, level + 1, "\u00AF");
                rows(i + 1, next, level + 1, text);
                text += tf_keras_frame(layout.line_length, level, "\u00AF");
            }
            if (!expanded && (level == 0 || next < end)) text += tf_keras_frame(layout.line_length, level, " ");
            i = next;
        }
    }
};

inline std::string tf_keras_text(Report all, const SummaryOptions& options)
{
    require(options.columns.empty(), "summary: extra columns are available in the keras2 and tf_keras_2_4 styles");
    require(!options.shapes_per_call, "summary: shapes_per_call is an option of the keras2 and tf_keras_2_4 styles");
    const Report r = listed_layers(std::move(all), options.style);
    const auto range = layer_range(r, options);
    const std::vector<TextColumn> cols = text_columns(r, range, options, !r.sequential_like);
    const SummaryLayout layout = keras2_layout(cols, options, r.sequential_like);
    const bool from_2_13 = options.style == SummaryStyle::tf_keras_2_13;
    const std::string rule(layout.line_length, '_');
    std::vector<std::string> header;
    for (const TextColumn& c : cols) header.push_back(c.header);
    std::string text = model_line(r) + rule + '\n' + tf_keras_row(header, layout.positions, 0, from_2_13) +
                       std::string(layout.line_length, '=') + '\n';
    TfKerasTable{r, cols, layout, range.first, from_2_13}.rows(range.first, range.second, 0, text);
    text += std::string(layout.line_length, '=') + '\n';
    const auto total = [&](std::string_view label, std::int64_t count, std::int64_t bytes) {
        if (!from_2_13) return std::string(label) + " params: " + thousands(count) + '\n';
        return std::string(label) + " params: " + std::to_string(count) + " (" +
               readable_memory_size(double(bytes), "Byte") + ")\n";
    };
    return text + total("Total", r.params.total(), r.param_bytes.total()) +
           total("Trainable", r.params.trainable, r.param_bytes.trainable) +
           total("Non-trainable", r.params.non_trainable, r.param_bytes.non_trainable) + rule + '\n';
}

} // namespace nnshape::detail
