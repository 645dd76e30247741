// keras.applications VGG16 and VGG19. Expected numbers: keras-semantics.md §8 (VGG16 138,357,544
// params, 23 layers; VGG19 143,667,240, 26 layers, all trainable); without the top Keras's counts less
// fc1 (7*7*512*4096 + 4096), fc2 (4096*4096 + 4096) and predictions (4096*1000 + 1000):
// 138,357,544 - 102,764,544 - 16,781,312 - 4,097,000 = 14,714,688 (the figure Keras prints for
// VGG16(include_top=False)).
#include <doctest/doctest.h>
#include <nnshape/applications/vgg.hpp>
#include <nnshape/nnshape.hpp>

#include <string>

namespace unit_applications_vgg_test {

using namespace nnshape;
using namespace nnshape::applications;

namespace {
constexpr std::int64_t vgg_top = (7 * 7 * 512 * 4096 + 4096) + (4096 * 4096 + 4096) + (4096 * 1000 + 1000);
} // namespace

TEST_CASE("VGG16 and VGG19: Keras's counts, layers and names")
{
    Graph g;
    const Model vgg16 = VGG16(g);
    CHECK(vgg16.params() == Params{138'357'544, 0});
    CHECK(vgg16.output_shape() == Shape{None, 1000});
    CHECK(vgg16.layers().size() == 23);
    CHECK(std::string(vgg16.layers()[1].name().view()) == "block1_conv1");
    CHECK(std::string(vgg16.layers()[18].name().view()) == "block5_pool");
    CHECK(std::string(vgg16.layers()[19].name().view()) == "flatten");
    CHECK(std::string(vgg16.layers()[22].name().view()) == "predictions");
    CHECK(vgg16.name().view() == "vgg16");

    const Model vgg19 = VGG19(g);
    CHECK(vgg19.params() == Params{143'667'240, 0});
    CHECK(vgg19.layers().size() == 26);
    // input, block1_conv1/2, block1_pool, block2_conv1/2, block2_pool, block3_conv1..4: index 10
    CHECK(std::string(vgg19.layers()[10].name().view()) == "block3_conv4");
}

TEST_CASE("VGG16 without the top, pooling, other inputs and classes")
{
    Graph g;
    CHECK(138'357'544 - vgg_top == 14'714'688);
    const Model base = VGG16(g, {.include_top = false});
    CHECK(base.count_params() == 14'714'688);
    CHECK(base.output_shape() == Shape{None, None, None, 512});
    CHECK(base.layers().size() == 19);
    // 150 / 2^5 = 4 (floor at each 2x2 pool: 75, 37, 18, 9, 4)
    const Model small = VGG16(g, {.include_top = false, .input_shape = {150, 150, 3}, .pooling = GlobalPool::avg});
    CHECK(small.output_shape() == Shape{None, 512});
    CHECK(small.count_params() == 14'714'688);
    CHECK(small.layers().back().is<GlobalAveragePooling2D>());
    CHECK(VGG16(g, {.include_top = false, .pooling = GlobalPool::max}).layers().back().is<GlobalMaxPooling2D>());
    // classes=10: predictions has 4096*10 + 10 weights instead of 4,097,000
    CHECK(VGG16(g, {.classes = 10}).count_params() == 138'357'544 - 4'097'000 + 40'970);
}

TEST_CASE("VGG16 rejects what Keras rejects")
{
    Graph g;
    CHECK_THROWS_AS((VGG16(g, {.input_shape = {None, None, 3}})), shape_error);
    CHECK_THROWS_AS((VGG16(g, {.include_top = false, .input_shape = {31, 64, 3}})), shape_error);
    // include_top fixes the input to 224x224: Flatten then fc1 needs 7*7*512 inputs; a 256 input has
    // a bigger fc1, as in Keras (weights=None)
    CHECK(VGG16(g, {.input_shape = {256, 256, 3}}).count_params() == 138'357'544 + (8 * 8 - 7 * 7) * 512 * 4096);
}

} // namespace unit_applications_vgg_test
