// ConvLSTM1D/2D/3D against Keras's numbers: spec §2.7 and §9, and the formulas of §0.4 / §2.7
// computed by hand. Each constexpr test runs at compile time (static_assert) and at run time (CHECK).
#include <doctest/doctest.h>
#include <nnshape/nnshape.hpp>

#include "../check.hpp"

namespace unit_layers_convolutional_recurrent_test {

namespace {
using namespace nnshape;

constexpr bool test_conv_lstm2d()
{
    // §2.7 [run]: ConvLSTM2D(4, 3) on (5, 8, 8, 3) -> (None, 6, 6, 4), 1024 = 9*3*16 + 9*4*16 + 16.
    ConvLSTM2D plain{.filters = 4, .kernel_size = 3};
    // §2.7 [run]: ConvLSTM2D(4, (3, 2), channels_first) on (5, 3, 8, 8) -> (None, 4, 6, 7), 688 = 6*3*16 + 6*4*16 + 16.
    ConvLSTM2D first{.filters = 4, .kernel_size = {3, 2}, .data_format = channels_first};
    // §9: ConvLSTM2D(4, 3, 'same', return_sequences, return_state) on (None, None, 8, 8, 3)
    // -> [(None, None, 8, 8, 4), (None, 8, 8, 4), (None, 8, 8, 4)], 1024.
    ConvLSTM2D all{.filters = 4, .kernel_size = 3, .padding = same, .return_sequences = true, .return_state = true};
    FACT(plain.output_shapes(Shape{None, 5, 8, 8, 3}) == Shapes{Shape{None, 6, 6, 4}});
    FACT(plain.params(Shape{None, 5, 8, 8, 3}) == Params{1024});
    FACT(first.output_shapes(Shape{None, 5, 3, 8, 8}) == Shapes{Shape{None, 4, 6, 7}});
    FACT(first.params(Shape{None, 5, 3, 8, 8}) == Params{688});
    FACT(all.output_shapes(Shape{None, None, 8, 8, 3}) ==
         Shapes{Shape{None, None, 8, 8, 4}, Shape{None, 8, 8, 4}, Shape{None, 8, 8, 4}});
    FACT(all.params(Shape{None, None, 8, 8, 3}) == Params{1024});
    // return_sequences with channels_first: (b, T, f, h', w'); use_bias=False drops 4f: 1024 - 16
    FACT(ConvLSTM2D{.filters = 4, .kernel_size = 3, .data_format = channels_first, .return_sequences = true}
             .output_shapes(Shape{None, 5, 3, 8, 8}) == Shapes{Shape{None, 5, 4, 6, 6}});
    FACT(ConvLSTM2D{.filters = 4, .kernel_size = 3, .use_bias = false}.params(Shape{None, 5, 8, 8, 3}) == Params{1008});
    // strides 2, valid (§0.4): (8 - 3 + 2) // 2 = 3; a known batch is copied through
    FACT(ConvLSTM2D{.filters = 4, .kernel_size = 3, .strides = 2, .stateful = true}.output_shapes(
             Shape{16, 5, 8, 8, 3}) == Shapes{Shape{16, 3, 3, 4}});
    return true;
}
static_assert(test_conv_lstm2d());

constexpr bool test_conv_lstm1d_3d()
{
    // §2.7 rule over 1 and 3 spatial axes. ConvLSTM1D(4, 3) on (5, 10, 3): 10 - 3 + 1 = 8 -> (None, 8, 4);
    // 3*3*16 + 3*4*16 + 16 = 144 + 192 + 16 = 352.
    ConvLSTM1D one{.filters = 4, .kernel_size = 3};
    // ConvLSTM3D(2, 3) on (5, 6, 6, 6, 1): 4x4x4 -> (None, 4, 4, 4, 2); 27*1*8 + 27*2*8 + 8 = 216 + 432 + 8 = 656.
    ConvLSTM3D three{.filters = 2, .kernel_size = 3};
    FACT(one.output_shapes(Shape{None, 5, 10, 3}) == Shapes{Shape{None, 8, 4}});
    FACT(one.params(Shape{None, 5, 10, 3}) == Params{352});
    // dilation 2: K = 5, 10 - 5 + 1 = 6; channels_first (b, T, c, L) -> (b, f, L')
    FACT(ConvLSTM1D{.filters = 4, .kernel_size = 3, .dilation_rate = 2}.output_shapes(Shape{None, 5, 10, 3}) ==
         Shapes{Shape{None, 6, 4}});
    FACT(ConvLSTM1D{.filters = 4, .kernel_size = 3, .data_format = channels_first, .return_state = true}.output_shapes(
             Shape{None, 5, 3, 10}) == Shapes{Shape{None, 4, 8}, Shape{None, 4, 8}, Shape{None, 4, 8}});
    FACT(three.output_shapes(Shape{None, 5, 6, 6, 6, 1}) == Shapes{Shape{None, 4, 4, 4, 2}});
    FACT(three.params(Shape{None, 5, 6, 6, 6, 1}) == Params{656});
    FACT(ConvLSTM3D{.filters = 2, .kernel_size = 3, .padding = same, .return_sequences = true}.output_shapes(
             Shape{None, None, 6, 6, 6, 1}) == Shapes{Shape{None, None, 6, 6, 6, 2}});
    return true;
}
static_assert(test_conv_lstm1d_3d());

// In a model: ConvLSTM2D(4, 3, return_sequences) then ConvLSTM2D(2, 3): the second sees 4 channels,
// 9*4*8 + 9*2*8 + 8 = 288 + 144 + 8 = 440; outputs (None, 5, 6, 6, 4) then (None, 4, 4, 2).
constexpr bool test_conv_lstm_stack()
{
    const Sequential model{
        ConvLSTM2D{.filters = 4, .kernel_size = 3, .return_sequences = true, .input_shape = Shape{5, 8, 8, 3}},
        ConvLSTM2D{.filters = 2, .kernel_size = 3}};
    FACT(model.layers()[0].output_shape == Shape{None, 5, 6, 6, 4});
    FACT(model.output_shape() == Shape{None, 4, 4, 2});
    FACT(model.count_params() == 1024 + 440);
    return true;
}
static_assert(test_conv_lstm_stack());

} // namespace

TEST_CASE("ConvLSTM: shapes and counts at run time (same tests as the static_asserts)")
{
    CHECK(test_conv_lstm2d());
    CHECK(test_conv_lstm1d_3d());
    CHECK(test_conv_lstm_stack());
}

TEST_CASE("ConvLSTM: Keras 3 errors")
{
    // Keras 3 conv_lstm.py: static spatial axes, a defined channel axis, ndim = rank + 3.
    CHECK_THROWS_WITH_AS(
        (Sequential{ConvLSTM2D{.filters = 4, .kernel_size = 3, .input_shape = Shape{5, None, 8, 3}}}),
        doctest::Contains(R"(ConvLSTM2D layer "conv_lst_m2d_1" with input shape (None, 5, None, 8, 3): ConvLSTM: )"
                          "ConvLSTM layers only support static input shapes for the spatial dimension."),
        shape_error);
    CHECK_THROWS_WITH_AS((ConvLSTM2D{.filters = 4, .kernel_size = 3}.output_shapes(Shape{None, 5, 8, 8, None})),
                         doctest::Contains("The channel dimension of the inputs should be defined. Found None."),
                         shape_error);
    CHECK_THROWS_WITH_AS((ConvLSTM1D{.filters = 4, .kernel_size = 3}.output_shapes(Shape{None, 10, 3})),
                         doctest::Contains("expected ndim = spatial rank + 3 = 4"), shape_error);
    CHECK_THROWS_WITH_AS((ConvLSTM3D{.filters = 4, .kernel_size = 3}.output_shapes(Shape{None, 5, 6, 6, 3})),
                         doctest::Contains("expected ndim = spatial rank + 3 = 6"), shape_error);
    // "Specifying `strides > 1` is not compatible with `dilation_rate > 1`."
    CHECK_THROWS_WITH_AS((ConvLSTM2D{.filters = 4, .kernel_size = 3, .strides = 2, .dilation_rate = 2}.output_shapes(
                             Shape{None, 5, 8, 8, 3})),
                         doctest::Contains("Specifying `strides > 1` is not compatible with `dilation_rate > 1`."),
                         shape_error);
    // standardize_padding without allow_causal; standardize_tuple on kernel_size; valid size.
    CHECK_THROWS_WITH_AS(
        (ConvLSTM1D{.filters = 4, .kernel_size = 3, .padding = causal}.output_shapes(Shape{None, 5, 10, 3})),
        doctest::Contains("The `padding` argument must be one of {'valid', 'same'}"), shape_error);
    CHECK_THROWS_WITH_AS((ConvLSTM1D{.filters = 4, .kernel_size = 0}.output_shapes(Shape{None, 5, 10, 3})),
                         doctest::Contains("The `kernel_size` argument must be a tuple of integers"), shape_error);
    CHECK_THROWS_WITH_AS((ConvLSTM1D{.filters = 4, .kernel_size = 11}.output_shapes(Shape{None, 5, 10, 3})),
                         doctest::Contains("Computed output size would be zero or negative"), shape_error);
    // RNN: "When using `stateful=True` in a RNN, the batch size must be static."
    CHECK_THROWS_WITH_AS(
        (ConvLSTM2D{.filters = 4, .kernel_size = 3, .stateful = true}.output_shapes(Shape{None, 5, 8, 8, 3})),
        doctest::Contains("When using `stateful=True` in a RNN, the batch size must be static."), shape_error);
    CHECK_THROWS_AS((ConvLSTM2D{.filters = 0, .kernel_size = 3}.output_shapes(Shape{None, 5, 8, 8, 3})), shape_error);
}

} // namespace unit_layers_convolutional_recurrent_test
