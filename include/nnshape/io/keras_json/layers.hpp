#pragma once
// The Keras JSON reader's layer level: one layer's {"class_name": ..., "config": {...}} as an nnshape
// layer. Nothing here is written per layer class: each class's header lists its config keys
// (`keras_config`, see detail/layer_facts.hpp) and its aliases, and one reader serves them all.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "layer_config.hpp"
#include "values.hpp"

namespace nnshape::io::detail {

inline std::string class_of(const json& entry, const Where& where);
inline const json& config_of(const json& entry, const Where& where);

// The layers a wrapper holds, and what a message calls them.
template <class T>
inline constexpr bool is_wrapped_layer = std::is_same_v<T, RecurrentLayer> || std::is_same_v<T, WrappedLayer>;
template <class T>
inline constexpr std::string_view wrapped_kind =
    std::is_same_v<T, RecurrentLayer> ? "a recurrent layer" : "a built-in layer";
// A config object of one of several classes that are not layers: an RNN's cell.
template <class T>
inline constexpr bool is_config_variant = false;
template <class... T>
inline constexpr bool is_config_variant<nnshape::detail::Variant<T...>> =
    !is_wrapped_layer<nnshape::detail::Variant<T...>>;

template <class T>
inline constexpr bool is_optional_wrapped_layer = false;
template <class T>
inline constexpr bool is_optional_wrapped_layer<std::optional<T>> = is_wrapped_layer<T>;

// A value to read a config object into: its default; a StackedRNNCells, which has no empty stack,
// with one cell that its required `cells` key replaces.
template <class T>
T blank()
{
    if constexpr (std::is_same_v<T, StackedRNNCells>)
        return StackedRNNCells{.cells = {RNNCell{}}};
    else
        return T{};
}

// One layer's config object, with its place in the file for messages. A layer's `keras_config`
// calls it once per key: `key("units", l.units, required)`, `key.refused("lora_rank", why)`.
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
    void operator()(std::string_view key, T& out, nnshape::detail::KeyTraits traits = {}) const
    {
        const json* v = find(key);
        if (!v) {
            if (traits.required) fail(where, "missing config key \"" + std::string(key) + "\"");
            return;
        }
        if constexpr (nnshape::detail::is_accepted<T>) {
            // Keras's value changes nothing nnshape computes
        } else if constexpr (is_wrapped_layer<T>) {
            out = wrapped<T>(key, *v);
        } else if constexpr (is_optional_wrapped_layer<T>) {
            if (!v->is_null()) out.emplace(wrapped<typename T::value_type>(key, *v));
        } else if constexpr (is_config_variant<T>) {
            out = config_object<T>(key, *v);
        } else if constexpr (std::is_same_v<T, StackedRNNCells::Cells>) {
            out = cell_list(key, *v);
        } else if constexpr (std::is_same_v<T, ActivationName>) {
            read_activation(key, *v, out);
        } else if constexpr (std::is_same_v<T, std::int64_t>) {
            if (traits.one_item_list && v->is_array()) return read_one_item(key, *v, out);
            read(key, *v, out);
        } else {
            read(key, *v, out);
        }
    }

