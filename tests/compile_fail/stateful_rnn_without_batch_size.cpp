// expect: If a RNN is stateful, it needs to know its batch size
// A stateful LSTM whose input has no batch size (input_shape instead of batch_input_shape).
#include <nnshape/nnshape.hpp>

using namespace nnshape;
constexpr Sequential model{LSTM{.units = 4, .stateful = true, .input_shape = Shape{5, 3}}};
