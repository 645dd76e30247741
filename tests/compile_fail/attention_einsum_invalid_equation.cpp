// expect: Invalid einsum equation. Equations must be in the form
// EinsumDense takes "[X],[Y]->[Z]" with an optional ellipsis; "ab->b" has no kernel spec.
#include <nnshape/nnshape.hpp>

using namespace nnshape;
constexpr Sequential model{EinsumDense{.equation = "ab->b", .output_shape = 4, .input_shape = Shape{4}}};
