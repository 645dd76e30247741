// The README's code, compiled: if this file stops compiling, the README is no longer true.
#include <nnshape/applications.hpp>
#include <nnshape/nnshape.hpp>

namespace readme {
using namespace nnshape;

constexpr Sequential model{
    Conv2D{.filters = 32, .kernel_size = 3, .input_shape = {11, 11, 3}},
    BatchNormalization{},
};
static_assert(model.output_shape() == Shape{None, 9, 9, 32});
static_assert(model.count_params() == 1024);
static_assert(model.params() == Params{.trainable = 960, .non_trainable = 64});

constexpr Shape in{None, None, None, 3};
static_assert(Conv2D{.filters = 16, .kernel_size = 3}.output_shape(in) == Shape{None, None, None, 16});
static_assert(Conv2D{.filters = 16, .kernel_size = 3}.params(in) == Params{448});

constexpr Sequential m{Conv2D{.filters = 16, .kernel_size = {3, 2}, .padding = same, .input_shape = {6, 6, 3}}};
static_assert(m.count_params() == 304);

constexpr std::int64_t stack()
{
    Sequential model;
    model.add(LSTM{.units = 64, .return_sequences = true, .stateful = true, .batch_input_shape = {100, 20, 64}});
    model.add(LSTM{.units = 32, .return_sequences = true});
    model.add(GRU{.units = 32, .reset_after = false});
    return model.count_params();
}
// 4*(64*(64+64)+64) + 4*(32*(64+32)+32) + 3*(32*(32+32)+32)
static_assert(stack() == 33024 + 12416 + 6240);

constexpr std::int64_t shared_submodel()
{
    Graph g;
    auto inputs = Input(g, {.shape = {None, None, 3}});
    auto fm_in = Input(g, {.shape = {None, None, 3}});
    Model fm{fm_in, Conv2D{.filters = 3, .kernel_size = 3, .padding = same}(fm_in)};
    auto x = Conv2D{.filters = 3, .kernel_size = 3, .padding = same}(inputs);
    auto y2 = fm(fm(x));
    return Model{inputs, y2}.count_params();
}
static_assert(shared_submodel() == 168);

// Models nest: a Sequential holding a Model (MobileNetV2 without its top, frozen) and a head.
constexpr std::int64_t transfer_learning()
{
    Graph g;
    Model base = applications::MobileNetV2(g, {.include_top = false, .input_shape = {160, 160, 3}});
    base.set_trainable(false);
    Sequential model{base, GlobalAveragePooling2D{}, Dense{.units = 1}};
    return model.params().trainable;
}
static_assert(transfer_learning() == 1'281);

// Functional models: models are values.
constexpr Model get_model()
{
    Graph g;
    auto inputs = Input(g, {.shape = {784}});
    auto x = Dense{.units = 64, .activation = "relu"}(inputs);
    return Model{inputs, Dense{.units = 10}(x)};
}
static_assert(get_model().count_params() == 50'890);

constexpr std::int64_t base_called_twice()
{
    Model base = get_model();
    Graph g;
    auto a = Input(g, {.shape = {784}});
    Model twice{a, Add{}({base(a), base(a)})};
    return twice.count_params();
}
static_assert(base_called_twice() == 50'890);

// Every Keras argument compiles; accepted ones are not stored.
static_assert(LayerNormalization{.epsilon = 1e-6}.params(Shape{None, 8}) == Params{16});
static_assert(Dense{.units = 64, .kernel_initializer = "he_normal", .kernel_regularizer = nullptr}.params(Shape{
                  None, 8}) == Params{576});

} // namespace readme
