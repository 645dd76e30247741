#pragma once
// Image color layers: Keras 3's RandomContrast, RandomBrightness, the Random* color layers,
// Solarization, AutoContrast, Equalization and ContrastLimitedAdaptiveHistogramEqualization. They
// have no weights and return their input's shape (Keras's compute_output_shape); their factors and
// ranges are accepted and not stored. The random ones pass images through unchanged in inference,
// hence the elementwise field.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "../detail/layer_facts.hpp"
#include "../detail/type_list.hpp"
#include "../layer_args.hpp"

namespace nnshape {

// Keras's RandomContrast(factor, value_range=(0, 255), seed=None) and RandomBrightness (same
// arguments); tf.keras's have no value_range.
template <int Kind>
struct RandomIntensity {
    NNSHAPE_ACCEPTED(factor);
    NNSHAPE_ACCEPTED(value_range);
    NNSHAPE_ACCEPTED(seed);
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name =
        std::array<std::string_view, 2>{"RandomContrast", "RandomBrightness"}[Kind];
    static constexpr void keras_config(auto& l, auto& key)
    {
        key("factor", l.factor);
        key("value_range", l.value_range);
        key("seed", l.seed);
    }
    static constexpr detail::Analyses analyses{.cost = detail::no_arithmetic, .field = detail::elementwise};
    constexpr Shape output_shape(const Shape& in) const { return in; }
};
using RandomContrast = RandomIntensity<0>;
using RandomBrightness = RandomIntensity<1>;

namespace detail {
enum class ColorKind : std::uint8_t { hue, saturation, sharpness, posterization, color_degeneration };
} // namespace detail

// Keras 3's color layers taking (factor, value_range=(0, 255), data_format=None, seed=None):
// RandomHue, RandomSaturation, RandomSharpness, RandomPosterization, RandomColorDegeneration.
template <detail::ColorKind Kind>
struct RandomColor {
    NNSHAPE_ACCEPTED(factor);
    NNSHAPE_ACCEPTED(value_range);
    DataFormat data_format = channels_last;
    NNSHAPE_ACCEPTED(seed);
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name =
        std::array<std::string_view, 5>{"RandomHue", "RandomSaturation", "RandomSharpness", "RandomPosterization",
                                        "RandomColorDegeneration"}[static_cast<std::size_t>(Kind)];
    static constexpr void keras_config(auto& l, auto& key)
    {
        key("factor", l.factor);
        key("value_range", l.value_range);
        key("data_format", l.data_format);
        key("seed", l.seed);
    }
    static constexpr detail::Analyses analyses{.cost = detail::no_arithmetic, .field = detail::elementwise};

