#pragma once
// Overflow-checked 64-bit arithmetic for counts and dimensions.

#include <cstdint>

#include "../error.hpp"

namespace nnshape::detail {

constexpr std::int64_t checked_add(std::int64_t a, std::int64_t b)
{
    std::int64_t r{};
    require(!__builtin_add_overflow(a, b, &r), "nnshape: count overflows 64-bit arithmetic");
    return r;
}

constexpr std::int64_t checked_sub(std::int64_t a, std::int64_t b)
{
    std::int64_t r{};
    require(!__builtin_sub_overflow(a, b, &r), "nnshape: count overflows 64-bit arithmetic");
    return r;
}

constexpr std::int64_t checked_mul(std::int64_t a, std::int64_t b)
{
    std::int64_t r{};
    require(!__builtin_mul_overflow(a, b, &r), "nnshape: count overflows 64-bit arithmetic");
    return r;
}

// Python's floor division for a positive divisor.
constexpr std::int64_t floor_div(std::int64_t a, std::int64_t b)
{
    const std::int64_t q = a / b;
    return (a % b != 0 && a < 0) ? q - 1 : q;
}

constexpr std::int64_t ceil_div(std::int64_t a, std::int64_t b) { return -floor_div(-a, b); }

} // namespace nnshape::detail
