#pragma once
// nnshape: Keras-exact output shapes and parameter counts, at compile time and at run time.
// This umbrella header has everything but printing (nnshape/summary.hpp, nnshape/fmt.hpp).

#include "error.hpp"
#include "functional.hpp"
#include "layer.hpp"
#include "layer_args.hpp"
#include "naming.hpp"
#include "ops.hpp"
#include "sequential.hpp"
#include "shape.hpp"
#include "time_distributed_model.hpp"
#include "trace.hpp"
