// expect: requires inputs with matching shapes except for the concatenation axis
// The notebook's (2, 50, 60, 3) and (2, 60, 50, 3) concatenated on axis 3.
#include <nnshape/nnshape.hpp>

using namespace nnshape;

constexpr Shape concatenated()
{
    Graph g;
    auto a = Input(g, {.batch_shape = Shape{2, 50, 60, 3}});
    auto b = Input(g, {.batch_shape = Shape{2, 60, 50, 3}});
    return Concatenate{.axis = 3}({a, b}).shape();
}
static_assert(concatenated().rank() == 4);
