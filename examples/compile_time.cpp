// The same rules at compile time and at run time: the notebook's parameter counts checked by
// static_assert, then the same functions called with sizes read at run time.
//
//   example_compile_time [channels [filters]]    (defaults: 3 16, the notebook's sizes)
#include <nnshape/fmt.hpp>
#include <nnshape/nnshape.hpp>

#include <charconv>
#include <cstdint>
#include <exception>
#include <string_view>

#include <fmt/format.h>

using namespace nnshape;

namespace {

// In [3]: Conv2D(filters, kernel_size=(3,2), padding='same') on 6x6 images with `channels` channels.
constexpr Sequential<1> conv_model(std::int64_t channels, std::int64_t filters)
{
    return Sequential{
        Conv2D{.filters = filters, .kernel_size = {3, 2}, .padding = same, .input_shape = {6, 6, channels}}};
}

constexpr Sequential<1> notebook_conv = conv_model(3, 16);
static_assert(notebook_conv.count_params() == 304);
static_assert(notebook_conv.output_shape() == Shape{None, 6, 6, 16});

// In [2]: the sub-model fm (one 3x3 Conv2D) applied four times after a first Conv2D; the model up to
// the second call counts the shared weights once. The notebook has channels = 3.
constexpr std::int64_t shared_submodel_params(std::int64_t channels)
{
    Graph g;
    auto inputs = Input(g, {.shape = {None, None, channels}});
    auto fm_inputs = Input(g, {.shape = {None, None, channels}});
    const Model fm{fm_inputs, Conv2D{.filters = channels, .kernel_size = 3, .padding = same}(fm_inputs)};
    auto x = Conv2D{.filters = channels, .kernel_size = 3, .padding = same}(inputs);
    auto y2 = fm(fm(x));
    fm(fm(y2));
    return Model{inputs, y2}.count_params();
}

static_assert(shared_submodel_params(3) == 168);

// The i-th command-line argument as a size, or `fallback` when it is not given.
std::int64_t size_arg(int argc, char** argv, int i, std::int64_t fallback)
{
    if (argc <= i) return fallback;
    const std::string_view text = argv[i];
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size())
        throw shape_error(fmt::format("example_compile_time: `{}` is not an integer", text));
    return value;
}

} // namespace

int main(int argc, char** argv)
{
    try {
        const std::int64_t channels = size_arg(argc, argv, 1, 3);
        const std::int64_t filters = size_arg(argc, argv, 2, 16);
        const Sequential<1> conv = conv_model(channels, filters);
        fmt::print("Conv2D(filters={}, kernel_size=(3, 2), padding='same') on {}: output {}, {} params\n", filters,
                   conv.input_shape(), conv.output_shape(), conv.count_params());
        fmt::print("shared sub-model on {} channels: {} params\n\n", channels, shared_submodel_params(channels));
        fmt::print("{}", conv);
    } catch (const std::exception& e) {
        fmt::print(stderr, "{}\n", e.what());
        return 1;
    }
}
