// keras.applications MobileNet, MobileNetV2, MobileNetV3Small and MobileNetV3Large.
//
// Sources of the expected numbers:
// - [spec]  /work/shared/spec/keras-semantics.md §8: MobileNet 4,253,864 / 4,231,976 / 21,888;
//           MobileNetV2 3,538,984 / 3,504,872 / 34,112; MobileNetV3Large 5,507,432 and
//           MobileNetV3Small 2,554,968 totals.
// - [table] a published table of tf.keras.applications include_top=False parameter counts by alpha
//           (one row per Keras weights file, mobilenet_<a>_<size>_tf_no_top.h5 and
//           mobilenet_v2_weights_tf_dim_ordering_tf_kernels_<a>_<size>_no_top.h5): MobileNet
//           0.25: 218,544, 0.50: 829,536, 0.75: 1,832,976, 1.0: 3,228,864; MobileNetV2 0.35: 410,208,
//           0.50: 706,224, 0.75: 1,382,064, 1.0: 2,257,984, 1.3: 3,766,048 (1664 features),
//           1.4: 4,363,712 (1792 features); MobileNetV3Small 0.75: 583,160 (432 features),
//           1.0: 939,120 (576 features). The V2 0.5 number is also in the README of
//           github.com/sohinin217-crypto/Waste_cassification_MobileNet ("Non-Trainable Parameters:
//           706,224 (frozen MobileNetV2 backbone)", alpha=0.5).
// - [summary] published Keras model.summary() outputs: "MobileNetV3Small (Functional)
//           (None, 7, 7, 576) 939,120" and "MobilenetV3large (Functional) (None, 7, 7, 960)
//           2,996,352" (include_top=False, 224x224 input); "mobilenet_1.00_224 (Functional)
//           (None, 7, 7, 1024) 3,228,864".
// - [torch] torchvision's published mobilenet_v3_large / mobilenet_v3_small parameter counts,
//           5,483,032 / 2,542,856: the same architecture, counting BatchNormalization's gamma and
//           beta but not its moving statistics, i.e. Keras's trainable count (a published note says
//           it outright: "939,120 is 927,008 plus 12,112 BatchNorm running statistics").
// - Layer counts (len(model.layers)) are counted from the Keras 3 source (keras/src/applications/
//   mobilenet*.py): the spec's 93 / 157 are keras-applications 1.0.8's, which had the extra
//   ZeroPadding2D "conv1_pad" / "Conv1_pad" and (MobileNet) Reshape "reshape_1".
// Everything else is derived from these numbers by the arithmetic written next to it.
#include <doctest/doctest.h>
#include <nnshape/nnshape.hpp>
#include "../support.hpp"
#include <nnshape/applications/mobilenet.hpp>

#include <string>

