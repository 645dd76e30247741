// keras.applications' `weights` (and `input_tensor=None`) as Keras code passes them. Loaded weights
// change no count; ImageNet weights change what Keras checks and a MobileNet's name.
//
// Sources: keras/src/applications/mobilenet_v2.py and mobilenet.py (Keras 3 master): with
// weights="imagenet", `rows = 224` unless the input is a square of a trained size (V2: 96, 128, 160,
// 192, 224; V1 without 96), and the model is named f"mobilenetv2_{alpha:0.2f}_{rows}"; with
// weights=None the input height. imagenet_utils.obtain_input_shape: with ImageNet weights and the top
// the input must be (default_size, default_size, 3), and the input has 3 channels; each builder
// refuses classes != 1000 with the top. Counts: MobileNetV2 without the top 2,257,984 (mobilenet.cpp's
// [table] and published_models.cpp's [mnv2] log), MobileNet 3,228,864 ([table]).
#include <doctest/doctest.h>
#include <nnshape/applications.hpp>

#include "../check.hpp"
#include "../support.hpp"

#include <string>
#include <vector>

namespace unit_applications_weights_test {

using namespace nnshape;
using namespace nnshape::applications;
using nnshape::test::error_of;

namespace {

// Keras 3.4's `name` argument (keras/src/applications/*.py: `name="resnet50"`, ConvNeXt's
// `name="convnext_tiny"` also prefixing its layers, `f"{name}_stem"`; MobileNet's `name=None` meaning
// f"mobilenetv2_{alpha:0.2f}_{rows}"): a given name replaces the application's own.
constexpr bool test_resnet_named()
{
    Graph g;
    const Model m = ResNet50(g, {.include_top = false, .name = "backbone"});
    FACT(m.name() == "backbone");
    FACT(m.count_params() == 23'587'712); // resnet.cpp's [table], without the top
    return true;
}
static_assert(test_resnet_named());

constexpr bool test_convnext_named()
{
    Graph g;
    const Model m = ConvNeXtTiny(g, {.include_top = false, .name = "encoder"});
    FACT(m.name() == "encoder");
    const std::vector<LayerView> layers = m.layers();
    FACT(layers[2].name() == "encoder_stem");
    return true;
}
// Run time only: GCC 12 refuses ConvNeXt in constant evaluation ("use of allocated storage after
// deallocation", with or without a name; Clang 19 evaluates it), so ConvNeXt is not among the static tests.

constexpr bool test_mobilenet_named()
{
    Graph g;
    const Model m =
        MobileNetV2(g, {.include_top = false, .weights = "imagenet", .input_shape = {150, 150, 3}, .name = "mnv2"});
    FACT(m.name() == "mnv2");
    return true;
}
static_assert(test_mobilenet_named());

// One model per constant evaluation: several MobileNets exceed Clang's default step limit.
constexpr bool test_v2_imagenet_at_150()
{
    Graph g;
    const Model m = MobileNetV2(g, {.include_top = false, .weights = "imagenet", .input_shape = {150, 150, 3}});
    FACT(m.name() == "mobilenetv2_1.00_224");
    FACT(m.count_params() == 2'257'984);
    FACT(m.input_shapes()[0] == Shape{None, 150, 150, 3});
    return true;
}
static_assert(test_v2_imagenet_at_150());

constexpr bool test_v2_random_at_150()
{
    Graph g;
    const Model m = MobileNetV2(g, {.include_top = false, .weights = nullptr, .input_shape = {150, 150, 3}});
    FACT(m.name() == "mobilenetv2_1.00_150");
    return true;
}
static_assert(test_v2_random_at_150());

constexpr bool test_v2_imagenet_at_160()
{
    Graph g;
    const Model m = MobileNetV2(g, {.include_top = false, .weights = "imagenet", .input_shape = {160, 160, 3}});
    FACT(m.name() == "mobilenetv2_1.00_160");
    return true;
}
static_assert(test_v2_imagenet_at_160());

// Without an input_shape: (None, None, 3), and rows is None, not a trained size.
constexpr bool test_v2_imagenet_any_size()
{
    Graph g;
    const Model m = MobileNetV2(g, {.include_top = false, .weights = "imagenet", .input_tensor = nullptr});
    FACT(m.name() == "mobilenetv2_1.00_224");
    FACT(m.input_shapes()[0] == Shape{None, None, None, 3});
    return true;
}
static_assert(test_v2_imagenet_any_size());

// A weights file is not ImageNet's: named as with weights=None.
constexpr bool test_v2_weights_file()
{
    Graph g;
    const Model m = MobileNetV2(g, {.include_top = false, .weights = "weights.h5", .input_shape = {96, 120, 3}});
    FACT(m.name() == "mobilenetv2_1.00_96");
    return true;
}
static_assert(test_v2_weights_file());

// With the top, ImageNet weights take the default size of a square trained input: 128 here.
constexpr bool test_v2_imagenet_top_at_128()
{
    Graph g;
    const Model m = MobileNetV2(g, {.weights = "imagenet", .input_shape = {128, 128, 3}});
    FACT(m.name() == "mobilenetv2_1.00_128");
    FACT(m.output_shape() == Shape{None, 1000});
    return true;
}
static_assert(test_v2_imagenet_top_at_128());

constexpr bool test_v1_imagenet_at_96()
{
    Graph g;
    const Model m = MobileNet(g, {.include_top = false, .weights = "imagenet", .input_shape = {96, 96, 3}});
    FACT(m.name() == "mobilenet_1.00_224"); // 96 is no trained size of MobileNet's (V2 only)
    FACT(m.count_params() == 3'228'864); // [table]'s count at 224: no weight depends on the input size
    return true;
}
static_assert(test_v1_imagenet_at_96());

constexpr bool test_v1_random_at_96()
{
    Graph g;
    const Model m = MobileNet(g, {.include_top = false, .weights = nullptr, .input_shape = {96, 96, 3}});
    FACT(m.name() == "mobilenet_1.00_96");
    return true;
}
static_assert(test_v1_random_at_96());

} // namespace

TEST_CASE("applications: weights=\"imagenet\" names a MobileNetV2 after its weights' input size")
{
    CHECK(test_v2_imagenet_at_150());
    CHECK(test_v2_random_at_150());
    CHECK(test_v2_imagenet_at_160());
    CHECK(test_v2_imagenet_any_size());
    CHECK(test_v2_weights_file());
    CHECK(test_v2_imagenet_top_at_128());
}

TEST_CASE("applications: weights=\"imagenet\" names a MobileNet after its weights' input size")
{
    CHECK(test_v1_imagenet_at_96());
    CHECK(test_v1_random_at_96());
}

TEST_CASE("applications: what ImageNet weights require")
{
    CHECK(error_of([] {
              Graph g;
              (void)ResNet50(g, {.weights = "imagenet", .classes = 10});
          }) == "applications: If using `weights=\"imagenet\"` with `include_top` as true, `classes` should be 1000.");
    CHECK(error_of([] {
              Graph g;
              (void)ResNet50(g, {.weights = "imagenet", .input_shape = {160, 160, 3}});
          }) == "applications: When setting `include_top=True` and loading `imagenet` weights, `input_shape` should "
                "be (224, 224, 3).  Received: input_shape=(160, 160, 3)");
    CHECK(error_of([] {
              Graph g;
              (void)ResNet50(g, {.include_top = false, .weights = "imagenet", .input_shape = {160, 160, 1}});
          }) == "applications: The input must have 3 channels");
    CHECK(error_of([] {
              Graph g;
              (void)MobileNetV2(g, {.weights = "imagenet", .classifier_activation = "relu"});
          }).starts_with("applications: Only `None` and `softmax` activations are allowed"));
    CHECK(error_of([] {
              Graph g;
              (void)MobileNetV2(g, {.include_top = false, .weights = "imagenet", .alpha = 0.6});
          }).starts_with("MobileNetV2: If imagenet weights are being loaded, alpha must be one of"));
    // The same arguments without ImageNet weights build: 10 classes, 160x160 with the top, 1 channel.
    CHECK(error_of([] {
              Graph g;
              (void)ResNet50(g, {.weights = nullptr, .input_shape = {160, 160, 1}, .classes = 10});
          }) == "no error");
}

TEST_CASE("applications: a given name replaces the application's own, and prefixes ConvNeXt's layers")
{
    CHECK(test_resnet_named());
    CHECK(test_convnext_named());
    CHECK(test_mobilenet_named());
}

} // namespace unit_applications_weights_test
