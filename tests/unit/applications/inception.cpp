// InceptionV3, InceptionResNetV2 and Xception against Keras. Counts at the default input come from
// /work/shared/spec/keras-semantics.md §8 (Keras's own numbers); the others are derived from them by
// removing or resizing the `predictions` Dense (input channels * classes + classes), and spatial sizes
// from the architectures' strides, as the comments show.
#include <doctest/doctest.h>

#include <nnshape/applications/inception.hpp>
#include <nnshape/applications/xception.hpp>
#include <nnshape/nnshape.hpp>
#include "../support.hpp"

#include <string>

#include <cstdint>
#include <string_view>

namespace unit_applications_inception_test {

using namespace nnshape;
using namespace nnshape::applications;
using nnshape::test::name_at;

namespace {

// The name of layer `i` of `m`.
} // namespace

// ---------------------------------------------------------------------------------------------------
// InceptionV3

TEST_CASE("InceptionV3 at its default input (spec §8)")
{
    Graph g;
    const Model m = InceptionV3(g);
    CHECK(m.params() == Params{23'817'352, 34'432}); // total 23,851,784
    CHECK(m.count_params() == 23'851'784);
    CHECK(m.output_shape() == Shape{None, 1000});
    CHECK(m.layers().size() == 313);
    CHECK(m.name().view() == "inception_v3");
    CHECK(name_at(m, 0) == "input_1");
    CHECK(name_at(m, 1) == "conv2d_1");
    CHECK(name_at(m, 2) == "batch_normalization_1");
    CHECK(name_at(m, 3) == "activation_1");
    // Keras's transfer-learning guide freezes `model.layers[:249]`, up to and including mixed8.
    CHECK(name_at(m, 248) == "mixed8");
    CHECK(name_at(m, 276) == "mixed9_0");
    CHECK(name_at(m, 277) == "concatenate_1"); // mixed9's unnamed double-3x3 concatenation
    CHECK(name_at(m, 310) == "mixed10");
    CHECK(name_at(m, 311) == "avg_pool");
    CHECK(name_at(m, 312) == "predictions");
    // BatchNormalization(scale=False) after Conv2D(32, 3x3, no bias) on 3 channels: beta + moving mean/var.
    CHECK(m.layers()[1].count_params() == 3 * 3 * 3 * 32);
    CHECK(m.layers()[2].params() == Params{32, 64});
}

TEST_CASE("InceptionV3 without its top")
{
    Graph g;
    // 23,851,784 - (2048*1000 + 1000) = 21,802,784; trainable 23,817,352 - 2,049,000 = 21,768,352.
    const Model features = InceptionV3(g, {.include_top = false});
    CHECK(features.params() == Params{21'768'352, 34'432});
    CHECK(features.output_shape() == Shape{None, None, None, 2048});
    CHECK(features.layers().size() == 313 - 2);
    CHECK(name_at(features, 310) == "mixed10");

    const Model avg = InceptionV3(g, {.include_top = false, .pooling = GlobalPool::avg});
    CHECK(avg.count_params() == 21'802'784);
    CHECK(avg.output_shape() == Shape{None, 2048});
    CHECK(avg.layers().size() == 312);
    CHECK(avg.layers().back().is<GlobalAveragePooling2D>());

    const Model max = InceptionV3(g, {.include_top = false, .pooling = GlobalPool::max});
    CHECK(max.output_shape() == Shape{None, 2048});
    CHECK(max.layers().back().is<GlobalMaxPooling2D>());
}

TEST_CASE("InceptionV3: input shapes and classes")
{
    Graph g;
    // 150: valid 3x3/2 -> 74, valid 3x3 -> 72, max 3/2 -> 35, valid 3x3 -> 33, max 3/2 -> 16 (mixed0-2),
    // mixed3 -> 7, mixed8 -> 3.
    CHECK(InceptionV3(g, {.include_top = false, .input_shape = {{150, 150, 3}}}).output_shape() ==
          Shape{None, 3, 3, 2048});
    // min_size 75: 75 -> 37 -> 35 -> 17 -> 15 -> 7 -> 3 -> 1.
    CHECK(InceptionV3(g, {.include_top = false, .input_shape = {{75, 75, 3}}}).output_shape() ==
          Shape{None, 1, 1, 2048});
    // classes=10: 21,802,784 + 2048*10 + 10.
    const Model ten = InceptionV3(g, {.classes = 10});
    CHECK(ten.count_params() == 21'823'274);
    CHECK(ten.output_shape() == Shape{None, 10});
    // Convolutions do not depend on the input size: a 400x400 top model has the same counts.
    CHECK(InceptionV3(g, {.input_shape = {{400, 400, 3}}}).count_params() == 23'851'784);
}

TEST_CASE("InceptionV3 rejects what Keras rejects")
{
    Graph g;
    CHECK_THROWS_AS(InceptionV3(g, {.input_shape = {{None, None, 3}}}),
                    shape_error); // include_top needs a static shape
    CHECK_THROWS_AS(InceptionV3(g, {.include_top = false, .input_shape = {{74, 299, 3}}}),
                    shape_error); // < min_size 75
}

// ---------------------------------------------------------------------------------------------------
// InceptionResNetV2

TEST_CASE("InceptionResNetV2 at its default input (spec §8)")
{
    Graph g;
    const Model m = InceptionResNetV2(g);
    CHECK(m.params() == Params{55'813'192, 60'544}); // total 55,873,736
    CHECK(m.count_params() == 55'873'736);
    CHECK(m.output_shape() == Shape{None, 1000});
    // Not in the spec: counted from inception_resnet_v2.py. Input 1; stem 5 conv2d_bn (3 layers each) + 2
    // pools = 17; mixed_5b 7 conv2d_bn + pool + concat = 23; block35 6 conv2d_bn + mixed + conv + scale +
    // ac = 22 (x10); mixed_6a 4 conv2d_bn + pool + concat = 14; block17 4 conv2d_bn + 4 = 16 (x20);
    // mixed_7a 7 conv2d_bn + 2 = 23; block8 16 (x9) + 15 (no _ac); conv_7b 3; top 2.
    CHECK(m.layers().size() == 1 + 17 + 23 + 220 + 14 + 320 + 23 + 159 + 3 + 2); // 782
    CHECK(m.name().view() == "inception_resnet_v2");
    CHECK(name_at(m, 1) == "conv2d_1");
    CHECK(name_at(m, 40) == "mixed_5b");
    CHECK(name_at(m, 59) == "block35_1_mixed");
    CHECK(name_at(m, 60) == "block35_1_conv");
    CHECK(name_at(m, 61) == "custom_scale_layer_1");
    CHECK(m.layers()[61].is<CustomScaleLayer>());
    CHECK(m.layers()[61].class_name() == "CustomScaleLayer");
    CHECK(name_at(m, 62) == "block35_1_ac");
    CHECK(name_at(m, 274) == "mixed_6a");
    CHECK(name_at(m, 594) == "block17_20_ac");
    CHECK(name_at(m, 617) == "mixed_7a");
    CHECK(name_at(m, 775) == "block8_10_conv"); // with bias, no BatchNormalization: 448*2080 + 2080
    CHECK(m.layers()[775].count_params() == 448 * 2080 + 2080);
    CHECK(name_at(m, 776) == "custom_scale_layer_40"); // block8_10 has no activation
    CHECK(name_at(m, 777) == "conv_7b");
    CHECK(name_at(m, 778) == "conv_7b_bn");
    CHECK(name_at(m, 779) == "conv_7b_ac");
    CHECK(name_at(m, 780) == "avg_pool");
    CHECK(name_at(m, 781) == "predictions");
}

TEST_CASE("InceptionResNetV2 without its top")
{
    Graph g;
    // 55,873,736 - (1536*1000 + 1000) = 54,336,736; trainable 55,813,192 - 1,537,000 = 54,276,192.
    const Model features = InceptionResNetV2(g, {.include_top = false});
    CHECK(features.params() == Params{54'276'192, 60'544});
    CHECK(features.output_shape() == Shape{None, None, None, 1536});
    CHECK(features.layers().size() == 780);

    const Model avg = InceptionResNetV2(g, {.include_top = false, .pooling = GlobalPool::avg});
    CHECK(avg.count_params() == 54'336'736);
    CHECK(avg.output_shape() == Shape{None, 1536});
    CHECK(avg.layers().size() == 781);

    const Model max = InceptionResNetV2(g, {.include_top = false, .pooling = GlobalPool::max});
    CHECK(max.output_shape() == Shape{None, 1536});
    CHECK(max.layers().back().is<GlobalMaxPooling2D>());
}

TEST_CASE("InceptionResNetV2: input shapes and classes")
{
    Graph g;
    // The stem as InceptionV3's (299 -> 35, 150 -> 16, 75 -> 7), mixed_6a valid 3/2, mixed_7a valid 3/2:
    // 299: 35 -> 17 -> 8; 150: 16 -> 7 -> 3; 75: 7 -> 3 -> 1.
    CHECK(InceptionResNetV2(g, {.include_top = false, .input_shape = {{299, 299, 3}}}).output_shape() ==
          Shape{None, 8, 8, 1536});
    CHECK(InceptionResNetV2(g, {.include_top = false, .input_shape = {{150, 150, 3}}}).output_shape() ==
          Shape{None, 3, 3, 1536});
    CHECK(InceptionResNetV2(g, {.include_top = false, .input_shape = {{75, 75, 3}}}).output_shape() ==
          Shape{None, 1, 1, 1536});
    // classes=10: 54,336,736 + 1536*10 + 10.
    CHECK(InceptionResNetV2(g, {.classes = 10}).count_params() == 54'352'106);
}

TEST_CASE("InceptionResNetV2 rejects what Keras rejects")
{
    Graph g;
    CHECK_THROWS_AS(InceptionResNetV2(g, {.input_shape = {{None, None, 3}}}), shape_error);
    CHECK_THROWS_AS(InceptionResNetV2(g, {.include_top = false, .input_shape = {{299, 74, 3}}}), shape_error);
}

TEST_CASE("CustomScaleLayer keeps the shape and has no weights")
{
    Graph g;
    auto a = Input(g, {.shape = {8, 8, 16}});
    auto b = Input(g, {.shape = {8, 8, 16}});
    const Model m{{a, b}, CustomScaleLayer{.scale = 0.2}({a, b})};
    CHECK(m.output_shape() == Shape{None, 8, 8, 16});
    CHECK(m.count_params() == 0);
    auto c = Input(g, {.shape = {8, 8, 8}});
    CHECK_THROWS_AS(CustomScaleLayer{.scale = 0.2}({a, c}), shape_error);
    CHECK_THROWS_AS(CustomScaleLayer{.scale = 0.2}({a, b, b}), shape_error);
}

// ---------------------------------------------------------------------------------------------------
// Xception

TEST_CASE("Xception at its default input (spec §8)")
{
    Graph g;
    const Model m = Xception(g);
    CHECK(m.params() == Params{22'855'952, 54'528}); // total 22,910,480
    CHECK(m.count_params() == 22'910'480);
    CHECK(m.output_shape() == Shape{None, 1000});
    CHECK(m.layers().size() == 134);
    CHECK(m.name().view() == "xception");
    CHECK(name_at(m, 0) == "input_1");
    CHECK(name_at(m, 1) == "block1_conv1");
    CHECK(name_at(m, 2) == "block1_conv1_bn");
    CHECK(name_at(m, 3) == "block1_conv1_act");
    CHECK(name_at(m, 131) == "block14_sepconv2_act");
    CHECK(name_at(m, 132) == "avg_pool");
    CHECK(name_at(m, 133) == "predictions");
    // block14_sepconv2: depthwise 3*3*1536 + pointwise 1536*2048, no bias.
    CHECK(m.layers()[129].count_params() == 9 * 1536 + 1536 * 2048);
    CHECK(name_at(m, 129) == "block14_sepconv2");
    // Every layer name Keras gives explicitly is present, e.g. block2's single activation.
    bool block2_act = false;
    for (const auto& l : m.layers()) block2_act = block2_act || l.name().view() == "block2_sepconv2_act";
    CHECK(block2_act);
}

TEST_CASE("Xception without its top")
{
    Graph g;
    // 22,910,480 - (2048*1000 + 1000) = 20,861,480; trainable 22,855,952 - 2,049,000 = 20,806,952.
    const Model features = Xception(g, {.include_top = false});
    CHECK(features.params() == Params{20'806'952, 54'528});
    CHECK(features.output_shape() == Shape{None, None, None, 2048});
    CHECK(features.layers().size() == 132);

    const Model avg = Xception(g, {.include_top = false, .pooling = GlobalPool::avg});
    CHECK(avg.count_params() == 20'861'480);
    CHECK(avg.output_shape() == Shape{None, 2048});
    CHECK(avg.layers().size() == 133);

    const Model max = Xception(g, {.include_top = false, .pooling = GlobalPool::max});
    CHECK(max.output_shape() == Shape{None, 2048});
    CHECK(max.layers().back().is<GlobalMaxPooling2D>());
}

TEST_CASE("Xception: input shapes and classes")
{
    Graph g;
    // 299: valid 3x3/2 -> 149, valid 3x3 -> 147, then same 3/2 poolings (ceil(n/2)) in blocks 2, 3, 4, 13:
    // 74, 37, 19, 10.
    CHECK(Xception(g, {.include_top = false, .input_shape = {{299, 299, 3}}}).output_shape() ==
          Shape{None, 10, 10, 2048});
    // min_size 71: 35, 33, then 17, 9, 5, 3.
    CHECK(Xception(g, {.include_top = false, .input_shape = {{71, 71, 3}}}).output_shape() == Shape{None, 3, 3, 2048});
    // classes=10: 20,861,480 + 2048*10 + 10.
    const Model ten = Xception(g, {.classes = 10});
    CHECK(ten.count_params() == 20'881'970);
    CHECK(ten.output_shape() == Shape{None, 10});
}

TEST_CASE("Xception rejects what Keras rejects")
{
    Graph g;
    CHECK_THROWS_AS(Xception(g, {.input_shape = {{None, None, 3}}}), shape_error);
    CHECK_THROWS_AS(Xception(g, {.include_top = false, .input_shape = {{70, 70, 3}}}), shape_error); // < min_size 71
    CHECK_NOTHROW(Xception(g, {.include_top = false, .input_shape = {{71, 71, 3}}}));
}

} // namespace unit_applications_inception_test
