// expect: a named layer value cannot be called
// Calling a named layer (an lvalue) on a tensor: each call would be a new layer with new weights.
#include <nnshape/nnshape.hpp>

using namespace nnshape;

bool call_named_layer()
{
    Graph g;
    auto x = Input(g, {.shape = Shape{4}});
    Dense dense{.units = 8};
    dense(x);
    return true;
}
