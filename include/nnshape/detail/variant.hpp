#pragma once
// detail::Variant<T...>: the tagged union that holds one layer (or RNN cell) of any class;
// detail::visit (a generic lambda on the alternative) and detail::apply (a rule written once per class,
// through one table per rule: every class's rule is compiled where it is called, so the rules every
// model runs go through detail::LayerVariant's per-class tables instead), and per-class tables of
// names and traits.
//
// Why not std::variant: libstdc++ 12 reaches alternative I through I nested unions, so with 88
// layer classes instantiating the variant and its accessors is quadratic (~0.4 s of compile time
// per variant type and per visit), and each access costs a constant evaluation up to I steps.
// Here the alternatives sit in a balanced tree of unions: depth log2(N) for every access. Layers
// are trivially copyable values, which keeps the union's copy and destruction trivial (and the
// union usable in constant evaluation and as part of constexpr variables).

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <type_traits>
#include <utility>

#include "type_list.hpp"

namespace nnshape::detail {

// The first N types of a list and the rest.
template <std::size_t N, class Taken, class Rest>
struct split_at;
template <class... A, class... B>
struct split_at<0, type_list<A...>, type_list<B...>> {
    using first = type_list<A...>;
    using second = type_list<B...>;
};
template <std::size_t N, class... A, class B0, class... B>
    requires(N > 0)
struct split_at<N, type_list<A...>, type_list<B0, B...>> : split_at<N - 1, type_list<A..., B0>, type_list<B...>> {};

template <class List>
union union_tree;

template <class T>
union union_tree<type_list<T>> {
    T leaf;

    constexpr union_tree(std::in_place_index_t<0>, const T& value) : leaf(value) {}
};

template <class... T>
union union_tree<type_list<T...>> {
    static constexpr std::size_t half = sizeof...(T) / 2;
    using halves = split_at<half, type_list<>, type_list<T...>>;

    union_tree<typename halves::first> left;
    union_tree<typename halves::second> right;

    template <std::size_t I, class U>
        requires(I < half)
    constexpr union_tree(std::in_place_index_t<I>, const U& value) : left(std::in_place_index<I>, value)
    {
    }
    template <std::size_t I, class U>
        requires(I >= half)
    constexpr union_tree(std::in_place_index_t<I>, const U& value) : right(std::in_place_index<I - half>, value)
    {
    }
};

// The members leading from a union_tree to its alternative I, as a list of member pointers: Variant::get
// follows them in one function per alternative (a recursive get would be one per alternative and level).
template <auto... M>
struct member_path {};
template <class Tree, std::size_t I, class Path = member_path<>>
struct path_to;
// One step down, to the half that holds alternative I: a specialization per side, so that only the path
// taken is instantiated (std::conditional_t would instantiate both sides, all the way down).
template <class Tree, std::size_t I, class Path, bool InLeft = (I < Tree::half)>
struct path_step;
template <class Tree, std::size_t I, auto... M>
struct path_step<Tree, I, member_path<M...>, true> : path_to<decltype(Tree::left), I, member_path<M..., &Tree::left>> {
};
template <class Tree, std::size_t I, auto... M>
struct path_step<Tree, I, member_path<M...>, false>
    : path_to<decltype(Tree::right), I - Tree::half, member_path<M..., &Tree::right>> {};

template <class T, std::size_t I, auto... M>
struct path_to<union_tree<type_list<T>>, I, member_path<M...>> {
    using type = member_path<M..., &union_tree<type_list<T>>::leaf>;
};
template <class... T, std::size_t I, class Path>
    requires(sizeof...(T) > 1)
struct path_to<union_tree<type_list<T...>>, I, Path> : path_step<union_tree<type_list<T...>>, I, Path> {};

template <class Tree, auto... M>
constexpr const auto& follow(const Tree& tree, member_path<M...>)
{
    return (tree.*....*M);
}

template <class T0, class...>
struct front {
    using type = T0;
};

// index_of<U, T...>: the position of U among T..., found by overload resolution against one base
// class per alternative (one class for the whole list, not a comparison per pair of types: mapping
// all of one variant's classes to another's stays linear).
template <std::size_t I, class T>
struct indexed {};
template <class Indices, class... T>
struct index_map;
template <std::size_t... I, class... T>
struct index_map<std::index_sequence<I...>, T...> : indexed<I, T>... {};
template <class U, std::size_t I>
std::integral_constant<std::size_t, I> index_in(const indexed<I, U>*);

template <class U, class... T>
inline constexpr std::size_t index_of =
    decltype(index_in<U>(static_cast<const index_map<std::index_sequence_for<T...>, T...>*>(nullptr)))::value;

template <class... T>
    requires(sizeof...(T) > 0 && sizeof...(T) < 256)
class Variant {
    static_assert((std::is_trivially_copyable_v<T> && ...) && (std::is_trivially_destructible_v<T> && ...),
                  "nnshape: a layer class must be trivially copyable (names are fixed_strings, not std::strings)");

public:
    template <class U>
    static constexpr bool holds = (std::is_same_v<U, T> || ...);
    template <class U> // only for a U it holds: index_of has no answer for another
    static constexpr std::size_t index_of_type = index_of<U, T...>;
    static constexpr std::size_t size = sizeof...(T);
    using alternatives = type_list<T...>;

