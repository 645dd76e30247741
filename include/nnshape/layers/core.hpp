#pragma once
// Core layers: InputLayer, Dense, Embedding, Identity, Masking, Lambda, TernaryDense, and tf.keras's
// RandomFourierFeatures.

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string_view>

#include "../detail/type_list.hpp"
#include "../detail/checked.hpp"
#include "../detail/layer_facts.hpp"
#include "../layer_args.hpp"

namespace nnshape {

// Keras `Input(shape=..., batch_size=..., batch_shape=...)` / `InputLayer(...)`, with Keras 3's `Input`
// signature. `shape` leaves the batch axis out; `batch_shape` (tf.keras: `batch_input_shape`)
// includes it. A sparse, ragged or optional input has the shape given; nnshape makes the input's
// tensor itself, so `tensor` takes only None.
struct InputLayer {
    OptionalShape shape{};
    std::optional<std::int64_t> batch_size{};
    NNSHAPE_ACCEPTED(dtype);
    NNSHAPE_ACCEPTED(sparse);
    NNSHAPE_ACCEPTED(ragged);
    OptionalShape batch_shape{};
    Name name{};
    NNSHAPE_ONLY_NONE(tensor);
    NNSHAPE_ACCEPTED(optional);
    OptionalShape batch_input_shape{}; // tf.keras's name for batch_shape
    NNSHAPE_ONLY_NONE(input_tensor); // the InputLayer class's name for `tensor` (Keras 3, tf.keras)
    NNSHAPE_ONLY_NONE(type_spec); // tf.keras's Input(type_spec=...)

    static constexpr std::string_view class_name = "InputLayer";
    static constexpr void keras_config(auto& l, auto& key)
    {
        key("shape", l.shape);
        key("batch_size", l.batch_size);
        key("dtype", l.dtype);
        key("sparse", l.sparse);
        key("ragged", l.ragged);
        key("batch_shape", l.batch_shape);
        key.refused("tensor", "nnshape makes the input tensor itself: pass shape or batch_shape");
        key("optional", l.optional);
        key("batch_input_shape", l.batch_input_shape);
        key.refused("input_tensor", "nnshape makes the input tensor itself: pass shape or batch_shape");
        key.refused("type_spec", "nnshape makes the input tensor itself: pass shape or batch_shape");
    }
    static constexpr detail::Analyses analyses{.cost = detail::no_arithmetic, .field = detail::no_field};

    constexpr Shape output_shape() const
    {
        const int given = int(shape.has_value()) + int(batch_shape.has_value()) + int(batch_input_shape.has_value());
        detail::require(given == 1, "InputLayer: pass exactly one of shape, batch_shape or batch_input_shape");
        detail::require(!batch_size || shape, "InputLayer: batch_size goes with shape, not with batch_shape");
        if (batch_shape) return *batch_shape;
        if (batch_input_shape) return *batch_input_shape;
        return Shape::with_batch(batch_size ? Dim(*batch_size) : None, {shape->begin(), shape->end()});
    }
};

// Keras 3's Dense, whose `lora_rank` adds LoRA weights (lora_kernel_a (in, rank), lora_kernel_b
// (rank, units)) and freezes the kernel, as Dense.enable_lora does.
struct Dense {
    std::int64_t units = 0;
    ActivationName activation{};
    bool use_bias = true;
    NNSHAPE_ACCEPTED(kernel_initializer);
    NNSHAPE_ACCEPTED(bias_initializer);
    NNSHAPE_ACCEPTED(kernel_regularizer);
    NNSHAPE_ACCEPTED(bias_regularizer);
    NNSHAPE_ACCEPTED(activity_regularizer);
    NNSHAPE_ACCEPTED(kernel_constraint);
    NNSHAPE_ACCEPTED(bias_constraint);
    std::optional<std::int64_t> lora_rank{};
    NNSHAPE_ACCEPTED(lora_alpha);
    NNSHAPE_ONLY_NONE(quantization_config);
    std::optional<std::int64_t> input_dim{}; // tf.keras's keyword argument: Dense(32, input_dim=16)
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "Dense";
    static constexpr void keras_config(auto& l, auto& key)
    {
        key("units", l.units, detail::required);
        key("activation", l.activation);
        key("use_bias", l.use_bias);
        key("kernel_initializer", l.kernel_initializer);
        key("bias_initializer", l.bias_initializer);
        key("kernel_regularizer", l.kernel_regularizer);
        key("bias_regularizer", l.bias_regularizer);
        key("activity_regularizer", l.activity_regularizer);
        key("kernel_constraint", l.kernel_constraint);
        key("bias_constraint", l.bias_constraint);
        key("lora_rank", l.lora_rank);
        key("lora_alpha", l.lora_alpha);
        key.refused("quantization_config", "nnshape does not model quantized weights");
    }
    static constexpr detail::Analyses analyses{.cost = detail::by_rule, .field = detail::by_rule};

