#pragma once
// nnshape's counterpart of Keras's `run_layer_test`: one case checks a layer, on the input shapes
// Keras was given, against Keras's output shapes and weight counts through every path a layer
// takes in nnshape:
//
//   compile time and run time: its own rule, as a `Layer`, inside a Sequential, inside a functional
//                              Model, and through the cost and receptive-field analyses;
//   run time only:             its Keras config written from its `keras_config` key list and read
//                              back by the Keras JSON reader (same shapes, counts and config).
//
// Cases are written once, in a function that takes the checker:
//
//   constexpr bool core_cases(auto&& check)
//   {
//       bool ok = check(Dense{.units = 5}, {Shape{None, 3, 4}}, {Shape{None, 3, 5}}, Params{25}); // spec §9
//       return ok;
//   }
//   static_assert(core_cases(harness::at_compile_time));            // cases/*.cpp
//   TEST_CASE("core") { CHECK(core_cases(harness::at_run_time)); }
//
// A failing path names itself and the case's line: in a static_assert the compiler shows the call
// to the non-constexpr `failed_path` with the path's text and the line; at run time doctest reports
// the text at the case's file and line.

#include <doctest/doctest.h>
#include <nnshape/analysis/flops.hpp>
#include <nnshape/analysis/receptive_field.hpp>
#include <nnshape/io/keras_json/layer_config.hpp>
#include <nnshape/io/keras_json/values.hpp>
#include <nnshape/nnshape.hpp>

#include <array>
#include <cstddef>
#include <initializer_list>
#include <source_location>
#include <span>
#include <type_traits>
#include <string_view>
#include <vector>

