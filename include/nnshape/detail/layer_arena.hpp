#pragma once
// detail::LayerArena: where a Sequential<> or a Graph keeps its layers' values at run time.

#include <cstddef>
#include <new>
#include <utility>

namespace nnshape::detail {

// Where a Sequential<> or a Graph keeps its layers' values at run time: blocks that never move, filled in
// turn and freed with the model (with an allocation per value, malloc and free made a reserved Dense
// chain's add 1.5 times slower). A copy starts empty: a copied model's layers are its own allocations.
class LayerArena {
public:
    constexpr LayerArena() = default;
    constexpr LayerArena(const LayerArena&) noexcept {}
    constexpr LayerArena(LayerArena&& other) noexcept : last_(std::exchange(other.last_, nullptr)), free_(other.free_)
    {
    }
    constexpr LayerArena& operator=(const LayerArena&) noexcept { return *this; }
    constexpr LayerArena& operator=(LayerArena&& other) noexcept
    {
        std::swap(last_, other.last_);
        std::swap(free_, other.free_);
        return *this;
    }
    // Empty in a constant evaluation, which never uses the arena.
    constexpr ~LayerArena()
    {
        while (last_) ::operator delete(std::exchange(last_, last_->previous));
    }

    // A T made from `args` in the arena, at T's own alignment (a compact layer value is a multiple of 8
    // bytes, not of 16); never freed alone (the model destroys what needs destroying).
    template <class T, class... A>
    T* make(const A&... args)
    {
        static_assert(alignof(T) <= alignof(Block)); // a block's start is aligned for any T
        const std::size_t size = (sizeof(T) + alignof(T) - 1) / alignof(T) * alignof(T);
        std::size_t used = last_ ? (last_->size - free_ + alignof(T) - 1) / alignof(T) * alignof(T) : 0;
        if (!last_ || used > last_->size || last_->size - used < size) { // (rounding up may pass a big block's end)
            grow(size);
            used = 0;
        }
        free_ = last_->size - used - size;
        return ::new (static_cast<void*>(reinterpret_cast<std::byte*>(last_ + 1) + used)) T(args...);
    }

private:
    struct alignas(std::max_align_t) Block {
        Block* previous;
        std::size_t size;
    };
    static constexpr std::size_t block_size = 16384;

    void grow(std::size_t at_least)
    {
        const std::size_t size = at_least > block_size ? at_least : block_size;
        last_ = ::new (::operator new(sizeof(Block) + size)) Block{last_, size};
        free_ = size;
    }

    Block* last_ = nullptr;
    std::size_t free_ = 0;
};

} // namespace nnshape::detail
