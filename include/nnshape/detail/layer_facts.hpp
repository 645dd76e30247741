#pragma once
// What every built-in layer states about itself beside its shape rule, so that the parts of nnshape
// that serve all layers are derived from the layer's own header instead of a list kept elsewhere:
//
//   static constexpr void keras_config(auto& layer, auto& key)
//   {
//       key("units", layer.units, detail::required); // Keras's config keys, in Keras's argument order
//       key("use_bias", layer.use_bias);            // a missing key keeps the member's default
//       key("kernel_initializer", layer.kernel_initializer); // accepted, not stored (NNSHAPE_ACCEPTED)
//       key.refused("quantization_config", "nnshape does not model quantized weights"); // NNSHAPE_ONLY_NONE
//   }
//   static constexpr std::array<std::string_view, 1> keras_aliases{"Convolution2D"}; // optional
//   static constexpr detail::Analyses analyses{.cost = detail::by_rule, .field = detail::elementwise};
//
// `keras_config` is a template on the visitor `key`: the Keras JSON reader passes one that reads
// each member from the config, the layer reference in docs/layers.md one that lists the keys and
// their defaults, and the per-layer test harness one that writes the config back. It costs nothing
// until one of them calls it. `analyses` is checked by the analyses themselves: a layer without it,
// or one that says `by_rule` without a rule, does not compile.

#include <cstdint>

namespace nnshape::detail {

// How a config key is read.
struct KeyTraits {
    bool required = false; // Keras's from_config needs it: a config without it is an error
    bool one_item_list = false; // an int that a built layer's config writes as a one-item list ([3])
};
inline constexpr KeyTraits required{.required = true};
inline constexpr KeyTraits int_or_one_item_list{.one_item_list = true};

// How MACs/FLOPs (analysis/flops.hpp) and receptive fields (analysis/receptive_field.hpp) treat a
// layer. `by_rule`: the analysis has a rule written for this class.
enum class AnalysisRule : std::uint8_t {
    by_rule,
    no_arithmetic, // cost: copies, lookups, inference-time identities (no counted arithmetic)
    elementwise, // field: each output value depends on the input value at its position only
    no_field, // field: outputs are not aligned with input positions (Flatten, RNN, attention, ...)
};
inline constexpr AnalysisRule by_rule = AnalysisRule::by_rule;
inline constexpr AnalysisRule no_arithmetic = AnalysisRule::no_arithmetic;
inline constexpr AnalysisRule elementwise = AnalysisRule::elementwise;
inline constexpr AnalysisRule no_field = AnalysisRule::no_field;

struct Analyses {
    AnalysisRule cost; // by_rule or no_arithmetic
    AnalysisRule field; // by_rule, elementwise or no_field
};

} // namespace nnshape::detail
