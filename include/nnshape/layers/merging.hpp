#pragma once
// Merge layers: the elementwise merges (Add, Subtract, Multiply, Average, Maximum, Minimum),
// Concatenate and Dot. They follow Keras 3's `Merge` base class and `Dot`.

#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string_view>

#include "../detail/layer_facts.hpp"
#include "../detail/type_list.hpp"
#include "../layer_args.hpp"

namespace nnshape {

namespace detail {

// The single known batch size of merged inputs (or None); they must agree.
constexpr Dim merged_batch(std::span<const Shape> inputs)
{
    Dim batch = None;
    for (const Shape& s : inputs) {
        require(s.rank() >= 1, "Merge: inputs must have a batch axis");
        require(!batch.known() || !s[0].known() || batch == s[0],
                "Merge: Cannot merge tensors with different batch sizes.");
        if (s[0].known()) batch = s[0];
    }
    return batch;
}

// NumPy broadcasting of the non-batch axes, aligned from the right; None wins over any size.
constexpr Shape broadcast(const Shape& a, const Shape& b)
{
    const Shape& longer = a.rank() >= b.rank() ? a : b;
    const Shape& shorter = a.rank() >= b.rank() ? b : a;
    Shape out = longer;
    const std::size_t offset = longer.rank() - shorter.rank();
    for (std::size_t i = 1; i < shorter.rank(); ++i) {
        const Dim x = longer[offset + i], y = shorter[i];
        const bool ok = !x.known() || !y.known() || x == y || x == Dim(1) || y == Dim(1);
        require(ok, "Merge: Inputs have incompatible shapes (operands could not be broadcast together)");
        out[offset + i] = !x.known() || !y.known() ? None : x == Dim(1) ? y : x;
    }
    return out;
}

// Dot's `axes`: one int for both inputs, or a pair. Default-constructed it is Keras's `None`.
class DotAxes {
public:
    constexpr DotAxes() = default;
    constexpr DotAxes(std::int64_t axis) : axes_{axis, axis}, form_(Form::single) {}
    constexpr DotAxes(std::initializer_list<std::int64_t> pair) : axes_(pair_of(pair)), form_(Form::pair) {}

    constexpr bool given() const { return form_ != Form::none; }
    constexpr bool is_pair() const { return form_ == Form::pair; }
    constexpr std::int64_t operator[](std::size_t i) const { return axes_[i]; }

    // The axis of input `i` as an index into `s`: a negative int is taken modulo the rank, a pair is
    // indexed like a Python list (Keras 3's Dot.compute_output_shape).
    constexpr std::size_t index(std::size_t i, const Shape& s) const
    {
        const std::int64_t a = axes_[i], rank = static_cast<std::int64_t>(s.rank());
        if (form_ == Form::single && a < 0) return static_cast<std::size_t>((a % rank + rank) % rank);
        return s.axis(a);
    }

private:
    enum class Form : std::uint8_t { none, single, pair };

    static constexpr std::array<std::int64_t, 2> pair_of(std::initializer_list<std::int64_t> v)
    {
        require(v.size() == 2, "Dot: Invalid format for argument `axes`: it should contain two elements.");
        return {v.begin()[0], v.begin()[1]};
    }

    std::array<std::int64_t, 2> axes_{};
    Form form_ = Form::none;
};

} // namespace detail

enum class MergeKind : std::uint8_t { add, subtract, multiply, average, maximum, minimum };

// The elementwise merges share Keras 3's `Merge` rule: the non-batch shapes broadcast pairwise, left to
// right, and the single known batch size is kept. Keras 3 takes one input or more (Keras 2.1 needed
// two); Subtract takes exactly two.
template <MergeKind Kind>
struct Merge {
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = std::array<std::string_view, 6>{
        "Add", "Subtract", "Multiply", "Average", "Maximum", "Minimum"}[static_cast<std::size_t>(Kind)];
    static constexpr void keras_config(auto&, auto&) {}
    static constexpr detail::Analyses analyses{.cost = detail::by_rule, .field = detail::by_rule};

