// Sequentials that hold models, Sequentials called on tensors, and named Sequentials. Expected numbers
// come from published Keras summaries (cited at each case) and Keras's Applications table.
#include <doctest/doctest.h>
#include <nnshape/applications.hpp>
#include <nnshape/nnshape.hpp>
#include <nnshape/plot.hpp>
#include <nnshape/summary.hpp>
#include "check.hpp"
#include "support.hpp"

#include <string>
#include <vector>

namespace unit_sequential_nesting_test {

using namespace nnshape;
using nnshape::test::error_of;

namespace {

bool has_line(const std::string& text, const std::string& line)
{
    return text.find('\n' + line + '\n') != std::string::npos;
}

// keras.io's DCGAN example (dcgan_overriding_train_step, tf.keras version): two named Sequentials
// built in one program. Its published summaries:
//   Model: "discriminator": conv2d (None, 14, 14, 64) 640, leaky_re_lu, conv2d_1 (None, 7, 7, 128)
//   73856, leaky_re_lu_1, global_max_pooling2d (None, 128), dense (None, 1) 129; Total params: 74,625.
//   Model: "generator": dense_1 (None, 6272) 809088, leaky_re_lu_2, reshape (None, 7, 7, 128),
//   conv2d_transpose (None, 14, 14, 128) 262272, leaky_re_lu_3, conv2d_transpose_1 (None, 28, 28, 128)
//   262272, leaky_re_lu_4, conv2d_2 (None, 28, 28, 1) 6273; Total params: 1,339,905.
struct Gan {
    Sequential<std::dynamic_extent, Model> discriminator, generator;
};

Gan dcgan(Graph& g)
{
    Sequential<std::dynamic_extent, Model> discriminator{
        g,
        {.name = "discriminator"},
        InputLayer{.shape = Shape{28, 28, 1}},
        Conv2D{.filters = 64, .kernel_size = 3, .strides = 2, .padding = same},
        LeakyReLU{.alpha = 0.2},
        Conv2D{.filters = 128, .kernel_size = 3, .strides = 2, .padding = same},
        LeakyReLU{.alpha = 0.2},
        GlobalMaxPooling2D{},
        Dense{.units = 1},
    };
    Sequential<std::dynamic_extent, Model> generator{
        g,
        {.name = "generator"},
        InputLayer{.shape = Shape{128}},
        Dense{.units = 7 * 7 * 128},
        LeakyReLU{.alpha = 0.2},
        Reshape{.target_shape = {7, 7, 128}},
        Conv2DTranspose{.filters = 128, .kernel_size = 4, .strides = 2, .padding = same},
        LeakyReLU{.alpha = 0.2},
        Conv2DTranspose{.filters = 128, .kernel_size = 4, .strides = 2, .padding = same},
        LeakyReLU{.alpha = 0.2},
        Conv2D{.filters = 1, .kernel_size = 7, .padding = same, .activation = "sigmoid"},
    };
    return {discriminator, generator};
}

// A Sequential nested in a Sequential counts as one row with its weights, and the outer one's own
// layers are numbered after the inner one's, as in one Keras session: Sequential([Sequential([Dense(8,
// input_shape=(4,)), Dense(2)]), Dense(1)]) has 4*8+8 + 8*2+2 + 2+1 = 61 weights (Keras's Dense rule).
constexpr bool sequential_in_sequential()
{
    Sequential inner{Dense{.units = 8, .input_shape = {{4}}}, Dense{.units = 2}};
    Sequential outer{inner, Dense{.units = 1}};
    FACT(outer.count_params() == 61);
    FACT(outer.output_shape() == (Shape{None, 1}));
    FACT(outer.layers().size() == 2); // Keras lists the nested Sequential and the Dense, no InputLayer
    FACT(outer.layers()[0].class_name() == "Sequential");
    FACT(outer.layers()[0].count_params() == 58);
    FACT(outer.layers()[1].name(keras3) == "dense_2");
    FACT(outer.name(keras3) == "sequential_1"); // made after the inner one
    return true;
}
static_assert(sequential_in_sequential());

// The transfer-learning Sequential: Sequential([base_model, GlobalAveragePooling2D(), Dense(1)])
// with MobileNetV2(include_top=False) at 160x160: base 2,257,984 (Keras Applications table: 3,538,984
// less the top's 1280*1000 + 1000), output (None, 5, 5, 1280) (stride 32), head Dense(1) 1280 + 1.
constexpr std::int64_t mobilenet_v2_transfer()
{
    Graph g;
    const Model base = applications::MobileNetV2(g, {.include_top = false, .input_shape = Shape{160, 160, 3}});
    base.set_trainable(false);
    Sequential model{base, GlobalAveragePooling2D{}, Dense{.units = 1}};
    return model.params().trainable;
}
static_assert(mobilenet_v2_transfer() == 1'281);

} // namespace

TEST_CASE("the constexpr nesting facts hold at run time")
{
    CHECK(sequential_in_sequential());
    CHECK(mobilenet_v2_transfer() == 1'281);
}

TEST_CASE("a Sequential holding a model: Keras's transfer-learning head (MobileNetV2, 160x160)")
{
    Graph g;
    const Model base = applications::MobileNetV2(g, {.include_top = false, .input_shape = Shape{160, 160, 3}});
    Sequential model{base, GlobalAveragePooling2D{}, Dense{.units = 1}};
    CHECK(model.count_params() == 2'257'984 + 1'281);
    CHECK(model.input_shape() == (Shape{None, 160, 160, 3}));
    CHECK(model.layers()[0].output_shapes() == Shapes{Shape{None, 5, 5, 1280}});
    CHECK(model.layers()[0].count_params() == 2'257'984);

    base.set_trainable(false); // Keras's base_model.trainable = False, after the model was made
    CHECK(model.params().trainable == 1'281);
    CHECK(model.params().non_trainable == 2'257'984);
    const std::string text = summary(model, {.naming = keras3});
    CHECK(text.find("mobilenetv2_1.00_160 (Model) (None, 5, 5, 1280)        2257984") != std::string::npos);
    CHECK(text.find("Trainable params: 1,281") != std::string::npos);
    const std::string k3 = summary(model, {.style = SummaryStyle::keras3});
    CHECK(k3.find("Model: \"sequential\"") != std::string::npos);
    CHECK(k3.find("│ mobilenetv2_1.00_160            │ (None, 5, 5, 1280)     │     2,257,984 │\n│ (Functional)  ") !=
          std::string::npos);
}

TEST_CASE("named Sequentials in one session: keras.io's DCGAN discriminator and generator")
{
    Graph g;
    const Gan gan = dcgan(g);
    const std::string d = summary(gan.discriminator, {.naming = keras3});
    CHECK(has_line(d, "conv2d (Conv2D)              (None, 14, 14, 64)        640       "));
    CHECK(has_line(d, "conv2d_1 (Conv2D)            (None, 7, 7, 128)         73856     "));
    CHECK(has_line(d, "global_max_pooling2d (Global (None, 128)               0         "));
    CHECK(has_line(d, "dense (Dense)                (None, 1)                 129       "));
    CHECK(d.find("Total params: 74,625") != std::string::npos);
    const std::string gen = summary(gan.generator, {.naming = keras3});
    CHECK(has_line(gen, "dense_1 (Dense)              (None, 6272)              809088    "));
    CHECK(has_line(gen, "leaky_re_lu_2 (LeakyReLU)    (None, 6272)              0         "));
    CHECK(has_line(gen, "conv2d_transpose_1 (Conv2DTr (None, 28, 28, 128)       262272    "));
    CHECK(has_line(gen, "conv2d_2 (Conv2D)            (None, 28, 28, 1)         6273      "));
    CHECK(gen.find("Total params: 1,339,905") != std::string::npos);
    CHECK(summary(gan.generator, {.style = SummaryStyle::keras3}).starts_with("Model: \"generator\"\n"));

    // The two stacked, as a GAN's combined model: one row per nested Sequential, with its class.
    Sequential combined{gan.generator, gan.discriminator};
    CHECK(combined.count_params() == 1'339'905 + 74'625);
    CHECK(combined.output_shape() == (Shape{None, 1}));
    const std::string c = summary(combined);
    CHECK(has_line(c, "generator (Sequential)       (None, 28, 28, 1)         1339905   "));
    CHECK(has_line(c, "discriminator (Sequential)   (None, 1)                 74625     "));
}

TEST_CASE("a Sequential called on tensors is a nested model of the Graph (TensorFlow's transfer learning)")
{
    // tensorflow.org's "Transfer learning and fine-tuning" tutorial, less its preprocessing ops and its
    // RandomRotation (not yet in nnshape; shape-preserving as RandomFlip): data_augmentation =
    // Sequential([RandomFlip('horizontal'), RandomRotation(0.2)]) called on Input((160, 160, 3)) shows
    // as `sequential (Sequential) (None, 160, 160, 3) 0`; Total params: 2,259,265; Trainable: 1,281.
    Sequential data_augmentation{RandomFlip{.mode = "horizontal"}};
    Graph g;
    const Model base = applications::MobileNetV2(g, {.include_top = false, .input_shape = Shape{160, 160, 3}});
    base.set_trainable(false);
    auto inputs = Input(g, {.shape = Shape{160, 160, 3}});
    auto x = data_augmentation(inputs);
    x = base(x);
    x = GlobalAveragePooling2D{}(x);
    x = Dropout{.rate = 0.2}(x);
    const Model model{inputs, Dense{.units = 1}(x)};
    CHECK(model.count_params() == 2'259'265);
    CHECK(model.params().trainable == 1'281);
    const LayerView augmentation = model.layers()[1];
    CHECK(augmentation.class_name() == "Sequential");
    CHECK(augmentation.name(keras3) == "sequential");
    CHECK(augmentation.output_shapes() == Shapes{Shape{None, 160, 160, 3}});
    CHECK(augmentation.model().layers().size() == 1);
    CHECK(has_line(summary(model, {.naming = keras3}),
                   "sequential (Sequential)      (None, 160, 160, 3)       0         "));
}

// A Sequential called twice shares its weights, as one Keras object does: a Siamese encoder,
// Sequential([Dense(16, activation="relu", input_shape=(8,))]) on two inputs, then Dense(1) on their
// concatenation: 8*16+16 = 144 once, plus 32+1 (Keras's Dense rule).
constexpr bool siamese_encoder()
{
    Sequential<> encoder;
    encoder.add(Dense{.units = 16, .activation = "relu", .input_shape = {{8}}});
    Graph g;
    auto a = Input(g, {.shape = Shape{8}});
    auto b = Input(g, {.shape = Shape{8}});
    const Model model{{a, b}, Dense{.units = 1}(Concatenate{}({encoder(a), encoder(b)}))};
    FACT(model.count_params() == 144 + 33);
    Sequential<> copy = encoder; // a copy shares the model the first call made
    auto c = Input(g, {.shape = Shape{8}});
    const Model three{{a, b, c}, Concatenate{}({encoder(a), encoder(b), copy(c)})};
    FACT(three.count_params() == 144);
    return true;
}
static_assert(siamese_encoder());

TEST_CASE("a Sequential called twice shares its weights (a Siamese encoder)")
{
    CHECK(siamese_encoder());
    // Keras's later calls of a grown Sequential would share the earlier layers' weights with the first
    // call's model; nnshape refuses to grow it rather than count them twice.
    Sequential<> encoder;
    encoder.add(Dense{.units = 4, .input_shape = {{2}}});
    Graph g;
    (void)encoder(Input(g, {.shape = Shape{2}}));
    Sequential<> copy = encoder;
    CHECK(error_of([&] {
              copy.add(Dense{.units = 1});
          }).find("Sequential: a layer cannot be added after the model was called on tensors") == 0);
}

TEST_CASE("a Sequential with models grows with add(), as Keras's model.add(base_model)")
{
    Graph g;
    const Model base = applications::MobileNetV2(g, {.include_top = false, .input_shape = Shape{160, 160, 3}});
    Sequential<std::dynamic_extent, Model> model;
    CHECK(!model.built());
    model.add(base);
    model.add(GlobalAveragePooling2D{});
    model.add(Dense{.units = 1});
    CHECK(model.count_params() == 2'259'265);
    const Sequential<std::dynamic_extent, Model> copy = model; // one model, as one Python object
    model.add(Dense{.units = 2}); // (1 + 1) * 2 weights
    CHECK(copy.count_params() == 2'259'265 + 4);
    CHECK(copy.output_shape() == (Shape{None, 2}));
}

TEST_CASE("Sequential misuse is a shape_error naming the rule")
{
    Sequential<std::dynamic_extent, Model> empty;
    CHECK(error_of([&] { (void)empty.count_params(); }).find("Sequential: This model has not yet been built") == 0);
    CHECK(error_of([] {
              Sequential<std::dynamic_extent, Model>{}.add(Dense{.units = 1});
          }).find("Sequential: a Sequential that holds models needs its input shape from its first layer") == 0);

    const Sequential inner{Dense{.units = 2, .input_shape = {{3}}}};
    Sequential outer{inner, Dense{.units = 1}};
    CHECK(error_of([&] {
              outer.add(InputLayer{.shape = Shape{3}});
          }).find("Sequential: an InputLayer can only be its first layer") == 0);

    auto x = Input(outer.model().graph(), {.shape = Shape{3}});
    (void)outer(x); // now called on tensors of its own Graph: its graph network is fixed
    CHECK(error_of([&] {
              outer.add(Dense{.units = 1});
          }).find("Sequential: a layer cannot be added after the model was called on tensors") == 0);

    Graph g;
    auto a = Input(g, {.shape = Shape{3}});
    auto b = Input(g, {.shape = Shape{3}});
    const Model two{{a, b}, Concatenate{}({a, b})};
    CHECK(error_of([&] {
              Sequential<std::dynamic_extent, Model>{}.add(two);
          }).find("Sequential: its first model must have a single input tensor") == 0);
}

TEST_CASE("a Sequential of layer values keeps its name and trainable flag")
{
    const Sequential frozen{{.name = "encoder", .trainable = false}, Dense{.units = 4, .input_shape = {{2}}}};
    CHECK(frozen.name() == "encoder");
    CHECK(frozen.params().non_trainable == 12);
    CHECK(frozen.params().trainable == 0);
    CHECK(Sequential{Dense{.units = 1, .input_shape = {{1}}}}.name(keras3) == "sequential");
    CHECK(summary(frozen, {.style = SummaryStyle::keras3}).starts_with("Model: \"encoder\"\n"));
}

TEST_CASE("a nested Sequential's plot starts from its InputLayer")
{
    Sequential outer{Sequential{Dense{.units = 8, .input_shape = {{4}}}}, Dense{.units = 1}};
    const std::string dot = model_to_dot(outer);
    CHECK(dot.find("sequential_1_input|InputLayer") != std::string::npos); // Keras 2 numbers from 1
}

// Keras names a layer when it is made, so a layer made to be wrapped takes its class's number first:
// keras-team/keras examples/mnist_hierarchical_rnn.py (Keras 2) writes TimeDistributed(LSTM(128)) then
// LSTM(128); Keras 2.x base_layer numbers them lstm_1 (the wrapped one) and lstm_2.
constexpr bool wrapped_layers_take_their_number()
{
    Graph g;
    auto x = Input(g, {.shape = Shape{28, 28, 1}});
    auto rows = TimeDistributed{.layer = LSTM{.units = 128}}(x);
    auto columns = LSTM{.units = 128}(rows);
    const Model m{x, Dense{.units = 10, .activation = "softmax"}(columns)};
    FACT(m.layers()[1].name() == "time_distributed_1");
    FACT(m.layers()[2].name() == "lstm_2");
    Sequential s{Bidirectional{.layer = GRU{.units = 4, .return_sequences = true}, .input_shape = Shape{5, 3}},
                 GRU{.units = 2}};
    FACT(s.layers()[1].name() == "gru_2");
    return true;
}
static_assert(wrapped_layers_take_their_number());

TEST_CASE("a wrapped layer takes its class's number, as Keras names it when it is made")
{
    CHECK(wrapped_layers_take_their_number());
}

} // namespace unit_sequential_nesting_test
