// Keras Applications: ConvNeXtTiny, Small, Base, Large, XLarge (keras/src/applications/convnext.py).
//
// Expected totals. No published Keras `model.summary()` with the exact ConvNeXt totals was found;
// keras.io's applications table gives them rounded: 28.6M (Tiny), 50.2M, 88.5M, 197.7M, 350.1M. The
// exact numbers used here are the published totals of the same architecture in the official
// PyTorch implementations (torchvision / timm, whose weights Keras converted tensor for tensor):
// torchsummary of torchvision's convnext_tiny "Total params: 28,589,128 / Trainable params:
// 28,589,128 / Non-trainable params: 0", convnext_small 50,223,688, convnext_base 88,591,464,
// convnext_large 197,767,336, and timm's convnext_xlarge 350,196,968. They agree with Keras's layers
// as the source builds them, Normalization having no weights when mean and variance are given:
// per block of width d, 49d + d (depthwise) + 2d (LayerNorm) + 4d^2 + 4d + 4d^2 + d (Dense) + d
// (LayerScale) = 8d^2 + 58d; e.g. Tiny = 4,896 (stem) + 3 x 79,296 + 74,112 + 3 x 306,048 + 295,680
// + 9 x 1,201,920 + 1,181,184 + 3 x 4,763,136 + 1,536 + 769,000 (head) = 28,589,128.
// Without the top: minus the head Dense (768 * 1000 + 1000); the head's LayerNormalization is
// replaced by the unnamed one Keras adds, with the same 2 * 768 weights.
//
// Layer counts: Keras 3's len(model.layers) for Tiny is 135 (input, normalization, stem, 18 blocks
// x 7 layers, 3 downsampling blocks, 3 head layers); nnshape lists the 18 residual additions as Add
// layers (Keras 3's summary lists them as `add` operations, tf.keras as TFOpLambda layers): 153.
#include <doctest/doctest.h>
#include <nnshape/nnshape.hpp>
#include "../support.hpp"
#include <nnshape/applications/convnext.hpp>

#include <cstdint>
#include <string>