    constexpr Shape output_shape(std::span<const Shape> inputs) const
    {
        detail::require(!inputs.empty(), "Merge: A merge layer should be called on a list of at least 1 input.");
        if constexpr (Kind == MergeKind::subtract)
            detail::require(inputs.size() == 2, "Subtract: A `Subtract` layer should be called on exactly 2 inputs.");
        Shape out = inputs[0];
        for (const Shape& s : inputs.subspan(1)) out = detail::broadcast(out, s);
        out[0] = detail::merged_batch(inputs);
        return out;
    }
};

using Add = Merge<MergeKind::add>;
using Subtract = Merge<MergeKind::subtract>;
using Multiply = Merge<MergeKind::multiply>;
using Average = Merge<MergeKind::average>;
using Maximum = Merge<MergeKind::maximum>;
using Minimum = Merge<MergeKind::minimum>;

// As in tf.keras and Keras 3: unknown dims are wildcards when matching the other axes, the output is
// the first shape with the axis summed, and any axis may be concatenated, the batch axis included.
struct Concatenate {
    std::int64_t axis = -1;
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "Concatenate";
    static constexpr void keras_config(auto& l, auto& key) { key("axis", l.axis); }
    static constexpr detail::Analyses analyses{.cost = detail::no_arithmetic, .field = detail::by_rule};

    constexpr Shape output_shape(std::span<const Shape> inputs) const
    {
        detail::require(!inputs.empty(), "Concatenate: A `Concatenate` layer should be called on a list of at "
                                         "least 1 input.");
        const std::size_t rank = inputs[0].rank();
        const std::size_t at = inputs[0].axis(axis);
        Shape out = inputs[0];
        Shape known = inputs[0]; // each axis's size once any input knows it: all inputs must agree
        for (const Shape& s : inputs.subspan(1)) {
            detail::require(s.rank() == rank, "Concatenate: A `Concatenate` layer requires inputs with matching "
                                              "shapes except for the concatenation axis.");
            for (std::size_t i = 0; i < rank; ++i) {
                const bool match = i == at || !s[i].known() || !known[i].known() || s[i] == known[i];
                detail::require(match, "Concatenate: A `Concatenate` layer requires inputs with matching shapes "
                                       "except for the concatenation axis.");
                if (!known[i].known()) known[i] = s[i];
            }
            out[at] = out[at] + s[at];
        }
        return out;
    }
};

// The dot product of two batches of tensors along one axis of each (Keras's batch_dot): the first
// shape without its axis, then the second without its axis and its batch axis; (b,) becomes (b, 1).
struct Dot {
    detail::DotAxes axes{};
    bool normalize = false; // L2-normalizes before the product; no effect on shapes
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "Dot";
    static constexpr void keras_config(auto& l, auto& key)
    {
        key("axes", l.axes, detail::required);
        key("normalize", l.normalize);
    }
    static constexpr detail::Analyses analyses{.cost = detail::by_rule, .field = detail::no_field};

    constexpr Shape output_shape(std::span<const Shape> inputs) const
    {
        detail::require(axes.given(), "Dot: Invalid type for argument `axes`: it should be a list or an int.");
        detail::require(inputs.size() == 2, "Dot: A `Dot` layer should be called on a list of 2 inputs.");
        const Shape& x = inputs[0];
        const Shape& y = inputs[1];
        detail::require(x.rank() >= 2 && y.rank() >= 2, "Dot: Cannot do batch_dot on inputs with rank < 2.");
        detail::require(!x[0].known() || !y[0].known() || x[0] == y[0],
                        "Dot: Cannot do batch_dot on inputs with different batch sizes.");
        const std::size_t a0 = axes.index(0, x), a1 = axes.index(1, y);
        detail::require(a0 != 0 && a1 != 0, "Dot: Cannot perform batch_dot over axis 0.");
        // Keras compares with `!=`: None against a size is a mismatch, None against None is not.
        detail::require(x[a0] == y[a1], "Dot: Incompatible input shapes: the sizes along the two dot axes differ.");
        Shape out;
        for (std::size_t i = 0; i < x.rank(); ++i)
            if (i != a0) out.push_back(x[i]);
        for (std::size_t i = 1; i < y.rank(); ++i)
            if (i != a1) out.push_back(y[i]);
        if (out.rank() == 1) out.push_back(1);
        return out;
    }
};

namespace detail {
using merging_layers = type_list<Add, Subtract, Multiply, Average, Maximum, Minimum, Concatenate, Dot>;
} // namespace detail

} // namespace nnshape
