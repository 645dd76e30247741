#pragma once
// Shape rules shared by the image layers (Resizing, CenterCrop, RandomCrop).

#include <cstddef>
#include <cstdint>

#include "../layer_args.hpp"

namespace nnshape::detail {

// Resizing's, CenterCrop's and RandomCrop's output: the image's height and width replaced. Keras takes a batch of
// images (rank 4) or one image (rank 3, no batch axis); the spatial axes count from the end.
constexpr Shape resized_image(const Shape& in, DataFormat f, std::int64_t height, std::int64_t width)
{
    require(height > 0 && width > 0, "`size` must have positive height and width.");
    require(in.rank() == 3 || in.rank() == 4,
            "Invalid images rank: expected rank 3 (single image) or rank 4 (batch of images).");
    const std::size_t height_axis = in.rank() - (f == channels_last ? 3 : 2);
    Shape out = in;
    out[height_axis] = height;
    out[height_axis + 1] = width;
    return out;
}

} // namespace nnshape::detail
