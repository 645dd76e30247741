// The seed notebook (a Keras 2.1.6 tour of layer shapes and parameter counts), cell by cell: every
// model it builds, with the summary Keras printed for it. The layers keep the notebook's names
// (`conv2d_13`, ...), which came from re-running cells in one Keras session, so that the tables are
// the notebook's own.
#include <nnshape/fmt.hpp>
#include <nnshape/nnshape.hpp>

#include <fmt/format.h>

using namespace nnshape;

namespace {

// In [2]: a sub-model built once and applied four times; m stops after the second call.
void shared_submodel()
{
    Graph g;
    auto inputs = Input(g, {.shape = {None, None, 3}, .name = "input_1"});
    auto fm_inputs = Input(g, {.shape = {None, None, 3}, .name = "input_2"});
    const Model fm{fm_inputs, Conv2D{.filters = 3, .kernel_size = 3, .padding = same, .name = "conv2d_1"}(fm_inputs),
                   ModelArgs{.name = "model_1"}};
    auto x = Conv2D{.filters = 3, .kernel_size = 3, .padding = same, .name = "conv2d_2"}(inputs);
    auto y1 = fm(x);
    auto y2 = fm(y1);
    auto y3 = fm(y2);
    fm(y3);
    const Model m{inputs, y2, ModelArgs{.name = "model_2"}};
    fmt::print("{}\n", m);
}

// In [3] (the last section): a functional model is sequential-like and lists its InputLayer.
void functional_conv()
{
    Graph g;
    auto image_input = Input(g, {.shape = {None, None, 3}, .name = "input_2"});
    auto x = Conv2D{.filters = 16, .kernel_size = 3, .name = "conv2d_2"}(image_input);
    fmt::print("{}\n", Model{image_input, x});
}

// In [5]: numpy refused to concatenate (2,50,60,3) and (2,60,50,3) on axis 3; nnshape's Concatenate
// refuses the same tensors when the layer is called.
void concatenate_error()
{
    Graph g;
    auto a = Input(g, {.batch_shape = {2, 50, 60, 3}});
    auto b = Input(g, {.batch_shape = {2, 60, 50, 3}});
    try {
        Concatenate{.axis = 3}({a, b});
    } catch (const shape_error& e) {
        fmt::print("shape_error: {}\n", e.what());
    }
}

} // namespace

