// Keras Applications: NASNetMobile and NASNetLarge (weights=None).
// Sources of the expected numbers:
// - [spec] keras-semantics.md §8: NASNetMobile 5,326,716 / 5,289,978 / 36,738, 751 (Keras 2.1) or
//   771 layers; with (None, None, 3) input Keras 2.1 built 5,324,604 / 5,287,954 / 36,650 (its
//   _adjust_block skips a projection when both spatial dims are None).
// - [keras.io] the Keras Applications table: NASNetMobile 5,326,716, NASNetLarge 88,949,818.
// - [summary] a published tf.keras model.summary(): NASNetLarge 88,949,818 / 88,753,150 / 196,668.
// Layer counts are counted by hand from keras/src/applications/nasnet.py (arithmetic below).
#include <doctest/doctest.h>
#include <nnshape/nnshape.hpp>
#include "../support.hpp"
#include <nnshape/applications/nasnet.hpp>

#include <string>

namespace unit_applications_nasnet_test {

using namespace nnshape;
using namespace nnshape::applications;

namespace {

// These tests name layers as Keras 3 does.
std::string name_at(const Model& m, std::ptrdiff_t i) { return test::name_at(m, i, keras3); }

// The tops: Dense(1056 -> 1000) and Dense(4032 -> 1000).
constexpr std::int64_t mobile_top = 1056 * 1000 + 1000;
constexpr std::int64_t large_top = 4032 * 1000 + 1000;

} // namespace

// Layers per piece of nasnet.py: a separable conv block 6 (+1 ZeroPadding2D when strided); a normal
// cell 3 + 5 * 6 + 5 adds + 3 pools + concat = 42; a reduction cell 3 + 1 pad + 5 * 6 + 4 pads +
// 4 pools + 5 adds + concat = 48; plus _adjust_block: 9 (factorized reduction), 3 (projection) or 0.
TEST_CASE("NASNetMobile: Keras's counts, layers and names")
{
    Graph g;
    const Model m = NASNetMobile(g);
    CHECK(m.params() == Params{5'289'978, 36'738}); // [spec], [keras.io]
    CHECK(m.output_shape() == Shape{None, 1000});
    CHECK(m.name().view() == "nasnet_mobile");
    // Input + stem 2; stem_1 48, stem_2 48 + 9; each stack of 4 normal cells: one with a reduction
    // adjust (51) and three projections (45): 186; reduce_4 and reduce_8 with projections: 51 each;
    // relu, avg pool, predictions: 3. 1 + 2 + 48 + 57 + 3 * 186 + 2 * 51 + 3 = 771 (Keras 2.1's 751
    // lacked the 5 correct_pad ZeroPadding2D layers of each of the 4 reduction cells).
    CHECK(m.layers().size() == 771);
    CHECK(name_at(m, 0) == "input_layer");
    CHECK(name_at(m, 1) == "stem_conv1");
    CHECK(name_at(m, 2) == "stem_bn1");
    CHECK(name_at(m, -3) == "activation_187"); // unnamed Activation layers, Keras 3 numbering
    CHECK(name_at(m, -2) == "global_average_pooling2d");
    CHECK(name_at(m, -1) == "predictions");
    CHECK(m.layers()[3].is<Activation>());
    bool found = false;
    for (const LayerView& l : m.layers()) {
        if (l.name().view() == "separable_conv_1_pad_reduction_left1_stem_1") {
            found = true;
            CHECK(l.is<ZeroPadding2D>());
            CHECK(*l.output_shapes() ==
                  Shapes{Shape{None, 115, 115, 11}}); // 111 + 2 + 2 (odd: no adjust), 44 // 4 filters
        }
        if (l.name().view() == "adjust_conv_projection_1")
            CHECK(l.params() == Params{88 * 44}); // stem_2 output (4 * 22 channels) to 44
        if (l.name().view() == "normal_concat_12") CHECK(*l.output_shapes() == Shapes{Shape{None, 7, 7, 1056}});
    }
    CHECK(found);
}

TEST_CASE("NASNetMobile: include_top=False, pooling, input_shape, classes")
{
    {
        // Keras 3 / tf.keras: no input_shape without the top means (224, 224, 3), all dims known.
        Graph g;
        const Model m = NASNetMobile(g, {.include_top = false});
        CHECK(m.params() == Params{5'289'978 - mobile_top, 36'738});
        CHECK(m.output_shape() == Shape{None, 7, 7, 1056});
        CHECK(m.layers().size() == 771 - 2); // the relu stays
    }
    {
        Graph g;
        const Model m = NASNetMobile(g, {.include_top = false, .pooling = GlobalPool::avg});
        CHECK(m.output_shape() == Shape{None, 1056});
        CHECK(name_at(m, -1) == "global_average_pooling2d");
    }
    {
        Graph g;
        const Model m = NASNetMobile(g, {.include_top = false, .pooling = GlobalPool::max});
        CHECK(m.output_shape() == Shape{None, 1056});
        CHECK(name_at(m, -1) == "global_max_pooling2d");
    }
    {
        // [spec]'s None case without the top: 5,324,604 - 1,057,000 and 5,287,954 - 1,057,000.
        // Layers: stem_2's and cells 5 and 9's reductions become projections (-6 each) and cell 0
        // needs none (-9): 769 - 27 = 742.
        Graph g;
        const Model m = NASNetMobile(g, {.include_top = false, .input_shape = Shape{None, None, 3}});
        CHECK(m.params() == Params{5'287'954 - mobile_top, 36'650});
        CHECK(m.output_shape() == Shape{None, None, None, 1056});
        CHECK(m.layers().size() == 742);
    }
    {
        // 331: stem (331 - 3) / 2 + 1 = 165; odd sizes pad k // 2 each side: 165 -> 83 -> 42; even
        // sizes pad one less before: 42 -> 21 -> 11.
        Graph g;
        const Model m = NASNetMobile(g, {.include_top = false, .input_shape = Shape{331, 331, 3}});
        CHECK(m.output_shape() == Shape{None, 11, 11, 1056});
        CHECK(m.count_params() == 5'326'716 - mobile_top);
    }
    {
        Graph g;
        const Model m = NASNetMobile(g, {.classes = 10});
        CHECK(m.count_params() == 5'326'716 - mobile_top + (1056 * 10 + 10));
        CHECK(m.output_shape() == Shape{None, 10});
    }
}

TEST_CASE("NASNetMobile: rejected arguments")
{
    Graph g;
    CHECK_THROWS_AS(NASNetMobile(g, {.input_shape = Shape{None, None, 3}}),
                    shape_error); // include_top needs a static shape
    CHECK_THROWS_AS(NASNetMobile(g, {.include_top = false, .input_shape = Shape{31, 31, 3}}),
                    shape_error); // min_size 32
}

TEST_CASE("NASNetLarge: Keras's counts and layers")
{
    {
        Graph g;
        const Model m = NASNetLarge(g);
        CHECK(m.params() == Params{88'753'150, 196'668}); // [summary]; total [keras.io], [spec]
        CHECK(m.output_shape() == Shape{None, 1000});
        CHECK(m.name().view() == "nasnet_large");
        // 1 + 2 + 48 + 57; three stacks of 6 cells: 51 + 5 * 45 = 276 each; reduce_6 and reduce_12
        // with projections (skip_reduction keeps the older path): 51 each; 3 at the top. 1041.
        CHECK(m.layers().size() == 1041);
        CHECK(name_at(m, 1) == "stem_conv1");
        CHECK(name_at(m, -1) == "predictions");
    }
    {
        // No input_shape without the top: (None, None, 3) (Keras has no NASNetLarge default there),
        // so cell 0 skips its adjustment: 2 * 168 * 84 conv weights and a BatchNormalization of 168
        // channels (336 trainable, 336 non-trainable) fewer: 88,949,818 - 4,033,000 - 28,896.
        // Layers: 1041 - 2 (top) - 6 - 9 - 6 - 6 = 1012.
        Graph g;
        const Model m = NASNetLarge(g, {.include_top = false});
        CHECK(m.params() == Params{88'753'150 - large_top - (2 * 168 * 84 + 336), 196'668 - 336});
        CHECK(m.output_shape() == Shape{None, None, None, 4032});
        CHECK(m.layers().size() == 1012);
    }
    {
        // With a static input the counts are the full model's less the top; 331 -> 165 -> 83 -> 42
        // -> 21 -> 11.
        Graph g;
        const Model m =
            NASNetLarge(g, {.include_top = false, .input_shape = Shape{331, 331, 3}, .pooling = GlobalPool::avg});
        CHECK(m.params() == Params{88'753'150 - large_top, 196'668});
        CHECK(m.output_shape() == Shape{None, 4032});
    }
}

} // namespace unit_applications_nasnet_test
