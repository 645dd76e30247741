#pragma once
// Attention layers (Keras 3): MultiHeadAttention, GroupQueryAttention, Attention, AdditiveAttention,
// and EinsumDense, the projection MultiHeadAttention is built from (Keras keeps it with the core
// layers).
//
// `return_attention_scores` is an argument of the call in Keras (`mha(q, v, return_attention_scores=True)`);
// here it is a field of the layer, and the scores are the layer's second output.

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string_view>
#include <type_traits>
#include <utility>

#include "../detail/layer_facts.hpp"
#include "../detail/type_list.hpp"
#include "../layer_args.hpp"

// Keras 3's MultiHeadAttention and GroupedQueryAttention take query, value and key as separate
// positional tensors (`call(self, query, value, key=None, ...)`): `mha(q, v)` and `mha(q, v, k)` are
// the calls on the lists [q, v] and [q, v, k], the same rule and the same recorded call. (Attention
// and AdditiveAttention take one list in Keras, `layer([q, v])`, as every layer here does.)
// `One` is always nnshape::Tensor, completed where the call is made (functional.hpp).
#define NNSHAPE_ATTENTION_POSITIONAL_CALL                                                                            \
    static constexpr bool takes_query_value_key = true; /* a shared one too: SharedLayer's (q, v[, k]) */            \
    template <class T = ::nnshape::Tensors, class One = ::nnshape::Tensor>                                           \
    constexpr T operator()(const std::type_identity_t<One>& query, const std::type_identity_t<One>& value)&&         \
    {                                                                                                                \
        return ::nnshape::detail::call_on(std::move(*this), T{query, value});                                        \
    }                                                                                                                \
    template <class T = ::nnshape::Tensors, class One = ::nnshape::Tensor>                                           \
    constexpr T operator()(const std::type_identity_t<One>& query, const std::type_identity_t<One>& value,           \
                           const std::type_identity_t<One>& key)&&                                                   \
    {                                                                                                                \
        return ::nnshape::detail::call_on(std::move(*this), T{query, value, key});                                   \
    }                                                                                                                \
    /* A named layer value: as its call on a list, each call would be a new layer. */                                \
    template <class T = ::nnshape::Tensors, class One = ::nnshape::Tensor>                                           \
    constexpr void operator()(const std::type_identity_t<One>& query, const std::type_identity_t<One>& value) const& \
    {                                                                                                                \
        this->template operator()<T>(T{query, value});                                                               \
    }                                                                                                                \
    template <class T = ::nnshape::Tensors, class One = ::nnshape::Tensor>                                           \
    constexpr void operator()(const std::type_identity_t<One>& query, const std::type_identity_t<One>& value,        \
                              const std::type_identity_t<One>& key) const&                                           \
    {                                                                                                                \
        this->template operator()<T>(T{query, value, key});                                                          \
    }

