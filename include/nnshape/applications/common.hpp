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

// The arguments of every application, first in each family's own argument struct so that calls
// read like Keras's: `ResNet50(g, {.include_top = false, .pooling = GlobalPool::avg})`. Keras's
// `weights` changes neither shapes nor counts; `classifier_activation` is the top's activation (a
// softmax counts FLOPs); `input_tensor` is not offered (call the returned Model on a tensor instead).
#define NNSHAPE_APPLICATION_ARGS                                                             \
    bool include_top = true;                                                                 \
    ::nnshape::OptionalShape input_shape{}; /* without the batch axis, channels last */      \
    ::nnshape::applications::GlobalPool pooling = ::nnshape::applications::GlobalPool::none; \
    std::int64_t classes = 1000;                                                             \
    ::nnshape::ActivationName classifier_activation = "softmax";

struct ApplicationArgs {
    NNSHAPE_APPLICATION_ARGS
};

namespace detail {

using nnshape::detail::require;

// Keras's `obtain_input_shape` with weights=None: without an input_shape the default square image
// when the top is included (its Flatten/Dense need a static shape), else (None, None, 3).
constexpr Shape input_shape(const OptionalShape& given, std::int64_t default_size, std::int64_t min_size,
                            bool require_flatten)
{
    if (!given) { return require_flatten ? Shape{default_size, default_size, 3} : Shape{None, None, 3}; }
    const Shape s = *given;
    require(s.rank() == 3, "applications: `input_shape` must be a tuple of three integers (height, width, channels)");
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
