#pragma once
// The cost of one call of a layer of each class: MACs and FLOPs on given input and output shapes
// (analysis/flops.hpp sums them over a model's calls). Each class's rule is reached through its
// LayerRules table (detail/layer_variant.hpp), so a program compiles the rules of the classes it uses.
//
// The convention (docs: conventions, "MACs and FLOPs"): MACs count the multiply-accumulates of
// contractions (convolutions, Dense, EinsumDense, LocallyConnected, recurrent and attention matmuls,
// Dot). FLOPs follow TensorFlow's profiler (tensorflow/python/profiler/internal/flops_registry.py and
// the registrations of Conv2D, DepthwiseConv2dNative, MatMul and BiasAdd), which keras-flops reports:
// 2 per MAC plus one add per output element for a bias; pooling = window area x output elements;
// Softmax 5 per element; merges 1 per output element and input after the first; BatchNormalization
// 2 per element + 6 per channel (tf.nn.batch_normalization's ops); activations, reshapes, dropout and
// lookups 0, as the profiler registers none of their ops. Where the profiler has no rule (recurrent
// cells, attention, the other normalizations) the rule is written at the layer's overload below.
//
// A count that depends on an unknown (None) dimension is unknown (a None Dim), never 0. A None batch
// axis is taken as `CostOptions::batch_size`; a known one (a stateful RNN's) is kept.

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <type_traits>

#include "../detail/layer_facts.hpp"
#include "../detail/variant.hpp"
#include "../layers/builtin.hpp"
#include "../shape.hpp"

namespace nnshape {

// A layer call's or a model's cost; a None count is unknown.
struct Cost {
    Dim macs = 0;
    Dim flops = 0;

