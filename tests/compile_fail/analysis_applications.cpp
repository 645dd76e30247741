// Compile-fail cases (see check.cmake): the rules of the cost, memory, memory plan and receptive field
// analyses and of the Keras Applications builders.
#include <nnshape/analysis/flops.hpp>
#include <nnshape/analysis/memory.hpp>
#include <nnshape/analysis/memory_plan.hpp>
#include <nnshape/analysis/receptive_field.hpp>
#include <nnshape/applications/convnext.hpp>
#include <nnshape/applications/efficientnet.hpp>
#include <nnshape/applications/inception.hpp>
#include <nnshape/applications/mobilenet.hpp>
#include <nnshape/applications/nasnet.hpp>
#include <nnshape/applications/resnet.hpp>
#include <nnshape/applications/vgg.hpp>
#include <nnshape/nnshape.hpp>

#include <array>
#include <cstddef>
#include <cstdint>

using namespace nnshape;

namespace {

constexpr Sequential mlp{Dense{.units = 8, .input_shape = Shape{4}}, Dense{.units = 2}};

// Conv2D(8, 3, padding='same') on a 2^31 x 2^31 image: 224 weights, but 2^65 output elements.
constexpr std::int64_t big = std::int64_t{1} << 31;
constexpr Sequential huge_image{
    Conv2D{.filters = 8, .kernel_size = 3, .padding = same, .input_shape = Shape{big, big, 3}}};

constexpr Sequential unknown_length{Dense{.units = 2, .input_shape = Shape{None, 4}}};

// (GCC 12 cannot take the costs or the plan of a temporary Sequential: these models are variables.)

constexpr std::array<LayerDType, 1> unknown_layer_dtype{{{"no_such_layer", DType::float16}}};

} // namespace

// --- analysis/flops.hpp

// expect: CostOptions: batch_size must be a positive integer
constexpr Dim cost_of_no_batch = cost(mlp, {.batch_size = 0}).total.macs;

// expect: nnshape: count overflows 64-bit arithmetic
constexpr Dim macs_overflow = cost(huge_image).total.macs;

// --- analysis/memory.hpp

// expect: DType: not an nnshape element type
constexpr std::int64_t bytes_of_no_dtype = dtype_bytes(DType{42});

// expect: MemoryOptions: batch_size must be positive
constexpr Dim bytes_of_no_batch = tensor_bytes(Shape{None, 4}, {.batch_size = 0});

// --- analysis/memory_plan.hpp

// expect: PlannedTensor: extents<R>() needs R equal to the tensor's rank
constexpr std::array<std::size_t, 3> rank2_as_rank3 = plan_memory(mlp).tensors[0].extents<3>();

// expect: MemoryPlan: no tensor is the output of a layer of that name
constexpr std::int64_t no_such_tensor = plan_memory(mlp)["no_such_layer"].bytes;

// expect: plan_memory: every `dtypes` entry must name a layer of the model
constexpr std::int64_t dtype_of_no_layer = plan_memory(mlp, {.dtypes = unknown_layer_dtype}).arena_bytes;

// expect: plan_memory: every dim but the batch axis must be known (give the model a static input shape)
constexpr std::int64_t plan_of_unknown_length = plan_memory(unknown_length).arena_bytes;

// expect: plan_memory: batch_size must be positive
constexpr std::int64_t plan_of_no_batch = plan_memory(mlp, {.batch_size = 0}).arena_bytes;

// expect: plan_memory: alignment must be a power of two
constexpr std::int64_t plan_aligned_to_12 = plan_memory(mlp, {.alignment = 12}).arena_bytes;

// --- analysis/receptive_field.hpp

// expect: ReceptiveField: axis out of range
constexpr Dim field_past_the_rank = ReceptiveField(Shape{None, 4})[2].size;

// expect: receptive_fields: the model must have one input (fields are measured on it)
constexpr bool field_of_two_inputs = [] {
    Graph g;
    auto a = Input(g, {.shape = Shape{8, 3}});
    auto b = Input(g, {.shape = Shape{8, 3}});
    return receptive_field(Model{{a, b}, Add{}({a, b})}).has_value();
}();

// expect: receptive_field: the model must have one output (else use receptive_fields)
constexpr bool field_of_two_outputs = [] {
    Graph g;
    auto x = Input(g, {.shape = Shape{8, 3}});
    auto y = Conv1D{.filters = 2, .kernel_size = 3}(x);
    auto z = Conv1D{.filters = 2, .kernel_size = 5}(x);
    return receptive_field(Model{x, {y, z}}).has_value();
}();

// expect: receptive_field: the model has no layer of that name
constexpr bool field_of_no_layer = receptive_field(mlp, "no_such_layer").has_value();

// --- applications/

// expect: applications: `input_shape` must be a tuple of three integers (height, width, channels)
constexpr std::int64_t resnet_on_rank2 = [] {
    Graph g;
    return applications::ResNet50(g, {.input_shape = Shape{224, 224}}).count_params();
}();

// expect: applications: `input_shape` must be a tuple of three integers (height, width, channels)
constexpr std::int64_t mobilenet_v3_on_rank2 = [] {
    Graph g;
    return applications::MobileNetV3Small(g, {.input_shape = Shape{224, 224}}).count_params();
}();

// The top's Flatten and Dense need a static size.
// expect: applications: If include_top is True, you should specify a static `input_shape`.
constexpr std::int64_t vgg_top_on_any_size = [] {
    Graph g;
    return applications::VGG16(g, {.input_shape = Shape{None, None, 3}}).count_params();
}();

