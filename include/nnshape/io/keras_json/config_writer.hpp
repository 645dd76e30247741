#pragma once
// A built-in layer's Keras config as JSON, written from the same `keras_config` key list the reader
// reads ({"class_name": ..., "config": {...}}): the per-layer test harness reads it back, and the
// layer reference in docs/layers.md shows each key's default with it. A mean or variance given to
// Normalization, Discretization's bin boundaries and a lookup layer's vocabulary are not written
// (nnshape keeps only their sizes): writing one throws.

#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>

#include "layer_config.hpp"
#include "values.hpp"

namespace nnshape::io::detail {

inline json to_json(std::int64_t v) { return v; }
inline json to_json(int v) { return v; }
inline json to_json(bool v) { return v; }
inline json to_json(double v) { return v; }
inline json to_json(Dim d) { return d.known() ? json(d.value()) : json(nullptr); }
inline json to_json(Padding p) { return std::string(to_string(p)); }
inline json to_json(DataFormat f) { return f == channels_last ? "channels_last" : "channels_first"; }
inline json to_json(OpFunction f) { return std::string(nnshape::detail::tf_symbol_of(f)); }
inline json to_json(MergeMode m)
{
    constexpr const char* names[] = {"sum", "mul", "ave", "concat"};
    return m == MergeMode::none ? json(nullptr) : json(names[int(m)]);
}
template <std::size_t Capacity>
json to_json(const nnshape::detail::fixed_string<Capacity>& s)
{
    return std::string(s.view());
}
inline json to_json(const ActivationName& a) { return a.empty() ? json(nullptr) : json(std::string(a.view())); }
template <std::size_t N>
json to_json(const Ints<N>& v)
{
    return json(std::vector<std::int64_t>(v.begin(), v.end()));
}
template <std::size_t N>
json to_json(const Pads<N>& v)
{
    json pairs = json::array();
    for (std::size_t i = 0; i < N; ++i) pairs.push_back({v[i][0], v[i][1]});
    return pairs;
}
template <class Tuple>
    requires requires(const Tuple& t) { t.size(), t[0]; }
json to_json(const Tuple& t)
{
    json list = json::array();
    for (std::size_t i = 0; i < t.size(); ++i) list.push_back(to_json(t[i]));
    return list;
}
inline json to_json(const Shape& s)
{
    json list = json::array();
    for (Dim d : s) list.push_back(to_json(d));
    return list;
}
inline json to_json(const LambdaOutputShape& s)
{
    if (!s.given()) return nullptr;
    if (!s.listed()) return to_json(s.shapes()[0]);
    json list = json::array();
    for (const Shape& one : s.shapes()) list.push_back(to_json(one));
    return list;
}
inline json to_json(const DotAxes& a) { return a.is_pair() ? json{a[0], a[1]} : json(a[0]); }
inline json to_json(const Statistic&)
{
    fail("nnshape keeps only the shape of a Normalization mean or variance, not its values");
}
inline json to_json(const nnshape::detail::Boundaries&)
{
    fail("nnshape keeps only the count of a Discretization's bin_boundaries, not their values");
}
template <class Token>
json to_json(const nnshape::detail::Vocabulary<Token>& v)
{
    if (!v.is_none()) fail("nnshape keeps only the size of a vocabulary, not its tokens or its file");
    return nullptr;
}
inline json to_json(const RecurrentLayer& l)
{
    return nnshape::detail::visit([](const auto& inner) { return config_json(Layer(inner)); }, l);
}
inline json to_json(const WrappedLayer& l)
{
    return nnshape::detail::visit([](const auto& inner) { return config_json(Layer(inner)); }, l);
}
struct ConfigWriter;
// A config object that is not a layer (an RNN's cell), from its class's keras_config.
template <class... T>
    requires(!std::is_same_v<nnshape::detail::Variant<T...>, RecurrentLayer> &&
             !std::is_same_v<nnshape::detail::Variant<T...>, WrappedLayer>)
json to_json(const nnshape::detail::Variant<T...>& v);
inline json to_json(const StackedRNNCells::Cells& cells);

template <class T>
json to_json(const std::optional<T>& v)
{
    return v ? to_json(*v) : json(nullptr);
}

// The `key` a layer's keras_config calls: each key with its value.
struct ConfigWriter {
    json& config;

    template <class T>
    void operator()(std::string_view key, const T& value, nnshape::detail::KeyTraits = {}) const
    {
        if constexpr (!nnshape::detail::is_accepted<T>) config[std::string(key)] = to_json(value); // not stored
    }
    void refused(std::string_view, std::string_view) const {} // written only when not neutral: never
};

template <class... T>
    requires(!std::is_same_v<nnshape::detail::Variant<T...>, RecurrentLayer> &&
             !std::is_same_v<nnshape::detail::Variant<T...>, WrappedLayer>)
json to_json(const nnshape::detail::Variant<T...>& v)
{
    return nnshape::detail::visit(
        [](const auto& object) {
            using O = std::remove_cvref_t<decltype(object)>;
            json config = json::object();
            const ConfigWriter writer{config};
            O::keras_config(object, writer);
            return json{{"class_name", std::string(O::class_name)}, {"config", config}};
        },
        v);
}
inline json to_json(const StackedRNNCells::Cells& cells)
{
    json list = json::array();
    for (const RNNCell& c : cells.view()) list.push_back(to_json(c));
    return list;
}

#if NNSHAPE_IO_DEFINES_API
// The keys every layer's config has, before its class's own (not a template: only keras_config is
// compiled per class).
inline json common_config(const Name& name, std::optional<bool> trainable, const OptionalShape& batch_input_shape)
{
    json config = json::object();
    config["name"] = std::string(name.view());
    if (trainable) config["trainable"] = *trainable;
    if (batch_input_shape) config["batch_input_shape"] = to_json(*batch_input_shape);
    return config;
}
inline json class_and_config(std::string_view class_name, json config)
{
    return json{{"class_name", std::string(class_name)}, {"config", std::move(config)}};
}

NNSHAPE_IO_API json config_json(const Layer& layer)
{
    return layer.visit([](const auto& l) {
        using L = std::remove_cvref_t<decltype(l)>;
        std::optional<bool> trainable;
        if constexpr (requires { l.trainable; }) trainable = l.trainable;
        json config = common_config(l.name, trainable, l.batch_input_shape);
        const ConfigWriter writer{config};
        L::keras_config(l, writer);
        return class_and_config(L::class_name, std::move(config));
    });
}
#endif

} // namespace nnshape::io::detail
