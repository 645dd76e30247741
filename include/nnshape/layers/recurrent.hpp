#pragma once
// Recurrent layers: SimpleRNN, LSTM, GRU, and RNN over a cell (SimpleRNNCell, LSTMCell, GRUCell,
// StackedRNNCells). Every count goes through a cell, so a layer and RNN(cell) share one rule. Keras 2's
// CuDNNLSTM and CuDNNGRU, which reuse these rules with cuDNN's weights, are in recurrent_cudnn.hpp.

#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string_view>

#include "../detail/checked.hpp"
#include "../detail/layer_facts.hpp"
#include "../detail/type_list.hpp"
#include "../detail/variant.hpp"
#include "../layer_args.hpp"
#include "recurrent_call.hpp"

namespace nnshape {

namespace detail {

// The sizes of a cell's states: (h,) or LSTM's (h, c); a stack lists its cells' states in order.
struct StateSizes {
    std::array<std::int64_t, Shapes::capacity - 1> sizes{};
    std::size_t count = 0;

    constexpr void push_back(std::int64_t size)
    {
        require(count < sizes.size(), "RNN: too many states for nnshape's output capacity");
        sizes[count++] = size;
    }
};

// `gates` blocks of kernel (input_dim, units), recurrent kernel (units, units) and `biases_per_gate`
// bias vectors of `units`.
constexpr Params gated_params(std::int64_t input_dim, std::int64_t units, std::int64_t gates,
                              std::int64_t biases_per_gate)
{
    require(units > 0, "RNN: units must be a positive integer");
    const std::int64_t per_gate =
        checked_add(checked_mul(units, checked_add(input_dim, units)), checked_mul(biases_per_gate, units));
    return {checked_mul(gates, per_gate)};
}

} // namespace detail

// The cells' activations change nothing nnshape computes (their cost is in the cell's step rule), so
// they are accepted, not stored, as are the initializers, regularizers, constraints, dropout rates
// and seed.
struct SimpleRNNCell {
    std::int64_t units = 0;
    NNSHAPE_ACCEPTED(activation);
    bool use_bias = true;
    NNSHAPE_ACCEPTED(kernel_initializer);
    NNSHAPE_ACCEPTED(recurrent_initializer);
    NNSHAPE_ACCEPTED(bias_initializer);
    NNSHAPE_ACCEPTED(kernel_regularizer);
    NNSHAPE_ACCEPTED(recurrent_regularizer);
    NNSHAPE_ACCEPTED(bias_regularizer);
    NNSHAPE_ACCEPTED(kernel_constraint);
    NNSHAPE_ACCEPTED(recurrent_constraint);
    NNSHAPE_ACCEPTED(bias_constraint);
    NNSHAPE_ACCEPTED(dropout);
    NNSHAPE_ACCEPTED(recurrent_dropout);
    NNSHAPE_ACCEPTED(seed);

