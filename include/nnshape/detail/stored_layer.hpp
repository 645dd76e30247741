#pragma once
// detail::StoredLayer<LayerT>: how a Sequential<> built with add() and a functional Graph hold a layer:
// the value of its own class, out of line, behind LayerT's interface. A LayerT is as large as its largest
// class (a TimeDistributed holds a whole layer by value, so that it can be a constexpr variable: 1.5 KB),
// where a Dense is 344 bytes; a model's records stay small, and a fixed Sequential<N> (a constexpr
// variable, which cannot own memory) keeps LayerT values.

#include <cstddef>
#include <cstdint>
#include <new>
#include <optional>
#include <span>
#include <string_view>
#include <type_traits>
#include <utility>

#include "../error.hpp"
#include "../shape.hpp"
#include "layer_variant.hpp"
#include "rules.hpp"
#include "type_list.hpp"
#include "variant.hpp"

namespace nnshape::detail {

// The rules of a stored layer, whatever its class (each call goes to its class's own rule).
template <class LayerT>
class StoredBox {
public:
    constexpr virtual ~StoredBox() = default;
    virtual constexpr StoredBox* clone() const = 0;
    virtual constexpr LayerT value() const = 0;
    virtual constexpr std::string_view given_name() const = 0;
    virtual constexpr std::optional<Shape> declared_input() const = 0;
    virtual constexpr Shapes output_shapes(std::span<const Shape> inputs) const = 0;
    virtual constexpr Params params(std::span<const Shape> inputs) const = 0;
    virtual constexpr LayerCall call(std::span<const Shape> inputs, const Params* built) const = 0;
    virtual constexpr Cost cost(std::span<const Shape> inputs, std::span<const Shape> outputs) const = 0;
    virtual constexpr LayerArguments arguments() const = 0;
};

// A layer of class L; L = LayerT itself for a layer given as a LayerT (`model.add(layer)`), whose class
// is known only at run time. Its value is reached (get_if, visit) as a StoredValue, the class without the
// rules: Clang compiles every virtual function of the class a reference is cast down to, and a wrapper's
// rules are those of every class it can hold (the name counters ask whether a layer is a
// SpectralNormalization: that cast took seconds of every model-building program's compile).
template <class LayerT, class L>
class StoredValue : public StoredBox<LayerT> {
public:
    constexpr explicit StoredValue(const L& l) : layer(l) {}
    constexpr ~StoredValue() override {} // user-provided: GCC 12 cannot call an implicit one in constant evaluation

    L layer;
};

template <class LayerT, class L>
class StoredAs final : public StoredValue<LayerT, L> {
    static constexpr bool whole = std::is_same_v<L, LayerT>;

public:
    using StoredValue<LayerT, L>::layer;
    constexpr explicit StoredAs(const L& l) : StoredValue<LayerT, L>(l) {}
    constexpr ~StoredAs() override {} // user-provided: GCC 12 cannot call an implicit one in constant evaluation

    constexpr StoredBox<LayerT>* clone() const override { return new StoredAs(layer); }
    constexpr LayerT value() const override { return LayerT(layer); }
    constexpr std::string_view given_name() const override
    {
        if constexpr (whole)
            return layer.given_name();
        else
            return layer.name.view();
    }
    constexpr std::optional<Shape> declared_input() const override
    {
        if constexpr (whole)
            return layer.declared_input();
        else
            return detail::declared_input(layer);
    }
    constexpr Shapes output_shapes(std::span<const Shape> inputs) const override
    {
        if constexpr (whole)
            return layer.output_shapes(inputs);
        else
            return shape_rule::of(layer, inputs);
    }
    constexpr Params params(std::span<const Shape> inputs) const override
    {
        if constexpr (whole)
            return layer.params(inputs);
        else
            return weights_rule::of(layer, inputs);
    }
    constexpr LayerCall call(std::span<const Shape> inputs, const Params* built) const override
    {
        if constexpr (whole)
            return layer.call(inputs, built);
        else
            return call_rule::of(layer, inputs, built);
    }
    constexpr Cost cost(std::span<const Shape> inputs, std::span<const Shape> outputs) const override
    {
        if constexpr (whole)
            return layer.cost(inputs, outputs);
        else
            return any_layer_cost::of(layer, inputs, outputs);
    }
    constexpr LayerArguments arguments() const override
    {
        if constexpr (whole)
            return layer.arguments();
        else
            return layer_arguments(layer);
    }
};

template <class List>
struct first_of;
template <class T0, class... T>
struct first_of<type_list<T0, T...>> {
    using type = T0;
};
template <class List>
using first_class = typename first_of<List>::type;

template <class LayerT, class List>
struct stored_visit;
template <class LayerT, class... T>
struct stored_visit<LayerT, type_list<T...>> {
    template <class R, class F, class U>
    static constexpr R call(F& f, const StoredBox<LayerT>& box)
    {
        return f(static_cast<const StoredValue<LayerT, U>&>(box).layer);
    }
    template <class R, class F>
    static constexpr R (*table[sizeof...(T)])(F&, const StoredBox<LayerT>&) = {&call<R, F, T>...};
};

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