    constexpr Shape output_shape(const Shape& in) const
    {
        detail::require(units > 0, "Dense: units must be a positive integer");
        detail::require(!lora_rank || *lora_rank >= 0, "Dense: lora_rank must be a non-negative integer");
        detail::require(in.rank() >= 2, "Dense: expected min_ndim=2");
        detail::require(in.back().known(),
                        "Dense: The last dimension of the inputs to a Dense layer should be defined. Found None.");
        Shape out = in;
        out.back() = units;
        return out;
    }

    // kernel (in, units) + bias (units); with LoRA the kernel is frozen and lora_kernel_a (in, rank) +
    // lora_kernel_b (rank, units) train.
    constexpr Params params(const Shape& in) const
    {
        return detail::with_lora(in.back().value(), units, lora_rank, use_bias ? units : 0);
    }
};

// Embedding follows tf.keras: `input_length` fills an unknown sequence length and must agree with a
// known one (Keras 3 ignores the argument). Keras 3's `lora_rank` adds LoRA weights
// (lora_embeddings_a (input_dim, rank), lora_embeddings_b (rank, output_dim)) and freezes the
// embeddings, as Embedding.enable_lora does (keras/src/layers/core/embedding.py).
struct Embedding {
    std::int64_t input_dim = 0;
    std::int64_t output_dim = 0;
    NNSHAPE_ACCEPTED(embeddings_initializer);
    NNSHAPE_ACCEPTED(embeddings_regularizer);
    NNSHAPE_ACCEPTED(embeddings_constraint);
    bool mask_zero = false;
    NNSHAPE_ACCEPTED(weights);
    std::optional<int> lora_rank{};
    NNSHAPE_ACCEPTED(lora_alpha);
    NNSHAPE_ONLY_NONE(quantization_config);
    // tf.keras's arguments that Keras 3 dropped: activity_regularizer (Keras 3: a base-layer
    // argument), input_length and sparse (tf.keras 2.13+).
    NNSHAPE_ACCEPTED(activity_regularizer);
    std::optional<std::int64_t> input_length{};
    NNSHAPE_ACCEPTED(sparse);
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "Embedding";
    static constexpr void keras_config(auto& l, auto& key)
    {
        key("input_dim", l.input_dim, detail::required);
        key("output_dim", l.output_dim, detail::required);
        key("embeddings_initializer", l.embeddings_initializer);
        key("embeddings_regularizer", l.embeddings_regularizer);
        key("embeddings_constraint", l.embeddings_constraint);
        key("mask_zero", l.mask_zero);
        key("weights", l.weights);
        key("lora_rank", l.lora_rank);
        key("lora_alpha", l.lora_alpha);
        key.refused("quantization_config", "nnshape does not model quantized weights");
        key("activity_regularizer", l.activity_regularizer);
        key("input_length", l.input_length);
        key("sparse", l.sparse);
    }
    static constexpr detail::Analyses analyses{.cost = detail::no_arithmetic, .field = detail::no_field};

    constexpr Shape output_shape(const Shape& in) const
    {
        detail::require(input_dim > 0 && output_dim > 0,
                        "Embedding: input_dim and output_dim must be positive integers");
        detail::require(!lora_rank || *lora_rank >= 0, "Embedding: lora_rank must be a non-negative integer");
        detail::require(in.rank() >= 1, "Embedding: expected min_ndim=1");
        Shape out = in;
        if (input_length) {
            detail::require(in.rank() == 2, "Embedding: with input_length the input must be (batch, input_length)");
            detail::require(!in[1].known() || in[1] == Dim(*input_length),
                            "Embedding: \"input_length\" does not match the input's sequence length");
            out[1] = *input_length;
        }
        out.push_back(output_dim);
        return out;
    }