    static constexpr std::string_view class_name = "SimpleRNNCell";
    static constexpr void keras_config(auto& c, auto& key)
    {
        key("units", c.units, detail::required);
        key("activation", c.activation);
        key("use_bias", c.use_bias);
        key("kernel_initializer", c.kernel_initializer);
        key("recurrent_initializer", c.recurrent_initializer);
        key("bias_initializer", c.bias_initializer);
        key("kernel_regularizer", c.kernel_regularizer);
        key("recurrent_regularizer", c.recurrent_regularizer);
        key("bias_regularizer", c.bias_regularizer);
        key("kernel_constraint", c.kernel_constraint);
        key("recurrent_constraint", c.recurrent_constraint);
        key("bias_constraint", c.bias_constraint);
        key("dropout", c.dropout);
        key("recurrent_dropout", c.recurrent_dropout);
        key("seed", c.seed);
    }
    constexpr Params params(std::int64_t input_dim) const
    {
        return detail::gated_params(input_dim, units, 1, use_bias);
    }
    constexpr detail::StateSizes state_sizes() const { return {{units}, 1}; }
};

// `implementation` (Keras 3's and tf.keras's keyword argument) picks how the gates are computed.
struct LSTMCell {
    std::int64_t units = 0;
    NNSHAPE_ACCEPTED(activation);
    NNSHAPE_ACCEPTED(recurrent_activation);
    bool use_bias = true;
    NNSHAPE_ACCEPTED(kernel_initializer);
    NNSHAPE_ACCEPTED(recurrent_initializer);
    NNSHAPE_ACCEPTED(bias_initializer);
    NNSHAPE_ACCEPTED(unit_forget_bias);
    NNSHAPE_ACCEPTED(kernel_regularizer);
    NNSHAPE_ACCEPTED(recurrent_regularizer);
    NNSHAPE_ACCEPTED(bias_regularizer);
    NNSHAPE_ACCEPTED(kernel_constraint);
    NNSHAPE_ACCEPTED(recurrent_constraint);
    NNSHAPE_ACCEPTED(bias_constraint);
    NNSHAPE_ACCEPTED(dropout);
    NNSHAPE_ACCEPTED(recurrent_dropout);
    NNSHAPE_ACCEPTED(seed);
    NNSHAPE_ACCEPTED(implementation);

    static constexpr std::string_view class_name = "LSTMCell";
    static constexpr void keras_config(auto& c, auto& key)
    {
        key("units", c.units, detail::required);
        key("activation", c.activation);
        key("recurrent_activation", c.recurrent_activation);
        key("use_bias", c.use_bias);
        key("kernel_initializer", c.kernel_initializer);
        key("recurrent_initializer", c.recurrent_initializer);
        key("bias_initializer", c.bias_initializer);
        key("unit_forget_bias", c.unit_forget_bias);
        key("kernel_regularizer", c.kernel_regularizer);
        key("recurrent_regularizer", c.recurrent_regularizer);
        key("bias_regularizer", c.bias_regularizer);
        key("kernel_constraint", c.kernel_constraint);
        key("recurrent_constraint", c.recurrent_constraint);
        key("bias_constraint", c.bias_constraint);
        key("dropout", c.dropout);
        key("recurrent_dropout", c.recurrent_dropout);
        key("seed", c.seed);
        key("implementation", c.implementation);
    }
    constexpr Params params(std::int64_t input_dim) const
    {
        return detail::gated_params(input_dim, units, 4, use_bias);
    }
    constexpr detail::StateSizes state_sizes() const { return {{units, units}, 2}; }
};

// `reset_after` defaults to true as in tf.keras 2 and Keras 3; Keras 2.1-2.3 defaulted to false
// (one bias per gate instead of two).
struct GRUCell {
    std::int64_t units = 0;
    NNSHAPE_ACCEPTED(activation);
    NNSHAPE_ACCEPTED(recurrent_activation);
    bool use_bias = true;
    NNSHAPE_ACCEPTED(kernel_initializer);
    NNSHAPE_ACCEPTED(recurrent_initializer);
    NNSHAPE_ACCEPTED(bias_initializer);
    NNSHAPE_ACCEPTED(kernel_regularizer);
    NNSHAPE_ACCEPTED(recurrent_regularizer);
    NNSHAPE_ACCEPTED(bias_regularizer);
    NNSHAPE_ACCEPTED(kernel_constraint);
    NNSHAPE_ACCEPTED(recurrent_constraint);
    NNSHAPE_ACCEPTED(bias_constraint);
    NNSHAPE_ACCEPTED(dropout);
    NNSHAPE_ACCEPTED(recurrent_dropout);
    bool reset_after = true;
    NNSHAPE_ACCEPTED(seed);
    NNSHAPE_ACCEPTED(implementation);

