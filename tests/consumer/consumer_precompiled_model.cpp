// The model of consumer_precompiled.cpp, in a translation unit of its own.
#include <nnshape/nnshape.hpp>

nnshape::Model classifier(nnshape::Graph& g)
{
    using namespace nnshape;
    const Tensor inputs = Input(g, {.shape = {28, 28, 1}});
    Tensor x = Conv2D{.filters = 8, .kernel_size = 3}(inputs);
    x = Flatten{}(x);
    return Model{inputs, Dense{.units = 10}(x)};
}
