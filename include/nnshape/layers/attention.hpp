#pragma once
// Attention layers.

#include "../detail/type_list.hpp"
#include "../layer_args.hpp"

namespace nnshape {

namespace detail {
using attention_layers = type_list<>;
} // namespace detail

} // namespace nnshape