    static constexpr std::string_view class_name = "GRUCell";
    static constexpr void keras_config(auto& c, auto& key)
    {
        key("units", c.units, detail::required);
        key("activation", c.activation);
        key("recurrent_activation", c.recurrent_activation);
        key("use_bias", c.use_bias);
        key("kernel_initializer", c.kernel_initializer);
        key("recurrent_initializer", c.recurrent_initializer);
        key("bias_initializer", c.bias_initializer);
        key("kernel_regularizer", c.kernel_regularizer);
        key("recurrent_regularizer", c.recurrent_regularizer);
        key("bias_regularizer", c.bias_regularizer);
        key("kernel_constraint", c.kernel_constraint);
        key("recurrent_constraint", c.recurrent_constraint);
        key("bias_constraint", c.bias_constraint);
        key("dropout", c.dropout);
        key("recurrent_dropout", c.recurrent_dropout);
        key("reset_after", c.reset_after);
        key("seed", c.seed);
        key("implementation", c.implementation);
    }
    constexpr Params params(std::int64_t input_dim) const
    {
        return detail::gated_params(input_dim, units, 3, use_bias ? (reset_after ? 2 : 1) : 0);
    }
    constexpr detail::StateSizes state_sizes() const { return {{units}, 1}; }
};

using RNNCell = detail::Variant<SimpleRNNCell, LSTMCell, GRUCell>;

// Cells applied one after another at each time step; each cell's input is the previous one's output.
struct StackedRNNCells {
    class Cells {
    public:
        constexpr Cells(std::initializer_list<RNNCell> cells) : cells_(from_list(cells)), size_(cells.size()) {}
        constexpr std::span<const RNNCell> view() const { return {cells_.data(), size_}; }

    private:
        static constexpr std::array<RNNCell, 8> from_list(std::initializer_list<RNNCell> cells)
        {
            detail::require(cells.size() >= 1 && cells.size() <= 8, "StackedRNNCells: needs 1 to 8 cells");
            std::array<RNNCell, 8> a{};
            for (std::size_t i = 0; i < cells.size(); ++i) a[i] = cells.begin()[i];
            return a;
        }
        std::array<RNNCell, 8> cells_;
        std::size_t size_;
    };

    Cells cells;

