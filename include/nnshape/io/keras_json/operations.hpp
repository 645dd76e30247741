#pragma once
// The Keras JSON reader's operations on tensors (`x + y`, `tf.reshape(x, ...)`, `x[:, 0]`): tf.keras's
// TFOpLambda and SlicingOpLambda layers, TF 2.2-2.3's TensorFlowOpLayer and Keras 3's operations, each
// read as nnshape's TFOpLambda (layers/ops.hpp), whose rules give the shapes. Keras keeps the call's
// arguments in the model's node, not in the layer config, so an operation is read with its call.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "nodes.hpp"

namespace nnshape::io::detail {

// How a file records an operation, if the layer entry is one.
enum class OpDialect : std::uint8_t { none, tf_op_lambda, tensorflow_op_layer, keras3 };

inline OpDialect op_dialect(const json& entry, std::string_view class_name)
{
    if (class_name == "TFOpLambda" || class_name == "SlicingOpLambda") return OpDialect::tf_op_lambda;
    if (class_name == "TensorFlowOpLayer") return OpDialect::tensorflow_op_layer;
    // Keras 3 writes an operation's Python module: keras.src.ops.numpy (3.0: keras.ops.numpy), ...
    const auto module = entry.find("module");
    if (module == entry.end() || !module->is_string()) return OpDialect::none;
    const std::string& m = module->get_ref<const std::string&>();
    return m.starts_with("keras.src.ops.") || m.starts_with("keras.ops.") ? OpDialect::keras3 : OpDialect::none;
}

// One call of an operation: the tensors it takes, in order, and the operation with its arguments.
struct OpCall {
    std::vector<KerasHistory> inputs;
    TFOpLambda op;
};

inline bool is_tensor_argument(const json& v) { return is_keras3_tensor(v) || is_keras2_kwarg_ref(v); }

// The shape of a constant: a number is (), a nested list of numbers has its lengths; Keras 3 wraps an
// array as {"class_name": "__numpy__" or "__tensor__", "config": {"value": ...}}.
inline Shape constant_shape(const json& given, const Where& at)
{
    const json* value = &given; // not recursive: a hostile file could nest wrappers without end
    if (given.is_object() && given.contains("class_name") &&
        (given["class_name"] == "__numpy__" || given["class_name"] == "__tensor__")) {
        const auto c = given.find("config");
        const std::string kind = given.at("class_name").get<std::string>();
        if (c == given.end() || !c->is_object() || !c->contains("value"))
            fail(at, "a constant " + kind + " without config.value");
        value = &(*c)["value"];
    }
    const json& v = *value;
    Shape shape;
    for (const json* p = &v; p->is_array(); p = &(*p)[0]) {
        if (shape.rank() == Shape::max_rank) fail(at, "a constant of rank above nnshape's maximum rank of 8");
        shape.push_back(std::int64_t(p->size()));
        if (p->empty()) break;
    }
    // Every element at the same depth has the same length, and the leaves are numbers.
    const auto check = [&](const auto& self, const json& e, std::size_t depth) -> void {
        if (depth == shape.rank()) {
            if (!e.is_number() && !e.is_boolean())
                fail(at, "a constant operand must be a number or a list of numbers, got " + std::string(json_type(e)));
            return;
        }
        if (!e.is_array() || std::int64_t(e.size()) != shape[depth].value())
            fail(at, "a constant operand's nested lists must all have the same length at each depth");
        for (const json& x : e) self(self, x, depth + 1);
    };
    check(check, v, 0);
    return shape;
}

// A binary operation's two operands: each a tensor (an input of the call) or a constant.
inline void read_operands(OpCall& call, const json& x, const json& y, const Where& at)
{
    for (const json* operand : {&x, &y}) {
        if (is_tensor_argument(*operand)) {
            call.inputs.push_back(as_ref(*operand, at));
        } else {
            if (call.op.scalar_operand) fail(at, "a binary operation on two constants: no tensor to compute on");
            call.op.scalar_operand = true;
            call.op.constant_shape = constant_shape(*operand, at);
        }
    }
}

// A call argument into one of TFOpLambda's fields: `out` keeps its default when `v` is absent (a bool
// also when None); None is an axis argument's None.
template <class T>
void read_argument(const json* v, std::string_view key, T& out, const Where& at)
{
    if (!v || (std::is_same_v<T, bool> && v->is_null())) return;
    try {
        read_value(*v, out);
    } catch (const value_error& e) {
        fail(at, "call argument \"" + std::string(key) + "\": " + e.what);
    }
}

inline const json* find_key(const json& object, std::string_view key)
{
    if (!object.is_object()) return nullptr;
    const auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
}

inline const json& required_argument(const json& object, std::string_view key, const Where& at)
{
    const json* v = find_key(object, key);
    if (!v || v->is_null()) fail(at, "the operation needs the call argument \"" + std::string(key) + "\"");
    return *v;
}

// One entry of a slicing key: an index, None (a new axis), a slice (tf.keras: {"start", "stop",
// "step"}; Keras 3: {"class_name": "__slice__", "config": {...}}) or Ellipsis ({"class_name": "__ellipsis__"}).
inline ops::Index slicing_entry(const json& v, const Where& at)
{
    if (v.is_null()) return ops::newaxis;
    if (v.is_number_integer()) return as_int(v);
    if (v.is_object() && v.contains("class_name") && v["class_name"] == "__ellipsis__") return ops::ellipsis;
    const json* bounds = &v;
    if (v.is_object() && v.contains("class_name") && v["class_name"] == "__slice__") bounds = find_key(v, "config");
    if (bounds && bounds->is_object() && bounds->contains("start") && bounds->contains("stop")) {
        const auto bound = [&](std::string_view key) -> std::optional<std::int64_t> {
            const json* b = find_key(*bounds, key);
            if (!b || b->is_null()) return std::nullopt;
            if (!b->is_number_integer()) fail(at, "a slice's " + std::string(key) + " must be an int or None");
            return as_int(*b);
        };
        return ops::Slice{bound("start"), bound("stop"), bound("step").value_or(1)};
    }
    fail(at, "a slicing key entry must be an int, a slice, None or Ellipsis, got " + std::string(json_type(v)));
}

// Python's `x[key]`: one entry, or a tuple of them (a list in JSON).
inline ops::Key slicing_key(const json& v, const Where& at)
{
    std::vector<ops::Index> entries;
    if (v.is_array())
        for (const json& e : v) entries.push_back(slicing_entry(e, at));
    else
        entries.push_back(slicing_entry(v, at));
    try {
        return tuple_of<ops::Key>(entries);
    } catch (const value_error& e) {
        fail(at, "the slicing key: " + e.what);
    }
}

// A call that takes one tensor (and maybe constant arguments).
inline void one_tensor(OpCall& call, const json& x, const Where& at)
{
    if (!is_tensor_argument(x)) fail(at, "the operation is called on a constant, not on a tensor");
    call.inputs.push_back(as_ref(x, at));
}

// A list of tensors: tf.concat(values, axis), keras.ops.stack(x, axis).
inline void tensor_list(OpCall& call, const json& xs, const Where& at)
{
    if (!xs.is_array() || is_keras2_kwarg_ref(xs)) return one_tensor(call, xs, at);
    for (const json& x : xs) one_tensor(call, x, at);
}

inline bool is_binary(OpFunction f) { return TFOpLambda{.function = f}.elementwise() || f == OpFunction::matmul; }

// ---- tf.keras: TFOpLambda and SlicingOpLambda ----------------------------------------------------

// TF symbols tf.keras writes for functions nnshape models under another symbol: TensorFlow 2's
// tf.squeeze and tf.transpose (tf.keras usually records the compat.v1 function they call).
inline OpFunction tf_function(const json& config, const Where& at)
{
    const json* f = find_key(config, "function");
    if (f && f->is_string() && (*f == "squeeze" || *f == "transpose"))
        return *f == "squeeze" ? OpFunction::squeeze : OpFunction::transpose;
    OpFunction out{};
    Reader{config, at, 0}("function", out, nnshape::detail::required);
    return out;
}

// tf.keras's node (keras/engine/node.py, Node.serialize): the call's first argument, a tensor
// [name, node, tensor, kwargs] or a constant ["_CONSTANT_VALUE", -1, value, kwargs], or a list of them
// (tf.concat's values); the other arguments, by name, in the kwargs beside each.
inline OpCall read_tf_op_lambda(const json& entry, const json& node, const Where& at)
{
    OpCall call{{}, {.function = tf_function(config_of(entry, at), at)}};
    const bool single = node.is_array() && !node.empty() && node[0].is_string();
    if (!node.is_array() || node.empty()) fail(at, "an operation's inbound node must be a list");
    std::vector<json> first; // the first argument's items, as the call's values: references or constants
    json kwargs = json::object();
    for (const json& item : single ? json::array({node}) : node) {
        if (!item.is_array() || item.size() < 3 || item.size() > 4 || !item[0].is_string())
            fail(at, "an operation's input must be [layer_name, node_index, tensor_index, kwargs]");
        if (item.size() == 4) kwargs = item[3];
        const bool constant = item[0] == "_CONSTANT_VALUE";
        first.push_back(constant ? item[2] : json::array({item[0], item[1], item[2]}));
    }
    const json x = single ? first[0] : json(first);
    const OpFunction f = call.op.function;
    // A tensor is an argument only as a binary operation's second operand (`y`, matmul's `b`).
    const std::string_view operand = f == OpFunction::matmul ? "b" : "y";
    if (kwargs.is_object())
        for (const auto& [key, v] : kwargs.items()) {
            std::vector<KerasHistory> tensors;
            keyword_value_tensors(v, at, tensors, 0);
            if (!tensors.empty() && !(is_binary(f) && key == operand))
                fail(at, "the operation takes a tensor as argument \"" + key + "\", which nnshape does not read");
        }
    if (is_binary(f)) {
        read_operands(call, x, required_argument(kwargs, operand, at), at);
        if (f == OpFunction::matmul)
            for (const char* flag : {"transpose_a", "transpose_b", "adjoint_a", "adjoint_b"})
                if (const json* v = find_key(kwargs, flag); v && v->is_boolean() && v->get<bool>())
                    fail(at, "tf.linalg.matmul's " + std::string(flag) + " is not modelled by nnshape");
    } else if (f == OpFunction::concatenate || f == OpFunction::stack) {
        tensor_list(call, x, at);
        const json* axis = find_key(kwargs, "axis");
        if (f == OpFunction::concatenate) axis = &required_argument(kwargs, "axis", at);
        call.op.axis = std::int64_t(0);
        read_argument(axis, "axis", call.op.axis, at);
    } else {
        one_tensor(call, x, at);
        switch (f) {
        case OpFunction::reshape:
            read_argument(&required_argument(kwargs, "shape", at), "shape", call.op.newshape, at);
            break;
        case OpFunction::expand_dims:
            read_argument(&required_argument(kwargs, "axis", at), "axis", call.op.axis, at);
            break;
        case OpFunction::squeeze: { // tf.compat.v1.squeeze also takes the deprecated squeeze_dims
            const json* axis = find_key(kwargs, "axis");
            const bool deprecated = (!axis || axis->is_null()) && find_key(kwargs, "squeeze_dims");
            read_argument(deprecated ? find_key(kwargs, "squeeze_dims") : axis, "axis", call.op.axis, at);
            break;
        }
        case OpFunction::transpose:
            read_argument(find_key(kwargs, "perm"), "perm", call.op.axis, at);
            break;
        case OpFunction::get_item:
            call.op.key = slicing_key(required_argument(kwargs, "slice_spec", at), at);
            break;
        case OpFunction::mean:
        case OpFunction::sum:
        case OpFunction::max:
            read_argument(find_key(kwargs, "axis"), "axis", call.op.axis, at);
            read_argument(find_key(kwargs, "keepdims"), "keepdims", call.op.keepdims, at);
            break;
        case OpFunction::softmax:
            read_argument(find_key(kwargs, "axis"), "axis", call.op.axis, at);
            break;
        default: // cast, relu, sigmoid, tanh: their other arguments change no shape
            break;
        }
    }
    return call;
}

// ---- TensorFlow 2.2-2.3: TensorFlowOpLayer ---------------------------------------------------------

// A TF op's name in its node_def, as the operation nnshape models.
inline std::optional<OpFunction> tf_op(std::string_view op)
{
    using F = OpFunction;
    constexpr std::pair<std::string_view, F> ops[] = {{"AddV2", F::add},
                                                      {"Add", F::add},
                                                      {"Sub", F::subtract},
                                                      {"Mul", F::multiply},
                                                      {"RealDiv", F::true_divide},
                                                      {"Maximum", F::maximum},
                                                      {"Minimum", F::minimum},
                                                      {"Relu", F::relu},
                                                      {"Sigmoid", F::sigmoid},
                                                      {"Tanh", F::tanh},
                                                      {"Softmax", F::softmax},
                                                      {"Cast", F::cast},
                                                      {"Mean", F::mean},
                                                      {"Sum", F::sum},
                                                      {"Max", F::max},
                                                      {"Reshape", F::reshape},
                                                      {"ExpandDims", F::expand_dims},
                                                      {"ConcatV2", F::concatenate}};
    for (const auto& [name, f] : ops)
        if (name == op) return f;
    return std::nullopt;
}

// The op's inputs in order: the node's tensors, with the constants (config "constants": {"1": 2.0})
// at their indices (keras/engine/base_layer.py, TensorFlowOpLayer._make_op).
inline OpCall read_tensorflow_op_layer(const json& entry, const json& node, const Where& at)
{
    const json& config = config_of(entry, at);
    const json* node_def = find_key(config, "node_def");
    const json* op_name = node_def ? find_key(*node_def, "op") : nullptr;
    if (!op_name || !op_name->is_string()) fail(at, "a TensorFlowOpLayer needs config.node_def.op");
    const std::string op = op_name->get<std::string>();
    const std::optional<OpFunction> f = tf_op(op);
    if (!f) fail(at, "the TensorFlow op \"" + op + "\" is not one of the operations nnshape models");
    const std::vector<KerasHistory> tensors = node_inputs(node, at);
    std::vector<json> inputs;
    const json* constants = find_key(config, "constants");
    const std::size_t count = tensors.size() + (constants && constants->is_object() ? constants->size() : 0);
    for (std::size_t i = 0, next = 0; i < count; ++i) {
        const json* constant = constants ? find_key(*constants, std::to_string(i)) : nullptr;
        if (!constant && next == tensors.size()) fail(at, "config.constants: an index beyond the op's inputs");
        inputs.push_back(constant ? *constant
                                  : json::array({tensors[next].layer, tensors[next].node, tensors[next].tensor}));
        next += constant ? 0 : 1;
    }
    OpCall call{{}, {.function = *f}};
    const auto input = [&](std::size_t i) -> const json& {
        if (i >= inputs.size()) fail(at, "the TensorFlow op \"" + op + "\" has too few inputs");
        return inputs[i];
    };
    const json* attributes = find_key(*node_def, "attr");
    if (is_binary(*f)) {
        read_operands(call, input(0), input(1), at);
    } else if (*f == OpFunction::concatenate) { // ConcatV2(values..., axis)
        for (std::size_t i = 0; i + 1 < inputs.size(); ++i) one_tensor(call, inputs[i], at);
        read_argument(&input(inputs.size() - 1), "axis", call.op.axis, at);
    } else {
        one_tensor(call, input(0), at);
        if (*f == OpFunction::reshape) read_argument(&input(1), "shape", call.op.newshape, at);
        if (*f == OpFunction::expand_dims) read_argument(&input(1), "dim", call.op.axis, at);
        if (*f == OpFunction::mean || *f == OpFunction::sum || *f == OpFunction::max) {
            read_argument(&input(1), "reduction_indices", call.op.axis, at);
            const json* keep = attributes ? find_key(*attributes, "keep_dims") : nullptr; // {"b": true}
            if (keep) read_argument(find_key(*keep, "b"), "keep_dims", call.op.keepdims, at);
        }
    }
    return call;
}

// ---- Keras 3: operations ---------------------------------------------------------------------------

// The operation of a Keras 3 class name (Add is both `x + y` and ops.add in Keras 3: read as ops.add).
inline OpFunction keras3_function(const std::string& class_name, const json& entry, const Where& at)
{
    for (std::size_t i = 0; i < nnshape::detail::op_names.size(); ++i) {
        const auto f = static_cast<OpFunction>(i);
        if (f != OpFunction::add_operator && nnshape::detail::names_of(f).keras3_class == class_name) return f;
    }
    const auto module = entry.find("module");
    fail(at, "the Keras 3 operation " + class_name + " (" + module->get<std::string>() +
                 ") is not one of the operations nnshape models");
}

// keras/src/models/functional.py, serialize_node: {"args": [...], "kwargs": {...}}, the tensors as
// __keras_tensor__ objects; the operation's own arguments (axis, newshape, ...) are in its config.
inline OpCall read_keras3_op(const json& entry, const std::string& class_name, const json& node, const Where& at)
{
    OpCall call{{}, {.function = keras3_function(class_name, entry, at)}};
    const json& config = config_of(entry, at);
    if (!node.is_object()) fail(at, "a Keras 3 operation's inbound node must be an object {\"args\", \"kwargs\"}");
    const json& args = array_key(node, "args", at);
    const auto arg = [&](std::size_t i) -> const json& {
        if (i >= args.size()) fail(at, "the operation's call has too few arguments");
        return args[i];
    };
    std::vector<KerasHistory> keyword_tensors;
    if (const json* kwargs = find_key(node, "kwargs")) collect_tensors(*kwargs, at, keyword_tensors, 0);
    if (!keyword_tensors.empty())
        fail(at, "the operation takes a tensor as a keyword argument, which nnshape does not read");
    const OpFunction f = call.op.function;
    if (is_binary(f)) {
        read_operands(call, arg(0), arg(1), at);
        return call;
    }
    if (f == OpFunction::concatenate || f == OpFunction::stack) {
        tensor_list(call, arg(0), at);
        call.op.axis = std::int64_t(0); // Keras 3's default; None fails the rule, as in Keras
        read_argument(find_key(config, "axis"), "axis", call.op.axis, at);
        return call;
    }
    one_tensor(call, arg(0), at);
    switch (f) {
    case OpFunction::reshape: // Keras 3.0 called it new_shape
        read_argument(&required_argument(config, find_key(config, "new_shape") ? "new_shape" : "newshape", at),
                      "newshape", call.op.newshape, at);
        break;
    case OpFunction::expand_dims:
        read_argument(&required_argument(config, "axis", at), "axis", call.op.axis, at);
        break;
    case OpFunction::transpose:
        read_argument(find_key(config, "axes"), "axes", call.op.axis, at);
        break;
    case OpFunction::get_item:
        call.op.key = slicing_key(arg(1), at);
        break;
    case OpFunction::mean:
    case OpFunction::sum:
    case OpFunction::max:
        read_argument(find_key(config, "keepdims"), "keepdims", call.op.keepdims, at);
        [[fallthrough]];
    case OpFunction::squeeze:
    case OpFunction::softmax:
        read_argument(find_key(config, "axis"), "axis", call.op.axis, at);
        break;
    default: // cast, relu, sigmoid, tanh
        break;
    }
    return call;
}

// One call of an operation layer entry, from its inbound node; the operation keeps the entry's name.
inline OpCall read_op_call(const json& entry, const json& node, const Where& at, OpDialect dialect)
{
    OpCall call = dialect == OpDialect::tf_op_lambda          ? read_tf_op_lambda(entry, node, at)
                  : dialect == OpDialect::tensorflow_op_layer ? read_tensorflow_op_layer(entry, node, at)
                                                              : read_keras3_op(entry, at.class_name, node, at);
    if (call.inputs.empty()) fail(at, "the operation is called on no tensor");
    call.op.name = checked_name(at.name, at);
    return call;
}

} // namespace nnshape::io::detail
