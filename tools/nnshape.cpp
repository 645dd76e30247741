// nnshape: a Keras model's shapes, parameter counts and costs from its JSON config, without Python.
// Exit codes: 0 ok, 1 model error (message on stderr), 2 usage error.
#include <nnshape/export.hpp>
#include <nnshape/io/cpp_writer.hpp>
#include <nnshape/io/keras_file.hpp>
#include <nnshape/io/summary_options.hpp>
#include <nnshape/option_names.hpp>
#include <nnshape/plot.hpp>
#include <nnshape/report.hpp>
#include <nnshape/summary.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace {

// The help's option lines: the flag, then its text from column 25 (or on the next line).
std::string option_line(std::string_view flag, std::string_view text)
{
    std::string line = "  " + std::string(flag);
    line += line.size() < 25 ? std::string(25 - line.size(), ' ') : "\n" + std::string(25, ' ');
    return line + std::string(text) + '\n';
}

// An option's values from its library table, one a line under the option.
template <class Value, std::size_t N>
std::string value_lines(const std::array<nnshape::NamedValue<Value>, N>& table)
{
    std::string lines;
    for (const auto& entry : table) {
        std::string name(entry.name);
        name.resize(std::max<std::size_t>(name.size() + 2, 18), ' ');
        lines += std::string(27, ' ') + name + std::string(entry.description) + '\n';
    }
    return lines;
}

// "keras2|keras3", or with `last` "keras2 or keras3".
template <class Value, std::size_t N>
std::string names(const std::array<nnshape::NamedValue<Value>, N>& table, std::string_view separator,
                  std::string_view last)
{
    std::string text;
    for (std::size_t i = 0; i < N; ++i) {
        if (i > 0) text += i + 1 == N ? last : separator;
        text += table[i].name;
    }
    return text;
}

constexpr std::string_view usage_text = R"(Usage: nnshape <command> [options] MODEL

Reads a Keras model's architecture -- a .keras archive (Keras 3), an .h5 file (Keras 2, tf.keras),
model.to_json() of any Keras, or a TensorFlow.js model.json; the format is told from the content --
and prints what Keras would compute for it.

Commands:
  summary          Keras's model.summary() table
  flops            multiply-accumulates (MACs) and FLOPs per layer, and their totals
  dot              the model graph in Graphviz DOT (tf.keras's model_to_dot); e.g.
                   nnshape dot model.json > model.dot && dot -Tpng model.dot -o model.png
  json             the structured summary (every layer's shapes, counts and costs) as JSON
  csv              the same rows as CSV
  cpp              a C++ header that rebuilds the model with nnshape's API and
                   checks its parameter counts and output shapes with static_assert

Options:
)";

constexpr std::string_view exit_text = R"(
Exit status: 0 ok, 1 the model could not be read or computed (message on stderr),
2 wrong usage.
)";

std::string help_text()
{
    using nnshape::summary_columns, nnshape::summary_styles;
    return std::string(usage_text) +
           option_line("--style " + names(summary_styles, "|", "|"), "summary: the table's style, one of") +
           value_lines(summary_styles) + //
           option_line("", "default: the style of the Keras version the file names, else keras2") +
           option_line("--expand-nested", "summary, dot, json, csv: also list the layers inside nested models") +
           option_line("--show-trainable", "summary, dot: mark each layer trainable or not") +
           option_line("--columns LIST",
                       "summary (keras2, tf_keras_2_4 styles): extra columns, comma-separated, from") +
           value_lines(summary_columns) + //
           option_line("--line-length N", "summary: table width (default: Keras's)") +
           option_line("--batch N", "summary, flops, json, csv: batch size for the cost and memory") +
           option_line("", "numbers, replacing an unknown (None) batch axis (default 1)") +
           option_line("--show-shapes", "dot: input and output shapes in each node") +
           option_line("--rankdir TB|LR|BT|RL", "dot: graph direction (default TB)") +
           option_line("--namespace NS", "cpp: the header's namespace (default: the file's name, as an identifier)") +
           option_line("--strict", "refuse a layer class nnshape does not know (and a Lambda without") +
           option_line("", "output_shape) instead of reading its shapes and weights from the file") +
           option_line("-h, --help", "this text") + std::string(exit_text);
}

struct usage_error {
    std::string what;
};

struct Options {
    std::string command;
    std::string file;
    nnshape::SummaryOptions summary{};
    bool style_given = false; // otherwise the style of the Keras version the file names
    nnshape::PlotOptions plot{};
    std::int64_t batch = 1;
    bool expand_nested = false;
    std::string name_space; // cpp
    nnshape::io::LoadOptions load{};
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
    std::vector<nnshape::SummaryColumn> out;
    while (!list.empty()) {
        const std::string_view name = list.substr(0, list.find(','));
        list.remove_prefix(std::min(list.size(), name.size() + 1));
        const auto column = nnshape::value_named(nnshape::summary_columns, name);
        if (!column) throw usage_error{"--columns: unknown column \"" + std::string(name) + "\""};
        out.push_back(*column);
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
            const auto style = nnshape::value_named(nnshape::summary_styles, value());
            if (!style) throw usage_error{"--style expects " + names(nnshape::summary_styles, ", ", " or ")};
            o.summary.style = *style;
            o.style_given = true;
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
        } else if (a == "--strict") {
            o.load.strict = true;
        } else if (a == "--show-shapes") {
            o.plot.show_shapes = true;
        } else if (a == "--rankdir") {
            const std::string_view v = value();
            if (v != "TB" && v != "LR" && v != "BT" && v != "RL")
                throw usage_error{"--rankdir expects TB, LR, BT or RL"};
            o.plot.rankdir = std::string(v);
        } else if (a == "--namespace") {
            o.name_space = std::string(value());
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
        o.command != "csv" && o.command != "cpp")
        throw usage_error{"unknown command \"" + o.command + "\""};
    if (o.file.empty()) throw usage_error{"no model file given"};
    o.summary.expand_nested = o.plot.expand_nested = o.expand_nested;
    o.summary.batch_size = o.batch;
    return o;
}

// `cpp`'s default namespace: the file's name without its extension, as an identifier.
std::string namespace_of(const std::string& file)
{
    std::string ns;
    for (char c : std::filesystem::path(file).stem().string())
        ns += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
    return ns.empty() || std::isdigit(static_cast<unsigned char>(ns[0])) ? "model_" + ns : ns;
}

std::string run(const Options& o)
{
    const nnshape::io::KerasFile file = nnshape::io::read_keras_file(o.file, {}, o.load);
    nnshape::SummaryOptions summary = o.summary;
    if (!o.style_given) summary.style = nnshape::io::summary_style_for(file.info).value_or(summary.style);
    return file.model.visit([&](const auto& model) -> std::string {
        if (o.command == "cpp")
            return nnshape::io::model_to_cpp(
                model, {.name_space = o.name_space.empty() ? namespace_of(o.file) : o.name_space, .source = o.file});
        if (o.command == "summary") return nnshape::summary(model, summary);
        if (o.command == "dot") return nnshape::model_to_dot(model, o.plot);
        const nnshape::Report r = nnshape::report(model, {.expand_nested = o.expand_nested, .batch_size = o.batch});
        if (o.command == "json") return nnshape::to_json(r);
        if (o.command == "csv") return nnshape::to_csv(r);
        return nnshape::flops_table(r);
    });
}

} // namespace

int main(int argc, char** argv)
{
    const std::vector<std::string_view> args(argv + 1, argv + argc);
    for (std::string_view a : args)
        if (a == "-h" || a == "--help") {
            std::cout << help_text();
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