namespace nnshape {

namespace detail {

// A class whose call takes query, value and key as separate tensors (NNSHAPE_ATTENTION_POSITIONAL_CALL).
template <class L>
    struct takes_query_value_key : std::bool_constant < requires {
    L::takes_query_value_key;
}>{};

// The key of a call on [query, value] or [query, value, key]: the value when no key is given.
constexpr const Shape& key_of(std::span<const Shape> inputs) { return inputs[inputs.size() == 3 ? 2 : 1]; }

// Keras's `value_shape[1:-1] == key_shape[1:-1]`: None equals None only.
constexpr bool equal_but_last(const Shape& a, const Shape& b)
{
    if (a.rank() != b.rank()) return false;
    for (std::size_t i = 1; i + 1 < a.rank(); ++i)
        if (!(a[i] == b[i])) return false;
    return true;
}

// Attention and AdditiveAttention, as in Keras 3: the output is query.shape[:-1] + (value.shape[-1],),
// the scores query.shape[:-1] + (key.shape[-2],). tf.keras gives the output the query's shape.
constexpr Shapes scored_attention_shapes(std::span<const Shape> inputs, bool return_attention_scores)
{
    Shape out = inputs[0];
    out.back() = inputs[1].back();
    if (!return_attention_scores) return {out};
    const Shape& key = key_of(inputs);
    Shape scores = inputs[0];
    scores.back() = key[key.axis(-2)];
    return {out, scores};
}

// An EinsumDense equation split into its specs, the ellipsis ("...") noted and removed. The three forms
// Keras 3 accepts: "ab,bc->ac", "...b,bc->...c" (left) and "ab...,bc->ac..." (right).
struct EinsumEquation {
    std::string_view input, weight, output;
    bool left_elided = false, right_elided = false;
};

constexpr bool is_einsum_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
constexpr bool einsum_spec(std::string_view s) { return !s.empty() && std::ranges::all_of(s, is_einsum_letter); }

// Where `c` is in `s` (the last place, as Keras's dicts keep it), or npos. A loop of our own: GCC 12
// cannot evaluate string_view::find on the characters of a temporary layer.
constexpr std::size_t find_last(std::string_view s, char c)
{
    std::size_t at = std::string_view::npos;
    for (std::size_t i = 0; i < s.size(); ++i)
        if (s[i] == c) at = i;
    return at;
}

constexpr EinsumEquation parse_einsum(std::string_view eq)
{
    constexpr std::string_view dots = "...";
    const std::size_t comma = find_last(eq, ','), arrow = find_last(eq, '>');
    EinsumEquation e{};
    if (comma < arrow && arrow != std::string_view::npos && eq[arrow - 1] == '-') {
        e.input = eq.substr(0, comma);
        e.weight = eq.substr(comma + 1, arrow - comma - 2);
        e.output = eq.substr(arrow + 1);
        e.left_elided = e.input.starts_with(dots) && e.output.starts_with(dots);
        e.right_elided = !e.left_elided && e.input.ends_with(dots) && e.output.ends_with(dots);
        if (e.left_elided) {
            e.input.remove_prefix(3);
            e.output.remove_prefix(3);
        }
        if (e.right_elided) {
            e.input.remove_suffix(3);
            e.output.remove_suffix(3);
        }
    }
    const bool ok = einsum_spec(e.input) && einsum_spec(e.weight) && einsum_spec(e.output) &&
                    (!e.right_elided || e.input.size() >= 2);
    require(ok, "EinsumDense: Invalid einsum equation. Equations must be in the form [X],[Y]->[Z], "
                "...[X],[Y]->...[Z], or [X]...,[Y]->[Z]....");
    return e;
}

struct EinsumAnalysis {
    Shape output;
    Dim kernel{}; // sizes of the weights; None if a dimension they take is unknown
    Dim bias{};
    Dim kernel_last{}; // the kernel's last axis (the weight spec's last letter)
};

// Keras 3's _analyze_einsum_string. The full output is the batch axis, the axes the ellipsis stands for
// and `output_shape` (which leaves out both); every spec letter is an axis of the input or output, and
// the weights take their sizes from the output first, then from the input.
constexpr EinsumAnalysis analyze_einsum(std::string_view equation, std::string_view bias_axes, const Shape& in,
                                        const TupleArg<Dim>& output_shape)
{
    constexpr std::size_t npos = std::string_view::npos;
    const EinsumEquation e = parse_einsum(equation);
    const std::size_t spec_rank = e.input.size();
    require(in.rank() >= 1 && (in.rank() == spec_rank || (in.rank() > spec_rank && (e.left_elided || e.right_elided))),
            "EinsumDense: the input's rank does not match the equation's input spec");
    const std::size_t elided = in.rank() - spec_rank;
    // Keras 3's compute_output_shape inserts the elided axes after the batch axis in reverse order (a
    // difference from two of them on); the einsum gives them in order, as here. A None in output_shape
    // stays None, as in Keras 3 (tf.keras's shape came from running the einsum).
    Shape out{in[0]};
    if (e.left_elided)
        for (std::size_t i = 1; i < elided; ++i) out.push_back(in[i]);
    for (std::size_t i = 0; i < output_shape.size(); ++i) out.push_back(output_shape[i]);
    if (e.right_elided)
        for (std::size_t i = spec_rank; i < in.rank(); ++i) out.push_back(in[i]);
    require(out.rank() == e.output.size() + elided,
            "EinsumDense: output_shape must give the size of each output axis but the first and the ellipsis");
    const std::size_t lead = e.left_elided ? elided : 0; // where the specs' letters start

    for (std::size_t i = 0; i < spec_rank; ++i) {
        const std::size_t at = find_last(e.output, e.input[i]);
        require(at == npos || !out[lead + at].known() || out[lead + at] == in[lead + i],
                "EinsumDense: Input shape and output shape do not match at shared dimension");
    }
    for (char c : e.output)
        require(find_last(e.input, c) != npos || find_last(e.weight, c) != npos,
                "EinsumDense: Dimension was specified in the output but has no corresponding dim in the input "
                "spec or weight spec");
    Dim kernel = 1, kernel_last = 1;
    for (char c : e.weight) {
        const std::size_t at_out = find_last(e.output, c), at_in = find_last(e.input, c);
        require(at_out != npos || at_in != npos, "EinsumDense: Weight dimension did not have a match in either the "
                                                 "input spec or the output spec. For this layer, the weight must be "
                                                 "fully specified.");
        const Dim size = at_out != npos ? out[lead + at_out] : in[lead + at_in];
        kernel = kernel * size;
        kernel_last = size;
    }
    Dim bias = bias_axes.empty() ? 0 : 1;
    for (char c : bias_axes)
        require(find_last(e.output, c) != npos, "EinsumDense: Bias dimension was requested, but is not part of the "
                                                "output spec");
    for (std::size_t j = 0; j < e.output.size(); ++j)
        if (find_last(bias_axes, e.output[j]) != npos) bias = bias * out[lead + j];
    return {out, kernel, bias, kernel_last};
}

} // namespace detail

// `einsum(equation, input, kernel) + bias`. The rule is `output_shapes` because `output_shape` is the
// name of Keras's argument.
//
// The strings are views: a string literal, or a string that outlives the layer. (A `Name` cannot be
// given a value in a `const` layer built in a constant evaluation on GCC 12.)
//
// `lora_rank` freezes the kernel and adds trainable lora_kernel_a (kernel.shape[:-1] + (rank,)) and
// lora_kernel_b (rank, kernel.shape[-1]), as Keras 3's EinsumDense.enable_lora does
// (keras/src/layers/core/einsum_dense.py). `gptq_unpacked_column_size` matters only to a GPTQ
// quantization_config, which nnshape does not model.
struct EinsumDense {
    Name equation{};
    detail::TupleArg<Dim> output_shape = {};
    ActivationName activation{};
    Name bias_axes{}; // empty: None, no bias
    NNSHAPE_ACCEPTED(kernel_initializer);
    NNSHAPE_ACCEPTED(bias_initializer);
    NNSHAPE_ACCEPTED(kernel_regularizer);
    NNSHAPE_ACCEPTED(bias_regularizer);
    NNSHAPE_ACCEPTED(kernel_constraint);
    NNSHAPE_ACCEPTED(bias_constraint);
    std::optional<int> lora_rank{}; // int: the smallest type the Keras JSON reader takes
    NNSHAPE_ACCEPTED(lora_alpha);
    NNSHAPE_ACCEPTED(gptq_unpacked_column_size);
    NNSHAPE_ONLY_NONE(quantization_config);
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "EinsumDense";
    static constexpr void keras_config(auto& l, auto& key)
    {
        key("equation", l.equation, detail::required);
        key("output_shape", l.output_shape, detail::required);
        key("activation", l.activation);
        key("bias_axes", l.bias_axes);
        key("kernel_initializer", l.kernel_initializer);
        key("bias_initializer", l.bias_initializer);
        key("kernel_regularizer", l.kernel_regularizer);
        key("bias_regularizer", l.bias_regularizer);
        key("kernel_constraint", l.kernel_constraint);
        key("bias_constraint", l.bias_constraint);
        key("lora_rank", l.lora_rank);
        key("lora_alpha", l.lora_alpha);
        key("gptq_unpacked_column_size", l.gptq_unpacked_column_size);
        key.refused("quantization_config", "nnshape does not model quantized weights");
    }
    static constexpr detail::Analyses analyses{.cost = detail::by_rule, .field = detail::no_field};