int main()
{
    // In [1]: imports.
    shared_submodel();

    // In [2]: Permute
    Sequential permute;
    permute.add(Permute{.dims = {2, 1}, .name = "permute_1", .input_shape = {10, 64}});
    fmt::print("{}\n", permute);

    // In [3]: Conv2D, and In [20]: 3*2*3*16 + 16
    Sequential conv;
    conv.add(
        Conv2D{.filters = 16, .kernel_size = {3, 2}, .padding = same, .name = "conv2d_1", .input_shape = {6, 6, 3}});
    fmt::print("{}\n{}\n\n", conv, conv.count_params());

    // In [61]: DepthwiseConv2D, and In [62]: 3*4*4*3 + 4*3
    Sequential depthwise;
    depthwise.add(DepthwiseConv2D{.kernel_size = {3, 4},
                                  .padding = same,
                                  .depth_multiplier = 3,
                                  .name = "depthwise_conv2d_3",
                                  .input_shape = {6, 6, 4}});
    fmt::print("{}\n{}\n\n", depthwise, depthwise.count_params());

    // In [50]: SeparableConv2D, and In [49]: 3*4*3*2 + 3*2*16*1*1 + 16
    Sequential separable;
    separable.add(SeparableConv2D{.filters = 16,
                                  .kernel_size = {3, 4},
                                  .padding = same,
                                  .depth_multiplier = 2,
                                  .name = "separable_conv2d_13",
                                  .input_shape = {6, 6, 3}});
    fmt::print("{}\n{}\n\n", separable, separable.count_params());

    // In [79]: Conv2DTranspose
    Sequential transpose;
    transpose.add(Conv2DTranspose{.filters = 16,
                                  .kernel_size = {3, 3},
                                  .strides = 2,
                                  .padding = valid,
                                  .name = "conv2d_transpose_3",
                                  .input_shape = {6, 6, 3}});
    fmt::print("{}\n", transpose);

    // In [64]: UpSampling2D
    Sequential upsampling;
    upsampling.add(UpSampling2D{.size = {3, 4}, .name = "up_sampling2d_1", .input_shape = {6, 6, 3}});
    fmt::print("{}\n", upsampling);

    // In [68]: ZeroPadding2D
    Sequential padding;
    padding.add(ZeroPadding2D{.padding = {2, 3}, .name = "zero_padding2d_3", .input_shape = {6, 6, 3}});
    fmt::print("{}\n", padding);

    // In [73]: Cropping2D with an int, a pair, and a pair of pairs
    Sequential cropping;
    cropping.add(Cropping2D{.cropping = 1, .name = "cropping2d_2", .input_shape = {28, 28, 3}});
    cropping.add(Cropping2D{.cropping = {1, 2}, .name = "cropping2d_3"});
    cropping.add(Cropping2D{.cropping = {{2, 3}, {1, 1}}, .name = "cropping2d_4"});
    fmt::print("{}\n", cropping);

    // In [87]: MaxPool2D
    Sequential max_pool;
    max_pool.add(
        Conv2D{.filters = 32, .kernel_size = {3, 3}, .padding = same, .name = "conv2d_13", .input_shape = {7, 7, 3}});
    max_pool.add(MaxPool2D{.pool_size = {2, 2}, .padding = same, .name = "max_pooling2d_5"});
    fmt::print("{}\n", max_pool);

    // In [88]: GlobalMaxPool2D
    Sequential global_pool;
    global_pool.add(
        Conv2D{.filters = 32, .kernel_size = {3, 3}, .padding = same, .name = "conv2d_14", .input_shape = {7, 7, 3}});
    global_pool.add(GlobalMaxPool2D{.name = "global_max_pooling2d_1"});
    fmt::print("{}\n", global_pool);

    // In [91]: Embedding
    Sequential embedding;
    embedding.add(Embedding{.input_dim = 1000, .output_dim = 100, .input_length = 20, .name = "embedding_1"});
    fmt::print("{}\n", embedding);

    // In [114]: LSTM, SimpleRNN, GRU; batch_input_shape wins over input_shape, as in Keras
    Sequential recurrent;
    recurrent.add(LSTM{.units = 64,
                       .return_sequences = true,
                       .stateful = true,
                       .name = "lstm_46",
                       .input_shape = {10, 64},
                       .batch_input_shape = {100, 20, 64}});
    recurrent.add(LSTM{.units = 64, .return_sequences = true, .input_dim = 64, .input_length = 10, .name = "lstm_47"});
    recurrent.add(LSTM{.units = 32, .return_sequences = true, .name = "lstm_48"});
    recurrent.add(SimpleRNN{.units = 32, .return_sequences = true, .name = "simple_rnn_6"});
    // Keras 2.1's GRU: one bias per gate (nnshape defaults to later Keras's reset_after = true).
    recurrent.add(GRU{.units = 32, .return_sequences = false, .reset_after = false, .name = "gru_5"});
    fmt::print("{}\n", recurrent);

    // In [13]: BatchNormalization
    Sequential batch_norm;
    batch_norm.add(Conv2D{.filters = 32, .kernel_size = {3, 3}, .name = "conv2d_2", .input_shape = {11, 11, 3}});
    batch_norm.add(BatchNormalization{.name = "batch_normalization_1"});
    fmt::print("{}\n", batch_norm);

    // In [120]: LocallyConnected2D, and In [122]: 3*2*9*10*3*32 + 32*9*10
    Sequential local;
    local.add(LocallyConnected2D{.filters = 32,
                                 .kernel_size = {3, 2},
                                 .padding = valid,
                                 .name = "locally_connected2d_2",
                                 .input_shape = {11, 11, 3}});
    fmt::print("{}\n{}\n\n", local, local.count_params());

    // In [9]: Dense
    Sequential dense;
    dense.add(Dense{.units = 32, .name = "dense_5", .input_shape = {16}});
    dense.add(Dense{.units = 32, .name = "dense_6"});
    fmt::print("{}\n", dense);

    // In [14]: isinstance(layer, BatchNormalization). It ran right after In [13], so its `model`
    // was the BatchNormalization one.
    for (const SequentialLayer& layer : batch_norm.layers())
        fmt::print("{}\n", layer.layer.is<BatchNormalization>() ? "True" : "False");
    fmt::print("\n");

    // In [3]: Input(shape=(None, None, 3)) -> Conv2D(16, 3)
    functional_conv();

    // In [5]: np.concatenate of mismatched arrays. In [7] to In [14] after it are plain Python.
    concatenate_error();
}
