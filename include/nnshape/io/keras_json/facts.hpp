#pragma once
// The Keras JSON reader's layers of classes nnshape does not know (a user's AttentionLayer, TF-Hub's
// KerasLayer) and Lambdas without output_shape: each becomes an OpaqueLayer (layers/opaque.hpp) from
// what the file states about it, never from a guess (docs/reading-models.md#layers-nnshape-does-not-know):
//
// - its output shapes: the `shape` of the `__keras_tensor__` arguments that take its outputs in its
//   consumers' inbound nodes (Keras 3, keras/src/saving/serialization_lib.py), or the
//   `build_config.input_shape` of a consumer called once on that output alone (Keras 3 and tf.keras'
//   .keras format: Layer.get_build_config); Keras 2 and tf.keras .h5 and JSON configs state neither;
// - its weight count: the values of the weights the file stores for it (a .h5 file's
//   model_weights/<layer name>, a .keras file's model.weights.h5 layers/<path>). A Lambda has none,
//   by Keras's rule (its Python function's variables are not tracked).
//
// Only the top-level model's layers are read so: a nested model's layers and a wrapper's layer have
// no stored group of their own in a .h5 file.

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "operations.hpp"
#include "stored_weights.hpp"

namespace nnshape::io::detail {

// What a reader may use beside the config: the options, and the file's stored weights, read when a
// layer first needs them (none for a JSON file: `weights` is empty or gives nullptr).
struct FileFacts {
    LoadOptions options{};
    std::function<const StoredWeights*()> weights{};
};

// A layer that read_layer refuses for want of a rule, which a file's facts may stand in for.
inline bool needs_facts(const std::string& class_name, const json& entry)
{
    return computes_in_python(class_name, entry) ||
           (!layer_table().contains(class_name) && !is_op_layer(class_name) && class_name != "InputLayer");
}

// What a message calls the layer: why nnshape has no rule for it.
inline std::string without_rule(const Where& where)
{
    return where.class_name == "Lambda" ? std::string("a Lambda layer without output_shape")
                                        : "unknown layer class \"" + where.class_name + "\"";
}

// Keras 3's saving_lib path of each layer of a model's `layers` list: `<snake_case class>`, then
// `_1`, `_2`, ... for the next of the same class (_save_container_state over model.layers). An
// operation is no layer: it has none ("").
inline std::vector<std::string> keras3_weight_paths(const json& layers)
{
    std::vector<std::string> paths;
    std::map<std::string, int, std::less<>> used;
    for (const json& entry : layers) {
        std::string class_name;
        if (entry.is_object())
            if (const auto c = entry.find("class_name"); c != entry.end() && c->is_string()) class_name = *c;
        if (class_name.empty() || op_dialect(entry, class_name) != OpDialect::none) {
            paths.emplace_back();
            continue;
        }
        const std::string snake(nnshape::detail::snake_case(class_name, keras3).view());
        const auto [it, first] = used.try_emplace(snake, 0);
        paths.push_back(first ? snake : snake + "_" + std::to_string(++it->second));
    }
    return paths;
}

// The stored weight count of `where`'s layer, `keras3_path` its saving_lib path, `all_paths` every
// layer's of its model.
inline std::int64_t stored_weight_count(const FileFacts& facts, const Where& where, const std::string& keras3_path,
                                        const std::vector<std::string>& all_paths)
{
    if (where.class_name == "Lambda") return 0;
    const StoredWeights* stored = facts.weights ? facts.weights() : nullptr;
    if (!stored)
        fail(where, without_rule(where) +
                        ": the file stores no weights nnshape can read for it (JSON has none; nnshape reads a .h5 "
                        "file's model_weights and a .keras file's model.weights.h5 layers/)");
    if (stored->layout == StoredWeights::Layout::by_layer_name) {
        const auto it = stored->counts.find(where.name);
        if (it == stored->counts.end())
            fail(where, without_rule(where) +
                            ": the file's model_weights has no group for the layer, so its parameters are unknown");
        return it->second;
    }
    // Keras 3 writes no group for a layer without weights: a missing path is 0 only when every stored
    // group is some layer's path, which rules out a path nnshape derived wrongly.
    const std::set<std::string, std::less<>> known(all_paths.begin(), all_paths.end());
    for (const auto& [path, count] : stored->counts)
        if (!known.contains(path))
            fail(where, without_rule(where) + ": model.weights.h5 holds layers/" + path +
                            ", which is no layer of the config, so nnshape cannot tell which weights are the layer's");
    const auto it = stored->counts.find(keras3_path);
    return it == stored->counts.end() ? 0 : it->second;
}

// The shape a consumer's `__keras_tensor__` states for one output of a call.
struct StatedOutput {
    std::int64_t call;
    std::int64_t tensor;
    Shape shape;
};

inline std::optional<Shape> stated_shape(const json& v, const Where& where)
{
    try {
        return as_shape(v);
    } catch (const value_error& e) {
        fail(where, "a stated tensor shape: " + e.what);
    }
}

// Every `__keras_tensor__` in a call's arguments that refers to layer `name`, with its shape.
inline void keras3_tensor_shapes(const json& v, const std::string& name, const Where& where,
                                 std::vector<StatedOutput>& out, int depth)
{
    if (depth > max_depth) fail(where, "call arguments nested deeper than " + std::to_string(max_depth) + " levels");
    if (is_keras3_tensor(v)) {
        const KerasHistory ref = as_ref(v, where);
        const json& config = v.at("config");
        if (ref.layer == name && config.contains("shape"))
            out.push_back({ref.node, ref.tensor, *stated_shape(config.at("shape"), where)});
    } else if (v.is_array() || v.is_object()) {
        for (const json& e : v) keras3_tensor_shapes(e, name, where, out, depth + 1);
    }
}

// A layer entry's build_config.input_shape: the one input shape it was built with.
inline std::optional<Shape> built_input_shape(const json& entry, const Where& where)
{
    const auto build = entry.find("build_config");
    if (build == entry.end() || !build->is_object()) return std::nullopt;
    const auto shape = build->find("input_shape");
    if (shape == build->end() || shape->is_null()) return std::nullopt;
    return stated_shape(*shape, where);
}

// The output indices of layer `name` among a model's output_layers, in any Keras's form.
inline void model_output_tensors(const json& v, const std::string& name, std::vector<std::int64_t>& out, int depth)
{
    if (depth > max_depth) return; // endpoints() reads the key and names its problems
    if (is_keras2_ref(v) || is_keras3_tensor(v)) {
        const KerasHistory ref = as_ref(v, Where{"output_layers", "", ""});
        if (ref.layer == name) out.push_back(ref.tensor);
    } else if (v.is_array() || v.is_object()) {
        for (const json& e : v) model_output_tensors(e, name, out, depth + 1);
    }
}

// The output shapes of calls `0 .. calls - 1` of the layer at `where` as the other entries of its
// model's config state them; they must agree, as an OpaqueLayer has one set.
inline Shapes functional_outputs(const json& config, const Where& where, std::size_t calls)
{
    std::vector<StatedOutput> stated;
    for (const json& entry : config.at("layers")) {
        if (!entry.is_object() || !entry.contains("inbound_nodes") || !entry["inbound_nodes"].is_array()) continue;
        const json& nodes = entry["inbound_nodes"];
        keras3_tensor_shapes(nodes, where.name, where, stated, 0);
        if (nodes.size() != 1) continue;
        const std::vector<KerasHistory> inputs = node_inputs(nodes[0], where);
        if (inputs.size() == 1 && inputs[0].layer == where.name)
            if (const std::optional<Shape> s = built_input_shape(entry, where))
                stated.push_back({inputs[0].node, inputs[0].tensor, *s});
    }
    Shapes out;
    for (std::int64_t tensor = 0;; ++tensor) {
        std::optional<Shape> shape;
        bool referenced = false;
        for (const StatedOutput& s : stated) {
            if (s.tensor != tensor) continue;
            referenced = true;
            if (s.call < 0 || std::uint64_t(s.call) >= calls) continue; // resolve() names a bad reference
            if (shape && !(*shape == s.shape))
                fail(where, without_rule(where) + ": the file states two shapes, " + to_string(*shape) + " and " +
                                to_string(s.shape) + ", for its output " + std::to_string(tensor) +
                                " (an OpaqueLayer has the same outputs in every call)");
            shape = s.shape;
        }
        if (!referenced) break;
        if (!shape) break;
        out.push_back(*shape);
    }
    if (out.size() == 0)
        fail(where, without_rule(where) +
                        ": the file states no output shape for it (no consumer's __keras_tensor__ shape or "
                        "build_config input_shape: Keras 2 and tf.keras .h5 and JSON configs have neither, and no "
                        "file states a model output's shape)");
    std::vector<std::int64_t> used;
    for (const StatedOutput& s : stated) used.push_back(s.tensor);
    if (const auto outputs = config.find("output_layers"); outputs != config.end())
        model_output_tensors(*outputs, where.name, used, 0);
    for (const std::int64_t tensor : used)
        if (tensor >= std::int64_t(out.size()))
            fail(where, without_rule(where) + ": the file states no shape for its output " +
                            std::to_string(out.size()) +
                            " (only consumers state shapes, and no file states a model output's shape)");
    return out;
}

// The output shape of a Sequential's layer `index`: the next layer's build_config.input_shape.
inline Shapes sequential_outputs(const json& layers, std::size_t index, const Where& where)
{
    std::optional<Shape> shape;
    if (index + 1 < layers.size() && layers[index + 1].is_object()) shape = built_input_shape(layers[index + 1], where);
    if (!shape)
        fail(where, without_rule(where) +
                        ": the file states no output shape for it (the next layer of the Sequential has no "
                        "build_config input_shape, or it is the model's output, whose shape no file states)");
    return Shapes{*shape};
}

// The OpaqueLayer that stands for the entry at `where`, its outputs stated as `outputs`.
inline OpaqueLayer opaque_layer(const json& entry, const Where& where, const Shapes& outputs, std::int64_t weights)
{
    OpaqueLayer l{.keras_class = KerasClassName(where.class_name), .outputs = outputs, .weights = {weights}};
    read_kwargs(Reader{config_of(entry, where), where, 0}, l);
    return l;
}

} // namespace nnshape::io::detail
