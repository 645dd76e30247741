// Compile-fail cases (see check.cmake): operations on tensors (ops.hpp, layers/ops.hpp).
#include <nnshape/nnshape.hpp>

using namespace nnshape;

namespace {

constexpr Tensor tensor(Graph& g, Shape s) { return Input(g, {.batch_shape = s}); }

} // namespace

// expect: ops: Cannot broadcast shape: a dimension is neither 1 nor equal to the other's
constexpr Shape add_not_broadcast = [] {
    Graph g;
    return (tensor(g, {None, 3}) + tensor(g, {None, 4})).shape();
}();

// expect: ops: a binary operation takes two tensors, or a tensor and a number
constexpr Shape multiply_three = [] {
    Graph g;
    const Tensor x = tensor(g, {2});
    return TFOpLambda{.function = OpFunction::multiply}({x, x, x}).shape();
}();

// expect: ops: this operation takes one tensor
constexpr Shape reshape_two = [] {
    Graph g;
    const Tensor x = tensor(g, {2});
    return TFOpLambda{.function = OpFunction::reshape, .newshape = {2}}({x, x}).shape();
}();

// expect: ops: matmul takes two tensors
constexpr Shape matmul_one = [] {
    Graph g;
    return TFOpLambda{.function = OpFunction::matmul}(tensor(g, {2, 2})).shape();
}();

// expect: ops: matmul: Input operand does not have enough dimensions (a scalar cannot be multiplied)
constexpr Shape matmul_scalar = [] {
    Graph g;
    const Tensor scalar = ops::mean(tensor(g, {2, 2}));
    return ops::matmul(scalar, tensor(g, {2, 2})).shape();
}();

// expect: ops: Inner dimensions (`x1.shape[-1]` and `x2.shape[-2]`) must be equal
constexpr Shape matmul_inner = [] {
    Graph g;
    return ops::matmul(tensor(g, {2, 3}), tensor(g, {4, 5})).shape();
}();

// expect: ops: concatenate and stack take a list of at least one tensor
constexpr Shape concatenate_nothing = TFOpLambda{.function = OpFunction::concatenate, .axis = 0}.output_shape({});

// expect: ops: `axis` cannot be None for `concatenate`.
constexpr Shape concatenate_no_axis = [] {
    Graph g;
    return TFOpLambda{.function = OpFunction::concatenate}(tensor(g, {2})).shape();
}();

// expect: ops: concatenate and stack take one axis
constexpr Shape stack_two_axes = [] {
    Graph g;
    return TFOpLambda{.function = OpFunction::stack, .axis = {0, 1}}(tensor(g, {2})).shape();
}();

// expect: ops: Every value in `xs` must have the same shape except on the `axis` dim.
constexpr Shape concatenate_mismatch = [] {
    Graph g;
    return ops::concatenate({tensor(g, {2, 3}), tensor(g, {3, 4})}).shape();
}();

// expect: ops: Every value in `x` must have the same shape.
constexpr Shape stack_mismatch = [] {
    Graph g;
    return ops::stack({tensor(g, {2, 3}), tensor(g, {2, 4})}).shape();
}();

// expect: ops: axis is out of bounds for an array of this dimension (rank)
constexpr Shape concatenate_axis_out_of_range = [] {
    Graph g;
    return ops::concatenate({tensor(g, {2, 3}), tensor(g, {2, 3})}, 2).shape();
}();

// expect: ops: Each dimension in `newshape` must be a non-negative integer, or `-1` for a single unknown dimension.
constexpr Shape reshape_negative = [] {
    Graph g;
    return ops::reshape(tensor(g, {2, 3}), {-2, 3}).shape();
}();

// expect: ops: There must be at most one unknown dimension (-1) in `newshape`.
constexpr Shape reshape_two_unknowns = [] {
    Graph g;
    return ops::reshape(tensor(g, {2, 3}), {-1, -1}).shape();
}();

// expect: ops: The total size of the tensor must be unchanged.
constexpr Shape reshape_other_size = [] {
    Graph g;
    return ops::reshape(tensor(g, {2, 3}), {4, 2}).shape();
}();

// expect: ops: The total size of the tensor must be unchanged, however, the input size cannot by divided by the
// specified dimensions in newshape.
constexpr Shape reshape_not_divisible = [] {
    Graph g;
    return ops::reshape(tensor(g, {2, 3}), {4, -1}).shape();
}();

// expect: ops: The `axis` argument to `expand_dims` should be an integer, tuple or list.
constexpr Shape expand_dims_no_axis = [] {
    Graph g;
    return TFOpLambda{.function = OpFunction::expand_dims}(tensor(g, {2})).shape();
}();

// expect: ops: duplicate value in `axis`
constexpr Shape expand_dims_twice = [] {
    Graph g;
    return ops::expand_dims(tensor(g, {2}), {1, 1}).shape();
}();

// expect: ops: Cannot squeeze axis, because the dimension is not 1.
constexpr Shape squeeze_not_one = [] {
    Graph g;
    return ops::squeeze(tensor(g, {None, 3}), 0).shape();
}();

// expect: ops: axis must be a list of the same length as the input shape
constexpr Shape transpose_short = [] {
    Graph g;
    return ops::transpose(tensor(g, {2, 3}), {0}).shape();
}();

// expect: ops: Each axis in `axes` must be an integer in [-ndim, ndim).
constexpr Shape transpose_out_of_range = [] {
    Graph g;
    return ops::transpose(tensor(g, {2, 3}), {0, 2}).shape();
}();

// expect: ops: `axes` must be a valid permutation of the input dimensions (no duplicates).
constexpr Shape transpose_repeated = [] {
    Graph g;
    return ops::transpose(tensor(g, {2, 3}), {1, -1}).shape();
}();

// expect: ops: Slice should only have one ellipsis.
constexpr Shape two_ellipses = [] {
    Graph g;
    return ops::get_item(tensor(g, {2, 3}), {ops::ellipsis, ops::ellipsis}).shape();
}();

// expect: ops: the slice has too many indices for the array's rank.
constexpr Shape too_many_indices = [] {
    Graph g;
    return ops::get_item(tensor(g, {2, 3}), {0, 0, 0}).shape();
}();

// expect: ops: an out-of-bounds index was requested.
constexpr Shape index_out_of_bounds = [] {
    Graph g;
    return ops::get_item(tensor(g, {2, 3}), {ops::all, 3}).shape();
}();

// expect: ops: slice step cannot be zero
constexpr Shape zero_step = [] {
    Graph g;
    return ops::get_item(tensor(g, {2, 3}), ops::Slice{.step = 0}).shape();
}();

// expect: ops: a slicing key longer than nnshape's maximum rank of 8
constexpr ops::Key nine_entries{0, 0, 0, 0, 0, 0, 0, 0, 0};