    // embeddings (input_dim, output_dim); with LoRA they are frozen and lora_embeddings_a
    // (input_dim, rank) + lora_embeddings_b (rank, output_dim) train. The cost analysis counts no
    // arithmetic for the lookup and none for LoRA's a @ b either.
    constexpr Params params(const Shape&) const { return detail::with_lora(input_dim, output_dim, lora_rank, 0); }
};

// Keras 3 and recent tf.keras: a placeholder that returns its input.
struct Identity {
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "Identity";
    static constexpr void keras_config(auto&, auto&) {}
    static constexpr detail::Analyses analyses{.cost = detail::no_arithmetic, .field = detail::elementwise};
    constexpr Shape output_shape(const Shape& in) const { return in; }
};

// Masks the time steps whose features all equal `mask_value`; the shape is unchanged.
struct Masking {
    double mask_value = 0;
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "Masking";
    static constexpr void keras_config(auto& l, auto& key) { key("mask_value", l.mask_value); }
    static constexpr detail::Analyses analyses{.cost = detail::by_rule, .field = detail::by_rule};
    constexpr Shape output_shape(const Shape& in) const { return in; }
};

// Lambda's `output_shape` as Keras takes it, without the batch axis: not given (None), one tuple
// (`.output_shape = {None, 64}`), or a list of tuples for a function with several outputs
// (`.output_shape = {Shape{2}, Shape{3, 4}}`, Keras's `[(2,), (3, 4)]`).
class LambdaOutputShape {
public:
    constexpr LambdaOutputShape() = default;
    constexpr LambdaOutputShape(std::nullptr_t) {}
    constexpr LambdaOutputShape(std::initializer_list<Dim> dims) : shapes_{Shape(dims)}, given_(true) {}
    constexpr LambdaOutputShape(std::initializer_list<Shape> shapes) : shapes_(shapes), given_(true), listed_(true) {}

    constexpr bool given() const { return given_; }
    constexpr bool listed() const { return listed_; } // a list of tuples, even of one
    constexpr const Shapes& shapes() const { return shapes_; }
    friend constexpr bool operator==(const LambdaOutputShape&, const LambdaOutputShape&) = default;

private:
    Shapes shapes_{};
    bool given_ = false;
    bool listed_ = false;
};

// Keras's Lambda(function, output_shape=None, mask=None, arguments=None). nnshape cannot run the
// function, so it computes the shape only from `output_shape`: each tuple with the batch axis of the
// first input put in front (Keras 3's and tf.keras's Lambda.compute_output_shape; Keras 2.x takes
// the same batch axis, for one tuple only). No weights.
struct Lambda {
    NNSHAPE_ACCEPTED(function);
    LambdaOutputShape output_shape{};
    NNSHAPE_ACCEPTED(mask);
    NNSHAPE_ACCEPTED(arguments);
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "Lambda";
    static constexpr void keras_config(auto& l, auto& key)
    {
        key("function", l.function);
        key("output_shape", l.output_shape);
        key("mask", l.mask);
        key("arguments", l.arguments);
    }
    // The function is Python code: nnshape cannot count what it computes.
    static constexpr detail::Analyses analyses{.cost = detail::by_rule, .field = detail::no_field};

