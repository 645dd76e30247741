#pragma once
// VGG16 and VGG19 (Simonyan and Zisserman, 2014), as keras.applications builds them: five blocks of
// 3x3 same-padded convolutions, each closed by a 2x2 max pooling; the top is Flatten, fc1, fc2
// (4096 each) and predictions.

#include <array>
#include <cstdint>

#include "common.hpp"

namespace nnshape::applications {

namespace detail {

// Convolutions per block: VGG16 (2, 2, 3, 3, 3), VGG19 (2, 2, 4, 4, 4).
constexpr Model vgg(Graph& g, const ApplicationArgs& args, std::array<std::int64_t, 5> depths,
                    std::string_view model_name)
{
    auto inputs = Input(g, {.shape = input_shape(args, 224, 32)});
    constexpr std::array<std::int64_t, 5> filters{64, 128, 256, 512, 512};
    Tensor x = inputs;
    for (std::int64_t block = 1; block <= 5; ++block) {
        for (std::int64_t conv = 1; conv <= depths[std::size_t(block - 1)]; ++conv) {
            x = Conv2D{.filters = filters[std::size_t(block - 1)],
                       .kernel_size = 3,
                       .padding = same,
                       .name = name("block", block, "_conv", conv)}(x);
        }
        x = MaxPooling2D{.pool_size = 2, .strides = 2, .name = name("block", block, "_pool")}(x);
    }
    if (args.include_top) {
        x = Flatten{.name = "flatten"}(x);
        x = Dense{.units = 4096, .name = "fc1"}(x);
        x = Dense{.units = 4096, .name = "fc2"}(x);
        x = Dense{.units = args.classes, .activation = args.classifier_activation, .name = "predictions"}(x);
    } else {
        x = global_pool(x, args.pooling);
    }
    return Model{inputs, x, {.name = detail::model_name(args, model_name)}};
}

} // namespace detail

constexpr Model VGG16(Graph& g, const ApplicationArgs& args = {})
{
    return detail::vgg(g, args, {2, 2, 3, 3, 3}, "vgg16");
}

constexpr Model VGG19(Graph& g, const ApplicationArgs& args = {})
{
    return detail::vgg(g, args, {2, 2, 4, 4, 4}, "vgg19");
}

} // namespace nnshape::applications
