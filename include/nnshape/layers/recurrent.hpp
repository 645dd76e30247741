#pragma once
// Recurrent layers: SimpleRNN, LSTM, GRU.

#include <cstdint>
#include <optional>
#include <string_view>

#include "../detail/type_list.hpp"
#include "../detail/checked.hpp"
#include "../layer_args.hpp"

namespace nnshape {

namespace detail {

struct RecurrentOptions {
    std::int64_t units;
    bool return_sequences;
    bool return_state;
    bool stateful;
    std::size_t state_count; // LSTM carries (h, c); the others h
};

// (b, T, features) -> (b, [T,] units), then one (b, units) per state when return_state.
constexpr Shapes recurrent_shapes(const Shape& in, const RecurrentOptions& o)
{
    require(o.units > 0, "RNN: units must be a positive integer");
    require(in.rank() == 3, "RNN: expected ndim=3 (batch, timesteps, features)");
    require(!o.stateful || in[0].known(),
            "RNN: If a RNN is stateful, it needs to know its batch size. Specify the batch size of your input "
            "tensors (batch_input_shape on the first layer of a Sequential, batch_shape on an Input).");
    Shapes out;
    out.push_back(o.return_sequences ? Shape{in[0], in[1], o.units} : Shape{in[0], o.units});
    for (std::size_t i = 0; o.return_state && i < o.state_count; ++i) out.push_back(Shape{in[0], o.units});
    return out;
}

// `gates` blocks of kernel (in, units), recurrent kernel (units, units) and `biases_per_gate` biases.
constexpr Params recurrent_params(const Shape& in, std::int64_t units, std::int64_t gates,
                                  std::int64_t biases_per_gate)
{
    require(in.back().known(), "RNN: the feature (last) dimension of the input must be defined");
    const std::int64_t per_gate = checked_add(checked_mul(units, checked_add(in.back().value(), units)),
                                              checked_mul(biases_per_gate, units));
    return {checked_mul(gates, per_gate)};
}

} // namespace detail

// The recurrent layers also take Keras's `input_dim` / `input_length` on the first layer of a
// Sequential: they stand for `input_shape = (input_length, input_dim)`.
#define NNSHAPE_RECURRENT_ARGS                                                                     \
    std::int64_t units = 0;                                                                        \
    bool use_bias = true;                                                                          \
    bool return_sequences = false;                                                                 \
    bool return_state = false;                                                                     \
    bool go_backwards = false;                                                                     \
    bool stateful = false;

struct SimpleRNN {
    NNSHAPE_RECURRENT_ARGS
    std::optional<std::int64_t> input_dim{};
    std::optional<std::int64_t> input_length{};
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "SimpleRNN";

    constexpr Shapes output_shapes(const Shape& in) const
    {
        return detail::recurrent_shapes(in, {units, return_sequences, return_state, stateful, 1});
    }
    constexpr Params params(const Shape& in) const { return detail::recurrent_params(in, units, 1, use_bias); }
};

struct LSTM {
    NNSHAPE_RECURRENT_ARGS
    std::optional<std::int64_t> input_dim{};
    std::optional<std::int64_t> input_length{};
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "LSTM";

    constexpr Shapes output_shapes(const Shape& in) const
    {
        return detail::recurrent_shapes(in, {units, return_sequences, return_state, stateful, 2});
    }
    constexpr Params params(const Shape& in) const { return detail::recurrent_params(in, units, 4, use_bias); }
};

// `reset_after` defaults to true as in tf.keras 2 and Keras 3; Keras 2.1-2.3 defaulted to false
// (one bias per gate instead of two).
struct GRU {
    NNSHAPE_RECURRENT_ARGS
    bool reset_after = true;
    std::optional<std::int64_t> input_dim{};
    std::optional<std::int64_t> input_length{};
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "GRU";

    constexpr Shapes output_shapes(const Shape& in) const
    {
        return detail::recurrent_shapes(in, {units, return_sequences, return_state, stateful, 1});
    }
    constexpr Params params(const Shape& in) const
    {
        return detail::recurrent_params(in, units, 3, use_bias ? (reset_after ? 2 : 1) : 0);
    }
};

#undef NNSHAPE_RECURRENT_ARGS

namespace detail {
using recurrent_layers = type_list<SimpleRNN, LSTM, GRU>;
} // namespace detail

} // namespace nnshape
