// Reshaping layers (Flatten, Permute, UpSampling2D, ZeroPadding2D, Cropping2D) against Keras's numbers:
// spec §2.1, §2.3, §9 and the seed notebook. Each constexpr test runs at compile time (static_assert)
// and at run time (CHECK).
#include <doctest/doctest.h>
#include <nnshape/nnshape.hpp>

#include "../check.hpp"

namespace unit_layers_reshaping_test {

namespace {
using namespace nnshape;

constexpr bool test_flatten()
{
    // tf.keras / Keras 3 (§2.1): (b, prod(input_shape[1:])); rank 1 -> (b, 1); rank 2 unchanged;
    // any None -> (b, None).
    // Notebook In[13]'s Conv2D(32, 3) on 11x11x3 -> 9x9x32, then Flatten -> 9*9*32 = 2592 and
    // Dense(10) -> 2592*10 + 10 = 25930.
    const Sequential model{Conv2D{.filters = 32, .kernel_size = 3, .input_shape = Shape{11, 11, 3}}, Flatten{},
                           Dense{.units = 10}};
    FACT(Flatten{}.output_shape(Shape{None, 3, 4}) == Shape{None, 12});
    FACT(Flatten{}.output_shape(Shape{8, 2, 3, 4}) == Shape{8, 24});
    FACT(Flatten{}.output_shape(Shape{None}) == Shape{None, 1});
    FACT(Flatten{}.output_shape(Shape{None, 7}) == Shape{None, 7});
    FACT(Flatten{}.output_shape(Shape{None, None, 4}) == Shape{None, None});
    FACT(model.layers()[1].output_shape == Shape{None, 2592});
    FACT(model.output_shape() == Shape{None, 10});
    FACT(model.count_params() == 896 + 25930); // 3*3*3*32 + 32 = 896
    return true;
}
static_assert(test_flatten());

constexpr bool test_permute()
{
    // Notebook In[2]: Permute((2, 1), input_shape=(10, 64)) -> (None, 64, 10), 0 params.
    const Sequential model{Permute{.dims = {2, 1}, .input_shape = Shape{10, 64}}};
    // §9: Permute((3, 1, 2)) on (None, 3, 4, 5) -> (None, 5, 3, 4).
    FACT(model.output_shape() == Shape{None, 64, 10});
    FACT(model.count_params() == 0);
    FACT(Permute{.dims = {3, 1, 2}}.output_shape(Shape{None, 3, 4, 5}) == Shape{None, 5, 3, 4});
    FACT(Permute{.dims = {1, 2}}.output_shape(Shape{7, None, 4}) == Shape{7, None, 4});
    return true;
}
static_assert(test_permute());

constexpr bool test_upsampling2d()
{
    // Notebook In[64]: UpSampling2D(size=(3, 4)) on (6, 6, 3) -> (None, 18, 24, 3); default size 2;
    // a None dimension stays None (§2.3).
    FACT(UpSampling2D{.size = {3, 4}}.output_shape(Shape{None, 6, 6, 3}) == Shape{None, 18, 24, 3});
    FACT(UpSampling2D{}.output_shape(Shape{None, 6, None, 3}) == Shape{None, 12, None, 3});
    FACT(UpSampling2D{.size = {3, 4}, .data_format = channels_first}.output_shape(Shape{None, 3, 6, 6}) ==
         Shape{None, 3, 18, 24});
    // §2.3 [run]: UpSampling3D() on (1, 2, None) -> (2, 4, None)
    FACT(UpSampling3D{}.output_shape(Shape{None, 1, 2, None, 5}) == Shape{None, 2, 4, None, 5});
    return true;
}
static_assert(test_upsampling2d());

constexpr bool test_zero_padding2d()
{
    // The three argument forms (§2.3): int p -> ((p, p), (p, p)); (a, b) -> ((a, a), (b, b));
    // ((top, bottom), (left, right)).
    // Notebook In[68]: ZeroPadding2D(padding=(2, 3)) on (6, 6, 3) -> (None, 10, 12, 3).
    // [run] ZeroPadding2D(((1, 2), (3, 4))) on 5x5 -> 8x12; ZeroPadding2D((1, 2)) on 5x5 -> 7x9.
    FACT(ZeroPadding2D{.padding = {2, 3}}.output_shape(Shape{None, 6, 6, 3}) == Shape{None, 10, 12, 3});
    FACT(ZeroPadding2D{.padding = {{1, 2}, {3, 4}}}.output_shape(Shape{None, 5, 5, 1}) == Shape{None, 8, 12, 1});
    FACT(ZeroPadding2D{.padding = {1, 2}}.output_shape(Shape{None, 5, 5, 1}) == Shape{None, 7, 9, 1});
    // default padding=(1, 1): 5 + 1 + 1; int 3: 5 + 3 + 3; None stays None
    FACT(ZeroPadding2D{}.output_shape(Shape{None, 5, 5, 1}) == Shape{None, 7, 7, 1});
    FACT(ZeroPadding2D{.padding = 3}.output_shape(Shape{None, 5, None, 1}) == Shape{None, 11, None, 1});
    FACT(ZeroPadding2D{.data_format = channels_first}.output_shape(Shape{None, 3, 5, 5}) == Shape{None, 3, 7, 7});
    return true;
}
static_assert(test_zero_padding2d());

constexpr bool test_cropping2d()
{
    // Notebook In[73]: Cropping2D(1) on (28, 28, 3) -> 26x26; Cropping2D((1, 2)) -> 24x22;
    // Cropping2D(((2, 3), (1, 1))) -> 19x20.
    const Sequential chain{Cropping2D{.cropping = 1, .input_shape = Shape{28, 28, 3}}, Cropping2D{.cropping = {1, 2}},
                           Cropping2D{.cropping = {{2, 3}, {1, 1}}}};
    FACT(chain.layers()[0].output_shape == Shape{None, 26, 26, 3});
    FACT(chain.layers()[1].output_shape == Shape{None, 24, 22, 3});
    FACT(chain.layers()[2].output_shape == Shape{None, 19, 20, 3});
    FACT(chain.count_params() == 0);
    // [run] Cropping2D(((1, 2), (3, 4))) on 10x10 -> 7x3; Cropping2D(2) on (None, 10) -> (None, 6)
    FACT(Cropping2D{.cropping = {{1, 2}, {3, 4}}}.output_shape(Shape{None, 10, 10, 1}) == Shape{None, 7, 3, 1});
    FACT(Cropping2D{.cropping = 2}.output_shape(Shape{None, None, 10, 1}) == Shape{None, None, 6, 1});
    // default ((0, 0), (0, 0)); channels_first crops axes 2 and 3
    FACT(Cropping2D{}.output_shape(Shape{None, 10, 10, 1}) == Shape{None, 10, 10, 1});
    FACT(Cropping2D{.cropping = {1, 2}, .data_format = channels_first}.output_shape(Shape{None, 3, 10, 10}) ==
         Shape{None, 3, 8, 6});
    return true;
}
static_assert(test_cropping2d());

constexpr bool test_repeat_vector()
{
    // Keras 3 docstring: RepeatVector(3) on Input(shape=(32,)) -> (None, 3, 32); §2.1: (b, n, in).
    const Sequential model{Dense{.units = 32, .input_shape = Shape{32}}, RepeatVector{.n = 3}};
    FACT(model.output_shape() == Shape{None, 3, 32});
    FACT(model.count_params() == 32 * 32 + 32);
    FACT(RepeatVector{.n = 1}.output_shape(Shape{8, None}) == Shape{8, 1, None});
    return true;
}
static_assert(test_repeat_vector());

constexpr bool test_upsampling_1d_3d()
{
    // Keras 3 docstrings: UpSampling1D(size=2) on (2, 2, 3) -> (2, 4, 3); UpSampling3D((2, 2, 2)) on
    // (2, 1, 2, 1, 3) -> (2, 2, 4, 2, 3). §2.3 [run]: UpSampling3D() on (1, 2, None) -> (2, 4, None).
    FACT(UpSampling1D{}.output_shape(Shape{2, 2, 3}) == Shape{2, 4, 3});
    FACT(UpSampling1D{.size = 3}.output_shape(Shape{None, None, 3}) == Shape{None, None, 3});
    FACT(UpSampling1D{.size = 3}.output_shape(Shape{None, 5, 3}) == Shape{None, 15, 3});
    FACT(UpSampling3D{.size = {2, 2, 2}}.output_shape(Shape{2, 1, 2, 1, 3}) == Shape{2, 2, 4, 2, 3});
    FACT(UpSampling3D{}.output_shape(Shape{None, 1, 2, None, 5}) == Shape{None, 2, 4, None, 5});
    FACT(UpSampling3D{.size = {1, 2, 3}, .data_format = channels_first}.output_shape(Shape{None, 5, 1, 2, 3}) ==
         Shape{None, 5, 1, 4, 9});
    return true;
}
static_assert(test_upsampling_1d_3d());

constexpr bool test_zero_padding_1d_3d()
{
    // Keras 3 docstrings: ZeroPadding1D(padding=2) on (2, 2, 3) -> (2, 6, 3); ZeroPadding3D(padding=2)
    // on (1, 1, 2, 2, 3) -> (1, 5, 6, 6, 3). §2.3: default 1 each side; (left, right) pairs.
    FACT(ZeroPadding1D{.padding = 2}.output_shape(Shape{2, 2, 3}) == Shape{2, 6, 3});
    FACT(ZeroPadding1D{}.output_shape(Shape{None, 5, 3}) == Shape{None, 7, 3});
    FACT(ZeroPadding1D{.padding = {{1, 2}}}.output_shape(Shape{None, 5, 3}) == Shape{None, 8, 3});
    // Keras's 1D tuple `padding=(1, 2)` is (left, right), not one int per axis
    FACT(ZeroPadding1D{.padding = {1, 2}}.output_shape(Shape{None, 5, 3}) == Shape{None, 8, 3});
    // Keras 3 ZeroPadding1D has data_format: channels_first pads axis 2
    FACT(ZeroPadding1D{.data_format = channels_first}.output_shape(Shape{None, 3, 5}) == Shape{None, 3, 7});
    FACT(ZeroPadding1D{}.output_shape(Shape{None, None, 3}) == Shape{None, None, 3});
    FACT(ZeroPadding3D{.padding = 2}.output_shape(Shape{1, 1, 2, 2, 3}) == Shape{1, 5, 6, 6, 3});
    FACT(ZeroPadding3D{}.output_shape(Shape{None, 1, 2, 3, 4}) == Shape{None, 3, 4, 5, 4});
    FACT(ZeroPadding3D{.padding = {1, 2, 3}}.output_shape(Shape{None, 1, 2, 3, 4}) == Shape{None, 3, 6, 9, 4});
    FACT(ZeroPadding3D{.padding = {{0, 1}, {2, 0}, {1, 1}}}.output_shape(Shape{None, 1, None, 3, 4}) ==
         Shape{None, 2, None, 5, 4});
    FACT(ZeroPadding3D{.data_format = channels_first}.output_shape(Shape{None, 4, 1, 2, 3}) == Shape{None, 4, 3, 4, 5});
    return true;
}
static_assert(test_zero_padding_1d_3d());

constexpr bool test_cropping_1d_3d()
{
    // Keras 3 docstrings: Cropping1D(cropping=1) on (2, 3, 2) -> (2, 1, 2); Cropping3D(cropping=(2, 4, 2))
    // on (2, 28, 28, 10, 3) -> (2, 24, 20, 6, 3). §2.3 defaults: Cropping1D (1, 1), Cropping3D ((1, 1),) * 3.
    FACT(Cropping1D{.cropping = 1}.output_shape(Shape{2, 3, 2}) == Shape{2, 1, 2});
    FACT(Cropping1D{}.output_shape(Shape{None, 10, 3}) == Shape{None, 8, 3});
    FACT(Cropping1D{.cropping = {{2, 3}}}.output_shape(Shape{None, 10, 3}) == Shape{None, 5, 3});
    FACT(Cropping1D{.cropping = {2, 3}}.output_shape(Shape{None, 10, 3}) == Shape{None, 5, 3});
    FACT(Cropping1D{.cropping = {0, 3}}.output_shape(Shape{None, 4, 3}) == Shape{None, 1, 3});
    FACT(Cropping1D{}.output_shape(Shape{None, None, 3}) == Shape{None, None, 3});
    FACT(Cropping3D{.cropping = {2, 4, 2}}.output_shape(Shape{2, 28, 28, 10, 3}) == Shape{2, 24, 20, 6, 3});
    FACT(Cropping3D{}.output_shape(Shape{None, 5, 6, 7, 2}) == Shape{None, 3, 4, 5, 2});
    FACT(Cropping3D{.cropping = {{0, 1}, {2, 0}, {1, 3}}}.output_shape(Shape{None, 5, None, 7, 2}) ==
         Shape{None, 4, None, 3, 2});
    FACT(Cropping3D{.data_format = channels_first}.output_shape(Shape{None, 2, 5, 6, 7}) == Shape{None, 2, 3, 4, 5});
    return true;
}
static_assert(test_cropping_1d_3d());

} // namespace

TEST_CASE("reshaping layers: shapes at run time (same tests as the static_asserts)")
{
    CHECK(test_flatten());
    CHECK(test_permute());
    CHECK(test_upsampling2d());
    CHECK(test_zero_padding2d());
    CHECK(test_cropping2d());
    CHECK(test_repeat_vector());
    CHECK(test_upsampling_1d_3d());
    CHECK(test_zero_padding_1d_3d());
    CHECK(test_cropping_1d_3d());
}

TEST_CASE("Permute: dims must be a permutation of 1..n")
{
    // tf.keras / Keras 3 (§2.1): "Invalid permutation argument dims for Permute Layer..."
    CHECK_THROWS_WITH_AS(
        (Sequential{Permute{.dims = {1, 1}, .input_shape = Shape{3, 4}}}),
        doctest::Contains(R"(Permute layer "permute_1" with input shape (None, 3, 4): Invalid permutation )"
                          "argument dims for Permute Layer."),
        shape_error);
    CHECK_THROWS_AS((Permute{.dims = {0, 1}}.output_shape(Shape{None, 3, 4})), shape_error);
    CHECK_THROWS_AS((Permute{.dims = {1, 3}}.output_shape(Shape{None, 3, 4})), shape_error);
    // ndim = len(dims) + 1
    CHECK_THROWS_AS((Permute{.dims = {2, 1}}.output_shape(Shape{None, 3, 4, 5})), shape_error);
}

TEST_CASE("Cropping2D: cropping must be smaller than the input")
{
    // Keras 3 (§2.3): "Values in `cropping` argument should be smaller than the corresponding spatial
    // dimension of the input." (sum(crop) >= dim)
    CHECK_THROWS_WITH_AS(
        (Sequential{Cropping2D{.cropping = {{14, 14}, {0, 0}}, .input_shape = Shape{28, 28, 3}}}),
        doctest::Contains(R"(Cropping2D layer "cropping2d_1" with input shape (None, 28, 28, 3): Cropping: Values )"
                          "in `cropping` argument should be smaller than the corresponding spatial dimension"),
        shape_error);
    CHECK(Cropping2D{.cropping = {{14, 13}, {0, 0}}}.output_shape(Shape{None, 28, 28, 3}) == Shape{None, 1, 28, 3});
}

TEST_CASE("spatial reshaping layers need a rank-4 input")
{
    CHECK_THROWS_AS(UpSampling2D{}.output_shape(Shape{None, 6, 3}), shape_error);
    CHECK_THROWS_AS(ZeroPadding2D{}.output_shape(Shape{None, 6, 3}), shape_error);
    CHECK_THROWS_AS(Cropping2D{}.output_shape(Shape{None, 6, 3}), shape_error);
}

namespace {

constexpr bool test_reshape()
{
    // §2.1 [run]: (3,4) with (-1,2) -> (6,2); §9: (None,None,4) with (-1,2) -> (None,None,2).
    FACT(Reshape{.target_shape = {-1, 2}}.output_shape(Shape{None, 3, 4}) == Shape{None, 6, 2});
    FACT(Reshape{.target_shape = {-1, 2}}.output_shape(Shape{None, None, 4}) == Shape{None, None, 2});
    FACT(Reshape{.target_shape = {2, 6}}.output_shape(Shape{5, 3, 4}) == Shape{5, 2, 6});
    return true;
}
static_assert(test_reshape());

// §4.1 golden [run]: the Keras MNIST CNN, 320 + 18,496 + 0 + 0 + 0 + 1,179,776 + 0 + 1,290 = 1,199,882.
constexpr bool test_identity_layers_in_mnist_cnn()
{
    const Sequential mnist{Conv2D{.filters = 32, .kernel_size = 3, .input_shape = {28, 28, 1}},
                           Conv2D{.filters = 64, .kernel_size = 3},
                           MaxPooling2D{.pool_size = 2},
                           Dropout{.rate = 0.25},
                           Flatten{},
                           Dense{.units = 128},
                           Dropout{.rate = 0.5},
                           Dense{.units = 10},
                           Activation{.activation = "softmax"}};
    FACT(mnist.layers()[3].output_shape == Shape{None, 12, 12, 64});
    FACT(mnist.layers()[4].output_shape == Shape{None, 9216});
    FACT(mnist.output_shape() == Shape{None, 10});
    FACT(mnist.count_params() == 1'199'882);
    return true;
}
static_assert(test_identity_layers_in_mnist_cnn());

} // namespace

TEST_CASE("Reshape, Dropout and Activation (spec 2.1)")
{
    CHECK(test_reshape());
    CHECK(test_identity_layers_in_mnist_cnn());
    // §2.1 [run]: (5,-1) on (3,4) and (0,-1) are errors; so are two -1s and a changed size.
    CHECK_THROWS_WITH_AS((Reshape{.target_shape = {5, -1}}.output_shape(Shape{None, 3, 4})),
                         "Reshape: The total size of the tensor must be unchanged.", shape_error);
    CHECK_THROWS_AS((Reshape{.target_shape = {0, -1}}.output_shape(Shape{None, 3, 4})), shape_error);
    CHECK_THROWS_AS((Reshape{.target_shape = {-1, -1}}.output_shape(Shape{None, 3, 4})), shape_error);
    CHECK_THROWS_AS((Reshape{.target_shape = {5, 2}}.output_shape(Shape{None, 3, 4})), shape_error);
    CHECK_THROWS_WITH_AS(
        (Sequential{Dropout{.rate = 1.5, .input_shape = {3}}}),
        doctest::Contains(
            R"(Dropout layer "dropout_1" with input shape (None, 3): Invalid value received for argument `rate`)"),
        shape_error);
}

TEST_CASE("RepeatVector: n and input rank (Keras 3)")
{
    CHECK_THROWS_WITH_AS((RepeatVector{.n = 0}.output_shape(Shape{None, 4})),
                         "RepeatVector: Argument `n` should be a positive integer.", shape_error);
    CHECK_THROWS_WITH_AS(
        (Sequential{RepeatVector{.n = 3, .input_shape = Shape{4, 5}}}),
        doctest::Contains(R"(RepeatVector layer "repeat_vector_1" with input shape (None, 4, 5): expected )"
                          "ndim=2"),
        shape_error);
}

TEST_CASE("UpSampling, ZeroPadding, Cropping 1D/3D: Keras 3 errors")
{
    // UpSampling1D: "Argument `size` should be a positive integer."; UpSampling2D/3D: standardize_tuple.
    CHECK_THROWS_WITH_AS((UpSampling1D{.size = 0}.output_shape(Shape{None, 5, 3})),
                         "UpSampling1D: Argument `size` should be a positive integer.", shape_error);
    CHECK_THROWS_WITH_AS((UpSampling3D{.size = {2, 0, 2}}.output_shape(Shape{None, 1, 2, 3, 4})),
                         doctest::Contains("The `size` argument must be a tuple of integers that satisfy `value > 0`"),
                         shape_error);
    // UpSampling1D and Cropping1D take no data_format in Keras.
    CHECK_THROWS_WITH_AS(
        (Sequential{UpSampling1D{.data_format = channels_first, .input_shape = Shape{3, 5}}}),
        doctest::Contains(R"(UpSampling1D layer "up_sampling1d_1" with input shape (None, 3, 5): Unrecognized )"
                          "keyword arguments passed to UpSampling1D: {'data_format': 'channels_first'}"),
        shape_error);
    CHECK_THROWS_WITH_AS((Cropping1D{.data_format = channels_first}.output_shape(Shape{None, 3, 5})),
                         doctest::Contains("Unrecognized keyword arguments passed to Cropping1D"), shape_error);
    // Cropping1D: "`cropping` parameter of `Cropping1D` layer must be smaller than the input length.";
    // Cropping3D: "Values in `cropping` argument should be smaller than ..." (sum >= dim).
    CHECK_THROWS_WITH_AS(
        (Sequential{Cropping1D{.cropping = {{3, 2}}, .input_shape = Shape{5, 3}}}),
        doctest::Contains(R"(Cropping1D layer "cropping1d_1" with input shape (None, 5, 3): `cropping` parameter )"
                          "of `Cropping1D` layer must be smaller than the input length."),
        shape_error);
    CHECK(Cropping1D{.cropping = {{3, 1}}}.output_shape(Shape{None, 5, 3}) == Shape{None, 1, 3});
    CHECK_THROWS_WITH_AS((Cropping3D{.cropping = {1, 3, 1}}.output_shape(Shape{None, 5, 6, 7, 2})),
                         doctest::Contains("Values in `cropping` argument should be smaller than the corresponding "
                                           "spatial dimension of the input."),
                         shape_error);
    // negative amounts: Cropping2D/3D "`cropping` cannot be negative."; padding entries `value >= 0`.
    CHECK_THROWS_WITH_AS((Cropping3D{.cropping = -1}.output_shape(Shape{None, 5, 6, 7, 2})),
                         doctest::Contains("`cropping` cannot be negative."), shape_error);
    CHECK_THROWS_WITH_AS((ZeroPadding1D{.padding = {{-1, 2}}}.output_shape(Shape{None, 5, 3})),
                         doctest::Contains("The `padding` argument must be a tuple of integers that satisfy "
                                           "`value >= 0`"),
                         shape_error);
    // InputSpec ndim=3 / ndim=5
    CHECK_THROWS_AS(UpSampling1D{}.output_shape(Shape{None, 5}), shape_error);
    CHECK_THROWS_AS(ZeroPadding3D{}.output_shape(Shape{None, 5, 6, 2}), shape_error);
    CHECK_THROWS_AS(Cropping3D{}.output_shape(Shape{None, 5, 6, 7, 8, 2}), shape_error);
}

namespace {

template <class L>
concept takes_interpolation = requires { L{.interpolation = "bilinear"}; };

// Keras 3: only UpSampling2D takes `interpolation`; it changes no shape.
static_assert(takes_interpolation<UpSampling2D>);
static_assert(!takes_interpolation<UpSampling1D> && !takes_interpolation<UpSampling3D>);

constexpr bool test_keras_arguments()
{
    FACT((UpSampling2D{.size = {2, 3}, .interpolation = "bicubic"}.output_shape(Shape{2, 11, 12, 2}) ==
          Shape{2, 22, 36, 2}));
    return true;
}
static_assert(test_keras_arguments());

} // namespace

TEST_CASE("reshaping layers: Keras 3's arguments (same tests as the static_asserts)") { CHECK(test_keras_arguments()); }

} // namespace unit_layers_reshaping_test
