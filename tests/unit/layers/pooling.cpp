// Pooling (Max/AveragePooling, GlobalMax/AveragePooling, adaptive pooling) against Keras's numbers: spec §0.6, §2.4, §9
// and the seed notebook. Each constexpr test runs at compile time (static_assert) and at run time (CHECK).
#include <doctest/doctest.h>
#include <nnshape/nnshape.hpp>
#include <nnshape/analysis/flops.hpp>

#include "../check.hpp"

#include <utility>

namespace unit_layers_pooling_test {

namespace {
using namespace nnshape;

constexpr bool test_pooling2d()
{
    // Notebook In[87]: Conv2D(32, 3, 'same') on (7, 7, 3) -> 7x7x32, 896 = 3*3*3*32 + 32;
    // MaxPool2D((2, 2), padding='same') -> ceil(7/2) = 4.
    const Sequential notebook{Conv2D{.filters = 32, .kernel_size = 3, .padding = same, .input_shape = Shape{7, 7, 3}},
                              MaxPool2D{.pool_size = {2, 2}, .padding = same}};
    FACT(notebook.layers()[1].output_shape == Shape{None, 4, 4, 32});
    FACT(notebook.count_params() == 896);
    // strides default to pool_size: valid (7 - 2 + 2) // 2 = 3
    FACT(MaxPooling2D{}.output_shape(Shape{None, 7, 7, 32}) == Shape{None, 3, 3, 32});
    // §0.6 [run]: AveragePooling2D(3, strides=2) on 8 -> 3
    FACT(AveragePooling2D{.pool_size = 3, .strides = 2}.output_shape(Shape{None, 8, 8, 3}) == Shape{None, 3, 3, 3});
    // explicit per-axis strides (2, 1), valid: (8-3+2)//2 = 3, (8-3+1)//1 = 6
    FACT(AveragePooling2D{.pool_size = 3, .strides = Ints<2>{2, 1}}.output_shape(Shape{None, 8, 8, 3}) ==
         Shape{None, 3, 6, 3});
    // same with strides 3 on 8: ceil(8/3) = 3; None stays None; channels_first keeps axis 1
    FACT(MaxPooling2D{.pool_size = 3, .padding = same}.output_shape(Shape{None, 8, None, 3}) ==
         Shape{None, 3, None, 3});
    FACT(AvgPool2D{.data_format = channels_first}.output_shape(Shape{None, 3, 8, 6}) == Shape{None, 3, 4, 3});
    // §0.6 [run]: MaxPooling1D() on 7 -> 3; MaxPooling1D(3, 2, 'same') on 7 -> 4
    FACT(MaxPooling1D{}.output_shape(Shape{None, 7, 5}) == Shape{None, 3, 5});
    FACT(MaxPooling1D{.pool_size = 3, .strides = 2, .padding = same}.output_shape(Shape{None, 7, 5}) ==
         Shape{None, 4, 5});
    return true;
}
static_assert(test_pooling2d());

constexpr bool test_global_pooling2d()
{
    // Notebook In[88]: Conv2D(32, 3, 'same') on (7, 7, 3), GlobalMaxPool2D -> (None, 32), total 896.
    const Sequential notebook{Conv2D{.filters = 32, .kernel_size = 3, .padding = same, .input_shape = Shape{7, 7, 3}},
                              GlobalMaxPool2D{}};
    FACT(notebook.output_shape() == Shape{None, 32});
    FACT(notebook.count_params() == 896);
    // §9: GlobalMaxPooling2D(channels_first) on (None, 7, 4, 4) -> (None, 7)
    FACT(GlobalMaxPooling2D{.data_format = channels_first}.output_shape(Shape{None, 7, 4, 4}) == Shape{None, 7});
    // §2.4 keepdims: (b, 1, 1, c), or (b, c, 1, 1) for channels_first
    FACT(GlobalAveragePooling2D{.keepdims = true}.output_shape(Shape{None, 7, 7, 32}) == Shape{None, 1, 1, 32});
    FACT(GlobalAveragePooling2D{.data_format = channels_first, .keepdims = true}.output_shape(Shape{None, 7, 4, 4}) ==
         Shape{None, 7, 1, 1});
    FACT(GlobalAveragePooling2D{}.output_shape(Shape{16, None, None, 32}) == Shape{16, 32});
    return true;
}
static_assert(test_global_pooling2d());

constexpr bool test_pooling1d()
{
    // §0.6 [run]: MaxPooling1D() on 7 -> 3; MaxPooling1D(3, 2, 'same') on 7 -> 4.
    // Keras 3 docstring inputs (1, 5, 1), pool 2 (§0.6 formulas): strides 1 valid -> (5-2)//1 + 1 = 4;
    // strides 2 valid -> (5-2)//2 + 1 = 2; strides 1 same -> ceil(5/1) = 5.
    FACT(MaxPooling1D{}.output_shape(Shape{None, 7, 5}) == Shape{None, 3, 5});
    FACT(MaxPooling1D{.pool_size = 3, .strides = 2, .padding = same}.output_shape(Shape{None, 7, 5}) ==
         Shape{None, 4, 5});
    FACT(MaxPooling1D{.pool_size = 2, .strides = 1}.output_shape(Shape{1, 5, 1}) == Shape{1, 4, 1});
    FACT(AveragePooling1D{.pool_size = 2, .strides = 2}.output_shape(Shape{1, 5, 1}) == Shape{1, 2, 1});
    FACT(AveragePooling1D{.pool_size = 2, .strides = 1, .padding = same}.output_shape(Shape{1, 5, 1}) ==
         Shape{1, 5, 1});
    // channels_first pools axis 2; None stays None
    FACT(MaxPool1D{.data_format = channels_first}.output_shape(Shape{None, 5, 7}) == Shape{None, 5, 3});
    FACT(AvgPool1D{}.output_shape(Shape{None, None, 5}) == Shape{None, None, 5});
    return true;
}
static_assert(test_pooling1d());

constexpr bool test_pooling3d()
{
    // Keras 3 docstring: MaxPooling3D(pool_size=3) on (30, 30, 30, 3) -> (10, 10, 10, 3).
    // Default pool (2, 2, 2) on (4, 5, 6): (4-2)//2+1 = 2, (5-2)//2+1 = 2, (6-2)//2+1 = 3.
    FACT(MaxPooling3D{.pool_size = 3}.output_shape(Shape{None, 30, 30, 30, 3}) == Shape{None, 10, 10, 10, 3});
    FACT(MaxPooling3D{}.output_shape(Shape{None, 4, 5, 6, 2}) == Shape{None, 2, 2, 3, 2});
    // same, strides 2: ceil(7/2), ceil(8/2), None
    FACT(AveragePooling3D{.pool_size = 3, .strides = 2, .padding = same}.output_shape(Shape{None, 7, 8, None, 2}) ==
         Shape{None, 4, 4, None, 2});
    // per-axis pool (1, 2, 3): 4, 2, 2
    FACT(AvgPool3D{.pool_size = {1, 2, 3}}.output_shape(Shape{None, 4, 5, 6, 2}) == Shape{None, 4, 2, 2, 2});
    FACT(MaxPool3D{.data_format = channels_first}.output_shape(Shape{None, 2, 4, 5, 6}) == Shape{None, 2, 2, 2, 3});
    return true;
}
static_assert(test_pooling3d());

constexpr bool test_global_pooling_1d_3d()
{
    // Keras 3 docstrings: GlobalAveragePooling1D on (2, 3, 4) -> (2, 4); GlobalMaxPooling3D on
    // (2, 4, 5, 4, 3) -> (2, 3). §2.4 keepdims: (b, 1, c) / (b, c, 1), and (b, 1, 1, 1, c) for 3D.
    FACT(GlobalAveragePooling1D{}.output_shape(Shape{2, 3, 4}) == Shape{2, 4});
    FACT(GlobalMaxPooling3D{}.output_shape(Shape{2, 4, 5, 4, 3}) == Shape{2, 3});
    FACT(GlobalMaxPooling1D{.keepdims = true}.output_shape(Shape{None, 7, 5}) == Shape{None, 1, 5});
    FACT(GlobalAvgPool1D{.data_format = channels_first}.output_shape(Shape{None, 5, 7}) == Shape{None, 5});
    FACT(GlobalMaxPool1D{.data_format = channels_first, .keepdims = true}.output_shape(Shape{None, 5, None}) ==
         Shape{None, 5, 1});
    FACT(GlobalAveragePooling3D{.keepdims = true}.output_shape(Shape{None, 4, 5, 6, 2}) == Shape{None, 1, 1, 1, 2});
    FACT(GlobalAvgPool3D{.data_format = channels_first, .keepdims = true}.output_shape(Shape{None, 2, 4, 5, 6}) ==
         Shape{None, 2, 1, 1, 1});
    FACT(GlobalMaxPool3D{.data_format = channels_first}.output_shape(Shape{None, 2, None, None, None}) ==
         Shape{None, 2});
    return true;
}
static_assert(test_global_pooling_1d_3d());

} // namespace

TEST_CASE("pooling: shapes at run time (same tests as the static_asserts)")
{
    CHECK(test_pooling2d());
    CHECK(test_global_pooling2d());
    CHECK(test_pooling1d());
    CHECK(test_pooling3d());
    CHECK(test_global_pooling_1d_3d());
}

TEST_CASE("MaxPooling2D: a pool window larger than the input under valid padding")
{
    // §0.6: MaxPooling2D(3) on 2x2 -> (None, 0, 0, 3) in Keras 2 shape inference, an error in TF and
    // Keras 3 ("Computed output size would be zero or negative").
    CHECK_THROWS_WITH_AS(
        (Sequential{MaxPooling2D{.pool_size = 3, .input_shape = Shape{2, 2, 3}}}),
        doctest::Contains(R"(MaxPooling2D layer "max_pooling2d_1" with input shape (None, 2, 2, 3): Computed output )"
                          "size would be zero or negative"),
        shape_error);
    CHECK(MaxPooling2D{.pool_size = 3, .padding = same}.output_shape(Shape{None, 2, 2, 3}) == Shape{None, 1, 1, 3});
}

TEST_CASE("pooling needs a rank-4 input")
{
    // InputSpec ndim=4 (§2.4)
    CHECK_THROWS_AS(MaxPooling2D{}.output_shape(Shape{None, 7, 3}), shape_error);
    CHECK_THROWS_AS(GlobalMaxPooling2D{}.output_shape(Shape{None, 7, 3}), shape_error);
}

TEST_CASE("pooling: argument errors and input rank for 1D and 3D")
{
    // Keras 3 base_pooling.py: pool_size through standardize_tuple (`value > 0`); strides with
    // allow_zero=True, then a 0 stride fails when dividing by it; compute_pooling_output_shape accepts
    // 'valid' and 'same' only.
    CHECK_THROWS_WITH_AS((MaxPooling1D{.pool_size = 0}.output_shape(Shape{None, 7, 5})),
                         doctest::Contains("The `pool_size` argument must be a tuple of integers that satisfy "
                                           "`value > 0`"),
                         shape_error);
    CHECK_THROWS_WITH_AS((AveragePooling3D{.strides = Ints<3>{2, 0, 2}}.output_shape(Shape{None, 4, 5, 6, 2})),
                         doctest::Contains("The `strides` argument must be a tuple of integers"), shape_error);
    CHECK_THROWS_WITH_AS((MaxPooling1D{.padding = causal}.output_shape(Shape{None, 7, 5})),
                         doctest::Contains("Argument `padding` must be either 'valid' or 'same'."), shape_error);
    CHECK_THROWS_WITH_AS(
        (Sequential{AveragePooling1D{.pool_size = 3, .input_shape = Shape{2, 5}}}),
        doctest::Contains(R"(AveragePooling1D layer "average_pooling1d_1" with input shape (None, 2, 5): Computed )"
                          "output size would be zero or negative"),
        shape_error);
    CHECK_THROWS_WITH_AS(
        (Sequential{MaxPooling3D{.input_shape = Shape{4, 5, 2}}}),
        doctest::Contains(R"(MaxPooling3D layer "max_pooling3d_1" with input shape (None, 4, 5, 2): expected )"
                          "ndim = spatial rank + 2 = 5"),
        shape_error);
    CHECK_THROWS_AS(GlobalMaxPooling1D{}.output_shape(Shape{None, 7}), shape_error);
    CHECK_THROWS_AS(GlobalAveragePooling3D{}.output_shape(Shape{None, 4, 5, 2}), shape_error);
}

namespace {

// Keras 3.13's adaptive pooling (base_adaptive_pooling.py compute_output_shape): (batch, *output_size,
// channels), any input length; cost by our rule, each output reading its window
// [floor(i*L/o), ceil((i+1)*L/o)) (the Keras backends' windows).
constexpr bool test_adaptive_pooling()
{
    // adaptive_pooling1d_test test_compute_output_shape: output_size=16 on (None, 64, 3) -> (None, 16, 3).
    FACT(AdaptiveMaxPooling1D{.output_size = 16}.output_shape(Shape{None, 64, 3}) == Shape{None, 16, 3});
    FACT(AdaptiveAveragePooling2D{.output_size = {7, 7}}.output_shape(Shape{None, None, None, 512}) ==
         Shape{None, 7, 7, 512});
    const auto one_call = [](auto layer, Shape in) {
        Graph g;
        auto x = Input(g, {.batch_shape = in});
        const Model m{x, std::move(layer)(x)};
        return cost(m).calls[1];
    };
    // 8 -> 4: windows of 2, 8 reads per channel; 10 -> 4: [0, 3), [2, 5), [5, 8), [7, 10), 12 reads.
    FACT(one_call(AdaptiveAveragePooling1D{.output_size = 4}, Shape{1, 8, 3}) == (Cost{0, 24}));
    FACT(one_call(AdaptiveMaxPooling1D{.output_size = 4}, Shape{1, 10, 3}) == (Cost{0, 36}));
    // Separable: 12 x 8 reads per channel for (10, 8) -> (4, 4).
    FACT(one_call(AdaptiveAveragePooling2D{.output_size = 4}, Shape{1, 10, 8, 2}) == (Cost{0, 192}));
    FACT(one_call(AdaptiveAveragePooling2D{.output_size = 4}, Shape{1, None, 8, 2}) == (Cost{0, None}));
    return true;
}
static_assert(test_adaptive_pooling());

} // namespace

TEST_CASE("adaptive pooling: shapes and cost (same tests as the static_asserts)")
{
    CHECK(test_adaptive_pooling());
    // InputSpec-like rank check: (batch, *spatial, channels).
    CHECK_THROWS_WITH_AS((AdaptiveMaxPooling2D{.output_size = 2}.output_shape(Shape{None, 8, 3})),
                         "expected ndim = spatial rank + 2 = 4", shape_error);
}

} // namespace unit_layers_pooling_test
