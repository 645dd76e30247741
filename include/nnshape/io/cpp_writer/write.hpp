#pragma once
// The C++ header writer: models as C++ functions, their wiring and the static_asserts on their
// numbers; and the definitions of the entry points cpp_writer/api.hpp declares (where this translation
// unit defines them: io/linkage.hpp).

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <map>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "api.hpp"
#include "values.hpp"

namespace nnshape::io {

namespace cpp::detail {

using nnshape::detail::GraphCore;
using nnshape::detail::GraphLayer;
using nnshape::detail::ModelData;
using nnshape::detail::Node;
using nnshape::detail::NodeOutput;

// Clang's default constant-evaluation limit (-fconstexpr-steps), and the steps one layer call costs
// (docs/performance.md: up to 1,610 per functional layer call of a Keras Application, model included,
// 456 per Sequential layer; rounded up).
inline constexpr std::int64_t clang_default_steps = 1'048'576;
inline constexpr std::int64_t steps_per_call = 1'700;
inline constexpr std::int64_t steps_per_sequential_layer = 500;

// Names a generated header may not take for its own identifiers: C++'s keywords, and nnshape's names
// that the generated code spells unqualified.
inline const std::set<std::string, std::less<>>& reserved_names()
{
    static const std::set<std::string, std::less<>> names = [] {
        constexpr std::string_view words =
            "alignas alignof and and_eq asm auto bitand bitor bool break case catch char char8_t char16_t char32_t "
            "class compl concept const consteval constexpr constinit const_cast continue co_await co_return co_yield "
            "decltype default delete do double dynamic_cast else enum explicit export extern false float for friend "
            "goto if inline int long mutable namespace new noexcept not not_eq nullptr operator or or_eq private "
            "protected public register reinterpret_cast requires return short signed sizeof static static_assert "
            "static_cast struct switch template this thread_local throw true try typedef typeid typename union "
            "unsigned using virtual void volatile wchar_t while xor xor_eq " // C++20's keywords; then nnshape's names
            "std nnshape ops g Input Graph Model ModelArgs Sequential TimeDistributedModel Shape Shapes Params None "
            "same valid causal channels_last channels_first MergeMode OpFunction Facts facts keras_model";
        std::set<std::string, std::less<>> n;
        for (std::string_view rest = words; !rest.empty();) {
            const std::string_view word = rest.substr(0, rest.find(' '));
            n.emplace(word);
            rest.remove_prefix(std::min(rest.size(), word.size() + 1));
        }
        [&]<class... L>(nnshape::detail::type_list<L...>) {
            ((n.emplace(type_name<L>()), n.emplace(L::class_name)), ...);
        }(nnshape::detail::layer_list{});
        return n;
    }();
    return names;
}

// Valid, distinct C++ identifiers made from Keras names.
class Identifiers {
public:
    std::string make(std::string_view keras_name)
    {
        std::string id;
        for (char c : keras_name) {
            const bool word = std::isalnum(static_cast<unsigned char>(c)) != 0;
            if (word)
                id += c;
            else if (!id.empty() && id.back() != '_') // no `__`: such names are the implementation's
                id += '_';
        }
        while (!id.empty() && id.back() == '_') id.pop_back();
        if (id.empty() || std::isdigit(static_cast<unsigned char>(id[0]))) id.insert(0, "layer_");
        std::string unique = id;
        for (int n = 2; reserved_names().contains(unique) || taken_.contains(unique); ++n)
            unique = id + "_" + std::to_string(n);
        taken_.insert(unique);
        return unique;
    }

private:
    std::set<std::string> taken_;
};

inline std::string join(const std::vector<std::string>& items)
{
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + items[i];
    return out;
}

// A layer's name: Keras's, as the file gives it, or the automatic one a model built in C++ got.
inline std::string keras_name(const GraphCore& g, std::int32_t index)
{
    return std::string(g.layer_name(index).render(keras2).view());
}

inline std::string indented(const std::string& line) { return line.empty() ? line : "    " + line; }

// `{...}` with `fields`, then the name the file gave (none: the rebuilt model names it as nnshape
// named it, automatically) and a `false` trainable flag.
inline std::string with_kwargs(std::vector<std::string> fields, std::string_view given, bool trainable)
{
    if (!given.empty()) fields.push_back(".name = " + string_literal(given));
    if (!trainable) fields.emplace_back(".trainable = false");
    return "{" + join(fields) + "}";
}

// The functions of one header, nested models first.
class Writer {
public:
    std::string functional(const Model& m)
    {
        GraphCore& g = m.graph();
        const std::int32_t index = m.as_layer().index();
        if (g.model_data(g.layer(index).model).sequential) // the readers make a Sequential<> of any other
            fail("model \"" + keras_name(g, index) +
                 "\": a Sequential that holds models or custom layers is not written");
        return functional_model(g, index, true);
    }

