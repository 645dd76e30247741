#pragma once
// OpaqueLayer: a layer nnshape knows only by facts stated for it, not by a rule of its own. The Keras
// file readers make one for a class nnshape does not know (a user's AttentionLayer, TF-Hub's
// KerasLayer, a Lambda without output_shape) when the file states its output shapes and its stored
// weights (docs/reading-models.md#layers-nnshape-does-not-know); `nnshape cpp` writes one for such a
// class; C++ code may state one too:
//
//   constexpr nnshape::OpaqueLayer attention{.keras_class = "AttentionLayer",
//                                            .outputs = {nnshape::Shape{nnshape::None, 64}},
//                                            .weights = {.trainable = 4160},
//                                            .name = "attention"};
//
// Each output shape is a full shape, batch axis included, and is taken exactly as stated: a None batch
// axis stays None, whatever the input's batch. nnshape never assumes the layer keeps its input's batch
// (nothing says it does), so a stated shape is a fact and not a pattern. The layer takes any number of
// inputs of any shape, as nnshape cannot check them; every call gives the same outputs.
//
// `weights` is the count Keras's summary would show, split as stated. A file stores weights without
// saying which are trainable: the readers count them all trainable, or all non-trainable for a layer
// whose config says `trainable: false`, as Keras's `layer.trainable = False` does.
//
// Its MACs and FLOPs are unknown (a None count, as a user's layer without a cost rule), and it has no
// receptive field: nnshape cannot see what it computes.

#include <span>
#include <string_view>

#include "../detail/fixed_string.hpp"
#include "../detail/layer_facts.hpp"
#include "../detail/type_list.hpp"
#include "../layer_args.hpp"

namespace nnshape {

// A Keras class name (a layer's `class_name` in its config, such as "AttentionLayer").
using KerasClassName = detail::fixed_string<63>;

struct OpaqueLayer {
    KerasClassName keras_class{}; // the class it stands for, shown in summaries in its place
    Shapes outputs{}; // its output shapes, batch axis included, as stated
    Params weights{}; // its weight count, as stated
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "OpaqueLayer";
    // A Keras config describes the class it stands for, which nnshape does not read: no keys.
    static constexpr void keras_config(auto&, auto&) {}
    static constexpr detail::Analyses analyses{.cost = detail::by_rule, .field = detail::no_field};

    constexpr Shapes output_shapes(std::span<const Shape>) const
    {
        detail::require(!keras_class.empty(), "OpaqueLayer: needs keras_class, the Keras class it stands for");
        detail::require(outputs.size() > 0, "OpaqueLayer: needs its output shapes (outputs)");
        return outputs;
    }
    constexpr Params params(std::span<const Shape>) const
    {
        detail::require(weights.trainable >= 0 && weights.non_trainable >= 0,
                        "OpaqueLayer: a weight count must be >= 0");
        return weights;
    }
};

namespace detail {
using opaque_layers = type_list<OpaqueLayer>;
} // namespace detail

} // namespace nnshape
