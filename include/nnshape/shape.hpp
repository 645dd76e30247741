#pragma once
// Dim: one dimension, possibly unknown (Keras `None`); Shape: a full tensor shape, batch axis first.

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>

#include "detail/checked.hpp"
#include "error.hpp"

namespace nnshape {

// A dimension of known size (>= 0) or unknown (`None`). Arithmetic on an unknown dimension gives an
// unknown dimension, so no rule ever computes with a sentinel value.
//
// `Dim()` and `Dim{}` are None. The stored value is the size plus one, so that None is all-zero bits
// and the default constructor is trivial: a Shape's eight dims and a Shapes' eight shapes are then
// zero-filled rather than constructed one by one, which a constant evaluation counts step by step.
// (A `Dim d;` without braces is uninitialized, as an int is.)
class Dim {
public:
    constexpr Dim() = default;
    constexpr Dim(std::int64_t size) : stored_(checked_store(size)) {}

    static constexpr Dim none() { return Dim{}; }

    constexpr bool known() const { return stored_ > 0; }
    constexpr std::int64_t value() const
    {
        detail::require(known(), "Dim: the dimension is None");
        return stored_ - 1;
    }
    // The size, or `fallback` when unknown.
    constexpr std::int64_t value_or(std::int64_t fallback) const { return known() ? stored_ - 1 : fallback; }

    friend constexpr bool operator==(Dim, Dim) = default;

    friend constexpr Dim operator+(Dim a, Dim b)
    {
        return a.known() && b.known() ? Dim(detail::checked_add(a.value(), b.value())) : none();
    }
    friend constexpr Dim operator*(Dim a, Dim b)
    {
        return a.known() && b.known() ? Dim(detail::checked_mul(a.value(), b.value())) : none();
    }
    // Callers check that the result is >= 0 with a rule of their own before subtracting.
    friend constexpr Dim operator-(Dim a, Dim b)
    {
        return a.known() && b.known() ? Dim(detail::checked_sub(a.value(), b.value())) : none();
    }

private:
    static constexpr std::int64_t checked_store(std::int64_t size)
    {
        detail::require(size >= 0, "Dim: a dimension must be >= 0 or None");
        return detail::checked_add(size, 1);
    }

    std::int64_t stored_;
};

inline constexpr Dim None{};

// A tensor shape including the batch axis, as Keras prints it: `(None, 6, 6, 16)`.
class Shape {
public:
    static constexpr std::size_t max_rank = 8;

    constexpr Shape() = default;
    constexpr Shape(std::initializer_list<Dim> dims)
    {
        for (Dim d : dims) push_back(d);
    }
    constexpr explicit Shape(std::span<const Dim> dims)
    {
        for (Dim d : dims) push_back(d);
    }

    constexpr std::size_t rank() const { return rank_; }
    constexpr Dim operator[](std::size_t i) const
    {
        detail::require(i < rank_, "Shape: axis out of range");
        return dims_[i];
    }
    constexpr Dim& operator[](std::size_t i)
    {
        detail::require(i < rank_, "Shape: axis out of range");
        return dims_[i];
    }
    constexpr Dim back() const { return (*this)[rank_ - 1]; }
    constexpr Dim& back() { return (*this)[rank_ - 1]; }

    // A Keras axis (negative counts from the end) as an index, checked against the rank.
    constexpr std::size_t axis(std::int64_t a) const
    {
        const std::int64_t r = static_cast<std::int64_t>(rank_);
        detail::require(a >= -r && a < r, "Shape: axis out of range for this rank");
        return static_cast<std::size_t>(a < 0 ? a + r : a);
    }

    constexpr void push_back(Dim d)
    {
        detail::require(rank_ < max_rank, "Shape: rank exceeds nnshape's maximum rank of 8");
        dims_[rank_++] = d;
    }

    constexpr const Dim* begin() const { return dims_.data(); }
    constexpr const Dim* end() const { return dims_.data() + rank_; }
    constexpr Dim* begin() { return dims_.data(); }
    constexpr Dim* end() { return dims_.data() + rank_; }

    // Everything after the batch axis: what Keras calls the `input_shape` of a layer argument.
    constexpr std::span<const Dim> features() const { return {begin() + (rank_ > 0 ? 1 : 0), end()}; }

    // Shape with `batch` prepended: `(batch,) + dims`.
    static constexpr Shape with_batch(Dim batch, std::span<const Dim> dims)
    {
        Shape s{batch};
        for (Dim d : dims) s.push_back(d);
        return s;
    }

    friend constexpr bool operator==(const Shape& a, const Shape& b)
    {
        if (a.rank_ != b.rank_) return false;
        for (std::size_t i = 0; i < a.rank_; ++i)
            if (!(a.dims_[i] == b.dims_[i])) return false;
        return true;
    }

private:
    std::array<Dim, max_rank> dims_{};
    std::size_t rank_ = 0;
};

// An optional argument written like Keras's tuple: `.input_shape = {6, 6, 3}`, `.strides = {2, 1}`
// (a plain std::optional would read the braces as its own constructor's arguments).
template <class T, class Element>
class OptionalArg : public std::optional<T> {
public:
    using std::optional<T>::optional;
    constexpr OptionalArg() = default;
    constexpr OptionalArg(std::initializer_list<Element> values) : std::optional<T>(T(values)) {}
};

using OptionalShape = OptionalArg<Shape, Dim>;

// The output shapes of one layer call: most layers have one, recurrent layers with `return_state`
// and wrappers have a few. Fixed capacity keeps shape inference free of allocations.
class Shapes {
public:
    static constexpr std::size_t capacity = 8;

    constexpr Shapes() = default;
    // One layer output, the common case: cheaper to a constant evaluation than the list below.
    constexpr explicit Shapes(const Shape& shape) : size_(1) { shapes_[0] = shape; }
    constexpr Shapes(std::initializer_list<Shape> shapes)
    {
        for (const Shape& s : shapes) push_back(s);
    }
    constexpr explicit Shapes(std::span<const Shape> shapes)
    {
        for (const Shape& s : shapes) push_back(s);
    }

    constexpr void push_back(const Shape& s)
    {
        detail::require(size_ < capacity, "Shapes: a layer call has at most 8 outputs");
        shapes_[size_++] = s;
    }
    constexpr std::size_t size() const { return size_; }
    constexpr const Shape& operator[](std::size_t i) const
    {
        detail::require(i < size_, "Shapes: output index out of range");
        return shapes_[i];
    }
    constexpr const Shape* begin() const { return shapes_.data(); }
    constexpr const Shape* end() const { return shapes_.data() + size_; }
    constexpr operator std::span<const Shape>() const { return {begin(), end()}; }

    friend constexpr bool operator==(const Shapes& a, const Shapes& b) { return std::ranges::equal(a, b); }

private:
    std::array<Shape, capacity> shapes_{};
    std::size_t size_ = 0;
};

// The product of the dims, None if any is None.
constexpr Dim product(std::span<const Dim> dims)
{
    Dim p = 1;
    for (Dim d : dims) p = p * d;
    return p;
}

// Python repr of a dim and of a shape tuple: `None`, `(None, 6)`, `(None,)`.
inline std::string to_string(Dim d) { return d.known() ? std::to_string(d.value()) : "None"; }

inline std::string to_string(const Shape& s)
{
    std::string out = "(";
    for (std::size_t i = 0; i < s.rank(); ++i) {
        if (i > 0) out += ", ";
        out += to_string(s[i]);
    }
    out += s.rank() == 1 ? ",)" : ")"; // appended: `return out + ...` would copy the text
    return out;
}

} // namespace nnshape