    constexpr Shape output_shape(const Shape& in) const
    {
        if constexpr (Kind == detail::ColorKind::color_degeneration) {
            detail::require(in.rank() == 3 || in.rank() == 4, "RandomColorDegeneration: Invalid images rank: "
                                                              "expected rank 3 (single image) or rank 4 (batch of "
                                                              "images).");
            const Dim channels = in[data_format == channels_last ? in.rank() - 1 : in.rank() - 3];
            detail::require(!channels.known() || channels == Dim(3),
                            "RandomColorDegeneration: Input images must have 3 channels.");
        }
        return in;
    }
};
using RandomHue = RandomColor<detail::ColorKind::hue>;
using RandomSaturation = RandomColor<detail::ColorKind::saturation>;
using RandomSharpness = RandomColor<detail::ColorKind::sharpness>;
using RandomPosterization = RandomColor<detail::ColorKind::posterization>;
using RandomColorDegeneration = RandomColor<detail::ColorKind::color_degeneration>;

// Keras's RandomGrayscale(factor=0.5, data_format=None, seed=None): grayscale images keep their
// channels.
struct RandomGrayscale {
    NNSHAPE_ACCEPTED(factor);
    DataFormat data_format = channels_last;
    NNSHAPE_ACCEPTED(seed);
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "RandomGrayscale";
    static constexpr void keras_config(auto& l, auto& key)
    {
        key("factor", l.factor);
        key("data_format", l.data_format);
        key("seed", l.seed);
    }
    static constexpr detail::Analyses analyses{.cost = detail::no_arithmetic, .field = detail::elementwise};
    constexpr Shape output_shape(const Shape& in) const { return in; }
};

// Keras's RandomColorJitter(value_range=(0, 255), brightness_factor=None, contrast_factor=None,
// saturation_factor=None, hue_factor=None, seed=None, data_format=None).
struct RandomColorJitter {
    NNSHAPE_ACCEPTED(value_range);
    NNSHAPE_ACCEPTED(brightness_factor);
    NNSHAPE_ACCEPTED(contrast_factor);
    NNSHAPE_ACCEPTED(saturation_factor);
    NNSHAPE_ACCEPTED(hue_factor);
    NNSHAPE_ACCEPTED(seed);
    DataFormat data_format = channels_last;
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "RandomColorJitter";
    static constexpr void keras_config(auto& l, auto& key)
    {
        key("value_range", l.value_range);
        key("brightness_factor", l.brightness_factor);
        key("contrast_factor", l.contrast_factor);
        key("saturation_factor", l.saturation_factor);
        key("hue_factor", l.hue_factor);
        key("seed", l.seed);
        key("data_format", l.data_format);
    }
    static constexpr detail::Analyses analyses{.cost = detail::no_arithmetic, .field = detail::elementwise};
    constexpr Shape output_shape(const Shape& in) const { return in; }
};

// Keras's RandomInvert(factor=1.0, value_range=(0, 255), seed=None, data_format=None).
struct RandomInvert {
    NNSHAPE_ACCEPTED(factor);
    NNSHAPE_ACCEPTED(value_range);
    NNSHAPE_ACCEPTED(seed);
    DataFormat data_format = channels_last;
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "RandomInvert";
    static constexpr void keras_config(auto& l, auto& key)
    {
        key("factor", l.factor);
        key("value_range", l.value_range);
        key("seed", l.seed);
        key("data_format", l.data_format);
    }
    static constexpr detail::Analyses analyses{.cost = detail::no_arithmetic, .field = detail::elementwise};
    constexpr Shape output_shape(const Shape& in) const { return in; }
};

// Keras's Solarization(addition_factor=0.0, threshold_factor=0.0, value_range=(0, 255), seed=None).
struct Solarization {
    NNSHAPE_ACCEPTED(addition_factor);
    NNSHAPE_ACCEPTED(threshold_factor);
    NNSHAPE_ACCEPTED(value_range);
    NNSHAPE_ACCEPTED(seed);
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "Solarization";
    static constexpr void keras_config(auto& l, auto& key)
    {
        key("addition_factor", l.addition_factor);
        key("threshold_factor", l.threshold_factor);
        key("value_range", l.value_range);
        key("seed", l.seed);
    }
    static constexpr detail::Analyses analyses{.cost = detail::no_arithmetic, .field = detail::elementwise};
    constexpr Shape output_shape(const Shape& in) const { return in; }
};

// Keras's AutoContrast(value_range=(0, 255)) and Equalization(value_range=(0, 255), bins=256,
// data_format=None): applied in inference too, from each image's own statistics (a field of the
// whole image: no_field).
struct AutoContrast {
    NNSHAPE_ACCEPTED(value_range);
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "AutoContrast";
    static constexpr void keras_config(auto& l, auto& key) { key("value_range", l.value_range); }
    static constexpr detail::Analyses analyses{.cost = detail::no_arithmetic, .field = detail::no_field};
    constexpr Shape output_shape(const Shape& in) const { return in; }
};
struct Equalization {
    NNSHAPE_ACCEPTED(value_range);
    NNSHAPE_ACCEPTED(bins);
    DataFormat data_format = channels_last;
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "Equalization";
    static constexpr void keras_config(auto& l, auto& key)
    {
        key("value_range", l.value_range);
        key("bins", l.bins);
        key("data_format", l.data_format);
    }
    static constexpr detail::Analyses analyses{.cost = detail::no_arithmetic, .field = detail::no_field};
    constexpr Shape output_shape(const Shape& in) const { return in; }
};

// Keras's ContrastLimitedAdaptiveHistogramEqualization(value_range=(0, 255), clip_limit=4.0,
// tile_grid_size=(8, 8), data_format=None) (Keras 3.14 on): applied in inference too.
struct ContrastLimitedAdaptiveHistogramEqualization {
    NNSHAPE_ACCEPTED(value_range);
    NNSHAPE_ACCEPTED(clip_limit);
    NNSHAPE_ACCEPTED(tile_grid_size);
    DataFormat data_format = channels_last;
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "ContrastLimitedAdaptiveHistogramEqualization";
    static constexpr void keras_config(auto& l, auto& key)
    {
        key("value_range", l.value_range);
        key("clip_limit", l.clip_limit);
        key("tile_grid_size", l.tile_grid_size);
        key("data_format", l.data_format);
    }
    static constexpr detail::Analyses analyses{.cost = detail::no_arithmetic, .field = detail::no_field};
    constexpr Shape output_shape(const Shape& in) const { return in; }
};

namespace detail {
using augmentation_color_layers =
    type_list<RandomContrast, RandomBrightness, RandomHue, RandomSaturation, RandomSharpness, RandomPosterization,
              RandomColorDegeneration, RandomGrayscale, RandomColorJitter, RandomInvert, Solarization, AutoContrast,
              Equalization, ContrastLimitedAdaptiveHistogramEqualization>;
} // namespace detail

} // namespace nnshape
