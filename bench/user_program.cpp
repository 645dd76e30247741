// The compile-time benchmark's user program (bench/compile_time.sh, case (h)): keras.io's "toy ResNet for
// CIFAR-10" (The Functional API guide) built in a Graph, its count checked by static_assert (223,242 as
// the guide's summary prints) and its Keras summary printed.
#include <cstdint>
#include <iostream>
#include <nnshape/nnshape.hpp>
#include <nnshape/summary.hpp>
using namespace nnshape;

constexpr Model toy_resnet(Graph& g)
{
    auto inputs = Input(g, {.shape = {32, 32, 3}, .name = "img"});
    auto x = Conv2D{.filters = 32, .kernel_size = 3, .activation = "relu"}(inputs);
    x = Conv2D{.filters = 64, .kernel_size = 3, .activation = "relu"}(x);
    auto block_1_output = MaxPooling2D{.pool_size = 3}(x);
    x = Conv2D{.filters = 64, .kernel_size = 3, .padding = same, .activation = "relu"}(block_1_output);
    x = Conv2D{.filters = 64, .kernel_size = 3, .padding = same, .activation = "relu"}(x);
    auto block_2_output = add({x, block_1_output});
    x = Conv2D{.filters = 64, .kernel_size = 3, .padding = same, .activation = "relu"}(block_2_output);
    x = Conv2D{.filters = 64, .kernel_size = 3, .padding = same, .activation = "relu"}(x);
    auto block_3_output = add({x, block_2_output});
    x = Conv2D{.filters = 64, .kernel_size = 3, .activation = "relu"}(block_3_output);
    x = GlobalAveragePooling2D{}(x);
    x = Dense{.units = 256, .activation = "relu"}(x);
    x = Dropout{.rate = 0.5}(x);
    auto outputs = Dense{.units = 10}(x);
    return Model{inputs, outputs, {.name = "toy_resnet"}};
}

constexpr std::int64_t toy_resnet_params()
{
    Graph g;
    return toy_resnet(g).count_params();
}
static_assert(toy_resnet_params() == 223'242);

int main()
{
    Graph g;
    std::cout << summary(toy_resnet(g));
}
