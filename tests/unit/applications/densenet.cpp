// Keras Applications: DenseNet121, DenseNet169, DenseNet201 (keras/src/applications/densenet.py).
// Expected numbers come from Keras, not from nnshape:
// - DenseNet121: keras-semantics.md §8 (8,062,504 / 7,978,856 / 83,648; 429 layers in current Keras,
//   which ends with Activation("relu", name="relu") after the final "bn": 7 stem layers + 58 blocks
//   x 7 + 3 transitions x 4 + bn, relu + avg_pool, predictions = 429; the 428 of §8 is the K2.1
//   application (keras 2.1.6 densenet.py), which had no final relu layer and named the Dense "fc1000").
// - DenseNet169 / DenseNet201: published tf.keras model.summary() outputs of all keras.applications
//   models (a GitHub study script printing `model.summary()` and `ic(len(model.weights), ...)`):
//   "densenet169 Total params: 14,307,880 Trainable params: 14,149,480 Non-trainable params: 158,400"
//   and "densenet201 Total params: 20,242,984 Trainable params: 20,013,928 Non-trainable params:
//   229,056"; totals also in the keras.io applications table and keras-semantics.md §8.
// - include_top=False: Keras's numbers minus the predictions layer's kernel and bias (the only weights
//   of the top), which KerasHub confirms (keras-team/keras-hub keras_hub/src/models/densenet/densenet_presets.py):
//   densenet_121_imagenet "params": 7037504,
//   densenet_169_imagenet "params": 12642880 (backbones without the classifier).
#include <doctest/doctest.h>
#include <nnshape/nnshape.hpp>
#include "../support.hpp"
#include <nnshape/applications/densenet.hpp>

#include <cstdint>
#include <string>