    constexpr Shapes output_shapes(const Shape& in) const
    {
        detail::require(!lora_rank || *lora_rank >= 0, "EinsumDense: lora_rank must be a non-negative integer");
        return {detail::analyze_einsum(equation.view(), bias_axes.view(), in, output_shape).output};
    }

    constexpr Params params(const Shape& in) const
    {
        const detail::EinsumAnalysis a = detail::analyze_einsum(equation.view(), bias_axes.view(), in, output_shape);
        detail::require(a.kernel.known() && a.bias.known(),
                        "EinsumDense: every dimension of the kernel and bias must be defined. Found None.");
        const std::int64_t last = a.kernel_last.value(); // 0 only when the kernel has no values
        return detail::with_lora(last == 0 ? 0 : a.kernel.value() / last, last, lora_rank, a.bias.value());
    }
};

// Called on [query, value] or [query, value, key] (key = value). Projections are EinsumDense layers:
// query (q, H, Dk), key (k, H, Dk), value (v, H, Dv), output (H, Dv, *output_shape or q), biases
// without the input axis; `use_gate` (Keras 3) adds a query projection (q, H, Dv).
struct MultiHeadAttention {
    std::int64_t num_heads = 0;
    std::int64_t key_dim = 0;
    std::optional<std::int64_t> value_dim{}; // None: key_dim
    NNSHAPE_ACCEPTED(dropout);
    bool use_bias = true;
    OptionalArg<detail::TupleArg<Dim>, Dim> output_shape{};
    OptionalArg<detail::TupleArg<std::int64_t>, std::int64_t> attention_axes{};
    std::optional<std::int64_t> sliding_window{};
    NNSHAPE_ACCEPTED(flash_attention);
    NNSHAPE_ACCEPTED(kernel_initializer);
    NNSHAPE_ACCEPTED(bias_initializer);
    NNSHAPE_ACCEPTED(kernel_regularizer);
    NNSHAPE_ACCEPTED(bias_regularizer);
    NNSHAPE_ACCEPTED(activity_regularizer);
    NNSHAPE_ACCEPTED(kernel_constraint);
    NNSHAPE_ACCEPTED(bias_constraint);
    bool use_gate = false;
    NNSHAPE_ACCEPTED(seed);
    bool return_attention_scores = false; // an argument of the call
    NNSHAPE_ACCEPTED(use_causal_mask); // an argument of the call: masks scores, changes no shape
    NNSHAPE_LAYER_KWARGS
    NNSHAPE_ATTENTION_POSITIONAL_CALL

