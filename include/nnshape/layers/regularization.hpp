#pragma once
// Regularization layers: they keep their input shape and have no weights.

#include <string_view>

#include "../detail/type_list.hpp"
#include "../layer_args.hpp"

namespace nnshape {

struct Dropout {
    double rate = 0;
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "Dropout";
    constexpr Shape output_shape(const Shape& in) const
    {
        detail::require(rate >= 0 && rate <= 1, "Dropout: Invalid value received for argument `rate`. Expected a "
                                                "float value between 0 and 1.");
        return in;
    }
};

namespace detail {
using regularization_layers = type_list<Dropout>;
} // namespace detail

} // namespace nnshape