namespace nnshape::harness {

inline void failed_path(const char* path, int line, const char* file)
{
    DOCTEST_ADD_FAIL_CHECK_AT(file, line, doctest::String(path));
}

constexpr bool expect(bool ok, const char* path, const std::source_location& at)
{
    if (!ok) failed_path(path, int(at.line()), at.file_name()); // not constexpr: a static_assert fails here
    return ok;
}

// The checks of a layer's calls, written once for every class (a template per class would compile
// them ~140 times in the harness's translation unit).
constexpr bool sequential_agrees(const Sequential<>& sequential, const Shape& output, Params params,
                                 const std::source_location& at)
{
    bool ok = expect(sequential.output_shape() == output, "in a Sequential: output shape", at);
    ok &= expect(sequential.params() == params, "in a Sequential: weights", at);
    return ok;
}
constexpr bool model_agrees(const Model& model, std::span<const Shape> inputs, const Shapes& outputs, Params params,
                            const std::source_location& at)
{
    bool ok = expect(model.output_shapes() == outputs, "in a functional Model: output shapes", at);
    ok &= expect(model.params() == params, "in a functional Model: weights", at);

    // The analyses throw, failing the case, where a rule rejects the call.
    ok &= expect(nnshape::cost(model).calls.size() == inputs.size() + 1, "cost: one entry per call", at);
    if (inputs.size() == 1)
        ok &= expect(receptive_fields(trace(model)).size() == inputs.size() + outputs.size(),
                     "receptive fields: one per tensor", at);
    return ok;
}
constexpr Tensors inputs_on(Graph& g, std::span<const Shape> inputs)
{
    std::vector<Tensor> in;
    for (const Shape& s : inputs) in.push_back(Input(g, {.batch_shape = s}));
    return Tensors(in);
}

// A layer called on tensors: in a Sequential, in a functional Model, and through the analyses.
template <class L>
constexpr bool called_paths(const L& layer, std::span<const Shape> inputs, const Shapes& outputs, Params params,
                            const std::source_location& at)
{
    bool ok = true;
    if (inputs.size() == 1 && outputs.size() == 1) {
        Sequential<> sequential;
        sequential.add(InputLayer{.batch_shape = inputs[0]});
        sequential.add(layer);
        ok &= sequential_agrees(sequential, outputs[0], params, at);
    }
    Graph g;
    const Tensors in = inputs_on(g, inputs);
    L called = layer;
    return model_agrees(Model{in, std::move(called)(in)}, inputs, outputs, params, at) && ok;
}

// The paths every build of a layer takes, in constant evaluation as well as at run time.
template <class L>
constexpr bool constexpr_paths(const L& layer, std::span<const Shape> inputs, const Shapes& outputs, Params params,
                               const std::source_location& at)
{
    bool ok = expect(detail::shape_rule::of(layer, inputs) == outputs, "the layer's rule: output shapes", at);
    ok &= expect(detail::weights_rule::of(layer, inputs) == params, "the layer's rule: weights", at);

    const Layer any(layer);
    ok &= expect(any.output_shapes(inputs) == outputs, "as a Layer: output shapes", at);
    ok &= expect(any.params(inputs) == params, "as a Layer: weights", at);

    if constexpr (std::is_same_v<L, InputLayer>) { // called on no tensor: Input() makes its tensor
        Graph g;
        ok &= expect(Input(g, layer).shape() == outputs[0], "as Input(): its tensor's shape", at);
    } else {
        ok &= called_paths(layer, inputs, outputs, params, at);
    }
    return ok;
}

// Keras passes return_attention_scores to the call, not to the layer's config (a file keeps it in
// the inbound node's kwargs): the layer read back gets the case's value.
template <class L>
Layer with_call_arguments(const Layer& read, const L& layer)
{
    if constexpr (requires { layer.return_attention_scores; }) {
        L called = *read.get_if<L>();
        called.return_attention_scores = layer.return_attention_scores;
        return called;
    } else {
        return read;
    }
}

// The layer the JSON reader read from `config`, written from a layer of class `class_name`: the same.
inline bool read_back_agrees(const Layer& read, const io::detail::json& config, std::string_view class_name,
                             std::span<const Shape> inputs, const Shapes& outputs, Params params,
                             const std::source_location& at)
{
    bool ok = expect(read.class_name() == class_name, "through the JSON reader: class", at);
    ok &= expect(read.output_shapes(inputs) == outputs, "through the JSON reader: output shapes", at);
    ok &= expect(read.params(inputs) == params, "through the JSON reader: weights", at);
    ok &=
        expect(io::detail::config_json(read) == config, "through the JSON reader: the config reads back unchanged", at);
    return ok;
}

// The Keras JSON path: the config written from the layer's key list, read back by the reader.
template <class L>
bool json_path(const L& layer, std::span<const Shape> inputs, const Shapes& outputs, Params params,
               const std::source_location& at)
{
    using io::detail::config_json;
    if constexpr (std::is_same_v<L, InputLayer>) return true; // the model readers read it (tests/io)
    if constexpr (std::is_same_v<L, OpaqueLayer>) return true; // made from a file's facts (tests/io/keras_file.cpp)
    const io::detail::json config = config_json(Layer(layer));
    if constexpr (std::is_same_v<L, TFOpLambda>) {
        // The reader reads an operation's arguments from its call's node in a functional model, where
        // Keras keeps them (tests/io/keras_json_ops.cpp): here only the config's own key is read back.
        OpFunction read{};
        io::detail::read_value(config.at("config").at("function"), read);
        return expect(read == layer.function, "through the JSON reader: the TF function", at);
    }
    const Layer read = with_call_arguments(io::detail::read_layer(config, io::detail::Where{"case", "", ""}, 0), layer);
    return read_back_agrees(read, config, L::class_name, inputs, outputs, params, at);
}

// The checkers a case function is called with.
struct CompileTime {
    template <class L>
    constexpr bool operator()(const L& layer, std::initializer_list<Shape> inputs, const Shapes& outputs, Params params,
                              std::source_location at = std::source_location::current()) const
    {
        return constexpr_paths(layer, {inputs.begin(), inputs.size()}, outputs, params, at);
    }
};
struct RunTime {
    template <class L>
    bool operator()(const L& layer, std::initializer_list<Shape> inputs, const Shapes& outputs, Params params,
                    std::source_location at = std::source_location::current()) const
    {
        const std::span<const Shape> in{inputs.begin(), inputs.size()};
        const bool ok = constexpr_paths(layer, in, outputs, params, at);
        return json_path(layer, in, outputs, params, at) && ok;
    }
};
inline constexpr CompileTime at_compile_time{};
inline constexpr RunTime at_run_time{};

// Collects the classes the cases cover, without checking them: every built-in class needs a case.
struct Coverage {
    std::array<std::string_view, 512> classes{};
    std::size_t count = 0;

    template <class L>
    constexpr bool operator()(const L&, std::initializer_list<Shape>, const Shapes&, Params)
    {
        classes[count++] = L::class_name;
        return true;
    }
    constexpr bool covers(std::string_view class_name) const
    {
        for (std::size_t i = 0; i < count; ++i)
            if (classes[i] == class_name) return true;
        return false;
    }
};

} // namespace nnshape::harness