    static constexpr std::string_view class_name = "StackedRNNCells";
    static constexpr void keras_config(auto& c, auto& key) { key("cells", c.cells, detail::required); }
    constexpr std::int64_t output_units() const
    {
        return detail::visit([](const auto& c) { return c.units; }, cells.view().back());
    }
    constexpr Params params(std::int64_t input_dim) const
    {
        Params total{};
        for (const RNNCell& cell : cells.view()) {
            total = total + detail::visit([&](const auto& c) { return c.params(input_dim); }, cell);
            input_dim = detail::visit([](const auto& c) { return c.units; }, cell);
        }
        return total;
    }
    constexpr detail::StateSizes state_sizes() const
    {
        detail::StateSizes all;
        for (const RNNCell& cell : cells.view()) {
            const detail::StateSizes s = detail::visit([](const auto& c) { return c.state_sizes(); }, cell);
            for (std::size_t i = 0; i < s.count; ++i) all.push_back(s.sizes[i]);
        }
        return all;
    }
};

namespace detail {

template <class Cell>
constexpr std::int64_t output_units(const Cell& cell)
{
    if constexpr (requires { cell.output_units(); })
        return cell.output_units();
    else
        return cell.units;
}

// Calls `f` with the cell a recurrent layer runs: SimpleRNN's, LSTM's and GRU's `cell()`, or the one
// RNN holds.
template <class Layer, class F>
constexpr decltype(auto) visit_cell(const Layer& layer, F&& f)
{
    if constexpr (requires { layer.cell(); })
        return f(layer.cell());
    else
        return detail::visit(f, layer.cell);
}

// The batch and time axes of a recurrent layer's input: (batch, timesteps, ...), or with tf.keras's
// `time_major` (timesteps, batch, ...) (keras 2.15 base_rnn.py compute_output_shape swaps them).
struct SequenceAxes {
    Dim batch, timesteps;
};
template <class Layer>
constexpr SequenceAxes sequence_axes(const Layer& layer, const Shape& in)
{
    if constexpr (requires { layer.time_major; })
        if (layer.time_major) return {in[1], in[0]};
    return {in[0], in[1]};
}

// The rules of every recurrent layer.
// (b, T, features) -> (b, [T,] units), then one (b, size) per state when `return_state`; with
// `time_major` (T, b, features) -> (T, b, units) or (b, units), the states (b, size).
template <class Layer>
constexpr Shapes recurrent_shapes(const Layer& layer, const Shape& in)
{
    require(in.rank() == 3, "RNN: expected ndim=3 (batch, timesteps, features)");
    const SequenceAxes axes = sequence_axes(layer, in);
    require(!layer.stateful || axes.batch.known(),
            "RNN: If a RNN is stateful, it needs to know its batch size. Specify the batch size of your input "
            "tensors (batch_input_shape on the first layer of a Sequential, batch_shape on an Input).");
    const std::int64_t units = visit_cell(layer, [](const auto& cell) { return output_units(cell); });
    require(units > 0, "RNN: units must be a positive integer");
    Shapes out;
    out.push_back(layer.return_sequences ? Shape{in[0], in[1], units} : Shape{axes.batch, units});
    const StateSizes states = visit_cell(layer, [](const auto& cell) { return cell.state_sizes(); });
    for (std::size_t i = 0; layer.return_state && i < states.count; ++i)
        out.push_back(Shape{axes.batch, states.sizes[i]});
    return out;
}

// Keras 2's RNN.build checks the initial states a call passes against the states the layer keeps
// (base_rnn.py _validate_state_spec): as many, each compatible past its batch axis with the state's
// shape (Keras 3 has no check of its own; a mismatch fails when the loop runs).
constexpr void require_initial_state(std::span<const Shape> states, std::span<const Shape> given)
{
    require(given.size() == states.size(),
            "RNN: An `initial_state` was passed that is not compatible with `cell.state_size`: it needs one tensor "
            "per state of the cell (LSTM: [h, c]; SimpleRNN, GRU: [h]; a stack: its cells' states in order)");
    for (std::size_t i = 0; i < given.size(); ++i) {
        bool compatible = given[i].rank() == states[i].rank();
        for (std::size_t axis = 1; compatible && axis < given[i].rank(); ++axis)
            compatible = !given[i][axis].known() || !states[i][axis].known() || given[i][axis] == states[i][axis];
        require(compatible, "RNN: An `initial_state` was passed that is not compatible with `cell.state_size`: "
                            "each state must have the shape of the state it replaces, (batch, state_size)");
    }
}

// A recurrent layer called on [sequence, *initial_state]: the outputs do not depend on the states.
template <class Layer>
constexpr Shapes recurrent_call_shapes(const Layer& layer, std::span<const Shape> inputs)
{
    require(!inputs.empty(), "RNN: expects the input sequence, then optionally its initial states");
    if (inputs.size() > 1) {
        Layer with_states = layer;
        with_states.return_state = true;
        const Shapes all = with_states.output_shapes(inputs[0]);
        require_initial_state(std::span<const Shape>(all).subspan(1), inputs.subspan(1));
    }
    return layer.output_shapes(inputs[0]);
}

// The weights of the cell on an input whose last axis is the features.
template <class Layer>
constexpr Params recurrent_params(const Layer& layer, const Shape& in)
{
    require(in.rank() >= 1 && in.back().known(), "RNN: the feature (last) dimension of the input must be defined");
    return visit_cell(layer, [&](const auto& cell) { return cell.params(in.back().value()); });
}

} // namespace detail

// What every recurrent layer takes after its cell's arguments (Keras's order). The layers also take
// Keras's `input_dim` / `input_length` on the first layer of a Sequential:
// `input_shape = (input_length, input_dim)`.
namespace detail {
// The config keys of NNSHAPE_RECURRENT_ARGS, which every recurrent layer lists after its cell's.
constexpr void recurrent_flag_keys(auto& l, auto& key)
{
    key("return_sequences", l.return_sequences);
    key("return_state", l.return_state);
    key("go_backwards", l.go_backwards);
    key("stateful", l.stateful);
}
} // namespace detail

#define NNSHAPE_RECURRENT_ARGS     \
    bool return_sequences = false; \
    bool return_state = false;     \
    bool go_backwards = false;     \
    bool stateful = false;

struct SimpleRNN {
    std::int64_t units = 0;
    ActivationName activation = "tanh";
    bool use_bias = true;
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
    NNSHAPE_ACCEPTED(dropout);
    NNSHAPE_ACCEPTED(recurrent_dropout);
    NNSHAPE_RECURRENT_ARGS
    NNSHAPE_ACCEPTED(unroll);
    NNSHAPE_ACCEPTED(seed);
    bool time_major = false; // tf.keras 2.x: inputs and outputs (timesteps, batch, ...)
    std::optional<std::int64_t> input_dim{};
    std::optional<std::int64_t> input_length{};
    NNSHAPE_LAYER_KWARGS
    NNSHAPE_RECURRENT_CALL