    static constexpr std::string_view class_name = "MultiHeadAttention";
    static constexpr void keras_config(auto& l, auto& key)
    {
        key("num_heads", l.num_heads, detail::required);
        key("key_dim", l.key_dim, detail::required);
        key("value_dim", l.value_dim);
        key("dropout", l.dropout);
        key("use_bias", l.use_bias);
        key("output_shape", l.output_shape);
        key("attention_axes", l.attention_axes);
        key("sliding_window", l.sliding_window);
        key("flash_attention", l.flash_attention);
        key("kernel_initializer", l.kernel_initializer);
        key("bias_initializer", l.bias_initializer);
        key("kernel_regularizer", l.kernel_regularizer);
        key("bias_regularizer", l.bias_regularizer);
        key("activity_regularizer", l.activity_regularizer);
        key("kernel_constraint", l.kernel_constraint);
        key("bias_constraint", l.bias_constraint);
        key("use_gate", l.use_gate);
        key("seed", l.seed);
    }
    static constexpr detail::Analyses analyses{.cost = detail::by_rule, .field = detail::no_field};

    // The output is query.shape[:-1] + (output_shape or (q,)). The scores are (batch, <query axes not
    // attended>, H, <attended query axes>, <attended key axes>): (b, H, Tq, Tv) by default. Keras 3's
    // compute_output_spec says (b, H, Tq, Tq); the tensor it computes has Tv, as tf.keras reports.
    constexpr Shapes output_shapes(std::span<const Shape> inputs) const
    {
        detail::require(num_heads > 0, "MultiHeadAttention: Received an invalid value for argument `num_heads`, "
                                       "expected a positive integer.");
        detail::require(key_dim > 0, "MultiHeadAttention: Received an invalid value for argument `key_dim`, "
                                     "expected a positive integer.");
        detail::require(!value_dim || *value_dim > 0, "MultiHeadAttention: Received an invalid value for argument "
                                                      "`value_dim`, expected a positive integer or `None`.");
        detail::require(!sliding_window || *sliding_window > 0,
                        "MultiHeadAttention: `sliding_window` must be `None` or a positive integer.");
        detail::require(inputs.size() == 2 || inputs.size() == 3,
                        "MultiHeadAttention: expected the inputs [query, value] or [query, value, key]");
        const Shape& query = inputs[0];
        const Shape& key = detail::key_of(inputs);
        detail::require(detail::equal_but_last(inputs[1], key), "MultiHeadAttention: All dimensions of `value` and "
                                                                "`key`, except the last one, must be equal.");
        // The attention einsums give query and key one rank (an error of the call in Keras).
        detail::require(query.rank() >= 2 && query.rank() == key.rank(),
                        "MultiHeadAttention: query, value and key must have the same rank, at least 2");
        Shape out = query;
        if (output_shape && output_shape->size() > 0) {
            out = Shape(std::span(query.begin(), query.end() - 1));
            for (std::size_t i = 0; i < output_shape->size(); ++i) out.push_back((*output_shape)[i]);
        }
        const std::array<bool, Shape::max_rank> attended = attended_axes(query.rank());
        if (!return_attention_scores) return {out};
        Shape scores{query[0]};
        for (std::size_t i = 1; i + 1 < query.rank(); ++i)
            if (!attended[i]) scores.push_back(query[i]);
        scores.push_back(num_heads);
        for (std::size_t i = 1; i + 1 < query.rank(); ++i)
            if (attended[i]) scores.push_back(query[i]);
        for (std::size_t i = 1; i + 1 < key.rank(); ++i)
            if (attended[i]) scores.push_back(key[i]);
        return {out, scores};
    }

