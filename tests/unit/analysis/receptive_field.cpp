// Receptive fields (nnshape/analysis/receptive_field.hpp). Expected numbers come from:
// - [D]  Araujo, Norris and Sim, "Computing Receptive Fields of Convolutional Neural Networks",
//        Distill 2019, https://distill.pub/2019/computing-receptive-fields/ : its recurrences
//        r' = r + (k - 1) S, S' = s S, P' = P + p S (forward form of its eqs. for r, S, P), its
//        appendix (dilation: k -> d (k - 1) + 1), its aligned two-path example, and its table
//        "receptive fields of modern networks" (vgg_16 212/32/90, mobilenet_v1 315/32/126,
//        resnet_v1_50 483/32/239, inception_v3 1311/32/618);
// - [T]  the end-point table the article links for intermediate layers, computed by the article's
//        library on the same TF-Slim models: receptive_field/RECEPTIVE_FIELD_TABLE.md in
//        github.com/google-research/receptive_field (rows at resolution 224 and None);
// - [NB] that repository's RF_Keras_Applications.ipynb, which runs the library on
//        tf.keras.applications.InceptionV3: conv2d_85 (mixed10's first 1x1, fed by mixed9) 1183/32/554;
// - Keras's layer definitions and TensorFlow's documented 'SAME' padding (total max(k - s, 0) when the
//   length divides by s, else max(k - L % s, 0), left gets the floor of half), with the arithmetic
//   written out below.
#include <doctest/doctest.h>
#include <nnshape/analysis/receptive_field.hpp>
#include <nnshape/applications/inception.hpp>
#include <nnshape/applications/mobilenet.hpp>
#include <nnshape/applications/resnet.hpp>
#include <nnshape/applications/vgg.hpp>
#include <nnshape/nnshape.hpp>

#include "../check.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string_view>