    // A T made from `args` in the arena; never freed alone (a layer value's destructor does nothing).
    template <class T, class... A>
    T* make(const A&... args)
    {
        static_assert(alignof(T) <= alignof(Block)); // each value starts a multiple of a block's alignment in
        const std::size_t size = (sizeof(T) + alignof(Block) - 1) / alignof(Block) * alignof(Block);
        if (!last_ || free_ < size) grow(size);
        std::byte* at = reinterpret_cast<std::byte*>(last_ + 1) + (last_->size - free_);
        free_ -= size;
        return ::new (static_cast<void*>(at)) T(args...);
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

template <class LayerT>
class StoredLayer {
public:
    template <class L>
    static constexpr bool holds = LayerT::template holds<L>;

    // `layer`'s value in its own allocation, or at run time in `arena`.
    template <class L>
        requires holds<L>
    constexpr explicit StoredLayer(const L& layer, LayerArena* arena = nullptr)
        : box_(make<StoredAs<LayerT, L>>(layer, arena)),
          index_(LayerT::template class_index_of<L>),
          whole_(false),
          owned_(!in_arena(arena))
    {
    }
    constexpr explicit StoredLayer(const LayerT& layer, LayerArena* arena = nullptr)
        : box_(make<StoredAs<LayerT, LayerT>>(layer, arena)),
          index_(std::uint8_t(layer.class_index())),
          whole_(true),
          owned_(!in_arena(arena))
    {
    }
    constexpr StoredLayer(const StoredLayer& other)
        : box_(other.box().clone()),
          index_(other.index_),
          whole_(other.whole_),
          owned_(true)
    {
    }
    constexpr StoredLayer(StoredLayer&& other) noexcept
        : box_(std::exchange(other.box_, nullptr)),
          index_(other.index_),
          whole_(other.whole_),
          owned_(other.owned_),
          moved_from_(std::exchange(other.moved_from_, true))
    {
    }
    constexpr StoredLayer& operator=(StoredLayer other) noexcept
    {
        std::swap(box_, other.box_);
        std::swap(owned_, other.owned_);
        std::swap(moved_from_, other.moved_from_);
        index_ = other.index_;
        whole_ = other.whole_;
        return *this;
    }
    constexpr ~StoredLayer()
    {
        if (owned_) delete box_;
    }

    // The layer as a LayerT value (a copy: a LayerT is as large as its largest class).
    constexpr LayerT value() const { return box().value(); }

    template <class L>
        requires holds<L>
    constexpr bool is() const
    {
        return index_ == LayerT::template class_index_of<L>;
    }
    template <class L>
        requires holds<L>
    constexpr const L* get_if() const
    {
        if (!is<L>()) return nullptr;
        if (whole_) return whole().template get_if<L>();
        return &static_cast<const StoredValue<LayerT, L>&>(box()).layer;
    }

    constexpr std::string_view class_name() const { return class_names_of<typename LayerT::classes>[index_]; }
    constexpr std::string_view given_name() const { return box().given_name(); }
    constexpr std::optional<Shape> declared_input() const { return box().declared_input(); }
    constexpr Shapes output_shapes(std::span<const Shape> inputs) const { return box().output_shapes(inputs); }
    constexpr Params params(std::span<const Shape> inputs) const { return box().params(inputs); }
    constexpr LayerCall call(std::span<const Shape> inputs, const Params* built) const
    {
        return box().call(inputs, built);
    }
    constexpr Cost cost(std::span<const Shape> inputs, std::span<const Shape> outputs) const
    {
        return box().cost(inputs, outputs);
    }
    constexpr LayerArguments arguments() const { return box().arguments(); }

    template <class F>
    constexpr decltype(auto) visit(F&& f) const
    {
        if (whole_) return whole().visit(std::forward<F>(f));
        using R = decltype(f(std::declval<const first_class<typename LayerT::classes>&>()));
        return stored_visit<LayerT, typename LayerT::classes>::template table<R, std::remove_reference_t<F>>[index_](
            f, box());
    }
    template <template <class> class Trait>
    constexpr bool class_has() const
    {
        return class_flags_of<Trait, typename LayerT::classes>[index_];
    }
    template <class Op, class R, class... A>
    constexpr R apply(const A&... args) const
    {
        return visit([&](const auto& l) -> R { return Op::of(l, args...); });
    }

    constexpr std::size_t class_index() const { return index_; }
    template <class L>
        requires holds<L>
    static constexpr std::size_t class_index_of = LayerT::template class_index_of<L>;
    static constexpr std::size_t class_index_named(std::string_view name) { return LayerT::class_index_named(name); }
    static constexpr std::size_t class_count = LayerT::class_count;

private:
    // Never an address compared with null in a constant evaluation (GCC 12 cannot, under UBSan).
    static constexpr bool in_arena(const LayerArena* arena) { return !std::is_constant_evaluated() && arena; }
    template <class Box>
    static constexpr StoredBox<LayerT>* make(const auto& layer, LayerArena* arena)
    {
        if (in_arena(arena)) return arena->make<Box>(layer);
        return new Box(layer);
    }

    // The value; a StoredLayer moved from has none (not `box_ != nullptr`: GCC 12 cannot compare an
    // address with null in a constant evaluation under -fsanitize=undefined).
    constexpr const StoredBox<LayerT>& box() const
    {
        if (moved_from_) require(false, "StoredLayer: used after it was moved from"); // no call when it holds one
        return *box_;
    }
    constexpr const LayerT& whole() const { return static_cast<const StoredValue<LayerT, LayerT>&>(box()).layer; }

    StoredBox<LayerT>* box_;
    std::uint8_t index_;
    bool whole_; // a LayerT value, given as one
    bool owned_; // its own allocation, not in an arena
    bool moved_from_ = false;
};

} // namespace nnshape::detail
