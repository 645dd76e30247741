#pragma once
// A list of types, so each layer family header can name its layers and layer.hpp can join them.

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

} // namespace nnshape::detail