    // A Keras argument nnshape does not model must keep the value that leaves the shapes alone.
    void refused(std::string_view key, std::string_view why) const
    {
        const json* v = find(key);
        const bool neutral =
            !v || v->is_null() || (v->is_boolean() && !v->get<bool>()) || (v->is_number() && v->get<double>() == 0);
        if (!neutral) bad(key, why);
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

private:
    // Keras's activation arguments; None (null) is the identity, kept as empty. tf.keras and Keras 3
    // serialize some activations as {"class_name": ..., "config": ...}.
    void read_activation(std::string_view key, const json& v, ActivationName& out) const
    {
        if (v.is_null()) return;
        if (!v.is_object()) return read(key, v, out);
        const auto config = v.find("config"), class_name = v.find("class_name");
        if (config != v.end() && config->is_string())
            read(key, *config, out);
        else if (class_name != v.end())
            read(key, *class_name, out);
        else
            bad(key, "expected a string or a serialized function");
    }

    // tf.keras writes a built BatchNormalization's axis as a list: [3].
    void read_one_item(std::string_view key, const json& v, std::int64_t& out) const
    {
        std::vector<std::int64_t> items;
        read(key, v, items);
        if (items.size() != 1) bad(key, "nnshape reads one normalized axis");
        out = items[0];
    }

    // {"class_name": ..., "config": {...}} of one of the classes `Variant` holds, read with that class's
    // keras_config.
    template <class Variant>
    Variant config_object(std::string_view key, const json& v) const
    {
        if (depth > 32) bad(key, "config objects nested deeper than 32 levels");
        const Where at{where.path + ".config." + std::string(key), "", class_of(v, where)};
        const json& config = config_of(v, at);
        if (!config.is_object()) fail(at, "key \"config\": expected an object, got a list");
        std::optional<Variant> out;
        [&]<class... T>(nnshape::detail::type_list<T...>) {
            const auto read_as = [&]<class One>(std::type_identity<One>) {
                if (out || at.class_name != One::class_name) return;
                One object = blank<One>();
                const Reader inner{config, at, depth + 1};
                One::keras_config(object, inner);
                out.emplace(object);
            };
            (read_as(std::type_identity<T>{}), ...);
        }(typename Variant::alternatives{});
        if (!out) bad(key, "a " + at.class_name + " cannot be used here");
        return *out;
    }

    // StackedRNNCells' list of cells.
    StackedRNNCells::Cells cell_list(std::string_view key, const json& v) const
    {
        if (!v.is_array()) bad(key, "expected a list of cells");
        if (v.empty() || v.size() > 8) bad(key, "nnshape stacks 1 to 8 cells");
        std::vector<RNNCell> cells;
        for (const json& c : v) cells.push_back(config_object<RNNCell>(key, c));
        return tuple_of<StackedRNNCells::Cells>(cells, std::make_index_sequence<9>{});
    }

    // A wrapped layer's config {"class_name": ..., "config": {...}}, if it is one of the classes the
    // wrapper takes.
    template <class Variant>
    Variant wrapped(std::string_view key, const json& v) const
    {
        const Layer inner = read_layer(v, Where{where.path + ".config." + std::string(key), "", ""}, depth + 1);
        return inner.visit([&](const auto& l) -> Variant {
            if constexpr (std::is_constructible_v<Variant, decltype(l)>)
                return Variant(l);
            else
                cannot_wrap(key, l.class_name, wrapped_kind<Variant>);
        });
    }
    // Not a template: the classes a wrapper refuses share one error.
    [[noreturn]] void cannot_wrap(std::string_view key, std::string_view class_name, std::string_view expected) const
    {
        bad(key, "a " + std::string(class_name) + " cannot be wrapped here: expected " + std::string(expected));
    }
};

// The keyword arguments every Keras layer takes (batch_input_shape: Keras 2 and tf.keras, on a
// Sequential's first layer).
template <class L>
void read_kwargs(const Reader& r, L& l)
{
    r("name", l.name);
    r("trainable", l.trainable);
    r("batch_input_shape", l.batch_input_shape);
}

template <class L>
Layer make(const Reader& r)
{
    L l{};
    L::keras_config(l, r);
    read_kwargs(r, l);
    return Layer(std::move(l));
}

using LayerMaker = Layer (*)(const Reader&);

// Keras's class names, and the aliases each class lists, to the readers. InputLayer is read by the
// model readers; OpaqueLayer is no Keras class (the readers make one from a file's facts).
inline const std::map<std::string_view, LayerMaker, std::less<>>& layer_table()
{
    static const std::map<std::string_view, LayerMaker, std::less<>> table = [] {
        std::map<std::string_view, LayerMaker, std::less<>> t;
        const auto add = [&]<class L>(std::type_identity<L>) {
            if constexpr (!std::is_same_v<L, InputLayer> && !std::is_same_v<L, OpaqueLayer>) {
                t.emplace(L::class_name, &make<L>);
                if constexpr (requires { L::keras_aliases; })
                    for (std::string_view alias : L::keras_aliases)
                        if (!alias.empty()) t.emplace(alias, &make<L>);
            }
        };
        [&]<class... L>(type_list<L...>) { (add(std::type_identity<L>{}), ...); }(nnshape::detail::layer_list{});
        return t;
    }();
    return table;
}

// Keras layers whose output shape depends on Python code nnshape cannot see: a Lambda whose config
// gives no output_shape (one that gives it is read as nnshape's Lambda).
inline bool computes_in_python(std::string_view class_name, const json& entry)
{
    if (class_name != "Lambda") return false;
    const auto config = entry.find("config");
    if (config == entry.end() || !config->is_object()) return false; // config_of names the problem
    const auto output_shape = config->find("output_shape");
    return output_shape == config->end() || output_shape->is_null();
}

// Operation layers, whose arguments are in a functional model's node (operations.hpp reads them there).
inline bool is_op_layer(std::string_view class_name)
{
    return class_name == "TFOpLambda" || class_name == "SlicingOpLambda" || class_name == "TensorFlowOpLayer";
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

#if NNSHAPE_IO_DEFINES_API
NNSHAPE_IO_API Layer read_layer(const json& entry, const Where& at, int depth)
{
    if (!entry.is_object())
        fail(at,
             "expected a layer object {\"class_name\": ..., \"config\": ...}, got " + std::string(json_type(entry)));
    if (depth > max_depth) fail(at, "layers nested deeper than " + std::to_string(max_depth) + " levels");
    Where where{at.path, name_of(entry), class_of(entry, at)};
    if (computes_in_python(where.class_name, entry))
        fail(where, "nnshape cannot compute the shape of a " + where.class_name +
                        " layer (its output comes from Python code)");
    if (is_op_layer(where.class_name))
        fail(where, "an operation is read only among a functional model's layers, where its inbound node holds its "
                    "arguments");
    const auto& table = layer_table();
    const auto it = table.find(where.class_name);
    if (it == table.end())
        fail(where, "unknown layer class \"" + where.class_name + "\": not a Keras layer nnshape knows");
    const json& config = config_of(entry, where);
    if (!config.is_object()) fail(where, "key \"config\": expected an object, got a list");
    return it->second(Reader{config, where, depth});
}
#endif

} // namespace nnshape::io::detail
