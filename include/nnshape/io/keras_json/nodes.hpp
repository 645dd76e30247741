#pragma once
// The Keras JSON reader's inbound nodes: which tensors a call in a functional model's config takes,
// from every Keras version's form of an `inbound_nodes` entry.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "layers.hpp"

namespace nnshape::io::detail {

inline const json& array_key(const json& object, std::string_view key, const Where& where)
{
    const auto it = object.find(key);
    if (it == object.end()) fail(where, "missing key \"" + std::string(key) + "\"");
    if (!it->is_array())
        fail(where, "key \"" + std::string(key) + "\": expected a list, got " + std::string(json_type(*it)));
    return *it;
}

// A name as nnshape stores it, or an error naming where it came from.
inline Name checked_name(std::string_view name, const Where& where)
{
    if (name.size() > 63) fail(where, "the name \"" + std::string(name) + "\" is longer than nnshape's 63 characters");
    return Name(name);
}

// Keras's keras_history, a reference to an output of a layer call: Keras 2's [name, node_index, tensor_index(, kwargs)]
// or Keras 3's {"class_name": "__keras_tensor__", "config": {"keras_history": [name, node, tensor]}}.
struct KerasHistory {
    std::string layer;
    std::int64_t node = 0;
    std::int64_t tensor = 0;
};

inline bool is_keras3_tensor(const json& v)
{
    return v.is_object() && v.contains("class_name") && v["class_name"] == "__keras_tensor__";
}
inline bool is_keras2_ref(const json& v) { return v.is_array() && !v.empty() && v[0].is_string(); }

inline KerasHistory as_ref(const json& v, const Where& where)
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
    KerasHistory ref{(*history)[0].get<std::string>(), 0, 0};
    try {
        ref.node = as_int((*history)[1]);
        ref.tensor = as_int((*history)[2]);
    } catch (const value_error& e) {
        fail(where, "tensor reference to \"" + ref.layer + "\": " + e.what);
    }
    return ref;
}

// Every tensor of a Keras 3 call's args, in order (lists nest: Add()([a, b]) has args [[a, b]]).
inline void collect_tensors(const json& v, const Where& where, std::vector<KerasHistory>& out, int depth)
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

// A Keras 2 reference inside a call's keyword arguments: [name, node_index, tensor_index].
inline bool is_keras2_kwarg_ref(const json& v)
{
    return v.is_array() && v.size() == 3 && v[0].is_string() && v[1].is_number_integer() && v[2].is_number_integer();
}

// Every tensor in a keyword argument's value, in order: Keras 3's __keras_tensor__ objects, or tf.keras's
// references, alone or in (nested) lists ("initial_state": [["lstm", 0, 1], ["lstm", 0, 2]]).
inline void keyword_value_tensors(const json& v, const Where& where, std::vector<KerasHistory>& out, int depth)
{
    if (depth > max_depth) fail(where, "call arguments nested deeper than " + std::to_string(max_depth) + " levels");
    if (is_keras3_tensor(v) || is_keras2_kwarg_ref(v)) {
        out.push_back(as_ref(v, where));
    } else if (v.is_array()) {
        for (const json& e : v) keyword_value_tensors(e, where, out, depth + 1);
    } else if (v.is_object()) {
        for (const auto& [key, e] : v.items()) keyword_value_tensors(e, where, out, depth + 1);
    }
}

// Tensors given as keyword arguments, after the positional ones: the attention layers' query, value
// and key, in that order, and a recurrent layer's initial_state (its call's inputs are [x, *states], as
// Keras 2's RNN.__call__ makes them). `mask` (a tensor) and `training` (a bool) change no shape.
inline void keyword_tensors(const json& kwargs, const Where& where, std::vector<KerasHistory>& out)
{
    if (!kwargs.is_object()) return;
    for (const auto& [key, v] : kwargs.items()) {
        std::vector<KerasHistory> found;
        keyword_value_tensors(v, where, found, 0);
        if (found.empty() || key == "query" || key == "value" || key == "key" || key == "initial_state" ||
            key == "mask")
            continue;
        if (key == "constants")
            fail(where, "inbound node passes constants to an RNN cell: RNN cell does not support constants (nnshape's "
                        "cells take none)");
        fail(where, "inbound node passes a tensor as keyword argument \"" + key + "\", which nnshape does not read");
    }
    for (const char* key : {"query", "value", "key", "initial_state"})
        if (const auto it = kwargs.find(key); it != kwargs.end()) keyword_value_tensors(*it, where, out, 0);
}

// The input tensors of one call, from either form of an `inbound_nodes` entry.
inline std::vector<KerasHistory> node_inputs(const json& node, const Where& where)
{
    std::vector<KerasHistory> refs;
    if (node.is_object()) { // Keras 3: {"args": [...], "kwargs": {...}}
        const auto args = node.find("args");
        if (args == node.end()) fail(where, "an inbound node object needs \"args\"");
        collect_tensors(*args, where, refs, 0);
        if (const auto kw = node.find("kwargs"); kw != node.end()) keyword_tensors(*kw, where, refs);
    } else if (is_keras2_ref(node)) { // one reference without the enclosing list
        refs.push_back(as_ref(node, where));
    } else if (node.is_array()) { // Keras 2: [[name, node_index, tensor_index, kwargs], ...]
        // Keras writes the call's kwargs beside every tensor of its first argument; its process_node
        // reads the last one's.
        const json* kwargs = nullptr;
        for (const json& r : node) {
            refs.push_back(as_ref(r, where));
            if (r.is_array() && r.size() > 3) kwargs = &r[3];
        }
        if (kwargs) keyword_tensors(*kwargs, where, refs);
    } else {
        fail(where,
             "an inbound node must be a list (Keras 2) or an object (Keras 3), got " + std::string(json_type(node)));
    }
    if (refs.empty()) fail(where, "an inbound node with no input tensor");
    return refs;
}

} // namespace nnshape::io::detail
