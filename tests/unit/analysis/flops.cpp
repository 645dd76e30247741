// MACs and FLOPs (nnshape/analysis/flops.hpp). Sources of the expected numbers:
// - [kf]     keras-flops (github.com/tokusumi/keras-flops): its README's example model and the
//            formulas of its tests/test_flops.py, which are TensorFlow's profiler rules.
// - [issue]  the convention: BatchNormalization = 2 * elements + 6 * channels, Add =
//            (k - 1) * elements, Softmax = 5 * n, 2 FLOPs per MAC plus bias adds.
// - [rule]   our written rules for what the profiler does not count (recurrent cells, attention):
//            docs conventions "MACs and FLOPs", and the comment at each rule in flops.hpp.
// - [papers] MobileNet (Howard et al. 2017, Table 1: 569 million mult-adds), MobileNetV2 (Sandler
//            et al. 2018, Table 2 and §6.1: 300M multiply-adds), ResNet-50 (He et al. 2016, Table 1:
//            3.8 x 10^9 FLOPs, i.e. multiply-adds), VGG-16 (configuration D of Simonyan & Zisserman
//            2015, Table 1; He et al. 2016 §4.1: "15.3 billion FLOPs"). The exact MACs below are the
//            arithmetic of those architecture tables, written out next to each test.
#include <doctest/doctest.h>
#include <nnshape/analysis/flops.hpp>
#include <nnshape/applications/mobilenet.hpp>
#include <nnshape/applications/resnet.hpp>
#include <nnshape/applications/vgg.hpp>
#include <nnshape/nnshape.hpp>
#include "../check.hpp"
#include "../support.hpp"

#include <span>
#include <utility>
#include <vector>

