#pragma once
// Every built-in layer family, and the list of their layers (wrappers excepted).

#include "../detail/type_list.hpp"
#include "activations.hpp"
#include "attention.hpp"
#include "convolutional.hpp"
#include "convolutional_recurrent.hpp"
#include "core.hpp"
#include "legacy.hpp"
#include "locally_connected.hpp"
#include "merging.hpp"
#include "normalization.hpp"
#include "opaque.hpp"
#include "ops.hpp"
#include "pooling.hpp"
#include "preprocessing.hpp"
#include "recurrent.hpp"
#include "recurrent_cudnn.hpp"
#include "regularization.hpp"
#include "reshaping.hpp"

namespace nnshape::detail {

using builtin_layers = concat<core_layers, legacy_layers, activation_layers, regularization_layers, reshaping_layers,
                              convolutional_layers, pooling_layers, recurrent_layers, cudnn_recurrent_layers,
                              convolutional_recurrent_layers, normalization_layers, locally_connected_layers,
                              merging_layers, attention_layers, preprocessing_layers, op_layers, opaque_layers>::type;

} // namespace nnshape::detail
