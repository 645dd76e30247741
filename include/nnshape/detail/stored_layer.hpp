#pragma once
// detail::StoredLayer<LayerT>: how a Sequential<> built with add() and a functional Graph hold a layer:
// the value of its own class, out of line, behind LayerT's interface. A LayerT is as large as its largest
// class (a TimeDistributed holds a whole layer by value, so that it can be a constexpr variable: 1.5 KB),
// where a Dense is 328 bytes; a model's records stay small, and a fixed Sequential<N> (a constexpr
// variable, which cannot own memory) keeps LayerT values. At run time a layer given without Keras's
// keyword arguments (no name, input_shape, batch_size, batch_input_shape; trainable as its class's
// default) keeps only its own arguments' bytes: a Dense 96 bytes in all, a Conv2D 136.

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <span>
#include <string_view>
#include <type_traits>
#include <utility>

#include "../error.hpp"
#include "../shape.hpp"
#include "layer_arena.hpp"
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
    virtual constexpr SingleCall single_call(const Shape& input) const = 0;
    virtual constexpr Cost cost(std::span<const Shape> inputs, std::span<const Shape> outputs) const = 0;
    virtual constexpr LayerArguments arguments() const = 0;
};

// How a StoredAs holds its layer: its value, or the bytes of its own arguments.
enum class Held : std::uint8_t { value, compact };

// A layer of class L; L = LayerT itself for a layer given as a LayerT (`model.add(layer)`), whose class
// is known only at run time. Its value is reached (get_if, visit) as a StoredValue, the class without the
// rules: Clang compiles every virtual function of the class a reference is cast down to, and a wrapper's
// rules are those of every class it can hold (the name counters ask whether a layer is a
// SpectralNormalization: that cast took seconds of every model-building program's compile).
template <class LayerT, class L>
class StoredValue : public StoredBox<LayerT> {
public:
    static constexpr Held held = Held::value;
    constexpr explicit StoredValue(const L& l) : layer_(l) {}
    constexpr ~StoredValue() override {} // user-provided: GCC 12 cannot call an implicit one in constant evaluation

    constexpr const L& layer() const { return layer_; }
    constexpr const L* address() const { return &layer_; }

private:
    L layer_;
};

// Whether a layer of class L can be kept as the bytes of its own arguments: a plain aggregate whose
// last members are Keras's keyword arguments (NNSHAPE_LAYER_KWARGS: name first, batch_input_shape last),
// so that the bytes before `name` hold everything else. Wrappers (which hold a LayerT) are not.
template <class L>
consteval bool kwargs_last()
{
    if constexpr (std::is_trivially_copyable_v<L> && std::is_standard_layout_v<L> && requires(const L& l) {
                      { l.name.empty() } -> std::same_as<bool>;
                      { l.trainable } -> std::convertible_to<bool>;
                      l.input_shape;
                      l.batch_size;
                      l.batch_input_shape;
                  }) {
        const std::size_t end = offsetof(L, batch_input_shape) + sizeof(L::batch_input_shape);
        return offsetof(L, name) < offsetof(L, trainable) && offsetof(L, trainable) < offsetof(L, input_shape) &&
               offsetof(L, input_shape) < offsetof(L, batch_size) &&
               offsetof(L, batch_size) < offsetof(L, batch_input_shape) && sizeof(L) - end < alignof(L);
    } else {
        return false;
    }
}
template <class L>
concept compactable = kwargs_last<L>();

// Whether `l` gives none of Keras's keyword arguments, so that its own arguments say everything.
template <compactable L>
constexpr bool without_kwargs(const L& l)
{
    constexpr bool trainable_by_default = L{}.trainable; // (a constant: no value made at run time)
    return l.name.empty() && l.trainable == trainable_by_default && !l.input_shape && !l.batch_size &&
           !l.batch_input_shape;
}

// What every compact layer keeps beside its bytes: the whole value get_if made for it, if it did. One
// class for all layer classes (the value is trivially destructible: its memory is all there is to free),
// so that its atomic compiles once rather than once per layer class.
template <class LayerT>
class CompactBox : public StoredBox<LayerT> {
public:
    ~CompactBox() override { ::operator delete(full_.load(std::memory_order_acquire)); }

protected:
    mutable std::atomic<void*> full_{nullptr};
};

