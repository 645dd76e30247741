// Pooling (Max/AveragePooling, GlobalMax/AveragePooling) against Keras's numbers: spec §0.6, §2.4, §9
// and the seed notebook. Each constexpr test runs at compile time (static_assert) and at run time (CHECK).
#include <doctest/doctest.h>
#include <nnshape/nnshape.hpp>

namespace {
using namespace nnshape;

constexpr bool test_pooling2d()
{
    // Notebook In[87]: Conv2D(32, 3, 'same') on (7, 7, 3) -> 7x7x32, 896 = 3*3*3*32 + 32;
    // MaxPool2D((2, 2), padding='same') -> ceil(7/2) = 4.
    const Sequential notebook{Conv2D{.filters = 32, .kernel_size = 3, .padding = same, .input_shape = Shape{7, 7, 3}},
                              MaxPool2D{.pool_size = {2, 2}, .padding = same}};
    return notebook.layers()[1].output_shape == Shape{None, 4, 4, 32} && notebook.count_params() == 896 &&
           // strides default to pool_size: valid (7 - 2 + 2) // 2 = 3
           MaxPooling2D{}.output_shape(Shape{None, 7, 7, 32}) == Shape{None, 3, 3, 32} &&
           // §0.6 [run]: AveragePooling2D(3, strides=2) on 8 -> 3
           AveragePooling2D{.pool_size = 3, .strides = 2}.output_shape(Shape{None, 8, 8, 3}) == Shape{None, 3, 3, 3} &&
           // explicit per-axis strides (2, 1), valid: (8-3+2)//2 = 3, (8-3+1)//1 = 6
           AveragePooling2D{.pool_size = 3, .strides = Ints<2>{2, 1}}.output_shape(Shape{None, 8, 8, 3}) ==
               Shape{None, 3, 6, 3} &&
           // same with strides 3 on 8: ceil(8/3) = 3; None stays None; channels_first keeps axis 1
           MaxPooling2D{.pool_size = 3, .padding = same}.output_shape(Shape{None, 8, None, 3}) ==
               Shape{None, 3, None, 3} &&
           AvgPool2D{.data_format = channels_first}.output_shape(Shape{None, 3, 8, 6}) == Shape{None, 3, 4, 3} &&
           // §0.6 [run]: MaxPooling1D() on 7 -> 3; MaxPooling1D(3, 2, 'same') on 7 -> 4
           MaxPooling1D{}.output_shape(Shape{None, 7, 5}) == Shape{None, 3, 5} &&
           MaxPooling1D{.pool_size = 3, .strides = 2, .padding = same}.output_shape(Shape{None, 7, 5}) == Shape{None, 4, 5};
}
static_assert(test_pooling2d());

constexpr bool test_global_pooling2d()
{
    // Notebook In[88]: Conv2D(32, 3, 'same') on (7, 7, 3), GlobalMaxPool2D -> (None, 32), total 896.
    const Sequential notebook{Conv2D{.filters = 32, .kernel_size = 3, .padding = same, .input_shape = Shape{7, 7, 3}},
                              GlobalMaxPool2D{}};
    return notebook.output_shape() == Shape{None, 32} && notebook.count_params() == 896 &&
           // §9: GlobalMaxPooling2D(channels_first) on (None, 7, 4, 4) -> (None, 7)
           GlobalMaxPooling2D{.data_format = channels_first}.output_shape(Shape{None, 7, 4, 4}) == Shape{None, 7} &&
           // §2.4 keepdims: (b, 1, 1, c), or (b, c, 1, 1) for channels_first
           GlobalAveragePooling2D{.keepdims = true}.output_shape(Shape{None, 7, 7, 32}) == Shape{None, 1, 1, 32} &&
           GlobalAveragePooling2D{.data_format = channels_first, .keepdims = true}.output_shape(Shape{None, 7, 4, 4}) ==
               Shape{None, 7, 1, 1} &&
           GlobalAveragePooling2D{}.output_shape(Shape{16, None, None, 32}) == Shape{16, 32};
}
static_assert(test_global_pooling2d());

} // namespace

TEST_CASE("pooling: shapes at run time (same tests as the static_asserts)")
{
    CHECK(test_pooling2d());
    CHECK(test_global_pooling2d());
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
