#pragma once
// Wrappers: Bidirectional, TimeDistributed, SpectralNormalization. A wrapper holds its layer by
// value, so models that use one can still be constexpr variables; to keep the types finite a
// wrapper holds a built-in layer (TimeDistributed also a Bidirectional), not another TimeDistributed.

#include <concepts>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <type_traits>

#include "../detail/rules.hpp"
#include "../detail/layer_facts.hpp"
#include "../detail/layer_variant.hpp"
#include "../detail/type_list.hpp"
#include "../detail/variant.hpp"
#include "../layer_args.hpp"
#include "builtin.hpp"
#include "recurrent_call.hpp"

namespace nnshape {

enum class MergeMode : std::uint8_t { sum, mul, ave, concat, none };

// The layers Bidirectional can wrap: Keras's RNN layers (Keras 2's Bidirectional(CuDNNLSTM) included).
using RecurrentLayer = detail::layer_variant_of<detail::concat<detail::recurrent_layers, detail::cudnn_recurrent_layers,
                                                               detail::convolutional_recurrent_layers>::type>::type;

// Keras's Bidirectional(layer, merge_mode="concat", weights=None, backward_layer=None). The forward
// and backward outputs are merged; with return_state their states follow, forward first. `weights`
// (initial values for both layers' weights, not in Keras's config) changes no count: in C++ it is
// only ever None.
struct Bidirectional {
    RecurrentLayer layer = SimpleRNN{};
    MergeMode merge_mode = MergeMode::concat;
    NNSHAPE_ACCEPTED(weights);
    std::optional<RecurrentLayer> backward_layer{};
    NNSHAPE_LAYER_KWARGS
    NNSHAPE_RECURRENT_CALL

    static constexpr std::string_view class_name = "Bidirectional";
    static constexpr void keras_config(auto& l, auto& key)
    {
        key("layer", l.layer, detail::required);
        key("merge_mode", l.merge_mode);
        key("weights", l.weights);
        key("backward_layer", l.backward_layer);
    }
    static constexpr detail::Analyses analyses{.cost = detail::by_rule, .field = detail::no_field};

    constexpr Shapes output_shapes(const Shape& in) const { return output_shapes(std::span<const Shape>(&in, 1)); }
    // [sequence, *initial_state]: the first half of the states goes to the forward layer, the second
    // half to the backward one (Keras 2's and Keras 3's Bidirectional call).
    constexpr Shapes output_shapes(std::span<const Shape> in) const
    {
        detail::require(!in.empty(), "Bidirectional: expects the input sequence, then optionally its initial states");
        const std::span<const Shape> states = in.subspan(1);
        detail::require(states.size() % 2 == 0,
                        "Bidirectional: When passing `initial_state` to a Bidirectional RNN, the state should be a "
                        "list containing the states of the underlying RNNs.");
        if (backward_layer) require_compatible_backward();
        const Shapes forward = layer.output_shapes(with_states(in[0], states.first(states.size() / 2)));
        const Shapes backward = backward_direction().output_shapes(with_states(in[0], states.last(states.size() / 2)));
        Shapes out;
        if (merge_mode == MergeMode::none) {
            out.push_back(forward[0]);
            out.push_back(backward[0]);
        } else if (merge_mode == MergeMode::concat) {
            Shape merged = forward[0];
            merged.back() = forward[0].back() + backward[0].back();
            out.push_back(merged);
        } else {
            detail::require(forward[0] == backward[0], "Bidirectional: with merge_mode sum, mul or ave the forward "
                                                       "and backward outputs must have the same shape");
            out.push_back(forward[0]);
        }
        for (std::size_t i = 1; i < forward.size(); ++i) out.push_back(forward[i]);
        for (std::size_t i = 1; i < backward.size(); ++i) out.push_back(backward[i]);
        return out;
    }

    constexpr Params params(const Shape& in) const { return layer.params(in) + backward_direction().params(in); }
    // Both directions, then the merge: sum and mul 1 per output element, ave 2. Initial states (the
    // inputs after the sequence) change no cost.
    constexpr Cost cost(std::span<const Shape> in, std::span<const Shape> out) const
    {
        const std::int64_t merge_ops = merge_mode == MergeMode::ave                                   ? 2
                                       : merge_mode == MergeMode::sum || merge_mode == MergeMode::mul ? 1
                                                                                                      : 0;
        return layer.cost(in.first(1)) + backward_direction().cost(in.first(1)) +
               detail::elementwise_flops(Dim(merge_ops) * detail::element_count(out[0]));
    }

private:
    static constexpr Shapes with_states(const Shape& sequence, std::span<const Shape> states)
    {
        Shapes inputs{sequence};
        for (const Shape& s : states) inputs.push_back(s);
        return inputs;
    }

    // The layer run backwards: the one given, else a copy of the forward one.
    constexpr const RecurrentLayer& backward_direction() const { return backward_layer ? *backward_layer : layer; }