    // H*Dk*(q + k) + H*Dv*(v + O) kernels and 2*H*Dk + H*Dv + O biases (spec §2.11), O = prod(output_shape) or q.
    constexpr Params params(std::span<const Shape> inputs) const
    {
        const Dim q = inputs[0].back(), v = inputs[1].back(), k = detail::key_of(inputs).back();
        detail::require(q.known() && v.known() && k.known(),
                        "MultiHeadAttention: the last dimension of query, value and key must be defined. Found None.");
        Dim o = q;
        if (output_shape && output_shape->size() > 0) {
            o = 1;
            for (std::size_t i = 0; i < output_shape->size(); ++i) o = o * (*output_shape)[i];
            detail::require(o.known(), "MultiHeadAttention: output_shape must not contain None");
        }
        const Dim h = num_heads, dk = key_dim, dv = value_dim.value_or(key_dim);
        Dim kernels = h * dk * (q + k) + h * dv * (v + o);
        Dim biases = h * (dk + dk + dv) + o;
        if (use_gate) {
            kernels = kernels + q * h * dv;
            biases = biases + h * dv;
        }
        return {(use_bias ? kernels + biases : kernels).value()};
    }

private:
    // Which axes of the query are attended: `attention_axes` (an axis < 0 counts from the query's end),
    // by default every axis but the batch and feature axes.
    constexpr std::array<bool, Shape::max_rank> attended_axes(std::size_t rank) const
    {
        std::array<bool, Shape::max_rank> attended{};
        const bool all = !attention_axes || attention_axes->size() == 0;
        for (std::size_t i = 1; all && i + 1 < rank; ++i) attended[i] = true;
        for (std::size_t i = 0; !all && i < attention_axes->size(); ++i) {
            const std::int64_t a = (*attention_axes)[i], r = static_cast<std::int64_t>(rank);
            const std::int64_t at = a < 0 ? a + r : a;
            detail::require(at >= 1 && at + 1 < r && !attended[std::size_t(at)],
                            "MultiHeadAttention: attention_axes must be distinct axes of the query other than its "
                            "batch and feature axes");
            attended[std::size_t(at)] = true;
        }
        return attended;
    }
};

// Keras 3's GroupedQueryAttention (exported as keras.layers.GroupQueryAttention): num_query_heads
// query heads share num_key_value_heads key and value heads. Query, value and key are (batch, time,
// features); the output has the query's shape.
struct GroupQueryAttention {
    std::int64_t head_dim = 0;
    std::int64_t num_query_heads = 0;
    std::int64_t num_key_value_heads = 0;
    NNSHAPE_ACCEPTED(dropout);
    bool use_bias = true;
    std::optional<std::int64_t> sliding_window{};
    NNSHAPE_ACCEPTED(flash_attention);
    NNSHAPE_ACCEPTED(kernel_initializer);
    NNSHAPE_ACCEPTED(bias_initializer);
    NNSHAPE_ACCEPTED(kernel_regularizer);
    NNSHAPE_ACCEPTED(bias_regularizer);
    NNSHAPE_ACCEPTED(activity_regularizer);
    NNSHAPE_ACCEPTED(kernel_constraint);
    NNSHAPE_ACCEPTED(bias_constraint);
    bool use_gate = false;
    NNSHAPE_ACCEPTED(seed);
    bool return_attention_scores = false; // an argument of the call
    NNSHAPE_ACCEPTED(use_causal_mask); // an argument of the call: masks scores, changes no shape
    NNSHAPE_LAYER_KWARGS
    NNSHAPE_ATTENTION_POSITIONAL_CALL

