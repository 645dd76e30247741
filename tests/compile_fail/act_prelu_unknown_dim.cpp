// expect: Shapes used to initialize variables must be fully-defined (no `None` dimensions).
// PReLU() on (None, None, 3): alpha would have shape (None, 3) (spec §2.10 [run]: an error).
#include <nnshape/nnshape.hpp>

using namespace nnshape;
constexpr Sequential model{PReLU{.input_shape = {None, 3}}};
