// expect: Shape: rank exceeds nnshape
// GCC prints the message's apostrophe escaped (nnshape\'s), so the expected text stops before it.
#include <nnshape/nnshape.hpp>

using namespace nnshape;
constexpr Shape nine{None, 1, 2, 3, 4, 5, 6, 7, 8};