    static constexpr std::string_view class_name = "GroupedQueryAttention";
    // Keras 3 exports the class under both names (keras.layers.GroupQueryAttention).
    static constexpr std::array<std::string_view, 1> keras_aliases{"GroupQueryAttention"};
    static constexpr void keras_config(auto& l, auto& key)
    {
        key("head_dim", l.head_dim, detail::required);
        key("num_query_heads", l.num_query_heads, detail::required);
        key("num_key_value_heads", l.num_key_value_heads, detail::required);
        key("dropout", l.dropout);
        key("use_bias", l.use_bias);
        key("sliding_window", l.sliding_window);
        key("flash_attention", l.flash_attention);
        key("kernel_initializer", l.kernel_initializer);
        key("bias_initializer", l.bias_initializer);
        key("kernel_regularizer", l.kernel_regularizer);
        key("bias_regularizer", l.bias_regularizer);
        key("activity_regularizer", l.activity_regularizer);
        key("kernel_constraint", l.kernel_constraint);
        key("bias_constraint", l.bias_constraint);
        key("use_gate", l.use_gate);
        key("seed", l.seed);
    }
    static constexpr detail::Analyses analyses{.cost = detail::by_rule, .field = detail::no_field};

    // Scores: (b, num_query_heads, Tq, Tv).
    constexpr Shapes output_shapes(std::span<const Shape> inputs) const
    {
        detail::require(head_dim > 0 && num_query_heads > 0 && num_key_value_heads > 0,
                        "GroupedQueryAttention: head_dim, num_query_heads and num_key_value_heads must be positive "
                        "integers");
        detail::require(num_query_heads % num_key_value_heads == 0,
                        "GroupedQueryAttention: `num_query_heads` must be divisible by `num_key_value_heads`.");
        detail::require(!sliding_window || *sliding_window > 0,
                        "GroupedQueryAttention: `sliding_window` must be `None` or a positive integer.");
        detail::require(inputs.size() == 2 || inputs.size() == 3,
                        "GroupedQueryAttention: expected the inputs [query, value] or [query, value, key]");
        const Shape& query = inputs[0];
        const Shape& value = inputs[1];
        const Shape& key = detail::key_of(inputs);
        // Its einsums ("bqm,muh->bquh", ...) take rank-3 tensors.
        detail::require(query.rank() == 3 && value.rank() == 3 && key.rank() == 3,
                        "GroupedQueryAttention: query, value and key must have rank 3 (batch, time, features)");
        detail::require(query.back() == value.back(), "GroupedQueryAttention: The last dimension of `query_shape` "
                                                      "and `value_shape` must be equal");
        detail::require(detail::equal_but_last(value, key), "GroupedQueryAttention: All dimensions of `value` and "
                                                            "`key`, except the last one, must be equal.");
        if (!return_attention_scores) return {query};
        return {query, Shape{query[0], num_query_heads, query[1], key[1]}};
    }