    std::string sequential(const Sequential<>& s)
    {
        std::vector<std::string> layers;
        for (const SequentialLayer& entry : s.layers()) layers.push_back(added(entry.layer.value()));
        return sequential_function(s.name().view(), s.args(), layers);
    }

    const std::string& functions() const { return functions_; }
    std::int64_t steps() const { return steps_; }

private:
    // `model.add(layer);`, after the note on a layer nnshape does not know.
    static std::string added(const Layer& layer)
    {
        return indented(layer_note(layer)) + "    model.add(" + layer_source(layer) + ");\n";
    }

    // A function that returns the Sequential of `layers` (`model.add` statements).
    std::string sequential_function(std::string_view name, const ModelArgs& args,
                                    const std::vector<std::string>& layers)
    {
        const std::string function = names_.make(name);
        std::string body = "// Keras model " + string_literal(name) + " (Sequential)\nconstexpr Sequential<> " +
                           function + "()\n{\n    Sequential<> model(ModelArgs" +
                           with_kwargs({}, args.name, args.trainable) + ");\n";
        for (const std::string& l : layers) body += l;
        functions_ += body + "    return model;\n}\n\n";
        steps_ += std::int64_t(layers.size()) * steps_per_sequential_layer;
        return function;
    }

    // A Sequential nested in a Graph (class Sequential): a Sequential of layer values, its input shape
    // on its first layer, as Keras's Sequential.add makes its InputLayer from it.
    std::string nested_sequential(GraphCore& g, std::int32_t index)
    {
        const GraphLayer& model = g.layer(index);
        const ModelData& data = g.model_data(model.model);
        std::vector<std::string> layers;
        const Shape input = g.outputs(g.node(data.inputs[0].node))[0];
        for (std::int32_t id : data.nodes) {
            const GraphLayer& l = g.layer(g.node(id).layer);
            if (l.layer && l.layer->is<InputLayer>()) continue;
            if (!l.layer)
                fail("layer \"" + keras_name(g, g.node(id).layer) +
                     "\": a Sequential that holds models or custom layers is not written");
            Layer layer = l.layer->value();
            if (layers.empty() && !layer.declared_input())
                layer = layer.visit([&](auto first) {
                    first.batch_input_shape = input;
                    return Layer(std::move(first));
                });
            layers.push_back(added(layer));
        }
        return sequential_function(keras_name(g, index), {Name(g.layer_name(index).given), model.trainable}, layers);
    }

    // The function for the model at layer `index` of `g`, written once.
    std::string model_function(GraphCore& g, std::int32_t index)
    {
        if (const auto it = written_.find(index); it != written_.end()) return it->second;
        const bool sequential = g.model_data(g.layer(index).model).sequential;
        return written_[index] = sequential ? nested_sequential(g, index) : functional_model(g, index, false);
    }

    std::string functional_model(GraphCore& g, std::int32_t index, bool top);

    Identifiers names_;
    std::string functions_;
    std::map<std::int32_t, std::string> written_; // model functions, by the model's layer index
    std::int64_t steps_ = 0;
};

// One functional model's function body: its tensors as local variables named after their layers.
class FunctionalBody {
public:
    FunctionalBody(GraphCore& g, const ModelData& data, Identifiers& names) : g_(g), names_(names)
    {
        for (std::int32_t id : data.nodes) ++calls_[g.node(id).layer];
    }

