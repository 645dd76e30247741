// Layer rules at compile time: models as constexpr variables, and every rejected input checked to make
// constant evaluation fail (the compile-fail tests check the diagnostics). This file compiling is the test.
#include <nnshape/nnshape.hpp>

#include <array>
#include <cstdint>
#include <type_traits>

namespace static_layers_models_test {

namespace {
using namespace nnshape;

// Whether F() is a constant expression, i.e. no rule threw during its evaluation.
template <auto F>
concept evaluates = requires { typename std::integral_constant<bool, (F(), true)>; };

// ---- models as constexpr variables ----------------------------------------------------------------

// Spec §2.2: Conv2D(16, 3, strides=2) on 7x7x3 -> 3x3x16, 448 = 3*3*3*16 + 16; then
// GlobalAveragePooling2D -> (None, 16) and Dense(10) -> 16*10 + 10 = 170.
constexpr Sequential classifier{Conv2D{.filters = 16, .kernel_size = 3, .strides = 2, .input_shape = Shape{7, 7, 3}},
                                GlobalAveragePooling2D{}, Dense{.units = 10}};
static_assert(classifier.layers()[0].output_shape == Shape{None, 3, 3, 16});
static_assert(classifier.output_shape() == Shape{None, 10});
static_assert(classifier.count_params() == 448 + 170);

// §9: Embedding(1000, 64) on (None, 10) -> (None, 10, 64), 64000; LSTM(4) on 64 features -> (None, 4),
// 4*(4*64 + 4*4 + 4) = 1104.
constexpr Sequential text{Embedding{.input_dim = 1000, .output_dim = 64, .input_shape = Shape{10}}, LSTM{.units = 4}};
static_assert(text.output_shape() == Shape{None, 4});
static_assert(text.count_params() == 64000 + 1104);

// Notebook In[120]: LocallyConnected2D(32, (3, 2)) on (11, 11, 3) -> 54,720.
constexpr Sequential local{LocallyConnected2D{.filters = 32, .kernel_size = {3, 2}, .input_shape = Shape{11, 11, 3}}};
static_assert(local.output_shape() == Shape{None, 9, 10, 32} && local.count_params() == 54720);

// Notebook In[73]: the three Cropping2D forms, 28x28 -> 26x26 -> 24x22 -> 19x20.
constexpr Sequential crops{Cropping2D{.cropping = 1, .input_shape = Shape{28, 28, 3}}, Cropping2D{.cropping = {1, 2}},
                           Cropping2D{.cropping = {{2, 3}, {1, 1}}}};
static_assert(crops.output_shape() == Shape{None, 19, 20, 3});

// The accepted counterparts of the rejected cases below evaluate.
static_assert(evaluates<[] { return Conv2D{.filters = 16, .kernel_size = 3}.output_shape(Shape{None, 3, 3, 3}); }>);
static_assert(evaluates<[] { return Dense{.units = 4}.params(Shape{None, std::int64_t{1} << 20}); }>);

// ---- rejected inputs: constant evaluation fails ----------------------------------------------------

// InputLayer: none or two of shape / batch_shape.
static_assert(!evaluates<[] { return InputLayer{}.output_shape(); }>);
static_assert(!evaluates<[] { return InputLayer{.shape = Shape{3}, .batch_shape = Shape{None, 3}}.output_shape(); }>);

// Dense: rank 1, unknown last dimension, a count overflowing int64 (2^40 * 2^40).
static_assert(!evaluates<[] { return Dense{.units = 5}.output_shape(Shape{None}); }>);
static_assert(!evaluates<[] { return Dense{.units = 5}.output_shape(Shape{None, 3, None}); }>);
static_assert(
    !evaluates<[] { return Dense{.units = std::int64_t{1} << 40}.params(Shape{None, std::int64_t{1} << 40}); }>);

// Embedding: input_length 12 against a sequence of 10.
static_assert(!evaluates<[] {
    return Embedding{.input_dim = 1000, .output_dim = 64, .input_length = 12}.output_shape(Shape{None, 10});
}>);

// Permute: not a permutation of 1..n.
static_assert(!evaluates<[] { return Permute{.dims = {1, 1}}.output_shape(Shape{None, 3, 4}); }>);

// Conv2D: kernel > input (valid), rank 3, unknown channels, strides with dilation, groups.
static_assert(!evaluates<[] { return Conv2D{.filters = 16, .kernel_size = 3}.output_shape(Shape{None, 2, 2, 3}); }>);
static_assert(!evaluates<[] { return Conv2D{.filters = 16, .kernel_size = 3}.output_shape(Shape{None, 7, 3}); }>);
static_assert(!evaluates<[] { return Conv2D{.filters = 16, .kernel_size = 3}.output_shape(Shape{None, 7, 7, None}); }>);
static_assert(!evaluates<[] {
    return Conv2D{.filters = 4, .kernel_size = 3, .strides = 2, .dilation_rate = 2}.output_shape(Shape{None, 7, 7, 4});
}>);
static_assert(
    !evaluates<[] { return Conv2D{.filters = 6, .kernel_size = 3, .groups = 4}.output_shape(Shape{None, 7, 7, 4}); }>);
static_assert(
    !evaluates<[] { return Conv2D{.filters = 6, .kernel_size = 3, .groups = 3}.output_shape(Shape{None, 7, 7, 4}); }>);

// Conv2DTranspose: output_padding >= strides.
static_assert(!evaluates<[] {
    return Conv2DTranspose{.filters = 8, .kernel_size = 3, .strides = 2, .output_padding = 2}.output_shape(
        Shape{None, 5, 5, 4});
}>);

// Cropping2D: crops the whole axis.
static_assert(!evaluates<[] { return Cropping2D{.cropping = 14}.output_shape(Shape{None, 28, 28, 3}); }>);

// MaxPooling2D: pool window larger than the input (valid).
static_assert(!evaluates<[] { return MaxPooling2D{.pool_size = 3}.output_shape(Shape{None, 2, 2, 3}); }>);

// Recurrent: stateful without a batch size; rank 2.
static_assert(!evaluates<[] { return LSTM{.units = 4, .stateful = true}.output_shapes(Shape{None, 5, 3}); }>);
static_assert(!evaluates<[] { return GRU{.units = 4}.output_shapes(Shape{None, 3}); }>);

// BatchNormalization: unknown normalized axis.
static_assert(!evaluates<[] { return BatchNormalization{}.output_shape(Shape{None, None}); }>);

// LocallyConnected2D: 'same' with implementation 1; unknown spatial axis.
static_assert(!evaluates<[] {
    return LocallyConnected2D{.filters = 4, .kernel_size = 3, .padding = same}.output_shape(Shape{None, 7, 7, 2});
}>);
static_assert(!evaluates<[] {
    return LocallyConnected2D{.filters = 4, .kernel_size = 3}.output_shape(Shape{None, None, 7, 2});
}>);

// Add: (3, 4) + (5, 4). Concatenate: the notebook's (2, 50, 60, 3) + (2, 60, 50, 3) on axis 3.
static_assert(!evaluates<[] { return Add{}.output_shape(std::array{Shape{None, 3, 4}, Shape{None, 5, 4}}); }>);
static_assert(!evaluates<[] {
    return Concatenate{.axis = 3}.output_shape(std::array{Shape{2, 50, 60, 3}, Shape{2, 60, 50, 3}});
}>);

} // namespace

} // namespace static_layers_models_test
