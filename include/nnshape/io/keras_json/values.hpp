#pragma once
// The Keras JSON reader's lowest level: JSON values as nnshape's argument types (ints, tuples,
// shapes, paddings, axes, names, enums), and where in the file a value is, for messages.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "../../nnshape.hpp"
#include "api.hpp"
#include "json.hpp"
#include "where.hpp"

namespace nnshape::io::detail {

using nnshape::detail::Axes;
using nnshape::detail::Boundaries;
using nnshape::detail::DotAxes;
using nnshape::detail::Statistic;
using nnshape::detail::TupleArg;
using nnshape::detail::type_list;
using nnshape::detail::Vocabulary;

[[noreturn]] inline void fail(std::string_view what) { throw load_error("keras_json: " + std::string(what)); }
[[noreturn]] inline void fail(const Where& w, std::string_view what) { fail(w.text() + ": " + std::string(what)); }

// A value of the wrong form; the config reader adds the layer and the key.
struct value_error {
    std::string what;
};

inline std::string_view json_type(const json& v)
{
    return v.is_null()             ? "null"
           : v.is_boolean()        ? "a bool"
           : v.is_number_integer() ? "an int"
           : v.is_number()         ? "a float"
           : v.is_string()         ? "a string"
           : v.is_array()          ? "a list"
                                   : "an object";
}

[[noreturn]] inline void wrong(std::string_view expected, const json& v)
{
    throw value_error{"expected " + std::string(expected) + ", got " + std::string(json_type(v))};
}

inline std::int64_t as_int(const json& v)
{
    if (v.is_number_unsigned() && v.get<std::uint64_t>() > std::uint64_t(INT64_MAX))
        throw value_error{"int out of range"};
    if (!v.is_number_integer()) wrong("an int", v);
    return v.get<std::int64_t>();
}

inline std::vector<std::int64_t> as_ints(const json& v, std::string_view expected = "an int or a list of ints")
{
    if (v.is_number_integer()) return {as_int(v)};
    if (!v.is_array()) wrong(expected, v);
    std::vector<std::int64_t> out;
    for (const json& e : v) {
        if (!e.is_number_integer()) wrong(expected, e);
        out.push_back(as_int(e));
    }
    return out;
}

// A Keras tuple of any length below the maximum rank as one of nnshape's brace-built argument types.
template <class T, class E, std::size_t... I>
T braced(const std::vector<E>& v, std::index_sequence<I...>)
{
    return T(std::initializer_list<E>{v[I]...});
}
template <class T, class E, std::size_t... N>
T tuple_of(const std::vector<E>& v, std::index_sequence<N...>)
{
    using Maker = T (*)(const std::vector<E>&);
    static constexpr Maker makers[] = {
        +[](const std::vector<E>& x) { return braced<T>(x, std::make_index_sequence<N>{}); }...};
    if (v.size() >= sizeof...(N)) throw value_error{"a tuple longer than nnshape's maximum rank allows"};
    return makers[v.size()](v);
}
template <class T, class E>
T tuple_of(const std::vector<E>& v)
{
    return tuple_of<T>(v, std::make_index_sequence<Shape::max_rank>{});
}

inline void read_value(const json& v, std::int64_t& out) { out = as_int(v); }
inline void read_value(const json& v, int& out)
{
    const std::int64_t i = as_int(v);
    if (i < INT32_MIN || i > INT32_MAX) throw value_error{"int out of range"};
    out = int(i);
}
inline void read_value(const json& v, bool& out)
{
    if (!v.is_boolean()) wrong("a bool", v);
    out = v.get<bool>();
}
inline void read_value(const json& v, double& out)
{
    if (!v.is_number()) wrong("a number", v);
    out = v.get<double>();
}
template <std::size_t Capacity>
void read_value(const json& v, nnshape::detail::fixed_string<Capacity>& out)
{
    if (!v.is_string()) wrong("a string", v);
    const std::string& s = v.get_ref<const std::string&>();
    if (s.size() > Capacity) throw value_error{"longer than nnshape's " + std::to_string(Capacity) + " characters"};
    out = nnshape::detail::fixed_string<Capacity>(std::string_view(s));
}
inline std::string lower(const json& v, std::string_view expected)
{
    if (!v.is_string()) wrong(expected, v);
    std::string s = v.get<std::string>();
    for (char& c : s) c = c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
    return s;
}
inline void read_value(const json& v, Padding& out)
{
    const std::string s = lower(v, "\"valid\", \"same\" or \"causal\"");
    if (s != "valid" && s != "same" && s != "causal")
        throw value_error{"expected \"valid\", \"same\" or \"causal\", got \"" + s + "\""};
    out = s == "valid" ? valid : s == "same" ? same : causal;
}
inline void read_value(const json& v, DataFormat& out)
{
    const std::string s = lower(v, "\"channels_last\" or \"channels_first\"");
    if (s != "channels_last" && s != "channels_first")
        throw value_error{"expected \"channels_last\" or \"channels_first\", got \"" + s + "\""};
    out = s == "channels_last" ? channels_last : channels_first;
}
// A TFOpLambda's "function": the TF symbol of one of the operations nnshape models.
inline void read_value(const json& v, OpFunction& out)
{
    if (!v.is_string()) wrong("a TF symbol such as \"__operators__.add\"", v);
    const std::string s = v.get<std::string>();
    for (std::size_t i = 0; i < nnshape::detail::op_names.size(); ++i)
        if (nnshape::detail::tf_symbol_of(static_cast<OpFunction>(i)) == s) {
            out = static_cast<OpFunction>(i);
            return;
        }
    throw value_error{"the TF function \"" + s + "\" is not one of the operations nnshape models"};
}
inline void read_value(const json& v, MergeMode& out)
{
    if (v.is_null()) {
        out = MergeMode::none;
        return;
    }
    const std::string s = lower(v, "\"sum\", \"mul\", \"ave\", \"concat\" or null");
    if (s == "sum")
        out = MergeMode::sum;
    else if (s == "mul")
        out = MergeMode::mul;
    else if (s == "ave")
        out = MergeMode::ave;
    else if (s == "concat")
        out = MergeMode::concat;
    else
        throw value_error{"expected \"sum\", \"mul\", \"ave\", \"concat\" or null, got \"" + s + "\""};
}
template <std::size_t N>
void read_value(const json& v, Ints<N>& out)
{
    const std::vector<std::int64_t> ints = as_ints(v);
    if (!v.is_array()) {
        out = Ints<N>(ints[0]);
        return;
    }
    if (ints.size() != N) throw value_error{"expected an int or a list of " + std::to_string(N) + " ints"};
    out = braced<Ints<N>>(ints, std::make_index_sequence<N>{});
}
template <std::size_t N>
void read_value(const json& v, Pads<N>& out)
{
    if (v.is_array() && !v.empty() && v[0].is_array()) { // ((top, bottom), (left, right))
        std::vector<typename Pads<N>::Pair> pairs;
        for (const json& p : v) {
            const std::vector<std::int64_t> two = as_ints(p, "a list of (before, after) pairs");
            if (!p.is_array() || two.size() != 2) throw value_error{"expected a list of (before, after) pairs"};
            pairs.push_back({two[0], two[1]});
        }
        if (pairs.size() != N) throw value_error{"expected one (before, after) pair per spatial axis"};
        out = braced<Pads<N>>(pairs, std::make_index_sequence<N>{});
        return;
    }
    const std::vector<std::int64_t> ints = as_ints(v);
    out = v.is_array() ? tuple_of<Pads<N>>(ints) : Pads<N>(ints[0]);
}
inline void read_value(const json& v, std::vector<std::int64_t>& out) { out = as_ints(v); }
inline void read_value(const json& v, IntTuple& out) { out = tuple_of<IntTuple>(as_ints(v, "a list of ints")); }
inline void read_value(const json& v, Axes& out)
{
    out = v.is_null() ? Axes(std::initializer_list<std::int64_t>{}) : tuple_of<Axes>(as_ints(v));
}
inline void read_value(const json& v, TupleArg<Dim>& out)
{
    if (v.is_number_integer()) {
        out = TupleArg<Dim>(as_int(v));
        return;
    }
    if (!v.is_array()) wrong("an int or a list of ints and nulls", v);
    std::vector<Dim> dims;
    for (const json& e : v) dims.push_back(e.is_null() ? None : Dim(as_int(e)));
    out = tuple_of<TupleArg<Dim>>(dims);
}
inline void read_value(const json& v, DotAxes& out)
{
    const std::vector<std::int64_t> ints = as_ints(v);
    if (!v.is_array()) {
        out = DotAxes(ints[0]);
        return;
    }
    if (ints.size() != 2) throw value_error{"expected an int or a list of 2 ints"};
    out = DotAxes{ints[0], ints[1]};
}
inline void read_value(const json& v, Statistic& out)
{
    if (!v.is_number()) throw value_error{"nnshape reads a mean or variance given as a number or null only"};
    out = Statistic(v.get<double>());
}
// Discretization's bin boundaries: a list of numbers, of which nnshape keeps the count.
inline void read_value(const json& v, Boundaries& out)
{
    if (!v.is_array()) wrong("a list of numbers", v);
    for (const json& e : v)
        if (!e.is_number()) wrong("a list of numbers", e);
    out = Boundaries(std::int64_t(v.size()));
}
// A lookup layer's vocabulary: null, a file's path, or a list of tokens (strings, or ints for
// IntegerLookup).
template <class Token>
void read_value(const json& v, Vocabulary<Token>& out)
{
    using Arg = typename Vocabulary<Token>::Arg;
    constexpr bool ints = std::is_same_v<Arg, std::int64_t>;
    if (v.is_null()) {
        out = Vocabulary<Token>();
        return;
    }
    if (v.is_string()) {
        out = Vocabulary<Token>::file();
        return;
    }
    if (!v.is_array())
        wrong(ints ? "null, a file path or a list of ints" : "null, a file path or a list of strings", v);
    std::vector<Arg> tokens;
    for (const json& e : v) {
        if constexpr (ints)
            tokens.push_back(as_int(e));
        else if (e.is_string())
            tokens.push_back(e.get_ref<const std::string&>());
        else
            wrong("a list of strings", e);
    }
    out = Vocabulary<Token>(std::span<const Arg>(tokens));
}
// A batch shape, as a list of ints and nulls (tf.keras's SavedModel metadata also writes a TensorShape).
inline Shape as_shape(const json& v)
{
    const json& list = v.is_object() && v.contains("items") ? v["items"] : v;
    if (!list.is_array()) wrong("a list of ints and nulls", v);
    if (list.size() > Shape::max_rank) throw value_error{"rank exceeds nnshape's maximum rank of 8"};
    Shape s;
    for (const json& e : list) s.push_back(e.is_null() ? None : Dim(as_int(e)));
    return s;
}
inline void read_value(const json& v, OptionalShape& out) { out = as_shape(v); }
// Lambda's output_shape: a tuple of ints and nulls, or a list of tuples for several outputs (null is
// the reader's "not given", read before this). A Python function in its place, which Keras 2 writes
// with output_shape_type "function" (its name) or "lambda" (its code in a list of strings) and Keras 3
// as a serialized function object, is a shape nnshape cannot compute.
inline void read_value(const json& v, LambdaOutputShape& out)
{
    const auto is_dim = [](const json& e) { return e.is_null() || e.is_number_integer(); };
    const bool holds_string =
        v.is_array() && std::any_of(v.begin(), v.end(), [](const json& e) { return e.is_string(); });
    if (v.is_string() || v.is_object() || holds_string)
        throw value_error{"a Python function (output_shape_type \"function\" or \"lambda\"): nnshape computes a "
                          "Lambda's shape only from an output_shape given as a tuple or a list of tuples"};
    if (!v.is_array()) wrong("a tuple or a list of tuples", v);
    if (std::all_of(v.begin(), v.end(), is_dim)) {
        std::vector<Dim> dims;
        for (const json& e : v) dims.push_back(e.is_null() ? None : Dim(as_int(e)));
        out = tuple_of<LambdaOutputShape>(dims);
        return;
    }
    std::vector<Shape> shapes;
    for (const json& e : v) {
        if (!e.is_array()) wrong("a tuple or a list of tuples", v);
        shapes.push_back(as_shape(e));
    }
    if (shapes.size() > Shapes::capacity) throw value_error{"a Lambda has at most 8 outputs in nnshape"};
    out = tuple_of<LambdaOutputShape>(shapes, std::make_index_sequence<Shapes::capacity + 1>{});
}
// A nullable argument: null is Keras's None.
template <class T>
void read_value(const json& v, std::optional<T>& out)
{
    if (v.is_null()) {
        out.reset();
        return;
    }
    T value{};
    read_value(v, value);
    out.emplace(value);
}
template <std::size_t N>
void read_value(const json& v, OptionalInts<N>& out)
{
    if (v.is_null()) {
        out.reset();
        return;
    }
    Ints<N> value = 0;
    read_value(v, value);
    out.emplace(value);
}
inline void read_value(const json& v, OptionalArg<TupleArg<Dim>, Dim>& out)
{
    if (v.is_null()) return out.reset();
    TupleArg<Dim> value = 0;
    read_value(v, value);
    out.emplace(value);
}
inline void read_value(const json& v, OptionalArg<TupleArg<std::int64_t>, std::int64_t>& out)
{
    if (v.is_null()) return out.reset();
    Axes value = -1;
    read_value(v, value);
    out.emplace(value);
}
inline void read_value(const json& v, OptionalArg<Statistic, double>& out)
{
    if (v.is_null()) return out.reset();
    Statistic value = 0.0;
    read_value(v, value);
    out.emplace(value);
}

} // namespace nnshape::io::detail
