#pragma once
// What several unit test files ask of a model or of a failing call.

#include <nnshape/nnshape.hpp>

#include <cstddef>
#include <string>

namespace nnshape::test {

// The name of model.layers[i], copied: LayerView::name() returns a Name by value, which a string_view
// must not outlive. A negative i counts from the end, as in Python.
inline std::string name_at(const Model& m, std::ptrdiff_t i, Naming style = keras2)
{
    const auto layers = m.layers();
    const auto n = std::ptrdiff_t(layers.size());
    return std::string(layers[std::size_t(i < 0 ? n + i : i)].name(style).view());
}

// The message of the shape_error `build` throws, or "no error".
inline std::string error_of(auto&& build)
{
    try {
        build();
    } catch (const shape_error& e) {
        return e.what();
    }
    return "no error";
}

} // namespace nnshape::test
