#pragma once
// Merge layers: Add and Concatenate.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

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
                "Merge: Can not merge tensors with different batch sizes.");
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

} // namespace detail

struct Add {
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "Add";

    constexpr Shape output_shape(std::span<const Shape> inputs) const
    {
        detail::require(inputs.size() >= 2, "Add: A merge layer should be called on a list of at least 2 inputs.");
        Shape out = inputs[0];
        for (const Shape& s : inputs.subspan(1)) out = detail::broadcast(out, s);
        out[0] = detail::merged_batch(inputs);
        return out;
    }
};

// Unknown dims are wildcards when matching the non-concatenated axes, as in tf.keras and Keras 3; the
// output is the first shape with the axis summed (their compute_output_shape).
struct Concatenate {
    std::int64_t axis = -1;
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "Concatenate";

    constexpr Shape output_shape(std::span<const Shape> inputs) const
    {
        detail::require(inputs.size() >= 2, "Concatenate: A `Concatenate` layer should be called on a list of at "
                                            "least 2 inputs.");
        const std::size_t rank = inputs[0].rank();
        const std::size_t at = inputs[0].axis(axis);
        detail::require(at != 0, "Concatenate: cannot concatenate along the batch axis");
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

namespace detail {
using merging_layers = type_list<Add, Concatenate>;
} // namespace detail

} // namespace nnshape