    static constexpr std::string_view class_name = "SimpleRNN";
    static constexpr void keras_config(auto& l, auto& key)
    {
        key("units", l.units, detail::required);
        key("activation", l.activation);
        key("use_bias", l.use_bias);
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
        key("dropout", l.dropout);
        key("recurrent_dropout", l.recurrent_dropout);
        detail::recurrent_flag_keys(l, key);
        key("unroll", l.unroll);
        key("seed", l.seed);
        key("time_major", l.time_major);
    }
    static constexpr detail::Analyses analyses{.cost = detail::by_rule, .field = detail::no_field};
    constexpr SimpleRNNCell cell() const { return {.units = units, .use_bias = use_bias}; }
    constexpr Shapes output_shapes(const Shape& in) const { return detail::recurrent_shapes(*this, in); }
    constexpr Shapes output_shapes(std::span<const Shape> in) const { return detail::recurrent_call_shapes(*this, in); }
    constexpr Params params(const Shape& in) const { return detail::recurrent_params(*this, in); }
};

struct LSTM {
    std::int64_t units = 0;
    ActivationName activation = "tanh";
    ActivationName recurrent_activation = "sigmoid";
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
    NNSHAPE_RECURRENT_ARGS
    NNSHAPE_ACCEPTED(unroll);
    NNSHAPE_ACCEPTED(use_cudnn);
    NNSHAPE_ACCEPTED(implementation); // a keyword argument of Keras 3 and tf.keras
    bool time_major = false; // tf.keras 2.x: inputs and outputs (timesteps, batch, ...)
    std::optional<std::int64_t> input_dim{};
    std::optional<std::int64_t> input_length{};
    NNSHAPE_LAYER_KWARGS
    NNSHAPE_RECURRENT_CALL

    static constexpr std::string_view class_name = "LSTM";
    static constexpr void keras_config(auto& l, auto& key)
    {
        key("units", l.units, detail::required);
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
        key("unroll", l.unroll);
        key("use_cudnn", l.use_cudnn);
        key("implementation", l.implementation);
        key("time_major", l.time_major);
    }
    static constexpr detail::Analyses analyses{.cost = detail::by_rule, .field = detail::no_field};
    constexpr LSTMCell cell() const { return {.units = units, .use_bias = use_bias}; }
    constexpr Shapes output_shapes(const Shape& in) const { return detail::recurrent_shapes(*this, in); }
    constexpr Shapes output_shapes(std::span<const Shape> in) const { return detail::recurrent_call_shapes(*this, in); }
    constexpr Params params(const Shape& in) const { return detail::recurrent_params(*this, in); }
};

struct GRU {
    std::int64_t units = 0;
    ActivationName activation = "tanh";
    ActivationName recurrent_activation = "sigmoid";
    bool use_bias = true;
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
    NNSHAPE_ACCEPTED(dropout);
    NNSHAPE_ACCEPTED(recurrent_dropout);
    NNSHAPE_ACCEPTED(seed);
    NNSHAPE_RECURRENT_ARGS
    NNSHAPE_ACCEPTED(unroll);
    bool reset_after = true;
    NNSHAPE_ACCEPTED(use_cudnn);
    NNSHAPE_ACCEPTED(implementation); // a keyword argument of Keras 3 and tf.keras
    bool time_major = false; // tf.keras 2.x: inputs and outputs (timesteps, batch, ...)
    std::optional<std::int64_t> input_dim{};
    std::optional<std::int64_t> input_length{};
    NNSHAPE_LAYER_KWARGS
    NNSHAPE_RECURRENT_CALL

