#pragma once
// Reads a Keras model's architecture from its JSON config: `model.to_json()` (Keras 2, tf.keras,
// Keras 3), the config.json of a .keras archive, or a TensorFlow.js model.json (`modelTopology`).
// Optional: it needs nlohmann/json (Debian: nlohmann-json3-dev; CMake target nnshape::keras_json).
//
//   const nnshape::io::LoadedModel m = nnshape::io::load_keras_json_file("model.json");
//   m.visit([](const auto& model) { std::cout << nnshape::summary(model); });
//
// Every layer is read from its class_name and the config keys Keras writes; a missing key takes
// Keras's default (what Keras's own from_config does), anything else that cannot be read -- an
// unknown class, a value of the wrong type, malformed JSON, a reference to a layer or node that is
// never defined, a cycle -- throws io::load_error naming the layer, its position and the key.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "../nnshape.hpp"

namespace nnshape::io {

// What the reader throws; a shape_error, so one catch serves both the file and the model.
class load_error : public shape_error {
public:
    using shape_error::shape_error;
};

// A model read from JSON: a Sequential (Keras's own Sequential, listed without its InputLayer), or
// a functional Model with the Graph that owns its layers.
class LoadedModel {
public:
    explicit LoadedModel(Sequential<> model) : sequential_(std::move(model)) {}
    LoadedModel(std::unique_ptr<Graph> graph, Model model) : graph_(std::move(graph)), model_(model) {}

    bool is_sequential() const { return sequential_.has_value(); }
    const Sequential<>* sequential() const { return sequential_ ? &*sequential_ : nullptr; }
    const Model* model() const { return model_ ? &*model_ : nullptr; }

    // Calls `f` with the `const Sequential<>&` or the `const Model&`: summary, report, cost, model_to_dot.
    template <class F>
    decltype(auto) visit(F&& f) const
    {
        return sequential_ ? f(*sequential_) : f(*model_);
    }

private:
    std::unique_ptr<Graph> graph_;
    std::optional<Model> model_;
    std::optional<Sequential<>> sequential_;
};

namespace detail {

using json = nlohmann::json;
using nnshape::detail::Axes;
using nnshape::detail::DotAxes;
using nnshape::detail::Statistic;
using nnshape::detail::TupleArg;
using nnshape::detail::type_list;

// Where in the file a layer is, for messages: `layer "conv2d_3" (Conv2D) at layers[4]`.
struct Where {
    std::string path; // layers[4], layers[2].layers[0], layers[1].config.layer
    std::string name;
    std::string class_name;
    std::string_view what = "layer"; // or "model": the top-level one

    std::string text() const
    {
        std::string s(what);
        if (!name.empty()) s += " \"" + name + "\"";
        if (!class_name.empty()) s += " (" + class_name + ")";
        return path.empty() ? s : s + " at " + path;
    }
};

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

struct Reader;
using LayerMaker = Layer (*)(const Reader&);
inline Layer read_layer(const json& entry, const Where& where, int depth);

// One layer's config object, with its place in the file for messages.
struct Reader {
    const json& config;
    const Where& where;
    int depth; // nesting of wrapped layers, bounded

