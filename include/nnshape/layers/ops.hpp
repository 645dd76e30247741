#pragma once
// Operations called on tensors in the functional API (`x + y`, `ops::reshape(x, {-1, 4})`,
// `ops::get_item(x, {ops::all, 0})`, ...: nnshape/ops.hpp) are layers of one built-in class, TFOpLambda,
// which holds the operation and its call's arguments. tf.keras 2.4+ records each such call as a
// TFOpLambda layer (SlicingOpLambda for `x[...]`); Keras 3 as an operation that its summary lists
// (naming.hpp's OpNames and LayerName render both). Operations have no weights. Their shapes follow Keras 3's
// compute_output_spec (keras/src/ops/numpy.py, operation_utils.py): operands broadcast as NumPy's,
// and axes count the batch axis, as tf.* functions' do.

#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string_view>

#include "../detail/layer_facts.hpp"
#include "../detail/type_list.hpp"
#include "../layer_args.hpp"
#include "../naming.hpp"
#include "activations.hpp"
#include "merging.hpp"
#include "reshaping.hpp"

namespace nnshape {

namespace ops {

// A slicing key, Python's `x[key]`: `ops::get_item(x, {ops::all, 0})` is `x[:, 0]`;
// `Slice{.start = 1, .step = 2}` is `1::2`, `ellipsis` is `...`, `newaxis` is `None`.
struct Slice {
    std::optional<std::int64_t> start{};
    std::optional<std::int64_t> stop{};
    std::int64_t step = 1;
};
inline constexpr Slice all{};
struct Ellipsis {};
inline constexpr Ellipsis ellipsis{};
struct NewAxis {};
inline constexpr NewAxis newaxis{};

// One entry of a key: an index, a slice, `...` or `None`.
class Index {
public:
    enum class Kind : std::uint8_t { index, slice, ellipsis, newaxis };

    constexpr Index() = default; // index 0: a Key's unused slot
    constexpr Index(std::int64_t index) : start_(index) {}
    constexpr Index(Slice s)
        : kind_(Kind::slice),
          has_start_(s.start.has_value()),
          has_stop_(s.stop.has_value()),
          start_(s.start.value_or(0)),
          stop_(s.stop.value_or(0)),
          step_(s.step)
    {
    }
    constexpr Index(Ellipsis) : kind_(Kind::ellipsis) {}
    constexpr Index(NewAxis) : kind_(Kind::newaxis) {}

    constexpr Kind kind() const { return kind_; }
    constexpr std::int64_t index() const { return start_; }
    // The slice this entry is, when kind() is `slice`.
    constexpr Slice slice() const
    {
        return {has_start_ ? std::optional(start_) : std::nullopt, has_stop_ ? std::optional(stop_) : std::nullopt,
                step_};
    }
    // The length of this slice of an axis of known `length`: Python's len(range(*slice.indices(length))).
    constexpr std::int64_t slice_length(std::int64_t length) const
    {
        detail::require(step_ != 0, "ops: slice step cannot be zero");
        const bool down = step_ < 0;
        const std::int64_t lower = down ? -1 : 0, upper = down ? length - 1 : length;
        const auto bound = [&](bool given, std::int64_t v, std::int64_t fallback) {
            if (!given) return fallback;
            if (v < 0) v = detail::checked_add(v, length);
            return v < lower ? lower : v > upper ? upper : v;
        };
        const std::int64_t start = bound(has_start_, start_, down ? upper : lower);
        const std::int64_t stop = bound(has_stop_, stop_, down ? lower : upper);
        if (down) return start > stop ? (start - stop - 1) / detail::checked_sub(0, step_) + 1 : 0;
        return stop > start ? (stop - start - 1) / step_ + 1 : 0;
    }

private:
    Kind kind_ = Kind::index;
    bool has_start_ = false;
    bool has_stop_ = false;
    std::int64_t start_ = 0;
    std::int64_t stop_ = 0;
    std::int64_t step_ = 1;
};

class Key {
public:
    constexpr Key(std::initializer_list<Index> entries) : entries_(from_list(entries)), size_(entries.size()) {}
    constexpr Key(std::int64_t index) : Key({Index(index)}) {}
    constexpr Key(Slice s) : Key({Index(s)}) {}
    constexpr Key(Ellipsis e) : Key({Index(e)}) {}
    constexpr Key(NewAxis n) : Key({Index(n)}) {}