    static constexpr std::string_view class_name = "GRU";
    static constexpr void keras_config(auto& l, auto& key)
    {
        key("units", l.units, detail::required);
        key("activation", l.activation);
        key("recurrent_activation", l.recurrent_activation);
        key("use_bias", l.use_bias);
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
        key("dropout", l.dropout);
        key("recurrent_dropout", l.recurrent_dropout);
        key("seed", l.seed);
        detail::recurrent_flag_keys(l, key);
        key("unroll", l.unroll);
        key("reset_after", l.reset_after);
        key("use_cudnn", l.use_cudnn);
        key("implementation", l.implementation);
        key("time_major", l.time_major);
    }
    static constexpr detail::Analyses analyses{.cost = detail::by_rule, .field = detail::no_field};
    constexpr GRUCell cell() const { return {.units = units, .use_bias = use_bias, .reset_after = reset_after}; }
    constexpr Shapes output_shapes(const Shape& in) const { return detail::recurrent_shapes(*this, in); }
    constexpr Shapes output_shapes(std::span<const Shape> in) const { return detail::recurrent_call_shapes(*this, in); }
    constexpr Params params(const Shape& in) const { return detail::recurrent_params(*this, in); }
};

// Keras's `RNN(cell)`; a list of cells is `RNN{.cell = StackedRNNCells{.cells = {...}}}`.
struct RNN {
    using Cell = detail::Variant<SimpleRNNCell, LSTMCell, GRUCell, StackedRNNCells>;
    Cell cell = SimpleRNNCell{};
    NNSHAPE_RECURRENT_ARGS
    NNSHAPE_ACCEPTED(unroll);
    NNSHAPE_ACCEPTED(zero_output_for_mask);
    bool time_major = false; // tf.keras 2.x: inputs and outputs (timesteps, batch, ...)
    NNSHAPE_LAYER_KWARGS
    NNSHAPE_RECURRENT_CALL

    static constexpr std::string_view class_name = "RNN";
    static constexpr void keras_config(auto& l, auto& key)
    {
        key("cell", l.cell, detail::required);
        detail::recurrent_flag_keys(l, key);
        key("unroll", l.unroll);
        key("zero_output_for_mask", l.zero_output_for_mask);
        key("time_major", l.time_major);
        // Keras 2 writes it for a call with `constants`, which only a cell of one's own takes.
        key.refused("num_constants", "RNN cell does not support constants (nnshape's cells take none)");
    }
    static constexpr detail::Analyses analyses{.cost = detail::by_rule, .field = detail::no_field};
    constexpr Shapes output_shapes(const Shape& in) const { return detail::recurrent_shapes(*this, in); }
    constexpr Shapes output_shapes(std::span<const Shape> in) const { return detail::recurrent_call_shapes(*this, in); }
    constexpr Params params(const Shape& in) const { return detail::recurrent_params(*this, in); }
};

#undef NNSHAPE_RECURRENT_ARGS

namespace detail {
using recurrent_layers = type_list<SimpleRNN, LSTM, GRU, RNN>;
} // namespace detail

} // namespace nnshape
