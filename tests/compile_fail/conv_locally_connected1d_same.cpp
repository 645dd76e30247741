// expect: Invalid border mode for LocallyConnected1D
// tf.keras locally_connected1d.py: padding='same' needs implementation 2 or 3.
#include <nnshape/nnshape.hpp>

using namespace nnshape;
constexpr Sequential model{
    LocallyConnected1D{.filters = 8, .kernel_size = 3, .padding = same, .input_shape = Shape{10, 4}}};