namespace unit_analysis_receptive_field_test {

using namespace nnshape;
using namespace nnshape::applications;

namespace {

constexpr AxisField mixed{None, None, std::nullopt};

// The field along `axes` is `want` on each of them.
constexpr bool has(const std::optional<ReceptiveField>& f, std::initializer_list<std::size_t> axes, AxisField want)
{
    if (!f) return false;
    for (std::size_t a : axes)
        if (!((*f)[a] == want)) return false;
    return (*f)[0] == AxisField{};
}

// Two 3x3 valid convolutions: r = 1 + 2 + 2 = 5, S = 1, P = 0 [D, r0 = sum (k_l - 1) prod s + 1];
// each output channel mixes every input channel.
constexpr bool two_convolutions()
{
    Graph g;
    auto in = Input(g, {.shape = Shape{32, 32, 3}});
    auto x = Conv2D{.filters = 4, .kernel_size = 3, .name = "first"}(in);
    x = Conv2D{.filters = 4, .kernel_size = 3, .name = "second"}(x);
    const Model m{in, x};
    const auto f = receptive_field(m);
    const auto first = receptive_field(m, "first");
    FACT(has(f, {1, 2}, {5, 1, 0}));
    FACT((*f)[3] == mixed);
    FACT(has(first, {1, 2}, {3, 1, 0}));
    FACT(receptive_field(m, "second") == f);
    return true;
}
static_assert(two_convolutions());

// [T] vgg_a conv1_1 / pool1 / conv2_1 (3x3 'same' convolutions, 2x2 stride-2 pooling):
// conv 3x3 same at stride 1 pads (3 - 1) / 2 = 1 on the left: r = 3, S = 1, P = 1;
// pool k = 2, s = 2, p = 0: r = 3 + 1*1 = 4, S = 2, P = 1;
// conv 3x3 same: r = 4 + 2*2 = 8, S = 2, P = 1 + 1*2 = 3.
constexpr bool pooling_doubles_the_jump()
{
    const Sequential m{Conv2D{.filters = 8, .kernel_size = 3, .padding = same, .input_shape = Shape{None, None, 3}},
                       MaxPooling2D{.pool_size = 2}, Conv2D{.filters = 8, .kernel_size = 3, .padding = same}};
    const auto t = trace(m);
    const auto f = receptive_fields(t);
    FACT(has(f[1], {1, 2}, {3, 1, 1}));
    FACT(has(f[2], {1, 2}, {4, 2, 1}));
    FACT(has(f[3], {1, 2}, {8, 2, 3}));
    FACT(receptive_field(m) == f[3]);
    return true;
}
static_assert(pooling_doubles_the_jump());

// [D appendix] dilation d spans d (k - 1) + 1: k = 3, d = 2 -> 5; two such layers: 1 + 4 + 4 = 9.
// channels_first: the spatial axis is axis 2, the channels (axis 1) are mixed.
constexpr bool dilation_widens_the_kernel()
{
    Graph g;
    auto in = Input(g, {.shape = Shape{2, 40}});
    auto x = Conv1D{.filters = 2, .kernel_size = 3, .data_format = channels_first, .dilation_rate = 2}(in);
    x = Conv1D{.filters = 2, .kernel_size = 3, .data_format = channels_first, .dilation_rate = 2}(x);
    const auto f = receptive_field(Model{in, x});
    FACT(has(f, {2}, {9, 1, 0}));
    FACT((*f)[1] == mixed);
    return true;
}
static_assert(dilation_widens_the_kernel());

// 'same' with stride 2 and k = 3 (TF SAME): L = 224 (divisible) -> total max(3 - 2, 0) = 1, left 0;
// L = 225 -> total max(3 - 225 % 2, 0) = 2, left 1; L = None -> 0 or 1: undefined (as [T]'s
// mobilenet_v1 rows at resolution None). k = 4: left (4 - 2) / 2 = 1 or (4 - 1) / 2 = 1 -> 1 for any L.
// 'causal' pads k - 1 = 2 on the left.
constexpr std::optional<std::int64_t> same_padding(Dim length, std::int64_t kernel)
{
    Graph g;
    auto in = Input(g, {.shape = Shape{length, 3}});
    const auto f =
        receptive_field(Model{in, Conv1D{.filters = 1, .kernel_size = kernel, .strides = 2, .padding = same}(in)});
    return (*f)[1].padding;
}
static_assert(same_padding(224, 3) == 0);
static_assert(same_padding(225, 3) == 1);
static_assert(same_padding(None, 3) == std::nullopt);
static_assert(same_padding(None, 4) == 1);

constexpr bool causal_pads_on_the_left()
{
    Graph g;
    auto in = Input(g, {.shape = Shape{None, 3}});
    FACT(
        has(receptive_field(Model{in, Conv1D{.filters = 1, .kernel_size = 3, .padding = causal}(in)}), {1}, {3, 1, 2}));
    return true;
}
static_assert(causal_pads_on_the_left());

// [D] "a negative padding is a cropping": ZeroPadding1D(2) then a valid 3-kernel: r = 3, P = 2;
// Cropping1D((1, 0)) then the same: P = -1.
constexpr bool padding_and_cropping()
{
    Graph g;
    auto in = Input(g, {.shape = Shape{10, 1}});
    auto padded = Conv1D{.filters = 1, .kernel_size = 3}(ZeroPadding1D{.padding = 2}(in));
    auto cropped = Conv1D{.filters = 1, .kernel_size = 3}(Cropping1D{.cropping = {1, 0}}(in));
    FACT(has(receptive_field(Model{in, padded}), {1}, {3, 1, 2}));
    FACT(has(receptive_field(Model{in, cropped}), {1}, {3, 1, -1}));
    return true;
}
static_assert(padding_and_cropping());

// [D] the aligned example of "Arbitrary computation graphs": one path k = 1, s = 4; the other
// k = 3 with left padding 1, s = 2, then k = 1, s = 2; the article gives r = 3, S = 4, P = 1.
// Path 1: (1, 4, 0), center 0. Path 2: (3, 2, 1) then (3, 4, 1), center -1 + (3 - 1)/2 = 0: aligned.
// On L = 16 both paths give 4 features: (16 - 1) // 4 + 1 = 4; (17 - 3) // 2 + 1 = 8, (8 - 1) // 2 + 1 = 4.
constexpr bool articles_aligned_example()
{
    Graph g;
    auto in = Input(g, {.shape = Shape{16, 1}});
    auto a = Conv1D{.filters = 1, .kernel_size = 1, .strides = 4}(in);
    auto b = Conv1D{.filters = 1, .kernel_size = 3, .strides = 2}(ZeroPadding1D{.padding = {1, 0}}(in));
    b = Conv1D{.filters = 1, .kernel_size = 1, .strides = 2}(b);
    FACT(has(receptive_field(Model{in, Add{}({a, b})}), {1}, {3, 4, 1}));
    return true;
}
static_assert(articles_aligned_example());

// Two branches with different kernels, both 'same' (centered): the widest wins [D]:
// 3x3 -> (3, 1, 1), 5x5 -> (5, 1, 2), identity (1, 1, 0); all centered on 0 -> (5, 1, 2).
// A causal branch (3, 1, 2) is centered on -2 + 1 = -1, a 1-kernel on 0: not aligned, so the size and
// padding are None while the jump, equal on both paths, stays 1.
// A stride-2 pooling (jump 2) against a cropping (jump 1): different jumps, nothing defined.
// Multiplying by one row broadcast along the height: no field along the height; along the width the
// 3x3 branch (3, 1, 1) and the row (1, 1, 0) are both centered on 0 -> (3, 1, 1).
constexpr bool paths_meet()
{
    Graph g;
    auto in = Input(g, {.shape = Shape{16, 16, 4}});
    auto three = Conv2D{.filters = 4, .kernel_size = 3, .padding = same}(in);
    auto five = Conv2D{.filters = 4, .kernel_size = 5, .padding = same}(in);
    const auto widest = receptive_field(Model{in, Add{}({three, in, five})});
    auto row = Cropping2D{.cropping = {{0, 15}, {0, 0}}}(in); // (1, 16, 4): broadcast along the height
    const auto broadcast = receptive_field(Model{in, Multiply{}({three, row})});

    auto seq = Input(g, {.shape = Shape{16, 4}});
    auto causal_branch = Conv1D{.filters = 4, .kernel_size = 3, .padding = causal}(seq);
    auto point = Conv1D{.filters = 4, .kernel_size = 1}(seq);
    const auto unaligned = receptive_field(Model{seq, Add{}({causal_branch, point})});

    auto pooled = MaxPooling1D{.pool_size = 2}(seq);
    auto cropped = Cropping1D{.cropping = {0, 8}}(seq);
    const auto strides_differ = receptive_field(Model{seq, Concatenate{}({pooled, cropped})});
    FACT(has(widest, {1, 2}, {5, 1, 2}));
    FACT(has(broadcast, {1}, mixed));
    FACT(has(broadcast, {2}, {3, 1, 1}));
    FACT(has(unaligned, {1}, {None, 1, std::nullopt}));
    FACT(has(strides_differ, {1, 2}, mixed));
    return true;
}
static_assert(paths_meet());

// Grid-destroying layers leave no field from there on; Dense on a channels_last map is per position.
constexpr bool flatten_ends_the_field()
{
    Graph g;
    auto in = Input(g, {.shape = Shape{8, 8, 3}});
    auto conv = Conv2D{.filters = 4, .kernel_size = 3}(in);
    const auto flat = receptive_field(Model{in, Dense{.units = 2}(Flatten{}(conv))});
    const auto pooled = receptive_field(Model{in, GlobalAveragePooling2D{}(conv)});
    const auto dense = receptive_field(Model{in, Dense{.units = 2}(conv)});
    FACT(!flat);
    FACT(!pooled);
    FACT(has(dense, {1, 2}, {3, 1, 0}));
    FACT((*dense)[3] == mixed);
    return true;
}
static_assert(flatten_ends_the_field());

// Nearest upsampling repeats one input value per output: size kept (r = 3 after a 3x3), jump None
// (stride 1/2); a 1x1 convolution keeps that, a 3x3 one sees 2 or 3 distinct inputs: None.
// Conv1DTranspose at stride 1 'valid', k = 3 is a 'full' convolution: r = 3, P = k - 1 = 2;
// at stride 2 with k = 4 each output takes 4 / 2 = 2 inputs: r = 2; with k = 3, 1 or 2: None.
constexpr bool fractional_strides()
{
    Graph g;
    auto in = Input(g, {.shape = Shape{8, 8, 3}});
    auto up = UpSampling2D{}(Conv2D{.filters = 4, .kernel_size = 3}(in));
    auto point = Conv2D{.filters = 4, .kernel_size = 1}(up);
    auto wide = Conv2D{.filters = 4, .kernel_size = 3}(up);
    auto seq = Input(g, {.shape = Shape{8, 2}});
    FACT(has(receptive_field(Model{in, point}), {1, 2}, {3, None, std::nullopt}));
    FACT(has(receptive_field(Model{in, wide}), {1, 2}, mixed));
    FACT(has(receptive_field(Model{seq, Conv1DTranspose{.filters = 1, .kernel_size = 3}(seq)}), {1}, {3, 1, 2}));
    FACT(has(receptive_field(Model{seq, Conv1DTranspose{.filters = 1, .kernel_size = 4, .strides = 2}(seq)}), {1},
             {2, None, std::nullopt}));
    FACT(has(receptive_field(Model{seq, Conv1DTranspose{.filters = 1, .kernel_size = 3, .strides = 2}(seq)}), {1},
             mixed));
    return true;
}
static_assert(fractional_strides());

// ---- [D]'s table, on Keras's applications ---------------------------------------------------------

// Keras's VGG16 is TF-Slim's vgg_16 layer for layer (3x3 'same' convolutions, 2x2 stride-2 'valid'
// pooling), so the article's numbers hold: block5_pool = vgg_16/pool5 = 212/32/90 [D], and [T]'s
// intermediate rows: pool1 6/2/2, conv3/conv3_2 32/4/14, pool4 100/16/42, conv5/conv5_2 164/16/74.
constexpr bool vgg16_matches_the_article()
{
    Graph g;
    const Model m = VGG16(g, {.include_top = false});
    FACT(has(receptive_field(m), {1, 2}, {212, 32, 90}));
    FACT(has(receptive_field(m, "block1_pool"), {1, 2}, {6, 2, 2}));
    FACT(has(receptive_field(m, "block3_conv2"), {1, 2}, {32, 4, 14}));
    FACT(has(receptive_field(m, "block4_pool"), {1, 2}, {100, 16, 42}));
    FACT(has(receptive_field(m, "block5_conv2"), {1, 2}, {164, 16, 74}));
    return true;
}
static_assert(vgg16_matches_the_article());

TEST_CASE("VGG16: the article's vgg_16, and no field once the top flattens")
{
    CHECK(vgg16_matches_the_article());
    Graph g;
    CHECK(receptive_field(VGG16(g)) == std::nullopt);
}

// Keras's MobileNet at 224: conv1 is 3x3/2 'same' (slim's Conv2d_0, same padding); a strided
// depthwise block pads ((0, 1), (0, 1)) and convolves 'valid', where slim's is 'same' — at the even
// lengths 112, 56, 28, 14 of a 224 input 'same' pads max(3 - 2, 0) = 1 in total, 0 on the left, as
// Keras's explicit padding does. So [D]'s mobilenet_v1 315/32/126 holds, and [T]'s rows:
// Conv2d_1_pointwise 7/2/2, Conv2d_5_pointwise 43/8/14, Conv2d_12_pointwise 251/32/94.
// With input (None, None, 3), conv1's left padding is 0 or 1 depending on the parity: [T]'s row at
// resolution None is 315/32/None.
TEST_CASE("MobileNet: the article's mobilenet_v1")
{
    Graph g;
    const Model m = MobileNet(g, {.include_top = false, .input_shape = Shape{224, 224, 3}});
    CHECK(has(receptive_field(m), {1, 2}, {315, 32, 126}));
    CHECK(has(receptive_field(m, "conv_pw_1_relu"), {1, 2}, {7, 2, 2}));
    CHECK(has(receptive_field(m, "conv_pw_5_relu"), {1, 2}, {43, 8, 14}));
    CHECK(has(receptive_field(m, "conv_pw_12_relu"), {1, 2}, {251, 32, 94}));
    Graph any;
    CHECK(has(receptive_field(MobileNet(any, {.include_top = false})), {1, 2}, {315, 32, std::nullopt}));
}

// Keras's InceptionV3 has slim's inception_v3 layers (stem 'valid' convolutions and pools, 'same'
// stride-1 branches, 'valid' strided reductions), so mixed0..mixed10 are [T]'s Mixed_5b..Mixed_7c,
// and mixed10 is [D]'s 1311/32/618. [NB] ran the article's library on Keras's own InceptionV3: the
// input of mixed10's first 1x1 (mixed9) is 1183/32/554, [T]'s Mixed_7b.
TEST_CASE("InceptionV3: the article's inception_v3")
{
    struct Row {
        std::string_view layer;
        AxisField field;
    };
    constexpr std::array<Row, 11> rows{{{"mixed0", {63, 8, 18}},
                                        {"mixed1", {95, 8, 34}},
                                        {"mixed2", {127, 8, 50}},
                                        {"mixed3", {159, 16, 58}},
                                        {"mixed4", {351, 16, 154}},
                                        {"mixed5", {543, 16, 250}},
                                        {"mixed6", {735, 16, 346}},
                                        {"mixed7", {927, 16, 442}},
                                        {"mixed8", {1055, 32, 490}},
                                        {"mixed9", {1183, 32, 554}},
                                        {"mixed10", {1311, 32, 618}}}};
    Graph g;
    const Model m = InceptionV3(g, {.include_top = false});
    const auto t = trace(m);
    const auto fields = receptive_fields(t);
    for (const Row& row : rows) {
        CAPTURE(row.layer);
        bool found = false;
        for (const auto& call : t.calls) {
            if (call.name.render().view() != row.layer) continue;
            found = true;
            CHECK(has(fields[std::size_t(t.outputs_of(call)[0])], {1, 2}, row.field));
        }
        CHECK(found);
    }
    CHECK(has(receptive_field(m), {1, 2}, {1311, 32, 618}));
}

// Keras's ResNet50 differs from slim's resnet_v1_50 in two ways, so its numbers are worked out with
// [D]'s recurrences (r += (k - 1) S; S *= s; P += p S):
// - stem: conv1_pad 3, 7x7/2 'valid' -> (7, 2, 3), as slim's conv2d_same; then pool1_pad 1 and a 3x3/2
//   'valid' max pool -> r = 7 + 2*2 = 11, S = 4, P = 3 + 1*2 = 5, where slim's 'SAME' max pool on 112
//   (even) pads 0 on the left -> P = 3;
// - Keras strides in the first block of conv3..conv5, on the 1x1 convolutions (v1's conv_block);
//   slim in the last unit of block1..block3, on the 3x3. A bottleneck block at jump S (after its
//   stride) adds 2S to r and S to P (its 3x3 'same' pads 1); the shortcut (1x1) is aligned with it:
//   centers -P + (r - 1)/2 = -(P + S) + (r + 2S - 1)/2.
//   conv2 (3 blocks, S = 4):  r = 11 + 3*8 = 35,    P = 5 + 3*4 = 17
//   conv3 (4 blocks, S = 8):  r = 35 + 4*16 = 99,   P = 17 + 4*8 = 49
//   conv4 (6 blocks, S = 16): r = 99 + 6*32 = 291,  P = 49 + 6*16 = 145
//   conv5 (3 blocks, S = 32): r = 291 + 3*64 = 483, P = 145 + 3*32 = 241
// The sizes are [T]'s block1..block4 sizes 35, 99, 291, 483 (slim's strided 3x3 adds 2 S_before = the
// S_after Keras's adds), the jumps of conv2..conv4 are half [T]'s 8, 16, 32, and the final padding is
// [D]'s 239 plus the 2 of pool1_pad.
TEST_CASE("ResNet50: the article's resnet_v1_50 with Keras's stride placement and pool padding")
{
    Graph g;
    const Model m = ResNet50(g, {.include_top = false});
    CHECK(has(receptive_field(m, "pool1_pool"), {1, 2}, {11, 4, 5}));
    CHECK(has(receptive_field(m, "conv2_block3_out"), {1, 2}, {35, 4, 17}));
    CHECK(has(receptive_field(m, "conv3_block4_out"), {1, 2}, {99, 8, 49}));
    CHECK(has(receptive_field(m, "conv4_block6_out"), {1, 2}, {291, 16, 145}));
    CHECK(has(receptive_field(m), {1, 2}, {483, 32, 241}));
}

TEST_CASE("receptive fields: hand-computed cases, also at run time")
{
    CHECK(two_convolutions());
    CHECK(pooling_doubles_the_jump());
    CHECK(dilation_widens_the_kernel());
    CHECK(same_padding(224, 3) == 0);
    CHECK(same_padding(225, 3) == 1);
    CHECK(same_padding(None, 3) == std::nullopt);
    CHECK(causal_pads_on_the_left());
    CHECK(padding_and_cropping());
    CHECK(articles_aligned_example());
    CHECK(paths_meet());
    CHECK(flatten_ends_the_field());
    CHECK(fractional_strides());
}

TEST_CASE("receptive fields: misuse is reported")
{
    Graph g;
    auto a = Input(g, {.shape = Shape{8, 1}});
    auto b = Input(g, {.shape = Shape{8, 1}});
    const Model two{{a, b}, Add{}({a, b})};
    CHECK_THROWS_WITH_AS(receptive_field(two),
                         "receptive_fields: the model must have one input (fields are measured on it)", shape_error);
    const Model one{a, Conv1D{.filters = 1, .kernel_size = 3}(a)};
    CHECK_THROWS_WITH_AS(receptive_field(one, "nope"), "receptive_field: the model has no layer of that name",
                         shape_error);
}

} // namespace

} // namespace unit_analysis_receptive_field_test
