#pragma once
// A list with room for a number of values fixed when it is made: the working lists of a model's
// construction (detail/model_passes.hpp) and the node and layer lists a model keeps.

#include <cstddef>
#include <utility>

namespace nnshape::detail {

// Room for `capacity` values, zero-filled, of which the first `size` are in the list. `new T[n]{}`
// costs a constant evaluation a step or two whatever `n`, where std::vector costs about 15 steps per
// element to construct and 20 per push_back (Clang 19); a pass's result becomes a model's list by a
// move of its buffer, where a std::vector made from it costs some 45 steps per element.
template <class T>
class FixedList {
public:
    constexpr FixedList() = default;
    constexpr explicit FixedList(std::size_t capacity, std::size_t size = 0) : data_(new T[capacity]{}), size_(size) {}
    constexpr FixedList(const FixedList& other) : FixedList(other.size_, other.size_)
    {
        for (std::size_t i = 0; i < size_; ++i) data_[i] = other.data_[i];
    }
    constexpr FixedList(FixedList&& other) noexcept
        : data_(std::exchange(other.data_, nullptr)),
          size_(std::exchange(other.size_, 0))
    {
    }
    constexpr FixedList& operator=(FixedList other) noexcept
    {
        std::swap(data_, other.data_);
        std::swap(size_, other.size_);
        return *this;
    }
    constexpr ~FixedList() { delete[] data_; }

    constexpr std::size_t size() const { return size_; }
    constexpr bool empty() const { return size_ == 0; }
    constexpr T& operator[](std::size_t i) { return data_[i]; }
    constexpr const T& operator[](std::size_t i) const { return data_[i]; }
    constexpr T& back() { return data_[size_ - 1]; }
    // Within the capacity given when the list was made.
    constexpr void push_back(const T& value) { data_[size_++] = value; }
    constexpr void pop_back() { --size_; }
    constexpr T* data() { return data_; }
    constexpr const T* data() const { return data_; }
    constexpr T* begin() { return data_; }
    constexpr T* end() { return data_ + size_; }
    constexpr const T* begin() const { return data_; }
    constexpr const T* end() const { return data_ + size_; }

    // Keeps the values `drop` rejects, in order.
    template <class Predicate>
    constexpr void erase_if(Predicate drop)
    {
        std::size_t kept = 0;
        for (std::size_t i = 0; i < size_; ++i)
            if (!drop(data_[i])) data_[kept++] = data_[i];
        size_ = kept;
    }

private:
    T* data_ = nullptr;
    std::size_t size_ = 0;
};

} // namespace nnshape::detail
