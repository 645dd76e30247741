// expect: All dimensions of `value` and `key`, except the last one, must be equal.
// Keras 3 test_shape_mismatch_error: key (2, 1, 7) against value (2, 2, 8).
#include <nnshape/nnshape.hpp>

using namespace nnshape;

constexpr Shape attended()
{
    Graph g;
    auto q = Input(g, {.batch_shape = Shape{2, 4, 8}});
    auto v = Input(g, {.batch_shape = Shape{2, 2, 8}});
    auto k = Input(g, {.batch_shape = Shape{2, 1, 7}});
    return MultiHeadAttention{.num_heads = 4, .key_dim = 2, .value_dim = 2}({q, v, k}).shape();
}
static_assert(attended().rank() == 3);
