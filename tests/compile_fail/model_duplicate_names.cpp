// expect: All layer names should be unique.
// Keras: `The name "d" is used 2 times in the model. All layer names should be unique.`
#include <nnshape/nnshape.hpp>

#include <cstdint>

using namespace nnshape;

constexpr std::int64_t duplicate()
{
    Graph g;
    auto x = Input(g, {.shape = Shape{4}});
    auto y = Dense{.units = 2, .name = "d"}(Dense{.units = 3, .name = "d"}(x));
    return Model{x, y}.count_params();
}
static_assert(duplicate() > 0);
