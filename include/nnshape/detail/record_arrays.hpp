#pragma once
// The arrays a functional Graph keeps its records in (graph_records.hpp): std::vector's append, index
// and iterate, cheaper to a constant evaluation, and for the large layer records, without moves.

#include <cstddef>
#include <memory>
#include <utility>

namespace nnshape::detail {

// What a Graph's records need of std::vector (append, index, iterate), at a third of its cost to a
// constant evaluation: Clang 19 counts some 50 steps for a std::vector push_back with its share of
// the reallocations, about 15 for this one.
template <class T>
class RecordArray {
public:
    constexpr RecordArray() = default;
    RecordArray(const RecordArray&) = delete;
    RecordArray& operator=(const RecordArray&) = delete;
    constexpr ~RecordArray() { free_storage(); }

    constexpr std::size_t size() const { return size_; }
    constexpr T& operator[](std::size_t i) { return data_[i]; }
    constexpr const T& operator[](std::size_t i) const { return data_[i]; }
    constexpr T* data() { return data_; } // std::span's conversion needs it
    constexpr const T* data() const { return data_; }
    constexpr T* begin() { return data_; }
    constexpr T* end() { return data_ + size_; }
    constexpr const T* begin() const { return data_; }
    constexpr const T* end() const { return data_ + size_; }

    constexpr void push_back(T value) { emplace_back(std::move(value)); }
    // A T made in place from `args` (an aggregate's members, in order).
    template <class... A>
    constexpr void emplace_back(A&&... args)
    {
        if (size_ == capacity_) grow();
        std::construct_at(data_ + size_, std::forward<A>(args)...);
        ++size_;
    }
    constexpr void clear()
    {
        std::destroy(begin(), end());
        size_ = 0;
    }

private:
    constexpr void grow()
    {
        const std::size_t capacity = capacity_ == 0 ? 8 : 2 * capacity_;
        T* fresh = std::allocator<T>().allocate(capacity);
        for (std::size_t i = 0; i < size_; ++i) std::construct_at(fresh + i, std::move(data_[i]));
        free_storage();
        data_ = fresh;
        capacity_ = capacity;
    }
    constexpr void free_storage()
    {
        std::destroy(begin(), end());
        if (capacity_ > 0) std::allocator<T>().deallocate(data_, capacity_);
    }

    T* data_ = nullptr;
    std::size_t size_ = 0;
    std::size_t capacity_ = 0;
};

// RecordArray's append and index for records that are large and only indexed (a Graph's layers, 1.7 KB
// each): blocks of 16 records that never move, where a doubling array moved every record each time it
// grew (a quarter of a layer call's time). Only the list of blocks grows by doubling. Fixed-size blocks
// keep an index to two steps of a constant evaluation (a layer record is looked up several times per call).
template <class T>
class BlockArray {
public:
    constexpr BlockArray() = default;
    BlockArray(const BlockArray&) = delete;
    BlockArray& operator=(const BlockArray&) = delete;
    constexpr ~BlockArray()
    {
        for (std::size_t i = 0; i < size_; ++i) std::destroy_at(&(*this)[i]);
        for (T* block : blocks_) std::allocator<T>().deallocate(block, block_size);
    }

    constexpr std::size_t size() const { return size_; }
    constexpr T& operator[](std::size_t i) { return blocks_[i / block_size][i % block_size]; }
    constexpr const T& operator[](std::size_t i) const { return blocks_[i / block_size][i % block_size]; }

    constexpr void push_back(T value) { emplace_back(std::move(value)); }
    // A T made in place from `args` (an aggregate's members, in order).
    template <class... A>
    constexpr void emplace_back(A&&... args)
    {
        if (size_ / block_size == blocks_.size()) blocks_.push_back(std::allocator<T>().allocate(block_size));
        std::construct_at(blocks_[size_ / block_size] + size_ % block_size, std::forward<A>(args)...);
        ++size_;
    }

private:
    static constexpr std::size_t block_size = 16;

    RecordArray<T*> blocks_;
    std::size_t size_ = 0;
};

} // namespace nnshape::detail
