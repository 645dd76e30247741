#pragma once
// A model as a self-contained C++ header that rebuilds it with nnshape's API and checks, at compile
// time, the numbers nnshape computed for it: what `nnshape cpp MODEL` prints. Meant for a model read
// from a Keras file (io::LoadedModel), so that an engineer can check hand-written inference code
// against the trained model with static_assert. Standard library only, on top of the core.
//
//   const nnshape::io::LoadedModel m = nnshape::io::load_keras_file("model.h5");
//   std::string header = m.visit([](const auto& model) { return nnshape::io::model_to_cpp(model, {.name_space =
//   "mnist"}); });
//
// The header holds one `constexpr` function per model (a nested model is its own function, which the
// outer one calls), every layer with its Keras name and the arguments that differ from the class's
// defaults (cpp_writer/values.hpp), the functional wiring as C++ spells it (Input, layer calls, shared
// layers through Graph::add, nested model calls, initial_state), then static_asserts on the total
// parameters, their trainable/non-trainable split and each output shape. Identifiers come from Keras's
// names, made valid C++ (`tf.__operators__.add_3` is `tf_operators_add_3`); the Keras name stays in
// `.name`. Custom layer classes (held by a Graph, not a Layer) and a layer shared between two models
// are not written: model_to_cpp throws shape_error("cpp_writer: ...").

#include "cpp_writer/api.hpp"
#if NNSHAPE_IO_DEFINES_API
#include "cpp_writer/write.hpp"
#endif
