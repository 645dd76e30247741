#pragma once
// The arrays a functional Graph keeps its records in (graph_records.hpp) and a Sequential its layers:
// std::vector's append, index and iterate, cheaper to a constant evaluation and to compile, and for a
// Graph's large layer records, without moves.

#include <cstddef>
#include <memory>
#include <utility>

namespace nnshape::detail {

// What a Graph's records and a Sequential's layers need of std::vector (append, index, iterate, copy),
// at a third of its cost to a constant evaluation: Clang 19 counts some 50 steps for a std::vector
// push_back with its share of the reallocations, about 15 for this one. Growing is not a template of
// the appended arguments (std::vector's emplace_back compiles its reallocation once per argument type:
// once per layer class for the layer records), so an append compiles only the element's construction.
template <class T>
class RecordArray {
public:
    constexpr RecordArray() = default;
    constexpr RecordArray(const RecordArray& other)
    {
        try {
            append_copies(other);
        } catch (...) { // no destructor runs for a constructor that throws: free what was made
            free_storage();
            throw;
        }
    }
    constexpr RecordArray(RecordArray&& other) noexcept
        : data_(std::exchange(other.data_, nullptr)),
          size_(std::exchange(other.size_, 0)),
          capacity_(std::exchange(other.capacity_, 0))
    {
    }
    constexpr RecordArray& operator=(const RecordArray& other)
    {
        if (this != &other) {
            clear();
            append_copies(other);
        }
        return *this;
    }
    constexpr RecordArray& operator=(RecordArray&& other) noexcept
    {
        if (this != &other) {
            free_storage();
            data_ = std::exchange(other.data_, nullptr);
            size_ = std::exchange(other.size_, 0);
            capacity_ = std::exchange(other.capacity_, 0);
        }
        return *this;
    }
    constexpr ~RecordArray() { free_storage(); }

    constexpr std::size_t size() const { return size_; }
    constexpr bool empty() const { return size_ == 0; }
    constexpr T& operator[](std::size_t i) { return data_[i]; }
    constexpr const T& operator[](std::size_t i) const { return data_[i]; }
    constexpr T& back() { return data_[size_ - 1]; }
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
        std::construct_at(free_slot(), std::forward<A>(args)...);
        ++size_;
    }
    constexpr void pop_back() { std::destroy_at(data_ + --size_); }
    constexpr void clear()
    {
        std::destroy(begin(), end());
        size_ = 0;
    }
    // Room for the next element, grown as an append grows it: what may fail before a record is made.
    constexpr void make_room() { (void)free_slot(); }
    // Room for `n` elements: appends up to `n` then never move them.
    constexpr void reserve(std::size_t n)
    {
        if (n > capacity_) move_to(n);
    }

private:
    // Where the next element goes, the array grown if it is full.
    constexpr T* free_slot()
    {
        if (size_ == capacity_) move_to(capacity_ == 0 ? 8 : 2 * capacity_);
        return data_ + size_;
    }
    constexpr void move_to(std::size_t capacity)
    {
        T* fresh = std::allocator<T>().allocate(capacity);
        for (std::size_t i = 0; i < size_; ++i) std::construct_at(fresh + i, std::move(data_[i]));
        free_storage();
        data_ = fresh;
        capacity_ = capacity;
    }
    constexpr void append_copies(const RecordArray& other)
    {
        reserve(other.size_);
        for (const T& element : other) std::construct_at(data_ + size_++, element);
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
        std::construct_at(free_slot(), std::forward<A>(args)...);
        ++size_;
    }

private:
    static constexpr std::size_t block_size = 16;

    // Where the next record goes, a block allocated if the blocks are full (not a template of the
    // appended arguments: see RecordArray).
    constexpr T* free_slot()
    {
        if (size_ / block_size == blocks_.size()) blocks_.push_back(std::allocator<T>().allocate(block_size));
        return blocks_[size_ / block_size] + size_ % block_size;
    }

    RecordArray<T*> blocks_;
    std::size_t size_ = 0;
};

} // namespace nnshape::detail
