// BatchNormalization against Keras's numbers: spec §2.8, §3, §9 and the seed notebook. Each constexpr
// test runs at compile time (static_assert) and at run time (CHECK).
#include <doctest/doctest.h>
#include <nnshape/nnshape.hpp>

namespace {
using namespace nnshape;

constexpr bool test_batch_normalization()
{
    // §9: BatchNormalization on (None, 5, 3) -> (None, 5, 3), 12 = 6 trainable (gamma, beta) + 6
    // non-trainable (moving mean and variance, 2C).
    // §2.8 [run]: BN(axis=1) on (4, 8, 8) -> 16 = 4*2 + 4*2; BN(center=False, scale=False) on (8,) -> 16,
    // all non-trainable.
    return BatchNormalization{}.output_shape(Shape{None, 5, 3}) == Shape{None, 5, 3} &&
           BatchNormalization{}.params(Shape{None, 5, 3}) == Params{6, 6} &&
           BatchNormalization{.axis = 1}.params(Shape{None, 4, 8, 8}) == Params{8, 8} &&
           BatchNormalization{.center = false, .scale = false}.params(Shape{None, 8}) == Params{0, 16} &&
           // one of gamma / beta: C trainable
           BatchNormalization{.center = false}.params(Shape{None, 5, 3}) == Params{3, 6} &&
           BatchNormalization{.scale = false}.params(Shape{None, 5, 3}) == Params{3, 6} &&
           // only the normalized axis must be known
           BatchNormalization{}.output_shape(Shape{None, None, None, 3}) == Shape{None, None, None, 3};
}
static_assert(test_batch_normalization());

constexpr bool test_batch_normalization_in_models()
{
    // Notebook In[13]: Conv2D(32, 3) on (11, 11, 3) -> (None, 9, 9, 32), 896; BatchNormalization -> 128;
    // total 1,024 = 960 trainable + 64 non-trainable.
    const Sequential notebook{Conv2D{.filters = 32, .kernel_size = 3, .input_shape = Shape{11, 11, 3}},
                              BatchNormalization{}};
    // §3: Dense(2) on 3 features (8), BatchNormalization (4 + 4), Dense(1, trainable=False) (3)
    // -> total 19, trainable 12, non-trainable 7.
    const Sequential frozen{Dense{.units = 2, .input_shape = Shape{3}}, BatchNormalization{},
                            Dense{.units = 1, .trainable = false}};
    return notebook.layers()[1].output_shape == Shape{None, 9, 9, 32} && notebook.layers()[1].count_params() == 128 &&
           notebook.params() == Params{960, 64} && frozen.params() == Params{12, 7} && frozen.count_params() == 19 &&
           // a frozen BatchNormalization: all 2C + 2C non-trainable
           Sequential{BatchNormalization{.trainable = false, .input_shape = Shape{5, 3}}}.params() == Params{0, 12};
}
static_assert(test_batch_normalization_in_models());

} // namespace

TEST_CASE("BatchNormalization: shapes and counts at run time (same tests as the static_asserts)")
{
    CHECK(test_batch_normalization());
    CHECK(test_batch_normalization_in_models());
}

TEST_CASE("BatchNormalization: the normalized axis must be known")
{
    // §2.8 [run]: "Axis -1 of input tensor should have a defined dimension but the layer received an
    // input with shape (None, None)."
    CHECK_THROWS_WITH_AS(
        (Sequential{BatchNormalization{.input_shape = Shape{None}}}),
        doctest::Contains(R"(BatchNormalization layer "batch_normalization_1" with input shape (None, None): )"
                          "Axis of input tensor should have a defined dimension"),
        shape_error);
    CHECK_THROWS_AS(BatchNormalization{.axis = 3}.output_shape(Shape{None, 5, 3}), shape_error);
}
