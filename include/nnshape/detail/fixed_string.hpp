#pragma once
// A string with fixed capacity: layer names must live in constexpr models, where Clang cannot keep
// a std::string.

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <type_traits>

#include "../error.hpp"

namespace nnshape::detail {

template <std::size_t Capacity>
class fixed_string {
public:
    static constexpr std::size_t capacity = Capacity;

    constexpr fixed_string() = default;
    // Built in the member initializers: GCC 12 rejects a constructor body's writes to an object that
    // ends up `const`, such as a layer's name in a constexpr layer.
    constexpr fixed_string(std::string_view s) : data_(copy_of(s)), size_(Size(s.size())) {}
    template <std::size_t N>
    constexpr fixed_string(const char (&s)[N]) : fixed_string(std::string_view(s, N - 1))
    {
    }

    constexpr fixed_string& append(std::string_view s)
    {
        require(size_ + s.size() <= Capacity, "name: longer than nnshape's name capacity");
        std::ranges::copy(s, data_.begin() + size_);
        size_ = Size(size_ + s.size());
        return *this;
    }

    constexpr fixed_string& append(std::int64_t n)
    {
        std::array<char, 20> digits{};
        std::size_t count = 0;
        do {
            digits[count++] = static_cast<char>('0' + n % 10);
            n /= 10;
        } while (n > 0);
        while (count > 0) append(std::string_view(&digits[--count], 1));
        return *this;
    }

    constexpr std::string_view view() const { return {data_.data(), size_}; }
    constexpr operator std::string_view() const { return view(); }
    constexpr bool empty() const { return size_ == 0; }
    constexpr std::size_t size() const { return size_; }

    friend constexpr bool operator==(const fixed_string& a, std::string_view b) { return a.view() == b; }

private:
    static constexpr std::array<char, Capacity> copy_of(std::string_view s)
    {
        require(s.size() <= Capacity, "name: longer than nnshape's name capacity");
        std::array<char, Capacity> a{};
        std::ranges::copy(s, a.begin());
        return a;
    }

    // A byte for the size of a short string (a Name, 63 characters, is then 64 bytes: every layer holds one).
    using Size = std::conditional_t<(Capacity < 256), std::uint8_t, std::size_t>;

    std::array<char, Capacity> data_{};
    Size size_ = 0;
};

} // namespace nnshape::detail
