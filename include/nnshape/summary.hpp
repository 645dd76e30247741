#pragma once
// `model.summary()` text, rendered from the summary value (report.hpp), one header per style:
//  * SummaryStyle::keras2 (default, summary/keras2.hpp): Keras 2's table (Keras 2.1.6 to 2.2.4): the
//    same columns, widths, cut cells and totals, so that a table can be compared with the one Keras
//    prints character for character; plus tf.keras's options (expand_nested, show_trainable,
//    layer_range) and optional torchinfo-style columns with their footer.
//  * SummaryStyle::keras3 (summary/keras3.hpp): Keras 3's rich table (box drawing, wrapped cells,
//    memory sizes in the totals).
// Also the FLOPs table of the `nnshape flops` tool; the options, and the names tools give the styles
// and extra columns (summary_styles, summary_columns), are in summary/common.hpp. Standard library
// only; nnshape/fmt.hpp and nnshape/ostream.hpp print through it.
#include <cstddef>
#include <string>

#include "summary/common.hpp"
#include "summary/keras2.hpp"
#include "summary/keras3.hpp"

namespace nnshape {

namespace detail {

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
template <std::size_t N, class LayerT>
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
