#pragma once
// Harness cases for TFOpLambda, the operations on tensors (layers/ops.hpp); numbers from Keras and
// NumPy as cited (keras.ops follows NumPy's shapes).
#include "../layer_case.hpp"

namespace nnshape::harness {

constexpr bool ops_cases(auto&& check)
{
    using enum OpFunction;
    // keras.io "Timeseries classification with a Transformer model" (tf.keras summary):
    // tf.__operators__.add (TFOpLambda) of (None, 500, 1) and (None, 500, 1) -> (None, 500, 1), 0 params.
    bool ok = check(TFOpLambda{.function = add_operator}, {Shape{None, 500, 1}, Shape{None, 500, 1}},
                    {Shape{None, 500, 1}}, Params{});
    // NumPy broadcasting (numpy.org, "Broadcasting"): 8x1x6x1 with 7x1x5 -> 8x7x6x5.
    ok &= check(TFOpLambda{.function = multiply}, {Shape{8, 1, 6, 1}, Shape{7, 1, 5}}, {Shape{8, 7, 6, 5}}, Params{});
    // A number operand (`x * 0.5`) is no input: the shape is kept.
    ok &= check(TFOpLambda{.function = true_divide, .scalar_operand = true}, {Shape{None, 3}}, {Shape{None, 3}},
                Params{});
    // NumPy matmul docs: (9, 5, 7, 4) @ (9, 5, 4, 3) -> (9, 5, 7, 3).
    ok &= check(TFOpLambda{.function = matmul}, {Shape{9, 5, 7, 4}, Shape{9, 5, 4, 3}}, {Shape{9, 5, 7, 3}}, Params{});
    // NumPy concatenate docs: (2, 2) and (1, 2) on axis 0 -> (3, 2); stack docs: ten (3, 4) on axis 1 -> (3, 10, 4).
    ok &= check(TFOpLambda{.function = concatenate, .axis = 0}, {Shape{2, 2}, Shape{1, 2}}, {Shape{3, 2}}, Params{});
    ok &= check(TFOpLambda{.function = stack, .axis = 1}, {Shape{3, 4}, Shape{3, 4}}, {Shape{3, 2, 4}}, Params{});
    // NumPy reshape docs: (2, 3) to (3, -1) -> (3, 2); expand_dims docs: (2,) at axis (2, 0) -> (1, 2, 1);
    // squeeze docs: (1, 3, 1) -> (3,); transpose docs: (1, 2, 3) -> (3, 2, 1).
    ok &= check(TFOpLambda{.function = reshape, .newshape = {3, -1}}, {Shape{2, 3}}, {Shape{3, 2}}, Params{});
    ok &= check(TFOpLambda{.function = expand_dims, .axis = {2, 0}}, {Shape{2}}, {Shape{1, 2, 1}}, Params{});
    ok &= check(TFOpLambda{.function = squeeze}, {Shape{1, 3, 1}}, {Shape{3}}, Params{});
    ok &= check(TFOpLambda{.function = transpose}, {Shape{1, 2, 3}}, {Shape{3, 2, 1}}, Params{});
    // NumPy indexing docs: x of shape (2, 3, 1): x[..., 0] -> (2, 3); x[:, np.newaxis, :, :] -> (2, 1, 3, 1).
    ok &= check(TFOpLambda{.function = get_item, .key = {ops::ellipsis, 0}}, {Shape{2, 3, 1}}, {Shape{2, 3}}, Params{});
    ok &= check(TFOpLambda{.function = get_item, .key = {ops::all, ops::newaxis, ops::all, ops::all}}, {Shape{2, 3, 1}},
                {Shape{2, 1, 3, 1}}, Params{});
    // Keras 3's reduce_shape: (None, 4, 5) over axis 1 -> (None, 5), with keepdims (None, 1, 5); no axis -> ().
    ok &= check(TFOpLambda{.function = mean, .axis = 1}, {Shape{None, 4, 5}}, {Shape{None, 5}}, Params{});
    ok &= check(TFOpLambda{.function = sum, .axis = 1, .keepdims = true}, {Shape{None, 4, 5}}, {Shape{None, 1, 5}},
                Params{});
    ok &= check(TFOpLambda{.function = max}, {Shape{None, 4, 5}}, {Shape{}}, Params{});
    ok &= check(TFOpLambda{.function = cast}, {Shape{None, 4, 5}}, {Shape{None, 4, 5}}, Params{});
    // A constant operand of a shape (`x * np.ones((7, 1, 5))`): NumPy's 8x1x6x1 with 7x1x5 -> 8x7x6x5.
    ok &= check(TFOpLambda{.function = multiply, .scalar_operand = true, .constant_shape = {7, 1, 5}},
                {Shape{8, 1, 6, 1}}, {Shape{8, 7, 6, 5}}, Params{});
    // keras.ops.relu, sigmoid, tanh and softmax (keras/src/ops/nn.py, numpy.py): the input's shape.
    ok &= check(TFOpLambda{.function = relu}, {Shape{None, 4, 5}}, {Shape{None, 4, 5}}, Params{});
    ok &= check(TFOpLambda{.function = sigmoid}, {Shape{None, 4, 5}}, {Shape{None, 4, 5}}, Params{});
    ok &= check(TFOpLambda{.function = tanh}, {Shape{None, 4, 5}}, {Shape{None, 4, 5}}, Params{});
    ok &= check(TFOpLambda{.function = softmax, .axis = 1}, {Shape{None, 4, 5}}, {Shape{None, 4, 5}}, Params{});
    return ok;
}

} // namespace nnshape::harness
