#pragma once
// Normalization layers: BatchNormalization.

#include <cstdint>
#include <string_view>

#include "../detail/type_list.hpp"
#include "../detail/checked.hpp"
#include "../layer_args.hpp"

namespace nnshape {

struct BatchNormalization {
    std::int64_t axis = -1;
    bool center = true;
    bool scale = true;
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "BatchNormalization";

    constexpr Shape output_shape(const Shape& in) const
    {
        detail::require(in[in.axis(axis)].known(),
                        "BatchNormalization: Axis of input tensor should have a defined dimension");
        return in;
    }

    // gamma (scale) and beta (center) are trained; moving_mean and moving_variance are not.
    constexpr Params params(const Shape& in) const
    {
        const std::int64_t c = in[in.axis(axis)].value();
        return {detail::checked_mul(c, std::int64_t(scale) + std::int64_t(center)), detail::checked_mul(c, 2)};
    }
};

namespace detail {
using normalization_layers = type_list<BatchNormalization>;
} // namespace detail

} // namespace nnshape
