// The notebook's models checked at compile time: this file compiling is the test.
#include <nnshape/nnshape.hpp>

namespace static_notebook_test {

namespace {
using namespace nnshape;

// In [3]: Conv2D(filters=16, kernel_size=(3,2), padding='same', input_shape=(6,6,3)) -> 304
constexpr Sequential conv{Conv2D{.filters = 16, .kernel_size = {3, 2}, .padding = same, .input_shape = Shape{6, 6, 3}}};
static_assert(conv.count_params() == 304);
static_assert(conv.output_shape() == Shape{None, 6, 6, 16});

// In [13]: Conv2D(32, (3,3)) on 11x11x3 then BatchNormalization -> 1,024 = 960 + 64
constexpr Sequential bn{Conv2D{.filters = 32, .kernel_size = 3, .input_shape = Shape{11, 11, 3}}, BatchNormalization{}};
static_assert(bn.params() == Params{960, 64});
static_assert(bn.layers()[1].layer.is<BatchNormalization>() && !bn.layers()[0].layer.is<BatchNormalization>());

// In [114]: stateful LSTM stack with a fixed batch of 100 -> 86,784 (GRU with Keras 2's reset_after=False)
constexpr std::int64_t recurrent_stack()
{
    Sequential model;
    model.add(LSTM{.units = 64,
                   .return_sequences = true,
                   .stateful = true,
                   .input_shape = Shape{10, 64},
                   .batch_input_shape = Shape{100, 20, 64}});
    model.add(LSTM{.units = 64, .return_sequences = true, .input_dim = 64, .input_length = 10});
    model.add(LSTM{.units = 32, .return_sequences = true});
    model.add(SimpleRNN{.units = 32, .return_sequences = true});
    model.add(GRU{.units = 32, .return_sequences = false, .reset_after = false});
    return model.count_params();
}
static_assert(recurrent_stack() == 86784);

// In [2]: the sub-model `fm` applied four times; the model up to y2 counts shared weights once -> 168
constexpr std::int64_t shared_submodel()
{
    Graph g;
    auto inputs = Input(g, {.shape = Shape{None, None, 3}});
    auto fm_in = Input(g, {.shape = Shape{None, None, 3}});
    Model fm{fm_in, Conv2D{.filters = 3, .kernel_size = 3, .padding = same}(fm_in)};
    auto x = Conv2D{.filters = 3, .kernel_size = 3, .padding = same}(inputs);
    auto y2 = fm(fm(x));
    fm(fm(y2));
    return Model{inputs, y2}.count_params();
}
static_assert(shared_submodel() == 168);

} // namespace

} // namespace static_notebook_test
