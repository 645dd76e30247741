#pragma once
// Activation layers: they keep their input shape; PReLU has weights.

#include <string_view>

#include "../detail/type_list.hpp"
#include "../layer_args.hpp"

namespace nnshape {

struct Activation {
    Name activation{};
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "Activation";
    constexpr Shape output_shape(const Shape& in) const { return in; }
};

namespace detail {
using activation_layers = type_list<Activation>;
} // namespace detail

} // namespace nnshape