    // Keras 3 checks a given backward layer against the forward one.
    constexpr void require_compatible_backward() const
    {
        const auto flags = [](const RecurrentLayer& l) {
            return detail::visit(
                [](const auto& r) { return std::array{r.return_sequences, r.return_state, r.stateful}; }, l);
        };
        const auto backwards = [](const RecurrentLayer& l) {
            return detail::visit([](const auto& r) { return r.go_backwards; }, l);
        };
        detail::require(flags(layer) == flags(*backward_layer),
                        "Bidirectional: Forward layer and backward layer should have the same `return_sequences`, "
                        "`return_state` and `stateful`.");
        detail::require(backwards(layer) != backwards(*backward_layer),
                        "Bidirectional: Forward layer and backward layer should have different `go_backwards` value.");
    }
};

// The layers the other wrappers can hold.
using WrappedLayer =
    detail::layer_variant_of<detail::concat<detail::builtin_layers, detail::type_list<Bidirectional>>::type>::type;

namespace detail {

// Keras's TimeDistributed rule, for a wrapped layer or model: (b, T, ...) -> (b, ...), the input of
// one time step...
constexpr Shape time_step_shape(const Shape& in)
{
    require(in.rank() >= 3, "TimeDistributed: `TimeDistributed` Layer should be passed an `input_shape` with at "
                            "least 3 dimensions");
    Shape step{in[0]};
    for (std::size_t i = 2; i < in.rank(); ++i) step.push_back(in[i]);
    return step;
}

// ...and each output of one step with the time axis `steps` put back: (b, ...) -> (b, T, ...).
constexpr Shapes with_time_axis(const Shapes& step_outputs, Dim steps)
{
    Shapes out;
    for (const Shape& s : step_outputs) {
        Shape with_time{s[0], steps};
        for (Dim d : s.features()) with_time.push_back(d);
        out.push_back(with_time);
    }
    return out;
}

} // namespace detail

// Keras's TimeDistributed(layer): the layer applied to every time step (axis 1) of its input. A
// Model or Sequential in its place: TimeDistributedModel (time_distributed_model.hpp).
struct TimeDistributed {
    WrappedLayer layer = Dense{};
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "TimeDistributed";
    static constexpr void keras_config(auto& l, auto& key) { key("layer", l.layer, detail::required); }
    static constexpr detail::Analyses analyses{.cost = detail::by_rule, .field = detail::no_field};

    constexpr Shapes output_shapes(const Shape& in) const
    {
        return detail::with_time_axis(layer.output_shapes(detail::time_step_shape(in)), in[1]);
    }
    constexpr Params params(const Shape& in) const { return layer.params(detail::time_step_shape(in)); }
    // Keras runs the layer once on (batch * timesteps, ...).
    constexpr Cost cost(std::span<const Shape> in, std::span<const Shape>) const
    {
        Shape steps{in[0][0] * in[0][1]};
        for (std::size_t i = 2; i < in[0].rank(); ++i) steps.push_back(in[0][i]);
        return layer.cost(std::span<const Shape>(&steps, 1));
    }
};

namespace detail {

// The last axis of the weight SpectralNormalization normalizes (`kernel` or `embeddings`).
struct kernel_last_axis {
    template <class L>
    static constexpr std::int64_t of(const L& l, const Shape& in)
    {
        if constexpr (std::is_same_v<L, Dense>) {
            return l.units;
        } else if constexpr (std::is_same_v<L, Embedding>) {
            return l.output_dim;
        } else if constexpr (requires {
                                 l.filters;
                                 l.groups;
                             }) { // Conv: (*k, in / groups, filters)
            return l.filters;
        } else if constexpr (requires { l.output_padding; }) { // ConvTranspose: (*k, filters, in)
            return known_channels(in, l.data_format);
        } else if constexpr (requires { l.depth_multiplier; } && !requires { l.filters; }) { // DepthwiseConv: (*k, in,
                                                                                             // dm)
            return l.depth_multiplier;
        } else {
            require(false, "SpectralNormalization: the wrapped layer has no attribute 'kernel' nor 'embeddings'");
            return 0;
        }
    }
};

} // namespace detail

// Keras 3's SpectralNormalization(layer, power_iterations=1): the layer's shapes and weights plus a
// non-trainable vector `u` as long as the kernel's last axis.
struct SpectralNormalization {
    WrappedLayer layer = Dense{};
    std::int64_t power_iterations = 1;
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "SpectralNormalization";
    static constexpr void keras_config(auto& l, auto& key)
    {
        key("layer", l.layer, detail::required);
        key("power_iterations", l.power_iterations);
    }
    static constexpr detail::Analyses analyses{.cost = detail::by_rule, .field = detail::no_field};

    constexpr Shapes output_shapes(const Shape& in) const
    {
        detail::require(power_iterations > 0, "SpectralNormalization: `power_iterations` should be greater than zero.");
        return layer.output_shapes(in);
    }
    // A template, so that the kernel's axis rule of every class is compiled only where a
    // SpectralNormalization's weights are counted.
    constexpr Params params(const std::same_as<Shape> auto& in) const
    {
        const std::int64_t u = detail::apply<detail::kernel_last_axis, std::int64_t>(layer, in);
        return layer.params(in) + Params{0, u};
    }
    // The layer's cost: the power iteration runs in training only.
    constexpr Cost cost(std::span<const Shape> in, std::span<const Shape> out) const
    {
        return layer.rules().cost(layer, in, out);
    }
};

namespace detail {
using wrapper_layers = type_list<Bidirectional, TimeDistributed, SpectralNormalization>;
} // namespace detail

} // namespace nnshape
