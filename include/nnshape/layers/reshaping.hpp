#pragma once
// Reshaping layers: Flatten, Permute, Reshape, RepeatVector, UpSampling, ZeroPadding, Cropping.

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <type_traits>
#include <variant>

#include "../detail/spatial.hpp"
#include "../detail/layer_facts.hpp"
#include "../detail/type_list.hpp"
#include "../layer_args.hpp"

namespace nnshape {

// Flatten follows current Keras: any input rank >= 1; an unknown dim gives an unknown length.
struct Flatten {
    DataFormat data_format = channels_last;
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "Flatten";
    static constexpr void keras_config(auto& l, auto& key) { key("data_format", l.data_format); }
    static constexpr detail::Analyses analyses{.cost = detail::no_arithmetic, .field = detail::no_field};

    constexpr Shape output_shape(const Shape& in) const
    {
        detail::require(in.rank() >= 1, "Flatten: expected min_ndim=1");
        return Shape{in[0], product(in.features())};
    }
};

// 1-based axis permutation of the non-batch axes: `Permute{.dims = {2, 1}}`.
struct Permute {
    IntTuple dims = {};
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "Permute";
    static constexpr void keras_config(auto& l, auto& key) { key("dims", l.dims, detail::required); }
    static constexpr detail::Analyses analyses{.cost = detail::no_arithmetic, .field = detail::no_field};

    constexpr Shape output_shape(const Shape& in) const
    {
        std::array<bool, Shape::max_rank> seen{};
        for (std::size_t i = 0; i < dims.size(); ++i) {
            const std::int64_t d = dims[i];
            const bool fresh = d >= 1 && d <= std::int64_t(dims.size()) && !seen[std::size_t(d)];
            detail::require(fresh, "Permute: Invalid permutation argument dims for Permute Layer. The set of "
                                   "indices in dims must be consecutive and start from 1.");
            seen[std::size_t(d)] = true;
        }
        detail::require(in.rank() == dims.size() + 1, "Permute: expected ndim = len(dims) + 1");
        Shape out{in[0]};
        for (std::size_t i = 0; i < dims.size(); ++i) out.push_back(in[std::size_t(dims[i])]);
        return out;
    }
};

// `Reshape{.target_shape = {-1, 2}}`: at most one -1, inferred from the input size when it is known.
struct Reshape {
    IntTuple target_shape = {};
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "Reshape";
    static constexpr void keras_config(auto& l, auto& key) { key("target_shape", l.target_shape, detail::required); }
    static constexpr detail::Analyses analyses{.cost = detail::no_arithmetic, .field = detail::no_field};

    constexpr Shape output_shape(const Shape& in) const
    {
        detail::require(in.rank() >= 1, "Reshape: expected min_ndim=1");
        std::size_t unknowns = 0, unknown_at = 0;
        Shape out{in[0]};
        for (std::size_t i = 0; i < target_shape.size(); ++i) {
            const std::int64_t d = target_shape[i];
            detail::require(d >= -1, "Reshape: Each dimension in target_shape must be a non-negative integer, or -1");
            if (d == -1) unknowns++, unknown_at = i + 1;
            out.push_back(d == -1 ? None : Dim(d));
        }
        detail::require(unknowns <= 1, "Reshape: There must be at most one unknown dimension (-1) in target_shape.");
        const Dim size = product(in.features());
        if (!size.known()) return out;
        if (unknowns == 0) {
            detail::require(product(out.features()) == size,
                            "Reshape: The total size of the tensor must be unchanged.");
            return out;
        }
        std::int64_t partial = 1;
        for (std::size_t i = 1; i < out.rank(); ++i)
            if (i != unknown_at) partial = detail::checked_mul(partial, out[i].value());
        detail::require(partial != 0 && size.value() % partial == 0,
                        "Reshape: The total size of the tensor must be unchanged.");
        out[unknown_at] = size.value() / partial;
        return out;
    }
};

// `RepeatVector{.n = 3}`: (b, features) -> (b, n, features).
struct RepeatVector {
    std::int64_t n = 0;
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "RepeatVector";
    static constexpr void keras_config(auto& l, auto& key) { key("n", l.n, detail::required); }
    static constexpr detail::Analyses analyses{.cost = detail::no_arithmetic, .field = detail::no_field};