// A layer of class L given without keyword arguments, at run time: only the bytes of its own arguments
// (a Dense's 80 of 328). layer() makes the value again (the keyword arguments at their defaults) for
// each rule; address(), for get_if, makes it once, on the first request, and keeps it.
template <class LayerT, compactable L>
class CompactValue : public CompactBox<LayerT> {
public:
    static constexpr Held held = Held::compact;
    explicit CompactValue(const L& l)
    {
        if constexpr (own_size > 0) std::memcpy(own_.data(), static_cast<const void*>(&l), own_size);
    }

    L layer() const
    {
        L l{};
        // (an empty std::array's data() may be null, which memcpy must not be given even for no bytes)
        if constexpr (own_size > 0) std::memcpy(static_cast<void*>(&l), own_.data(), own_size);
        return l;
    }
    // Thread-safe, as a const query must be: two first requests at once keep one value, free the other.
    const L* address() const
    {
        void* kept = this->full_.load(std::memory_order_acquire);
        if (!kept) {
            void* made = ::new (::operator new(sizeof(L))) L(layer()); // L is trivially destructible
            if (this->full_.compare_exchange_strong(kept, made, std::memory_order_acq_rel))
                kept = made;
            else
                ::operator delete(made);
        }
        return static_cast<const L*>(kept);
    }

private:
    static constexpr std::size_t own_size = offsetof(L, name);
    std::array<std::byte, own_size> own_;
};

// The rules of a layer of class L held by Value (a StoredValue or a CompactValue).
template <class LayerT, class L, template <class, class> class Value = StoredValue>
class StoredAs final : public Value<LayerT, L> {
    static constexpr bool whole = std::is_same_v<L, LayerT>;

public:
    using Value<LayerT, L>::layer;
    constexpr explicit StoredAs(const L& l) : Value<LayerT, L>(l) {}
    constexpr ~StoredAs() override {} // user-provided: GCC 12 cannot call an implicit one in constant evaluation

    constexpr StoredBox<LayerT>* clone() const override { return new StoredAs(layer()); }
    constexpr LayerT value() const override { return LayerT(layer()); }
    constexpr std::string_view given_name() const override
    {
        if constexpr (whole)
            return layer().given_name();
        else if constexpr (Value<LayerT, L>::held == Held::compact)
            return {}; // kept compactly only without a name (and layer() is a temporary)
        else
            return layer().name.view();
    }
    constexpr std::optional<Shape> declared_input() const override
    {
        if constexpr (whole)
            return layer().declared_input();
        else
            return detail::declared_input(layer());
    }
    constexpr Shapes output_shapes(std::span<const Shape> inputs) const override
    {
        if constexpr (whole)
            return layer().output_shapes(inputs);
        else
            return shape_rule::of(layer(), inputs);
    }
    constexpr Params params(std::span<const Shape> inputs) const override
    {
        if constexpr (whole)
            return layer().params(inputs);
        else
            return weights_rule::of(layer(), inputs);
    }
    constexpr LayerCall call(std::span<const Shape> inputs, const Params* built) const override
    {
        if constexpr (whole)
            return layer().call(inputs, built);
        else
            return call_rule::of(layer(), inputs, built);
    }
    constexpr SingleCall single_call(const Shape& input) const override
    {
        if constexpr (whole)
            return layer().single_call(input);
        else
            return single_call_rule::of(layer(), input);
    }
    constexpr Cost cost(std::span<const Shape> inputs, std::span<const Shape> outputs) const override
    {
        if constexpr (whole)
            return layer().cost(inputs, outputs);
        else
            return any_layer_cost::of(layer(), inputs, outputs);
    }
    constexpr LayerArguments arguments() const override
    {
        if constexpr (whole)
            return layer().arguments();
        else
            return layer_arguments(layer());
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
    // R is a value (a compact layer is made again for the call, and gone after it).
    template <class R, class F, class U>
        requires(!std::is_reference_v<R>)
    static constexpr R call(F& f, const StoredBox<LayerT>& box, Held held)
    {
        if constexpr (compactable<U>) {
            if (held == Held::compact) return f(static_cast<const CompactValue<LayerT, U>&>(box).layer());
        }
        return f(static_cast<const StoredValue<LayerT, U>&>(box).layer());
    }
    template <class R, class F>
    static constexpr R (*table[sizeof...(T)])(F&, const StoredBox<LayerT>&, Held) = {&call<R, F, T>...};
};

template <class LayerT>
class StoredLayer {
public:
    template <class L>
    static constexpr bool holds = LayerT::template holds<L>;

