// expect: Incompatible input shapes: the sizes along the two dot axes differ.
// Spec §9: Dot(axes=2) on (3, 4) and (5, 6): 4 != 6.
#include <nnshape/nnshape.hpp>

using namespace nnshape;

constexpr Shape dotted()
{
    Graph g;
    auto a = Input(g, {.shape = Shape{3, 4}});
    auto b = Input(g, {.shape = Shape{5, 6}});
    return Dot{.axes = 2}({a, b}).shape();
}
static_assert(dotted().rank() == 2);
