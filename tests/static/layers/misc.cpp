// Activation, regularization, normalization, preprocessing, Identity and Masking at compile time: models
// as constexpr variables, and every rejected argument or input checked to make constant evaluation
// fail. This file compiling is the test.
#include <nnshape/nnshape.hpp>

#include <cstdint>
#include <type_traits>

namespace static_layers_misc_test {

namespace {
using namespace nnshape;

// Whether F() is a constant expression, i.e. no rule threw during its evaluation.
template <auto F>
concept evaluates = requires { typename std::integral_constant<bool, (F(), true)>; };

// ---- models as constexpr variables ----------------------------------------------------------------

// An image pipeline. Resizing(32, 32) on (None, None, 3) -> (None, 32, 32, 3); Rescaling 0;
// Normalization on 3 channels 2*3 + 1 = 7 non-trainable (§2.8); Conv2D(8, 3) 3*3*3*8 + 8 = 224;
// BatchNormalization(renorm=True) 2*8 trainable + 5*8 non-trainable; PReLU(shared_axes=[1, 2]) alpha
// (1, 1, 8) = 8; SpatialDropout2D 0; GlobalAveragePooling2D; Dense(10) 8*10 + 10 = 90; Softmax 0.
constexpr Sequential images{Resizing{.height = 32, .width = 32, .input_shape = {None, None, 3}},
                            Rescaling{.scale = 1.0 / 255},
                            Normalization{},
                            Conv2D{.filters = 8, .kernel_size = 3},
                            BatchNormalization{.renorm = true},
                            PReLU{.shared_axes = {1, 2}},
                            SpatialDropout2D{.rate = 0.1},
                            GlobalAveragePooling2D{},
                            Dense{.units = 10},
                            Softmax{}};
static_assert(images.layers()[3].output_shape == Shape{None, 30, 30, 8});
static_assert(images.output_shape() == Shape{None, 10});
static_assert(images.params() == Params{224 + 16 + 8 + 90, 7 + 40});

// A sequence model. Masking, then Dense(8) on 3 features 3*8 + 8 = 32; LayerNormalization 2*8 = 16;
// LeakyReLU, GaussianNoise, Identity 0; GroupNormalization(groups=2) 2*8 = 16; UnitNormalization 0;
// AlphaDropout 0; ELU 0.
constexpr Sequential sequence{Masking{.input_shape = {None, 3}},
                              Dense{.units = 8},
                              LayerNormalization{},
                              LeakyReLU{},
                              GaussianNoise{.stddev = 0.1},
                              Identity{},
                              GroupNormalization{.groups = 2},
                              UnitNormalization{},
                              AlphaDropout{.rate = 0.1},
                              ELU{}};
static_assert(sequence.output_shape() == Shape{None, None, 8});
static_assert(sequence.count_params() == 32 + 16 + 16);

// The accepted counterparts of the rejected cases below evaluate.
static_assert(evaluates<[] { return PReLU{.shared_axes = 1}.params(Shape{None, None, 3}); }>);
static_assert(evaluates<[] { return GroupNormalization{.groups = 4}.params(Shape{None, 4}); }>);
static_assert(evaluates<[] { return Normalization{}.params(Shape{None, None, 3}); }>);
static_assert(evaluates<[] { return Dropout{.rate = 1}.output_shape(Shape{None, 3}); }>);
static_assert(evaluates<[] { return CenterCrop{.height = 1, .width = 1}.output_shape(Shape{None, 8, 8, 3}); }>);

// ---- rejected inputs: constant evaluation fails ----------------------------------------------------

// Activations: negative ReLU / LeakyReLU / ThresholdedReLU arguments; a PReLU weight of unknown size or a
// shared axis out of range; a Softmax axis out of range.
static_assert(!evaluates<[] { return ReLU{.max_value = -1.0}.output_shape(Shape{None, 3}); }>);
static_assert(!evaluates<[] { return ReLU{.negative_slope = -1}.output_shape(Shape{None, 3}); }>);
static_assert(!evaluates<[] { return ReLU{.threshold = -1}.output_shape(Shape{None, 3}); }>);
static_assert(!evaluates<[] { return LeakyReLU{.negative_slope = -1}.output_shape(Shape{None, 3}); }>);
static_assert(!evaluates<[] { return ThresholdedReLU{.theta = -1}.output_shape(Shape{None, 3}); }>);
static_assert(!evaluates<[] { return PReLU{}.params(Shape{None, None, 3}); }>);
static_assert(!evaluates<[] { return PReLU{.shared_axes = 0}.params(Shape{None, 5, 3}); }>);
static_assert(!evaluates<[] { return Softmax{.axis = 2}.output_shape(Shape{None, 3}); }>);

// Regularization: rates and stddev outside [0, 1]; negative l1; a wrong rank for SpatialDropout.
static_assert(!evaluates<[] { return Dropout{.rate = 1.5}.output_shape(Shape{None, 3}); }>);
static_assert(!evaluates<[] { return GaussianDropout{.rate = -0.5}.output_shape(Shape{None, 3}); }>);
static_assert(!evaluates<[] { return AlphaDropout{.rate = 2}.output_shape(Shape{None, 3}); }>);
static_assert(!evaluates<[] { return GaussianNoise{.stddev = 2}.output_shape(Shape{None, 3}); }>);
static_assert(!evaluates<[] { return ActivityRegularization{.l1 = -1}.output_shape(Shape{None, 3}); }>);
static_assert(!evaluates<[] { return SpatialDropout2D{.rate = 0.5}.output_shape(Shape{None, 4, 3}); }>);
static_assert(!evaluates<[] { return SpatialDropout3D{.rate = 0.5}.output_shape(Shape{None, 4, 4, 3}); }>);

// Normalization layers: axes out of bounds, a None axis, duplicate axes, groups that do not divide
// the channels.
static_assert(!evaluates<[] { return BatchNormalization{.axis = 2}.output_shape(Shape{None, 3}); }>);
static_assert(!evaluates<[] { return BatchNormalization{}.params(Shape{None, None}); }>);
static_assert(!evaluates<[] { return LayerNormalization{.axis = {-1, 1}}.params(Shape{None, 3}); }>);
static_assert(!evaluates<[] { return LayerNormalization{.axis = 5}.output_shape(Shape{None, 3}); }>);
static_assert(!evaluates<[] { return GroupNormalization{.groups = 5}.params(Shape{None, 4}); }>);
static_assert(!evaluates<[] { return GroupNormalization{.groups = 3}.params(Shape{None, 4}); }>);
static_assert(!evaluates<[] { return GroupNormalization{.groups = 0}.params(Shape{None, 4}); }>);
static_assert(!evaluates<[] { return UnitNormalization{.axis = -3}.output_shape(Shape{None, 3}); }>);

// Preprocessing: Normalization's axis and values; Resizing's and CenterCrop's size and rank.
static_assert(!evaluates<[] { return Normalization{.axis = 2}.params(Shape{None, 3}); }>);
static_assert(!evaluates<[] { return Normalization{}.params(Shape{None, None}); }>);
static_assert(!evaluates<[] { return Normalization{.variance = 1.0}.params(Shape{None, 3}); }>);
static_assert(!evaluates<[] { return Resizing{.height = 0, .width = 4}.output_shape(Shape{None, 8, 8, 3}); }>);
static_assert(!evaluates<[] { return Resizing{.height = 4, .width = 4}.output_shape(Shape{None, 8}); }>);
static_assert(!evaluates<[] { return CenterCrop{.height = 4, .width = 4}.output_shape(Shape{None, 8, 8, 8, 3}); }>);

// A named layer as a constexpr variable: the name is built in fixed_string's member initializers,
// which GCC 12 requires of an object that ends up const.
constexpr Dense named_head{.units = 4, .name = "head"};
static_assert(named_head.name.view() == "head");
constexpr Sequential named_model{Dense{.units = 4, .name = "hidden", .input_shape = {3}}, named_head};
static_assert(named_model.layers()[1].name().view() == "head" && named_model.count_params() == 16 + 20);

} // namespace

} // namespace static_layers_misc_test
