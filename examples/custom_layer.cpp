// A custom layer: Keras Applications' ConvNeXt `LayerScale` (a learned per-channel scale, gamma of
// shape (projection_dim,)), written as a plain struct with a shape rule and a weight rule, used in a
// ConvNeXt-style block that is checked at compile time and printed at run time.
#include <nnshape/fmt.hpp>
#include <nnshape/nnshape.hpp>

#include <cstdint>
#include <string_view>

#include <fmt/format.h>

using namespace nnshape;

struct LayerScale {
    std::int64_t projection_dim = 0;
    NNSHAPE_LAYER_KWARGS // name, trainable, input_shape, ... and the call on tensors

        static constexpr std::string_view class_name = "LayerScale";

    constexpr Shape output_shape(const Shape& in) const
    {
        require(in.rank() >= 2 && in.back() == projection_dim,
                "LayerScale: the last input axis must be projection_dim");
        return in;
    }
    constexpr Params params(const Shape&) const { return {projection_dim}; }
};

// One ConvNeXt block on 96 channels: depthwise 7x7, LayerNormalization, an inverted bottleneck of two
// Dense layers, LayerScale, and the residual Add.
constexpr Model convnext_block(Graph& g)
{
    auto inputs = Input(g, {.shape = {56, 56, 96}});
    auto x = DepthwiseConv2D{.kernel_size = 7, .padding = same}(inputs);
    x = LayerNormalization{}(x);
    x = Dense{.units = 4 * 96}(x);
    x = Activation{.activation = "gelu"}(x);
    x = Dense{.units = 96}(x);
    x = LayerScale{.projection_dim = 96}(x);
    return Model{inputs, Add{}({inputs, x})};
}

constexpr std::int64_t block_params()
{
    Graph g;
    return convnext_block(g).count_params();
}
// 7*7*96 + 96 (depthwise) + 2*96 (LayerNormalization) + 96*384 + 384 + 384*96 + 96 (Dense) + 96 (gamma)
static_assert(block_params() == 4'800 + 192 + 37'248 + 36'960 + 96);

// In a Sequential, the custom class is deduced from the layers: Sequential<3, BasicLayer<LayerScale>>.
constexpr Sequential head{Dense{.units = 96, .input_shape = {384}}, LayerScale{.projection_dim = 96},
                          Dense{.units = 10}};
static_assert(head.count_params() == 36'960 + 96 + 970);
static_assert(head.layers()[1].layer.is<LayerScale>());

int main()
{
    Graph g;
    fmt::print("{}\n{}", convnext_block(g), head);
}
