#pragma once
// Preprocessing layers: Rescaling, Normalization, Resizing, CenterCrop, RandomFlip; the categorical
// ones (preprocessing_lookup.hpp), the image augmentation ones (augmentation.hpp,
// augmentation_color.hpp) and the audio ones (preprocessing_audio.hpp) join their list.

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string_view>

#include "../detail/layer_facts.hpp"
#include "../detail/type_list.hpp"
#include "../detail/checked.hpp"
#include "../detail/images.hpp"
#include "../layer_args.hpp"
#include "augmentation.hpp"
#include "augmentation_color.hpp"
#include "normalization.hpp"
#include "preprocessing_audio.hpp"
#include "preprocessing_lookup.hpp"

namespace nnshape {

struct Rescaling {
    double scale = 1;
    double offset = 0;
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "Rescaling";
    static constexpr void keras_config(auto& l, auto& key)
    {
        key("scale", l.scale);
        key("offset", l.offset);
    }
    static constexpr detail::Analyses analyses{.cost = detail::by_rule, .field = detail::elementwise};
    constexpr Shape output_shape(const Shape& in) const { return in; }
};

namespace detail {

// Normalization's `mean=` / `variance=`: a number or a list of numbers. Only the shape matters here:
// given values make the layer weightless, and their shape must fit the kept axes.
class Statistic {
public:
    constexpr Statistic(double) {}
    constexpr Statistic(std::initializer_list<double> values) : rank_(1), size_(std::int64_t(values.size())) {}
    constexpr std::size_t rank() const { return rank_; }
    constexpr std::int64_t size() const { return size_; }
    friend constexpr bool operator==(const Statistic&, const Statistic&) = default;

private:
    std::size_t rank_ = 0;
    std::int64_t size_ = 1;
};

} // namespace detail

// Keras's `axis=None` (normalize over everything, one mean) is `.axis = {}`.
struct Normalization {
    detail::Axes axis = -1;
    OptionalArg<detail::Statistic, double> mean{};
    OptionalArg<detail::Statistic, double> variance{};
    NNSHAPE_ACCEPTED(invert);
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "Normalization";
    static constexpr void keras_config(auto& l, auto& key)
    {
        key("axis", l.axis);
        key("mean", l.mean);
        key("variance", l.variance);
        key("invert", l.invert);
    }
    static constexpr detail::Analyses analyses{.cost = detail::by_rule, .field = detail::elementwise};

    constexpr Shape output_shape(const Shape& in) const
    {
        kept_size(in);
        return in;
    }

    // Without given values: non-trainable mean and variance of the kept axes' dims, and a scalar count.
    constexpr Params params(const Shape& in) const
    {
        const std::int64_t kept = kept_size(in);
        return mean ? Params{} : Params{0, detail::checked_add(detail::checked_mul(kept, 2), 1)};
    }

private:
    // The product of the kept axes' dims (Keras keeps a repeated axis twice), after Keras's checks.
    constexpr std::int64_t kept_size(const Shape& in) const
    {
        detail::require(mean.has_value() == variance.has_value(),
                        "Normalization: When setting values directly, both `mean` and `variance` must be set.");
        detail::require(!mean || *mean == *variance,
                        "Normalization: When setting values directly, `mean` and `variance` must have the same shape.");
        detail::require(!mean || mean->rank() <= axis.size(),
                        "Normalization: The rank of `mean` must be less than or equal to the number of axes");
        const auto rank = static_cast<std::int64_t>(in.rank());
        std::int64_t size = 1;
        std::size_t last = 0;
        for (std::size_t i = 0; i < axis.size(); ++i) {
            const std::int64_t a = axis[i];
            detail::require(a >= -rank && a < rank,
                            "Normalization: All `axis` values must be in the range [-ndim, ndim).");
            const auto kept = static_cast<std::size_t>(a < 0 ? a + rank : a);
            detail::require(in[kept].known(), "Normalization: All `axis` values to be kept must have a known shape.");
            size = detail::checked_mul(size, in[kept].value());
            last = kept > last ? kept : last;
        }
        // A list of values lines up with the last kept axis and is broadcast to it.
        detail::require(!mean || mean->rank() == 0 || mean->size() == 1 || in[last] == Dim(mean->size()),
                        "Normalization: `mean` and `variance` must broadcast to the kept axes' shape");
        return size;
    }
};

struct Resizing {
    std::int64_t height = 0;
    std::int64_t width = 0;
    Name interpolation = "bilinear";
    bool crop_to_aspect_ratio = false;
    bool pad_to_aspect_ratio = false;
    NNSHAPE_ACCEPTED(fill_mode);
    NNSHAPE_ACCEPTED(fill_value);
    NNSHAPE_ACCEPTED(antialias);
    DataFormat data_format = channels_last;
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "Resizing";
    static constexpr void keras_config(auto& l, auto& key)
    {
        key("height", l.height, detail::required);
        key("width", l.width, detail::required);
        key("interpolation", l.interpolation);
        key("crop_to_aspect_ratio", l.crop_to_aspect_ratio);
        key("pad_to_aspect_ratio", l.pad_to_aspect_ratio);
        key("fill_mode", l.fill_mode);
        key("fill_value", l.fill_value);
        key("antialias", l.antialias);
        key("data_format", l.data_format);
    }
    static constexpr detail::Analyses analyses{.cost = detail::no_arithmetic, .field = detail::no_field};