    const json* find(std::string_view key) const
    {
        const auto it = config.find(key);
        return it == config.end() ? nullptr : &*it;
    }
    [[noreturn]] void bad(std::string_view key, std::string_view what) const
    {
        fail(where, "config key \"" + std::string(key) + "\": " + std::string(what));
    }
    // `out` keeps Keras's default when the key is absent.
    template <class T>
    void operator()(std::string_view key, T& out) const
    {
        if (const json* v = find(key)) read(key, *v, out);
    }
    template <class T>
    void required(std::string_view key, T& out) const
    {
        const json* v = find(key);
        if (!v) fail(where, "missing config key \"" + std::string(key) + "\"");
        read(key, *v, out);
    }
    template <class T>
    void read(std::string_view key, const json& v, T& out) const
    {
        try {
            read_value(v, out);
        } catch (const value_error& e) {
            bad(key, e.what);
        } catch (const shape_error& e) {
            bad(key, e.what());
        }
    }
    // A Keras 3 argument nnshape does not model must keep the value that leaves the shapes alone.
    void require_absent(std::string_view key, std::string_view why) const
    {
        const json* v = find(key);
        const bool neutral =
            !v || v->is_null() || (v->is_boolean() && !v->get<bool>()) || (v->is_number() && v->get<double>() == 0);
        if (!neutral) bad(key, why);
    }
    // A wrapped layer's config: {"class_name": ..., "config": {...}}.
    Layer inner(std::string_view key) const
    {
        const json* v = find(key);
        if (!v) fail(where, "missing config key \"" + std::string(key) + "\"");
        return read_layer(*v, Where{where.path + ".config." + std::string(key), "", ""}, depth + 1);
    }
};

// ---- each layer family's config keys, in Keras's names -----------------------------------------

// Keras's activation arguments; None (null) is the identity, kept as empty.
template <class Text>
void read_activation(const Reader& r, std::string_view key, Text& out)
{
    const json* v = r.find(key);
    if (v && v->is_null()) return;
    if (v && v->is_object()) { // tf.keras/Keras 3 serialize some activations as {"class_name": ..., "config": ...}
        const auto config = v->find("config"), class_name = v->find("class_name");
        if (config != v->end() && config->is_string())
            r.read(key, *config, out);
        else if (class_name != v->end())
            r.read(key, *class_name, out);
        else
            r.bad(key, "expected a string or a serialized function");
    } else if (v) {
        r.read(key, *v, out);
    }
}
template <class L>
void read_kwargs(const Reader& r, L& l)
{
    r("name", l.name);
    r("trainable", l.trainable);
    r("batch_input_shape", l.batch_input_shape); // Keras 2 and tf.keras, on a Sequential's first layer
    if constexpr (requires { l.activation; }) read_activation(r, "activation", l.activation);
    if constexpr (requires { l.recurrent_activation; })
        read_activation(r, "recurrent_activation", l.recurrent_activation);
}

inline void read_args(const Reader& r, Dense& l)
{
    r.required("units", l.units);
    r("use_bias", l.use_bias);
    r.require_absent("lora_rank", "nnshape does not model LoRA weights");
}
inline void read_args(const Reader& r, Embedding& l)
{
    r.required("input_dim", l.input_dim);
    r.required("output_dim", l.output_dim);
    r("mask_zero", l.mask_zero);
    r("input_length", l.input_length);
    r.require_absent("lora_rank", "nnshape does not model LoRA weights");
}
inline void read_args(const Reader&, Identity&) {}
inline void read_args(const Reader& r, Masking& l) { r("mask_value", l.mask_value); }

inline void read_args(const Reader&, Activation&) {} // its activation: read with the keyword arguments
inline void read_args(const Reader& r, ReLU& l)
{
    r("max_value", l.max_value);
    r("negative_slope", l.negative_slope);
    r("threshold", l.threshold);
}
inline void read_args(const Reader& r, LeakyReLU& l)
{
    r("negative_slope", l.negative_slope); // Keras 3
    r("alpha", l.alpha); // Keras 2, tf.keras
}
inline void read_args(const Reader& r, PReLU& l) { r("shared_axes", l.shared_axes); }
inline void read_args(const Reader&, ELU&) {}
inline void read_args(const Reader& r, Softmax& l) { r("axis", l.axis); }
inline void read_args(const Reader& r, ThresholdedReLU& l) { r("theta", l.theta); }

template <DropoutKind K>
void read_args(const Reader& r, RateDropout<K>& l)
{
    r.required("rate", l.rate);
}
template <std::size_t N>
void read_args(const Reader& r, SpatialDropout<N>& l)
{
    r.required("rate", l.rate);
    r("data_format", l.data_format);
}
inline void read_args(const Reader& r, GaussianNoise& l) { r.required("stddev", l.stddev); }
inline void read_args(const Reader&, ActivityRegularization&) {}

inline void read_args(const Reader& r, Flatten& l) { r("data_format", l.data_format); }
inline void read_args(const Reader& r, Reshape& l) { r.required("target_shape", l.target_shape); }
inline void read_args(const Reader& r, Permute& l) { r.required("dims", l.dims); }
inline void read_args(const Reader& r, RepeatVector& l) { r.required("n", l.n); }
template <std::size_t N>
void read_args(const Reader& r, UpSampling<N>& l)
{
    r("size", l.size);
    r("data_format", l.data_format);
}
template <std::size_t N>
void read_args(const Reader& r, ZeroPadding<N>& l)
{
    r("padding", l.padding);
    r("data_format", l.data_format);
}
template <std::size_t N>
void read_args(const Reader& r, Cropping<N>& l)
{
    r("cropping", l.cropping);
    r("data_format", l.data_format);
}

// The arguments every convolution-like layer shares.
template <class L>
void read_window(const Reader& r, L& l)
{
    r.required("kernel_size", l.kernel_size);
    r("strides", l.strides);
    r("padding", l.padding);
    r("data_format", l.data_format);
    if constexpr (requires { l.dilation_rate; }) r("dilation_rate", l.dilation_rate);
    r("use_bias", l.use_bias);
}
template <std::size_t N>
void read_args(const Reader& r, Conv<N>& l)
{
    r.required("filters", l.filters);
    read_window(r, l);
    r("groups", l.groups);
    r.require_absent("lora_rank", "nnshape does not model LoRA weights");
}
template <std::size_t N>
void read_args(const Reader& r, DepthwiseConv<N>& l)
{
    read_window(r, l);
    r("depth_multiplier", l.depth_multiplier);
}
template <std::size_t N>
void read_args(const Reader& r, SeparableConv<N>& l)
{
    r.required("filters", l.filters);
    read_window(r, l);
    r("depth_multiplier", l.depth_multiplier);
}
template <std::size_t N>
void read_args(const Reader& r, ConvTranspose<N>& l)
{
    r.required("filters", l.filters);
    read_window(r, l);
    r("output_padding", l.output_padding);
}
template <std::size_t N>
void read_args(const Reader& r, LocallyConnected<N>& l)
{
    r.required("filters", l.filters);
    read_window(r, l);
    r("implementation", l.implementation);
}

template <std::size_t N, PoolKind K>
void read_args(const Reader& r, Pooling<N, K>& l)
{
    r("pool_size", l.pool_size);
    r("strides", l.strides);
    r("padding", l.padding);
    r("data_format", l.data_format);
}
template <std::size_t N, PoolKind K>
void read_args(const Reader& r, GlobalPooling<N, K>& l)
{
    r("data_format", l.data_format);
    r("keepdims", l.keepdims);
}

template <class L>
void read_recurrent(const Reader& r, L& l)
{
    r("return_sequences", l.return_sequences);
    r("return_state", l.return_state);
    r("go_backwards", l.go_backwards);
    r("stateful", l.stateful);
}
inline void read_args(const Reader& r, SimpleRNN& l)
{
    r.required("units", l.units);
    r("use_bias", l.use_bias);
    read_recurrent(r, l);
}
inline void read_args(const Reader& r, LSTM& l)
{
    r.required("units", l.units);
    r("use_bias", l.use_bias);
    read_recurrent(r, l);
}
// A config without reset_after (Keras 2.1) takes later Keras's default, true.
inline void read_args(const Reader& r, GRU& l)
{
    r.required("units", l.units);
    r("use_bias", l.use_bias);
    r("reset_after", l.reset_after);
    read_recurrent(r, l);
}
inline void read_args(const Reader& r, RNN&)
{
    fail(r.where, "nnshape's JSON reader does not read RNN cells; use SimpleRNN, LSTM or GRU");
}
template <std::size_t N>
void read_args(const Reader& r, ConvLSTM<N>& l)
{
    r.required("filters", l.filters);
    read_window(r, l);
    read_recurrent(r, l);
}

inline void read_args(const Reader& r, BatchNormalization& l)
{
    // tf.keras writes the axis as a list once the layer is built: [3].
    if (const json* v = r.find("axis"); v && v->is_array()) {
        std::vector<std::int64_t> axes;
        r.read("axis", *v, axes);
        if (axes.size() != 1) r.bad("axis", "nnshape reads one normalized axis");
        l.axis = axes[0];
    } else {
        r("axis", l.axis);
    }
    r("center", l.center);
    r("scale", l.scale);
    r("renorm", l.renorm);
}
inline void read_args(const Reader& r, LayerNormalization& l)
{
    r("axis", l.axis);
    r("center", l.center);
    r("scale", l.scale);
}
inline void read_args(const Reader& r, GroupNormalization& l)
{
    r("groups", l.groups);
    r("axis", l.axis);
    r("center", l.center);
    r("scale", l.scale);
}
inline void read_args(const Reader& r, UnitNormalization& l) { r("axis", l.axis); }

template <MergeKind K>
void read_args(const Reader&, Merge<K>&)
{
}
inline void read_args(const Reader& r, Concatenate& l) { r("axis", l.axis); }
inline void read_args(const Reader& r, Dot& l)
{
    r.required("axes", l.axes);
    r("normalize", l.normalize);
}

inline void read_args(const Reader& r, MultiHeadAttention& l)
{
    r.required("num_heads", l.num_heads);
    r.required("key_dim", l.key_dim);
    r("value_dim", l.value_dim);
    r("use_bias", l.use_bias);
    r("output_shape", l.output_shape);
    r("attention_axes", l.attention_axes);
}
inline void read_args(const Reader& r, GroupQueryAttention& l)
{
    r.required("head_dim", l.head_dim);
    r.required("num_query_heads", l.num_query_heads);
    r.required("num_key_value_heads", l.num_key_value_heads);
    r("use_bias", l.use_bias);
}
inline void read_args(const Reader& r, Attention& l)
{
    r("use_scale", l.use_scale);
    r("score_mode", l.score_mode);
}
inline void read_args(const Reader& r, AdditiveAttention& l) { r("use_scale", l.use_scale); }
inline void read_args(const Reader& r, EinsumDense& l)
{
    r.required("equation", l.equation);
    r.required("output_shape", l.output_shape);
    r("bias_axes", l.bias_axes);
    r.require_absent("lora_rank", "nnshape does not model LoRA weights");
}

inline void read_args(const Reader& r, Rescaling& l)
{
    r("scale", l.scale);
    r("offset", l.offset);
}
inline void read_args(const Reader& r, Normalization& l)
{
    r("axis", l.axis);
    r("mean", l.mean);
    r("variance", l.variance);
}
inline void read_args(const Reader& r, Resizing& l)
{
    r.required("height", l.height);
    r.required("width", l.width);
    r("interpolation", l.interpolation);
    r("crop_to_aspect_ratio", l.crop_to_aspect_ratio);
    r("pad_to_aspect_ratio", l.pad_to_aspect_ratio);
    r("data_format", l.data_format);
}
inline void read_args(const Reader& r, CenterCrop& l)
{
    r.required("height", l.height);
    r.required("width", l.width);
    r("data_format", l.data_format);
}

// A wrapped layer as the variant a wrapper holds, if it is one of the classes the wrapper takes.
template <class Variant>
Variant wrapped_as(const Reader& r, std::string_view key, const Layer& inner, std::string_view accepted)
{
    return inner.visit([&](const auto& l) -> Variant {
        if constexpr (std::is_constructible_v<Variant, decltype(l)>)
            return Variant(l);
        else
            r.bad(key, "a " + std::string(l.class_name) + " cannot be wrapped here: expected " + std::string(accepted));
    });
}
inline void read_args(const Reader& r, Bidirectional& l)
{
    l.layer = wrapped_as<RecurrentLayer>(r, "layer", r.inner("layer"), "a recurrent layer");
    r("merge_mode", l.merge_mode);
    if (const json* b = r.find("backward_layer"); b && !b->is_null())
        l.backward_layer =
            wrapped_as<RecurrentLayer>(r, "backward_layer", r.inner("backward_layer"), "a recurrent layer");
}
inline void read_args(const Reader& r, TimeDistributed& l)
{
    l.layer = wrapped_as<WrappedLayer>(r, "layer", r.inner("layer"), "a built-in layer");
}
inline void read_args(const Reader& r, SpectralNormalization& l)
{
    l.layer = wrapped_as<WrappedLayer>(r, "layer", r.inner("layer"), "a built-in layer");
    r("power_iterations", l.power_iterations);
}

template <class L>
Layer make(const Reader& r)
{
    L l{};
    read_args(r, l);
    read_kwargs(r, l);
    return Layer(std::move(l));
}

// Keras's class names (and the aliases Keras accepts) to the readers.
inline const std::map<std::string_view, LayerMaker, std::less<>>& layer_table()
{
    static const std::map<std::string_view, LayerMaker, std::less<>> table = [] {
        std::map<std::string_view, LayerMaker, std::less<>> t;
        [&]<class... L>(type_list<L...>) {
            const auto add = [&]<class One>(std::type_identity<One>) {
                if constexpr (!std::is_same_v<One, InputLayer>)
                    t.emplace(One::class_name, &make<One>); // InputLayer: see the model readers
            };
            (add(std::type_identity<L>{}), ...);
        }(nnshape::detail::layer_list{});
        const std::pair<std::string_view, std::string_view> aliases[] = {{"Convolution1D", "Conv1D"},
                                                                         {"Convolution2D", "Conv2D"},
                                                                         {"Convolution3D", "Conv3D"},
                                                                         {"SeparableConvolution1D", "SeparableConv1D"},
                                                                         {"SeparableConvolution2D", "SeparableConv2D"},
                                                                         {"Convolution2DTranspose", "Conv2DTranspose"},
                                                                         {"Convolution3DTranspose", "Conv3DTranspose"},
                                                                         {"Deconvolution2D", "Conv2DTranspose"},
                                                                         {"Deconvolution3D", "Conv3DTranspose"},
                                                                         {"MaxPool1D", "MaxPooling1D"},
                                                                         {"MaxPool2D", "MaxPooling2D"},
                                                                         {"MaxPool3D", "MaxPooling3D"},
                                                                         {"AvgPool1D", "AveragePooling1D"},
                                                                         {"AvgPool2D", "AveragePooling2D"},
                                                                         {"AvgPool3D", "AveragePooling3D"},
                                                                         {"GlobalMaxPool1D", "GlobalMaxPooling1D"},
                                                                         {"GlobalMaxPool2D", "GlobalMaxPooling2D"},
                                                                         {"GlobalMaxPool3D", "GlobalMaxPooling3D"},
                                                                         {"GlobalAvgPool1D", "GlobalAveragePooling1D"},
                                                                         {"GlobalAvgPool2D", "GlobalAveragePooling2D"},
                                                                         {"GlobalAvgPool3D", "GlobalAveragePooling3D"}};
        for (const auto& [alias, name] : aliases) t.emplace(alias, t.at(name));
        return t;
    }();
    return table;
}

// Keras layers whose output shape depends on Python code or data nnshape cannot see.
inline bool computes_in_python(std::string_view class_name)
{
    return class_name == "Lambda" || class_name == "TFOpLambda" || class_name == "SlicingOpLambda";
}

inline std::string class_of(const json& entry, const Where& where)
{
    const auto it = entry.find("class_name");
    if (it == entry.end()) fail(where, "missing key \"class_name\"");
    if (!it->is_string()) fail(where, "key \"class_name\": expected a string, got " + std::string(json_type(*it)));
    return it->get<std::string>();
}

inline const json& config_of(const json& entry, const Where& where)
{
    const auto it = entry.find("config");
    if (it == entry.end()) fail(where, "missing key \"config\"");
    if (!it->is_object() && !it->is_array())
        fail(where, "key \"config\": expected an object, got " + std::string(json_type(*it)));
    return *it;
}

// The layer's name: beside its config (functional models) or in it.
inline std::string name_of(const json& entry)
{
    const auto in = [](const json& o) -> std::string {
        const auto it = o.find("name");
        return it != o.end() && it->is_string() ? it->get<std::string>() : "";
    };
    if (!entry.is_object()) return "";
    std::string name = in(entry);
    if (name.empty()) {
        const auto c = entry.find("config");
        if (c != entry.end() && c->is_object()) name = in(*c);
    }
    return name;
}

inline constexpr int max_depth = 32; // nested models and wrappers

// One built-in layer from {"class_name": ..., "config": {...}}.
inline Layer read_layer(const json& entry, const Where& at, int depth)
{
    if (!entry.is_object())
        fail(at,
             "expected a layer object {\"class_name\": ..., \"config\": ...}, got " + std::string(json_type(entry)));
    if (depth > max_depth) fail(at, "layers nested deeper than " + std::to_string(max_depth) + " levels");
    Where where{at.path, name_of(entry), class_of(entry, at)};
    if (computes_in_python(where.class_name))
        fail(where, "nnshape cannot compute the shape of a " + where.class_name +
                        " layer (its output comes from Python code)");
    const auto& table = layer_table();
    const auto it = table.find(where.class_name);
    if (it == table.end())
        fail(where, "unknown layer class \"" + where.class_name + "\": not a Keras layer nnshape knows");
    const json& config = config_of(entry, where);
    if (!config.is_object()) fail(where, "key \"config\": expected an object, got a list");
    return it->second(Reader{config, where, depth});
}

// ---- models ---------------------------------------------------------------------------------------

inline bool is_model_class(std::string_view c) { return c == "Sequential" || c == "Functional" || c == "Model"; }

inline InputLayer read_input_layer(const Reader& r)
{
    InputLayer in{};
    r("name", in.name);
    const json* shape = r.find("batch_shape") ? r.find("batch_shape") : r.find("batch_input_shape");
    if (!shape || shape->is_null())
        fail(r.where, "missing config key \"batch_input_shape\" (Keras 2) or \"batch_shape\" (Keras 3)");
    r.read(r.find("batch_shape") ? "batch_shape" : "batch_input_shape", *shape, in.batch_shape);
    return in;
}

inline const json& array_key(const json& object, std::string_view key, const Where& where)
{
    const auto it = object.find(key);
    if (it == object.end()) fail(where, "missing key \"" + std::string(key) + "\"");
    if (!it->is_array())
        fail(where, "key \"" + std::string(key) + "\": expected a list, got " + std::string(json_type(*it)));
    return *it;
}

// A reference to an output of a layer call: Keras 2's [name, node_index, tensor_index(, kwargs)] or
// Keras 3's {"class_name": "__keras_tensor__", "config": {"keras_history": [name, node, tensor]}}.
struct TensorRef {
    std::string layer;
    std::int64_t node = 0;
    std::int64_t tensor = 0;
};

inline bool is_keras3_tensor(const json& v)
{
    return v.is_object() && v.contains("class_name") && v["class_name"] == "__keras_tensor__";
}
inline bool is_keras2_ref(const json& v) { return v.is_array() && !v.empty() && v[0].is_string(); }

inline TensorRef as_ref(const json& v, const Where& where)
{
    const json* history = &v;
    if (is_keras3_tensor(v)) {
        const auto c = v.find("config");
        if (c == v.end() || !c->is_object() || !c->contains("keras_history"))
            fail(where, "a __keras_tensor__ without config.keras_history");
        history = &(*c)["keras_history"];
    }
    if (!history->is_array() || history->size() < 3 || !(*history)[0].is_string() ||
        !(*history)[1].is_number_integer() || !(*history)[2].is_number_integer())
        fail(where, "a tensor reference must be [layer_name, node_index, tensor_index]");
    TensorRef ref{(*history)[0].get<std::string>(), 0, 0};
    try {
        ref.node = as_int((*history)[1]);
        ref.tensor = as_int((*history)[2]);
    } catch (const value_error& e) {
        fail(where, "tensor reference to \"" + ref.layer + "\": " + e.what);
    }
    return ref;
}

// Every tensor of a Keras 3 call's args, in order (lists nest: Add()([a, b]) has args [[a, b]]).
inline void collect_tensors(const json& v, const Where& where, std::vector<TensorRef>& out, int depth)
{
    if (depth > max_depth) fail(where, "call arguments nested deeper than " + std::to_string(max_depth) + " levels");
    if (is_keras3_tensor(v)) {
        out.push_back(as_ref(v, where));
    } else if (v.is_array()) {
        for (const json& e : v) collect_tensors(e, where, out, depth + 1);
    } else if (v.is_object()) {
        for (const auto& [key, e] : v.items()) collect_tensors(e, where, out, depth + 1);
    }
}

// Tensors given as keyword arguments: the attention layers' query, value and key, in that order.
inline void keyword_tensors(const json& kwargs, const Where& where, std::vector<TensorRef>& out)
{
    if (!kwargs.is_object()) return;
    for (const auto& [key, v] : kwargs.items()) {
        std::vector<TensorRef> found;
        if (is_keras2_ref(v))
            found.push_back(as_ref(v, where));
        else
            collect_tensors(v, where, found, 0);
        if (!found.empty() && key != "query" && key != "value" && key != "key")
            fail(where,
                 "inbound node passes a tensor as keyword argument \"" + key + "\", which nnshape does not read");
    }
    for (const char* key : {"query", "value", "key"}) {
        const auto it = kwargs.find(key);
        if (it == kwargs.end()) continue;
        if (is_keras2_ref(*it))
            out.push_back(as_ref(*it, where));
        else
            collect_tensors(*it, where, out, 0);
    }
}

// The input tensors of one call, from either form of an `inbound_nodes` entry.
inline std::vector<TensorRef> node_inputs(const json& node, const Where& where)
{
    std::vector<TensorRef> refs;
    if (node.is_object()) { // Keras 3: {"args": [...], "kwargs": {...}}
        const auto args = node.find("args");
        if (args == node.end()) fail(where, "an inbound node object needs \"args\"");
        collect_tensors(*args, where, refs, 0);
        if (const auto kw = node.find("kwargs"); kw != node.end()) keyword_tensors(*kw, where, refs);
    } else if (is_keras2_ref(node)) { // one reference without the enclosing list
        refs.push_back(as_ref(node, where));
    } else if (node.is_array()) { // Keras 2: [[name, node_index, tensor_index, kwargs], ...]
        for (const json& r : node) {
            refs.push_back(as_ref(r, where));
            if (r.is_array() && r.size() > 3) keyword_tensors(r[3], where, refs);
        }
    } else {
        fail(where,
             "an inbound node must be a list (Keras 2) or an object (Keras 3), got " + std::string(json_type(node)));
    }
    if (refs.empty()) fail(where, "an inbound node with no input tensor");
    return refs;
}

inline Tensors as_tensors(const std::vector<Tensor>& v)
{
    return v.size() == 1 ? Tensors(v[0]) : Tensors(std::vector<Tensor>(v));
}

// A name as nnshape stores it, or an error naming where it came from.
inline Name checked_name(std::string_view name, const Where& where)
{
    if (name.size() > 63) fail(where, "the name \"" + std::string(name) + "\" is longer than nnshape's 63 characters");
    return Name(name);
}

template <class F>
auto with_context(const Where& where, F&& f) -> decltype(f())
{
    try {
        return f();
    } catch (const load_error&) {
        throw;
    } catch (const shape_error& e) {
        fail(where, e.what());
    }
}

// A model read into a Graph, with the number of layer calls running it once makes, nested models'
// calls included: nnshape runs a nested model's layers for each of its calls, so a model nested in
// models each calling it twice costs 2^depth; past `max_calls` the reader refuses it.
struct ReadModel {
    Model model;
    std::int64_t calls;
};
inline constexpr std::int64_t max_calls = 100'000;

inline ReadModel read_model(Graph& g, const json& entry, const Where& where, int depth);

inline void count_calls(std::int64_t& total, std::int64_t calls, const Where& where)
{
    total += calls; // both at most max_calls: no overflow
    if (total > max_calls)
        fail(where, "the model runs more than " + std::to_string(max_calls) +
                        " layer calls (nested models called many times)");
}

// Adds a layer read by read_layer (never an InputLayer) to `g`.
inline SharedLayer add_to(Graph& g, const Layer& layer)
{
    return layer.visit([&](const auto& l) -> SharedLayer {
        if constexpr (std::is_same_v<std::remove_cvref_t<decltype(l)>, InputLayer>)
            fail("an InputLayer cannot be called on tensors");
        else
            return g.add(l);
    });
}

// Reads a functional model's config into `g`, as Keras's from_config does: layers first, then their
// calls in file order, a call waiting until the calls it takes tensors from are made.
class FunctionalReader {
public:
    FunctionalReader(Graph& g, const json& config, const Where& where, int depth)
        : g_(g),
          config_(config),
          where_(where),
          depth_(depth)
    {
    }

