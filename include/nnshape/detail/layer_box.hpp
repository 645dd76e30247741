#pragma once
// How a functional Graph holds a custom layer: behind a small virtual interface, so that Layer, which
// every model copies, stays a variant of trivially copyable built-in layers (GCC's constant evaluation
// slows down sharply once it is not) while a Graph can take any user's class.

#include <span>
#include <string_view>

#include "../shape.hpp"
#include "rules.hpp"

namespace nnshape::detail {

template <class L>
inline constexpr char class_tag = 0; // its address identifies L: constexpr dynamic_cast fails in GCC 12

template <class L>
class Boxed;

class LayerBox {
public:
    constexpr virtual ~LayerBox() = default;
    virtual constexpr std::string_view class_name() const = 0;
    virtual constexpr std::string_view given_name() const = 0;
    virtual constexpr LayerCall call(std::span<const Shape> inputs, const Params* built) const = 0;
    virtual constexpr LayerBox* clone() const = 0; // for a Graph that takes in another Graph's records

    template <class L>
    constexpr const L* get_if() const
    {
        return type() == &class_tag<L> ? &static_cast<const Boxed<L>*>(this)->layer : nullptr;
    }

private:
    virtual constexpr const void* type() const = 0;
};

template <class L>
class Boxed final : public LayerBox {
public:
    constexpr explicit Boxed(L l) : layer(std::move(l)) {}
    constexpr ~Boxed() override {} // user-provided: GCC 12 cannot call an implicit one in constant evaluation

    constexpr std::string_view class_name() const override { return L::class_name; }
    constexpr std::string_view given_name() const override { return layer.name.view(); }
    constexpr LayerCall call(std::span<const Shape> inputs, const Params* built) const override
    {
        return call_rule::of(layer, inputs, built);
    }
    constexpr LayerBox* clone() const override { return new Boxed(layer); }

    L layer;

private:
    constexpr const void* type() const override { return &class_tag<L>; }
};

} // namespace nnshape::detail
