// Writes docs/layer-reference.md from the layers' own headers: each built-in class's Keras config
// keys in Keras's order with their defaults (keras_config), its aliases (keras_aliases) and how the
// analyses treat it (analyses). CTest `docs.layer_reference` fails when the committed file differs;
// `cmake --build <dir> --target update_layer_reference` rewrites it.
#include <nnshape/io/keras_json/config_writer.hpp>

#include <cstdio>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace {

using nnshape::io::detail::json;

// A JSON default as Keras's Python signature shows it: None, True, (1, 1), 'valid'.
std::string python(const json& v)
{
    if (v.is_null()) return "None";
    if (v.is_boolean()) return v.get<bool>() ? "True" : "False";
    if (v.is_string()) return "'" + v.get<std::string>() + "'";
    if (v.is_array()) {
        std::string s = "(";
        for (std::size_t i = 0; i < v.size(); ++i) s += (i ? ", " : "") + python(v[i]);
        return s + (v.size() == 1 ? ",)" : ")");
    }
    if (v.is_object()) return std::string(v["class_name"].get<std::string>()) + "(...)";
    return v.dump();
}

// The `key` a layer's keras_config calls: one entry per key.
struct KeyLister {
    std::vector<std::string>& keys;
    std::vector<std::string>& refused_keys;

    template <class T>
    void operator()(std::string_view key, const T& value, nnshape::detail::KeyTraits traits = {}) const
    {
        using nnshape::io::detail::to_json;
        if constexpr (nnshape::detail::is_accepted<T>)
            keys.push_back("*" + std::string(key) + "*"); // accepted, not stored: no default to show
        else
            keys.push_back(traits.required ? "`" + std::string(key) + "` (required)"
                                           : "`" + std::string(key) + "=" + python(to_json(value)) + "`");
    }
    void refused(std::string_view key, std::string_view) const { refused_keys.push_back("`" + std::string(key) + "`"); }
};

std::string joined(const std::vector<std::string>& items)
{
    std::string s;
    for (const std::string& i : items) s += (s.empty() ? "" : ", ") + i;
    return s.empty() ? "—" : s;
}

std::string_view rule_text(nnshape::detail::AnalysisRule r)
{
    using nnshape::detail::AnalysisRule;
    switch (r) {
    case AnalysisRule::by_rule:
        return "own rule";
    case AnalysisRule::no_arithmetic:
        return "no arithmetic";
    case AnalysisRule::elementwise:
        return "elementwise";
    case AnalysisRule::no_field:
        return "none";
    }
    return "";
}

template <class L>
std::string row()
{
    std::vector<std::string> keys, refused, aliases;
    const L defaults{};
    const KeyLister lister{keys, refused};
    L::keras_config(defaults, lister);
    if constexpr (requires { L::keras_aliases; })
        for (std::string_view a : L::keras_aliases)
            if (!a.empty()) aliases.push_back("`" + std::string(a) + "`");
    return "| `" + std::string(L::class_name) + "` | " + joined(aliases) + " | " + joined(keys) + " | " +
           joined(refused) + " | " + std::string(rule_text(L::analyses.cost)) + " | " +
           std::string(rule_text(L::analyses.field)) + " |\n";
}

} // namespace

int main()
{
    std::string doc = R"(# Layer reference

Generated from the layers' headers by docs/generate/layer_reference.cpp (`cmake --build <build dir>
--target update_layer_reference`); CTest `docs.layer_reference` fails when this file is out of date.
Do not edit it by hand.

Each built-in layer class with its Keras arguments in Keras's signature order: the config keys
nnshape reads and writes with the default a missing key takes (Keras's, shown as Keras's Python
signature shows it), and in *italics* the arguments nnshape accepts and does not store, because
they change no shape, weight count or analysis (initializers, regularizers, constraints, epsilon,
dropout rates, seeds, ...: `.kernel_initializer = "he_normal"`, `.epsilon = 1e-6`, `.seed = nullptr`).
The C++ aggregate has a member of the same name for each, in the same order (a test checks it),
followed by the keyword arguments every layer takes (`name`, `trainable`, `dtype` (accepted),
`input_shape`, `batch_size`, `batch_input_shape`); designated initializers follow that order:
`Conv2D{.filters = 16, .kernel_size = 3, .padding = same, .activation = "relu"}`. The C++ class is
spelled like the Keras class, except `GroupQueryAttention` (Keras: `GroupedQueryAttention`), and
`OpaqueLayer` is no Keras class: it stands for one nnshape does not know (docs/reading-models.md).

- **aliases**: other class names the Keras JSON reader accepts for it.
- **refused keys**: Keras arguments nnshape does not model; the reader accepts a config only where
  such a key has its neutral value (absent, `None`, `False` or 0) and otherwise names the key. The
  C++ member of such an argument, where it has one, takes only Keras's `None` (`nullptr`).
- **cost**: `own rule` is a MACs/FLOPs rule in analysis/layer_costs.hpp; `no arithmetic` counts 0.
- **receptive field**: `own rule` is a rule in analysis/receptive_field.hpp; `elementwise` passes
  each input position's field through; `none`: the outputs are not aligned with input positions.
  See docs/conventions.md for what each analysis counts.

| Keras class | aliases | arguments (default) | refused keys | cost | receptive field |
| --- | --- | --- | --- | --- | --- |
)";
    [&]<class... L>(nnshape::detail::type_list<L...>) { ((doc += row<L>()), ...); }(nnshape::detail::layer_list{});
    std::fputs(doc.c_str(), stdout);
}
