#pragma once
// One layer's Keras config, both ways: written from a layer and read into one, as {"class_name": ...,
// "config": {...}}. Declared here, defined in config_writer.hpp and layers.hpp (where this translation
// unit defines the entry points: io/linkage.hpp): a program linking the compiled library calls the
// library's, which instantiate every layer class's config rules. The per-layer test harness
// round-trips every class through them.

#include "../../layer.hpp"
#include "../linkage.hpp"
#include "json.hpp"
#include "where.hpp"

namespace nnshape::io::detail {

// A built-in layer's config ({"class_name": ..., "config": {...}}), as Keras's serialize_keras_object
// writes it.
NNSHAPE_IO_API json config_json(const Layer& layer);
// One built-in layer from its config; `depth`: how deep in nested models and wrappers it is.
NNSHAPE_IO_API Layer read_layer(const json& entry, const Where& where, int depth);

} // namespace nnshape::io::detail
