#pragma once
// A list of types, so each layer family header can name its layers and layer.hpp can join them.

#include <type_traits>

namespace nnshape::detail {

template <class... T>
struct type_list {};

template <class... Lists>
struct concat;
template <class... T>
struct concat<type_list<T...>> {
    using type = type_list<T...>;
};
template <class... A, class... B, class... Rest>
struct concat<type_list<A...>, type_list<B...>, Rest...> : concat<type_list<A..., B...>, Rest...> {};

template <class T, class List>
struct contains;
template <class T, class... Ts>
struct contains<T, type_list<Ts...>> : std::bool_constant<(std::is_same_v<T, Ts> || ...)> {};

} // namespace nnshape::detail
