#pragma once
// Convolutional recurrent layers: ConvLSTM1D/2D/3D, an LSTM whose gates are convolutions.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "../detail/spatial.hpp"
#include "../detail/layer_facts.hpp"
#include "../detail/type_list.hpp"
#include "../layer_args.hpp"
#include "recurrent.hpp"

namespace nnshape {

// Input (b, T, *spatial, c), or (b, T, c, *spatial) for channels_first. Each time step goes through
// a convolution with `filters` output channels, so the output is (b, [T,] *spatial', filters) (or
// (b, [T,] filters, *spatial')), and return_state adds the states h and c of that step shape.
// The checks follow Keras 3 (keras/src/layers/rnn/conv_lstm.py), which also requires known spatial
// axes; Keras 2 had ConvLSTM2D only and its own checks.
template <std::size_t N>
struct ConvLSTM {
    std::int64_t filters = 0;
    Ints<N> kernel_size = 0;
    Ints<N> strides = 1;
    Padding padding = valid;
    DataFormat data_format = channels_last;
    Ints<N> dilation_rate = 1;
    ActivationName activation = "tanh";
    ActivationName recurrent_activation = "sigmoid"; // Keras 3; tf.keras: "hard_sigmoid"
    bool use_bias = true;
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
    NNSHAPE_ACCEPTED(dropout);
    NNSHAPE_ACCEPTED(recurrent_dropout);
    NNSHAPE_ACCEPTED(seed);
    bool return_sequences = false;
    bool return_state = false;
    bool go_backwards = false;
    bool stateful = false;
    NNSHAPE_LAYER_KWARGS
    NNSHAPE_RECURRENT_CALL

    static constexpr std::string_view class_name = detail::ranked_name<N>("ConvLSTM1D", "ConvLSTM2D", "ConvLSTM3D");
    static constexpr void keras_config(auto& l, auto& key)
    {
        key("filters", l.filters, detail::required);
        key("kernel_size", l.kernel_size, detail::required);
        key("strides", l.strides);
        key("padding", l.padding);
        key("data_format", l.data_format);
        key("dilation_rate", l.dilation_rate);
        key("activation", l.activation);
        key("recurrent_activation", l.recurrent_activation);
        key("use_bias", l.use_bias);
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
        key("dropout", l.dropout);
        key("recurrent_dropout", l.recurrent_dropout);
        key("seed", l.seed);
        detail::recurrent_flag_keys(l, key);
    }
    static constexpr detail::Analyses analyses{.cost = detail::by_rule, .field = detail::no_field};

    constexpr Shapes output_shapes(const Shape& in) const
    {
        const Shape state = state_shape(in);
        Shapes out;
        if (return_sequences) {
            Shape sequence{in[0], in[1]};
            for (Dim d : state.features()) sequence.push_back(d);
            out.push_back(sequence);
        } else {
            out.push_back(state);
        }
        if (return_state) {
            out.push_back(state); // h
            out.push_back(state); // c
        }
        return out;
    }

    // [sequence, h, c]: the states have the shape of h and c (Keras 2's ConvRNN.build checks their channels).
    constexpr Shapes output_shapes(std::span<const Shape> in) const { return detail::recurrent_call_shapes(*this, in); }

    // kernel (*k, c, 4 * filters) + recurrent_kernel (*k, filters, 4 * filters) + bias (4 * filters)
    constexpr Params params(const Shape& in) const
    {
        state_shape(in);
        const std::int64_t channels = detail::known_channels(step_shape(in), data_format);
        const std::int64_t gates = detail::checked_mul(4, filters);
        const std::int64_t kernels = detail::checked_mul(
            detail::checked_mul(kernel_size.product(), detail::checked_add(channels, filters)), gates);
        return {detail::checked_add(kernels, detail::bias_count(use_bias, gates))};
    }

private:
    // One time step as a convolution sees it: the input without its time axis.
    static constexpr Shape step_shape(const Shape& in)
    {
        detail::require(in.rank() == N + 3, N == 1   ? "ConvLSTM: expected ndim = spatial rank + 3 = 4"
                                            : N == 2 ? "ConvLSTM: expected ndim = spatial rank + 3 = 5"
                                                     : "ConvLSTM: expected ndim = spatial rank + 3 = 6");
        Shape step{in[0]};
        for (std::size_t i = 2; i < in.rank(); ++i) step.push_back(in[i]);
        return step;
    }

    // The shape of h and c, which is also the output of one step.
    constexpr Shape state_shape(const Shape& in) const
    {
        detail::require(filters > 0, "ConvLSTM: filters must be a positive integer");
        detail::require(padding != causal, "ConvLSTM: The `padding` argument must be one of {'valid', 'same'}");
        detail::require(!detail::strided_and_dilated(strides, dilation_rate),
                        "ConvLSTM: Specifying `strides > 1` is not compatible with `dilation_rate > 1`.");
        const Shape step = step_shape(in);
        for (std::size_t i = 0; i < N; ++i)
            detail::require(step[detail::spatial_axis(data_format, i)].known(),
                            "ConvLSTM: ConvLSTM layers only support static input shapes for the spatial dimension.");
        detail::known_channels(step, data_format);
        detail::require(!stateful || in[0].known(),
                        "ConvLSTM: When using `stateful=True` in a RNN, the batch size must be static.");
        return detail::conv_shape(step, data_format, filters, kernel_size, strides, padding, dilation_rate);
    }
};

using ConvLSTM1D = ConvLSTM<1>;
using ConvLSTM2D = ConvLSTM<2>;
using ConvLSTM3D = ConvLSTM<3>;

namespace detail {
using convolutional_recurrent_layers = type_list<ConvLSTM1D, ConvLSTM2D, ConvLSTM3D>;
} // namespace detail

} // namespace nnshape