namespace unit_analysis_flops_test {

using namespace nnshape;

namespace {

// The cost of a model made of one layer on `in` (batch_size 1).
template <class L>
constexpr Cost one_layer(L layer, Shape in, CostOptions options = {})
{
    Graph g;
    auto x = Input(g, {.batch_shape = in});
    const Model m{x, std::move(layer)(x)};
    return cost(m, options).calls[1];
}

template <class L>
constexpr Cost two_inputs(L layer, Shape a, Shape b)
{
    Graph g;
    auto x = Input(g, {.batch_shape = a});
    auto y = Input(g, {.batch_shape = b});
    const Model m{{x, y}, std::move(layer)({x, y})};
    return cost(m).calls[2];
}

// `layer` called on a sequence and `states` initial states of shape (None, units).
template <class L>
constexpr Cost with_initial_states(L layer, Shape in, int states, std::int64_t units)
{
    Graph g;
    std::vector<Tensor> inputs{Input(g, {.batch_shape = in})};
    for (int i = 0; i < states; ++i) inputs.push_back(Input(g, {.shape = {units}}));
    const Tensors call(std::move(inputs));
    const Model m{call, std::move(layer)(call)};
    return cost(m).calls[std::size_t(states) + 1];
}

// [kf] README: Conv2D(32, 3, relu) on 32x32x3 -> Conv2D(64, 3, relu) -> MaxPooling2D(2) -> Dropout
// -> Flatten -> Dense(128, relu) -> Dropout -> Dense(10, softmax); "FLOPS: 0.0338 G". Per layer:
// conv1 30x30x32 outputs x 27 taps = 777,600 MACs -> 2 x 777,600 + 28,800 bias = 1,584,000
// conv2 28x28x64 = 50,176 outputs x 288 = 14,450,688 MACs -> 28,901,376 + 50,176 = 28,951,552
// pool  14x14x64 = 12,544 outputs x 4 = 50,176; relu, dropout, flatten 0
// dense 12,544 x 128 = 1,605,632 MACs -> 3,211,264 + 128 = 3,211,392
// dense 128 x 10 = 1,280 MACs -> 2,560 + 10 = 2,570; softmax 5 x 10 = 50
// total 33,799,740 FLOPs; 16,835,200 MACs.
constexpr ModelCost keras_flops_model(CostOptions options = {})
{
    Graph g;
    auto inp = Input(g, {.shape = Shape{32, 32, 3}});
    auto x = Activation{.activation = "relu"}(Conv2D{.filters = 32, .kernel_size = 3}(inp));
    x = Activation{.activation = "relu"}(Conv2D{.filters = 64, .kernel_size = 3}(x));
    x = MaxPooling2D{.pool_size = 2}(x);
    x = Flatten{}(Dropout{.rate = 0.25}(x));
    x = Dropout{.rate = 0.5}(Activation{.activation = "relu"}(Dense{.units = 128}(x)));
    auto out = Activation{.activation = "softmax"}(Dense{.units = 10}(x));
    return cost(Model{inp, out}, options);
}

constexpr bool keras_flops_readme_model()
{
    const ModelCost c = keras_flops_model();
    const Dim flops[] = {0, 1'584'000, 0, 28'951'552, 0, 50'176, 0, 0, 3'211'392, 0, 0, 2'570, 50};
    for (std::size_t i = 0; i < c.calls.size(); ++i) FACT(c.calls[i].flops == flops[i]);
    FACT(c.calls.size() == 13);
    FACT(c.total == Cost{16'835'200, 33'799'740});
    return true;
}
static_assert(keras_flops_readme_model());

// The same model written as the README writes it, with the activations as layer arguments: the same
// 33,799,740 FLOPs, the softmax now counted in the last Dense's call (2,570 + 50).
constexpr bool keras_flops_readme_model_fused()
{
    Graph g;
    auto inp = Input(g, {.shape = Shape{32, 32, 3}});
    auto x = Conv2D{.filters = 32, .kernel_size = 3, .activation = "relu"}(inp);
    x = Conv2D{.filters = 64, .kernel_size = 3, .activation = "relu"}(x);
    x = Flatten{}(Dropout{.rate = 0.25}(MaxPooling2D{.pool_size = 2}(x)));
    x = Dropout{.rate = 0.5}(Dense{.units = 128, .activation = "relu"}(x));
    const ModelCost c = cost(Model{inp, Dense{.units = 10, .activation = "softmax"}(x)});
    FACT(c.calls.size() == 9);
    FACT(c.calls[8].flops == Dim(2'620));
    FACT(c.total == Cost{16'835'200, 33'799'740});
    return true;
}
static_assert(keras_flops_readme_model_fused());

// Batch scaling: batch_size 8 is 8 x the per-sample cost for layers without per-call terms.
constexpr bool batch_of_eight()
{
    FACT(keras_flops_model({.batch_size = 8}).total == Cost{8 * 16'835'200, 8 * 33'799'740});
    return true;
}
static_assert(batch_of_eight());

// [kf] tests/test_flops.py, each with batch_size=1.
constexpr bool keras_flops_layer_rules()
{
    FACT(one_layer(Conv1D{.filters = 32, .kernel_size = 3, .padding = same}, {None, 32, 3}).flops ==
         Dim((2 * 3 * 3 + 1) * 32 * 32));
    FACT(one_layer(Conv2D{.filters = 32, .kernel_size = 3, .padding = same}, {None, 32, 32, 3}).flops ==
         Dim((2 * 3 * 3 * 3 + 1) * 32 * 32 * 32));
    FACT(one_layer(Conv3D{.filters = 32, .kernel_size = 3, .padding = same}, {None, 32, 32, 32, 3}).flops ==
         Dim(std::int64_t{2 * 27 * 3 + 1} * 32 * 32 * 32 * 32));
    FACT(one_layer(DepthwiseConv2D{.kernel_size = 3, .padding = same}, {None, 32, 32, 3}).flops ==
         Dim((2 * 3 * 3 + 1) * 32 * 32 * 3));
    // depthwise with no bias + pointwise
    FACT(one_layer(SeparableConv1D{.filters = 32, .kernel_size = 3, .padding = same}, {None, 32, 3}).flops ==
         Dim(2 * 3 * 32 * 3 + (2 * 3 + 1) * 32 * 32));
    FACT(one_layer(SeparableConv2D{.filters = 32, .kernel_size = 3, .padding = same}, {None, 32, 32, 3}).flops ==
         Dim(2 * 9 * 32 * 32 * 3 + (2 * 3 + 1) * 32 * 32 * 32));
    FACT(one_layer(AveragePooling1D{.pool_size = 2}, {None, 32, 32}).flops == Dim(32 * 32));
    FACT(one_layer(AveragePooling2D{.pool_size = 2}, {None, 32, 32, 32}).flops == Dim(32 * 32 * 32));
    FACT(one_layer(MaxPooling1D{.pool_size = 2}, {None, 32, 32}).flops == Dim(32 * 32));
    FACT(one_layer(MaxPooling2D{.pool_size = 2}, {None, 32, 32, 32}).flops == Dim(32 * 32 * 32));
    FACT(one_layer(GlobalAveragePooling1D{}, {None, 32, 32}).flops == Dim(32 * 32));
    FACT(one_layer(GlobalAveragePooling2D{}, {None, 32, 32, 32}).flops == Dim(32 * 32 * 32));
    FACT(one_layer(GlobalAveragePooling3D{}, {None, 32, 32, 32, 32}).flops == Dim(32 * 32 * 32 * 32));
    FACT(one_layer(Activation{.activation = "softmax"}, {None, 8}).flops == Dim(5 * 8));
    FACT(one_layer(Dense{.units = 3}, {None, 8}).flops == Dim(2 * 8 * 3 + 3));
    FACT(one_layer(Dense{.units = 3, .use_bias = false}, {None, 8}).flops == Dim(2 * 8 * 3));
    FACT(two_inputs(Multiply{}, {None, 5}, {None, 5}).flops == Dim(5));
    return true;
}
static_assert(keras_flops_layer_rules());

// [kf] test_conv2dtranspose asserts at least ((2 x 9 x 3) + 1) x 32 x 32 x 32 = 1,802,240; every input
// value meets every tap of every filter: 32 x 32 x 3 x 9 x 32 = 884,736 MACs, 1,769,472 + 32,768 bias.
static_assert(one_layer(Conv2DTranspose{.filters = 32, .kernel_size = 3, .padding = same}, {None, 32, 32, 3}) ==
              Cost{884'736, 1'802'240});

// Dense's 2 FLOPs per MAC + bias for the other contractions:
// - EinsumDense "abc,cd->abd" (10, 64) with bias "d" on (None, 10, 32): 10 x 64 outputs x 32 = 20,480 MACs
// - "...b,bc->...c" 16 without bias on (None, 3, 4, 8): 3 x 4 x 16 x 8 = 1,536 MACs
// - LocallyConnected1D(4, 3) on (None, 10, 2): 8 positions x 3 taps x 2 x 4 = 192 MACs, 32 biases
// - Dot(axes 1) on two (None, 5): 5 MACs; normalize adds 3 per input element: 10 + 30
constexpr bool other_contractions()
{
    FACT(one_layer(EinsumDense{.equation = "abc,cd->abd", .output_shape = {10, 64}, .bias_axes = "d"},
                   {None, 10, 32}) == Cost{20'480, 40'960 + 640});
    FACT(one_layer(EinsumDense{.equation = "...b,bc->...c", .output_shape = 16}, {None, 3, 4, 8}) ==
         Cost{1'536, 3'072});
    FACT(one_layer(LocallyConnected1D{.filters = 4, .kernel_size = 3}, {None, 10, 2}) == Cost{192, 416});
    FACT(two_inputs(Dot{.axes = 1}, {None, 5}, {None, 5}) == Cost{5, 10});
    FACT(two_inputs(Dot{.axes = 1, .normalize = true}, {None, 5}, {None, 5}) == Cost{5, 40});
    FACT(one_layer(SpectralNormalization{.layer = Dense{.units = 3}}, {None, 8}) == Cost{24, 51});
    // The wrapped layer's own activation runs in Keras's call of it: a softmax's 5 per element (3).
    FACT(one_layer(SpectralNormalization{.layer = Dense{.units = 3, .activation = "softmax"}}, {None, 8}) ==
         Cost{24, 51 + 15});
    return true;
}
static_assert(other_contractions());

// [rule] normalizing n elements in g groups: 6n + 3g, + n for each of gamma and beta; on (None, 4, 6):
// LayerNormalization g = 4: 8 x 24 + 12 = 204; GroupNormalization(groups 2) g = 2: 192 + 6 = 198;
// UnitNormalization 3 x 24 + 3 x 4 = 84. GlobalMaxPooling1D: 24 - 6 = 18 comparisons. Rescaling,
// Normalization, Masking: 2 per element. Average of two: an add and a divide per element.
constexpr bool normalization_rules()
{
    const Shape in{None, 4, 6};
    FACT(one_layer(LayerNormalization{}, in) == Cost{0, 204});
    FACT(one_layer(GroupNormalization{.groups = 2}, in) == Cost{0, 198});
    FACT(one_layer(UnitNormalization{}, in) == Cost{0, 84});
    FACT(one_layer(GlobalMaxPooling1D{}, in) == Cost{0, 18});
    FACT(one_layer(Rescaling{.scale = 0.5}, in) == Cost{0, 48});
    FACT(one_layer(Normalization{}, in) == Cost{0, 48});
    FACT(one_layer(Masking{}, in) == Cost{0, 48});
    FACT(two_inputs(Average{}, in, in) == Cost{0, 48});
    return true;
}
static_assert(normalization_rules());

// [kf] test_ignore: Flatten, Activation("relu"), Dropout are free.
constexpr bool free_layers()
{
    constexpr Sequential m{Flatten{.input_shape = Shape{16, 16}}, Activation{.activation = "relu"},
                           Dropout{.rate = 0.25}};
    FACT(cost(m).total == Cost{0, 0});
    return true;
}
static_assert(free_layers());

// [issue] BatchNormalization 2 * elements + 6 * channels: (32, 3) is 2 * 96 + 6 * 3 = 210; the
// per-channel part is per call, so a batch of 8 gives 2 * 768 + 18 = 1,554. Add of 3: 2 * elements.
constexpr bool elementwise_rules()
{
    Graph g;
    auto a = Input(g, {.shape = Shape{4, 5}});
    const Model m{a, Add{}({a, a, a})};
    FACT(one_layer(BatchNormalization{}, {None, 32, 3}) == Cost{0, 210});
    FACT(one_layer(BatchNormalization{}, {None, 32, 3}, {.batch_size = 8}) == Cost{0, 1'554});
    FACT(cost(m).calls[1] == Cost{0, 2 * 20});
    FACT(one_layer(Softmax{}, {None, 3, 7}) == Cost{0, 5 * 21});
    return true;
}
static_assert(elementwise_rules());

// [rule] per time step and sample: gates x units x (input + units) MACs; 2 FLOPs per MAC plus, per
// unit, one join per gate, the bias adds and the state update (LSTM 4, GRU 5, SimpleRNN 0).
// Input (None, 10, 3), units 4:
//   LSTM      4 x 4 x 7 = 112 MACs; 224 + (4 + 4 + 4) x 4 = 272 FLOPs; x 10 steps
//   GRU       3 x 4 x 7 = 84;        168 + (3 + 6 + 5) x 4 = 224 (reset_after: 2 biases per gate)
//             reset_after=false:     168 + (3 + 3 + 5) x 4 = 212
//   SimpleRNN 4 x 7 = 28;            56 + (1 + 1) x 4 = 64
constexpr bool recurrent_rules()
{
    const Shape in{None, 10, 3};
    FACT(one_layer(LSTM{.units = 4}, in) == Cost{1'120, 2'720});
    FACT(one_layer(GRU{.units = 4}, in) == Cost{840, 2'240});
    FACT(one_layer(GRU{.units = 4, .reset_after = false}, in) == Cost{840, 2'120});
    FACT(one_layer(SimpleRNN{.units = 4}, in) == Cost{280, 640});
    FACT(one_layer(RNN{.cell = LSTMCell{.units = 4}}, in) == Cost{1'120, 2'720});
    // a stack: the second cell's input is the first's 4 units: 4 x 4 x 8 = 128 MACs, 256 + 48
    FACT(one_layer(RNN{.cell = StackedRNNCells{.cells = {LSTMCell{.units = 4}, LSTMCell{.units = 4}}}}, in) ==
         Cost{1'120 + 1'280, 2'720 + 3'040});
    // both directions, concatenated for free
    FACT(one_layer(Bidirectional{.layer = LSTM{.units = 4}}, in) == Cost{2'240, 5'440});
    // initial states are read, not computed: the same costs (Bidirectional: two states each way)
    FACT(with_initial_states(LSTM{.units = 4}, in, 2, 4) == Cost{1'120, 2'720});
    FACT(with_initial_states(Bidirectional{.layer = LSTM{.units = 4}}, in, 4, 4) == Cost{2'240, 5'440});
    // ... or summed: 1 per output element (4)
    FACT(one_layer(Bidirectional{.layer = LSTM{.units = 4}, .merge_mode = MergeMode::sum}, in) == Cost{2'240, 5'444});
    // Dense(5) on each of 10 steps: 10 x 3 x 5 = 150 MACs, 300 + 50 FLOPs
    FACT(one_layer(TimeDistributed{.layer = Dense{.units = 5}}, in) == Cost{150, 350});
    return true;
}
static_assert(recurrent_rules());

// [rule] ConvLSTM1D(filters 2, kernel 3, same) on (None, 5 steps, 8 positions, 3 channels): per step
// 8 positions x 3 taps x 8 gate channels x (3 + 2) = 960 MACs; 1,920 + 12 x 16 state elements =
// 2,112 FLOPs; x 5 steps.
constexpr bool conv_lstm_rule()
{
    FACT(one_layer(ConvLSTM1D{.filters = 2, .kernel_size = 3, .padding = same}, {None, 5, 8, 3}) ==
         Cost{4'800, 10'560});
    return true;
}
static_assert(conv_lstm_rule());

// [rule] query (None, 6, 8), value = key (None, 5, 8).
// MultiHeadAttention(num_heads 2, key_dim 4): projections q 6x8x8 = 384, k 5x8x8 = 320, v 320, out
// 6x8x8 = 384; scores 6 x 2 heads x 5 = 60, each 4 + 4 MACs = 480; 1,888 MACs. FLOPs: 3,776 + biases
// (48 + 40 + 40 + 48) + query scaling 48 + softmax 5 x 60 = 4,300.
// GroupQueryAttention(head_dim 4, 2 query heads, 1 key/value head): projections 384 + 160 + 160 + 384,
// scores 60 x 8 = 480: 1,568 MACs; 3,136 + biases (48 + 20 + 20 + 48) + scaling 48 + softmax 300 = 3,620.
// Attention: 30 scores x (8 + 8) = 480 MACs; 960 + softmax 150 = 1,110.
// AdditiveAttention: 30 x 8 = 240 MACs; 480 + 3 x 30 x 8 (add, scale, sum) + 150 = 1,350.
constexpr bool attention_rules()
{
    const Shape q{None, 6, 8}, v{None, 5, 8};
    FACT(two_inputs(MultiHeadAttention{.num_heads = 2, .key_dim = 4}, q, v) == Cost{1'888, 4'300});
    FACT(two_inputs(GroupQueryAttention{.head_dim = 4, .num_query_heads = 2, .num_key_value_heads = 1}, q, v) ==
         Cost{1'568, 3'620});
    FACT(two_inputs(Attention{}, q, v) == Cost{480, 1'110});
    FACT(two_inputs(AdditiveAttention{}, q, v) == Cost{240, 1'350});
    return true;
}
static_assert(attention_rules());

// A count that needs an unknown dimension is unknown, never 0; a None batch is batch_size.
constexpr bool unknown_dimensions()
{
    const Cost conv = one_layer(Conv2D{.filters = 8, .kernel_size = 3}, {None, None, None, 3});
    const Cost lstm = one_layer(LSTM{.units = 4}, {None, None, 3});
    Graph g;
    auto x = Input(g, {.shape = Shape{None, 3}});
    const Model m{x, Dense{.units = 2}(LSTM{.units = 4, .return_sequences = true}(x))};
    const ModelCost mc = cost(m);
    FACT(!conv.macs.known());
    FACT(!conv.flops.known());
    FACT(!lstm.macs.known());
    FACT(one_layer(Dense{.units = 4}, {None, 8}) == Cost{32, 68});
    FACT(!mc.total.macs.known());
    FACT(!mc.calls[2].flops.known());
    FACT(mc.calls[0] == Cost{0, 0});
    return true;
}
static_assert(unknown_dimensions());

// A stateful LSTM's known batch of 4 is kept: batch_size applies to None only.
constexpr bool known_batch_is_kept()
{
    FACT(one_layer(LSTM{.units = 4, .stateful = true}, {4, 10, 3}, {.batch_size = 8}) == Cost{4 * 1'120, 4 * 2'720});
    return true;
}
static_assert(known_batch_is_kept());

// A custom layer gives its cost with a `cost` member; without one its cost is unknown.
struct Scale {
    NNSHAPE_LAYER_KWARGS
    static constexpr std::string_view class_name = "Scale";
    constexpr Shape output_shape(const Shape& in) const { return in; }
    constexpr Cost cost(std::span<const Shape> in, std::span<const Shape>) const
    {
        return {0, product({in[0].begin(), in[0].end()})};
    }
};
struct Opaque {
    NNSHAPE_LAYER_KWARGS
    static constexpr std::string_view class_name = "Opaque";
    constexpr Shape output_shape(const Shape& in) const { return in; }
};

// A Graph holds its custom layers behind LayerBox, which has no cost hook: unknown there.
constexpr bool custom_layers()
{
    constexpr Sequential m{Scale{.input_shape = Shape{6}}, Opaque{}};
    const ModelCost c = cost(m, {.batch_size = 2});
    Graph g;
    auto x = Input(g, {.shape = Shape{6}});
    const Model boxed{x, Scale{}(x)};
    FACT(c.calls[0] == Cost{0, 12});
    FACT(!c.calls[1].macs.known());
    FACT(!c.total.flops.known());
    FACT(!cost(boxed).calls[1].flops.known());
    return true;
}
static_assert(custom_layers());

// [papers] MobileNet 224, alpha 1 (Table 1): conv 112x112 x 27 x 32 = 10,838,016; then per block
// depthwise 3x3 + pointwise at the output size: 29,302,784 + 27,496,448 + 54,992,896 + 26,593,280
// + 53,186,560 + 26,141,696 + 5 x 52,283,392 + 25,915,904 + 51,831,808; FC 1,024 x 1,000 =
// 1,024,000. Total 568,740,352 = the paper's "569 million".
constexpr Dim mobilenet_macs()
{
    Graph g;
    return cost(applications::MobileNet(g)).total.macs;
}

constexpr bool mobilenet_first_conv()
{
    Graph g;
    const ModelCost c = cost(applications::MobileNet(g));
    // calls[1] is conv1: 3x3x3 -> 32, stride 2, same, no bias: 112 x 112 x 32 x 27 MACs, 2 FLOPs each
    FACT(c.calls[1] == Cost{10'838'016, 21'676'032});
    return true;
}

// In constant evaluation too, within both compilers' default limits.
static_assert(mobilenet_macs() == Dim(568'740'352));
static_assert(mobilenet_first_conv());

} // namespace

TEST_CASE("keras-flops's README model: 33,799,740 FLOPs [kf]")
{
    CHECK(keras_flops_readme_model_fused());
    CHECK(keras_flops_readme_model());
    CHECK(batch_of_eight());
    CHECK(keras_flops_layer_rules());
    CHECK(free_layers());
    CHECK(elementwise_rules());
    CHECK(other_contractions());
    CHECK(normalization_rules());
    CHECK(nnshape::test::error_of([] { keras_flops_model({.batch_size = 0}); }) ==
          "CostOptions: batch_size must be a positive integer");
}

TEST_CASE("recurrent, convolutional recurrent and attention layers follow the written rule [rule]")
{
    CHECK(recurrent_rules());
    CHECK(conv_lstm_rule());
    CHECK(attention_rules());
}

TEST_CASE("unknown dimensions make unknown costs, a known batch is kept, custom layers")
{
    CHECK(unknown_dimensions());
    CHECK(known_batch_is_kept());
    CHECK(custom_layers());
}

TEST_CASE("MobileNet: 568,740,352 MACs, the paper's 569 million [papers]")
{
    const Dim macs = mobilenet_macs();
    CHECK(macs == Dim(568'740'352));
    CHECK(macs.value() > 569'000'000 * 0.99);
    CHECK(macs.value() < 569'000'000 * 1.01);
    CHECK(mobilenet_first_conv());
}

// [papers] MobileNetV2 (Table 2): Conv 112x112x27x32 = 10,838,016; the bottleneck stages (expand
// 1x1, depthwise 3x3 at the output size, project 1x1) t1 c16: 10,035,200; t6 c24 n2: 54,942,720;
// c32 n3: 37,443,840; c64 n4: 38,497,536; c96 n3: 58,103,808; c160 n3: 46,560,192; c320 n1:
// 23,002,560; conv 7x7x320x1280 = 20,070,400; FC 1,280,000. Total 300,774,272 = "300M".
TEST_CASE("MobileNetV2: 300,774,272 MACs, the paper's 300M [papers]")
{
    Graph g;
    const Dim macs = cost(applications::MobileNetV2(g)).total.macs;
    CHECK(macs == Dim(300'774'272));
    CHECK(macs.value() > 300'000'000 * 0.99);
    CHECK(macs.value() < 300'000'000 * 1.01);
}

// [papers] ResNet-50 (Table 1), stride on each stage's first 1x1 as Keras builds it: conv1
// 112x112x49x3x64 = 118,013,952; conv2_x 667,942,912; conv3_x 950,534,144; conv4_x 1,387,266,048;
// conv5_x 732,168,192 (projection shortcuts included); FC 2,048,000. Total 3,857,973,248 = "3.8 x 10^9".
TEST_CASE("ResNet50: 3,857,973,248 MACs, the paper's 3.8 billion [papers]")
{
    Graph g;
    const Dim macs = cost(applications::ResNet50(g)).total.macs;
    CHECK(macs == Dim(3'857'973'248));
    CHECK(macs.value() >= 3'800'000'000);
    CHECK(macs.value() <= 4'100'000'000);
}

// [papers] VGG-16 (configuration D): 3x3 convolutions 1,936,392,192 (224) + 2,774,532,096 (112) +
// 4,624,220,160 (56) + 4,624,220,160 (28) + 1,387,266,048 (14) = 15,346,630,656 (He et al.'s "15.3
// billion"); FC 7x7x512x4096 + 4096x4096 + 4096x1000 = 123,633,664. Total 15,470,264,320.
TEST_CASE("VGG16: 15,470,264,320 MACs, the published 15.3-15.5 billion [papers]")
{
    Graph g;
    const Dim macs = cost(applications::VGG16(g)).total.macs;
    CHECK(macs == Dim(15'470'264'320));
    CHECK(macs.value() >= 15'300'000'000);
    CHECK(macs.value() <= 15'500'000'000);
}

} // namespace unit_analysis_flops_test
