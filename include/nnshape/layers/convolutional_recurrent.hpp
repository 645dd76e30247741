#pragma once
// Convolutional recurrent layers: ConvLSTM1D/2D/3D.

#include "../detail/type_list.hpp"
#include "../layer_args.hpp"

namespace nnshape {

namespace detail {
using convolutional_recurrent_layers = type_list<>;
} // namespace detail

} // namespace nnshape
