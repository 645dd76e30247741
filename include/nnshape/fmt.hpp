#pragma once
// fmt (>= 9) formatters: a Dim or Shape prints as Python's repr (`None`, `(None, 3)`), a Sequential or
// Model as its Keras 2 summary. Width, fill and alignment apply as for a string: `{:>12}`.

#include <cstddef>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "summary.hpp"

namespace nnshape::detail {

// Parses the format spec of a string and prints the text of the value with it.
struct text_formatter : fmt::formatter<std::string_view> {
    template <class Context>
    auto format_text(const std::string& text, Context& ctx) const
    {
        return fmt::formatter<std::string_view>::format(text, ctx);
    }
};

} // namespace nnshape::detail

template <>
struct fmt::formatter<nnshape::Dim> : nnshape::detail::text_formatter {
    template <class Context>
    auto format(nnshape::Dim d, Context& ctx) const
    {
        return format_text(nnshape::to_string(d), ctx);
    }
};

template <>
struct fmt::formatter<nnshape::Shape> : nnshape::detail::text_formatter {
    template <class Context>
    auto format(const nnshape::Shape& s, Context& ctx) const
    {
        return format_text(nnshape::to_string(s), ctx);
    }
};

template <std::size_t N, class LayerT>
struct fmt::formatter<nnshape::Sequential<N, LayerT>> : nnshape::detail::text_formatter {
    template <class Context>
    auto format(const nnshape::Sequential<N, LayerT>& m, Context& ctx) const
    {
        return format_text(nnshape::summary(m), ctx);
    }
};

template <>
struct fmt::formatter<nnshape::Model> : nnshape::detail::text_formatter {
    template <class Context>
    auto format(const nnshape::Model& m, Context& ctx) const
    {
        return format_text(nnshape::summary(m), ctx);
    }
};
