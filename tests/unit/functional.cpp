// The functional API: graphs, shared layers and sub-models, layer order, and graph errors.
// Expected numbers come from keras-semantics.md (§3, §4.1, §6) and the seed notebook.
#include <doctest/doctest.h>
#include <nnshape/applications.hpp>
#include <nnshape/nnshape.hpp>
#include <nnshape/summary.hpp>
#include "check.hpp"
#include "support.hpp"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace unit_functional_test {

using namespace nnshape;
using nnshape::test::error_of;

namespace {

std::vector<std::string> layer_names(const Model& m)
{
    std::vector<std::string> names;
    for (const LayerView& l : m.layers()) names.emplace_back(l.name().view());
    return names;
}

// §4.1: a vision model (Conv2D(64,3) x2, MaxPooling2D, Flatten on 27x27x1) shared by two inputs,
// concatenated, then Dense(1): 37,568 + 15,489 = 53,057.
constexpr std::array<std::int64_t, 2> shared_vision_model()
{
    Graph g;
    auto digit = Input(g, {.shape = Shape{27, 27, 1}});
    auto x = Conv2D{.filters = 64, .kernel_size = 3}(digit);
    x = Conv2D{.filters = 64, .kernel_size = 3}(x);
    x = MaxPooling2D{.pool_size = 2}(x);
    Model vision{digit, Flatten{}(x)};
    auto a = Input(g, {.shape = Shape{27, 27, 1}});
    auto b = Input(g, {.shape = Shape{27, 27, 1}});
    auto merged = Concatenate{}({vision(a), vision(b)});
    Model m{{a, b}, Dense{.units = 1}(merged)};
    return {vision.count_params(), m.count_params()};
}
static_assert(shared_vision_model() == std::array<std::int64_t, 2>{37'568, 53'057});

// §4.1: one LSTM(64) shared by two (280, 256) inputs, concatenated, Dense(1): 82,176 + 129.
constexpr std::int64_t shared_lstm()
{
    Graph g;
    auto a = Input(g, {.shape = Shape{280, 256}});
    auto b = Input(g, {.shape = Shape{280, 256}});
    auto lstm = g.add(LSTM{.units = 64});
    Model m{{a, b}, Dense{.units = 1}(Concatenate{}({lstm(a), lstm(b)}))};
    return m.count_params();
}
static_assert(shared_lstm() == 82'305);

// §4.1: `d(d(x))`, one Dense(4) called twice: its weights count once (20).
constexpr bool layer_called_twice()
{
    Graph g;
    auto x = Input(g, {.shape = Shape{4}});
    auto d = g.add(Dense{.units = 4});
    Model m{x, d(d(x))};
    FACT(m.count_params() == 20);
    FACT(!m.sequential_like());
    FACT(m.layers().size() == 2);
    return true;
}
static_assert(layer_called_twice());

} // namespace

TEST_CASE("shared sub-models and shared layers count their weights once")
{
    CHECK(shared_vision_model() == std::array<std::int64_t, 2>{37'568, 53'057});
    CHECK(shared_lstm() == 82'305);
    CHECK(layer_called_twice());
}

TEST_CASE("model.layers order: an input feeding only a late layer is listed just before it (spec 4.1)")
{
    Graph g;
    auto main_in = Input(g, {.shape = Shape{8}, .name = "main"});
    auto x = Dense{.units = 16}(main_in);
    x = Dense{.units = 16}(x);
    x = Dense{.units = 4}(x);
    auto aux = Input(g, {.shape = Shape{4}, .name = "aux"});
    Model m{{main_in, aux}, Add{}({x, aux})};
    CHECK(layer_names(m) == std::vector<std::string>{"main", "dense_1", "dense_2", "dense_3", "aux", "add_1"});
    CHECK(m.count_params() == 144 + 272 + 68);
    CHECK_FALSE(m.sequential_like());
}

TEST_CASE("the notebook's shared sub-model: names, nodes and per-layer counts")
{
    Graph g;
    auto inputs = Input(g, {.shape = Shape{None, None, 3}});
    auto fm_in = Input(g, {.shape = Shape{None, None, 3}});
    Model fm{fm_in, Conv2D{.filters = 3, .kernel_size = 3, .padding = same}(fm_in)};
    auto x = Conv2D{.filters = 3, .kernel_size = 3, .padding = same}(inputs);
    auto y2 = fm(fm(x));
    fm(fm(y2));
    Model m{inputs, y2};
    CHECK(layer_names(m) == std::vector<std::string>{"input_1", "conv2d_2", "model_1"});
    CHECK(m.count_params() == 168);
    CHECK(m.layers()[2].count_params() == 84);
    CHECK(m.layers()[2].is_model());
    CHECK(m.layers()[2].nodes().size() == 5); // node 0 is the model's own, then four calls
    CHECK(m.layers()[2].output_shapes() == Shapes{Shape{None, None, None, 3}});
    CHECK_FALSE(m.sequential_like());
    CHECK(m.output_shape() == Shape{None, None, None, 3});
}

TEST_CASE("a functional chain from Input is sequential-like and lists its InputLayer (notebook In [3])")
{
    Graph g;
    auto image_input = Input(g, {.shape = Shape{None, None, 3}});
    Model m{image_input, Conv2D{.filters = 16, .kernel_size = 3}(image_input)};
    CHECK(m.sequential_like());
    CHECK(layer_names(m) == std::vector<std::string>{"input_1", "conv2d_1"});
    CHECK(m.count_params() == 448);
    CHECK(m.output_shape() == Shape{None, None, None, 16});
}

TEST_CASE("multiple outputs: LSTM return_state gives three tensors (spec 9)")
{
    Graph g;
    auto x = Input(g, {.shape = Shape{5, 3}});
    auto outs = LSTM{.units = 4, .return_state = true}(x);
    REQUIRE(outs.size() == 3);
    for (const Tensor& t : outs) CHECK(t.shape() == Shape{None, 4});
    Model m{x, {outs[0], outs[1], outs[2]}};
    CHECK(m.output_shapes().size() == 3);
    CHECK(m.count_params() == 128);
    CHECK_THROWS_AS((void)outs.shape(), shape_error);
}

// The same in constant evaluation: ten heads on one Input.
constexpr bool ten_heads_at_compile_time()
{
    Graph g;
    auto x = Input(g, {.shape = Shape{4}});
    std::vector<Tensor> heads;
    for (int units = 1; units <= 10; ++units) heads.push_back(Dense{.units = units}(x));
    const Model m{x, Tensors(std::move(heads))};
    return m.outputs().size() == 10 && m.outputs()[9].shape() == Shape{None, 10} &&
           m.count_params() == 275; // 4u + u for u = 1..10
}
static_assert(ten_heads_at_compile_time());

TEST_CASE("a model takes any number of inputs and outputs (model.inputs, model.outputs); Shapes lists stop at 8")
{
    // keras.io's structured-data models give each feature an Input of its own; multi-task models a head each.
    Graph g;
    std::vector<Tensor> features;
    for (int i = 0; i < 13; ++i) features.push_back(Input(g, {.shape = Shape{1}}));
    auto x = Dense{.units = 4}(Concatenate{}(Tensors(features)));
    std::vector<Tensor> heads;
    for (int units = 1; units <= 10; ++units) heads.push_back(Dense{.units = units}(x));
    const Model m{Tensors(features), Tensors(heads)};
    // Dense: inputs * units + units. 13 * 4 + 4 = 56, and the heads 4u + u for u = 1..10: 5 * 55 = 275.
    CHECK(m.count_params() == 56 + 275);
    REQUIRE(m.inputs().size() == 13);
    REQUIRE(m.outputs().size() == 10);
    CHECK(m.inputs()[12] == features[12]);
    for (std::size_t i = 0; i < 10; ++i) CHECK(m.outputs()[i].shape() == Shape{None, std::int64_t(i) + 1});
    CHECK(summary(m).find("Total params: 331") != std::string::npos);
    CHECK_THROWS_WITH_AS((void)m.input_shapes(), doctest::Contains("read a model with more inputs from inputs()"),
                         shape_error);
    CHECK_THROWS_WITH_AS((void)m.output_shapes(), doctest::Contains("read a model with more outputs from outputs()"),
                         shape_error);
    CHECK_THROWS_WITH_AS((void)m(Tensors(features)), doctest::Contains("cannot be called on tensors"), shape_error);
    const Model eight{Tensors(features), Tensors(std::vector<Tensor>(heads.begin(), heads.begin() + 8))};
    CHECK(eight.output_shapes().size() == 8);
    CHECK(eight(Tensors(features)).size() == 8);
}

TEST_CASE("a Tensors whose tensor was moved out (or that was moved from) holds none")
{
    Graph g;
    Tensors one = Dense{.units = 4}(Input(g, {.shape = Shape{3}}));
    const Tensor taken = std::move(one);
    CHECK(taken.shape() == Shape{None, 4});
    CHECK(one.size() == 0);
    CHECK_THROWS_AS((void)one.shape(), shape_error);
    Tensors three = LSTM{.units = 4, .return_state = true}(Input(g, {.shape = Shape{5, 3}}));
    const Tensors moved = std::move(three);
    CHECK(moved.size() == 3);
    CHECK(three.size() == 0);
    CHECK_THROWS_AS((void)three[0], shape_error);
}

TEST_CASE("a model called on inputs of another size infers new shapes, its row shows `multiple`")
{
    Graph g;
    auto small = Input(g, {.shape = Shape{8, 8, 3}});
    Model conv{small, Conv2D{.filters = 4, .kernel_size = 3}(small)};
    auto big = Input(g, {.shape = Shape{16, 16, 3}});
    auto y = conv(big);
    CHECK(y.shape() == Shape{None, 14, 14, 4});
    Model m{big, y};
    CHECK(m.layers()[1].output_shapes() == std::nullopt);
    CHECK(m.count_params() == 3 * 3 * 3 * 4 + 4);
}

TEST_CASE("a shared layer must fit its weights on every call")
{
    Graph g;
    auto a = Input(g, {.shape = Shape{32}});
    auto b = Input(g, {.shape = Shape{16}});
    auto d = g.add(Dense{.units = 4, .name = "shared"});
    d(a);
    const std::string e = error_of([&] { d(b); });
    CHECK(e.find("Dense layer \"shared\" with input shape (None, 16)") == 0);
    CHECK(e.find("incompatible") != std::string::npos);
}

TEST_CASE("trainable=false moves a layer's or a sub-model's weights to non-trainable (spec 3)")
{
    // Dense(2) on 3 features (8), BatchNormalization (4 + 4), Dense(1, trainable=False) (3).
    const Sequential s{Dense{.units = 2, .input_shape = Shape{3}}, BatchNormalization{},
                       Dense{.units = 1, .trainable = false}};
    CHECK(s.params() == Params{12, 7});

    Graph g;
    auto x = Input(g, {.shape = Shape{3}});
    Model inner{x, Dense{.units = 2}(x), {.trainable = false}};
    auto y = Input(g, {.shape = Shape{3}});
    Model outer{y, Dense{.units = 1}(inner(y))};
    CHECK(outer.params() == Params{3, 8});
}

TEST_CASE("Graph disconnected: an output that needs an input the model was not given")
{
    Graph g;
    auto a = Input(g, {.shape = Shape{4}, .name = "a"});
    auto b = Input(g, {.shape = Shape{4}, .name = "b"});
    auto sum = Add{}({Dense{.units = 4, .name = "da"}(a), b});
    const std::string e = error_of([&] { Model{a, sum}; });
    CHECK(e.find("Model: Graph disconnected: cannot obtain value for tensor b[0][0] with shape (None, 4) at layer "
                 "\"b\". The following previous layers were accessed without issue: [") == 0);
}

TEST_CASE("model inputs must be Input tensors, without repeats, and layer names must be unique")
{
    Graph g;
    auto a = Input(g, {.shape = Shape{4}});
    auto h = Dense{.units = 4}(a);
    CHECK(error_of([&] { Model{h, Dense{.units = 2}(h)}; }).find("must be InputLayer") != std::string::npos);
    CHECK(error_of([&] { Model{{a, a}, h}; }).find("redundant") != std::string::npos);
    auto twice = Dense{.units = 4, .name = "d"}(Dense{.units = 4, .name = "d"}(a));
    CHECK(error_of([&] { Model{a, twice}; }).find("The name \"d\" is used more than once") != std::string::npos);
    // A given name of automatic form clashes with the automatic name it spells: two unnamed Dense are
    // dense_1 and dense_2 (Keras 2) or dense and dense_1 (Keras 3), so a third named "dense_1" repeats
    // one of them either way (Keras's Functional checks every layer name for uniqueness).
    Graph fresh;
    auto in = Input(fresh, {.shape = Shape{4}});
    auto clash = Dense{.units = 4, .name = "dense_1"}(Dense{.units = 4}(Dense{.units = 4}(in)));
    CHECK(error_of([&] { Model{in, clash}; }).find("The name \"dense_1\" is used more than once") != std::string::npos);
}

TEST_CASE("Keras 3 naming numbers each class from zero")
{
    Graph g;
    auto x = Input(g, {.shape = Shape{4}});
    auto y = Dense{.units = 2}(Dense{.units = 2}(x));
    Model m{x, y};
    const auto layers = m.layers();
    CHECK(layers[0].name(keras3) == std::string_view("input_layer"));
    CHECK(layers[1].name(keras3) == std::string_view("dense"));
    CHECK(layers[2].name(keras3) == std::string_view("dense_1"));
    CHECK(m.name(keras3) == std::string_view("functional"));
    CHECK(m.name() == std::string_view("model_1"));
}

// ---- models are values ----------------------------------------------------------------------------

namespace {

// The direct port of keras.io's functional API guide (`def get_model(): inputs = keras.Input(shape=(784,));
// ...; return keras.Model(inputs, outputs)`): the Graph is gone when the caller uses the model. Keras's
// summary of that mnist_model: dense 50,240 (784*64 + 64), dense_1 4,160, dense_2 650; total 55,050.
constexpr Model get_model()
{
    Graph g;
    auto inputs = Input(g, {.shape = Shape{784}});
    auto x = Dense{.units = 64, .activation = "relu"}(inputs);
    x = Dense{.units = 64, .activation = "relu"}(x);
    return Model{inputs, Dense{.units = 10}(x), {.name = "mnist_model"}};
}

constexpr Tensor get_input()
{
    Graph g;
    return Input(g, {.shape = Shape{784}});
}

} // namespace

static_assert(get_model().count_params() == 55'050);
static_assert(get_model().output_shape() == Shape{None, 10});

TEST_CASE("a Model returned from the function that built its Graph stays valid")
{
    const Model model = get_model();
    CHECK(model.count_params() == 55'050);
    CHECK(test::name_at(model, 1, keras3) == "dense"); // the guide prints Keras 3 names
    CHECK(model.layers()[1].count_params() == 50'240);
    CHECK(summary(model).find("Total params: 55,050") != std::string::npos);
}

TEST_CASE("copies of a Model, and the layer views it gave, outlive the original")
{
    std::vector<LayerView> layers;
    std::optional<Model> copy;
    {
        const Model original = get_model();
        copy = original;
        layers = original.layers();
    }
    CHECK(copy->count_params() == 55'050);
    CHECK(layers.back().count_params() == 650);
    CHECK(std::string(layers.back().name(keras3).view()) == "dense_2");
}

TEST_CASE("a tensor returned from the function that made its Graph can be built on")
{
    const Tensor x = get_input();
    const Model head{x, Dense{.units = 3}(x)};
    CHECK(head.count_params() == 784 * 3 + 3); // Keras's Dense: kernel (784, 3) + bias (3)
}

// keras.io's transfer learning guide (Keras 3), the base model built in a Graph of its own and called
// on another's tensors: `base_model = keras.applications.Xception(weights=None, input_shape=(150, 150, 3),
// include_top=False); base_model.trainable = False; inputs = keras.Input(shape=(150, 150, 3)); x =
// base_model(inputs, training=False); x = keras.layers.GlobalAveragePooling2D()(x); outputs =
// keras.layers.Dense(1)(x)`. The guide's summary: xception (Functional) (None, 5, 5, 2048) 20,861,480;
// dense (None, 1) 2,049; Total params: 20,863,529; Trainable params: 2,049.
Model xception_base()
{
    Graph g;
    return applications::Xception(g, {.include_top = false, .input_shape = Shape{150, 150, 3}});
}

TEST_CASE("a model made in another Graph is called on this Graph's tensors (transfer learning)")
{
    const Model base = xception_base();
    Graph g;
    auto inputs = Input(g, {.shape = Shape{150, 150, 3}});
    auto x = base(inputs);
    x = GlobalAveragePooling2D{}(x);
    const Model model{inputs, Dense{.units = 1}(x)};
    CHECK(model.count_params() == 20'863'529);
    CHECK(model.layers()[1].output_shapes() == Shapes{Shape{None, 5, 5, 2048}});
    CHECK(model.layers()[1].count_params() == 20'861'480);
    CHECK(model.layers()[3].count_params() == 2'049);
    CHECK(base.count_params() == 20'861'480); // the original is untouched

    // Called again in this Graph, the base is not copied again: its weights count once.
    auto other = Input(g, {.shape = Shape{150, 150, 3}});
    auto pooled = GlobalAveragePooling2D{}(base(other));
    const Model twice{{inputs, other}, Concatenate{}({x, pooled})};
    CHECK(twice.count_params() == 20'861'480);
}

// A model's given name and class are kept by its Graph (it holds no layer value that has them): a Graph
// that takes in another's records must find each model's under its new index.
TEST_CASE("models keep their given names when another Graph takes in their records")
{
    Graph a;
    const Tensor a_in = Input(a, {.shape = {4}});
    const Model encoder{a_in, Dense{.units = 2}(a_in), {.name = "encoder"}};
    Graph b;
    const Tensor b_in = Input(b, {.shape = {4}});
    const Model head{b_in, Dense{.units = 3}(b_in), {.name = "head"}}; // b's own named model, made first
    const Tensor frames = Input(b, {.shape = {5, 4}});
    const Tensor per_frame = TimeDistributedModel{.layer = encoder, .name = "per_frame"}(frames);
    const Model both{frames, per_frame, {.name = "both"}};
    CHECK(both.layers()[1].name() == "per_frame");
    CHECK(both.layers()[1].class_name() == "TimeDistributed");
    CHECK(both.layers()[1].wrapped_model()->name() == "encoder");
    CHECK(head.name() == "head");
    CHECK(both.name() == "both");
    CHECK(encoder.name() == "encoder"); // the original is untouched
}

} // namespace unit_functional_test
