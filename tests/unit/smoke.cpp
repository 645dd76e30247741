#include <doctest/doctest.h>
#include <nnshape/nnshape.hpp>

TEST_CASE("Dense on a rank-3 input (spec 9: Dense(5) on (None,3,4) -> (None,3,5), 25)")
{
    using namespace nnshape;
    const Sequential m{Dense{.units = 5, .input_shape = Shape{3, 4}}};
    CHECK(m.output_shape() == Shape{None, 3, 5});
    CHECK(m.count_params() == 25);
}
