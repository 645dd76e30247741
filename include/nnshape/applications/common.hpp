#pragma once
// What every Keras Applications builder shares: the arguments that change shapes or counts
// (include_top, input_shape, pooling, classes), Keras's input-shape rule, and layer names built
// from block numbers (`conv2_block1_1_conv`).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "../detail/spatial.hpp"
#include "../functional.hpp"
#include "../layers/core.hpp"
#include "../layers/pooling.hpp"
#include "../layer_args.hpp"

namespace nnshape::applications {

// Keras's `pooling=None | "avg" | "max"` when include_top is false.
enum class GlobalPool : std::uint8_t { none, avg, max };

// Keras's `weights`: None (`nullptr`), "imagenet", or the path of a weights file. Loaded weights
// change no count, but ImageNet weights fix the input shape when the top is included, need 3 input
// channels and 1000 classes, and give a MobileNet the name of the input size its weights were trained
// at. nnshape's default is None, the architecture alone; Keras's default is "imagenet".
class Weights {
public:
    constexpr Weights(std::nullptr_t) noexcept {}
    constexpr Weights(std::string_view source) : imagenet_(source == "imagenet")
    {
        nnshape::detail::require(!source.empty(), "applications: The `weights` argument should be either `None` "
                                                  "(random initialization), `imagenet` (pre-training on ImageNet), "
                                                  "or the path to the weights file to be loaded.");
    }
    constexpr Weights(const char* source) : Weights(std::string_view(source)) {}
    constexpr bool imagenet() const { return imagenet_; }

private:
    bool imagenet_ = false;
};

// The arguments of every application, first in each family's own argument struct and in Keras's
// order, so that calls read like Keras's: `ResNet50(g, {.include_top = false, .weights = "imagenet",
// .pooling = GlobalPool::avg})`. `classifier_activation` is the top's activation (a softmax counts
// FLOPs); `input_tensor` is taken as None only (call the returned Model on a tensor instead).
#define NNSHAPE_APPLICATION_ARGS                                                             \
    bool include_top = true;                                                                 \
    ::nnshape::applications::Weights weights = nullptr;                                      \
    NNSHAPE_ONLY_NONE(input_tensor);                                                         \
    ::nnshape::OptionalShape input_shape{}; /* without the batch axis, channels last */      \
    ::nnshape::applications::GlobalPool pooling = ::nnshape::applications::GlobalPool::none; \
    std::int64_t classes = 1000;                                                             \
    ::nnshape::ActivationName classifier_activation = "softmax";                             \
    ::nnshape::Name name{}; /* Keras 3.4's `name`: empty takes the application's own */

struct ApplicationArgs {
    NNSHAPE_APPLICATION_ARGS
};

namespace detail {

using nnshape::detail::require;

// The model's name: Keras 3.4's `name` argument if given, else the application's own (`resnet50`).
template <class Args>
constexpr Name model_name(const Args& args, std::string_view keras_default)
{
    return args.name.empty() ? Name(keras_default) : args.name;
}

// What ImageNet weights require of the arguments every application shares (Keras checks them in
// each builder and in imagenet_utils.validate_activation).
template <class Args>
constexpr void require_imagenet_args(const Args& args)
{
    if (!args.weights.imagenet() || !args.include_top) return;
    require(args.classes == 1000, "applications: If using `weights=\"imagenet\"` with `include_top` as true, "
                                  "`classes` should be 1000.");
    const std::string_view activation = args.classifier_activation.view();
    require(activation.empty() || activation == "softmax",
            "applications: Only `None` and `softmax` activations are allowed for the `classifier_activation` "
            "argument when using pretrained weights, with `include_top=True`");
}

// Keras's `obtain_input_shape`: without an input_shape the default square image when the top is
// included (its Flatten/Dense need a static shape), else (None, None, 3). With ImageNet weights and
// the top, the input must be that default image; with ImageNet weights, it has 3 channels.
template <class Args>
constexpr Shape input_shape(const Args& args, std::int64_t default_size, std::int64_t min_size,
                            const OptionalShape& given)
{
    require_imagenet_args(args);
    const bool require_flatten = args.include_top;
    if (!given) { return require_flatten ? Shape{default_size, default_size, 3} : Shape{None, None, 3}; }
    const Shape s = *given;
    require(s.rank() == 3, "applications: `input_shape` must be a tuple of three integers (height, width, channels)");
    if (args.weights.imagenet() && require_flatten) {
        const Shape expected{default_size, default_size, 3};
        nnshape::detail::require_with(
            s == expected,
            "applications: When setting `include_top=True` and loading `imagenet` weights, `input_shape` should be "
            "the default input shape",
            [&] {
                return "applications: When setting `include_top=True` and loading `imagenet` weights, `input_shape` "
                       "should be " +
                       to_string(expected) + ".  Received: input_shape=" + to_string(s);
            });
    }
    require(!args.weights.imagenet() || s[2] == Dim(3), "applications: The input must have 3 channels");
    require(!require_flatten || (s[0].known() && s[1].known() && s[2].known()),
            "applications: If include_top is True, you should specify a static `input_shape`.");
    // Keras's imagenet_utils.obtain_input_shape message, with its numbers at run time.
    const auto too_small = [&] {
        const std::string m = std::to_string(min_size);
        return "applications: Input size must be at least " + m + "x" + m + "; got `input_shape=" + to_string(s) + "`";
    };
    for (std::size_t i = 0; i < 2; ++i)
        nnshape::detail::require_with(!s[i].known() || s[i].value() >= min_size,
                                      "applications: Input size is smaller than the model's minimum (Keras's min_size)",
                                      too_small);
    return s;
}
template <class Args>
constexpr Shape input_shape(const Args& args, std::int64_t default_size, std::int64_t min_size)
{
    return input_shape(args, default_size, min_size, args.input_shape);
}

// Keras's `imagenet_utils.correct_pad`: the ZeroPadding2D before a strided `valid` convolution, one
// row/column less at the top/left for an even size. Keras tests the height alone for None (both axes
// then count as even); a known height with an unknown width fails in Keras (`None % 2`), and here.
constexpr Pads<2> correct_pad(const Shape& s, std::int64_t kernel)
{
    const std::int64_t c = kernel / 2;
    if (!s[1].known()) return {{c - 1, c}, {c - 1, c}};
    require(s[2].known(), "applications: correct_pad needs the width when the height is known");
    return {{c - 1 + s[1].value() % 2, c}, {c - 1 + s[2].value() % 2, c}};
}

// Keras's optional global pooling when the top is left out; some families name it (`avg_pool`,
// `max_pool`), the others leave the automatic names.
constexpr Tensor global_pool(Tensor x, GlobalPool pooling, std::string_view avg_name = {},
                             std::string_view max_name = {})
{
    if (pooling == GlobalPool::avg) return GlobalAveragePooling2D{.name = avg_name}(x);
    if (pooling == GlobalPool::max) return GlobalMaxPooling2D{.name = max_name}(x);
    return x;
}

// The classifier most families end with: `avg_pool` and `predictions`, or without the top, global_pool.
template <class Args>
constexpr Tensor classifier(Tensor x, const Args& args, std::string_view avg_name = {}, std::string_view max_name = {})
{
    if (!args.include_top) return global_pool(x, args.pooling, avg_name, max_name);
    x = GlobalAveragePooling2D{.name = "avg_pool"}(x);
    return Dense{.units = args.classes, .activation = args.classifier_activation, .name = "predictions"}(x);
}

// Keras's `_make_divisible` (MobileNetV2), `_depth` (MobileNetV3) and `round_filters` (EfficientNet,
// after scaling by the width coefficient), one rule: round to the nearest multiple of `divisor` (at
// least `divisor`), but never more than 10% down. Done in double as Python does it: int(v + divisor / 2)
// truncates.
constexpr std::int64_t make_divisible(double v, std::int64_t divisor = 8)
{
    require(v >= 0 && v < 1e15, "applications: a channel count must be a non-negative number");
    const auto rounded = static_cast<std::int64_t>(v + static_cast<double>(divisor) / 2) / divisor * divisor;
    std::int64_t n = rounded > divisor ? rounded : divisor;
    if (static_cast<double>(n) < 0.9 * v) n += divisor;
    return n;
}

// A layer name from parts: `name("conv", 2, "_block", 1, "_1_conv")` is "conv2_block1_1_conv".
template <class... Part>
constexpr Name name(const Part&... parts)
{
    Name n;
    (n.append(parts), ...);
    return n;
}

} // namespace detail
} // namespace nnshape::applications