    // `layer`'s value in its own allocation, or at run time in `arena`; at run time compactly when it
    // gives no keyword arguments.
    template <class L>
        requires holds<L>
    constexpr explicit StoredLayer(const L& layer, LayerArena* arena = nullptr)
        : StoredLayer(layer, arena, kept_compactly(layer))
    {
    }
    constexpr explicit StoredLayer(const LayerT& layer, LayerArena* arena = nullptr)
        : box_(make<StoredAs<LayerT, LayerT>>(layer, arena)),
          index_(std::uint8_t(layer.class_index())),
          whole_(true),
          held_(Held::value),
          owned_(!in_arena(arena))
    {
    }
    constexpr StoredLayer(const StoredLayer& other)
        : box_(other.box().clone()),
          index_(other.index_),
          whole_(other.whole_),
          held_(other.held_),
          owned_(true)
    {
    }
    constexpr StoredLayer(StoredLayer&& other) noexcept
        : box_(std::exchange(other.box_, nullptr)),
          index_(other.index_),
          whole_(other.whole_),
          held_(other.held_),
          owned_(other.owned_),
          moved_from_(std::exchange(other.moved_from_, true))
    {
    }
    constexpr StoredLayer& operator=(StoredLayer other) noexcept
    {
        std::swap(box_, other.box_);
        std::swap(owned_, other.owned_);
        std::swap(moved_from_, other.moved_from_);
        std::swap(held_, other.held_); // `other` destroys the old value as what it is
        index_ = other.index_;
        whole_ = other.whole_;
        return *this;
    }
    constexpr ~StoredLayer()
    {
        if (owned_)
            delete box_;
        else if (held_ == Held::compact && !moved_from_)
            box_->~StoredBox(); // in an arena, which frees only memory: it may keep a value made for get_if
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
        if constexpr (compactable<L>) {
            if (held_ == Held::compact) return static_cast<const CompactValue<LayerT, L>&>(box()).address();
        }
        return static_cast<const StoredValue<LayerT, L>&>(box()).address();
    }

    // get_if's layer as a copy, which keeps no full value in a compact layer (the Graph reads an operation's
    // function this way).
    template <class L>
        requires holds<L>
    constexpr std::optional<L> value_if() const
    {
        if (!is<L>()) return std::nullopt;
        if constexpr (compactable<L>) {
            if (held_ == Held::compact) return static_cast<const CompactValue<LayerT, L>&>(box()).layer();
        }
        return *get_if<L>();
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
    constexpr SingleCall single_call(const Shape& input) const { return box().single_call(input); }
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
            f, box(), held_);
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
    // Whether only the bytes of its own arguments are kept (CompactValue).
    constexpr bool compact() const { return held_ == Held::compact; }
    template <class L>
        requires holds<L>
    static constexpr std::size_t class_index_of = LayerT::template class_index_of<L>;
    static constexpr std::size_t class_index_named(std::string_view name) { return LayerT::class_index_named(name); }
    static constexpr std::size_t class_count = LayerT::class_count;

private:
    template <class L>
    constexpr StoredLayer(const L& layer, LayerArena* arena, bool compact)
        : box_(compact ? make_compact(layer, arena) : make<StoredAs<LayerT, L>>(layer, arena)),
          index_(LayerT::template class_index_of<L>),
          whole_(false),
          held_(compact ? Held::compact : Held::value),
          owned_(!in_arena(arena))
    {
    }
    // Never in a constant evaluation (which cannot make a value from bytes).
    template <class L>
    static constexpr bool kept_compactly(const L& layer)
    {
        if constexpr (compactable<L>)
            return !std::is_constant_evaluated() && without_kwargs(layer);
        else
            return false;
    }
    template <class L>
    static StoredBox<LayerT>* make_compact(const L& layer, LayerArena* arena)
    {
        if constexpr (compactable<L>)
            return make<StoredAs<LayerT, L, CompactValue>>(layer, arena);
        else
            return nullptr; // not called: kept_compactly is false
    }

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
    constexpr const LayerT& whole() const { return static_cast<const StoredValue<LayerT, LayerT>&>(box()).layer(); }

    StoredBox<LayerT>* box_;
    std::uint8_t index_;
    bool whole_; // a LayerT value, given as one
    Held held_;
    bool owned_; // its own allocation, not in an arena
    bool moved_from_ = false;
};

} // namespace nnshape::detail