    // The statement for call `id`; `model_function` gives (and writes) a nested model's function.
    template <class ModelFunction>
    void call(std::int32_t id, ModelFunction&& model_function)
    {
        const Node& n = g_.node(id);
        const GraphLayer& l = g_.layer(n.layer);
        const std::string name = keras_name(g_, n.layer);
        if (l.layer && l.layer->is<InputLayer>()) {
            const std::string var = names_.make(name);
            tensors_[id] = var;
            body_ += "    auto " + var + " = Input(g, " +
                     with_kwargs({".batch_shape = " + value(g_.outputs(n)[0])}, g_.layer_name(n.layer).given, true) +
                     ");\n";
            return;
        }
        const std::string callee = callee_of(n.layer, model_function);
        const std::string var = names_.make(calls_[n.layer] > 1 ? name + "_" + std::to_string(n.node_index) : name);
        tensors_[id] = var;
        if (l.layer && calls_[n.layer] == 1) body_ += indented(layer_note(l.layer->value()));
        body_ += "    auto " + var + " = " + callee + arguments(n, l) + ";\n";
    }

    std::string tensor(const NodeOutput& t) const
    {
        const std::string& var = tensors_.at(t.node);
        return g_.outputs(g_.node(t.node)).size() == 1 ? var : var + "[" + std::to_string(t.index) + "]";
    }
    std::string tensors(std::span<const NodeOutput> ts) const
    {
        std::vector<std::string> items;
        for (const NodeOutput& t : ts) items.push_back(tensor(t));
        return items.size() == 1 ? items[0] : "{" + join(items) + "}";
    }
    const std::string& text() const { return body_; }

private:
    // What is called: a layer value (called once), a shared layer's handle, a nested model's handle.
    template <class ModelFunction>
    std::string callee_of(std::int32_t index, ModelFunction&& model_function)
    {
        const GraphLayer& l = g_.layer(index);
        const std::string name = keras_name(g_, index);
        if (l.model < 0 && l.wrapped_model < 0 && calls_[index] == 1) return source_of(index);
        if (const auto it = handles_.find(index); it != handles_.end()) return it->second;
        if (l.wrapped_model >= 0) {
            if (l.node_count > 1) fail("TimeDistributed \"" + name + "\" called several times is not written");
            // Its model called elsewhere in this model too: one handle for both, one set of weights.
            const std::string model = calls_[l.wrapped_model] > 0
                                          ? model_handle(l.wrapped_model, model_function)
                                          : model_function(l.wrapped_model) + model_argument(l.wrapped_model);
            return "TimeDistributedModel" + with_kwargs({".layer = " + model}, g_.layer_name(index).given, l.trainable);
        }
        if (l.model >= 0 && calls_[index] == 1) return model_function(index) + model_argument(index);
        if (l.model >= 0) return model_handle(index, model_function);
        const std::string handle = names_.make(name + "_layer");
        body_ +=
            indented(layer_note(l.layer->value())) + "    auto " + handle + " = g.add(" + source_of(index) + ");\n";
        return handles_[index] = handle;
    }

    template <class ModelFunction>
    std::string model_handle(std::int32_t index, ModelFunction&& model_function)
    {
        if (const auto it = handles_.find(index); it != handles_.end()) return it->second;
        const std::string function = model_function(index);
        const std::string handle = names_.make(keras_name(g_, index) + "_model");
        const bool sequential = g_.model_data(g_.layer(index).model).sequential;
        body_ += "    " + std::string(sequential ? "auto " : "const Model ") + handle + " = " + function +
                 model_argument(index) + ";\n";
        return handles_[index] = handle;
    }
    // A functional model's function builds it in the caller's Graph; a Sequential's is a value.
    std::string model_argument(std::int32_t index) const
    {
        return g_.model_data(g_.layer(index).model).sequential ? "()" : "(g)";
    }

