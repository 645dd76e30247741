// keras.applications ResNet50/101/152 and ResNet50V2/101V2/152V2.
// Expected numbers come from Keras, never from nnshape:
// - totals and splits: keras-semantics.md §8 (ResNet50, ResNet50V2, ResNet101 [run]; published totals for
//   ResNet101V2, ResNet152, ResNet152V2 [ext]) and published tf.keras `model.summary()` outputs of the six
//   models with weights=None defaults (Total / Trainable / Non-trainable: ResNet101V2 44,675,560 /
//   44,577,896 / 97,664; ResNet152 60,419,944 / 60,268,520 / 151,424; ResNet152V2 60,380,648 /
//   60,236,904 / 143,744);
// - layer order, names and per-layer counts: published tf.keras summaries of ResNet50 and ResNet50V2
//   (224x224 input: `conv2_block1_0_conv` after `conv2_block1_2_relu`, the unnamed shortcut pooling
//   `max_pooling2d` after `conv2_block3_2_relu`, conv1_conv 9,472, V2 `_1_conv` 4,096 without bias);
// - everything else is derived below from those numbers and the Keras source
//   (keras/src/applications/resnet.py, resnet_v2.py), with the arithmetic in comments.
#include <doctest/doctest.h>
#include <nnshape/nnshape.hpp>
#include "../support.hpp"
#include <nnshape/applications/resnet.hpp>

#include <cstdint>
#include <string>