    // Like std::variant's: the first alternative, value-initialized.
    constexpr Variant()
        requires std::is_default_constructible_v<typename front<T...>::type>
        : Variant(typename front<T...>::type{})
    {
    }

    template <class U>
        requires holds<std::remove_cvref_t<U>>
    constexpr Variant(const U& value)
        : index_(static_cast<std::uint8_t>(index_of<std::remove_cvref_t<U>, T...>)),
          tree_(std::in_place_index<index_of<std::remove_cvref_t<U>, T...>>, value)
    {
    }

    constexpr std::size_t index() const { return index_; }

    template <std::size_t I>
    constexpr const auto& get() const
    {
        return follow(tree_, typename path_to<union_tree<type_list<T...>>, I>::type{});
    }
    template <class U>
        requires holds<U>
    constexpr const U* get_if() const
    {
        constexpr std::size_t i = index_of<U, T...>;
        return index_ == i ? &get<i>() : nullptr;
    }

private:
    std::uint8_t index_;
    union_tree<type_list<T...>> tree_;
};

template <class List>
struct variant_of;
template <class... T>
struct variant_of<type_list<T...>> {
    using type = Variant<T...>;
};

template <class R, class F, class V, std::size_t I>
constexpr R visit_alternative(F& f, const V& v)
{
    static_assert(std::is_same_v<decltype(f(v.template get<I>())), R>,
                  "detail::visit: every alternative's call must return the same type");
    return f(v.template get<I>());
}

template <class R, class F, class V, class Indices>
inline constexpr auto visit_table = nullptr;
template <class R, class F, class V, std::size_t... I>
inline constexpr R (*visit_table<R, F, V, std::index_sequence<I...>>[sizeof...(I)])(F&, const V&) = {
    &visit_alternative<R, F, V, I>...};

// std::visit for one Variant, through one table of function pointers (libstdc++'s std::visit also
// instantiates every alternative's call a second time, to check the result types).
template <class F, class V>
constexpr decltype(auto) visit(F&& f, const V& v)
{
    using R = decltype(f(v.template get<0>()));
    return visit_table<R, std::remove_reference_t<F>, V, std::make_index_sequence<V::size>>[v.index()](f, v);
}

// detail::apply<Op, R>(v, args...): Op::of(the alternative as its own type, args...), for the rules every
// class has (shapes, weights, names). Unlike visit with a generic lambda, it adds one function per class
// (apply_alternative; Op::of is the rule's own), not three: fewer instantiations to compile, and a
// failed rule in constant evaluation sits three compiler frames closer to the user's call.
template <class Op, class R, class V, std::size_t I, class... A>
constexpr R apply_alternative(const V& v, const A&... args)
{
    return Op::of(v.template get<I>(), args...);
}

template <class Op, class R, class V, class Indices, class... A>
inline constexpr auto apply_table = nullptr;
template <class Op, class R, class V, std::size_t... I, class... A>
inline constexpr R (*apply_table<Op, R, V, std::index_sequence<I...>, A...>[sizeof...(I)])(const V&, const A&...) = {
    &apply_alternative<Op, R, V, I, A...>...};

template <class Op, class R, class V, class... A>
constexpr R apply(const V& v, const A&... args)
{
    return apply_table<Op, R, V, std::make_index_sequence<V::size>, A...>[v.index()](v, args...);
}

// Trait<alternative>::value of every alternative, by index: a class's fact needs no call at all.
template <template <class> class Trait, class List>
inline constexpr auto class_flags_of = nullptr;
template <template <class> class Trait, class... T>
inline constexpr bool class_flags_of<Trait, type_list<T...>>[sizeof...(T)] = {Trait<T>::value...};
template <template <class> class Trait, class V>
inline constexpr const auto& class_flags = class_flags_of<Trait, typename V::alternatives>;

// Every alternative's `class_name`, by index: a class name needs no call at all.
template <class List>
inline constexpr auto class_names_of = nullptr;
template <class... T>
inline constexpr std::string_view class_names_of<type_list<T...>>[sizeof...(T)] = {T::class_name...};
template <class V>
inline constexpr const auto& class_names = class_names_of<typename V::alternatives>;

} // namespace nnshape::detail