    // A built-in layer called only in this model: its value's source.
    std::string source_of(std::int32_t index) const
    {
        const GraphLayer& l = g_.layer(index);
        if (!l.layer)
            fail("layer \"" + keras_name(g_, index) + "\" of custom class " +
                 std::string(g_.layer_name(index).class_name) + ": custom layer classes are not written");
        if (calls_.at(index) < l.node_count)
            fail("layer \"" + keras_name(g_, index) +
                 "\" is called outside the model that lists it (shared between models): not written");
        return layer_source(l.layer->value());
    }

    // `(x)`, `({a, b})`, or a recurrent layer's `(x, {.initial_state = {h, c}})`.
    std::string arguments(const Node& n, const GraphLayer& l) const
    {
        const std::span<const NodeOutput> inputs = g_.inputs(n);
        if (inputs.size() > 1 && l.layer && l.layer->class_has<nnshape::detail::has_initial_state_call>())
            return "(" + tensor(inputs[0]) + ", {.initial_state = {" + join(states(inputs.subspan(1))) + "}})";
        return inputs.size() > 1 ? "({" + join(states(inputs)) + "})" : "(" + tensors(inputs) + ")";
    }
    std::vector<std::string> states(std::span<const NodeOutput> ts) const
    {
        std::vector<std::string> items;
        for (const NodeOutput& t : ts) items.push_back(tensor(t));
        return items;
    }