    ReadModel read()
    {
        const json& layers = array_key(config_, "layers", where_);
        for (std::size_t i = 0; i < layers.size(); ++i) add_layer(layers[i], i);
        call_all();
        ModelArgs args{checked_name(name_of_config(), where_)};
        Reader{config_, where_, depth_}("trainable", args.trainable);
        const std::vector<Tensor> inputs = endpoints("input_layers"), outputs = endpoints("output_layers");
        return {with_context(where_, [&] { return g_.model(as_tensors(inputs), as_tensors(outputs), args); }), calls_};
    }

private:
    struct Entry {
        Where where;
        std::optional<SharedLayer> layer;
        std::optional<Model> model;
        std::int64_t first_node = 0; // a nested model's calls are numbered from 1 (node 0 is its own)
        const json* nodes = nullptr;
        std::vector<std::vector<Tensor>> outputs; // per call made, in node order
        std::int64_t calls_per_call = 1; // a nested model: the layer calls of one run
    };

    std::string name_of_config() const
    {
        const auto it = config_.find("name");
        return it != config_.end() && it->is_string() ? it->get<std::string>() : "";
    }

    void add_layer(const json& layer, std::size_t index)
    {
        const std::string here = "layers[" + std::to_string(index) + "]";
        const Where at{where_.path.empty() ? here : where_.path + "." + here, "", ""};
        if (!layer.is_object()) fail(at, "expected a layer object, got " + std::string(json_type(layer)));
        Entry e{Where{at.path, name_of(layer), class_of(layer, at)}, std::nullopt, std::nullopt, 0, nullptr, {}, 1};
        if (e.where.name.empty()) fail(e.where, "missing key \"name\"");
        if (by_name_.contains(e.where.name))
            fail(e.where, "a second layer named \"" + e.where.name + "\" in the same model");
        e.nodes = &array_key(layer, "inbound_nodes", e.where);
        if (e.where.class_name == "InputLayer") {
            if (!e.nodes->empty()) fail(e.where, "an InputLayer has no inbound nodes");
            const json& config = config_of(layer, e.where);
            const InputLayer in = read_input_layer(Reader{config, e.where, depth_});
            e.outputs.push_back({with_context(e.where, [&] { return Input(g_, in); })});
        } else if (is_model_class(e.where.class_name)) {
            const ReadModel inner = read_model(g_, layer, e.where, depth_ + 1);
            e.model = inner.model;
            e.calls_per_call = inner.calls;
            // Keras 3 numbers a nested Sequential's calls from 0: it is no Functional.
            e.first_node = e.where.class_name == "Sequential" && layer.contains("module") ? 0 : 1;
        } else {
            const Layer l = read_layer(layer, at, depth_);
            e.layer = with_context(e.where, [&] { return add_to(g_, l); });
        }
        by_name_.emplace(e.where.name, entries_.size());
        entries_.push_back(std::move(e));
    }