    constexpr std::span<const Index> entries() const { return {entries_.data(), size_}; }

private:
    static constexpr std::array<Index, Shape::max_rank> from_list(std::initializer_list<Index> v)
    {
        detail::require(v.size() <= Shape::max_rank, "ops: a slicing key longer than nnshape's maximum rank of 8");
        std::array<Index, Shape::max_rank> a{};
        for (std::size_t i = 0; i < v.size(); ++i) a[i] = v.begin()[i];
        return a;
    }

    std::array<Index, Shape::max_rank> entries_;
    std::size_t size_;
};

} // namespace ops

// The operation a TFOpLambda stands for. `add_operator` is `x + y` (tf.keras names it apart from
// tf.math.add); `true_divide` is `x / y`, `divide` is ops.divide / tf.math.divide.
enum class OpFunction : std::uint8_t {
    add_operator,
    add,
    subtract,
    multiply,
    true_divide,
    divide,
    maximum,
    minimum,
    matmul,
    concatenate,
    stack,
    reshape,
    expand_dims,
    squeeze,
    transpose,
    get_item,
    mean,
    sum,
    max,
    cast,
    relu,
    sigmoid,
    tanh,
    softmax,
};

namespace detail {

// Each operation's names, in OpFunction's order; tf.keras's config calls the TF symbol (the name without
// "tf.") its "function".
inline constexpr std::array<OpNames, 24> op_names{{
    {"tf.__operators__.add", "TFOpLambda", "Add", "add"},
    {"tf.math.add", "TFOpLambda", "Add", "add"},
    {"tf.math.subtract", "TFOpLambda", "Subtract", "subtract"},
    {"tf.math.multiply", "TFOpLambda", "Multiply", "multiply"},
    {"tf.math.truediv", "TFOpLambda", "TrueDivide", "true_divide"},
    {"tf.math.divide", "TFOpLambda", "Divide", "divide"},
    {"tf.math.maximum", "TFOpLambda", "Maximum", "maximum"},
    {"tf.math.minimum", "TFOpLambda", "Minimum", "minimum"},
    {"tf.linalg.matmul", "TFOpLambda", "Matmul", "matmul"},
    {"tf.concat", "TFOpLambda", "Concatenate", "concatenate"},
    {"tf.stack", "TFOpLambda", "Stack", "stack"},
    {"tf.reshape", "TFOpLambda", "Reshape", "reshape"},
    {"tf.expand_dims", "TFOpLambda", "ExpandDims", "expand_dims"},
    {"tf.compat.v1.squeeze", "TFOpLambda", "Squeeze", "squeeze"},
    {"tf.compat.v1.transpose", "TFOpLambda", "Transpose", "transpose"},
    {"tf.__operators__.getitem", "SlicingOpLambda", "GetItem", "get_item"},
    {"tf.math.reduce_mean", "TFOpLambda", "Mean", "mean"},
    {"tf.math.reduce_sum", "TFOpLambda", "Sum", "sum"},
    {"tf.math.reduce_max", "TFOpLambda", "Max", "max"},
    {"tf.cast", "TFOpLambda", "Cast", "cast"},
    {"tf.nn.relu", "TFOpLambda", "Relu", "relu"},
    {"tf.math.sigmoid", "TFOpLambda", "Sigmoid", "sigmoid"},
    {"tf.math.tanh", "TFOpLambda", "Tanh", "tanh"},
    {"tf.nn.softmax", "TFOpLambda", "Softmax", "softmax"},
}};

constexpr const OpNames& names_of(OpFunction f) { return op_names[static_cast<std::size_t>(f)]; }
constexpr std::string_view tf_symbol_of(OpFunction f) { return names_of(f).tf_name.substr(3); }

// Keras's canonicalize_axis: an axis in [-rank, rank) as an index.
constexpr std::size_t op_axis(std::int64_t axis, std::size_t rank)
{
    const auto r = static_cast<std::int64_t>(rank);
    require(axis >= -r && axis < r, "ops: axis is out of bounds for an array of this dimension (rank)");
    return static_cast<std::size_t>(axis < 0 ? axis + r : axis);
}

// Keras 3's broadcast_shapes (operation_utils.py): aligned from the right; 1 stretches; an unknown dim
// takes the other's size unless that is 1.
constexpr Shape broadcast_shapes(const Shape& a, const Shape& b)
{
    const std::size_t rank = a.rank() > b.rank() ? a.rank() : b.rank();
    const auto at = [&](const Shape& s, std::size_t i) {
        return i + s.rank() < rank ? Dim(1) : s[i + s.rank() - rank];
    };
    Shape out;
    for (std::size_t i = 0; i < rank; ++i) {
        const Dim x = at(a, i), y = at(b, i);
        if (x == Dim(1)) {
            out.push_back(y);
        } else if (!x.known()) {
            out.push_back(y == Dim(1) ? None : y);
        } else {
            require(y == Dim(1) || !y.known() || y == x,
                    "ops: Cannot broadcast shape: a dimension is neither 1 nor equal to the other's");
            out.push_back(x);
        }
    }
    return out;
}

// An axis list (`axis=(1, 2)`) as distinct indices into a shape of rank `rank`.
constexpr std::array<bool, Shape::max_rank> axis_set(const Axes& axes, std::size_t rank)
{
    std::array<bool, Shape::max_rank> chosen{};
    for (std::size_t i = 0; i < axes.size(); ++i) {
        const std::size_t a = op_axis(axes[i], rank);
        require(!chosen[a], "ops: duplicate value in `axis`");
        chosen[a] = true;
    }
    return chosen;
}

// The built-in layers whose Keras 3 automatic names operations share: keras/src/utils/naming.py
// numbers by name, so `ops.add` and `Add` count "add", "add_1", ... together.
using layers_named_like_ops = type_list<Add, Subtract, Multiply, Maximum, Minimum, Concatenate, Reshape, Softmax>;

// The class (its LayerT::class_index) of the layer whose Keras 3 name operation `f` shares, if any: an
// index, not a layer value, which would compile that class's rules where only its name counts.
template <class LayerT>
constexpr std::optional<std::size_t> class_named_like(OpFunction f)
{
    std::optional<std::size_t> out;
    [&]<class... L>(type_list<L...>) {
        static_cast<void>(
            ((L::class_name == names_of(f).keras3_class ? (out = LayerT::template class_index_of<L>, true) : false) ||
             ...));
    }(layers_named_like_ops{});
    return out;
}

// The Keras 3 name a built-in layer shares with operations, if any.
template <class LayerT>
constexpr std::string_view op_name_shared_by(const LayerT& layer)
{
    std::string_view class_name;
    [&]<class... L>(type_list<L...>) {
        static_cast<void>(((layer.template is<L>() ? (class_name = L::class_name, true) : false) || ...));
    }(layers_named_like_ops{});
    if (class_name.empty()) return {};
    for (const OpNames& f : op_names)
        if (f.keras3_class == class_name) return f.keras3_name;
    return {};
}

} // namespace detail

// A call of an operation on tensors (nnshape/ops.hpp makes them). Keras keeps the call's arguments in
// the model's node, not in the layer config: its config holds the TF symbol (`function`) only.
struct TFOpLambda {
    OpFunction function = OpFunction::add_operator;
    // The call's arguments. `axis`: None (`{}`), an int or a tuple; transpose's `axes`.
    OptionalArg<detail::Axes, std::int64_t> axis{};
    bool keepdims = false; // mean, sum, max
    detail::Axes newshape = {}; // reshape: the whole shape, batch axis included
    ops::Key key = {}; // get_item
    bool scalar_operand = false; // a binary operation's other operand is a constant (a number), not a tensor
    Shape constant_shape = {}; // that constant's shape: () for a number, (3,) for a list of 3 numbers
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "TFOpLambda";
    static constexpr std::array<std::string_view, 1> keras_aliases{"SlicingOpLambda"};
    static constexpr void keras_config(auto& l, auto& key) { key("function", l.function, detail::required); }
    static constexpr detail::Analyses analyses{.cost = detail::by_rule, .field = detail::by_rule};