    constexpr Shape output_shape(const Shape& in) const
    {
        detail::require(n > 0, "RepeatVector: Argument `n` should be a positive integer.");
        detail::require(in.rank() == 2, "RepeatVector: expected ndim=2");
        return Shape{in[0], n, in[1]};
    }
};

// UpSampling1D takes no data_format in Keras: it always works on axis 1. Only UpSampling2D takes
// `interpolation` (it changes no shape: accepted); in 1D and 3D the member is an empty std::monostate
// that no value converts to.
template <std::size_t N>
struct UpSampling {
    Ints<N> size = 2;
    DataFormat data_format = channels_last;
    [[no_unique_address]] std::conditional_t<N == 2, detail::Accepted<__LINE__>, std::monostate> interpolation{};
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name =
        detail::ranked_name<N>("UpSampling1D", "UpSampling2D", "UpSampling3D");
    static constexpr void keras_config(auto& l, auto& key)
    {
        key("size", l.size);
        key("data_format", l.data_format);
        if constexpr (N == 2) key("interpolation", l.interpolation);
    }
    static constexpr detail::Analyses analyses{.cost = detail::no_arithmetic, .field = detail::by_rule};

    constexpr Shape output_shape(const Shape& in) const
    {
        for (std::int64_t s : size)
            detail::require(s > 0, N == 1 ? "UpSampling1D: Argument `size` should be a positive integer."
                                          : "UpSampling: The `size` argument must be a tuple of integers that "
                                            "satisfy `value > 0`");
        detail::require(N > 1 || data_format == channels_last, "UpSampling1D: Unrecognized keyword arguments passed "
                                                               "to UpSampling1D: {'data_format': 'channels_first'}");
        return detail::map_spatial<N>(in, data_format, [&](std::size_t i, Dim d) { return d * size[i]; });
    }
};

// ZeroPadding1D's data_format is Keras 3's (tf.keras's pads axis 1 only).
template <std::size_t N>
struct ZeroPadding {
    Pads<N> padding = 1;
    DataFormat data_format = channels_last;
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name =
        detail::ranked_name<N>("ZeroPadding1D", "ZeroPadding2D", "ZeroPadding3D");
    static constexpr void keras_config(auto& l, auto& key)
    {
        key("padding", l.padding);
        key("data_format", l.data_format);
    }
    static constexpr detail::Analyses analyses{.cost = detail::no_arithmetic, .field = detail::by_rule};

    constexpr Shape output_shape(const Shape& in) const
    {
        detail::require(padding.non_negative(),
                        "ZeroPadding: The `padding` argument must be a tuple of integers that satisfy `value >= 0`");
        return detail::map_spatial<N>(in, data_format, [&](std::size_t i, Dim d) { return d + padding.total(i); });
    }
};

// Keras 3 rejects a cropping that leaves nothing; Keras 2.1 returned 0 or a negative length, and
// tf.keras turned a 0 length into None. Cropping1D takes no data_format in Keras.
template <std::size_t N>
struct Cropping {
    Pads<N> cropping = N == 2 ? 0 : 1;
    DataFormat data_format = channels_last;
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = detail::ranked_name<N>("Cropping1D", "Cropping2D", "Cropping3D");
    static constexpr void keras_config(auto& l, auto& key)
    {
        key("cropping", l.cropping);
        key("data_format", l.data_format);
    }
    static constexpr detail::Analyses analyses{.cost = detail::no_arithmetic, .field = detail::by_rule};

    constexpr Shape output_shape(const Shape& in) const
    {
        detail::require(cropping.non_negative(), "Cropping: `cropping` cannot be negative.");
        detail::require(N > 1 || data_format == channels_last, "Cropping1D: Unrecognized keyword arguments passed "
                                                               "to Cropping1D: {'data_format': 'channels_first'}");
        return detail::map_spatial<N>(in, data_format, [&](std::size_t i, Dim d) {
            detail::require(!d.known() || cropping.total(i) < d.value(),
                            N == 1 ? "Cropping1D: `cropping` parameter of `Cropping1D` layer must be smaller than "
                                     "the input length."
                                   : "Cropping: Values in `cropping` argument should be smaller than the "
                                     "corresponding spatial dimension of the input.");
            return d - cropping.total(i);
        });
    }
};

using UpSampling1D = UpSampling<1>;
using UpSampling2D = UpSampling<2>;
using UpSampling3D = UpSampling<3>;
using ZeroPadding1D = ZeroPadding<1>;
using ZeroPadding2D = ZeroPadding<2>;
using ZeroPadding3D = ZeroPadding<3>;
using Cropping1D = Cropping<1>;
using Cropping2D = Cropping<2>;
using Cropping3D = Cropping<3>;

namespace detail {
using reshaping_layers = type_list<Flatten, Reshape, Permute, RepeatVector, UpSampling1D, UpSampling2D, UpSampling3D,
                                   ZeroPadding1D, ZeroPadding2D, ZeroPadding3D, Cropping1D, Cropping2D, Cropping3D>;
} // namespace detail

} // namespace nnshape