// ResNet50 takes 32x32 images or larger.
// expect: applications: Input size is smaller than the model's minimum (Keras's min_size)
constexpr std::int64_t resnet_on_16x16 = [] {
    Graph g;
    return applications::ResNet50(g, {.include_top = false, .input_shape = Shape{16, 16, 3}}).count_params();
}();

// Keras's correct_pad tests the height for None; a known height with an unknown width fails there too.
// expect: applications: correct_pad needs the width when the height is known
constexpr std::int64_t efficientnet_unknown_width = [] {
    Graph g;
    return applications::EfficientNetB0(g, {.include_top = false, .input_shape = Shape{224, None, 3}}).count_params();
}();

// expect: applications: a channel count must be a non-negative number
constexpr std::int64_t mobilenet_v2_negative_alpha = [] {
    Graph g;
    return applications::MobileNetV2(g, {.alpha = -1}).count_params();
}();

// expect: applications: `alpha` must be a non-negative number
constexpr std::int64_t mobilenet_negative_alpha = [] {
    Graph g;
    return applications::MobileNet(g, {.alpha = -1}).count_params();
}();

// expect: applications: Input size must be at least 32x32
constexpr std::int64_t mobilenet_v3_on_16x16 = [] {
    Graph g;
    return applications::MobileNetV3Small(g, {.input_shape = Shape{16, 16, 3}}).count_params();
}();

// --- applications/ with weights="imagenet"

// expect: applications: The `weights` argument should be either `None` (random initialization), `imagenet`
constexpr std::int64_t resnet_weights_empty = [] {
    Graph g;
    return applications::ResNet50(g, {.weights = ""}).count_params();
}();

// expect: applications: If using `weights="imagenet"` with `include_top` as true, `classes` should be 1000.
constexpr std::int64_t resnet_imagenet_ten_classes = [] {
    Graph g;
    return applications::ResNet50(g, {.weights = "imagenet", .classes = 10}).count_params();
}();

// expect: applications: Only `None` and `softmax` activations are allowed for the `classifier_activation`
constexpr std::int64_t vgg_imagenet_relu_top = [] {
    Graph g;
    return applications::VGG16(g, {.weights = "imagenet", .classifier_activation = "relu"}).count_params();
}();

// expect: applications: When setting `include_top=True` and loading `imagenet` weights, `input_shape` should be
// the default input shape
constexpr std::int64_t inception_imagenet_top_at_150 = [] {
    Graph g;
    return applications::InceptionV3(g, {.weights = "imagenet", .input_shape = Shape{150, 150, 3}}).count_params();
}();

// expect: applications: The input must have 3 channels
constexpr std::int64_t resnet_imagenet_gray = [] {
    Graph g;
    return applications::ResNet50(g, {.include_top = false, .weights = "imagenet", .input_shape = Shape{64, 64, 1}})
        .count_params();
}();

// expect: EfficientNet: weights="imagenet" is not modelled yet
constexpr std::int64_t efficientnet_imagenet = [] {
    Graph g;
    return applications::EfficientNetB0(g, {.weights = "imagenet"}).count_params();
}();

// expect: NASNet: When specifying the input shape of a NASNet and loading `ImageNet` weights, the input_shape
// argument must be static (no None entries).
constexpr std::int64_t nasnet_imagenet_any_size = [] {
    Graph g;
    return applications::NASNetMobile(
               g, {.include_top = false, .weights = "imagenet", .input_shape = Shape{None, None, 3}})
        .count_params();
}();

// expect: MobileNet: If imagenet weights are being loaded, depth multiplier must be 1.
constexpr std::int64_t mobilenet_imagenet_depth_2 = [] {
    Graph g;
    return applications::MobileNet(g, {.include_top = false, .weights = "imagenet", .depth_multiplier = 2})
        .count_params();
}();

// expect: MobileNet: If imagenet weights are being loaded, alpha can be one of `0.25`, `0.50`, `0.75` or `1.0` only.
constexpr std::int64_t mobilenet_imagenet_alpha = [] {
    Graph g;
    return applications::MobileNet(g, {.include_top = false, .weights = "imagenet", .alpha = 0.3}).count_params();
}();

// expect: MobileNetV2: If imagenet weights are being loaded, alpha must be one of `0.35`, `0.50`, `0.75`, `1.0`,
// `1.3` or `1.4` only;
constexpr std::int64_t mobilenet_v2_imagenet_alpha = [] {
    Graph g;
    return applications::MobileNetV2(g, {.include_top = false, .weights = "imagenet", .alpha = 0.6}).count_params();
}();

// expect: MobileNetV3: If imagenet weights are being loaded, alpha can be one of `0.75`, `1.0` for non minimalistic
// or `1.0` for minimalistic only.
constexpr std::int64_t mobilenet_v3_minimalistic_imagenet_alpha = [] {
    Graph g;
    return applications::MobileNetV3Small(g, {.weights = "imagenet", .alpha = 0.75, .minimalistic = true})
        .count_params();
}();

// expect: LayerScale: the last input axis must be projection_dim
constexpr Sequential layer_scale_other_dim{Dense{.units = 4, .input_shape = Shape{3}},
                                           applications::LayerScale{.projection_dim = 5}};

// expect: CustomScaleLayer: expects two inputs, [shortcut, residual]
constexpr Shape custom_scale_on_three = [] {
    Graph g;
    auto x = Input(g, {.shape = Shape{4}});
    return applications::CustomScaleLayer{.scale = 0.1}({x, x, x}).shape();
}();
