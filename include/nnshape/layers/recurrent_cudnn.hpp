#pragma once
// Keras 2's and tf.keras's cuDNN-only recurrent layers, CuDNNLSTM and CuDNNGRU (Keras 2.x
// keras/layers/cudnn_recurrent.py, tf.keras 2.x keras/layers/rnn/cudnn_lstm.py and cudnn_gru.py;
// TensorFlow 2 keeps them as tf.compat.v1.keras.layers; Keras 3 has neither). Their shapes are the
// recurrent layers' (recurrent.hpp); their weights differ: no `use_bias` and no activations to choose,
// and cuDNN keeps two bias vectors per gate (one for the input, one for the recurrent matmul), so a
// CuDNNLSTM has 8 * units biases where an LSTM has 4 * units.

#include <cstdint>
#include <span>
#include <string_view>

#include "../detail/layer_facts.hpp"
#include "../detail/type_list.hpp"
#include "../layer_args.hpp"
#include "recurrent.hpp"
#include "recurrent_call.hpp"

namespace nnshape {

namespace detail {

// The cell CuDNNLSTM runs, as its build makes its weights: kernel (input_dim, 4 * units), recurrent
// kernel (units, 4 * units), bias (8 * units); the states are h and c. (CuDNNGRU's weights are a
// GRUCell's with reset_after: kernel (input_dim, 3 * units), recurrent kernel (units, 3 * units),
// bias (6 * units).)
struct CuDNNLSTMCell {
    std::int64_t units = 0;

    constexpr Params params(std::int64_t input_dim) const { return gated_params(input_dim, units, 4, 2); }
    constexpr StateSizes state_sizes() const { return {{units, units}, 2}; }
};

// What the two layers take after their initializers, regularizers and constraints (tf.keras's order;
// Keras 2.x takes go_backwards as a keyword argument at the same place in its config).
constexpr void cudnn_flag_keys(auto& l, auto& key)
{
    recurrent_flag_keys(l, key);
    key("time_major", l.time_major);
}

} // namespace detail

struct CuDNNLSTM {
    std::int64_t units = 0;
    NNSHAPE_ACCEPTED(kernel_initializer);
    NNSHAPE_ACCEPTED(recurrent_initializer);
    NNSHAPE_ACCEPTED(bias_initializer);
    NNSHAPE_ACCEPTED(unit_forget_bias);
    NNSHAPE_ACCEPTED(kernel_regularizer);
    NNSHAPE_ACCEPTED(recurrent_regularizer);
    NNSHAPE_ACCEPTED(bias_regularizer);
    NNSHAPE_ACCEPTED(activity_regularizer);
    NNSHAPE_ACCEPTED(kernel_constraint);
    NNSHAPE_ACCEPTED(recurrent_constraint);
    NNSHAPE_ACCEPTED(bias_constraint);
    bool return_sequences = false;
    bool return_state = false;
    bool go_backwards = false;
    bool stateful = false;
    bool time_major = false; // tf.keras 2.x: inputs and outputs (timesteps, batch, ...)
    NNSHAPE_LAYER_KWARGS
    NNSHAPE_RECURRENT_CALL

    static constexpr std::string_view class_name = "CuDNNLSTM";
    static constexpr void keras_config(auto& l, auto& key)
    {
        key("units", l.units, detail::required);
        key("kernel_initializer", l.kernel_initializer);
        key("recurrent_initializer", l.recurrent_initializer);
        key("bias_initializer", l.bias_initializer);
        key("unit_forget_bias", l.unit_forget_bias);
        key("kernel_regularizer", l.kernel_regularizer);
        key("recurrent_regularizer", l.recurrent_regularizer);
        key("bias_regularizer", l.bias_regularizer);
        key("activity_regularizer", l.activity_regularizer);
        key("kernel_constraint", l.kernel_constraint);
        key("recurrent_constraint", l.recurrent_constraint);
        key("bias_constraint", l.bias_constraint);
        detail::cudnn_flag_keys(l, key);
    }
    static constexpr detail::Analyses analyses{.cost = detail::by_rule, .field = detail::no_field};
    constexpr detail::CuDNNLSTMCell cell() const { return {.units = units}; }
    constexpr Shapes output_shapes(const Shape& in) const { return detail::recurrent_shapes(*this, in); }
    constexpr Shapes output_shapes(std::span<const Shape> in) const { return detail::recurrent_call_shapes(*this, in); }
    constexpr Params params(const Shape& in) const { return detail::recurrent_params(*this, in); }
};

struct CuDNNGRU {
    std::int64_t units = 0;
    NNSHAPE_ACCEPTED(kernel_initializer);
    NNSHAPE_ACCEPTED(recurrent_initializer);
    NNSHAPE_ACCEPTED(bias_initializer);
    NNSHAPE_ACCEPTED(kernel_regularizer);
    NNSHAPE_ACCEPTED(recurrent_regularizer);
    NNSHAPE_ACCEPTED(bias_regularizer);
    NNSHAPE_ACCEPTED(activity_regularizer);
    NNSHAPE_ACCEPTED(kernel_constraint);
    NNSHAPE_ACCEPTED(recurrent_constraint);
    NNSHAPE_ACCEPTED(bias_constraint);
    bool return_sequences = false;
    bool return_state = false;
    bool go_backwards = false;
    bool stateful = false;
    bool time_major = false; // tf.keras 2.x: inputs and outputs (timesteps, batch, ...)
    NNSHAPE_LAYER_KWARGS
    NNSHAPE_RECURRENT_CALL

    static constexpr std::string_view class_name = "CuDNNGRU";
    static constexpr void keras_config(auto& l, auto& key)
    {
        key("units", l.units, detail::required);
        key("kernel_initializer", l.kernel_initializer);
        key("recurrent_initializer", l.recurrent_initializer);
        key("bias_initializer", l.bias_initializer);
        key("kernel_regularizer", l.kernel_regularizer);
        key("recurrent_regularizer", l.recurrent_regularizer);
        key("bias_regularizer", l.bias_regularizer);
        key("activity_regularizer", l.activity_regularizer);
        key("kernel_constraint", l.kernel_constraint);
        key("recurrent_constraint", l.recurrent_constraint);
        key("bias_constraint", l.bias_constraint);
        detail::cudnn_flag_keys(l, key);
    }
    static constexpr detail::Analyses analyses{.cost = detail::by_rule, .field = detail::no_field};
    // cuDNN's GRU applies the reset gate after the recurrent matmul, as GRU's reset_after does.
    constexpr GRUCell cell() const { return {.units = units, .use_bias = true, .reset_after = true}; }
    constexpr Shapes output_shapes(const Shape& in) const { return detail::recurrent_shapes(*this, in); }
    constexpr Shapes output_shapes(std::span<const Shape> in) const { return detail::recurrent_call_shapes(*this, in); }
    constexpr Params params(const Shape& in) const { return detail::recurrent_params(*this, in); }
};

namespace detail {
using cudnn_recurrent_layers = type_list<CuDNNLSTM, CuDNNGRU>;
} // namespace detail

} // namespace nnshape
