#pragma once
// A layer value as C++ source, `Conv2D{.filters = 32, .kernel_size = 3, .name = "conv2d_1"}`, written
// from the layer's `keras_config` key list (layers' keys are their members, in the members' order, so
// designated initializers follow): the arguments that differ from the class's defaults, then the
// keyword arguments. nnshape/io/cpp_writer.hpp writes models from it. A Normalization mean or variance,
// Discretization's bin boundaries and a listed vocabulary are not written (nnshape keeps only their
// sizes): writing one throws.

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "../../nnshape.hpp"

namespace nnshape::io::cpp {

// What cannot be written as C++ (the message says what and why).
[[noreturn]] inline void fail(std::string_view what) { throw shape_error("cpp_writer: " + std::string(what)); }

namespace detail {

using nnshape::detail::KeyTraits;

// The C++ name of class T without `nnshape::`, from the compiler's own spelling of the template
// argument: layer classes are named after their Keras class except where Keras's name is no
// identifier of ours (GroupedQueryAttention is the struct GroupQueryAttention).
template <class T>
constexpr std::string_view type_name()
{
    std::string_view f = __PRETTY_FUNCTION__; // GCC: "[with T = nnshape::Dense; ...]", Clang: "[T = nnshape::Dense]"
    f.remove_prefix(f.find("T = ") + 4);
    f = f.substr(0, f.find_first_of(";]"));
    if (f.starts_with("nnshape::")) f.remove_prefix(9);
    return f;
}

// A string literal with Keras's text.
inline std::string string_literal(std::string_view s)
{
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        if (static_cast<unsigned char>(c) < 0x20) {
            constexpr char digits[] = "01234567";
            out += {'\\', digits[(c >> 6) & 7], digits[(c >> 3) & 7], digits[c & 7]};
            continue;
        }
        out += c;
    }
    return out + '"';
}

// Text from the file for a `//` comment: on one line.
inline std::string one_line(std::string_view s)
{
    std::string out(s);
    std::ranges::replace_if(out, [](char c) { return static_cast<unsigned char>(c) < 0x20; }, ' ');
    return out;
}

inline std::string list(const std::vector<std::string>& items)
{
    std::string out = "{";
    for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + items[i];
    return out + "}";
}

template <class L>
std::string initializer(const L& l);

inline std::string value(std::int64_t v) { return std::to_string(v); }
inline std::string value(int v) { return std::to_string(v); }
inline std::string value(bool v) { return v ? "true" : "false"; }
inline std::string value(double v)
{
    if (std::isnan(v)) return "std::numeric_limits<double>::quiet_NaN()";
    if (std::isinf(v))
        return v > 0 ? "std::numeric_limits<double>::infinity()" : "-std::numeric_limits<double>::infinity()";
    char text[32];
    const auto end = std::to_chars(text, text + sizeof text, v).ptr; // shortest text that reads back as v
    std::string out(text, end);
    return out.find_first_of(".e") == std::string::npos ? out + ".0" : out;
}
inline std::string value(Dim d) { return d.known() ? std::to_string(d.value()) : "None"; }
inline std::string value(Padding p) { return std::string(to_string(p)); }
inline std::string value(DataFormat f) { return f == channels_last ? "channels_last" : "channels_first"; }
inline std::string value(MergeMode m)
{
    constexpr const char* names[] = {"sum", "mul", "ave", "concat", "none"};
    return std::string("MergeMode::") + names[int(m)];
}
inline std::string value(OpFunction f)
{
    constexpr const char* names[] = {"add_operator", "add",     "subtract",  "multiply",    "true_divide", "divide",
                                     "maximum",      "minimum", "matmul",    "concatenate", "stack",       "reshape",
                                     "expand_dims",  "squeeze", "transpose", "get_item",    "mean",        "sum",
                                     "max",          "cast",    "relu",      "sigmoid",     "tanh",        "softmax"};
    static_assert(std::size(names) == std::size_t(OpFunction::softmax) + 1, "one name per OpFunction");
    return std::string("OpFunction::") + names[int(f)];
}
template <std::size_t Capacity>
std::string value(const nnshape::detail::fixed_string<Capacity>& s)
{
    return string_literal(s.view());
}
inline std::string value(const ActivationName& a) { return string_literal(a.view()); }
inline std::string value(const Shape& s)
{
    std::vector<std::string> dims;
    for (Dim d : s) dims.push_back(value(d));
    return list(dims);
}
template <std::size_t N>
std::string value(const Ints<N>& v)
{
    std::vector<std::string> items;
    for (std::int64_t i : v) items.push_back(std::to_string(i));
    return std::ranges::all_of(v, [&](std::int64_t i) { return i == v[0]; }) ? items[0] : list(items);
}
template <std::size_t N>
std::string value(const Pads<N>& v)
{
    std::vector<std::string> pairs;
    for (std::size_t i = 0; i < N; ++i) pairs.push_back(list({value(v[i][0]), value(v[i][1])}));
    return list(pairs);
}
// IntTuple, an Axes or a TupleArg of dimensions: a braced list.
template <class Tuple>
    requires requires(const Tuple& t) { t.size(), t[0]; }
std::string value(const Tuple& t)
{
    std::vector<std::string> items;
    for (std::size_t i = 0; i < t.size(); ++i) items.push_back(value(t[i]));
    return list(items);
}
inline std::string value(const LambdaOutputShape& s)
{
    if (!s.given()) return "nullptr";
    if (!s.listed()) return value(s.shapes()[0]);
    std::vector<std::string> shapes;
    for (const Shape& one : s.shapes()) shapes.push_back("Shape" + value(one));
    return list(shapes);
}
inline std::string value(const nnshape::detail::DotAxes& a)
{
    if (!a.given()) return "{}";
    return a.is_pair() ? list({value(a[0]), value(a[1])}) : value(a[0]);
}
inline std::string value(const nnshape::detail::Statistic&)
{
    fail("nnshape keeps only the shape of a Normalization mean or variance, not its values");
}
inline std::string value(const nnshape::detail::Boundaries&)
{
    fail("nnshape keeps only the count of a Discretization's bin_boundaries, not their values");
}
template <class Token>
std::string value(const nnshape::detail::Vocabulary<Token>& v)
{
    if (!v.is_none()) fail("nnshape keeps only the size of a vocabulary, not its tokens or its file");
    return "nullptr";
}
inline std::string value(const ops::Index& i)
{
    switch (i.kind()) {
    case ops::Index::Kind::index:
        return value(i.index());
    case ops::Index::Kind::ellipsis:
        return "ops::ellipsis";
    case ops::Index::Kind::newaxis:
        return "ops::newaxis";
    case ops::Index::Kind::slice:
        break;
    }
    const auto [start, stop, step] = i.slice();
    std::vector<std::string> fields;
    if (start) fields.push_back(".start = " + value(*start));
    if (stop) fields.push_back(".stop = " + value(*stop));
    if (step != 1) fields.push_back(".step = " + value(step));
    return "ops::Slice" + list(fields);
}
inline std::string value(const ops::Key& k)
{
    std::vector<std::string> entries;
    for (const ops::Index& i : k.entries()) entries.push_back(value(i));
    return list(entries);
}
// A wrapper's layer, an RNN's cell: the object as its own class.
template <class... T>
std::string value(const nnshape::detail::Variant<T...>& v)
{
    return nnshape::detail::visit([](const auto& object) { return initializer(object); }, v);
}
inline std::string value(const StackedRNNCells::Cells& cells)
{
    std::vector<std::string> items;
    for (const RNNCell& c : cells.view()) items.push_back(value(c));
    return list(items);
}
template <class T>
std::string value(const std::optional<T>& v)
{
    return v ? value(*v) : "std::nullopt";
}

// Each stored member of a layer (or config object) and its C++ text, in the members' order.
using MemberTexts = std::vector<std::pair<std::string_view, std::string>>;

// The `key` a layer's keras_config calls: each stored member's C++ text, in the members' order.
struct Members {
    MemberTexts& out;