    constexpr Shapes output_shapes(std::span<const Shape> in) const
    {
        detail::require(output_shape.given(), "Lambda: nnshape cannot compute the shape of a Lambda layer without "
                                              "output_shape (its output comes from Python code)");
        detail::require(!in.empty() && in[0].rank() >= 1, "Lambda: the first input needs a batch axis");
        Shapes out;
        for (const Shape& s : output_shape.shapes()) out.push_back(Shape::with_batch(in[0][0], {s.begin(), s.end()}));
        return out;
    }
};

// Keras 3's TernaryDense (keras/src/layers/core/ternary_dense.py, on Keras's master after 3.15): a
// Dense whose kernel acts as -1, 0 or +1 in the forward pass; the same kernel (in, units) and bias.
struct TernaryDense {
    std::int64_t units = 0;
    std::optional<double> threshold{};
    ActivationName activation{};
    bool use_bias = true;
    NNSHAPE_ACCEPTED(kernel_initializer);
    NNSHAPE_ACCEPTED(bias_initializer);
    NNSHAPE_ACCEPTED(kernel_regularizer);
    NNSHAPE_ACCEPTED(bias_regularizer);
    NNSHAPE_ACCEPTED(activity_regularizer);
    NNSHAPE_ACCEPTED(kernel_constraint);
    NNSHAPE_ACCEPTED(bias_constraint);
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "TernaryDense";
    static constexpr void keras_config(auto& l, auto& key)
    {
        key("units", l.units, detail::required);
        key("threshold", l.threshold);
        key("activation", l.activation);
        key("use_bias", l.use_bias);
        key("kernel_initializer", l.kernel_initializer);
        key("bias_initializer", l.bias_initializer);
        key("kernel_regularizer", l.kernel_regularizer);
        key("bias_regularizer", l.bias_regularizer);
        key("activity_regularizer", l.activity_regularizer);
        key("kernel_constraint", l.kernel_constraint);
        key("bias_constraint", l.bias_constraint);
    }
    static constexpr detail::Analyses analyses{.cost = detail::by_rule, .field = detail::by_rule};

    constexpr Shape output_shape(const Shape& in) const
    {
        detail::require(units > 0, "TernaryDense: Received an invalid value for `units`, expected a positive integer.");
        detail::require(!threshold || *threshold >= 0, "TernaryDense: Received an invalid value for `threshold`, "
                                                       "expected a non-negative float or None.");
        detail::require(in.rank() >= 2, "TernaryDense: expected min_ndim=2");
        detail::require(in.back().known(), "TernaryDense: the last dimension of the input (the kernel's rows) must "
                                           "be defined");
        Shape out = in;
        out.back() = units;
        return out;
    }
    // kernel (in, units) + bias (units).
    constexpr Params params(const Shape& in) const
    {
        return {detail::checked_add(detail::checked_mul(in.back().value(), units), use_bias ? units : 0)};
    }
};

// tf.keras's RandomFourierFeatures(output_dim, kernel_initializer="gaussian", scale=None,
// trainable=False) (keras/layers/kernelized.py, tf.keras.layers.experimental): cos(x @ kernel / scale +
// bias) on (batch, input_dim). Its weights: unscaled_kernel (input_dim, output_dim) and bias
// (output_dim), never trained, and kernel_scale (1,), trained only if the layer is: Keras makes the
// layer untrainable by default, so `trainable` defaults to false here. (The C++ member `trainable`
// comes after `name`, as for every layer; Keras's signature has it before.)
struct RandomFourierFeatures {
    std::int64_t output_dim = 0;
    NNSHAPE_ACCEPTED(kernel_initializer);
    std::optional<double> scale{};
    NNSHAPE_LAYER_KWARGS_TRAINABLE_BY_DEFAULT(false)

    static constexpr std::string_view class_name = "RandomFourierFeatures";
    static constexpr void keras_config(auto& l, auto& key)
    {
        key("output_dim", l.output_dim, detail::required);
        key("kernel_initializer", l.kernel_initializer);
        key("scale", l.scale);
    }
    static constexpr detail::Analyses analyses{.cost = detail::by_rule, .field = detail::by_rule};

    constexpr Shape output_shape(const Shape& in) const
    {
        detail::require(output_dim > 0, "RandomFourierFeatures: `output_dim` should be a positive integer.");
        detail::require(!scale || *scale > 0, "RandomFourierFeatures: When provided, `scale` should be a positive "
                                              "float.");
        detail::require(in.rank() == 2, "RandomFourierFeatures: The rank of the input tensor should be 2.");
        detail::require(in[1].known(), "RandomFourierFeatures: The last dimension of the input tensor should be "
                                       "defined. Found `None`.");
        return Shape{in[0], output_dim};
    }
    constexpr Params params(const Shape& in) const
    {
        const std::int64_t fixed = detail::checked_mul(detail::checked_add(in[1].value(), 1), output_dim);
        return {.trainable = 1, .non_trainable = fixed};
    }
};

namespace detail {
using core_layers =
    type_list<InputLayer, Dense, Embedding, Identity, Masking, Lambda, TernaryDense, RandomFourierFeatures>;
} // namespace detail

} // namespace nnshape
