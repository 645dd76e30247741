#pragma once
// NASNetMobile and NASNetLarge (Zoph et al., 2018), as keras.applications builds them
// (keras/src/applications/nasnet.py; tf.keras and keras-applications >= 1.0.7 build the same
// layers): a 3x3 stride-2 stem convolution, two stem reduction cells, then three stacks of normal
// cells separated by reduction cells, a ReLU, and the top GlobalAveragePooling2D + predictions.
//
// Two details of Keras's source decide counts and layers:
// - `_adjust_block` compares the spatial size of the previous path with the input's, and `None`
//   equals `None` in Python: with unknown input dimensions it skips a projection (cell 0's, whose
//   channels already match), 2,112 weights fewer in NASNetMobile, 28,896 in NASNetLarge.
//   NASNetMobile takes (224, 224, 3) when include_top is false and no input_shape is given
//   (Keras 3, tf.keras), so only an explicit (None, None, 3) shows it; NASNetLarge has no such
//   default and gets (None, None, 3).
// - Stride-2 separable convolutions and the reductions' pooling branch get a ZeroPadding2D from
//   imagenet_utils.correct_pad (4 + 1 layers per reduction cell); Keras 2.1 padded with `same`
//   instead, hence its 751 layers for NASNetMobile against 771 now.

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string_view>

#include "common.hpp"

