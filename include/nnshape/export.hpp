#pragma once
// The summary value (report.hpp) as JSON or CSV, for tools and spreadsheets. Standard library only.
// An unknown count (a None dimension) is JSON null and an empty CSV field; shapes use JSON null for None.

#include <string>
#include <string_view>

#include "report.hpp"

namespace nnshape {

namespace detail {

// Appends each part to `out`. The exports build their text by appending, never as `"literal" + string`:
// GCC 12 at -O2 reports a false -Wrestrict on that operator+ (it inserts at the front).
template <class... Parts>
void append(std::string& out, const Parts&... parts)
{
    (out.append(std::string_view(parts)), ...);
}

inline std::string json_string(std::string_view s)
{
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        if (static_cast<unsigned char>(c) < 0x20) {
            constexpr char hex[] = "0123456789abcdef";
            out += "\\u00";
            out += hex[(c >> 4) & 0xF];
            out += hex[c & 0xF];
            continue;
        }
        out += c;
    }
    out += '"';
    return out;
}

inline std::string json_count(Dim d) { return d.known() ? std::to_string(d.value()) : "null"; }
inline std::string_view json_bool(bool b) { return b ? "true" : "false"; }

inline std::string json_shape(const Shape& s)
{
    std::string out = "[";
    for (std::size_t i = 0; i < s.rank(); ++i) append(out, i ? "," : "", json_count(s[i]));
    out += ']';
    return out;
}

template <class Range, class Item>
std::string json_list(const Range& items, Item item)
{
    std::string out = "[";
    bool first = true;
    for (const auto& x : items) {
        append(out, first ? "" : ",", item(x));
        first = false;
    }
    out += ']';
    return out;
}

inline std::string json_connection(const Connection& c)
{
    std::string out = "[";
    append(out, json_string(c.layer.view()), ",", std::to_string(c.node_index), ",", std::to_string(c.tensor_index),
           "]");
    return out;
}

inline std::string json_row(const ReportRow& row)
{
    const auto shapes = [](const auto& call) { return json_list(call, json_shape); };
    std::string out = "{\"name\":";
    append(out, json_string(row.name.view()), ",\"class_name\":", json_string(row.class_name.view()),
           ",\"depth\":", std::to_string(row.depth), ",\"is_model\":", json_bool(row.is_model),
           ",\"trainable\":", json_bool(row.trainable), ",\"from_file\":", json_bool(row.from_file),
           ",\"params\":", std::to_string(row.params.total()),
           ",\"trainable_params\":", std::to_string(row.params.trainable),
           ",\"non_trainable_params\":", std::to_string(row.params.non_trainable),
           ",\"input_shapes\":", json_list(row.input_shapes, shapes),
           ",\"output_shapes\":", json_list(row.output_shapes, shapes),
           ",\"connections\":", json_list(row.connections, json_connection), ",\"macs\":", json_count(row.macs),
           ",\"flops\":", json_count(row.flops), ",\"activation_bytes\":", json_count(row.activation_bytes), "}");
    return out;
}

inline std::string csv_field(std::string_view s)
{
    if (s.find_first_of(",\"\n") == std::string_view::npos) return std::string(s);
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

inline std::string csv_count(Dim d) { return d.known() ? std::to_string(d.value()) : ""; }

// Every call's shapes, calls separated by "; ", a call's several shapes by " | ".
template <class Calls>
std::string csv_shapes(const Calls& calls)
{
    std::string out;
    bool first_call = true;
    for (const auto& call : calls) {
        append(out, first_call ? "" : "; ");
        first_call = false;
        bool first_shape = true;
        for (const Shape& s : call) {
            append(out, first_shape ? "" : " | ", to_string(s));
            first_shape = false;
        }
    }
    return csv_field(out);
}

} // namespace detail

// {"name": ..., "rows": [...], "totals": {...}}: every number of the report, unknown ones null.
inline std::string to_json(const Report& r)
{
    std::string out = "{\"name\":";
    detail::append(
        out, detail::json_string(r.name.view()), ",\"sequential_like\":", detail::json_bool(r.sequential_like),
        ",\"batch_size\":", std::to_string(r.batch_size), ",\"dtype\":", detail::json_string(dtype_name(r.dtype)),
        ",\"rows\":", detail::json_list(r.rows, detail::json_row),
        ",\"totals\":{\"params\":", std::to_string(r.params.total()),
        ",\"trainable_params\":", std::to_string(r.params.trainable),
        ",\"non_trainable_params\":", std::to_string(r.params.non_trainable),
        ",\"param_bytes\":", std::to_string(r.param_bytes.total()), ",\"macs\":", detail::json_count(r.cost.macs),
        ",\"flops\":", detail::json_count(r.cost.flops),
        ",\"activation_bytes\":", detail::json_count(r.activations.total),
        ",\"peak_activation_bytes\":", detail::json_count(r.activations.peak), "}}\n");
    return out;
}

// A header line, then one line per row; no totals line (with expand_nested, a model's row already
// counts the rows under it: add up the depth-0 rows).
inline std::string to_csv(const Report& r)
{
    std::string out = "name,class_name,depth,input_shapes,output_shapes,params,trainable_params,non_trainable_params,"
                      "trainable,macs,flops,activation_bytes,from_file\n";
    for (const ReportRow& row : r.rows)
        detail::append(out, detail::csv_field(row.name.view()), ",", detail::csv_field(row.class_name.view()), ",",
                       std::to_string(row.depth), ",", detail::csv_shapes(row.input_shapes), ",",
                       detail::csv_shapes(row.output_shapes), ",", std::to_string(row.params.total()), ",",
                       std::to_string(row.params.trainable), ",", std::to_string(row.params.non_trainable), ",",
                       detail::json_bool(row.trainable), ",", detail::csv_count(row.macs), ",",
                       detail::csv_count(row.flops), ",", detail::csv_count(row.activation_bytes), ",",
                       detail::json_bool(row.from_file), "\n");
    return out;
}

} // namespace nnshape