    // add ... minimum: the operations on two broadcast operands.
    constexpr bool elementwise() const { return function <= OpFunction::minimum; }

    constexpr Shape output_shape(std::span<const Shape> in) const
    {
        if (elementwise()) return binary(in);
        if (function == OpFunction::matmul) return matmul(in);
        if (function == OpFunction::concatenate || function == OpFunction::stack) return joined(in);
        detail::require(in.size() == 1, "ops: this operation takes one tensor");
        const Shape& x = in[0];
        switch (function) {
        case OpFunction::reshape:
            return reshaped(x);
        case OpFunction::expand_dims:
            return expanded(x);
        case OpFunction::squeeze:
            return squeezed(x);
        case OpFunction::transpose:
            return transposed(x);
        case OpFunction::get_item:
            return sliced(x);
        case OpFunction::mean:
        case OpFunction::sum:
        case OpFunction::max:
            return reduced(x);
        case OpFunction::softmax: // no axis: TensorFlow's and Keras 3's default, the last axis
            return Softmax{.axis = axis ? *axis : detail::Axes(-1)}.output_shape(x);
        default:
            return x; // cast, relu, sigmoid, tanh
        }
    }

private:
    constexpr Shape binary(std::span<const Shape> in) const
    {
        detail::require(in.size() == (scalar_operand ? 1u : 2u),
                        "ops: a binary operation takes two tensors, or a tensor and a number");
        return detail::broadcast_shapes(in[0], scalar_operand ? constant_shape : in[1]);
    }