namespace unit_applications_densenet_test {

using namespace nnshape;
using namespace nnshape::applications;
using nnshape::test::name_at;

namespace {

} // namespace

TEST_CASE("DenseNet121: Keras's counts, output shape, layers and names")
{
    Graph g;
    const Model m = DenseNet121(g);
    CHECK(m.params() == Params{7'978'856, 83'648});
    CHECK(m.count_params() == 8'062'504);
    CHECK(m.output_shape() == Shape{None, 1000});
    CHECK(m.name().view() == "densenet121");
    CHECK(m.layers().size() == 429);
    CHECK(name_at(m, 0) == "input_1");
    CHECK(m.layers()[0].name(keras3).view() == "input_layer");
    CHECK(m.layers()[1].is<ZeroPadding2D>());
    CHECK(name_at(m, 2) == "conv1_conv");
    CHECK(name_at(m, 3) == "conv1_bn");
    CHECK(name_at(m, 4) == "conv1_relu");
    CHECK(m.layers()[5].is<ZeroPadding2D>());
    CHECK(name_at(m, 6) == "pool1");
    CHECK(name_at(m, 7) == "conv2_block1_0_bn");
    CHECK(name_at(m, 9) == "conv2_block1_1_conv");
    CHECK(name_at(m, 12) == "conv2_block1_2_conv");
    CHECK(name_at(m, 13) == "conv2_block1_concat");
    // After conv2's 6 blocks (7 + 6 * 7 = 49): the transition pool2_bn, pool2_relu, pool2_conv, pool2_pool.
    CHECK(name_at(m, 49) == "pool2_bn");
    CHECK(name_at(m, 51) == "pool2_conv");
    CHECK(name_at(m, 52) == "pool2_pool");
    CHECK(name_at(m, 424) == "conv5_block16_concat");
    CHECK(name_at(m, 425) == "bn");
    CHECK(name_at(m, 426) == "relu");
    CHECK(name_at(m, 427) == "avg_pool");
    CHECK(name_at(m, 428) == "predictions");
    // Channels: 64 + 6*32 = 256 -> 128, + 12*32 = 512 -> 256, + 24*32 = 1024 -> 512, + 16*32 = 1024;
    // spatial: 224 -> 112 (conv1) -> 56 (pool1) -> 28 -> 14 -> 7.
    CHECK(m.layers()[424].output_shapes() == Shapes{Shape{None, 7, 7, 1024}});
    CHECK(m.layers()[51].output_shapes() == Shapes{Shape{None, 56, 56, 128}});
}

TEST_CASE("DenseNet169 and DenseNet201: Keras's counts and layers")
{
    Graph g;
    const Model m169 = DenseNet169(g);
    CHECK(m169.params() == Params{14'149'480, 158'400});
    CHECK(m169.output_shape() == Shape{None, 1000});
    CHECK(m169.name().view() == "densenet169");
    // 7 + (6 + 12 + 32 + 32) * 7 + 12 + 4, from the source as for DenseNet121.
    CHECK(m169.layers().size() == 597);
    CHECK(m169.layers()[593].name().view() == "bn");
    CHECK(m169.layers()[596].name().view() == "predictions");

    const Model m201 = DenseNet201(g);
    CHECK(m201.params() == Params{20'013'928, 229'056});
    CHECK(m201.output_shape() == Shape{None, 1000});
    CHECK(m201.name().view() == "densenet201");
    // 7 + (6 + 12 + 48 + 32) * 7 + 12 + 4.
    CHECK(m201.layers().size() == 709);
    CHECK(m201.layers()[1].name().view() == "zero_padding2d_3"); // the third and fourth in this Graph
    CHECK(m201.layers()[704].name().view() == "conv5_block32_concat");
}

TEST_CASE("DenseNet: include_top=False, pooling, input_shape, classes")
{
    Graph g;
    // No top: 8,062,504 - (1024 * 1000 + 1000) = 7,037,504 (trainable 7,978,856 - 1,025,000).
    const Model base = DenseNet121(g, {.include_top = false});
    CHECK(base.params() == Params{6'953'856, 83'648});
    CHECK(base.output_shape() == Shape{None, None, None, 1024});
    CHECK(base.layers().size() == 427);
    CHECK(base.layers()[0].output_shapes() == Shapes{Shape{None, None, None, 3}});
    CHECK(base.layers().back().name().view() == "relu");

    const Model avg = DenseNet121(g, {.include_top = false, .pooling = GlobalPool::avg});
    CHECK(avg.output_shape() == Shape{None, 1024});
    CHECK(avg.layers().size() == 428);
    CHECK(avg.layers().back().name().view() == "avg_pool");
    CHECK(avg.count_params() == 7'037'504);

    // DenseNet169 without top, max pooling: 14,307,880 - (1664 * 1000 + 1000) = 12,642,880
    // (final channels 64 + 192 = 256 -> 128 + 384 = 512 -> 256 + 1024 = 1280 -> 640 + 1024 = 1664).
    const Model max169 = DenseNet169(g, {.include_top = false, .pooling = GlobalPool::max});
    CHECK(max169.params() == Params{14'149'480 - 1'665'000, 158'400});
    CHECK(max169.output_shape() == Shape{None, 1664});
    CHECK(max169.layers().back().name().view() == "max_pool");

    // DenseNet201: final channels 256 -> 128 + 384 = 512 -> 256 + 1536 = 1792 -> 896 + 1024 = 1920;
    // 20,242,984 - (1920 * 1000 + 1000) = 18,321,984.
    const Model base201 = DenseNet201(g, {.include_top = false});
    CHECK(base201.params() == Params{20'013'928 - 1'921'000, 229'056});
    CHECK(base201.output_shape() == Shape{None, None, None, 1920});

    // 200x200: padding 3 -> 206, conv 7/2 valid -> 100, padding 1 -> 102, pool 3/2 -> 50,
    // then the three 2x2 average poolings: 25, 12, 6.
    const Model in200 = DenseNet121(g, {.include_top = false, .input_shape = Shape{200, 200, 3}});
    CHECK(in200.output_shape() == Shape{None, 6, 6, 1024});
    CHECK(in200.count_params() == 7'037'504);

    // The minimum, 32x32: 38 -> 16 -> 18 -> 8 -> 4 -> 2 -> 1.
    const Model in32 = DenseNet121(g, {.include_top = false, .input_shape = Shape{32, 32, 3}});
    CHECK(in32.output_shape() == Shape{None, 1, 1, 1024});

    // classes: the predictions layer alone changes, 1024 * 10 + 10 weights.
    const Model ten = DenseNet121(g, {.classes = 10});
    CHECK(ten.output_shape() == Shape{None, 10});
    CHECK(ten.params() == Params{7'978'856 - 1'025'000 + 10'250, 83'648});

    // The top with a given static input shape: Keras accepts any static size >= 32.
    const Model top96 = DenseNet121(g, {.input_shape = Shape{96, 96, 3}});
    CHECK(top96.output_shape() == Shape{None, 1000});
    CHECK(top96.count_params() == 8'062'504);
}

TEST_CASE("DenseNet: rejected arguments")
{
    Graph g;
    // include_top needs a static input shape (Keras's obtain_input_shape).
    CHECK_THROWS_AS((void)DenseNet121(g, {.input_shape = Shape{None, None, 3}}), shape_error);
    // Smaller than min_size 32.
    CHECK_THROWS_AS((void)DenseNet121(g, {.include_top = false, .input_shape = Shape{31, 64, 3}}), shape_error);
    // Not (height, width, channels).
    CHECK_THROWS_AS((void)DenseNet169(g, {.include_top = false, .input_shape = Shape{64, 64}}), shape_error);
}

} // namespace unit_applications_densenet_test
