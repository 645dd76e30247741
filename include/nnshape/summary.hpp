#pragma once
// `model.summary()` text, rendered from the summary value (report.hpp), one header per style:
//  * SummaryStyle::keras2 (default, summary/keras2.hpp): Keras 2's table (Keras 2.1.6 to 2.2.4): the
//    same columns, widths, cut cells and totals, so that a table can be compared with the one Keras
//    prints character for character; plus tf.keras's options (expand_nested, show_trainable,
//    layer_range) and optional torchinfo-style columns with their footer.
//  * SummaryStyle::keras3 (summary/keras3.hpp): Keras 3's rich table (box drawing, wrapped cells,
//    memory sizes in the totals); keras3_0 with Keras 3.0.0-3.0.4's column widths.
//  * tf.keras's (TensorFlow 2.x) tables: SummaryStyle::tf_keras_2_4 (2.4 to 2.6: Keras 2's table under
//    a `Model:` line, summary/keras2.hpp; tf_keras_2_0 and tf_keras_2_3 the same with 2.0-2.2's and
//    2.3's names and classes), tf_keras_2_7 (2.7 to 2.12: wrapped cells) and tf_keras_2_13
//    (2.13 to 2.15: memory sizes in the totals; both in summary/tf_keras.hpp), with tf.keras's names.
// Also the FLOPs table of the `nnshape flops` tool; the options, and the names tools give the styles
// and extra columns (summary_styles, summary_columns), are in summary/common.hpp. Standard library
// only; nnshape/fmt.hpp and nnshape/ostream.hpp print through it.
#include <algorithm>
#include <concepts>
#include <cstddef>
#include <string>
#include <utility>

#include "summary/common.hpp"
#include "summary/keras2.hpp"
#include "summary/keras3.hpp"
#include "summary/tf_keras.hpp"

namespace nnshape {

namespace detail {

// The automatic names of the Keras whose table the style is. A new style fails the build (-Wswitch)
// until it has its names here and its renderer below.
constexpr Naming style_naming(SummaryStyle style)
{
    switch (style) {
    case SummaryStyle::keras2:
        return keras2;
    case SummaryStyle::keras3:
        return keras3;
    case SummaryStyle::keras3_0:
        return keras3_0;
    case SummaryStyle::tf_keras_2_3:
        return tf_keras_2_3;
    case SummaryStyle::tf_keras_2_0:
    case SummaryStyle::tf_keras_2_4:
    case SummaryStyle::tf_keras_2_7:
    case SummaryStyle::tf_keras_2_13:
        return tf_keras;
    }
    return keras2;
}

// What the summary prints of a model, sequential-like or not: only the extra columns and their footer
// show MACs, FLOPs or activation bytes; only `Connected to` and the input-shape column the inbound side.
inline ReportOptions report_options(const SummaryOptions& options, bool sequential_like)
{
    const bool input_column = std::ranges::find(options.columns, SummaryColumn::input_shape) != options.columns.end();
    return {.naming = options.naming.value_or(style_naming(options.style)),
            .expand_nested = options.expand_nested,
            .batch_size = options.batch_size,
            .dtype = options.dtype,
            .costs = !options.columns.empty(),
            .inputs = !sequential_like || input_column,
            .layer_shapes = false};
}

inline std::string render(Report r, const SummaryOptions& options)
{
    switch (options.style) {
    case SummaryStyle::keras2:
    case SummaryStyle::tf_keras_2_0:
    case SummaryStyle::tf_keras_2_3:
    case SummaryStyle::tf_keras_2_4:
        return keras2_text(std::move(r), options);
    case SummaryStyle::keras3:
    case SummaryStyle::keras3_0:
        return keras3_text(std::move(r), options);
    case SummaryStyle::tf_keras_2_7:
    case SummaryStyle::tf_keras_2_13:
        return tf_keras_text(std::move(r), options);
    }
    return {};
}

// After the table, a line naming the rows of OpaqueLayers: their cells end in ` (from file)`, which
// the styles that cut long cells, as Keras does, may lose.
inline std::string from_file_note(const Report& r)
{
    std::string rows;
    for (const ReportRow& row : r.rows)
        if (row.from_file) rows += (rows.empty() ? "" : ", ") + layer_cell(row.name.view(), row.class_name.view());
    return rows.empty()
               ? ""
               : "(from file): layers read from the model file's facts (shapes, weights), not computed by nnshape: " +
                     rows + '\n';
}

inline std::string summary_text(Report r, const SummaryOptions& options)
{
    std::string note = from_file_note(r);
    return render(std::move(r), options) + note;
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
        out += pad(std::string(std::size_t(row.depth) * 2, ' ') +
                       detail::layer_cell(row.name.view(), row.class_name, row.from_file),
                   48) +
               pad(detail::count_cell(row.macs), 20) + detail::count_cell(row.flops) + '\n';
    return out + "Total MACs: " + detail::count_cell(r.cost.macs) +
           "\nTotal FLOPs: " + detail::count_cell(r.cost.flops) + "\nBatch size: " + std::to_string(r.batch_size) +
           '\n';
}

namespace detail {

// The summary of a model of type M (a template: see the extern declarations at the end).
template <class M>
std::string summary_of(const M& model, const SummaryOptions& options)
{
    bool sequential_like = true; // a Sequential<>
    if constexpr (std::same_as<M, Model>) sequential_like = model.sequential_like();
    return summary_text(report(model, report_options(options, sequential_like)), options);
}

} // namespace detail

// Keras's `model.summary()` for a Sequential: the 3-column layout, no `Connected to`.
template <std::size_t N, detail::layer_values LayerT>
std::string summary(const Sequential<N, LayerT>& model, const SummaryOptions& options = {})
{
    return detail::summary_of(model, options);
}

// Keras's `model.summary()` for a functional Model: the 3-column layout for a chain of layers, else
// the 4-column one with `Connected to`. Layers come in Keras's `model.layers` order.
inline std::string summary(const Model& model, const SummaryOptions& options = {})
{
    return detail::summary_of(model, options);
}

#ifdef NNSHAPE_COMPILED_LIBRARY
// A program that links nnshape::compiled (src/compiled.cpp) takes these run-time instantiations from the
// library instead of compiling them; constant evaluation still instantiates them where it needs them.
extern template std::string detail::summary_of(const Model&, const SummaryOptions&);
extern template std::string detail::summary_of(const Sequential<>&, const SummaryOptions&);
#endif

} // namespace nnshape
