// Keras Applications: EfficientNetB0 to B7 (weights=None, channels_last).
// Sources of the expected numbers:
// - [spec] keras-semantics.md §8: EfficientNetB0 5,330,571 / 5,288,548 / 42,023.
// - [keras.io] the Keras Applications table (keras-team/keras-io, templates/api/applications/index.md):
//   totals of B0..B7.
// - [summary] a published tf.keras model.summary() of EfficientNetB0, B1, B7 (with their trainable /
//   non-trainable split) and of EfficientNetB2(input_shape=(96, 96, 3), include_top=False) inside a
//   Sequential: efficientnetb2 (None, 3, 3, 1408) 7,768,569, non-trainable 67,575.
// Layer counts are counted by hand from keras/src/applications/efficientnet.py (arithmetic below).
#include <doctest/doctest.h>
#include <nnshape/nnshape.hpp>
#include "../support.hpp"
#include <nnshape/applications/efficientnet.hpp>

#include <string>

namespace unit_applications_efficientnet_test {

using namespace nnshape;
using namespace nnshape::applications;

namespace {

// These tests name layers as Keras 3 does.
std::string name_at(const Model& m, std::ptrdiff_t i) { return test::name_at(m, i, keras3); }

Shape input_of(const Model& m) { return (*m.layers()[0].output_shapes())[0]; }

// B0's top: Dense(1280 -> 1000) = 1280 * 1000 + 1000 = 1,281,000 weights.
constexpr std::int64_t b0_top = 1280 * 1000 + 1000;

} // namespace

TEST_CASE("EfficientNetB0: Keras's counts, layers and names")
{
    Graph g;
    const Model m = EfficientNetB0(g);
    CHECK(m.params() == Params{5'288'548, 42'023}); // [spec], [summary]
    CHECK(m.output_shape() == Shape{None, 1000});
    CHECK(m.name().view() == "efficientnetb0");
    // Input, Rescaling, Normalization, stem (pad, conv, bn, activation): 7. Blocks: 1a has no
    // expansion and no skip (10 layers); the stride-2 first blocks 2a, 3a, 4a, 6a have expansion (3),
    // dwconv_pad + dwconv, bn, activation (4), squeeze-excite (5), projection (2): 14 each; 5a and 7a
    // have no pad: 13 each; the 9 repeated blocks add drop + add: 15 each. 10 + 56 + 26 + 135 = 227.
    // Top: top_conv, top_bn, top_activation, avg_pool, top_dropout, predictions: 6. Total 240.
    CHECK(m.layers().size() == 240);
    CHECK(name_at(m, 0) == "input_layer");
    CHECK(name_at(m, 1) == "rescaling");
    CHECK(name_at(m, 2) == "normalization");
    CHECK(name_at(m, 3) == "stem_conv_pad");
    CHECK(name_at(m, 4) == "stem_conv");
    CHECK(name_at(m, 7) == "block1a_dwconv");
    CHECK(name_at(m, 9) == "block1a_activation");
    CHECK(name_at(m, 10) == "block1a_se_squeeze");
    CHECK(name_at(m, 14) == "block1a_se_excite");
    CHECK(name_at(m, 17) == "block2a_expand_conv");
    CHECK(name_at(m, -4) == "top_activation");
    CHECK(name_at(m, -3) == "avg_pool");
    CHECK(name_at(m, -2) == "top_dropout");
    CHECK(name_at(m, -1) == "predictions");
    CHECK(m.layers()[2].is<Normalization>());
    CHECK(m.layers()[2].params() == Params{0, 7}); // mean and variance of 3 channels, and count
}

TEST_CASE("EfficientNetB0: include_top=False, pooling, input_shape, classes")
{
    {
        Graph g;
        const Model m = EfficientNetB0(g, {.include_top = false});
        // 5,330,571 - 1,281,000 (predictions); a published keras-applications summary of the same
        // base without the Rescaling/Normalization stem has 4,049,564 = this - 7.
        CHECK(m.params() == Params{5'288'548 - b0_top, 42'023});
        CHECK(m.output_shape() == Shape{None, None, None, 1280});
        CHECK(m.layers().size() == 240 - 3); // without avg_pool, top_dropout, predictions
        CHECK(name_at(m, -1) == "top_activation");
    }
    {
        Graph g;
        const Model m = EfficientNetB0(g, {.include_top = false, .pooling = GlobalPool::avg});
        CHECK(m.count_params() == 5'330'571 - b0_top);
        CHECK(m.output_shape() == Shape{None, 1280});
        CHECK(name_at(m, -1) == "avg_pool");
    }
    {
        Graph g;
        const Model m = EfficientNetB0(g, {.include_top = false, .pooling = GlobalPool::max});
        CHECK(m.output_shape() == Shape{None, 1280});
        CHECK(name_at(m, -1) == "max_pool");
    }
    {
        // correct_pad on odd sizes: 225 -> pad (1, 1) -> 227 -> stem 113; block2a (k3) 113 -> 115 -> 57;
        // block3a (k5) 57 -> 61 -> 29; block4a (k3) 29 -> 31 -> 15; block6a (k5) 15 -> 19 -> 8.
        Graph g;
        const Model m = EfficientNetB0(g, {.include_top = false, .input_shape = Shape{225, 225, 3}});
        CHECK(m.output_shape() == Shape{None, 8, 8, 1280});
        CHECK(m.count_params() == 5'330'571 - b0_top);
    }
    {
        Graph g;
        const Model m = EfficientNetB0(g, {.input_shape = Shape{256, 256, 3}, .classes = 10});
        CHECK(m.count_params() == 5'330'571 - b0_top + (1280 * 10 + 10));
        CHECK(m.output_shape() == Shape{None, 10});
    }
}

TEST_CASE("EfficientNetB0: rejected arguments")
{
    Graph g;
    CHECK_THROWS_AS(EfficientNetB0(g, {.input_shape = Shape{None, None, 3}}),
                    shape_error); // include_top needs a static shape
    CHECK_THROWS_AS(EfficientNetB0(g, {.include_top = false, .input_shape = Shape{31, 31, 3}}),
                    shape_error); // min_size 32
    CHECK_THROWS_AS(EfficientNetB0(g, {.include_top = false, .input_shape = Shape{64, 64}}), shape_error);
}

TEST_CASE("EfficientNetB1 and B7: Keras's counts")
{
    {
        Graph g;
        const Model m = EfficientNetB1(g);
        CHECK(m.params() == Params{7'794'184, 62'055}); // [summary]; total 7,856,239 [spec], [keras.io]
        CHECK(m.output_shape() == Shape{None, 1000});
        // Depth 1.1: repeats ceil(1.1 * (1, 2, 2, 3, 3, 4, 1)) = (2, 3, 3, 4, 4, 5, 2). 1a 10 layers,
        // 1b (no expansion, with skip) 12, first blocks of stages 2..7 82 as in B0, 15 repeated
        // blocks of 15: 329; + 7 stem + 6 top = 342.
        CHECK(m.layers().size() == 342);
        CHECK(name_at(m, 17) == "block1b_dwconv");
        CHECK(m.name().view() == "efficientnetb1");
    }
    {
        Graph g;
        const Model m = EfficientNetB7(g);
        CHECK(m.params() == Params{66'347'960, 310'727}); // [summary]; total 66,658,687 [spec], [keras.io]
        CHECK(m.output_shape() == Shape{None, 1000});
        CHECK(input_of(m) == Shape{None, 600, 600, 3}); // default_size 600
    }
}

TEST_CASE("EfficientNetB2 to B6: Keras's totals")
{
    {
        Graph g;
        const Model m = EfficientNetB2(g);
        // total [keras.io]; non-trainable 67,575 [summary] (the top has no non-trainable weights)
        CHECK(m.params() == Params{9'177'569 - 67'575, 67'575});
        CHECK(input_of(m) == Shape{None, 260, 260, 3});
    }
    {
        // [summary]: EfficientNetB2(input_shape=(96, 96, 3), include_top=False): (None, 3, 3, 1408),
        // 7,768,569 = 9,177,569 - (1408 * 1000 + 1000); 96 / 32 = 3.
        Graph g;
        const Model m = EfficientNetB2(g, {.include_top = false, .input_shape = Shape{96, 96, 3}});
        CHECK(m.params() == Params{7'768'569 - 67'575, 67'575});
        CHECK(m.output_shape() == Shape{None, 3, 3, 1408});
    }
    Graph g;
    CHECK(EfficientNetB3(g).count_params() == 12'320'535); // [keras.io]
    CHECK(EfficientNetB4(g).count_params() == 19'466'823); // [keras.io]
    CHECK(EfficientNetB5(g).count_params() == 30'562'527); // [keras.io]
    CHECK(EfficientNetB6(g).count_params() == 43'265'143); // [keras.io]
}

TEST_CASE("EfficientNet: round_filters and round_repeats as Keras computes them")
{
    using namespace nnshape::applications::detail::efficientnet;
    // int(32 * 1.1 + 4) // 8 * 8 = 32 (35.2 -> 32 is within 10%); 1280 * 1.1 = 1408; 1280 * 1.8 = 2304.
    CHECK(round_filters(32, 1.1) == 32);
    CHECK(round_filters(1280, 1.1) == 1408);
    CHECK(round_filters(16, 1.8) == 32); // 28.8 -> int(32.8) // 8 * 8 = 32
    CHECK(round_filters(1280, 1.8) == 2304);
    CHECK(round_repeats(1, 1.1) == 2);
    CHECK(round_repeats(4, 3.1) == 13); // ceil(12.4)
    CHECK(round_repeats(3, 1.0) == 3);
}

} // namespace unit_applications_efficientnet_test
