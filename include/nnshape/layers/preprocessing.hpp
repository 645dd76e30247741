#pragma once
// Preprocessing layers with shapes or weights.

#include "../detail/type_list.hpp"
#include "../layer_args.hpp"

namespace nnshape {

namespace detail {
using preprocessing_layers = type_list<>;
} // namespace detail

} // namespace nnshape
