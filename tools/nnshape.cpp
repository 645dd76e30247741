// nnshape: a Keras model's shapes, parameter counts and costs from its JSON config, without Python.
// Exit codes: 0 ok, 1 model error (message on stderr), 2 usage error.
#include <nnshape/export.hpp>
#include <nnshape/io/keras_json.hpp>
#include <nnshape/plot.hpp>
#include <nnshape/report.hpp>
#include <nnshape/summary.hpp>

#include <charconv>
#include <cstdint>
#include <exception>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace {

constexpr std::string_view help_text = R"(Usage: nnshape <command> [options] MODEL.json

Reads a Keras model's architecture -- model.to_json() of Keras 2, tf.keras or Keras 3, the
config.json inside a .keras archive, or a TensorFlow.js model.json -- and prints what Keras
would compute for it.

Commands:
  summary          Keras's model.summary() table
  flops            multiply-accumulates (MACs) and FLOPs per layer, and their totals
  dot              the model graph in Graphviz DOT (tf.keras's model_to_dot); e.g.
                   nnshape dot model.json > model.dot && dot -Tpng model.dot -o model.png
  json             the structured summary (every layer's shapes, counts and costs) as JSON
  csv              the same rows as CSV

Options:
  --style keras2|keras3  summary: Keras 2's plain table (default) or Keras 3's boxed table
  --expand-nested        summary, dot, json, csv: also list the layers inside nested models
  --show-trainable       summary, dot: mark each layer trainable or not
  --columns LIST         summary (keras2 style): extra columns, comma-separated, from
                         input_shape, kernel_size, macs, flops, param_percent, activation_bytes
  --line-length N        summary: table width (default: Keras's)
  --batch N              summary, flops, json, csv: batch size for the cost and memory
                         numbers, replacing an unknown (None) batch axis (default 1)
  --show-shapes          dot: input and output shapes in each node
  --rankdir TB|LR|BT|RL  dot: graph direction (default TB)
  -h, --help             this text

Exit status: 0 ok, 1 the model could not be read or computed (message on stderr),
2 wrong usage.
)";

struct usage_error {
    std::string what;
};

struct Options {
    std::string command;
    std::string file;
    nnshape::SummaryOptions summary{};
    nnshape::PlotOptions plot{};
    std::int64_t batch = 1;
    bool expand_nested = false;
};

std::int64_t positive(std::string_view option, std::string_view text)
{
    std::int64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size() || value < 1)
        throw usage_error{std::string(option) + " expects a positive integer, got \"" + std::string(text) + "\""};
    return value;
}

std::vector<nnshape::SummaryColumn> columns(std::string_view list)
{
    using nnshape::SummaryColumn;
    std::vector<SummaryColumn> out;
    while (!list.empty()) {
        const std::string_view name = list.substr(0, list.find(','));
        list.remove_prefix(std::min(list.size(), name.size() + 1));
        if (name == "input_shape")
            out.push_back(SummaryColumn::input_shape);
        else if (name == "kernel_size")
            out.push_back(SummaryColumn::kernel_size);
        else if (name == "macs")
            out.push_back(SummaryColumn::macs);
        else if (name == "flops")
            out.push_back(SummaryColumn::flops);
        else if (name == "param_percent")
            out.push_back(SummaryColumn::param_percent);
        else if (name == "activation_bytes")
            out.push_back(SummaryColumn::activation_bytes);
        else
            throw usage_error{"--columns: unknown column \"" + std::string(name) + "\""};
    }
    return out;
}

Options parse(const std::vector<std::string_view>& args)
{
    Options o;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string_view a = args[i];
        const auto value = [&]() -> std::string_view {
            if (i + 1 >= args.size()) throw usage_error{std::string(a) + " needs a value"};
            return args[++i];
        };
        if (a == "--style") {
            const std::string_view v = value();
            if (v != "keras2" && v != "keras3") throw usage_error{"--style expects keras2 or keras3"};
            o.summary.style = v == "keras2" ? nnshape::SummaryStyle::keras2 : nnshape::SummaryStyle::keras3;
        } else if (a == "--expand-nested") {
            o.expand_nested = true;
        } else if (a == "--show-trainable") {
            o.summary.show_trainable = o.plot.show_trainable = true;
        } else if (a == "--columns") {
            o.summary.columns = columns(value());
        } else if (a == "--line-length") {
            o.summary.line_length = int(std::min<std::int64_t>(positive(a, value()), 10000));
        } else if (a == "--batch") {
            o.batch = positive(a, value());
        } else if (a == "--show-shapes") {
            o.plot.show_shapes = true;
        } else if (a == "--rankdir") {
            const std::string_view v = value();
            if (v != "TB" && v != "LR" && v != "BT" && v != "RL")
                throw usage_error{"--rankdir expects TB, LR, BT or RL"};
            o.plot.rankdir = std::string(v);
        } else if (a.starts_with("-") && a.size() > 1) {
            throw usage_error{"unknown option " + std::string(a)};
        } else if (o.command.empty()) {
            o.command = std::string(a);
        } else if (o.file.empty()) {
            o.file = std::string(a);
        } else {
            throw usage_error{"unexpected argument \"" + std::string(a) + "\""};
        }
    }
    if (o.command.empty()) throw usage_error{"no command given"};
    if (o.command != "summary" && o.command != "flops" && o.command != "dot" && o.command != "json" &&
        o.command != "csv")
        throw usage_error{"unknown command \"" + o.command + "\""};
    if (o.file.empty()) throw usage_error{"no model file given"};
    o.summary.expand_nested = o.plot.expand_nested = o.expand_nested;
    o.summary.batch_size = o.batch;
    return o;
}

