#pragma once
// Receptive fields, as defined and computed in Araujo, Norris and Sim, "Computing Receptive Fields of
// Convolutional Neural Networks", Distill 2019 (https://distill.pub/2019/computing-receptive-fields/),
// for every tensor of a model's forward pass. An optional header: not included by nnshape.hpp.
//
// Along one axis a layer is a window of (dilated) kernel k, stride s and left padding p; the field of
// its output follows from its input's field (the article's recurrences read forwards):
//     size    r' = r + (k - 1) * jump
//     jump    S' = S * s                  (the article's effective stride)
//     padding P' = P + p * S              (the article's effective padding)
// so that feature i of the tensor is computed from input positions [i*S - P, i*S - P + r - 1].
// Where paths meet (Add, Concatenate, ...) the article's rule: the paths must be aligned (equal jumps
// and equal centers -P + (r - 1)/2), and the widest path gives size and padding.

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <type_traits>
#include <vector>

#include "../layer.hpp"
#include "../naming.hpp"
#include "../trace.hpp"

namespace nnshape {

// The field of one tensor axis. `None` (nullopt for padding) where it is not defined:
// - size:    when it varies from feature to feature (paths that are not aligned, a window after an
//            upsampling, a transposed convolution whose stride does not divide its kernel);
// - jump:    after an upsampling or a strided transposed convolution (a fractional stride), or where
//            paths of different jumps meet;
// - padding: where any of the above holds, and where a 'same' padding depends on an unknown length.
// An axis whose every feature mixes the whole input axis (a convolution's channel axis, Dense's last
// axis, Softmax's axis, a concatenation axis) has all three None.
struct AxisField {
    Dim size = 1;
    Dim jump = 1;
    std::optional<std::int64_t> padding = 0;

    friend constexpr bool operator==(const AxisField&, const AxisField&) = default;
};

// The fields of a tensor along each of its axes, indexed as its Shape (axis 0 is the batch axis,
// whose field is always {1, 1, 0}): for a channels_last image, field[1] and field[2] are height and width.
class ReceptiveField {
public:
    // The field of a model input of shape `input`: every feature sees itself. The axes are assigned
    // one by one: axes left to AxisField's default member initializers, GCC 12 later reads as
    // uninitialized once another constant evaluation has assigned over such an axis.
    constexpr explicit ReceptiveField(const Shape& input) : rank_(input.rank())
    {
        for (AxisField& a : axes_) a = AxisField{Dim(1), Dim(1), std::optional<std::int64_t>(0)};
    }

    constexpr std::size_t rank() const { return rank_; }
    constexpr const AxisField& operator[](std::size_t axis) const
    {
        detail::require(axis < rank_, "ReceptiveField: axis out of range");
        return axes_[axis];
    }
    constexpr AxisField& operator[](std::size_t axis)
    {
        detail::require(axis < rank_, "ReceptiveField: axis out of range");
        return axes_[axis];
    }
    constexpr const AxisField* begin() const { return axes_.data(); }
    constexpr const AxisField* end() const { return axes_.data() + rank_; }

