// Every built-in layer class added to a functional Graph and to a Sequential at run time: the per-class
// code a translation unit compiles when it can meet any class (the Keras readers, the per-layer test
// harness). bench/compile_time.sh case (v) compiles it; it is not run (a default-made layer of some
// classes has no valid arguments).
#include <nnshape/nnshape.hpp>

#include <type_traits>

namespace {

template <class L>
void add(nnshape::Graph& graph, nnshape::Sequential<>& sequential)
{
    if constexpr (!std::is_same_v<L, nnshape::InputLayer> && std::is_default_constructible_v<L>) {
        (void)graph.add(L{});
        sequential.add(L{});
    }
}

template <class... L>
void add_every_class(nnshape::detail::type_list<L...>, nnshape::Graph& graph, nnshape::Sequential<>& sequential)
{
    (add<L>(graph, sequential), ...);
}

} // namespace

void add_every_class(nnshape::Graph& graph, nnshape::Sequential<>& sequential)
{
    add_every_class(nnshape::detail::layer_list{}, graph, sequential);
}