    // Kernels query (q, U, h), key (k, V, h), value (v, V, h), output (U, h, q); biases (U, h), (V, h),
    // (V, h), (q,); `use_gate` adds (q, U, h) and (U, h). U, V: query and key/value heads, h: head_dim.
    constexpr Params params(std::span<const Shape> inputs) const
    {
        const Dim q = inputs[0].back(), v = inputs[1].back(), k = detail::key_of(inputs).back();
        detail::require(q.known() && v.known() && k.known(), "GroupedQueryAttention: the last dimension of query, "
                                                             "value and key must be defined. Found None.");
        const Dim h = head_dim, u = num_query_heads, kv = num_key_value_heads;
        Dim kernels = (q * u + k * kv + v * kv + u * q) * h;
        Dim biases = (u + kv + kv) * h + q;
        if (use_gate) {
            kernels = kernels + q * u * h;
            biases = biases + u * h;
        }
        return {(use_bias ? kernels + biases : kernels).value()};
    }
};

// Dot-product (Luong-style) attention on [query, value] or [query, value, key]. Weights: a scalar
// `scale` if use_scale, a scalar `concat_score_weight` if score_mode is "concat".
// tf.keras 2.x's deprecated `causal` (Keras 3: the call's `use_causal_mask`) changes no shape either.
struct Attention {
    bool use_scale = false;
    Name score_mode = "dot";
    NNSHAPE_ACCEPTED(dropout);
    NNSHAPE_ACCEPTED(seed);
    bool return_attention_scores = false; // an argument of the call
    NNSHAPE_ACCEPTED(use_causal_mask); // an argument of the call
    NNSHAPE_ACCEPTED(causal); // tf.keras 2.x
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "Attention";
    static constexpr void keras_config(auto& l, auto& key)
    {
        key("use_scale", l.use_scale);
        key("score_mode", l.score_mode);
        key("dropout", l.dropout);
        key("seed", l.seed);
        key("causal", l.causal);
    }
    static constexpr detail::Analyses analyses{.cost = detail::by_rule, .field = detail::no_field};

    constexpr Shapes output_shapes(std::span<const Shape> inputs) const
    {
        detail::require(score_mode.view() == "dot" || score_mode.view() == "concat",
                        "Attention: Invalid value for argument score_mode. Expected one of {'dot', 'concat'}");
        detail::require(inputs.size() == 2 || inputs.size() == 3,
                        "Attention: Attention layer accepts inputs list of length 2 or 3, namely [query, value] or "
                        "[query, value, key].");
        return detail::scored_attention_shapes(inputs, return_attention_scores);
    }

    constexpr Params params(const Shape&) const
    {
        return {std::int64_t{use_scale} + std::int64_t{score_mode.view() == "concat"}};
    }
};

// Additive (Bahdanau-style) attention. Weight: `scale` of the query's last dimension if use_scale
// (Keras 3; tf.keras took the value's last dimension).
// `seed` is a keyword argument Keras 3 passes on to Attention; `causal` is tf.keras 2.x's.
struct AdditiveAttention {
    bool use_scale = true;
    NNSHAPE_ACCEPTED(dropout);
    NNSHAPE_ACCEPTED(seed);
    bool return_attention_scores = false; // an argument of the call
    NNSHAPE_ACCEPTED(use_causal_mask); // an argument of the call
    NNSHAPE_ACCEPTED(causal); // tf.keras 2.x
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "AdditiveAttention";
    static constexpr void keras_config(auto& l, auto& key)
    {
        key("use_scale", l.use_scale);
        key("dropout", l.dropout);
        key("seed", l.seed);
        key("causal", l.causal);
    }
    static constexpr detail::Analyses analyses{.cost = detail::by_rule, .field = detail::no_field};

    constexpr Shapes output_shapes(std::span<const Shape> inputs) const
    {
        detail::require(inputs.size() == 2 || inputs.size() == 3,
                        "AdditiveAttention: AdditiveAttention layer accepts inputs list of length 2 or 3, namely "
                        "[query, value] or [query, value, key].");
        return detail::scored_attention_shapes(inputs, return_attention_scores);
    }

    constexpr Params params(const Shape& query) const
    {
        if (!use_scale) return {};
        detail::require(query.back().known(),
                        "AdditiveAttention: the last dimension of the query must be defined. Found None.");
        return {query.back().value()};
    }
};

namespace detail {
using attention_layers = type_list<MultiHeadAttention, GroupQueryAttention, Attention, AdditiveAttention, EinsumDense>;
} // namespace detail

} // namespace nnshape
