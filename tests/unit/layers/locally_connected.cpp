// LocallyConnected2D (and 1D) against Keras's numbers: spec §2.9 and the seed notebook. Each constexpr
// test runs at compile time (static_assert) and at run time (CHECK).
#include <doctest/doctest.h>
#include <nnshape/nnshape.hpp>

#include "../check.hpp"

namespace unit_layers_locally_connected_test {

namespace {
using namespace nnshape;

constexpr bool test_locally_connected2d()
{
    // Notebook In[120]/In[122]: LocallyConnected2D(32, (3, 2), 'valid') on (11, 11, 3) -> (None, 9, 10, 32),
    // 54,720 = 3*2*9*10*3*32 + 32*9*10.
    const Sequential notebook{
        LocallyConnected2D{.filters = 32, .kernel_size = {3, 2}, .padding = valid, .input_shape = Shape{11, 11, 3}}};
    // §2.9 [run]: (7, 7, 2), 4 filters, kernel 3, strides 2, no bias -> (3, 3, 4), 648 = (3*3) * (3*3*2) * 4.
    LocallyConnected2D strided{.filters = 4, .kernel_size = 3, .strides = 2, .use_bias = false};
    FACT(notebook.output_shape() == Shape{None, 9, 10, 32});
    FACT(notebook.count_params() == 54720);
    FACT(strided.output_shape(Shape{None, 7, 7, 2}) == Shape{None, 3, 3, 4});
    FACT(strided.params(Shape{None, 7, 7, 2}) == Params{648});
    // channels_first: the same counts with the channel at axis 1
    FACT(LocallyConnected2D{.filters = 32, .kernel_size = {3, 2}, .data_format = channels_first}.output_shape(
             Shape{None, 3, 11, 11}) == Shape{None, 32, 9, 10});
    FACT(LocallyConnected2D{.filters = 32, .kernel_size = {3, 2}, .data_format = channels_first}.params(
             Shape{None, 3, 11, 11}) == Params{54720});
    return true;
}
static_assert(test_locally_connected2d());

constexpr bool test_locally_connected1d()
{
    // §2.9 [run]: 1D (10, 4), 8 filters, kernel 3 -> (8, 8), 832 = 8*(3*4)*8 + 8*8;
    // strides 2 -> (4, 8), 416 = 4*(3*4)*8 + 4*8.
    FACT(LocallyConnected1D{.filters = 8, .kernel_size = 3}.output_shape(Shape{None, 10, 4}) == Shape{None, 8, 8});
    FACT(LocallyConnected1D{.filters = 8, .kernel_size = 3}.params(Shape{None, 10, 4}) == Params{832});
    FACT(LocallyConnected1D{.filters = 8, .kernel_size = 3, .strides = 2}.output_shape(Shape{None, 10, 4}) ==
         Shape{None, 4, 8});
    FACT(LocallyConnected1D{.filters = 8, .kernel_size = 3, .strides = 2}.params(Shape{None, 10, 4}) == Params{416});
    // channels_first (b, c, L) -> (b, f, L'), same counts
    FACT(LocallyConnected1D{.filters = 8, .kernel_size = 3, .data_format = channels_first}.output_shape(
             Shape{None, 4, 10}) == Shape{None, 8, 8});
    FACT(LocallyConnected1D{.filters = 8, .kernel_size = 3, .data_format = channels_first}.params(Shape{None, 4, 10}) ==
         Params{832});
    // use_bias=False: 8*(3*4)*8 = 768
    FACT(LocallyConnected1D{.filters = 8, .kernel_size = 3, .use_bias = false}.params(Shape{None, 10, 4}) ==
         Params{768});
    return true;
}
static_assert(test_locally_connected1d());

constexpr bool test_locally_connected_implementations()
{
    // §2.9 implementation 2 (tf.keras): a dense masked kernel (ih, iw, c, oh, ow, f) + bias (oh, ow, f):
    // the notebook layer -> 11*11*3*9*10*32 + 9*10*32 = 1,045,440 + 2,880 = 1,048,320.
    // Implementation 3 (sparse) equals implementation 1 for 'valid': 54,720.
    const Shape in{None, 11, 11, 3};
    const bool valid_ok =
        LocallyConnected2D{.filters = 32, .kernel_size = {3, 2}, .implementation = 2}.params(in) == Params{1048320} &&
        LocallyConnected2D{.filters = 32, .kernel_size = {3, 2}, .implementation = 3}.params(in) == Params{54720};
    // 'same' (implementations 2 and 3 only): output ceil(6/2) = 3 per axis.
    // Implementation 2: 6*6*1*3*3*1 + 3*3*1 = 324 + 9 = 333.
    // Implementation 3: tf.keras conv_utils.conv_connected_inputs puts the window of output o at
    // [o*s - k//2, o*s - k//2 + k) clipped to [0, 6): o=0 -> [0, 1), o=1 -> [1, 3), o=2 -> [3, 5): 1 + 2 + 2 = 5
    // taps per axis, 5*5 = 25 kernel weights (c = f = 1) + 9 bias = 34.
    const Shape small{None, 6, 6, 1};
    FACT(valid_ok);
    FACT(LocallyConnected2D{.filters = 1, .kernel_size = 2, .strides = 2, .padding = same, .implementation = 2}
             .output_shape(small) == Shape{None, 3, 3, 1});
    FACT(LocallyConnected2D{.filters = 1, .kernel_size = 2, .strides = 2, .padding = same, .implementation = 2}.params(
             small) == Params{333});
    FACT(LocallyConnected2D{.filters = 1, .kernel_size = 2, .strides = 2, .padding = same, .implementation = 3}.params(
             small) == Params{34});
    return true;
}
static_assert(test_locally_connected_implementations());

constexpr bool test_locally_connected1d_implementations()
{
    // §2.9 1D implementation 2: kernel (il, c, ol, f) + bias (ol, f): 10*4*8*8 + 8*8 = 2560 + 64 = 2624;
    // implementation 3 equals implementation 1 for 'valid': 832.
    // 'same' on (6, 1), kernel 2, strides 2, 1 filter: ceil(6/2) = 3 outputs. Implementation 2:
    // 6*1*3*1 + 3 = 21. Implementation 3 (tf.keras conv_connected_inputs): windows [0, 1), [1, 3), [3, 5)
    // -> 1 + 2 + 2 = 5 kernel weights + 3 bias = 8.
    FACT(LocallyConnected1D{.filters = 8, .kernel_size = 3, .implementation = 2}.params(Shape{None, 10, 4}) ==
         Params{2624});
    FACT(LocallyConnected1D{.filters = 8, .kernel_size = 3, .implementation = 3}.params(Shape{None, 10, 4}) ==
         Params{832});
    FACT(LocallyConnected1D{.filters = 1, .kernel_size = 2, .strides = 2, .padding = same, .implementation = 2}
             .output_shape(Shape{None, 6, 1}) == Shape{None, 3, 1});
    FACT(LocallyConnected1D{.filters = 1, .kernel_size = 2, .strides = 2, .padding = same, .implementation = 2}.params(
             Shape{None, 6, 1}) == Params{21});
    FACT(LocallyConnected1D{.filters = 1, .kernel_size = 2, .strides = 2, .padding = same, .implementation = 3}.params(
             Shape{None, 6, 1}) == Params{8});
    return true;
}
static_assert(test_locally_connected1d_implementations());

} // namespace

TEST_CASE("LocallyConnected: shapes and counts at run time (same tests as the static_asserts)")
{
    CHECK(test_locally_connected2d());
    CHECK(test_locally_connected1d());
    CHECK(test_locally_connected_implementations());
    CHECK(test_locally_connected1d_implementations());
}

TEST_CASE("LocallyConnected2D: errors")
{
    // §2.9: "Invalid border mode for LocallyConnected2D (only "valid" is supported)" with implementation 1.
    CHECK_THROWS_WITH_AS(
        (Sequential{
            LocallyConnected2D{.filters = 4, .kernel_size = 3, .padding = same, .input_shape = Shape{7, 7, 2}}}),
        doctest::Contains(R"(LocallyConnected2D layer "locally_connected2d_1" with input shape (None, 7, 7, 2): )"
                          "Invalid border mode for LocallyConnected2D (only \"valid\" is supported if "
                          "implementation is 1): same"),
        shape_error);
    // §2.9: the spatial dimensions must be fully defined; the channel axis too.
    CHECK_THROWS_WITH_AS(
        (Sequential{LocallyConnected2D{.filters = 4, .kernel_size = 3, .input_shape = Shape{None, 7, 2}}}),
        doctest::Contains(R"(LocallyConnected2D layer "locally_connected2d_1" with input shape (None, None, 7, 2): )"
                          "LocallyConnected: The spatial dimensions of the inputs should be fully-defined"),
        shape_error);
    CHECK_THROWS_WITH_AS((LocallyConnected2D{.filters = 4, .kernel_size = 3}.output_shape(Shape{None, 7, 7, None})),
                         doctest::Contains("The channel dimension of the inputs should be defined. Found None."),
                         shape_error);
    // a kernel larger than the input (valid)
    CHECK_THROWS_AS((LocallyConnected2D{.filters = 4, .kernel_size = 8}.output_shape(Shape{None, 7, 7, 2})),
                    shape_error);
}

TEST_CASE("LocallyConnected1D: errors")
{
    // tf.keras locally_connected1d.py: 'same' needs implementation 2 or 3.
    CHECK_THROWS_WITH_AS(
        (Sequential{LocallyConnected1D{.filters = 4, .kernel_size = 3, .padding = same, .input_shape = Shape{10, 4}}}),
        doctest::Contains(R"(LocallyConnected1D layer "locally_connected1d_1" with input shape (None, 10, 4): )"
                          R"(Invalid border mode for LocallyConnected1D (only "valid" is supported if implementation )"
                          "is 1): same"),
        shape_error);
    CHECK_THROWS_WITH_AS((LocallyConnected1D{.filters = 4, .kernel_size = 3}.output_shape(Shape{None, None, 4})),
                         doctest::Contains("The spatial dimensions of the inputs should be fully-defined"),
                         shape_error);
    CHECK_THROWS_WITH_AS((LocallyConnected1D{.filters = 4, .kernel_size = 3}.output_shape(Shape{None, 10, None})),
                         doctest::Contains("The channel dimension of the inputs should be defined. Found None."),
                         shape_error);
    CHECK_THROWS_WITH_AS(
        (LocallyConnected1D{.filters = 4, .kernel_size = 3, .implementation = 4}.output_shape(Shape{None, 10, 4})),
        doctest::Contains("Unrecognized implementation mode"), shape_error);
    CHECK_THROWS_WITH_AS(
        (LocallyConnected1D{.filters = 4, .kernel_size = 3, .padding = causal, .implementation = 2}.output_shape(
            Shape{None, 10, 4})),
        doctest::Contains("Padding type causal not supported."), shape_error);
    CHECK_THROWS_AS((LocallyConnected1D{.filters = 0, .kernel_size = 3}.output_shape(Shape{None, 10, 4})), shape_error);
    CHECK_THROWS_AS((LocallyConnected1D{.filters = 4, .kernel_size = 11}.output_shape(Shape{None, 10, 4})),
                    shape_error);
    CHECK_THROWS_AS((LocallyConnected1D{.filters = 4, .kernel_size = 3}.output_shape(Shape{None, 10, 4, 4})),
                    shape_error);
}

namespace {

// tf.keras 2.15's signature: the initializer, regularizer and constraint arguments change nothing.
constexpr bool test_keras_arguments()
{
    const LocallyConnected2D all{.filters = 4,
                                 .kernel_size = 3,
                                 .strides = 2,
                                 .use_bias = false,
                                 .kernel_initializer = "glorot_uniform",
                                 .bias_initializer = "zeros",
                                 .kernel_regularizer = nullptr,
                                 .bias_regularizer = nullptr,
                                 .activity_regularizer = nullptr,
                                 .kernel_constraint = nullptr,
                                 .bias_constraint = nullptr,
                                 .implementation = 1};
    FACT(all.params(Shape{None, 7, 7, 2}) == Params{648});
    return true;
}
static_assert(test_keras_arguments());

} // namespace

TEST_CASE("LocallyConnected: tf.keras's arguments (same tests as the static_asserts)")
{
    CHECK(test_keras_arguments());
}

} // namespace unit_layers_locally_connected_test