    // Keras 3's compute_matmul_output_shape: a 1-D operand is a row (left) or a column (right).
    static constexpr Shape matmul(std::span<const Shape> in)
    {
        detail::require(in.size() == 2, "ops: matmul takes two tensors");
        detail::require(in[0].rank() >= 1 && in[1].rank() >= 1, "ops: matmul: Input operand does not have enough "
                                                                "dimensions (a scalar cannot be multiplied)");
        const bool row = in[0].rank() == 1, column = in[1].rank() == 1;
        const Shape x = row ? Shape{1, in[0][0]} : in[0];
        const Shape y = column ? Shape{in[1][0], 1} : in[1];
        const Dim inner_x = x.back(), inner_y = y[y.rank() - 2];
        detail::require(!inner_x.known() || !inner_y.known() || inner_x == inner_y,
                        "ops: Inner dimensions (`x1.shape[-1]` and `x2.shape[-2]`) must be equal");
        Shape out = detail::broadcast_shapes(Shape(std::span(x.begin(), x.end() - 2)),
                                             Shape(std::span(y.begin(), y.end() - 2)));
        if (!row) out.push_back(x[x.rank() - 2]);
        if (!column) out.push_back(y.back());
        return out;
    }

    // concatenate and stack: equal shapes (None matches any size), but along the concatenation axis.
    constexpr Shape joined(std::span<const Shape> in) const
    {
        const bool stack = function == OpFunction::stack;
        detail::require(!in.empty(), "ops: concatenate and stack take a list of at least one tensor");
        detail::require(axis.has_value(), "ops: `axis` cannot be None for `concatenate`.");
        detail::require(axis->size() == 1, "ops: concatenate and stack take one axis");
        const Shape& first = in[0];
        const std::size_t at = detail::op_axis((*axis)[0], first.rank() + (stack ? 1 : 0));
        Dim total = 0;
        for (const Shape& s : in) {
            bool same = s.rank() == first.rank();
            for (std::size_t i = 0; same && i < s.rank(); ++i)
                same = (!stack && i == at) || !s[i].known() || !first[i].known() || s[i] == first[i];
            detail::require(same, stack ? "ops: Every value in `x` must have the same shape."
                                        : "ops: Every value in `xs` must have the same shape except on the `axis` "
                                          "dim.");
            if (!stack) total = total + s[at];
        }
        if (!stack) {
            Shape out = first;
            out[at] = total;
            return out;
        }
        Shape out;
        for (std::size_t i = 0; i <= first.rank(); ++i)
            out.push_back(i == at ? Dim(std::int64_t(in.size())) : first[i < at ? i : i - 1]);
        return out;
    }