namespace nnshape::applications {

namespace detail {
namespace nasnet {

// Keras's NASNet(...) arguments besides the common ones.
struct Config {
    std::int64_t penultimate_filters;
    std::int64_t num_blocks;
    std::int64_t stem_block_filters;
    bool skip_reduction;
    std::int64_t filter_multiplier;
    std::int64_t default_size;
};

// Keras's BatchNormalization(momentum=0.9997, epsilon=1e-3): neither changes the counts.
constexpr Tensor batch_norm(Tensor x, const Name& layer_name) { return BatchNormalization{.name = layer_name}(x); }

constexpr Tensor relu(Tensor x, const Name& layer_name = {})
{
    return Activation{.activation = "relu", .name = layer_name}(x);
}

// _separable_conv_block: twice ReLU, SeparableConv2D, BatchNormalization; the first convolution
// may be strided (then after a correct_pad ZeroPadding2D and with `valid` padding).
constexpr Tensor separable_conv_block(Tensor ip, std::int64_t filters, std::int64_t kernel_size, std::int64_t strides,
                                      std::string_view block_id)
{
    Tensor x = relu(ip);
    Padding conv_pad = same;
    if (strides == 2) {
        x = ZeroPadding2D{.padding = correct_pad(x.shape(), kernel_size),
                          .name = name("separable_conv_1_pad_", block_id)}(x);
        conv_pad = valid;
    }
    x = SeparableConv2D{.filters = filters,
                        .kernel_size = kernel_size,
                        .strides = strides,
                        .padding = conv_pad,
                        .use_bias = false,
                        .name = name("separable_conv_1_", block_id)}(x);
    x = batch_norm(x, name("separable_conv_1_bn_", block_id));
    x = relu(x);
    x = SeparableConv2D{.filters = filters,
                        .kernel_size = kernel_size,
                        .padding = same,
                        .use_bias = false,
                        .name = name("separable_conv_2_", block_id)}(x);
    return batch_norm(x, name("separable_conv_2_bn_", block_id));
}

// _adjust_block: brings the previous path `p` to the input's spatial size (a factorized reduction)
// or to `filters` channels (a 1x1 projection). Dims compare as Python compares them: None == None.
constexpr Tensor adjust_block(std::optional<Tensor> p, Tensor ip, std::int64_t filters, std::string_view block_id)
{
    if (!p) return ip;
    const Shape& ps = p->shape();
    const Shape& is = ip.shape();
    Tensor x = *p;
    if (ps[ps.rank() - 2] != is[is.rank() - 2]) {
        x = relu(x, name("adjust_relu_1_", block_id));
        Tensor p1 = AveragePooling2D{.pool_size = 1, .strides = 2, .name = name("adjust_avg_pool_1_", block_id)}(x);
        p1 = Conv2D{.filters = filters / 2,
                    .kernel_size = 1,
                    .padding = same,
                    .use_bias = false,
                    .name = name("adjust_conv_1_", block_id)}(p1);
        Tensor p2 = ZeroPadding2D{.padding = {{0, 1}, {0, 1}}}(x);
        p2 = Cropping2D{.cropping = {{1, 0}, {1, 0}}}(p2);
        p2 = AveragePooling2D{.pool_size = 1, .strides = 2, .name = name("adjust_avg_pool_2_", block_id)}(p2);
        p2 = Conv2D{.filters = filters / 2,
                    .kernel_size = 1,
                    .padding = same,
                    .use_bias = false,
                    .name = name("adjust_conv_2_", block_id)}(p2);
        x = Concatenate{}({p1, p2});
        return batch_norm(x, name("adjust_bn_", block_id));
    }
    if (ps.back() != Dim(filters)) {
        x = relu(x);
        x = Conv2D{.filters = filters,
                   .kernel_size = 1,
                   .padding = same,
                   .use_bias = false,
                   .name = name("adjust_conv_projection_", block_id)}(x);
        return batch_norm(x, name("adjust_bn_", block_id));
    }
    return x;
}

constexpr Tensor avg_pool_3x3(Tensor x, std::int64_t strides, Padding padding, const Name& layer_name)
{
    return AveragePooling2D{.pool_size = 3, .strides = strides, .padding = padding, .name = layer_name}(x);
}

struct CellOutputs {
    Tensor x;
    Tensor p; // the cell's input: the next cell's previous path
};

// _normal_a_cell (Fig. 4 of the paper): five branches concatenated with the adjusted `p`.
constexpr CellOutputs normal_a_cell(Tensor ip, std::optional<Tensor> p_in, std::int64_t filters, const Name& block)
{
    const std::string_view id = block.view();
    const Tensor p = adjust_block(p_in, ip, filters, id);
    Tensor h = relu(ip);
    h = Conv2D{.filters = filters,
               .kernel_size = 1,
               .padding = same,
               .use_bias = false,
               .name = name("normal_conv_1_", id)}(h);
    h = batch_norm(h, name("normal_bn_1_", id));

    const Tensor x1_1 = separable_conv_block(h, filters, 5, 1, name("normal_left1_", id));
    const Tensor x1_2 = separable_conv_block(p, filters, 3, 1, name("normal_right1_", id));
    const Tensor x1 = Add{.name = name("normal_add_1_", id)}({x1_1, x1_2});

    const Tensor x2_1 = separable_conv_block(p, filters, 5, 1, name("normal_left2_", id));
    const Tensor x2_2 = separable_conv_block(p, filters, 3, 1, name("normal_right2_", id));
    const Tensor x2 = Add{.name = name("normal_add_2_", id)}({x2_1, x2_2});

    Tensor x3 = avg_pool_3x3(h, 1, same, name("normal_left3_", id));
    x3 = Add{.name = name("normal_add_3_", id)}({x3, p});

    const Tensor x4_1 = avg_pool_3x3(p, 1, same, name("normal_left4_", id));
    const Tensor x4_2 = avg_pool_3x3(p, 1, same, name("normal_right4_", id));
    const Tensor x4 = Add{.name = name("normal_add_4_", id)}({x4_1, x4_2});

    Tensor x5 = separable_conv_block(h, filters, 3, 1, name("normal_left5_", id));
    x5 = Add{.name = name("normal_add_5_", id)}({x5, h});

    const Tensor x = Concatenate{.name = name("normal_concat_", id)}({p, x1, x2, x3, x4, x5});
    return {x, ip};
}

// _reduction_a_cell: four stride-2 branches concatenated (Keras's names, including its
// `reduction_add3_`, `reduction_left4_` for the fifth branch and the unnamed `add` of branch 4).
constexpr CellOutputs reduction_a_cell(Tensor ip, std::optional<Tensor> p_in, std::int64_t filters, const Name& block)
{
    const std::string_view id = block.view();
    const Tensor p = adjust_block(p_in, ip, filters, id);
    Tensor h = relu(ip);
    h = Conv2D{.filters = filters,
               .kernel_size = 1,
               .padding = same,
               .use_bias = false,
               .name = name("reduction_conv_1_", id)}(h);
    h = batch_norm(h, name("reduction_bn_1_", id));
    const Tensor h3 = ZeroPadding2D{.padding = correct_pad(h.shape(), 3), .name = name("reduction_pad_1_", id)}(h);

    const Tensor x1_1 = separable_conv_block(h, filters, 5, 2, name("reduction_left1_", id));
    const Tensor x1_2 = separable_conv_block(p, filters, 7, 2, name("reduction_right1_", id));
    const Tensor x1 = Add{.name = name("reduction_add_1_", id)}({x1_1, x1_2});

    const Tensor x2_1 = MaxPooling2D{.pool_size = 3, .strides = 2, .name = name("reduction_left2_", id)}(h3);
    const Tensor x2_2 = separable_conv_block(p, filters, 7, 2, name("reduction_right2_", id));
    const Tensor x2 = Add{.name = name("reduction_add_2_", id)}({x2_1, x2_2});

    const Tensor x3_1 = avg_pool_3x3(h3, 2, valid, name("reduction_left3_", id));
    const Tensor x3_2 = separable_conv_block(p, filters, 5, 2, name("reduction_right3_", id));
    const Tensor x3 = Add{.name = name("reduction_add3_", id)}({x3_1, x3_2});

    Tensor x4 = avg_pool_3x3(x1, 1, same, name("reduction_left4_", id));
    x4 = Add{}({x2, x4});

    const Tensor x5_1 = separable_conv_block(x1, filters, 3, 1, name("reduction_left4_", id));
    const Tensor x5_2 = MaxPooling2D{.pool_size = 3, .strides = 2, .name = name("reduction_right5_", id)}(h3);
    const Tensor x5 = Add{.name = name("reduction_add4_", id)}({x5_1, x5_2});

    const Tensor x = Concatenate{.name = name("reduction_concat_", id)}({x2, x3, x4, x5});
    return {x, ip};
}

constexpr Model build(Graph& g, const ApplicationArgs& args, OptionalShape given_shape, const Config& c,
                      std::string_view model_name)
{
    const std::int64_t m = c.filter_multiplier;
    require(c.penultimate_filters % (24 * m * m) == 0, "NASNet: For NASNet-A models, the `penultimate_filters` must be "
                                                       "a multiple of 24 * (`filter_multiplier` ** 2).");
    require(!args.weights.imagenet() || !args.input_shape ||
                std::ranges::all_of(*args.input_shape, [](Dim d) { return d.known(); }),
            "NASNet: When specifying the input shape of a NASNet and loading `ImageNet` weights, the input_shape "
            "argument must be static (no None entries).");
    auto inputs = Input(g, {.shape = input_shape(args, c.default_size, 32, given_shape)});
    const std::int64_t filters = c.penultimate_filters / 24;

    Tensor x = Conv2D{.filters = c.stem_block_filters,
                      .kernel_size = 3,
                      .strides = 2,
                      .use_bias = false,
                      .name = "stem_conv1"}(inputs);
    x = batch_norm(x, "stem_bn1");

    CellOutputs cell = reduction_a_cell(x, std::nullopt, filters / (m * m), "stem_1");
    cell = reduction_a_cell(cell.x, cell.p, filters / m, "stem_2");

    // Three stacks of normal cells at filters, filters * m and filters * m^2; the reduction cell
    // before the second and third passes its input on only when skip_reduction is false.
    std::int64_t stack_filters = filters;
    for (std::int64_t stack = 0; stack < 3; ++stack) {
        if (stack > 0) {
            stack_filters *= m;
            const CellOutputs reduced =
                reduction_a_cell(cell.x, cell.p, stack_filters, name("reduce_", stack * c.num_blocks));
            cell = {reduced.x, c.skip_reduction ? cell.p : reduced.p};
        }
        for (std::int64_t i = 0; i < c.num_blocks; ++i) {
            // Keras's block ids: 0 .. n-1, then n+1 .. 2n, then 2n+1 .. 3n.
            cell = normal_a_cell(cell.x, cell.p, stack_filters, name(stack * c.num_blocks + i + (stack > 0 ? 1 : 0)));
        }
    }

    x = relu(cell.x);
    if (args.include_top) {
        x = GlobalAveragePooling2D{}(x);
        x = Dense{.units = args.classes, .activation = args.classifier_activation, .name = "predictions"}(x);
    } else {
        x = global_pool(x, args.pooling);
    }
    return Model{inputs, x, {.name = detail::model_name(args, model_name)}};
}

} // namespace nasnet
} // namespace detail

// NASNet-A (4 @ 1056): Keras's NASNetMobile, default input 224x224x3.
constexpr Model NASNetMobile(Graph& g, const ApplicationArgs& args = {})
{
    // Keras: `if not include_top and input_shape is None: input_shape = (224, 224, 3)`.
    const OptionalShape given =
        !args.include_top && !args.input_shape ? OptionalShape(Shape{224, 224, 3}) : args.input_shape;
    return detail::nasnet::build(g, args, given, {1056, 4, 32, false, 2, 224}, "nasnet_mobile");
}

// NASNet-A (6 @ 4032): Keras's NASNetLarge, default input 331x331x3.
constexpr Model NASNetLarge(Graph& g, const ApplicationArgs& args = {})
{
    return detail::nasnet::build(g, args, args.input_shape, {4032, 6, 96, true, 2, 331}, "nasnet_large");
}

} // namespace nnshape::applications
