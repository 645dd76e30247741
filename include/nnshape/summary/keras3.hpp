#pragma once
// Keras 3's rich table (SummaryStyle::keras3, and keras3_0 with Keras 3.0.0-3.0.4's column ends): box
// drawing, wrapped cells, memory sizes in the totals.
// Standard library only.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common.hpp"

namespace nnshape::detail {

// Python's round(n / d) for n >= 0, d > 0: halves go to the even neighbour.
constexpr std::int64_t round_half_even(std::int64_t n, std::int64_t d)
{
    const std::int64_t q = n / d, twice = 2 * (n % d);
    return q + (twice > d || (twice == d && q % 2 == 1) ? 1 : 0);
}

// rich's Table._calculate_column_widths for the table Keras's print_summary makes: Column(width=w) for
// each of Keras's widths w = int(p * line_length) - previous, Table(width=line_length), no ratios, no
// expand (the same from rich 10 to 14.3; the split differs between Keras versions, not rich ones).
//  * Each column measures w + 2 (padding), at most the room inside the borders (line_length less one
//    character per column and one).
//  * Over the room, _collapse_widths shrinks only columns without a fixed width: none here. Its last
//    resort, ratio_reduce(excess, [1] * n, widths, widths), takes the excess back column by column,
//    each round(excess left / columns left) (Python's round: halves to the even neighbour), at most
//    the column's width; the columns measured again at the reduced widths keep them.
inline std::vector<std::size_t> keras3_widths(const std::vector<double>& positions, std::size_t line_length)
{
    const std::int64_t room = std::int64_t(line_length) - std::int64_t(positions.size()) - 1;
    std::vector<std::int64_t> widths;
    std::int64_t current = 0, total = 0;
    for (double p : positions) {
        const std::int64_t width = std::int64_t(p * double(line_length)) - current;
        require(width >= 4, "summary: Insufficient console width to print summary.");
        widths.push_back(std::min(width + 2, room)); // room > 0: every width is at least 4
        total += widths.back();
        current += width;
    }
    std::int64_t excess = total - room;
    for (std::int64_t columns = std::int64_t(widths.size()); std::int64_t& w : widths) {
        if (excess <= 0) break;
        const std::int64_t cut = std::min(w, round_half_even(excess, columns--));
        w -= cut;
        excess -= cut;
    }
    std::vector<std::size_t> out;
    for (std::int64_t w : widths) {
        require(w > 2, "summary: positions leave a column no room for its text");
        out.push_back(std::size_t(w));
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

// One row of cells, each wrapped to its column; rich aligns a header's lines to the row's bottom (rich
// 11 and later), a body's to its top.
inline std::string box_row(const std::vector<std::vector<std::string>>& cells, const std::vector<TextColumn>& cols,
                           const std::vector<std::size_t>& widths, std::string_view edge, bool header = false)
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
        for (std::size_t i = 0; i < cells.size(); ++i) {
            const std::size_t first = header ? height - wrapped[i].size() : 0;
            const bool filled = line >= first && line - first < wrapped[i].size();
            text +=
                ' ' + justify(filled ? wrapped[i][line - first] : "", widths[i] - 2, cols[i]) + ' ' + std::string(edge);
        }
        text += '\n';
    }
    return text;
}

inline std::string keras3_text(Report all, const SummaryOptions& options)
{
    require(options.columns.empty(), "summary: extra columns are available in the keras2 and tf_keras_2_4 styles");
    require(!options.shapes_per_call, "summary: shapes_per_call is a keras2 option (keras3 shows the calls' shapes)");
    const Report r = listed_layers(std::move(all), options.style);
    const auto range = layer_range(r, options);
    const std::vector<TextColumn> cols = text_columns(r, range, options, !r.sequential_like);
    // Keras 3.0.5 moved the default column ends (keras-team/keras#19158, "Show billions of parameters").
    const bool from_3_0_5 = options.style == SummaryStyle::keras3;
    std::vector<double> positions = options.positions;
    if (positions.empty())
        positions = r.sequential_like ? std::vector{.45, from_3_0_5 ? .80 : .84, 1.}
                                      : std::vector{.3, .56, from_3_0_5 ? .74 : .70, 1.};
    // Keras's default, min(88 or 84 or 108 (+ 12 with show_trainable), terminal columns - 4), is 76
    // in every version when the output is not a terminal (80 columns).
    const std::size_t line_length = options.line_length > 0 ? std::size_t(options.line_length) : 76;
    if (options.show_trainable) {
        for (double& p : positions) p *= .9;
        positions.push_back(1.);
    }
    require(positions.size() == cols.size(), "summary: positions needs one end per column");
    if (positions.back() > 1)
        for (double& p : positions) p /= double(line_length); // absolute positions
    const std::vector<std::size_t> widths = keras3_widths(positions, line_length);

    std::string text = model_line(r);
    text += box_line("\u250F", "\u2501", "\u2533", "\u2513", widths);
    std::vector<std::vector<std::string>> header;
    for (const TextColumn& c : cols) header.push_back({c.header});
    text += box_row(header, cols, widths, "\u2503", true);
    text += box_line("\u2521", "\u2501", "\u2547", "\u2529", widths);
    for (std::size_t i = 0; i < range.second - range.first; ++i) {
        if (i > 0) text += box_line("\u251C", "\u2500", "\u253C", "\u2524", widths);
        std::vector<std::vector<std::string>> cells;
        for (const TextColumn& c : cols) cells.emplace_back(c.cell(i).begin(), c.cell(i).end());
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

} // namespace nnshape::detail