    // The tensor `ref` names, or nullopt while its call is still to be made.
    std::optional<Tensor> resolve(const TensorRef& ref, const Where& where) const
    {
        const auto it = by_name_.find(ref.layer);
        if (it == by_name_.end()) fail(where, "refers to layer \"" + ref.layer + "\", which is not in the model");
        const Entry& e = entries_[it->second];
        const std::int64_t call = ref.node - e.first_node;
        const std::size_t calls = e.layer || e.model ? e.nodes->size() : 1; // an InputLayer: its own node 0
        if (call < 0 || std::uint64_t(call) >= calls)
            fail(where, "refers to node " + std::to_string(ref.node) + " of layer \"" + ref.layer +
                            "\", which has no such node");
        if (std::size_t(call) >= e.outputs.size()) return std::nullopt;
        const std::vector<Tensor>& out = e.outputs[std::size_t(call)];
        if (ref.tensor < 0 || std::uint64_t(ref.tensor) >= out.size())
            fail(where, "refers to output " + std::to_string(ref.tensor) + " of \"" + ref.layer + "\" node " +
                            std::to_string(ref.node) + ", which has " + std::to_string(out.size()));
        return out[std::size_t(ref.tensor)];
    }

    // Makes the next call of `e` if its inputs are ready.
    bool call_next(Entry& e)
    {
        if (e.outputs.size() >= e.nodes->size() || (!e.layer && !e.model)) return false;
        const std::size_t call = e.outputs.size();
        const Where at{e.where.path + ".inbound_nodes[" + std::to_string(call) + "]", e.where.name, e.where.class_name};
        std::vector<Tensor> inputs;
        for (const TensorRef& ref : node_inputs((*e.nodes)[call], at)) {
            const std::optional<Tensor> t = resolve(ref, at);
            if (!t) return false;
            inputs.push_back(*t);
        }
        count_calls(calls_, e.calls_per_call, at); // before the call: the call is the work
        const Tensors out =
            with_context(at, [&] { return e.layer ? (*e.layer)(as_tensors(inputs)) : (*e.model)(as_tensors(inputs)); });
        e.outputs.emplace_back(out.begin(), out.end());
        return true;
    }