std::string cell(nnshape::Dim d) { return d.known() ? nnshape::detail::thousands(d.value()) : "unknown"; }

std::string pad(std::string s, std::size_t width)
{
    return s.size() < width ? s.append(width - s.size(), ' ') : s + ' ';
}

// One line per layer (nested models' layers indented under --expand-nested), then the totals.
std::string flops_table(const nnshape::Report& r)
{
    std::string out = pad("Layer (type)", 48) + pad("MACs", 20) + "FLOPs\n";
    for (const nnshape::ReportRow& row : r.rows)
        out += pad(std::string(std::size_t(row.depth) * 2, ' ') + std::string(row.name.view()) + " (" +
                       std::string(row.class_name) + ")",
                   48) +
               pad(cell(row.macs), 20) + cell(row.flops) + '\n';
    return out + "Total MACs: " + cell(r.cost.macs) + "\nTotal FLOPs: " + cell(r.cost.flops) +
           "\nBatch size: " + std::to_string(r.batch_size) + '\n';
}

std::string run(const Options& o)
{
    const nnshape::io::LoadedModel m = nnshape::io::load_keras_json_file(o.file);
    return m.visit([&](const auto& model) -> std::string {
        if (o.command == "summary") return nnshape::summary(model, o.summary);
        if (o.command == "dot") return nnshape::model_to_dot(model, o.plot);
        const nnshape::Report r = nnshape::report(model, {.expand_nested = o.expand_nested, .batch_size = o.batch});
        if (o.command == "json") return nnshape::to_json(r);
        if (o.command == "csv") return nnshape::to_csv(r);
        return flops_table(r);
    });
}

} // namespace

int main(int argc, char** argv)
{
    const std::vector<std::string_view> args(argv + 1, argv + argc);
    for (std::string_view a : args)
        if (a == "-h" || a == "--help") {
            std::cout << help_text;
            return 0;
        }
    Options options;
    try {
        options = parse(args);
    } catch (const usage_error& e) {
        std::cerr << "nnshape: " << e.what << "\nTry 'nnshape --help'.\n";
        return 2;
    }
    try {
        std::cout << run(options);
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "nnshape: " << e.what() << '\n';
        return 1;
    }
}
