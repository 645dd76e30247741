#include <nnshape/nnshape.hpp>

static_assert(nnshape::Shape{nnshape::None, 6, 6, 3}.rank() == 4);

int main() { return nnshape::Shape{nnshape::None, 3}.rank() == 2 ? 0 : 1; }