    // Keras 3's compute_reshape_output_shape; -1 is inferred when the input size is known.
    constexpr Shape reshaped(const Shape& x) const
    {
        std::size_t unknowns = 0, unknown_at = 0;
        Shape out;
        for (std::size_t i = 0; i < newshape.size(); ++i) {
            const std::int64_t d = newshape[i];
            detail::require(d >= -1, "ops: Each dimension in `newshape` must be a non-negative integer, or `-1` "
                                     "for a single unknown dimension.");
            if (d == -1) unknowns++, unknown_at = i;
            out.push_back(d == -1 ? None : Dim(d));
        }
        detail::require(unknowns <= 1, "ops: There must be at most one unknown dimension (-1) in `newshape`.");
        const Dim size = product({x.begin(), x.end()});
        if (!size.known()) return out;
        if (unknowns == 0) {
            detail::require(product({out.begin(), out.end()}) == size,
                            "ops: The total size of the tensor must be unchanged.");
            return out;
        }
        std::int64_t known = 1;
        for (std::size_t i = 0; i < out.rank(); ++i)
            if (i != unknown_at) known = detail::checked_mul(known, out[i].value());
        detail::require(known != 0 && size.value() % known == 0,
                        "ops: The total size of the tensor must be unchanged, however, the input size cannot by "
                        "divided by the specified dimensions in newshape.");
        out[unknown_at] = size.value() / known;
        return out;
    }

    constexpr Shape expanded(const Shape& x) const
    {
        detail::require(axis.has_value(), "ops: The `axis` argument to `expand_dims` should be an integer, tuple or "
                                          "list.");
        detail::require(x.rank() + axis->size() <= Shape::max_rank, "Shape: rank exceeds nnshape's maximum rank of 8");
        const std::array<bool, Shape::max_rank> inserted = detail::axis_set(*axis, x.rank() + axis->size());
        Shape out;
        for (std::size_t i = 0, next = 0; i < x.rank() + axis->size(); ++i) out.push_back(inserted[i] ? 1 : x[next++]);
        return out;
    }

    constexpr Shape squeezed(const Shape& x) const
    {
        std::array<bool, Shape::max_rank> dropped{};
        for (std::size_t i = 0; i < x.rank(); ++i) dropped[i] = !axis && x[i] == Dim(1);
        if (axis) {
            dropped = detail::axis_set(*axis, x.rank());
            for (std::size_t i = 0; i < x.rank(); ++i)
                detail::require(!dropped[i] || x[i] == Dim(1), "ops: Cannot squeeze axis, because the dimension is "
                                                               "not 1.");
        }
        Shape out;
        for (std::size_t i = 0; i < x.rank(); ++i)
            if (!dropped[i]) out.push_back(x[i]);
        return out;
    }