namespace unit_applications_mobilenet_test {

using namespace nnshape;
using namespace nnshape::applications;
using nnshape::test::name_at;

namespace {

Shape shape_at(const Model& m, std::size_t i) { return (*m.layers()[i].output_shapes())[0]; }

} // namespace

// ---- MobileNet ------------------------------------------------------------------------------

TEST_CASE("MobileNet: Keras's default model [spec]")
{
    Graph g;
    const Model m = MobileNet(g);
    CHECK(m.params() == Params{4'231'976, 21'888});
    CHECK(m.count_params() == 4'253'864);
    CHECK(m.output_shape() == Shape{None, 1000});
    CHECK(m.name().view() == "mobilenet_1.00_224");
    // Input + conv block (3) + 13 blocks x 6 + 4 strided pads + top (GAP, dropout, conv_preds,
    // reshape_2, predictions) = 1 + 3 + 78 + 4 + 5.
    REQUIRE(m.layers().size() == 91);
    CHECK(m.layers()[0].is<InputLayer>());
    CHECK(shape_at(m, 0) == Shape{None, 224, 224, 3});
    CHECK(name_at(m, 1) == "conv1");
    CHECK(name_at(m, 3) == "conv1_relu");
    CHECK(name_at(m, 4) == "conv_dw_1");
    CHECK(name_at(m, 9) == "conv_pw_1_relu");
    CHECK(name_at(m, 10) == "conv_pad_2");
    CHECK(name_at(m, 11) == "conv_dw_2");
    CHECK(name_at(m, 85) == "conv_pw_13_relu");
    CHECK(name_at(m, 86, keras3) == "global_average_pooling2d");
    CHECK(shape_at(m, 86) == Shape{None, 1, 1, 1024}); // keepdims=True
    CHECK(name_at(m, 87) == "dropout");
    CHECK(name_at(m, 88) == "conv_preds");
    CHECK(name_at(m, 89) == "reshape_2");
    CHECK(name_at(m, -1) == "predictions");
    CHECK(m.layers()[3].get_if<ReLU>()->max_value == 6.0);
}

TEST_CASE("MobileNet: include_top=False, pooling, input_shape, classes")
{
    SUBCASE("no top: 4,253,864 - (1024*1000 + 1000) = 3,228,864 [table, summary]")
    {
        Graph g;
        const Model m = MobileNet(g, {.include_top = false});
        CHECK(m.params() == Params{3'206'976, 21'888});
        CHECK(m.output_shape() == Shape{None, None, None, 1024});
        CHECK(m.layers().size() == 86);
        CHECK(name_at(m, -1) == "conv_pw_13_relu");
        CHECK(m.name().view() == "mobilenet_1.00_None"); // rows is None with weights=None
    }
    SUBCASE("pooling avg / max")
    {
        Graph g;
        const Model avg = MobileNet(g, {.include_top = false, .pooling = GlobalPool::avg});
        CHECK(avg.output_shape() == Shape{None, 1024});
        CHECK(avg.layers().size() == 87);
        CHECK(name_at(avg, -1, keras3) == "global_average_pooling2d");
        Graph g2;
        const Model max = MobileNet(g2, {.include_top = false, .pooling = GlobalPool::max});
        CHECK(max.output_shape() == Shape{None, 1024});
        CHECK(name_at(max, -1, keras3) == "global_max_pooling2d");
        CHECK(max.count_params() == 3'228'864);
    }
    SUBCASE("input_shape: each strided block (pad 1 bottom/right, valid 3x3 stride 2) floors n/2")
    {
        Graph g;
        // 160 -> conv1 (same, stride 2) 80 -> 40 -> 20 -> 10 -> 5
        const Model m = MobileNet(g, {.include_top = false, .input_shape = {160, 160, 3}});
        CHECK(m.output_shape() == Shape{None, 5, 5, 1024});
        CHECK(m.name().view() == "mobilenet_1.00_160");
        CHECK(shape_at(m, 10) == Shape{None, 81, 81, 64}); // conv_pad_2: 80 + 1
        Graph g2;
        // 200 -> 100 -> 50 -> 25 -> 12 -> 6; 150 -> 75 -> 37 -> 18 -> 9 -> 4
        const Model odd = MobileNet(g2, {.include_top = false, .input_shape = {200, 150, 3}});
        CHECK(odd.output_shape() == Shape{None, 6, 4, 1024});
        CHECK(odd.name().view() == "mobilenet_1.00_200");
        Graph g3;
        const Model top = MobileNet(g3, {.input_shape = {192, 192, 3}});
        CHECK(top.count_params() == 4'253'864);
        CHECK(top.name().view() == "mobilenet_1.00_192");
    }
    SUBCASE("classes=10: 3,228,864 + (1024*10 + 10)")
    {
        Graph g;
        const Model m = MobileNet(g, {.classes = 10});
        CHECK(m.count_params() == 3'239'114);
        CHECK(m.output_shape() == Shape{None, 10});
    }
}

TEST_CASE("MobileNet: alpha and depth_multiplier")
{
    SUBCASE("alpha=0.5 [table]: 829,536 without the top, + (512*1000 + 1000) with it")
    {
        Graph g;
        const Model m = MobileNet(g, {.alpha = 0.5});
        // Every channel count halves exactly, so the moving statistics are 21,888 / 2.
        CHECK(m.params() == Params{1'342'536 - 10'944, 10'944});
        CHECK(m.name().view() == "mobilenet_0.50_224");
        Graph g2;
        const Model no_top = MobileNet(g2, {.include_top = false, .input_shape = {128, 128, 3}, .alpha = 0.5});
        CHECK(no_top.count_params() == 829'536);
        CHECK(no_top.output_shape() == Shape{None, 4, 4, 512});
    }
    SUBCASE("alpha=0.75 [table]: 1,832,976 without the top, + (768*1000 + 1000) with it")
    {
        Graph g;
        const Model m = MobileNet(g, {.alpha = 0.75});
        CHECK(m.params() == Params{2'601'976 - 16'416, 16'416}); // 21,888 * 3/4
        CHECK(m.name().view() == "mobilenet_0.75_224");
        Graph g2;
        CHECK(MobileNet(g2, {.include_top = false, .alpha = 0.75}).count_params() == 1'832'976);
    }
    SUBCASE("alpha=0.25 [table]: 218,544 without the top")
    {
        Graph g;
        const Model m = MobileNet(g, {.include_top = false, .alpha = 0.25});
        CHECK(m.count_params() == 218'544);
        CHECK(m.output_shape() == Shape{None, None, None, 256});
        CHECK(m.name().view() == "mobilenet_0.25_None");
    }
    SUBCASE("the name formats alpha as Python's f\"{alpha:0.2f}\" (round half to even on the binary value)")
    {
        Graph g;
        CHECK(MobileNet(g, {.include_top = false, .alpha = 0.125}).name().view() == "mobilenet_0.12_None");
        CHECK(MobileNet(g, {.include_top = false, .alpha = 0.375}).name().view() == "mobilenet_0.38_None");
        CHECK(MobileNet(g, {.include_top = false, .alpha = 1.005}).name().view() == "mobilenet_1.00_None");
    }
    SUBCASE("depth_multiplier=2")
    {
        // Each depthwise block's input c gives 2c channels: + 9c depthwise weights, + 2c BN weights
        // and 2c moving statistics, + c*f pointwise weights. Over the 13 blocks, sum c = 4,960 and
        // sum c*f = 3,139,584, so trainable + 11 * 4,960 + 3,139,584 = + 3,194,144, non-trainable
        // + 9,920.
        Graph g;
        const Model m = MobileNet(g, {.depth_multiplier = 2});
        CHECK(m.params() == Params{4'231'976 + 3'194'144, 21'888 + 9'920});
    }
}

TEST_CASE("MobileNet: rejected arguments")
{
    Graph g;
    CHECK_THROWS_AS(MobileNet(g, {.input_shape = {None, None, 3}}), shape_error); // the top needs a static size
    CHECK_THROWS_AS(MobileNet(g, {.include_top = false, .input_shape = {31, 64, 3}}), shape_error); // min 32
    CHECK_THROWS_AS(MobileNet(g, {.include_top = false, .input_shape = {64, 3}}), shape_error);
}

// ---- MobileNetV2 ----------------------------------------------------------------------------

TEST_CASE("MobileNetV2: Keras's default model [spec]")
{
    Graph g;
    const Model m = MobileNetV2(g);
    CHECK(m.params() == Params{3'504'872, 34'112});
    CHECK(m.count_params() == 3'538'984);
    CHECK(m.output_shape() == Shape{None, 1000});
    CHECK(m.name().view() == "mobilenetv2_1.00_224");
    // Input + Conv1 (3) + block 0 (5) + blocks 1-16 (8 each) + 4 pads + 10 Adds + Conv_1 (3) +
    // GAP + predictions = 1 + 3 + 5 + 128 + 4 + 10 + 3 + 2.
    REQUIRE(m.layers().size() == 156);
    CHECK(name_at(m, 1) == "Conv1");
    CHECK(name_at(m, 2) == "bn_Conv1");
    CHECK(name_at(m, 3) == "Conv1_relu");
    CHECK(name_at(m, 4) == "expanded_conv_depthwise");
    CHECK(name_at(m, 8) == "expanded_conv_project_BN");
    CHECK(name_at(m, 9) == "block_1_expand");
    CHECK(name_at(m, 12) == "block_1_pad");
    CHECK(shape_at(m, 12) == Shape{None, 113, 113, 96}); // 112 even: pad (0, 1)
    CHECK(name_at(m, 26) == "block_2_add");
    CHECK(name_at(m, 153) == "out_relu");
    CHECK(name_at(m, 154, keras3) == "global_average_pooling2d");
    CHECK(name_at(m, -1) == "predictions");
}

TEST_CASE("MobileNetV2: include_top=False, pooling, input_shape, classes")
{
    SUBCASE("no top: 3,538,984 - (1280*1000 + 1000) = 2,257,984 [table]")
    {
        Graph g;
        const Model m = MobileNetV2(g, {.include_top = false});
        CHECK(m.params() == Params{2'223'872, 34'112});
        CHECK(m.output_shape() == Shape{None, None, None, 1280});
        CHECK(m.layers().size() == 154);
        CHECK(name_at(m, -1) == "out_relu");
        CHECK(m.name().view() == "mobilenetv2_1.00_None");
    }
    SUBCASE("pooling max / avg")
    {
        Graph g;
        const Model max = MobileNetV2(g, {.include_top = false, .pooling = GlobalPool::max});
        CHECK(max.output_shape() == Shape{None, 1280});
        CHECK(max.layers().size() == 155);
        CHECK(name_at(max, -1, keras3) == "global_max_pooling2d");
        Graph g2;
        CHECK(MobileNetV2(g2, {.include_top = false, .pooling = GlobalPool::avg}).output_shape() == Shape{None, 1280});
    }
    SUBCASE("input_shape: correct_pad pads (0, 1) for an even size, (1, 1) for an odd one")
    {
        Graph g;
        // 96 -> Conv1 48 -> 24 -> 12 -> 6 -> 3
        const Model m = MobileNetV2(g, {.include_top = false, .input_shape = {96, 96, 3}});
        CHECK(m.output_shape() == Shape{None, 3, 3, 1280});
        CHECK(m.name().view() == "mobilenetv2_1.00_96");
        Graph g2;
        // 97 -> Conv1 49 -> pad 51 -> 25 -> pad 27 -> 13 -> pad 15 -> 7 -> pad 9 -> 4
        const Model odd = MobileNetV2(g2, {.include_top = false, .input_shape = {97, 97, 3}});
        CHECK(odd.output_shape() == Shape{None, 4, 4, 1280});
        CHECK(shape_at(odd, 12) == Shape{None, 51, 51, 96});
    }
    SUBCASE("classes=5: 2,257,984 + (1280*5 + 5)")
    {
        Graph g;
        const Model m = MobileNetV2(g, {.classes = 5});
        CHECK(m.count_params() == 2'264'389);
        CHECK(m.output_shape() == Shape{None, 5});
    }
}

TEST_CASE("MobileNetV2: alpha, with Keras's _make_divisible [table]")
{
    const auto no_top = [](double alpha) {
        Graph g;
        return MobileNetV2(g, {.include_top = false, .alpha = alpha}).count_params();
    };
    CHECK(no_top(0.35) == 410'208);
    CHECK(no_top(0.5) == 706'224);
    CHECK(no_top(0.75) == 1'382'064);
    CHECK(no_top(1.3) == 3'766'048);
    CHECK(no_top(1.4) == 4'363'712);
    Graph g;
    const Model half = MobileNetV2(g, {.alpha = 0.5});
    CHECK(half.count_params() == 706'224 + 1'281'000); // 1280 features below alpha 1
    CHECK(half.name().view() == "mobilenetv2_0.50_224");
    Graph g2;
    CHECK(MobileNetV2(g2, {.alpha = 0.75}).count_params() == 1'382'064 + 1'281'000);
    Graph g3;
    const Model wide = MobileNetV2(g3, {.alpha = 1.4});
    CHECK(wide.count_params() == 4'363'712 + 1792 * 1000 + 1000); // _make_divisible(1280 * 1.4) = 1792
    CHECK(wide.name().view() == "mobilenetv2_1.40_224");
    Graph g4;
    CHECK(MobileNetV2(g4, {.include_top = false, .input_shape = {224, 224, 3}, .alpha = 1.3}).output_shape() ==
          Shape{None, 7, 7, 1664});
}

TEST_CASE("MobileNetV2: rejected arguments")
{
    Graph g;
    CHECK_THROWS_AS(MobileNetV2(g, {.input_shape = {None, None, 3}}), shape_error);
    CHECK_THROWS_AS(MobileNetV2(g, {.include_top = false, .input_shape = {16, 16, 3}}), shape_error);
}

// ---- MobileNetV3 ----------------------------------------------------------------------------

TEST_CASE("MobileNetV3Large: Keras 3's default model [spec, torch]")
{
    Graph g;
    const Model m = MobileNetV3Large(g);
    CHECK(m.params() == Params{5'483'032, 5'507'432 - 5'483'032});
    CHECK(m.output_shape() == Shape{None, 1000});
    CHECK(m.name().view() == "MobileNetV3Large");
    CHECK(shape_at(m, 0) == Shape{None, None, None, 3}); // no default size, even with the top
    // Stem: input, rescaling, conv, conv_bn, activation (5). Blocks (expand 3, pad 1 when strided,
    // depthwise 3, squeeze-excite 6, project 2, add 1): 6, 9, 9, 15, 15, 15, 9, 9, 9, 9, 14, 15, 15,
    // 15, 15 = 179. conv_1 (3). Top: GAP, conv_2, activation, dropout, logits, flatten, predictions.
    // 5 + 179 + 3 + 7 = 194.
    REQUIRE(m.layers().size() == 194);
    CHECK(name_at(m, 1, keras3) == "rescaling");
    CHECK(name_at(m, 2) == "conv");
    CHECK(name_at(m, 4, keras3) == "activation"); // hard_swish: Activation("hard_swish")
    CHECK(m.layers()[4].get_if<Activation>()->activation == "hard_swish");
    CHECK(name_at(m, 5) == "expanded_conv_depthwise");
    CHECK(name_at(m, 10) == "expanded_conv_add");
    CHECK(name_at(m, 11) == "expanded_conv_1_expand");
    CHECK(name_at(m, 14) == "expanded_conv_1_depthwise_pad");
    CHECK(name_at(m, 185) == "conv_1_bn");
    CHECK(name_at(m, 188) == "conv_2");
    CHECK(name_at(m, 190, keras3) == "dropout");
    CHECK(name_at(m, 192, keras3) == "flatten");
    CHECK(name_at(m, -1) == "predictions");
}

TEST_CASE("MobileNetV3Large: squeeze-excite and Keras 3's hard_sigmoid")
{
    Graph g;
    const Model m = MobileNetV3Large(g);
    // Block 3 (the first with squeeze-excite): expand, expand_bn, re_lu, depthwise_pad, depthwise,
    // depthwise_bn, re_lu, then the squeeze-excite block from index 36.
    CHECK(name_at(m, 29) == "expanded_conv_3_expand");
    CHECK(name_at(m, 36) == "expanded_conv_3_squeeze_excite_avg_pool");
    CHECK(shape_at(m, 36) == Shape{None, 1, 1, 72});
    CHECK(name_at(m, 37) == "expanded_conv_3_squeeze_excite_conv");
    CHECK(m.layers()[37].count_params() == 72 * 24 + 24); // _depth(72 * 0.25) = 24
    CHECK(name_at(m, 38) == "expanded_conv_3_squeeze_excite_relu");
    CHECK(name_at(m, 39) == "expanded_conv_3_squeeze_excite_conv_1");
    // hard_sigmoid = ReLU(6.)(x + 3.0) * (1/6): the ReLU(6.) is the only layer Keras 3 lists.
    CHECK(m.layers()[40].is<ReLU>());
    CHECK(m.layers()[40].get_if<ReLU>()->max_value == 6.0);
    CHECK(name_at(m, 41) == "expanded_conv_3_squeeze_excite_mul");
}

TEST_CASE("MobileNetV3Large: include_top=False, pooling, input_shape, classes, flags")
{
    SUBCASE("no top: 5,507,432 - (960*1280 + 1280) - (1280*1000 + 1000) = 2,996,352 [summary]")
    {
        Graph g;
        const Model m = MobileNetV3Large(g, {.include_top = false});
        CHECK(m.params() == Params{2'996'352 - 24'400, 24'400});
        CHECK(m.output_shape() == Shape{None, None, None, 960});
        CHECK(m.layers().size() == 187);
        Graph g2;
        CHECK(MobileNetV3Large(g2, {.include_top = false, .input_shape = {224, 224, 3}}).output_shape() ==
              Shape{None, 7, 7, 960});
    }
    SUBCASE("pooling avg is named avg_pool")
    {
        Graph g;
        const Model m = MobileNetV3Large(g, {.include_top = false, .pooling = GlobalPool::avg});
        CHECK(m.output_shape() == Shape{None, 960});
        CHECK(m.layers().size() == 188);
        CHECK(name_at(m, -1) == "avg_pool");
    }
    SUBCASE("input_shape 100x100: strided k3 blocks pad (0,1) even / (1,1) odd, k5 blocks (1,2) / (2,2)")
    {
        // 100 -> conv 50 -> block 1 (k3): 51 -> 25 -> block 3 (k5): 29 -> 13 -> block 6 (k3): 15 -> 7
        // -> block 12 (k5): 11 -> 4
        Graph g;
        const Model m = MobileNetV3Large(g, {.include_top = false, .input_shape = {100, 100, 3}});
        CHECK(m.output_shape() == Shape{None, 4, 4, 960});
        Graph g2;
        CHECK(MobileNetV3Large(g2, {.input_shape = {100, 100, 3}}).count_params() == 5'507'432);
    }
    SUBCASE("classes=10: 5,507,432 - 1,281,000 + (1280*10 + 10)")
    {
        Graph g;
        const Model m = MobileNetV3Large(g, {.classes = 10});
        CHECK(m.count_params() == 4'239'242);
        CHECK(m.output_shape() == Shape{None, 10});
    }
    SUBCASE("include_preprocessing=False drops the Rescaling, dropout_rate=0 the Dropout")
    {
        Graph g;
        const Model m = MobileNetV3Large(g, {.include_preprocessing = false, .dropout_rate = 0});
        CHECK(m.layers().size() == 192);
        CHECK(name_at(m, 1) == "conv");
        CHECK(m.count_params() == 5'507'432);
    }
    SUBCASE("minimalistic: 3x3 kernels, ReLU, no squeeze-excite")
    {
        // Derived from Keras's block table: blocks 3-5 and 12-14 lose 16 depthwise weights per
        // expanded channel (5x5 -> 3x3): 16 * (72 + 120 + 120 + 672 + 960 + 960) = 46,464; the
        // squeeze-excite blocks (3, 4, 5, 10, 11, 12, 13, 14; filters x, _depth(x / 4) = s,
        // 2xs + s + x weights) go: 3,552 + 2 * 7,832 + 115,800 + 2 * 226,632 + 2 * 462,000 =
        // 1,512,280. 5,507,432 - 46,464 - 1,512,280 = 3,948,688; BatchNormalization is unchanged.
        Graph g;
        const Model m = MobileNetV3Large(g, {.minimalistic = true});
        CHECK(m.params() == Params{3'948'688 - 24'400, 24'400});
        CHECK(m.layers().size() == 194 - 8 * 6);
        CHECK(m.layers()[4].is<ReLU>());
    }
}

TEST_CASE("MobileNetV3Small: Keras 3's default model [spec, torch]")
{
    Graph g;
    const Model m = MobileNetV3Small(g);
    CHECK(m.params() == Params{2'542'856, 2'554'968 - 2'542'856});
    CHECK(m.output_shape() == Shape{None, 1000});
    CHECK(m.name().view() == "MobileNetV3Small");
    // Stem 5. Blocks: 12 (pad, depthwise 3, squeeze-excite 6, project 2), 9, 9, 15, 15, 15, 14, 15,
    // 15, 15, 15 = 149. conv_1 3. Top 7. 5 + 149 + 3 + 7 = 164.
    REQUIRE(m.layers().size() == 164);
    CHECK(name_at(m, 5) == "expanded_conv_depthwise_pad");
    CHECK(shape_at(m, 5) == Shape{None, None, None, 16}); // correct_pad: ((1, 1), (1, 1)) for None
    CHECK(name_at(m, 8, keras3) == "re_lu"); // block 0 uses relu
    CHECK(name_at(m, 14) == "expanded_conv_squeeze_excite_mul");
    CHECK(name_at(m, 34) == "expanded_conv_2_add");
    CHECK(name_at(m, -1) == "predictions");
}

TEST_CASE("MobileNetV3Small: include_top=False, alpha, pooling")
{
    SUBCASE("no top: 2,554,968 - (576*1024 + 1024) - (1024*1000 + 1000) = 939,120 [table, summary]")
    {
        Graph g;
        const Model m = MobileNetV3Small(g, {.include_top = false, .input_shape = {224, 224, 3}});
        CHECK(m.params() == Params{939'120 - 12'112, 12'112});
        CHECK(m.output_shape() == Shape{None, 7, 7, 576});
        CHECK(m.layers().size() == 157);
        CHECK(name_at(m, -1, keras3) == "activation_17"); // conv_1's hard_swish
    }
    SUBCASE("alpha=0.75 [table]: 583,160 without the top; + (432*1024 + 1024) + (1024*1000 + 1000)")
    {
        Graph g;
        const Model m = MobileNetV3Small(g, {.include_top = false, .alpha = 0.75});
        CHECK(m.count_params() == 583'160);
        CHECK(m.output_shape() == Shape{None, None, None, 432});
        Graph g2;
        CHECK(MobileNetV3Small(g2, {.alpha = 0.75}).count_params() == 583'160 + 443'392 + 1'025'000);
    }
    SUBCASE("pooling max is named max_pool")
    {
        Graph g;
        const Model m = MobileNetV3Small(g, {.include_top = false, .pooling = GlobalPool::max});
        CHECK(m.output_shape() == Shape{None, 576});
        CHECK(name_at(m, -1) == "max_pool");
    }
    SUBCASE("input_shape: 32x32 at least when both sizes are known (Keras checks `rows and cols`)")
    {
        Graph g;
        CHECK_THROWS_AS(MobileNetV3Small(g, {.input_shape = {31, 31, 3}}), shape_error);
        CHECK_THROWS_AS(MobileNetV3Small(g, {.input_shape = {32, 3}}), shape_error);
        Graph g2;
        CHECK(MobileNetV3Small(g2, {.input_shape = {None, 31, 3}}).output_shape() == Shape{None, 1000});
    }
}

} // namespace unit_applications_mobilenet_test