    friend constexpr bool operator==(const ReceptiveField& a, const ReceptiveField& b)
    {
        return a.rank_ == b.rank_ && std::ranges::equal(a, b);
    }

private:
    std::array<AxisField, Shape::max_rank> axes_{};
    std::size_t rank_;
};

namespace detail::rf {

inline constexpr AxisField mixed{None, None, std::nullopt};

// What a layer's rule sees: the fields and shapes of its inputs (every field defined) and its output shape.
struct Call {
    std::span<const ReceptiveField> fields;
    std::span<const Shape> inputs;
    const Shape& output;
};

// r + extra * jump, where extra = 0 keeps r even when the jump is None.
constexpr Dim grow(Dim size, std::int64_t extra, Dim jump) { return extra == 0 ? size : size + Dim(extra) * jump; }

// The article's single-layer step; a left padding of nullopt is one that depends on an unknown length.
constexpr AxisField window(const AxisField& f, std::int64_t kernel, std::int64_t stride,
                           std::optional<std::int64_t> left)
{
    const bool known = f.padding && left && f.jump.known();
    const auto padding = known ? std::optional(checked_add(*f.padding, checked_mul(*left, f.jump.value())))
                               : std::optional<std::int64_t>();
    return {grow(f.size, kernel - 1, f.jump), f.jump * Dim(stride), padding};
}

// A fractional stride 1/s (UpSampling, strided ConvTranspose): output feature o takes the inputs
// i with o = i*s - crop + t, t in [0, kernel): kernel/s consecutive inputs when s divides kernel,
// else ceil or floor of kernel/s depending on o, and neighbouring outputs may share their inputs.
constexpr AxisField fractional(const AxisField& f, std::int64_t kernel, std::int64_t stride)
{
    return {kernel % stride == 0 ? grow(f.size, kernel / stride - 1, f.jump) : None, None, std::nullopt};
}

constexpr std::int64_t dilated(std::int64_t kernel, std::int64_t dilation)
{
    return checked_add(kernel, checked_mul(kernel - 1, dilation - 1));
}

// TensorFlow's 'SAME' (Keras's 'same' on every backend): total padding max(k - s, 0) when the length
// L divides by s, else max(k - L % s, 0); the left side gets the floor of half. For an unknown L the
// left padding is defined when it is the same for every remainder m = L % s in 1..s (it falls as m
// grows, so m = 1 and m = s decide), as the article's library finds for k = 1, s = 1, or s = 2 with
// an even k.
constexpr std::optional<std::int64_t> same_left(Dim length, std::int64_t kernel, std::int64_t stride)
{
    const auto left = [&](std::int64_t m) { return (kernel > m ? kernel - m : 0) / 2; };
    if (length.known()) return left(length.value() % stride == 0 ? stride : length.value() % stride);
    if (left(1) == left(stride)) return left(stride);
    return std::nullopt;
}

constexpr std::optional<std::int64_t> left_padding(Padding padding, Dim length, std::int64_t kernel,
                                                   std::int64_t stride)
{
    if (padding == valid) return 0;
    if (padding == causal) return kernel - 1;
    return same_left(length, kernel, stride);
}

// The input's field with each of the N spatial axes mapped by `step(i, field, length)`.
template <std::size_t N, class Step>
constexpr ReceptiveField spatial(const Call& c, DataFormat f, Step step)
{
    ReceptiveField out = c.fields[0];
    for (std::size_t i = 0; i < N; ++i) {
        const std::size_t a = spatial_axis(f, i);
        out[a] = step(i, out[a], c.inputs[0][a]);
    }
    return out;
}

// A convolution or pooling window: kernel, strides, padding and dilation per spatial axis.
template <std::size_t N>
constexpr ReceptiveField conv_window(const Call& c, DataFormat f, const Ints<N>& kernel, const Ints<N>& strides,
                                     Padding padding, const Ints<N>& dilation)
{
    return spatial<N>(c, f, [&](std::size_t i, const AxisField& a, Dim length) {
        const std::int64_t k = dilated(kernel[i], dilation[i]);
        return window(a, k, strides[i], left_padding(padding, length, k, strides[i]));
    });
}

// Every output channel of these mixes all input channels.
constexpr ReceptiveField mixing_channels(ReceptiveField r, DataFormat f)
{
    r[channel_axis(f, r.rank())] = mixed;
    return r;
}

// Each output value depends on the values along `axes` at its position, and on nothing else.
constexpr ReceptiveField mixing(const Call& c, const Axes& axes)
{
    ReceptiveField r = c.fields[0];
    for (std::size_t i = 0; i < axes.size(); ++i) r[c.output.axis(axes[i])] = mixed;
    return r;
}

constexpr std::optional<ReceptiveField> layer_field(const Activation& l, const Call& c)
{
    const bool softmax = l.activation.view() == "softmax" || l.activation.view() == "log_softmax";
    return softmax ? mixing(c, -1) : c.fields[0];
}

constexpr std::optional<ReceptiveField> layer_field(const Softmax& l, const Call& c) { return mixing(c, l.axis); }
constexpr std::optional<ReceptiveField> layer_field(const LayerNormalization& l, const Call& c)
{
    return mixing(c, l.axis);
}
constexpr std::optional<ReceptiveField> layer_field(const UnitNormalization& l, const Call& c)
{
    return mixing(c, l.axis);
}
constexpr std::optional<ReceptiveField> layer_field(const RMSNormalization& l, const Call& c)
{
    return mixing(c, l.axis);
}
constexpr std::optional<ReceptiveField> layer_field(const Dense&, const Call& c) { return mixing(c, -1); }
constexpr std::optional<ReceptiveField> layer_field(const TernaryDense&, const Call& c) { return mixing(c, -1); }
constexpr std::optional<ReceptiveField> layer_field(const MaxoutDense&, const Call& c) { return mixing(c, -1); }
constexpr std::optional<ReceptiveField> layer_field(const Highway&, const Call& c) { return mixing(c, -1); }
constexpr std::optional<ReceptiveField> layer_field(const RandomFourierFeatures&, const Call& c)
{
    return mixing(c, -1);
}
constexpr std::optional<ReceptiveField> layer_field(const Masking&, const Call& c) { return mixing(c, -1); }

template <std::size_t N>
constexpr std::optional<ReceptiveField> layer_field(const Conv<N>& l, const Call& c)
{
    return mixing_channels(conv_window(c, l.data_format, l.kernel_size, l.strides, l.padding, l.dilation_rate),
                           l.data_format);
}

// Output channel c * depth_multiplier + m comes from input channel c alone.
template <std::size_t N>
constexpr std::optional<ReceptiveField> layer_field(const DepthwiseConv<N>& l, const Call& c)
{
    const ReceptiveField r = conv_window(c, l.data_format, l.kernel_size, l.strides, l.padding, l.dilation_rate);
    if (l.depth_multiplier == 1) return r;
    return mixing_channels(r, l.data_format);
}

// The article's appendix: a separable convolution's field is its depthwise kernel's.
template <std::size_t N>
constexpr std::optional<ReceptiveField> layer_field(const SeparableConv<N>& l, const Call& c)
{
    return mixing_channels(conv_window(c, l.data_format, l.kernel_size, l.strides, l.padding, l.dilation_rate),
                           l.data_format);
}

template <std::size_t N, PoolKind Kind>
constexpr std::optional<ReceptiveField> layer_field(const Pooling<N, Kind>& l, const Call& c)
{
    return conv_window(c, l.data_format, l.pool_size, l.strides.value_or(l.pool_size), l.padding, Ints<N>(1));
}

// The article: a negative padding is a cropping, with no other change.
template <std::size_t N>
constexpr std::optional<ReceptiveField> layer_field(const ZeroPadding<N>& l, const Call& c)
{
    return spatial<N>(c, l.data_format,
                      [&](std::size_t i, const AxisField& a, Dim) { return window(a, 1, 1, l.padding[i][0]); });
}

template <std::size_t N>
constexpr std::optional<ReceptiveField> layer_field(const Cropping<N>& l, const Call& c)
{
    return spatial<N>(c, l.data_format,
                      [&](std::size_t i, const AxisField& a, Dim) { return window(a, 1, 1, -l.cropping[i][0]); });
}

// Nearest-neighbour upsampling: each output value repeats one input value (a kernel of `size` at
// stride 1/size); the field keeps its size and loses its jump.
template <std::size_t N>
constexpr std::optional<ReceptiveField> layer_field(const UpSampling<N>& l, const Call& c)
{
    return spatial<N>(c, l.data_format,
                      [&](std::size_t i, const AxisField& a, Dim) { return fractional(a, l.size[i], l.size[i]); });
}

// With stride 1 a transposed convolution is the convolution of the same (dilated) kernel k padded
// on the left by k - 1 - q, q being the left padding of the convolution it transposes ('valid': 0;
// 'same' at stride 1: (k - 1) / 2). With a larger stride, a fractional stride.
template <std::size_t N>
constexpr std::optional<ReceptiveField> layer_field(const ConvTranspose<N>& l, const Call& c)
{
    const ReceptiveField r = spatial<N>(c, l.data_format, [&](std::size_t i, const AxisField& a, Dim) {
        const std::int64_t k = dilated(l.kernel_size[i], l.dilation_rate[i]);
        if (l.strides[i] > 1) return fractional(a, k, l.strides[i]);
        return window(a, k, 1, k - 1 - (l.padding == same ? (k - 1) / 2 : 0));
    });
    return mixing_channels(r, l.data_format);
}

// The article's rule where two paths meet on one axis.
constexpr AxisField meet(const AxisField& a, const AxisField& b)
{
    if (!(a.jump == b.jump) || !a.jump.known()) return mixed;
    if (!a.size.known() || !b.size.known()) return {None, a.jump, std::nullopt};
    const AxisField& wide = b.size.value() > a.size.value() ? b : a;
    if (!a.padding || !b.padding) return {wide.size, wide.jump, std::nullopt}; // alignment cannot be checked
    // Twice the center of feature 0: 2 * (-P + (r - 1) / 2).
    const auto center2 = [](const AxisField& f) { return checked_sub(f.size.value() - 1, checked_mul(2, *f.padding)); };
    if (center2(a) != center2(b)) return {None, a.jump, std::nullopt};
    return wide;
}

// The paths met along every axis; an axis an input is broadcast along has no field, nor has the
// output when an input of lower rank is broadcast.
template <MergeKind Kind>
constexpr std::optional<ReceptiveField> layer_field(const Merge<Kind>&, const Call& c)
{
    ReceptiveField out = c.fields[0];
    for (std::size_t k = 0; k < c.fields.size(); ++k) {
        if (c.inputs[k].rank() != c.output.rank()) return std::nullopt;
        for (std::size_t a = 1; a < out.rank(); ++a)
            out[a] = c.inputs[k][a] == c.output[a] ? meet(out[a], c.fields[k][a]) : mixed;
    }
    return out;
}

constexpr std::optional<ReceptiveField> layer_field(const Concatenate& l, const Call& c)
{
    ReceptiveField out = c.fields[0];
    const std::size_t along = c.output.axis(l.axis);
    for (std::size_t k = 0; k < c.fields.size(); ++k)
        for (std::size_t a = 1; a < out.rank(); ++a) out[a] = a == along ? mixed : meet(out[a], c.fields[k][a]);
    return out;
}

// Operations: the broadcast ones meet their paths as a merge does (a constant operand adds none), a
// concatenation as Concatenate, softmax as the Softmax layer, a cast and the elementwise activations
// keep the field; the others move or drop axes: no field.
constexpr std::optional<ReceptiveField> layer_field(const TFOpLambda& l, const Call& c)
{
    const bool keeps_shape = l.function == OpFunction::cast || l.function == OpFunction::relu ||
                             l.function == OpFunction::sigmoid || l.function == OpFunction::tanh;
    if (l.function == OpFunction::softmax) return layer_field(Softmax{.axis = l.axis ? *l.axis : -1}, c);
    // A constant operand adds no path, but one that broadcasts the tensor to another shape moves its axes.
    if (keeps_shape || (l.elementwise() && l.scalar_operand && c.output == c.inputs[0])) return c.fields[0];
    if (l.elementwise() && l.scalar_operand) return std::nullopt;
    if (l.elementwise()) return layer_field(Add{}, c);
    if (l.function == OpFunction::concatenate) return layer_field(Concatenate{.axis = (*l.axis)[0]}, c);
    return std::nullopt;
}

// Every built-in layer states in its header how its field is found (detail/layer_facts.hpp):
// `elementwise` (BatchNormalization at inference, the noise and dropout layers at inference too: the
// article's appendix), `no_field` (Flatten, global pooling, recurrent and attention layers, ...), or
// `by_rule`, a layer_field rule above. A forgotten decision stops the build here, naming the layer.
template <class L>
constexpr bool field_decided()
{
    static_assert(
        requires { L::analyses.field; },
        "receptive_field: every built-in layer states `analyses` (detail/layer_facts.hpp)");
    static_assert(L::analyses.field == elementwise || L::analyses.field == no_field || L::analyses.field == by_rule,
                  "receptive_field: a layer's analyses.field is elementwise, no_field or by_rule");
    static_assert((L::analyses.field == by_rule) == requires(const L& l, const Call& c) { layer_field(l, c); },
                  "receptive_field: a layer has a layer_field rule in this file exactly when its analyses say "
                  "`.field = by_rule`");
    return true;
}
template <class... L>
constexpr bool every_field_decided(type_list<L...>)
{
    return (field_decided<L>() && ...);
}
static_assert(every_field_decided(layer_list{}));

// A user's layer has no field: nnshape cannot see how its outputs line up with its inputs.
template <class L>
constexpr std::optional<ReceptiveField> field_of(const L& l, const Call& c)
{
    if constexpr (!BuiltinLayer<L>)
        return std::nullopt;
    else if constexpr (L::analyses.field == elementwise)
        return c.fields[0];
    else if constexpr (L::analyses.field == no_field)
        return std::nullopt;
    else
        return layer_field(l, c);
}

template <class LayerT>
constexpr std::optional<ReceptiveField> call_field(const Trace<LayerT>& t, const TracedCall<LayerT>& call,
                                                   const std::vector<std::optional<ReceptiveField>>& fields)
{
    if (!call.layer) return std::nullopt; // a Graph's custom layer
    std::vector<ReceptiveField> in;
    for (std::int32_t id : t.inputs_of(call)) {
        if (!fields[std::size_t(id)]) return std::nullopt; // an input without a field spoils every output
        in.push_back(*fields[std::size_t(id)]);
    }
    const std::vector<Shape> inputs = t.input_shapes(call);
    const Shape output = t.tensors[std::size_t(t.outputs_of(call)[0])];
    const Call c{in, inputs, output};
    return call.layer->visit([&](const auto& l) { return field_of(l, c); });
}

} // namespace detail::rf

// The receptive field of every tensor of the pass, by tensor id, measured on the model's one input;
// nullopt for a tensor whose values have no field (after Flatten, a global pooling, a recurrent layer...).
template <class LayerT>
constexpr std::vector<std::optional<ReceptiveField>> receptive_fields(const Trace<LayerT>& t)
{
    detail::require(t.inputs.size() == 1,
                    "receptive_fields: the model must have one input (fields are measured on it)");
    std::vector<std::optional<ReceptiveField>> fields(t.tensors.size());
    const auto input = std::size_t(t.inputs[0]);
    fields[input] = ReceptiveField(t.tensors[input]);
    for (const TracedCall<LayerT>& call : t.calls) {
        if (call.input_count == 0) continue; // the InputLayer
        const std::optional<ReceptiveField> f = detail::rf::call_field(t, call, fields);
        for (std::int32_t id : t.outputs_of(call)) fields[std::size_t(id)] = f;
    }
    return fields;
}

// The field of a Model's or Sequential's output.
template <class M>
    requires requires(const M& m) { trace(m); }
constexpr std::optional<ReceptiveField> receptive_field(const M& model)
{
    const auto t = trace(model);
    detail::require(t.outputs.size() == 1,
                    "receptive_field: the model must have one output (else use receptive_fields)");
    return receptive_fields(t)[std::size_t(t.outputs[0])];
}

// The field of the output of the layer named `layer` (its first call, nested models included).
template <class M>
    requires requires(const M& m) { trace(m); }
constexpr std::optional<ReceptiveField> receptive_field(const M& model, std::string_view layer, Naming style = keras2)
{
    const auto t = trace(model);
    const auto fields = receptive_fields(t);
    for (const auto& call : t.calls)
        if (call.name.render(style).view() == layer) return fields[std::size_t(t.outputs_of(call)[0])];
    detail::require(false, "receptive_field: the model has no layer of that name");
    return std::nullopt;
}

} // namespace nnshape