    template <class T>
    void operator()(std::string_view key, const T& v, KeyTraits = {}) const
    {
        if constexpr (!nnshape::detail::is_accepted<T>) out.emplace_back(key, value(v)); // not stored
    }
    void refused(std::string_view, std::string_view) const {} // nnshape holds only None: the default
};

template <class L>
MemberTexts members(const L& l)
{
    MemberTexts out;
    const Members key{out};
    L::keras_config(l, key);
    return out;
}

// A class's defaults, made at compile time (a value made at run time compiled its construction per
// class); null for StackedRNNCells, which has no empty stack to compare with.
template <class L>
inline constexpr L default_value{};
template <class L>
constexpr const L* defaults()
{
    if constexpr (std::is_default_constructible_v<L> && !std::is_same_v<L, StackedRNNCells>)
        return &default_value<L>;
    else
        return nullptr;
}

// The designated initializers of the members `given` whose text differs from the `defaults` (all of
// them when there are no defaults). Not a template: only the members' texts are made per class.
inline std::vector<std::string> differing(const MemberTexts& given, const MemberTexts& defaults)
{
    std::vector<std::string> out;
    for (std::size_t i = 0; i < given.size(); ++i)
        if (defaults.empty() || given[i].second != defaults[i].second)
            out.push_back("." + std::string(given[i].first) + " = " + given[i].second);
    return out;
}

// The designated initializers that differ from L's defaults.
template <class L>
std::vector<std::string> arguments(const L& l)
{
    MemberTexts default_texts;
    if (const L* blank = defaults<L>()) default_texts = members(*blank);
    return differing(members(l), default_texts);
}

// The keyword arguments every layer takes, as a layer of some class gives them (null where its class has
// none; `trainable` only where it differs from the class's default), written by one non-template function.
struct KeywordArguments {
    const Name* name = nullptr;
    std::optional<bool> trainable{};
    const OptionalShape* input_shape = nullptr;
    std::optional<std::int64_t> batch_size{};
    const OptionalShape* batch_input_shape = nullptr;
};
inline void write(const KeywordArguments& k, std::vector<std::string>& out)
{
    if (k.name && !k.name->empty()) out.push_back(".name = " + value(*k.name));
    if (k.trainable) out.push_back(".trainable = " + value(*k.trainable));
    if (k.input_shape && *k.input_shape) out.push_back(".input_shape = " + value(**k.input_shape));
    if (k.batch_size) out.push_back(".batch_size = " + value(*k.batch_size));
    if (k.batch_input_shape && *k.batch_input_shape)
        out.push_back(".batch_input_shape = " + value(**k.batch_input_shape));
}

// Keras's keyword arguments, as the reader stores them.
template <class L>
void keyword_arguments(const L& l, std::vector<std::string>& out)
{
    KeywordArguments k;
    if constexpr (requires { l.name; }) k.name = &l.name;
    if constexpr (requires { l.trainable; })
        if (constexpr bool by_default = L{}.trainable; l.trainable != by_default) k.trainable = l.trainable;
    if constexpr (requires { l.input_shape, l.batch_input_shape; }) {
        k.input_shape = &l.input_shape;
        k.batch_size = l.batch_size;
        k.batch_input_shape = &l.batch_input_shape;
    }
    write(k, out);
}

// An operation's arguments are its call's, kept beside its one config key (`function`).
inline std::vector<std::string> arguments(const TFOpLambda& op)
{
    std::vector<std::string> out{".function = " + value(op.function)};
    if (op.axis) out.push_back(".axis = " + value(*op.axis));
    if (op.keepdims) out.push_back(".keepdims = true");
    if (op.newshape.size() > 0) out.push_back(".newshape = " + value(op.newshape));
    if (op.function == OpFunction::get_item) out.push_back(".key = " + value(op.key));
    if (op.scalar_operand) out.push_back(".scalar_operand = true");
    if (op.constant_shape.rank() > 0) out.push_back(".constant_shape = " + value(op.constant_shape));
    return out;
}

// A layer nnshape knows only by the facts its file states (a class it does not know): those facts.
inline std::vector<std::string> arguments(const OpaqueLayer& l)
{
    std::vector<std::string> shapes;
    for (const Shape& s : l.outputs) shapes.push_back("Shape" + value(s));
    return {".keras_class = " + value(l.keras_class), ".outputs = " + list(shapes),
            ".weights = {.trainable = " + value(l.weights.trainable) +
                ", .non_trainable = " + value(l.weights.non_trainable) + "}"};
}

// The class as C++ names it: a template instance (Conv<2>) by its alias, which is its Keras class name
// (Conv2D); a class by its own name, which may differ from Keras's (GroupQueryAttention is Keras's
// GroupedQueryAttention).
template <class L>
std::string_view class_spelling()
{
    const std::string_view own = type_name<L>();
    return own.find('<') == std::string_view::npos ? own : L::class_name;
}

template <class L>
std::string initializer(const L& l)
{
    std::vector<std::string> args = arguments(l);
    keyword_arguments(l, args);
    return std::string(class_spelling<L>()) + list(args);
}

} // namespace detail

// The comment that marks a layer whose class nnshape does not know, or nothing.
inline std::string layer_note(const Layer& layer)
{
    const OpaqueLayer* l = layer.get_if<OpaqueLayer>();
    if (!l) return "";
    return "// custom layer " + detail::string_literal(l->name.view()) + " (" +
           detail::one_line(l->keras_class.view()) +
           "): shapes and weights from the model file; write its class to check it\n";
}

// A built-in layer as C++ source: `Dense{.units = 64, .activation = "relu", .name = "dense_1"}`.
inline std::string layer_source(const Layer& layer)
{
    return layer.visit([](const auto& l) { return detail::initializer(l); });
}

} // namespace nnshape::io::cpp
