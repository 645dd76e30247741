#pragma once
// Operations on tensors in the functional API, as Keras code writes them: `x + y`, `x * 0.5`,
// `ops::reshape(x, {-1, 4})`, `ops::get_item(x, {ops::all, 0})` (Python's `x[:, 0]`), and Keras's
// functional helpers `add({a, b})`, `concatenate({a, b}, {.axis = 1})`, ... Each call adds a layer to
// the tensors' Graph: a TFOpLambda (layers/ops.hpp) for an operation, the merging layer for a helper.
// Operations have no weights; axes count the batch axis, as keras.ops and tf.* functions' do.

#include <concepts>
#include <cstdint>
#include <initializer_list>
#include <type_traits>
#include <utility>

#include "functional.hpp"
#include "layers/merging.hpp"
#include "layers/ops.hpp"

namespace nnshape {

namespace detail {

template <class T>
concept TensorValue = std::same_as<std::remove_cvref_t<T>, Tensor> || std::same_as<std::remove_cvref_t<T>, Tensors>;
// An operand of a binary operation: a tensor or a Python number (a constant of shape ()).
template <class T>
concept Operand = TensorValue<T> || std::is_arithmetic_v<std::remove_cvref_t<T>>;

constexpr Tensor call_op(TFOpLambda op, const Tensors& inputs) { return detail::call_on(std::move(op), inputs); }

// `x op y`: both tensors are the call's inputs; a number operand is an argument, not an input.
template <Operand A, Operand B>
    requires(TensorValue<A> || TensorValue<B>)
constexpr Tensor binary_op(OpFunction f, const A& a, const B& b)
{
    if constexpr (TensorValue<A> && TensorValue<B>)
        return call_op({.function = f}, Tensors{Tensor(a), Tensor(b)});
    else if constexpr (TensorValue<A>)
        return call_op({.function = f, .scalar_operand = true}, Tensor(a));
    else
        return call_op({.function = f, .scalar_operand = true}, Tensor(b));
}

} // namespace detail

// Python's operators on Keras tensors: tf.keras's `tf.__operators__.add`, `tf.math.subtract`,
// `tf.math.multiply`, `tf.math.truediv`; Keras 3's Add, Subtract, Multiply, TrueDivide.
template <detail::Operand A, detail::Operand B>
    requires(detail::TensorValue<A> || detail::TensorValue<B>)
constexpr Tensor operator+(const A& a, const B& b)
{
    return detail::binary_op(OpFunction::add_operator, a, b);
}
template <detail::Operand A, detail::Operand B>
    requires(detail::TensorValue<A> || detail::TensorValue<B>)
constexpr Tensor operator-(const A& a, const B& b)
{
    return detail::binary_op(OpFunction::subtract, a, b);
}
template <detail::Operand A, detail::Operand B>
    requires(detail::TensorValue<A> || detail::TensorValue<B>)
constexpr Tensor operator*(const A& a, const B& b)
{
    return detail::binary_op(OpFunction::multiply, a, b);
}
template <detail::Operand A, detail::Operand B>
    requires(detail::TensorValue<A> || detail::TensorValue<B>)
constexpr Tensor operator/(const A& a, const B& b)
{
    return detail::binary_op(OpFunction::true_divide, a, b);
}

// keras.ops (Keras 3) and their tf.* counterparts (tf.keras), on tensors of a functional Graph.
namespace ops {

using detail::Operand;
using detail::TensorValue;

#define NNSHAPE_BINARY_OP(op_name, function)                    \
    template <Operand A, Operand B>                             \
        requires(TensorValue<A> || TensorValue<B>)              \
    constexpr Tensor op_name(const A& x1, const B& x2)          \
    {                                                           \
        return detail::binary_op(OpFunction::function, x1, x2); \
    }
// keras.ops.add / tf.math.add, ... Keras 3 names `ops.add` as it names `x + y`; tf.keras does not.
NNSHAPE_BINARY_OP(add, add)
NNSHAPE_BINARY_OP(subtract, subtract)
NNSHAPE_BINARY_OP(multiply, multiply)
NNSHAPE_BINARY_OP(divide, divide)
NNSHAPE_BINARY_OP(true_divide, true_divide)
NNSHAPE_BINARY_OP(maximum, maximum)
NNSHAPE_BINARY_OP(minimum, minimum)
#undef NNSHAPE_BINARY_OP

// keras.ops.matmul / tf.linalg.matmul: NumPy's matmul, leading axes broadcast.
constexpr Tensor matmul(const Tensor& x1, const Tensor& x2)
{
    return detail::call_op({.function = OpFunction::matmul}, Tensors{x1, x2});
}

// keras.ops.concatenate(xs, axis=0) / tf.concat(values, axis).
constexpr Tensor concatenate(const Tensors& xs, std::int64_t axis = 0)
{
    return detail::call_op({.function = OpFunction::concatenate, .axis = axis}, xs);
}

// keras.ops.stack(x, axis=0) / tf.stack(values, axis).
constexpr Tensor stack(const Tensors& xs, std::int64_t axis = 0)
{
    return detail::call_op({.function = OpFunction::stack, .axis = axis}, xs);
}

// keras.ops.reshape(x, newshape) / tf.reshape(x, shape): the whole shape, batch axis included
// (`{-1, 4, 4}`); one -1 is inferred.
constexpr Tensor reshape(const Tensor& x, detail::Axes newshape)
{
    return detail::call_op({.function = OpFunction::reshape, .newshape = newshape}, x);
}

// keras.ops.expand_dims(x, axis) / tf.expand_dims(x, axis): an int, or (Keras 3) a tuple.
constexpr Tensor expand_dims(const Tensor& x, detail::Axes axis)
{
    return detail::call_op({.function = OpFunction::expand_dims, .axis = axis}, x);
}

// keras.ops.squeeze(x, axis=None) / tf.squeeze(x, axis).
constexpr Tensor squeeze(const Tensor& x) { return detail::call_op({.function = OpFunction::squeeze}, x); }
constexpr Tensor squeeze(const Tensor& x, detail::Axes axis)
{
    return detail::call_op({.function = OpFunction::squeeze, .axis = axis}, x);
}

// keras.ops.transpose(x, axes=None) / tf.transpose(x, perm): no axes reverses them.
constexpr Tensor transpose(const Tensor& x) { return detail::call_op({.function = OpFunction::transpose}, x); }
constexpr Tensor transpose(const Tensor& x, detail::Axes axes)
{
    return detail::call_op({.function = OpFunction::transpose, .axis = axes}, x);
}

// Python's `x[key]` (keras.ops.get_item; tf.keras's tf.__operators__.getitem).
constexpr Tensor get_item(const Tensor& x, const Key& key)
{
    return detail::call_op({.function = OpFunction::get_item, .key = key}, x);
}

// The reductions' arguments: `ops::mean(x, {.axis = 1, .keepdims = true})`; no axis reduces all axes.
struct ReduceArgs {
    OptionalArg<detail::Axes, std::int64_t> axis{};
    bool keepdims = false;
};
// keras.ops.mean / sum / max; tf.math.reduce_mean / reduce_sum / reduce_max.
constexpr Tensor mean(const Tensor& x, ReduceArgs args = {})
{
    return detail::call_op({.function = OpFunction::mean, .axis = args.axis, .keepdims = args.keepdims}, x);
}
constexpr Tensor sum(const Tensor& x, ReduceArgs args = {})
{
    return detail::call_op({.function = OpFunction::sum, .axis = args.axis, .keepdims = args.keepdims}, x);
}
constexpr Tensor max(const Tensor& x, ReduceArgs args = {})
{
    return detail::call_op({.function = OpFunction::max, .axis = args.axis, .keepdims = args.keepdims}, x);
}

// keras.ops.cast(x, dtype) / tf.cast: the shape is kept; nnshape does not track dtypes.
template <detail::AcceptedValue DType>
constexpr Tensor cast(const Tensor& x, DType&&)
{
    return detail::call_op({.function = OpFunction::cast}, x);
}

// keras.ops.relu, sigmoid, tanh / tf.nn.relu, tf.math.sigmoid, tf.math.tanh: the shape is kept.
constexpr Tensor relu(const Tensor& x) { return detail::call_op({.function = OpFunction::relu}, x); }
constexpr Tensor sigmoid(const Tensor& x) { return detail::call_op({.function = OpFunction::sigmoid}, x); }
constexpr Tensor tanh(const Tensor& x) { return detail::call_op({.function = OpFunction::tanh}, x); }

// keras.ops.softmax(x, axis=-1) / tf.nn.softmax(logits, axis): Softmax's rule, the axis in range.
constexpr Tensor softmax(const Tensor& x, detail::Axes axis = -1)
{
    return detail::call_op({.function = OpFunction::softmax, .axis = axis}, x);
}

} // namespace ops

// Keras's functional helpers keras.layers.add(inputs, **kwargs), ...: the merging layer called on
// `inputs`, with its arguments: `concatenate({a, b}, {.axis = 1})`, `dot({a, b}, {.axes = 1})`.
constexpr Tensor add(const Tensors& inputs, Add layer = {}) { return std::move(layer)(inputs); }
constexpr Tensor subtract(const Tensors& inputs, Subtract layer = {}) { return std::move(layer)(inputs); }
constexpr Tensor multiply(const Tensors& inputs, Multiply layer = {}) { return std::move(layer)(inputs); }
constexpr Tensor average(const Tensors& inputs, Average layer = {}) { return std::move(layer)(inputs); }
constexpr Tensor maximum(const Tensors& inputs, Maximum layer = {}) { return std::move(layer)(inputs); }
constexpr Tensor minimum(const Tensors& inputs, Minimum layer = {}) { return std::move(layer)(inputs); }
constexpr Tensor concatenate(const Tensors& inputs, Concatenate layer = {}) { return std::move(layer)(inputs); }
constexpr Tensor dot(const Tensors& inputs, Dot layer) { return std::move(layer)(inputs); }

} // namespace nnshape
