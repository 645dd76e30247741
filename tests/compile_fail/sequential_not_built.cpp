// expect: This model has not yet been built
// Keras's error for count_params() on a Sequential whose first layer declares no input shape.
#include <nnshape/nnshape.hpp>

using namespace nnshape;
static_assert(Sequential{Dense{.units = 2}}.count_params() == 0);
