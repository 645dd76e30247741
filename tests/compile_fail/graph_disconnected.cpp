// expect: Graph disconnected
// The output depends on an Input that is not among the model's inputs.
#include <nnshape/nnshape.hpp>

using namespace nnshape;

constexpr std::int64_t disconnected()
{
    Graph g;
    auto a = Input(g, {.shape = Shape{4}});
    auto b = Input(g, {.shape = Shape{4}});
    auto y = Dense{.units = 2}(b);
    return Model{a, y}.count_params();
}
static_assert(disconnected() == 10);