    constexpr Shape transposed(const Shape& x) const
    {
        Shape out;
        if (!axis) {
            for (std::size_t i = x.rank(); i-- > 0;) out.push_back(x[i]);
            return out;
        }
        detail::require(axis->size() == x.rank(), "ops: axis must be a list of the same length as the input shape");
        std::array<bool, Shape::max_rank> seen{};
        for (std::size_t i = 0; i < axis->size(); ++i) {
            const std::int64_t a = (*axis)[i], rank = std::int64_t(x.rank());
            detail::require(a >= -rank && a < rank, "ops: Each axis in `axes` must be an integer in [-ndim, ndim).");
            const std::size_t from = detail::op_axis(a, x.rank());
            detail::require(!seen[from], "ops: `axes` must be a valid permutation of the input dimensions (no "
                                         "duplicates).");
            seen[from] = true;
            out.push_back(x[from]);
        }
        return out;
    }

    // Keras 3's reduce_shape; no axis reduces them all.
    constexpr Shape reduced(const Shape& x) const
    {
        const std::array<bool, Shape::max_rank> chosen =
            axis ? detail::axis_set(*axis, x.rank()) : std::array<bool, Shape::max_rank>{};
        Shape out;
        for (std::size_t i = 0; i < x.rank(); ++i) {
            const bool reduce = !axis || chosen[i];
            if (!reduce)
                out.push_back(x[i]);
            else if (keepdims)
                out.push_back(1);
        }
        return out;
    }

    // Keras 3's GetItem.compute_output_spec: the key's entries consume axes from the left; `...` (or
    // the end of the key) keeps the axes that no later entry consumes.
    constexpr Shape sliced(const Shape& x) const
    {
        using Kind = ops::Index::Kind;
        const std::span<const ops::Index> entries = key.entries();
        std::size_t ellipses = 0, consuming = 0;
        for (const ops::Index& e : entries) {
            ellipses += e.kind() == Kind::ellipsis;
            consuming += e.kind() == Kind::index || e.kind() == Kind::slice;
        }
        detail::require(ellipses <= 1, "ops: Slice should only have one ellipsis.");
        detail::require(consuming <= x.rank(), "ops: the slice has too many indices for the array's rank.");
        Shape out;
        std::size_t next = 0, used = 0; // the next input axis; the entries that consumed one so far
        const auto keep_all_but = [&](std::size_t left) {
            while (next < x.rank() - left) out.push_back(x[next++]);
        };
        for (const ops::Index& e : entries) {
            switch (e.kind()) {
            case Kind::ellipsis:
                keep_all_but(consuming - used);
                break;
            case Kind::newaxis:
                out.push_back(1);
                break;
            case Kind::index: {
                const Dim length = x[next++];
                ++used;
                const std::int64_t i = length.known() && e.index() < 0 ? e.index() + length.value() : e.index();
                detail::require(!length.known() || (i >= 0 && i < length.value()),
                                "ops: an out-of-bounds index was requested.");
                break;
            }
            case Kind::slice: {
                const Dim length = x[next++];
                ++used;
                out.push_back(length.known() ? Dim(e.slice_length(length.value())) : None);
                break;
            }
            }
        }
        if (ellipses == 0) keep_all_but(0);
        return out;
    }
};

namespace detail {

// An operation's automatic number (naming.hpp's LayerNumber). `next(name)` counts one more object of
// that name in the Graph; `layers_before` are the layers Keras 3 numbered with its name before it (an
// `Add` before an `add`): tf.keras numbers per TF function, Keras 3 per name over operations and layers.
template <class Next>
constexpr LayerNumber op_layer_number(OpFunction f, std::int64_t layers_before, Next&& next)
{
    const OpNames& names = names_of(f);
    const std::int64_t keras3_ordinal = layers_before + next(names.keras3_name);
    return {layer_number(keras3_ordinal), 0, layer_number(next(names.tf_name)), &names};
}

using op_layers = type_list<TFOpLambda>;

} // namespace detail

} // namespace nnshape
