// The README's printing snippets, compiled and run.
#include <doctest/doctest.h>
#include <nnshape/fmt.hpp>
#include <nnshape/nnshape.hpp>
#include <nnshape/ostream.hpp>
#include <nnshape/summary.hpp>

#include <sstream>

using namespace nnshape;

TEST_CASE("README: printing")
{
    const Sequential model{Conv2D{.filters = 32, .kernel_size = 3, .input_shape = {11, 11, 3}}, BatchNormalization{}};
    std::ostringstream os;
    os << model << Shape{None, 3} << '\n';
    CHECK(os.str().find("Total params: 1,024") != std::string::npos);
    CHECK(os.str().find("(None, 3)\n") != std::string::npos);
    CHECK(fmt::format("{}", model) == summary(model));
    CHECK(summary(model, {.naming = keras3}).find("conv2d (Conv2D)") != std::string::npos);
    const std::string narrow = summary(model, {.line_length = 80, .positions = {.4, .7, 1.}});
    CHECK(narrow.substr(0, narrow.find('\n')) == std::string(80, '_'));
}
