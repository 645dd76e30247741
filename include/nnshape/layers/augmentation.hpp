#pragma once
// Image augmentation layers: Keras 3's geometric and mixing ones and tf.keras's RandomHeight /
// RandomWidth (the color layers: augmentation_color.hpp). They have no weights, and all but
// RandomCrop, RandomHeight and RandomWidth return their input's shape (Keras's compute_output_shape):
// their factors, ranges, fill and interpolation arguments are accepted and not stored. In inference
// they pass images through unchanged (RandomCrop excepted), hence the elementwise field.

#include <cstdint>
#include <string_view>

#include "../detail/layer_facts.hpp"
#include "../detail/type_list.hpp"
#include "../layer_args.hpp"
#include "../detail/images.hpp"

namespace nnshape {

// Keras's RandomRotation(factor, fill_mode="reflect", interpolation="bilinear", seed=None,
// fill_value=0.0, data_format=None).
struct RandomRotation {
    NNSHAPE_ACCEPTED(factor);
    NNSHAPE_ACCEPTED(fill_mode);
    NNSHAPE_ACCEPTED(interpolation);
    NNSHAPE_ACCEPTED(seed);
    NNSHAPE_ACCEPTED(fill_value);
    DataFormat data_format = channels_last;
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "RandomRotation";
    static constexpr void keras_config(auto& l, auto& key)
    {
        key("factor", l.factor);
        key("fill_mode", l.fill_mode);
        key("interpolation", l.interpolation);
        key("seed", l.seed);
        key("fill_value", l.fill_value);
        key("data_format", l.data_format);
    }
    static constexpr detail::Analyses analyses{.cost = detail::no_arithmetic, .field = detail::elementwise};
    constexpr Shape output_shape(const Shape& in) const { return in; }
};

// Keras's RandomZoom(height_factor, width_factor=None, fill_mode="reflect", interpolation="bilinear",
// seed=None, fill_value=0.0, data_format=None).
struct RandomZoom {
    NNSHAPE_ACCEPTED(height_factor);
    NNSHAPE_ACCEPTED(width_factor);
    NNSHAPE_ACCEPTED(fill_mode);
    NNSHAPE_ACCEPTED(interpolation);
    NNSHAPE_ACCEPTED(seed);
    NNSHAPE_ACCEPTED(fill_value);
    DataFormat data_format = channels_last;
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "RandomZoom";
    static constexpr void keras_config(auto& l, auto& key)
    {
        key("height_factor", l.height_factor);
        key("width_factor", l.width_factor);
        key("fill_mode", l.fill_mode);
        key("interpolation", l.interpolation);
        key("seed", l.seed);
        key("fill_value", l.fill_value);
        key("data_format", l.data_format);
    }
    static constexpr detail::Analyses analyses{.cost = detail::no_arithmetic, .field = detail::elementwise};
    constexpr Shape output_shape(const Shape& in) const { return in; }
};

// Keras's RandomTranslation(height_factor, width_factor, fill_mode="reflect",
// interpolation="bilinear", seed=None, fill_value=0.0, data_format=None).
struct RandomTranslation {
    NNSHAPE_ACCEPTED(height_factor);
    NNSHAPE_ACCEPTED(width_factor);
    NNSHAPE_ACCEPTED(fill_mode);
    NNSHAPE_ACCEPTED(interpolation);
    NNSHAPE_ACCEPTED(seed);
    NNSHAPE_ACCEPTED(fill_value);
    DataFormat data_format = channels_last;
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "RandomTranslation";
    static constexpr void keras_config(auto& l, auto& key)
    {
        key("height_factor", l.height_factor);
        key("width_factor", l.width_factor);
        key("fill_mode", l.fill_mode);
        key("interpolation", l.interpolation);
        key("seed", l.seed);
        key("fill_value", l.fill_value);
        key("data_format", l.data_format);
    }
    static constexpr detail::Analyses analyses{.cost = detail::no_arithmetic, .field = detail::elementwise};
    constexpr Shape output_shape(const Shape& in) const { return in; }
};

// Keras's RandomShear(x_factor=0.0, y_factor=0.0, interpolation="bilinear", fill_mode="reflect",
// fill_value=0.0, data_format=None, seed=None).
struct RandomShear {
    NNSHAPE_ACCEPTED(x_factor);
    NNSHAPE_ACCEPTED(y_factor);
    NNSHAPE_ACCEPTED(interpolation);
    NNSHAPE_ACCEPTED(fill_mode);
    NNSHAPE_ACCEPTED(fill_value);
    DataFormat data_format = channels_last;
    NNSHAPE_ACCEPTED(seed);
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "RandomShear";
    static constexpr void keras_config(auto& l, auto& key)
    {
        key("x_factor", l.x_factor);
        key("y_factor", l.y_factor);
        key("interpolation", l.interpolation);
        key("fill_mode", l.fill_mode);
        key("fill_value", l.fill_value);
        key("data_format", l.data_format);
        key("seed", l.seed);
    }
    static constexpr detail::Analyses analyses{.cost = detail::no_arithmetic, .field = detail::elementwise};
    constexpr Shape output_shape(const Shape& in) const { return in; }
};

// Keras's RandomErasing(factor=1.0, scale=(0.02, 0.33), fill_value=None, value_range=(0, 255),
// seed=None, data_format=None).
struct RandomErasing {
    NNSHAPE_ACCEPTED(factor);
    NNSHAPE_ACCEPTED(scale);
    NNSHAPE_ACCEPTED(fill_value);
    NNSHAPE_ACCEPTED(value_range);
    NNSHAPE_ACCEPTED(seed);
    DataFormat data_format = channels_last;
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "RandomErasing";
    static constexpr void keras_config(auto& l, auto& key)
    {
        key("factor", l.factor);
        key("scale", l.scale);
        key("fill_value", l.fill_value);
        key("value_range", l.value_range);
        key("seed", l.seed);
        key("data_format", l.data_format);
    }
    static constexpr detail::Analyses analyses{.cost = detail::no_arithmetic, .field = detail::elementwise};
    constexpr Shape output_shape(const Shape& in) const { return in; }
};

// Keras's RandomGaussianBlur(factor=1.0, kernel_size=3, sigma=1.0, value_range=(0, 255),
// data_format=None, seed=None).
struct RandomGaussianBlur {
    NNSHAPE_ACCEPTED(factor);
    NNSHAPE_ACCEPTED(kernel_size);
    NNSHAPE_ACCEPTED(sigma);
    NNSHAPE_ACCEPTED(value_range);
    DataFormat data_format = channels_last;
    NNSHAPE_ACCEPTED(seed);
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "RandomGaussianBlur";
    static constexpr void keras_config(auto& l, auto& key)
    {
        key("factor", l.factor);
        key("kernel_size", l.kernel_size);
        key("sigma", l.sigma);
        key("value_range", l.value_range);
        key("data_format", l.data_format);
        key("seed", l.seed);
    }
    static constexpr detail::Analyses analyses{.cost = detail::no_arithmetic, .field = detail::elementwise};
    constexpr Shape output_shape(const Shape& in) const { return in; }
};

// Keras's RandomElasticTransform(factor=1.0, scale=1.0, interpolation="bilinear", fill_mode="reflect",
// fill_value=0.0, value_range=(0, 255), seed=None, data_format=None).
struct RandomElasticTransform {
    NNSHAPE_ACCEPTED(factor);
    NNSHAPE_ACCEPTED(scale);
    NNSHAPE_ACCEPTED(interpolation);
    NNSHAPE_ACCEPTED(fill_mode);
    NNSHAPE_ACCEPTED(fill_value);
    NNSHAPE_ACCEPTED(value_range);
    NNSHAPE_ACCEPTED(seed);
    DataFormat data_format = channels_last;
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "RandomElasticTransform";
    static constexpr void keras_config(auto& l, auto& key)
    {
        key("factor", l.factor);
        key("scale", l.scale);
        key("interpolation", l.interpolation);
        key("fill_mode", l.fill_mode);
        key("fill_value", l.fill_value);
        key("value_range", l.value_range);
        key("seed", l.seed);
        key("data_format", l.data_format);
    }
    static constexpr detail::Analyses analyses{.cost = detail::no_arithmetic, .field = detail::elementwise};
    constexpr Shape output_shape(const Shape& in) const { return in; }
};

// Keras's RandomPerspective(factor=1.0, scale=1.0, interpolation="bilinear", fill_value=0.0,
// seed=None, data_format=None).
struct RandomPerspective {
    NNSHAPE_ACCEPTED(factor);
    NNSHAPE_ACCEPTED(scale);
    NNSHAPE_ACCEPTED(interpolation);
    NNSHAPE_ACCEPTED(fill_value);
    NNSHAPE_ACCEPTED(seed);
    DataFormat data_format = channels_last;
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "RandomPerspective";
    static constexpr void keras_config(auto& l, auto& key)
    {
        key("factor", l.factor);
        key("scale", l.scale);
        key("interpolation", l.interpolation);
        key("fill_value", l.fill_value);
        key("seed", l.seed);
        key("data_format", l.data_format);
    }
    static constexpr detail::Analyses analyses{.cost = detail::no_arithmetic, .field = detail::elementwise};
    constexpr Shape output_shape(const Shape& in) const { return in; }
};

// Keras's MixUp(alpha=0.2, data_format=None, seed=None) and CutMix(factor=1.0, seed=None,
// data_format=None): they mix the images of a batch in training.
struct MixUp {
    NNSHAPE_ACCEPTED(alpha);
    DataFormat data_format = channels_last;
    NNSHAPE_ACCEPTED(seed);
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "MixUp";
    static constexpr void keras_config(auto& l, auto& key)
    {
        key("alpha", l.alpha);
        key("data_format", l.data_format);
        key("seed", l.seed);
    }
    static constexpr detail::Analyses analyses{.cost = detail::no_arithmetic, .field = detail::elementwise};
    constexpr Shape output_shape(const Shape& in) const { return in; }
};
struct CutMix {
    NNSHAPE_ACCEPTED(factor);
    NNSHAPE_ACCEPTED(seed);
    DataFormat data_format = channels_last;
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "CutMix";
    static constexpr void keras_config(auto& l, auto& key)
    {
        key("factor", l.factor);
        key("seed", l.seed);
        key("data_format", l.data_format);
    }
    static constexpr detail::Analyses analyses{.cost = detail::no_arithmetic, .field = detail::elementwise};
    constexpr Shape output_shape(const Shape& in) const { return in; }
};

// Keras's AugMix(value_range=(0, 255), num_chains=3, chain_depth=3, factor=0.3, alpha=1.0,
// all_ops=True, interpolation="bilinear", seed=None, data_format=None).
struct AugMix {
    NNSHAPE_ACCEPTED(value_range);
    NNSHAPE_ACCEPTED(num_chains);
    NNSHAPE_ACCEPTED(chain_depth);
    NNSHAPE_ACCEPTED(factor);
    NNSHAPE_ACCEPTED(alpha);
    NNSHAPE_ACCEPTED(all_ops);
    NNSHAPE_ACCEPTED(interpolation);
    NNSHAPE_ACCEPTED(seed);
    DataFormat data_format = channels_last;
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "AugMix";
    static constexpr void keras_config(auto& l, auto& key)
    {
        key("value_range", l.value_range);
        key("num_chains", l.num_chains);
        key("chain_depth", l.chain_depth);
        key("factor", l.factor);
        key("alpha", l.alpha);
        key("all_ops", l.all_ops);
        key("interpolation", l.interpolation);
        key("seed", l.seed);
        key("data_format", l.data_format);
    }
    static constexpr detail::Analyses analyses{.cost = detail::no_arithmetic, .field = detail::elementwise};
    constexpr Shape output_shape(const Shape& in) const { return in; }
};

// Keras's RandAugment(value_range=(0, 255), num_ops=2, factor=0.5, interpolation="bilinear",
// seed=None, data_format=None).
struct RandAugment {
    NNSHAPE_ACCEPTED(value_range);
    NNSHAPE_ACCEPTED(num_ops);
    NNSHAPE_ACCEPTED(factor);
    NNSHAPE_ACCEPTED(interpolation);
    NNSHAPE_ACCEPTED(seed);
    DataFormat data_format = channels_last;
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "RandAugment";
    static constexpr void keras_config(auto& l, auto& key)
    {
        key("value_range", l.value_range);
        key("num_ops", l.num_ops);
        key("factor", l.factor);
        key("interpolation", l.interpolation);
        key("seed", l.seed);
        key("data_format", l.data_format);
    }
    static constexpr detail::Analyses analyses{.cost = detail::no_arithmetic, .field = detail::elementwise};
    constexpr Shape output_shape(const Shape& in) const { return in; }
};

// Keras's MaxNumBoundingBoxes(max_number, fill_value=-1): it pads or trims bounding boxes, which
// nnshape does not model; images pass unchanged.
struct MaxNumBoundingBoxes {
    std::int64_t max_number = 0;
    NNSHAPE_ACCEPTED(fill_value);
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "MaxNumBoundingBoxes";
    static constexpr void keras_config(auto& l, auto& key)
    {
        key("max_number", l.max_number, detail::required);
        key("fill_value", l.fill_value);
    }
    static constexpr detail::Analyses analyses{.cost = detail::no_arithmetic, .field = detail::elementwise};
    constexpr Shape output_shape(const Shape& in) const { return in; }
};

// Keras's RandomCrop(height, width, seed=None, data_format=None): the output is height x width
// (a crop in training, a center crop or resize in inference).
struct RandomCrop {
    std::int64_t height = 0;
    std::int64_t width = 0;
    NNSHAPE_ACCEPTED(seed);
    DataFormat data_format = channels_last;
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "RandomCrop";
    static constexpr void keras_config(auto& l, auto& key)
    {
        key("height", l.height, detail::required);
        key("width", l.width, detail::required);
        key("seed", l.seed);
        key("data_format", l.data_format);
    }
    static constexpr detail::Analyses analyses{.cost = detail::no_arithmetic, .field = detail::no_field};
    constexpr Shape output_shape(const Shape& in) const
    {
        return detail::resized_image(in, data_format, height, width);
    }
};

// tf.keras's RandomHeight and RandomWidth(factor, interpolation="bilinear", seed=None) (Keras 3 keeps
// them as keras._legacy.layers): the resized axis, third or second from the end, becomes None.
template <int Axis>
struct RandomResize {
    NNSHAPE_ACCEPTED(factor);
    NNSHAPE_ACCEPTED(interpolation);
    NNSHAPE_ACCEPTED(seed);
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = Axis == -3 ? "RandomHeight" : "RandomWidth";
    static constexpr void keras_config(auto& l, auto& key)
    {
        key("factor", l.factor);
        key("interpolation", l.interpolation);
        key("seed", l.seed);
    }
    static constexpr detail::Analyses analyses{.cost = detail::no_arithmetic, .field = detail::no_field};
    constexpr Shape output_shape(const Shape& in) const
    {
        detail::require(in.rank() >= 3, "RandomHeight/RandomWidth: expected images of rank 3 or more.");
        Shape out = in;
        out[in.rank() + Axis] = None;
        return out;
    }
};
using RandomHeight = RandomResize<-3>;
using RandomWidth = RandomResize<-2>;

namespace detail {
using augmentation_layers = type_list<RandomRotation, RandomZoom, RandomTranslation, RandomShear, RandomErasing,
                                      RandomGaussianBlur, RandomElasticTransform, RandomPerspective, MixUp, CutMix,
                                      AugMix, RandAugment, MaxNumBoundingBoxes, RandomCrop, RandomHeight, RandomWidth>;
} // namespace detail

} // namespace nnshape