    GraphCore& g_;
    Identifiers& names_; // the header's: a variable never hides a function
    std::map<std::int32_t, std::int32_t> calls_; // per layer index, in this model
    std::map<std::int32_t, std::string> tensors_; // per node id: the variable of its outputs
    std::map<std::int32_t, std::string> handles_; // per layer index: a shared layer's or a model's handle
    std::string body_;
};

inline std::string Writer::functional_model(GraphCore& g, std::int32_t index, bool top)
{
    const GraphLayer& model = g.layer(index);
    const ModelData& data = g.model_data(model.model);
    FunctionalBody body(g, data, names_);
    for (std::int32_t id : data.nodes) body.call(id, [&](std::int32_t nested) { return model_function(g, nested); });
    steps_ += std::int64_t(data.nodes.size()) * steps_per_call;
    const std::string name = keras_name(g, index);
    const std::string function = names_.make(name);
    const std::string args = with_kwargs({}, g.layer_name(index).given, model.trainable);
    functions_ += "// Keras model " + string_literal(name) + " (" + std::string(g.layer_name(index).class_name) +
                  ")\nconstexpr Model " + function + (top ? "()\n{\n    Graph g;\n" : "(Graph& g)\n{\n") + body.text() +
                  "    return Model{" + body.tensors(data.inputs) + ", " + body.tensors(data.outputs) +
                  (args == "{}" ? "" : ", " + args) + "};\n}\n\n";
    return function;
}

// A count as C++ writes it readably: 652'352.
inline std::string grouped(std::int64_t n)
{
    std::string digits = std::to_string(n);
    for (std::size_t at = digits.size(); at > 3 && std::isdigit(static_cast<unsigned char>(digits[at - 4])); at -= 3)
        digits.insert(at - 3, "'");
    return digits;
}

// How the facts hold the model's output shapes: a Shapes, or an array for more outputs than it holds.
inline std::string facts_type(std::size_t outputs)
{
    if (outputs <= Shapes::capacity) return "struct Facts {\n    Params params;\n    Shapes outputs;\n};\n";
    return "struct Facts {\n    Params params;\n    std::size_t output_count;\n    std::array<Shape, " +
           std::to_string(outputs) + "> outputs; // more than a Shapes holds\n};\n";
}

inline std::string facts_value(std::string_view model_type, std::size_t outputs)
{
    std::string text = "inline constexpr Facts facts = [] {\n    const auto m = keras_model();\n";
    if (model_type != "Model") return text + "    return Facts{m.params(), Shapes{m.output_shape()}};\n}();\n";
    if (outputs <= Shapes::capacity) return text + "    return Facts{m.params(), m.output_shapes()};\n}();\n";
    return text + "    const Tensors outputs = m.outputs();\n    Facts f{m.params(), outputs.size(), {}};\n"
                  "    for (std::size_t i = 0; i < f.outputs.size() && i < outputs.size(); ++i)\n"
                  "        f.outputs[i] = outputs[i].shape();\n    return f;\n}();\n";
}

// The checks: one constant evaluation of the model for all the facts.
inline std::string checks(std::string_view function, std::string_view model_type, Params params,
                          std::span<const Shape> outputs, std::int64_t steps)
{
    std::string text = "// The model the file holds.\nconstexpr " + std::string(model_type) +
                       " keras_model() { return " + std::string(function) + "(); }\n\n";
    text += "// What nnshape computed from the model file, checked at compile time.\n" + facts_type(outputs.size());
    if (steps > clang_default_steps) {
        const std::int64_t limit = (steps / 1'000'000 + 2) * 1'000'000;
        text += "// This model takes about " + std::to_string(steps) +
                " constant-evaluation steps, more than Clang's default\n// limit of 1,048,576: compile with "
                "-fconstexpr-steps=" +
                std::to_string(limit) + " (Clang) or -fconstexpr-ops-limit=" + std::to_string(limit * 32) + " (GCC).\n";
    }
    text += facts_value(model_type, outputs.size());
    text += "static_assert(facts.params.total() == " + grouped(params.total()) + ");\n";
    text += "static_assert(facts.params.trainable == " + grouped(params.trainable) + ");\n";
    text += "static_assert(facts.params.non_trainable == " + grouped(params.non_trainable) + ");\n";
    text += "static_assert(facts." +
            std::string(outputs.size() <= Shapes::capacity ? "outputs.size()" : "output_count") +
            " == " + std::to_string(outputs.size()) + ");\n";
    for (std::size_t i = 0; i < outputs.size(); ++i)
        text += "static_assert(facts.outputs[" + std::to_string(i) + "] == Shape" + value(outputs[i]) + ");\n";
    return text;
}

// `ns` is a namespace name: identifiers joined by `::`.
inline bool is_namespace_name(std::string_view ns)
{
    for (std::string_view rest = ns;;) {
        const std::string_view part = rest.substr(0, rest.find("::"));
        const bool identifier = !part.empty() && !std::isdigit(static_cast<unsigned char>(part[0])) &&
                                std::ranges::all_of(part, [](char c) {
                                    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
                                });
        if (!identifier) return false;
        if (part.size() == rest.size()) return true;
        rest.remove_prefix(part.size() + 2);
    }
}

inline std::string header(const CppOptions& options, const std::string& body)
{
    const std::string& ns = options.name_space;
    if (!is_namespace_name(ns)) fail("the namespace \"" + ns + "\" is not a C++ namespace name");
    const std::string from = options.source.empty() ? "a Keras model" : one_line(options.source);
    return "// Generated by `nnshape cpp` from " + from +
           ": the model rebuilt with nnshape's API, each layer\n// with its Keras name and arguments, and "
           "static_asserts on what nnshape computed from the file.\n#pragma once\n\n#include "
           "<nnshape/nnshape.hpp>\n\nnamespace " +
           ns + " {\n\nusing namespace nnshape;\n\n" + body + "\n} // namespace " + ns + "\n";
}

} // namespace cpp::detail

#if NNSHAPE_IO_DEFINES_API
NNSHAPE_IO_API std::string model_to_cpp(const Model& model, const CppOptions& options)
{
    cpp::detail::Writer w;
    const std::string top = w.functional(model);
    std::vector<Shape> outputs; // any number (a Shapes holds 8)
    for (const Tensor& t : model.outputs()) outputs.push_back(t.shape());
    return cpp::detail::header(options,
                               w.functions() + cpp::detail::checks(top, "Model", model.params(), outputs, w.steps()));
}

NNSHAPE_IO_API std::string model_to_cpp(const Sequential<>& model, const CppOptions& options)
{
    cpp::detail::Writer w;
    const std::string top = w.sequential(model);
    return cpp::detail::header(options, w.functions() + cpp::detail::checks(top, "Sequential<>", model.params(),
                                                                            Shapes{model.output_shape()}, w.steps()));
}
#endif

} // namespace nnshape::io