    constexpr Shape output_shape(const Shape& in) const
    {
        const std::string_view i = interpolation;
        detail::require(i == "bilinear" || i == "nearest" || i == "lanczos3" || i == "lanczos5" || i == "bicubic" ||
                            i == "area",
                        "Resizing: Invalid value for argument `interpolation`. Expected of one ('bilinear', "
                        "'nearest', 'lanczos3', 'lanczos5', 'bicubic', 'area').");
        detail::require(!(crop_to_aspect_ratio && pad_to_aspect_ratio),
                        "Resizing: Only one of `pad_to_aspect_ratio` & `crop_to_aspect_ratio` can be `True`.");
        return detail::resized_image(in, data_format, height, width);
    }
};

// A smaller image is cropped in the middle; a larger one is resized up (Keras 3), so the output is
// always height x width.
struct CenterCrop {
    std::int64_t height = 0;
    std::int64_t width = 0;
    DataFormat data_format = channels_last;
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "CenterCrop";
    static constexpr void keras_config(auto& l, auto& key)
    {
        key("height", l.height, detail::required);
        key("width", l.width, detail::required);
        key("data_format", l.data_format);
    }
    static constexpr detail::Analyses analyses{.cost = detail::no_arithmetic, .field = detail::no_field};

    constexpr Shape output_shape(const Shape& in) const
    {
        return detail::resized_image(in, data_format, height, width);
    }
};

// Keras's RandomFlip(mode="horizontal_and_vertical", seed=None, data_format=None): it flips images
// in training only, so its output has its input's shape (Keras's compute_output_shape); Keras 2.x
// has no data_format argument.
struct RandomFlip {
    Name mode = "horizontal_and_vertical";
    std::optional<std::int64_t> seed{};
    DataFormat data_format = channels_last;
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "RandomFlip";
    static constexpr void keras_config(auto& l, auto& key)
    {
        key("mode", l.mode);
        key("seed", l.seed);
        key("data_format", l.data_format);
    }
    static constexpr detail::Analyses analyses{.cost = detail::no_arithmetic, .field = detail::elementwise};

    constexpr Shape output_shape(const Shape& in) const
    {
        const std::string_view m = mode;
        detail::require(m == "horizontal" || m == "vertical" || m == "horizontal_and_vertical",
                        "RandomFlip: received an unknown mode argument (expected \"horizontal\", \"vertical\" or "
                        "\"horizontal_and_vertical\")");
        return in;
    }
};

namespace detail {
using preprocessing_layers =
    concat<type_list<Rescaling, Normalization, Resizing, CenterCrop, RandomFlip>, preprocessing_lookup_layers,
           augmentation_layers, augmentation_color_layers, preprocessing_audio_layers>::type;
} // namespace detail

} // namespace nnshape