namespace unit_applications_resnet_test {

using namespace nnshape;
using namespace nnshape::applications;
using nnshape::test::name_at;

namespace {

// The top Keras adds with include_top=True: Dense(classes) on 2048 features.
constexpr std::int64_t top_weights(std::int64_t classes) { return 2048 * classes + classes; }

// len(model.layers) derived from the Keras source where no published count exists:
// v1: Input + 6 stem layers, 10 layers per block, +2 (`_0_conv`, `_0_bn`) per stack, avg_pool + predictions;
// v2: Input + 4 stem layers, 11 per block, +1 (`_0_conv`) per stack, +1 MaxPooling2D shortcut in each of
//     the 3 strided stacks, post_bn + post_relu, avg_pool + predictions.
constexpr std::size_t v1_layers(std::size_t blocks) { return 7 + 10 * blocks + 4 * 2 + 2; }
constexpr std::size_t v2_layers(std::size_t blocks) { return 5 + 11 * blocks + 4 + 3 + 2 + 2; }

} // namespace

TEST_CASE("ResNet50: Keras's counts, layers and names")
{
    Graph g;
    const Model m = ResNet50(g);
    CHECK(m.params() == Params{25'583'592, 53'120});
    CHECK(m.count_params() == 25'636'712);
    CHECK(m.output_shape() == Shape{None, 1000});
    CHECK(m.layers().size() == 177);
    CHECK(v1_layers(3 + 4 + 6 + 3) == 177);
    CHECK(m.name().view() == "resnet50");
    CHECK(name_at(m, 0) == "input_1");
    CHECK(name_at(m, 0, keras3) == "input_layer");
    CHECK(name_at(m, 1) == "conv1_pad");
    CHECK(name_at(m, 2) == "conv1_conv");
    CHECK(m.layers()[2].count_params() == 9'472); // 7*7*3*64 + 64
    CHECK(name_at(m, 3) == "conv1_bn");
    CHECK(name_at(m, 4) == "conv1_relu");
    CHECK(name_at(m, 6) == "pool1_pool");
    CHECK(m.layers()[6].output_shapes() == Shapes{Shape{None, 56, 56, 64}});
    // Keras orders the first block by depth: the shortcut's conv comes after `_2_relu`.
    CHECK(name_at(m, 7) == "conv2_block1_1_conv");
    CHECK(name_at(m, 12) == "conv2_block1_2_relu");
    CHECK(name_at(m, 13) == "conv2_block1_0_conv");
    CHECK(m.layers()[13].count_params() == 16'640);
    CHECK(name_at(m, 14) == "conv2_block1_3_conv");
    CHECK(name_at(m, 15) == "conv2_block1_0_bn");
    CHECK(name_at(m, 16) == "conv2_block1_3_bn");
    CHECK(name_at(m, 17) == "conv2_block1_add");
    CHECK(name_at(m, 18) == "conv2_block1_out");
    CHECK(name_at(m, 19) == "conv2_block2_1_conv");
    CHECK(m.layers()[19].count_params() == 16'448); // 1*1*256*64 + 64
    CHECK(name_at(m, 174) == "conv5_block3_out");
    CHECK(m.layers()[174].output_shapes() == Shapes{Shape{None, 7, 7, 2048}});
    CHECK(name_at(m, 175) == "avg_pool");
    CHECK(name_at(m, -1) == "predictions");
}

TEST_CASE("ResNet101 and ResNet152: Keras's counts")
{
    Graph g;
    const Model r101 = ResNet101(g);
    CHECK(r101.params() == Params{44'601'832, 105'344});
    CHECK(r101.count_params() == 44'707'176);
    CHECK(r101.layers().size() == 347);
    CHECK(v1_layers(3 + 4 + 23 + 3) == 347);
    CHECK(r101.name().view() == "resnet101");
    CHECK(r101.output_shape() == Shape{None, 1000});
    CHECK(name_at(r101, 344) == "conv5_block3_out");

    const Model r152 = ResNet152(g);
    CHECK(r152.params() == Params{60'268'520, 151'424});
    CHECK(r152.count_params() == 60'419'944);
    CHECK(r152.layers().size() == v1_layers(3 + 8 + 36 + 3)); // 517, derived
    CHECK(r152.name().view() == "resnet152");
    CHECK(r152.output_shape() == Shape{None, 1000});
    CHECK(name_at(r152, -1) == "predictions");
}

TEST_CASE("ResNet50V2: Keras's counts, layers and names")
{
    Graph g;
    const Model m = ResNet50V2(g);
    CHECK(m.params() == Params{25'568'360, 45'440});
    CHECK(m.count_params() == 25'613'800);
    CHECK(m.output_shape() == Shape{None, 1000});
    CHECK(m.layers().size() == 192);
    CHECK(v2_layers(3 + 4 + 6 + 3) == 192);
    CHECK(m.name().view() == "resnet50v2");
    CHECK(name_at(m, 1) == "conv1_pad");
    CHECK(name_at(m, 2) == "conv1_conv");
    CHECK(m.layers()[2].count_params() == 9'472); // conv1_conv keeps its bias in V2
    CHECK(name_at(m, 3) == "pool1_pad");
    CHECK(name_at(m, 4) == "pool1_pool");
    CHECK(name_at(m, 5) == "conv2_block1_preact_bn");
    CHECK(name_at(m, 6) == "conv2_block1_preact_relu");
    CHECK(name_at(m, 7) == "conv2_block1_1_conv");
    CHECK(m.layers()[7].count_params() == 4'096); // 1*1*64*64, no bias
    CHECK(name_at(m, 10) == "conv2_block1_2_pad");
    CHECK(m.layers()[10].output_shapes() == Shapes{Shape{None, 58, 58, 64}});
    CHECK(name_at(m, 11) == "conv2_block1_2_conv");
    CHECK(m.layers()[11].count_params() == 36'864); // 3*3*64*64, no bias
    CHECK(name_at(m, 14) == "conv2_block1_0_conv");
    CHECK(m.layers()[14].count_params() == 16'640); // 64*256 + 256
    CHECK(name_at(m, 15) == "conv2_block1_3_conv");
    CHECK(name_at(m, 16) == "conv2_block1_out");
    CHECK(m.layers()[16].class_name() == "Add");
    // The strided last block of conv2: its identity shortcut is an unnamed MaxPooling2D(1, strides=2),
    // listed by depth after `_2_relu` (Keras 3 and tf.keras name it max_pooling2d; Keras 2.2 counted from 1).
    CHECK(name_at(m, 34) == "conv2_block3_2_conv");
    CHECK(m.layers()[34].output_shapes() == Shapes{Shape{None, 28, 28, 64}});
    CHECK(name_at(m, 36) == "conv2_block3_2_relu");
    CHECK(name_at(m, 37, keras3) == "max_pooling2d");
    CHECK(name_at(m, 37) == "max_pooling2d_1");
    CHECK(m.layers()[37].output_shapes() == Shapes{Shape{None, 28, 28, 256}});
    CHECK(name_at(m, 38) == "conv2_block3_3_conv");
    CHECK(name_at(m, 39) == "conv2_block3_out");
    CHECK(name_at(m, 40) == "conv3_block1_preact_bn");
    CHECK(name_at(m, 188) == "post_bn");
    CHECK(name_at(m, 189) == "post_relu");
    CHECK(m.layers()[189].output_shapes() == Shapes{Shape{None, 7, 7, 2048}});
    CHECK(name_at(m, 190) == "avg_pool");
    CHECK(name_at(m, -1) == "predictions");
}

TEST_CASE("ResNet101V2 and ResNet152V2: Keras's counts")
{
    Graph g;
    const Model r101 = ResNet101V2(g);
    CHECK(r101.params() == Params{44'577'896, 97'664});
    CHECK(r101.count_params() == 44'675'560);
    CHECK(r101.layers().size() == v2_layers(3 + 4 + 23 + 3)); // 379, derived
    CHECK(r101.name().view() == "resnet101v2");
    CHECK(r101.output_shape() == Shape{None, 1000});

    const Model r152 = ResNet152V2(g);
    CHECK(r152.params() == Params{60'236'904, 143'744});
    CHECK(r152.count_params() == 60'380'648);
    CHECK(r152.layers().size() == v2_layers(3 + 8 + 36 + 3)); // 566, derived
    CHECK(r152.name().view() == "resnet152v2");
    CHECK(name_at(r152, -1) == "predictions");
}

TEST_CASE("ResNet: include_top=false, with and without pooling")
{
    // Without the top: Keras's counts less predictions (2048*1000 + 1000 = 2,049,000).
    Graph g;
    const Model r50 = ResNet50(g, {.include_top = false});
    CHECK(r50.params() == Params{25'583'592 - top_weights(1000), 53'120}); // 23,534,592 trainable
    CHECK(r50.output_shape() == Shape{None, None, None, 2048}); // input (None, None, 3)
    CHECK(r50.layers().size() == 177 - 2);
    CHECK(name_at(r50, -1) == "conv5_block3_out");

    const Model avg = ResNet50(g, {.include_top = false, .pooling = GlobalPool::avg});
    CHECK(avg.params() == Params{25'583'592 - top_weights(1000), 53'120});
    CHECK(avg.output_shape() == Shape{None, 2048});
    CHECK(avg.layers().size() == 177 - 1);
    CHECK(name_at(avg, -1) == "avg_pool");

    const Model max = ResNet50V2(g, {.include_top = false, .pooling = GlobalPool::max});
    CHECK(max.params() == Params{25'568'360 - top_weights(1000), 45'440}); // 23,519,360 trainable
    CHECK(max.output_shape() == Shape{None, 2048});
    CHECK(max.layers().size() == 192 - 1);
    CHECK(name_at(max, -1) == "max_pool");

    const Model v2 = ResNet50V2(g, {.include_top = false});
    CHECK(v2.output_shape() == Shape{None, None, None, 2048});
    CHECK(name_at(v2, -1) == "post_relu");

    // pooling is ignored with the top, as in Keras.
    const Model top = ResNet101(g, {.pooling = GlobalPool::max});
    CHECK(top.count_params() == 44'707'176);
    CHECK(name_at(top, -1) == "predictions");
}

TEST_CASE("ResNet: a non-default input shape and classes")
{
    // 64x96: conv1_pad 70x102, conv1_conv (7, stride 2) 32x48, pool1 (pad 1, 3, stride 2) 16x24;
    // v1 strides in conv3..conv5: 8x12, 4x6, 2x3. Counts do not depend on the input size.
    Graph g;
    const Model v1 = ResNet152(g, {.include_top = false, .input_shape = Shape{64, 96, 3}});
    CHECK(v1.output_shape() == Shape{None, 2, 3, 2048});
    CHECK(v1.params() == Params{60'268'520 - top_weights(1000), 151'424});

    // v2 strides in the last blocks of conv2..conv4 (MaxPooling2D(1, 2) and a padded 3x3/2 agree): 8x12,
    // 4x6, 2x3; conv5 keeps 2x3.
    const Model v2 = ResNet101V2(g, {.include_top = false, .input_shape = Shape{64, 96, 3}});
    CHECK(v2.output_shape() == Shape{None, 2, 3, 2048});
    CHECK(v2.params() == Params{44'577'896 - top_weights(1000), 97'664});

    // The smallest input Keras accepts, odd sizes: 32 -> conv1 16 -> pool1 8 -> 4 -> 2 -> 1;
    // 33 -> 17 -> 9 -> (v2 conv2: 5) -> 3 -> 2, and conv5 keeps 2.
    const Model small = ResNet50(g, {.include_top = false, .input_shape = Shape{32, 32, 3}});
    CHECK(small.output_shape() == Shape{None, 1, 1, 2048});
    const Model odd = ResNet50V2(g, {.include_top = false, .input_shape = Shape{33, 33, 3}});
    CHECK(odd.output_shape() == Shape{None, 2, 2, 2048});

    // classes=10: the backbone plus Dense(10) on 2048 features.
    const Model ten = ResNet50(g, {.classes = 10});
    CHECK(ten.params() == Params{25'583'592 - top_weights(1000) + top_weights(10), 53'120}); // 23,555,082
    CHECK(ten.output_shape() == Shape{None, 10});
    const Model ten_v2 = ResNet152V2(g, {.input_shape = Shape{224, 224, 3}, .classes = 10});
    CHECK(ten_v2.count_params() == 60'380'648 - top_weights(1000) + top_weights(10));
}

TEST_CASE("ResNet: rejected arguments")
{
    Graph g;
    // include_top needs a static input shape.
    CHECK_THROWS_AS(ResNet50(g, {.input_shape = Shape{None, None, 3}}), shape_error);
    // min_size is 32; Keras's message (keras/src/applications/imagenet_utils.py obtain_input_shape).
    CHECK_THROWS_WITH_AS(ResNet50V2(g, {.include_top = false, .input_shape = Shape{31, 64, 3}}),
                         "applications: Input size must be at least 32x32; got `input_shape=(31, 64, 3)`", shape_error);
    // three axes: (height, width, channels).
    CHECK_THROWS_AS(ResNet101(g, {.include_top = false, .input_shape = Shape{64, 64}}), shape_error);
}

} // namespace unit_applications_resnet_test