    // Passes over the layers until every call is made; a pass without progress means a cycle.
    void call_all()
    {
        for (bool progress = true; progress;) {
            progress = false;
            for (Entry& e : entries_)
                while (call_next(e)) progress = true;
        }
        for (const Entry& e : entries_) {
            if ((e.layer || e.model) && e.outputs.size() < e.nodes->size()) {
                const Where at{e.where.path + ".inbound_nodes[" + std::to_string(e.outputs.size()) + "]", e.where.name,
                               e.where.class_name};
                std::string waits;
                for (const TensorRef& ref : node_inputs((*e.nodes)[e.outputs.size()], at))
                    if (!resolve(ref, at))
                        waits = ref.layer + "[" + std::to_string(ref.node) + "][" + std::to_string(ref.tensor) + "]";
                fail(at, "its input " + waits + " can never be computed: the layer graph has a cycle");
            }
        }
    }

    std::vector<Tensor> endpoints(std::string_view key) const
    {
        const auto it = config_.find(key);
        if (it == config_.end()) fail(where_, "missing key \"" + std::string(key) + "\"");
        std::vector<const json*> items; // one [name, node, tensor], a list of them, or Keras 3's dict of them
        if (is_keras2_ref(*it))
            items.push_back(&*it);
        else if (it->is_array() || it->is_object())
            for (const json& v : *it) items.push_back(&v);
        else
            fail(where_, "key \"" + std::string(key) + "\": expected a list of [layer_name, node_index, tensor_index]");
        const Where at{where_.path.empty() ? std::string(key) : where_.path + "." + std::string(key), where_.name,
                       where_.class_name, where_.what};
        std::vector<Tensor> out;
        for (const json* v : items) {
            const std::optional<Tensor> t = resolve(as_ref(*v, at), at);
            if (!t) fail(at, "names a tensor no call makes");
            out.push_back(*t);
        }
        if (out.empty()) fail(at, "a model needs at least one tensor here");
        return out;
    }

