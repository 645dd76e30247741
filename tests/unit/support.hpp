#pragma once
// What several unit test files ask of a model or of a failing call.

#include <nnshape/nnshape.hpp>

#include <algorithm>
#include <cstddef>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace nnshape::test {

// The name of model.layers[i], copied: LayerView::name() returns a Name by value, which a string_view
// must not outlive. A negative i counts from the end, as in Python.
inline std::string name_at(const Model& m, std::ptrdiff_t i, Naming style = keras2)
{
    const auto layers = m.layers();
    const auto n = std::ptrdiff_t(layers.size());
    return std::string(layers[std::size_t(i < 0 ? n + i : i)].name(style).view());
}

// The lines of a printed text (a summary, a table), without their newlines.
inline std::vector<std::string> lines(const std::string& text)
{
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

// A summary table as Keras prints it, from a text without the spaces that pad each row to `width`
// (published copies keep them; source files had better not): puts them back, except on the
// `Model:` and `params:` lines, which Keras does not pad. The text starts on the line after `R"(`.
inline std::string keras_table(std::size_t width, std::string_view text)
{
    std::string out;
    for (text.remove_prefix(1); !text.empty();) {
        const std::size_t end = std::min(text.find('\n'), text.size());
        std::string line(text.substr(0, end));
        if (!line.starts_with("Model: ") && line.find(" params: ") == std::string::npos)
            line.append(width - std::min(width, line.size()), ' ');
        out += line + '\n';
        text.remove_prefix(std::min(end + 1, text.size()));
    }
    return out;
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

// keras.io's "Simple MNIST convnet" (Keras 3 summary: 34,826 weights; outputs (None, 26, 26, 32),
// (None, 13, 13, 32), (None, 11, 11, 64), (None, 5, 5, 64), (None, 1600), (None, 1600), (None, 10)).
constexpr Sequential<> mnist_convnet()
{
    Sequential<> m;
    m.add(InputLayer{.shape = Shape{28, 28, 1}});
    m.add(Conv2D{.filters = 32, .kernel_size = 3});
    m.add(MaxPooling2D{.pool_size = 2});
    m.add(Conv2D{.filters = 64, .kernel_size = 3});
    m.add(MaxPooling2D{.pool_size = 2});
    m.add(Flatten{});
    m.add(Dropout{.rate = 0.5});
    m.add(Dense{.units = 10});
    return m;
}

} // namespace nnshape::test
