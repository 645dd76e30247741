// A Model or Sequential inside TimeDistributed (TimeDistributedModel). Expected numbers come from
// Keras: a published summary of the wrapped model (keras.io's "Simple MNIST convnet": 34,826
// weights, output (None, 10); tests/unit/support.hpp), Keras's published VGG16 figure (14,714,688
// weights without its top: tests/unit/applications/vgg.cpp), and Keras's TimeDistributed
// (keras/src/layers/rnn/time_distributed.py; tf.keras keras/layers/rnn/time_distributed.py at
// v2.15.0): the child input is (batch,) + input[2:], the output (batch, time) + child_output[1:],
// and the wrapper's weights are its layer's (Wrapper's trainable_weights are the layer's), so a
// model used both directly and wrapped counts its weights once. Weight counts of other layers
// follow Keras's rules, stated at each fact.
#include <doctest/doctest.h>
#include <nnshape/analysis/flops.hpp>
#include <nnshape/analysis/memory.hpp>
#include <nnshape/applications.hpp>
#include <nnshape/nnshape.hpp>
#include <nnshape/plot.hpp>
#include <nnshape/summary.hpp>
#include "check.hpp"
#include "support.hpp"

#include <string>

namespace unit_time_distributed_model_test {

using namespace nnshape;
using nnshape::test::error_of;
using nnshape::test::mnist_convnet;

namespace {

constexpr std::int64_t mnist_weights = 34'826; // keras.io's published summary

// A per-frame CNN over 8 frames of 28x28x1, then LSTM(16): 4 * 16 * (10 + 16 + 1) = 1,728 weights.
constexpr Model frame_classifier(const Model& cnn)
{
    Graph g;
    const Tensor frames = Input(g, {.shape = {8, 28, 28, 1}});
    const Tensor features = TimeDistributedModel{.layer = cnn}(frames);
    return Model(frames, LSTM{.units = 16}(features));
}

constexpr bool functional_facts()
{
    const Model m = frame_classifier(TimeDistributedModel{.layer = mnist_convnet()}.layer); // a Sequential of values
    const auto layers = m.layers();
    FACT(layers.size() == 3);
    FACT(layers[1].class_name() == "TimeDistributed");
    FACT(layers[1].output_shapes() == Shapes{Shape{None, 8, 10}});
    FACT(layers[1].count_params() == mnist_weights);
    FACT(layers[1].wrapped_model()->count_params() == mnist_weights);
    FACT(layers[1].wrapped_model()->as_layer().class_name() == "Sequential");
    FACT(!layers[1].is_model()); // a layer, as in Keras: summaries do not expand it
    FACT(!layers[2].wrapped_model());
    FACT(m.count_params() == mnist_weights + 1'728);
    FACT(layers[1].name() == "time_distributed_1");
    FACT(layers[1].name(keras3) == "time_distributed");
    return true;
}
static_assert(functional_facts());

// The model's other uses share its weights: counted once. Frozen (before its first use in another
// Graph, which copies its records: getting-started.md), they are non-trainable.
constexpr bool shared_and_frozen_facts()
{
    const Model cnn = mnist_convnet().as_model();
    const Model frozen = mnist_convnet().as_model();
    frozen.set_trainable(false);
    Graph g;
    const Tensor frames = Input(g, {.shape = {8, 28, 28, 1}});
    const Tensor image = Input(g, {.shape = {28, 28, 1}});
    const Tensor per_frame = TimeDistributedModel{.layer = cnn}(frames);
    const Tensor still = cnn(image);
    const Model both({frames, image}, {per_frame, still});
    FACT(both.count_params() == mnist_weights);
    const Model frozen_frames(frames, TimeDistributedModel{.layer = frozen}(frames));
    FACT(frozen_frames.params() == (Params{0, mnist_weights}));
    return true;
}
static_assert(shared_and_frozen_facts());

// Called on shapes other than its own (None frames here), the model's layers run again on them; a
// TimeDistributed model inside a model wrapped again reaches rank 6.
constexpr bool nested_facts()
{
    Graph g;
    const Tensor clip = Input(g, {.shape = {None, 28, 28, 1}});
    const Model clip_model(clip, TimeDistributedModel{.layer = mnist_convnet().as_model()}(clip));
    FACT(clip_model.output_shape() == (Shape{None, None, 10}));
    Graph h;
    const Tensor clips = Input(h, {.shape = {3, 5, 28, 28, 1}});
    const Model outer(clips, TimeDistributedModel{.layer = clip_model, .name = "per_clip"}(clips));
    FACT(outer.output_shape() == (Shape{None, 3, 5, 10}));
    FACT(outer.count_params() == mnist_weights);
    FACT(outer.layers()[1].name() == "per_clip");
    return true;
}
static_assert(nested_facts());

// Keras's `Sequential([InputLayer(...), TimeDistributed(cnn), LSTM(16)])` and the Keras 2 spelling
// with the input shape on the wrapper.
constexpr bool sequential_facts()
{
    const Model cnn = mnist_convnet().as_model();
    Sequential with_input{InputLayer{.shape = {8, 28, 28, 1}}, TimeDistributedModel{.layer = cnn}, LSTM{.units = 16}};
    Sequential on_wrapper{TimeDistributedModel{.layer = cnn, .input_shape = Shape{8, 28, 28, 1}}, LSTM{.units = 16}};
    FACT(with_input.output_shape() == (Shape{None, 16}));
    FACT(with_input.count_params() == mnist_weights + 1'728);
    FACT(on_wrapper.count_params() == mnist_weights + 1'728);
    FACT(on_wrapper.layers()[0].class_name() == "TimeDistributed");
    FACT(on_wrapper.layers()[0].output_shapes() == Shapes{Shape{None, 8, 10}});
    return true;
}
static_assert(sequential_facts());

// docs/conventions.md: a TimeDistributed layer costs its layer's cost on (B · T, ...), Keras's run.
constexpr bool cost_facts()
{
    const Model cnn = mnist_convnet().as_model();
    const Model m = frame_classifier(cnn);
    const ModelCost per_frame = cost(cnn, {.batch_size = 2});
    const ModelCost clip = cost(m, {.batch_size = 2});
    const ModelCost lstm_only = cost(Sequential{LSTM{.units = 16, .input_shape = Shape{8, 10}}}, {.batch_size = 2});
    FACT(clip.total.macs == per_frame.total.macs * 8 + lstm_only.total.macs);
    FACT(clip.total.flops == per_frame.total.flops * 8 + lstm_only.total.flops);
    const ActivationMemory frame_bytes = activation_memory(trace(cnn));
    const Report r = report(m);
    // Each inner tensor 8 times, plus the folded input and the unfolded output (8 * 10 floats).
    FACT(r.rows[1].activation_bytes == (frame_bytes.total - Dim(28 * 28 * 4)) * 8 + Dim(8 * 28 * 28 * 4) + Dim(320));
    return true;
}
static_assert(cost_facts());

} // namespace

TEST_CASE("TimeDistributed model: shapes, weights and names (static_assert and run time)")
{
    CHECK(functional_facts());
    CHECK(shared_and_frozen_facts());
    CHECK(nested_facts());
    CHECK(sequential_facts());
    CHECK(cost_facts());
}

// The classic video classifier (VGG16 without its top, global average pooling, frozen, per frame,
// then LSTM(256)): TimeDistributed (None, 5, 512) with VGG16's 14,714,688 weights, non-trainable;
// LSTM 4 * 256 * (512 + 256 + 1) = 787,456 (Keras's LSTM rule).
TEST_CASE("TimeDistributed model: a frozen VGG16 over video frames, in every summary style")
{
    Graph vgg;
    const Model cnn = applications::VGG16(
        vgg, {.include_top = false, .input_shape = Shape{224, 224, 3}, .pooling = applications::GlobalPool::avg});
    cnn.set_trainable(false);
    Graph g;
    const Tensor video = Input(g, {.shape = {5, 224, 224, 3}});
    const Tensor frames = TimeDistributedModel{.layer = cnn}(video);
    const Model m(video, LSTM{.units = 256}(frames));
    CHECK(m.params() == Params{787'456, 14'714'688});
    const std::string keras2 = summary(m);
    CHECK(keras2.find("time_distributed_1 (TimeDist (None, 5, 512)            14714688") != std::string::npos);
    CHECK(keras2.find("Non-trainable params: 14,714,688") != std::string::npos);
    const std::string keras3 = summary(m, {.style = SummaryStyle::keras3});
    CHECK(keras3.find("│ time_distributed                │ (None, 5, 512)         │    14,714,688 │") !=
          std::string::npos);
    CHECK(keras3.find("│ (TimeDistributed)               │") != std::string::npos);
    const std::string tf_keras = summary(m, {.style = SummaryStyle::tf_keras_2_13});
    CHECK(tf_keras.find(" time_distributed (TimeDist  (None, 5, 512)            14714688") != std::string::npos);
    const std::string dot = model_to_dot(m, {.show_shapes = true});
    CHECK(dot.find("time_distributed_1(vgg16)|TimeDistributed(Functional)") != std::string::npos);
    CHECK(dot.find("{{(None, 5, 224, 224, 3)}|{(None, 5, 512)}}") != std::string::npos);
}

TEST_CASE("TimeDistributed model: errors")
{
    const Model cnn = mnist_convnet().as_model();
    Graph g;
    const Tensor flat = Input(g, {.shape = {16}});
    CHECK(error_of([&] {
              TimeDistributedModel{.layer = cnn}(flat);
          }).find("`TimeDistributed` Layer should be passed an `input_shape` with at least 3 dimensions") !=
          std::string::npos);
    const Tensor a = Input(g, {.shape = {4}});
    const Tensor b = Input(g, {.shape = {4}});
    const Model two_inputs({a, b}, Concatenate{}({a, b}));
    const Tensor seq = Input(g, {.shape = {3, 4}});
    CHECK(error_of([&] {
              TimeDistributedModel{.layer = two_inputs}(seq);
          }).find("TimeDistributed: the wrapped model must have a single input") != std::string::npos);
    const Tensor wrong_frames = Input(g, {.shape = {8, 32, 32, 3}}); // the CNN takes 28x28x1
    CHECK(error_of([&] { TimeDistributedModel{.layer = cnn}(wrong_frames); }) != "no error");
}

} // namespace unit_time_distributed_model_test