    Graph& g_;
    const json& config_;
    Where where_;
    int depth_;
    std::vector<Entry> entries_;
    std::map<std::string, std::size_t, std::less<>> by_name_;
    std::int64_t calls_ = 0;
};

// A Sequential's layer entries: Keras 2.1 writes the list itself, later versions {"name", "layers"}.
inline const json& sequential_layers(const json& config, const Where& where)
{
    return config.is_array() ? config : array_key(config, "layers", where);
}

inline Where sequential_where(const Where& where, std::size_t i)
{
    const std::string at = "layers[" + std::to_string(i) + "]";
    return Where{where.path.empty() ? at : where.path + "." + at, "", ""};
}

// The input a Sequential declares: an InputLayer entry (tf.keras, Keras 3), the first layer's
// batch_input_shape (Keras 2), or Keras 3's build_input_shape.
inline std::optional<Shape> sequential_input(const json& config, const json& layers, const Where& where)
{
    if (!layers.empty() && layers[0].is_object() && layers[0].contains("class_name") &&
        layers[0]["class_name"] == "InputLayer") {
        const Where at = sequential_where(where, 0);
        return read_input_layer(Reader{config_of(layers[0], at), at, 0}).output_shape();
    }
    if (config.is_object())
        if (const auto it = config.find("build_input_shape"); it != config.end() && !it->is_null()) {
            try {
                return as_shape(*it);
            } catch (const value_error& e) {
                fail(where, "key \"build_input_shape\": " + e.what);
            }
        }
    return std::nullopt;
}

// A Sequential as a functional model of `g`: for one nested in a model, or holding a model.
inline ReadModel sequential_as_model(Graph& g, const json& config, const Where& where, int depth)
{
    const json& layers = sequential_layers(config, where);
    std::optional<Shape> input = sequential_input(config, layers, where);
    std::optional<Tensor> x;
    Tensor first{nullptr, 0, 0};
    std::int64_t calls = 0;
    for (std::size_t i = 0; i < layers.size(); ++i) {
        const Where at = sequential_where(where, i);
        const std::string class_name = layers[i].is_object() ? class_of(layers[i], at) : "";
        if (class_name == "InputLayer") continue;
        Where named{at.path, name_of(layers[i]), class_name};
        if (is_model_class(class_name)) {
            if (!x) fail(named, "a Sequential that starts with a model needs an InputLayer or build_input_shape");
            const ReadModel m = read_model(g, layers[i], named, depth + 1);
            x = with_context(named, [&] { return Tensor(m.model(*x)); });
            count_calls(calls, m.calls, named);
            continue;
        }
        const Layer l = read_layer(layers[i], at, depth);
        if (!x) {
            if (!input) input = l.declared_input();
            if (!input)
                fail(where,
                     "the Sequential declares no input shape (no InputLayer, batch_input_shape or build_input_shape)");
            first = x.emplace(with_context(named, [&] { return Input(g, InputLayer{.batch_shape = *input}); }));
        }
        x = with_context(named, [&] {
            const Tensors out = add_to(g, l)(*x);
            require(out.size() == 1,
                    "Sequential: All layers in a Sequential model should have a single output tensor.");
            return Tensor(out);
        });
    }
    if (!x) fail(where, "a Sequential with no layers");
    count_calls(calls, std::int64_t(layers.size()), where);
    ModelArgs args{};
    if (config.is_object()) {
        Reader{config, where, depth}("name", args.name);
        Reader{config, where, depth}("trainable", args.trainable);
    }
    return {with_context(where, [&] { return g.model(first, *x, args); }), calls};
}

inline ReadModel read_model(Graph& g, const json& entry, const Where& where, int depth)
{
    if (depth > max_depth) fail(where, "models nested deeper than " + std::to_string(max_depth) + " levels");
    const std::string class_name = class_of(entry, where);
    const json& config = config_of(entry, where);
    if (class_name == "Sequential") return sequential_as_model(g, config, where, depth);
    if (!config.is_object()) fail(where, "key \"config\": expected an object, got a list");
    return FunctionalReader(g, config, where, depth).read();
}

inline bool holds_model(const json& layers)
{
    for (const json& l : layers)
        if (l.is_object() && l.contains("class_name") && l["class_name"].is_string() &&
            is_model_class(l["class_name"].get<std::string>()))
            return true;
    return false;
}

// A top-level Sequential as nnshape's Sequential; an InputLayer entry becomes the first layer's
// batch_input_shape, as Keras lists no InputLayer in a Sequential's layers.
inline Sequential<> read_sequential(const json& config, const Where& where)
{
    const json& layers = sequential_layers(config, where);
    std::optional<Shape> input = sequential_input(config, layers, where);
    Sequential<> model;
    for (std::size_t i = 0; i < layers.size(); ++i) {
        const Where at = sequential_where(where, i);
        if (i == 0 && layers[0].is_object() && layers[0].contains("class_name") &&
            layers[0]["class_name"] == "InputLayer")
            continue;
        Layer l = read_layer(layers[i], at, 0);
        if (model.layers().empty() && input && !l.declared_input()) {
            l = l.visit([&](auto layer) {
                layer.batch_input_shape = *input;
                return Layer(std::move(layer));
            });
        }
        if (model.layers().empty() && !l.declared_input())
            fail(where,
                 "the Sequential declares no input shape (no InputLayer, batch_input_shape or build_input_shape)");
        with_context(Where{at.path, std::string(l.given_name()), std::string(l.class_name())},
                     [&] { model.add(std::move(l)); });
    }
    if (model.layers().empty()) fail(where, "a Sequential with no layers");
    return model;
}

// The model config inside what Keras and TensorFlow.js write around it.
inline const json& model_entry(const json& root)
{
    if (!root.is_object()) fail("expected a JSON object at the top level, got " + std::string(json_type(root)));
    if (const auto t = root.find("modelTopology"); t != root.end()) { // TensorFlow.js model.json
        if (!t->is_object()) fail("key \"modelTopology\": expected an object");
        const auto c = t->find("model_config");
        return c != t->end() ? *c : *t;
    }
    if (const auto c = root.find("model_config"); c != root.end()) return *c;
    return root;
}

} // namespace detail

// Reads a model from its JSON text; throws io::load_error.
inline LoadedModel load_keras_json(std::string_view text)
{
    using detail::json;
    json root;
    try {
        root = json::parse(text.begin(), text.end());
    } catch (const json::exception& e) {
        detail::fail(std::string("malformed JSON: ") + e.what());
    }
    try {
        const json& entry = detail::model_entry(root);
        if (!entry.is_object()) detail::fail("expected a model object {\"class_name\": ..., \"config\": ...}");
        const detail::Where top{"model", detail::name_of(entry), ""};
        const std::string class_name = detail::class_of(entry, top);
        if (!detail::is_model_class(class_name))
            detail::fail("the top-level class_name is \"" + class_name +
                         "\"; expected Sequential, Functional or Model");
        const json& config = detail::config_of(entry, top);
        const detail::Where where{"", detail::name_of(entry), "", "model"};
        if (class_name == "Sequential" && !detail::holds_model(detail::sequential_layers(config, top)))
            return LoadedModel(detail::read_sequential(config, where));
        auto graph = std::make_unique<Graph>();
        const Model model = detail::read_model(*graph, entry, where, 0).model;
        return LoadedModel(std::move(graph), model);
    } catch (const json::exception& e) { // a case the checks above missed: still a clear error
        detail::fail(std::string("unexpected JSON structure: ") + e.what());
    }
}

inline LoadedModel load_keras_json_file(const std::filesystem::path& path)
{
    std::ifstream file(path, std::ios::binary);
    if (!file) detail::fail("cannot open \"" + path.string() + "\"");
    std::ostringstream text;
    text << file.rdbuf();
    if (!file.good() && !file.eof()) detail::fail("cannot read \"" + path.string() + "\"");
    const std::string content = text.str();
    if (content.starts_with("PK\x03\x04"))
        detail::fail("\"" + path.string() + "\" is a zip archive (a .keras file): unzip it and read its config.json");
    return load_keras_json(content);
}

} // namespace nnshape::io
