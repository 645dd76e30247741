// expect: Scale: factor must be positive
// A custom layer's own rule fails the constant evaluation with its text, as a built-in's does.
#include <nnshape/nnshape.hpp>

using namespace nnshape;

struct Scale {
    std::int64_t factor = 1;
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "Scale";

    constexpr Shape output_shape(const Shape& in) const
    {
        detail::require(factor > 0, "Scale: factor must be positive");
        return in;
    }
};

constexpr Sequential model{Dense{.units = 4, .input_shape = {3}}, Scale{.factor = 0}};