    friend constexpr Cost operator+(Cost a, Cost b) { return {a.macs + b.macs, a.flops + b.flops}; }
    friend constexpr bool operator==(Cost, Cost) = default;
};

namespace detail {

inline constexpr Cost unknown_cost{None, None};

constexpr Dim element_count(const Shape& s) { return product({s.begin(), s.end()}); }

// The batch and spatial positions of a (batch, *spatial, channels) tensor: all but the channel axis.
constexpr Dim position_count(const Shape& s, DataFormat f)
{
    const std::size_t channel = channel_axis(f, s.rank());
    Dim p = 1;
    for (std::size_t i = 0; i < s.rank(); ++i)
        if (i != channel) p = p * s[i];
    return p;
}

// All axes but the last: the vectors a Dense or an attention projection multiplies, batch included.
constexpr Dim vector_count(const Shape& s) { return product({s.begin(), s.end() - 1}); }

// `macs` multiply-accumulates, each 2 FLOPs, and `bias_adds` additions of a bias.
constexpr Cost contraction(Dim macs, Dim bias_adds) { return {macs, Dim(2) * macs + bias_adds}; }

constexpr Cost elementwise_flops(Dim flops) { return {0, flops}; }

// ---- layers without arithmetic --------------------------------------------------------------------

// Copies, lookups, inference-time identities, and activations (the profiler registers no Relu,
// Relu6, LeakyRelu, Elu, Sigmoid or Tanh op): the layers whose header states `.cost = no_arithmetic`.
template <class L>
    requires(L::analyses.cost == no_arithmetic)
constexpr Cost layer_cost(const L&, std::span<const Shape>, std::span<const Shape>)
{
    return {};
}

// ---- contractions ---------------------------------------------------------------------------------

template <std::size_t N>
constexpr Cost layer_cost(const Conv<N>& l, std::span<const Shape> in, std::span<const Shape> out)
{
    const Dim per_output = Dim(l.kernel_size.product()) * Dim(known_channels(in[0], l.data_format) / l.groups);
    return contraction(element_count(out[0]) * per_output, l.use_bias ? element_count(out[0]) : 0);
}

template <std::size_t N>
constexpr Cost layer_cost(const DepthwiseConv<N>& l, std::span<const Shape>, std::span<const Shape> out)
{
    return contraction(element_count(out[0]) * Dim(l.kernel_size.product()), l.use_bias ? element_count(out[0]) : 0);
}

// A depthwise pass (no bias) over the strided positions, then a pointwise one: keras-flops's rule.
template <std::size_t N>
constexpr Cost layer_cost(const SeparableConv<N>& l, std::span<const Shape> in, std::span<const Shape> out)
{
    const Dim depthwise_channels = Dim(known_channels(in[0], l.data_format)) * Dim(l.depth_multiplier);
    const Dim per_position = depthwise_channels * (Dim(l.kernel_size.product()) + Dim(l.filters));
    return contraction(position_count(out[0], l.data_format) * per_position, l.use_bias ? element_count(out[0]) : 0);
}

// Every input value meets every kernel tap of every filter. (The profiler's Conv2DBackpropInput
// formula divides output-sized work by the strides instead; it agrees for 'same' padding.)
template <std::size_t N>
constexpr Cost layer_cost(const ConvTranspose<N>& l, std::span<const Shape> in, std::span<const Shape> out)
{
    const Dim per_input = Dim(l.kernel_size.product()) * Dim(l.filters);
    return contraction(element_count(in[0]) * per_input, l.use_bias ? element_count(out[0]) : 0);
}

constexpr Cost layer_cost(const Dense& l, std::span<const Shape> in, std::span<const Shape> out)
{
    return contraction(element_count(out[0]) * in[0].back(), l.use_bias ? element_count(out[0]) : 0);
}

// The matmul and the bias add; the kernel's division by the scale is work on the weights (not
// counted, as for TernaryDense) and cos, an activation, counts 0.
constexpr Cost layer_cost(const RandomFourierFeatures&, std::span<const Shape> in, std::span<const Shape> out)
{
    return contraction(element_count(out[0]) * in[0].back(), element_count(out[0]));
}

// Keras 2's MaxoutDense: nb_feature projections (MACs and bias adds), then the maximum over them,
// nb_feature - 1 comparisons per output element.
constexpr Cost layer_cost(const MaxoutDense& l, std::span<const Shape> in, std::span<const Shape> out)
{
    const Dim projections = Dim(l.nb_feature) * element_count(out[0]);
    const Cost matmuls = contraction(projections * in[0].back(), l.bias ? projections : 0);
    return matmuls + elementwise_flops(Dim(l.nb_feature - 1) * element_count(out[0]));
}

// Keras 2's Highway: two (d, d) matmuls with their bias adds, then t * h + (1 - t) * x, 4 per element
// (the sigmoid and the activation count 0, as elsewhere).
constexpr Cost layer_cost(const Highway& l, std::span<const Shape> in, std::span<const Shape> out)
{
    const Dim elements = element_count(out[0]);
    return contraction(Dim(2) * elements * in[0].back(), l.bias ? Dim(2) * elements : 0) +
           elementwise_flops(Dim(4) * elements);
}

// Dense's matmul with the ternary kernel; without a threshold the output is rescaled by the kernel's
// mean magnitude (1 per output element). Ternarizing the kernel is work on the weights, not per sample:
// not counted, as the profiler counts no weight preparation.
constexpr Cost layer_cost(const TernaryDense& l, std::span<const Shape> in, std::span<const Shape> out)
{
    const Dim adds = Dim(std::int64_t(l.use_bias) + std::int64_t(!l.threshold)) * element_count(out[0]);
    return contraction(element_count(out[0]) * in[0].back(), adds);
}

// Each output element sums the products over the input axes that are not in the output.
constexpr Cost layer_cost(const EinsumDense& l, std::span<const Shape> in, std::span<const Shape> out)
{
    const EinsumEquation e = parse_einsum(l.equation.view());
    const std::size_t lead = e.left_elided ? in[0].rank() - e.input.size() : 0;
    Dim summed = 1;
    for (std::size_t i = 0; i < e.input.size(); ++i)
        if (find_last(e.output, e.input[i]) == std::string_view::npos) summed = summed * in[0][lead + i];
    return contraction(element_count(out[0]) * summed, l.bias_axes.view().empty() ? Dim(0) : element_count(out[0]));
}

// Unshared weights: each kernel weight is used once per sample (implementation 2's masked kernel too).
template <std::size_t N>
constexpr Cost layer_cost(const LocallyConnected<N>& l, std::span<const Shape> in, std::span<const Shape> out)
{
    const Dim bias = l.use_bias ? product(out[0].features()) : 0;
    const Dim kernel = Dim(l.params(in[0]).total()) - bias;
    return contraction(in[0][0] * kernel, l.use_bias ? element_count(out[0]) : 0);
}

// ---- audio preprocessing --------------------------------------------------------------------------

// Keras's STFT: each kernel (real, imaginary) a strided convolution of each input channel,
// frame_length MACs per frame and frequency bin. The magnitude, log or angle after it cost 0, as the
// activations.
constexpr Cost layer_cost(const STFTSpectrogram& l, std::span<const Shape> in, std::span<const Shape> out)
{
    const bool last = l.data_format == channels_last;
    const Dim frames = out[0][last ? 1 : 2];
    const Dim channels = in[0][last ? 2 : 1];
    const Dim per_frame = Dim(l.kernel_count()) * Dim(l.frequency_bins()) * Dim(l.frame_length);
    return contraction(out[0][0] * frames * channels * per_frame, 0);
}

// The mel filterbank's matmul: each output value sums a frame's frequency_bins magnitudes. The FFT
// before it is not counted (TensorFlow's profiler registers no FFT op), nor the elementwise
// magnitude and dB scaling.
constexpr Cost layer_cost(const MelSpectrogram& l, std::span<const Shape>, std::span<const Shape> out)
{
    return contraction(element_count(out[0]) * Dim(l.frequency_bins()), 0);
}

// ---- recurrent ------------------------------------------------------------------------------------

// One time step of a gated cell, our rule: the input and recurrent matmuls of every gate (2 FLOPs per
// MAC), one add joining them per gate unit, the bias adds, and the state update's elementwise ops
// (LSTM: c = f*c + i*g, h = o*c': 4; GRU: r*h, h = z*h + (1-z)*h': 5; activations 0 as elsewhere).
struct Gates {
    std::int64_t gates, biases_per_gate, state_ops;
};

constexpr Cost gated_step(Dim macs, Dim units, Gates g)
{
    const Dim per_unit = Dim(g.gates) + Dim(g.gates) * Dim(g.biases_per_gate) + Dim(g.state_ops);
    return {macs, Dim(2) * macs + per_unit * units};
}

constexpr Gates gates_of(const SimpleRNNCell& c) { return {1, c.use_bias, 0}; }
constexpr Gates gates_of(const LSTMCell& c) { return {4, c.use_bias, 4}; }
constexpr Gates gates_of(const GRUCell& c) { return {3, c.use_bias ? (c.reset_after ? 2 : 1) : 0, 5}; }
constexpr Gates gates_of(const detail::CuDNNLSTMCell&) { return {4, 2, 4}; } // cuDNN: two biases per gate

// One step of `batch` samples: each gate multiplies the input (input_dim) and the state (units).
template <class Cell>
constexpr Cost cell_step(const Cell& c, Dim batch, Dim input_dim)
{
    const Dim units = batch * Dim(c.units);
    return gated_step(units * Dim(gates_of(c).gates) * (input_dim + Dim(c.units)), units, gates_of(c));
}

// Each cell takes the previous cell's output.
constexpr Cost cell_step(const StackedRNNCells& s, Dim batch, Dim input_dim)
{
    Cost total{};
    for (const RNNCell& cell : s.cells.view()) {
        total = total + detail::visit([&](const auto& c) { return cell_step(c, batch, input_dim); }, cell);
        input_dim = detail::visit([](const auto& c) { return Dim(c.units); }, cell);
    }
    return total;
}

constexpr Cost repeated(Cost c, Dim n) { return {c.macs * n, c.flops * n}; }

// Every time step of (batch, timesteps, features) (or, `time_major`, (timesteps, batch, features)).
template <class Cell>
constexpr Cost recurrent_cost(const Cell& cell, const Shape& in, detail::SequenceAxes axes)
{
    return repeated(cell_step(cell, axes.batch, in.back()), axes.timesteps);
}

// SimpleRNN, LSTM, GRU, RNN, CuDNNLSTM and CuDNNGRU: the cell they run.
template <class L>
    requires detail::contains<L, detail::recurrent_layers>::value ||
             detail::contains<L, detail::cudnn_recurrent_layers>::value
constexpr Cost layer_cost(const L& l, std::span<const Shape> in, std::span<const Shape>)
{
    const detail::SequenceAxes axes = detail::sequence_axes(l, in[0]);
    return detail::visit_cell(l, [&](const auto& c) { return recurrent_cost(c, in[0], axes); });
}

// An LSTM whose matmuls are convolutions: per step, the input convolution (c -> 4f) and the recurrent
// 'same' convolution of the state (f -> 4f) at each of the state's positions.
template <std::size_t N>
constexpr Cost layer_cost(const ConvLSTM<N>& l, std::span<const Shape> in, std::span<const Shape> out)
{
    Shape state{out[0][0]}; // the output without its time axis
    for (std::size_t i = l.return_sequences ? 2 : 1; i < out[0].rank(); ++i) state.push_back(out[0][i]);
    const Dim channels = in[0][l.data_format == channels_last ? in[0].rank() - 1 : 2];
    const Dim at = position_count(state, l.data_format);
    const Dim macs = at * Dim(l.kernel_size.product()) * Dim(4) * Dim(l.filters) * (channels + Dim(l.filters));
    return repeated(gated_step(macs, at * Dim(l.filters), {4, l.use_bias, 4}), in[0][1]);
}

// ---- attention ------------------------------------------------------------------------------------

// Softmax: the profiler's 5 per element (shift by the max, exp, normalize).
constexpr Dim softmax_flops(Dim n) { return Dim(5) * n; }

// A projection (an EinsumDense) of `n` vectors of `from` features to `to` features.
constexpr Cost projection(Dim n, Dim from, Dim to, bool use_bias)
{
    return contraction(n * from * to, use_bias ? n * to : 0);
}

// The attention proper: the projected query scaled by 1/sqrt(head size) (`scaled` elements), the
// query-key matmul (`key_size` MACs per score), the softmax, and the score-value matmul.
constexpr Cost attend(Dim scaled, Dim scores, Dim key_size, Dim value_size)
{
    return contraction(scores * (key_size + value_size), 0) + elementwise_flops(scaled + softmax_flops(scores));
}

// `use_gate`: a projection of the query to the heads' output, multiplying it.
constexpr Cost gate(Dim queries, Dim features, Dim width, bool use_bias)
{
    return projection(queries, features, width, use_bias) + elementwise_flops(queries * width);
}

// The key positions each query position attends to: the key's attention axes.
constexpr Dim attended_positions(const MultiHeadAttention& l, const Shape& key)
{
    Dim attended = 1;
    if (!l.attention_axes || l.attention_axes->size() == 0) {
        for (std::size_t i = 1; i + 1 < key.rank(); ++i) attended = attended * key[i];
    } else {
        for (std::size_t i = 0; i < l.attention_axes->size(); ++i)
            attended = attended * key[key.axis((*l.attention_axes)[i])];
    }
    return attended;
}

// Our rule: the query, key, value and output projections, the attention, the gate. Masks and
// dropout are free.
constexpr Cost layer_cost(const MultiHeadAttention& l, std::span<const Shape> in, std::span<const Shape>)
{
    const Shape& query = in[0];
    const Shape& value = in[1];
    const Shape& key = key_of(in);
    const Dim h = l.num_heads, dk = l.key_dim, dv = l.value_dim.value_or(l.key_dim);
    Dim o = query.back();
    if (l.output_shape && l.output_shape->size() > 0) {
        o = 1;
        for (std::size_t i = 0; i < l.output_shape->size(); ++i) o = o * (*l.output_shape)[i];
    }
    const Dim nq = vector_count(query);
    const Cost c = projection(nq, query.back(), h * dk, l.use_bias) +
                   projection(vector_count(key), key.back(), h * dk, l.use_bias) +
                   projection(vector_count(value), value.back(), h * dv, l.use_bias) +
                   projection(nq, h * dv, o, l.use_bias) +
                   attend(nq * h * dk, nq * h * attended_positions(l, key), dk, dv);
    return l.use_gate ? c + gate(nq, query.back(), h * dv, l.use_bias) : c;
}

// As MultiHeadAttention, with num_query_heads query heads sharing num_key_value_heads key and value heads.
constexpr Cost layer_cost(const GroupQueryAttention& l, std::span<const Shape> in, std::span<const Shape>)
{
    const Shape& query = in[0];
    const Shape& value = in[1];
    const Shape& key = key_of(in);
    const Dim hd = l.head_dim, u = l.num_query_heads, kv = l.num_key_value_heads;
    const Dim nq = vector_count(query);
    const Cost c = projection(nq, query.back(), u * hd, l.use_bias) +
                   projection(vector_count(key), key.back(), kv * hd, l.use_bias) +
                   projection(vector_count(value), value.back(), kv * hd, l.use_bias) +
                   projection(nq, u * hd, query.back(), l.use_bias) + attend(nq * u * hd, nq * u * key[1], hd, hd);
    return l.use_gate ? c + gate(nq, query.back(), u * hd, l.use_bias) : c;
}

// The scores of [query, value(, key)]: one per query vector and key position.
constexpr Dim score_count(std::span<const Shape> in)
{
    const Shape& key = key_of(in);
    return vector_count(in[0]) * key[key.rank() - 2];
}

// Our rule: dot scores are a query-key matmul ("concat": add, tanh, sum over the features: 2 per
// score and feature, times the weight: 1 per score); `use_scale` multiplies each score; then the
// softmax and the score-value matmul.
constexpr Cost layer_cost(const Attention& l, std::span<const Shape> in, std::span<const Shape>)
{
    const Dim scores = score_count(in), features = in[0].back();
    const bool concat = l.score_mode.view() == "concat";
    const Cost scoring =
        concat ? elementwise_flops(Dim(2) * scores * features + scores) : contraction(scores * features, 0);
    return scoring + contraction(scores * in[1].back(), 0) +
           elementwise_flops((l.use_scale ? scores : 0) + softmax_flops(scores));
}

// Our rule: tanh(query + key) summed over the features (2 per score and feature, 3 with the scale),
// then the softmax and the score-value matmul.
constexpr Cost layer_cost(const AdditiveAttention& l, std::span<const Shape> in, std::span<const Shape>)
{
    const Dim scores = score_count(in);
    return contraction(scores * in[1].back(), 0) +
           elementwise_flops(Dim(l.use_scale ? 3 : 2) * scores * in[0].back() + softmax_flops(scores));
}

// A batched matmul over the dot axes; `normalize` L2-normalizes both inputs first, our rule: square,
// sum and scale, 3 per input element.
constexpr Cost layer_cost(const Dot& l, std::span<const Shape> in, std::span<const Shape> out)
{
    const Cost product = contraction(element_count(out[0]) * in[0][l.axes.index(0, in[0])], 0);
    return l.normalize ? product + elementwise_flops(Dim(3) * (element_count(in[0]) + element_count(in[1]))) : product;
}

// ---- elementwise, pooling, normalization ----------------------------------------------------------

// Keras folds the inputs one at a time (k - 1 binary ops per output element); Average then divides.
template <MergeKind Kind>
constexpr Cost layer_cost(const Merge<Kind>&, std::span<const Shape> in, std::span<const Shape> out)
{
    const auto ops = static_cast<std::int64_t>(in.size()) - (Kind == MergeKind::average ? 0 : 1);
    return elementwise_flops(Dim(ops) * element_count(out[0]));
}

// Operations on tensors, as the profiler registers their TF ops: a binary elementwise op (Add, Sub,
// Mul, RealDiv, Maximum, Minimum) 1 per output element; MatMul 2 per MAC; Mean 1 per input element,
// Sum and Max 1 per input element less 1 per output element; Softmax as the layer (5 per element); Cast, shape changes
// and the activations (Relu, Sigmoid, Tanh: the profiler registers none) 0.
constexpr Cost layer_cost(const TFOpLambda& l, std::span<const Shape> in, std::span<const Shape> out)
{
    switch (l.function) {
    case OpFunction::matmul:
        return contraction(element_count(out[0]) * in[0].back(), 0);
    case OpFunction::mean:
        return elementwise_flops(element_count(in[0]));
    case OpFunction::sum:
    case OpFunction::max:
        return elementwise_flops(element_count(in[0]) - element_count(out[0]));
    case OpFunction::softmax:
        return elementwise_flops(softmax_flops(element_count(in[0])));
    default:
        return l.elementwise() ? elementwise_flops(element_count(out[0])) : Cost{};
    }
}

template <std::size_t N, PoolKind Kind>
constexpr Cost layer_cost(const Pooling<N, Kind>& l, std::span<const Shape>, std::span<const Shape> out)
{
    return elementwise_flops(Dim(l.pool_size.product()) * element_count(out[0]));
}

// Our rule: each output position reads its window, [floor(i*L/o), ceil((i+1)*L/o)) along an axis of
// length L pooled to o (the windows of Keras's backends, tensorflow/nn.py
// _compute_static_gather_indices), 1 FLOP per element read, as for Pooling. The windows are separable:
// their total area is the product over the axes of each axis's window lengths summed.
template <std::size_t N, PoolKind Kind>
constexpr Cost layer_cost(const AdaptivePooling<N, Kind>& l, std::span<const Shape> in, std::span<const Shape> out)
{
    Dim area = 1;
    for (std::size_t axis = 0; axis < N; ++axis) {
        const Dim length = in[0][detail::spatial_axis(l.data_format, axis)];
        if (!length.known()) return elementwise_flops(None);
        const std::int64_t L = length.value(), o = l.output_size[axis];
        std::int64_t read = 0;
        for (std::int64_t i = 0; i < o; ++i)
            read = detail::checked_add(read, detail::checked_sub(detail::ceil_div(detail::checked_mul(i + 1, L), o),
                                                                 detail::checked_mul(i, L) / o));
        area = area * Dim(read);
    }
    return elementwise_flops(area * out[0][detail::channel_axis(l.data_format, out[0].rank())] * out[0][0]);
}

// The profiler's reductions: Mean reads each input element once; Max (keras-flops) does n - outputs.
template <std::size_t N, PoolKind Kind>
constexpr Cost layer_cost(const GlobalPooling<N, Kind>&, std::span<const Shape> in, std::span<const Shape> out)
{
    return elementwise_flops(Kind == PoolKind::average ? element_count(in[0])
                                                       : element_count(in[0]) - element_count(out[0]));
}

// tf.nn.batch_normalization at inference: rsqrt(var + eps) (3 per channel), * gamma, mean * inv,
// beta - that (1 each per channel), x * inv + offset (2 per element).
constexpr Cost layer_cost(const BatchNormalization& l, std::span<const Shape> in, std::span<const Shape>)
{
    return elementwise_flops(Dim(2) * element_count(in[0]) + Dim(6) * in[0][in[0].axis(l.axis)]);
}

// Our rule for normalizing n elements in g groups by their own moments: mean 1 and variance 3 per
// element (subtract, square, sum), (x - mean) * rsqrt(var + eps) 2 per element and 3 per group,
// then 1 per element for each of gamma and beta.
constexpr Cost moments_normalization(Dim n, Dim groups, bool scale, bool center)
{
    return elementwise_flops(Dim(6 + std::int64_t(scale) + std::int64_t(center)) * n + Dim(3) * groups);
}

// The product of the axes not in `axis`: how many vectors are normalized.
constexpr Dim outside_axes(const Shape& s, const Axes& axis)
{
    Dim g = 1;
    for (std::size_t i = 0; i < s.rank(); ++i) {
        bool inside = false;
        for (std::size_t j = 0; j < axis.size(); ++j) inside = inside || s.axis(axis[j]) == i;
        if (!inside) g = g * s[i];
    }
    return g;
}

// With rms_scaling the gamma and beta terms follow the weights the layer has (our rule keeps the
// moments' count as it is).
constexpr Cost layer_cost(const LayerNormalization& l, std::span<const Shape> in, std::span<const Shape>)
{
    return moments_normalization(element_count(in[0]), outside_axes(in[0], l.axis), l.has_gamma(), l.has_beta());
}

constexpr Cost layer_cost(const GroupNormalization& l, std::span<const Shape> in, std::span<const Shape>)
{
    const Dim groups = l.groups == -1 ? in[0][in[0].axis(l.axis)] : Dim(l.groups);
    return moments_normalization(element_count(in[0]), in[0][0] * groups, l.scale, l.center);
}

// x * rsqrt(max(sum(x * x), eps)): square, sum, scale 3 per element; max and rsqrt 3 per vector.
constexpr Cost layer_cost(const UnitNormalization& l, std::span<const Shape> in, std::span<const Shape>)
{
    return elementwise_flops(Dim(3) * element_count(in[0]) + Dim(3) * outside_axes(in[0], l.axis));
}

// x * rsqrt(mean(x * x) + eps) * scale: square, sum, normalize and scale 4 per element; the mean's
// divide, + eps and rsqrt 3 per vector.
constexpr Cost layer_cost(const RMSNormalization& l, std::span<const Shape> in, std::span<const Shape>)
{
    return elementwise_flops(Dim(4) * element_count(in[0]) + Dim(3) * outside_axes(in[0], l.axis));
}

// (x - mean) / stddev with given or adapted statistics: 2 per element.
constexpr Cost layer_cost(const Normalization&, std::span<const Shape> in, std::span<const Shape>)
{
    return elementwise_flops(Dim(2) * element_count(in[0]));
}

// x * scale + offset: Mul and Add, 2 per element.
constexpr Cost layer_cost(const Rescaling&, std::span<const Shape> in, std::span<const Shape>)
{
    return elementwise_flops(Dim(2) * element_count(in[0]));
}

// x * any(x != mask_value): NotEqual and Mul, 2 per element.
constexpr Cost layer_cost(const Masking&, std::span<const Shape> in, std::span<const Shape>)
{
    return elementwise_flops(Dim(2) * element_count(in[0]));
}

// A Lambda runs Python code nnshape cannot see: its cost is unknown, as a custom layer's.
constexpr Cost layer_cost(const Lambda&, std::span<const Shape>, std::span<const Shape>) { return unknown_cost; }
// An OpaqueLayer is known by its shapes and weights only: its cost is unknown.
constexpr Cost layer_cost(const OpaqueLayer&, std::span<const Shape>, std::span<const Shape>) { return unknown_cost; }

constexpr Cost layer_cost(const Softmax&, std::span<const Shape> in, std::span<const Shape>)
{
    return elementwise_flops(softmax_flops(element_count(in[0])));
}

constexpr Cost layer_cost(const Activation& l, std::span<const Shape> in, std::span<const Shape>)
{
    return elementwise_flops(l.activation.view() == "softmax" ? softmax_flops(element_count(in[0])) : Dim(0));
}

// A layer's own `activation` argument (`Dense{.units = 10, .activation = "softmax"}`) runs on its
// output; of the activations only softmax has FLOPs. A recurrent layer's activations run inside its
// steps: its cell rule covers them.
template <class L>
constexpr Cost fused_activation(const L& l, std::span<const Shape> out)
{
    if constexpr (
        requires { l.activation.view(); } && !requires { l.return_sequences; } && !std::is_same_v<L, Activation>)
        return elementwise_flops(l.activation.view() == "softmax" ? softmax_flops(element_count(out[0])) : Dim(0));
    else
        return {};
}

// A user's layer class may give its cost as `Cost cost(std::span<const Shape> inputs,
// std::span<const Shape> outputs) const` (batch axes already set), as the wrappers do (their layer's
// cost, layers/wrappers.hpp); without it, or a rule above, a user's layer's cost is unknown.
template <class L>
concept CostedLayer = requires(const L& l, std::span<const Shape> s) {
    { l.cost(s, s) } -> std::same_as<Cost>;
};

// The cost of one call of a layer of class L: its rule above and its fused activation, or its own
// `cost`. Whether every built-in class has one is checked by tests/static/analysis/costs_decided.cpp.
struct any_layer_cost {
    template <class L>
    static constexpr Cost of(const L& l, std::span<const Shape> in, std::span<const Shape> out)
    {
        if constexpr (CostedLayer<L>)
            return l.cost(in, out);
        else if constexpr (requires { layer_cost(l, in, out); })
            return layer_cost(l, in, out) + fused_activation(l, out);
        else
            return unknown_cost;
    }
};

} // namespace detail

} // namespace nnshape