namespace unit_applications_convnext_test {

using namespace nnshape;
using namespace nnshape::applications;
using nnshape::test::name_at;

namespace {

} // namespace

TEST_CASE("ConvNeXtTiny: counts, output shape, layers and names")
{
    Graph g;
    const Model m = ConvNeXtTiny(g);
    CHECK(m.params() == Params{28'589'128, 0});
    CHECK(m.output_shape() == Shape{None, 1000});
    CHECK(m.name().view() == "convnext_tiny");
    CHECK(m.layers().size() == 153);

    CHECK(m.layers()[0].is<InputLayer>());
    CHECK(name_at(m, 1) == "convnext_tiny_prestem_normalization");
    CHECK(m.layers()[1].is<Normalization>());
    CHECK(m.layers()[1].params() == Params{}); // mean and variance given: no weights, as in Keras

    CHECK(name_at(m, 2) == "convnext_tiny_stem");
    CHECK(m.layers()[2].is_model());
    CHECK(m.layers()[2].params() == Params{4 * 4 * 3 * 96 + 96 + 2 * 96});
    CHECK(m.layers()[2].output_shapes() == Shapes{Shape{None, 56, 56, 96}});

    CHECK(name_at(m, 3) == "convnext_tiny_stage_0_block_0_depthwise_conv");
    CHECK(m.layers()[3].params() == Params{7 * 7 * 96 + 96});
    CHECK(name_at(m, 4) == "convnext_tiny_stage_0_block_0_layernorm");
    CHECK(name_at(m, 5) == "convnext_tiny_stage_0_block_0_pointwise_conv_1");
    CHECK(m.layers()[5].output_shapes() == Shapes{Shape{None, 56, 56, 384}});
    CHECK(name_at(m, 6) == "convnext_tiny_stage_0_block_0_gelu");
    CHECK(name_at(m, 7) == "convnext_tiny_stage_0_block_0_pointwise_conv_2");
    CHECK(name_at(m, 8) == "convnext_tiny_stage_0_block_0_layer_scale");
    CHECK(m.layers()[8].is<LayerScale>());
    CHECK(m.layers()[8].class_name() == "LayerScale");
    CHECK(m.layers()[8].params() == Params{96});
    CHECK(name_at(m, 9) == "convnext_tiny_stage_0_block_0_identity");
    CHECK(m.layers()[10].is<Add>());
    CHECK(m.layers()[10].name(keras3).view() == "add");
    CHECK(name_at(m, 11) == "convnext_tiny_stage_0_block_1_depthwise_conv");

    // After the stem's three blocks (3 + 3 * 8 = 27): downsampling block 0, to 28x28x192.
    CHECK(name_at(m, 27) == "convnext_tiny_downsampling_block_0");
    CHECK(m.layers()[27].params() == Params{2 * 96 + 2 * 2 * 96 * 192 + 192});
    CHECK(m.layers()[27].output_shapes() == Shapes{Shape{None, 28, 28, 192}});
    CHECK(name_at(m, 28) == "convnext_tiny_stage_1_block_0_depthwise_conv");
    CHECK(m.layers()[149].name(keras3).view() == "add_17"); // the 18th residual addition, unnamed in Keras
    CHECK(m.layers()[149].is<Add>());
    CHECK(m.layers()[149].output_shapes() == Shapes{Shape{None, 7, 7, 768}});
    CHECK(name_at(m, 150) == "convnext_tiny_head_gap");
    CHECK(name_at(m, 151) == "convnext_tiny_head_layernorm");
    CHECK(name_at(m, 152) == "convnext_tiny_head_dense");
}

TEST_CASE("ConvNeXt Small, Base, Large, XLarge: counts")
{
    Graph g;
    // 36 blocks: 1 + 1 + 1 + 36 * 8 + 3 + 3 = 297 (Keras 3's len(model.layers): 297 - 36 = 261).
    const Model small = ConvNeXtSmall(g);
    CHECK(small.params() == Params{50'223'688, 0});
    CHECK(small.output_shape() == Shape{None, 1000});
    CHECK(small.layers().size() == 297);
    CHECK(small.name().view() == "convnext_small");
    CHECK(small.layers()[296].name().view() == "convnext_small_head_dense");

    const Model base = ConvNeXtBase(g);
    CHECK(base.params() == Params{88'591'464, 0});
    CHECK(base.layers().size() == 297);
    CHECK(base.layers()[2].name().view() == "convnext_base_stem");

    const Model large = ConvNeXtLarge(g);
    CHECK(large.params() == Params{197'767'336, 0});
    CHECK(large.output_shape() == Shape{None, 1000});

    const Model xlarge = ConvNeXtXLarge(g);
    CHECK(xlarge.params() == Params{350'196'968, 0});
    CHECK(xlarge.name().view() == "convnext_xlarge");
    CHECK(xlarge.layers()[295].name().view() == "convnext_xlarge_head_layernorm");
}

TEST_CASE("ConvNeXt: include_top=False, pooling, input_shape, include_preprocessing, classes")
{
    Graph g;
    // No top: 28,589,128 - (768 * 1000 + 1000) = 27,820,128; Keras's unnamed LayerNormalization
    // on the 7x7x768 map (or the pooled vector) closes the model.
    const Model features = ConvNeXtTiny(g, {.include_top = false});
    CHECK(features.params() == Params{27'820'128, 0});
    CHECK(features.output_shape() == Shape{None, None, None, 768});
    CHECK(features.layers().size() == 151);
    CHECK(features.layers().back().is<LayerNormalization>());
    CHECK(features.layers().back().name(keras3).view() == "layer_normalization");

    const Model avg = ConvNeXtTiny(g, {.include_top = false, .pooling = GlobalPool::avg});
    CHECK(avg.params() == Params{27'820'128, 0});
    CHECK(avg.output_shape() == Shape{None, 768});
    CHECK(avg.layers().size() == 152);
    CHECK(avg.layers()[150].is<GlobalAveragePooling2D>());

    const Model max = ConvNeXtSmall(g, {.include_top = false, .pooling = GlobalPool::max});
    CHECK(max.params() == Params{50'223'688 - 769'000, 0});
    CHECK(max.output_shape() == Shape{None, 768});
    CHECK(max.layers()[294].is<GlobalMaxPooling2D>());

    // 200x200: stem 4/4 -> 50, then three 2/2 downsamplings: 25, 12, 6.
    const Model in200 = ConvNeXtTiny(g, {.include_top = false, .input_shape = Shape{200, 200, 3}});
    CHECK(in200.output_shape() == Shape{None, 6, 6, 768});
    // The minimum, 32x32: 8, 4, 2, 1.
    const Model in32 = ConvNeXtBase(g, {.include_top = false, .input_shape = Shape{32, 32, 3}});
    CHECK(in32.output_shape() == Shape{None, 1, 1, 1024});
    CHECK(in32.count_params() == 88'591'464 - 1'025'000);

    // Without the Normalization layer: one layer fewer, no weights fewer.
    const Model raw = ConvNeXtTiny(g, {.include_preprocessing = false});
    CHECK(raw.params() == Params{28'589'128, 0});
    CHECK(raw.layers().size() == 152);
    CHECK(raw.layers()[1].name().view() == "convnext_tiny_stem");

    // One channel: Keras adds the Normalization only for 3 channels; the stem convolution has
    // 4*4*1*96 + 96 weights instead of 4*4*3*96 + 96 (3,072 fewer).
    const Model gray = ConvNeXtTiny(g, {.include_top = false, .input_shape = Shape{64, 64, 1}});
    CHECK(gray.params() == Params{27'820'128 - 3'072, 0});
    CHECK(gray.layers().size() == 150);
    CHECK(gray.output_shape() == Shape{None, 2, 2, 768});

    // classes: the head Dense alone changes, 768 * 10 + 10 weights.
    const Model ten = ConvNeXtTiny(g, {.classes = 10});
    CHECK(ten.params() == Params{28'589'128 - 769'000 + 7'690, 0});
    CHECK(ten.output_shape() == Shape{None, 10});
}

TEST_CASE("ConvNeXt: rejected arguments, LayerScale's rule")
{
    Graph g;
    // include_top needs a static input shape (Keras's obtain_input_shape).
    CHECK_THROWS_AS((void)ConvNeXtTiny(g, {.input_shape = Shape{None, None, 3}}), shape_error);
    // Smaller than min_size 32.
    CHECK_THROWS_AS((void)ConvNeXtTiny(g, {.include_top = false, .input_shape = Shape{64, 16, 3}}), shape_error);

    auto x = Input(g, {.shape = Shape{7, 7, 96}});
    CHECK(LayerScale{.init_values = 1e-6, .projection_dim = 96}(x).shape() == Shape{None, 7, 7, 96});
    CHECK_THROWS_AS((void)(LayerScale{.init_values = 1e-6, .projection_dim = 64}(x)), shape_error);
}

} // namespace unit_applications_convnext_test
