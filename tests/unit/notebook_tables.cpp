// The summaries the seed notebook printed (/work/shared/spec/seed-notebook.md) and the golden
// outputs of spec §4.1, rebuilt with the notebook's layer names and compared character for character.
//
// The expected tables are the notebook's text with two corrections, both to what Keras 2.1.6 prints:
//  * the notebook's copy lost the all-'=' rules after the header and after the last layer row; they
//    are put back here;
//  * every row is padded with spaces to the full width. This file keeps no trailing spaces: table()
//    adds them (the three `params:` lines are not padded, in Keras as in the notebook).
#include <doctest/doctest.h>
#include <nnshape/nnshape.hpp>
#include <nnshape/summary.hpp>
#include "support.hpp"

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace unit_notebook_tables_test {

namespace {
using namespace nnshape;
using nnshape::test::lines;

// A table as Keras prints it, from its text below (which starts on the line after `R"(`).
std::string table(std::size_t width, std::string_view text)
{
    std::string out;
    for (text.remove_prefix(1); !text.empty();) {
        const std::size_t end = std::min(text.find('\n'), text.size());
        std::string line(text.substr(0, end));
        if (line.find(" params: ") == std::string::npos) line.append(width - std::min(width, line.size()), ' ');
        out += line + '\n';
        text.remove_prefix(std::min(end + 1, text.size()));
    }
    return out;
}

// The layer rows of a summary: its lines between the header's '=' rule and the totals' one, without
// the '_' rules between layers.
std::string layer_rows(const std::string& summary)
{
    const auto is_rule = [](const std::string& line, char c) {
        return !line.empty() && std::ranges::all_of(line, [c](char x) { return x == c; });
    };
    const std::vector<std::string> all = lines(summary);
    std::string rows;
    for (std::size_t i = 3; i < all.size() && !is_rule(all[i], '='); ++i)
        if (!is_rule(all[i], '_')) rows += all[i] + '\n';
    return rows;
}

} // namespace

TEST_CASE("In [2]: the shared sub-model fm, called twice inside m")
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
    CHECK(summary(m) == table(98, R"(
__________________________________________________________________________________________________
Layer (type)                    Output Shape         Param #     Connected to
==================================================================================================
input_1 (InputLayer)            (None, None, None, 3 0
__________________________________________________________________________________________________
conv2d_2 (Conv2D)               (None, None, None, 3 84          input_1[0][0]
__________________________________________________________________________________________________
model_1 (Model)                 (None, None, None, 3 84          conv2d_2[0][0]
                                                                 model_1[1][0]
==================================================================================================
Total params: 168
Trainable params: 168
Non-trainable params: 0
__________________________________________________________________________________________________)"));
}

TEST_CASE("In [2]: Permute")
{
    Sequential model;
    model.add(Permute{.dims = {2, 1}, .name = "permute_1", .input_shape = {10, 64}});
    CHECK(summary(model) == table(65, R"(
_________________________________________________________________
Layer (type)                 Output Shape              Param #
=================================================================
permute_1 (Permute)          (None, 64, 10)            0
=================================================================
Total params: 0
Trainable params: 0
Non-trainable params: 0
_________________________________________________________________)"));
}

TEST_CASE("In [3]: Conv2D")
{
    Sequential m;
    m.add(Conv2D{.filters = 16, .kernel_size = {3, 2}, .padding = same, .name = "conv2d_1", .input_shape = {6, 6, 3}});
    CHECK(summary(m) == table(65, R"(
_________________________________________________________________
Layer (type)                 Output Shape              Param #
=================================================================
conv2d_1 (Conv2D)            (None, 6, 6, 16)          304
=================================================================
Total params: 304
Trainable params: 304
Non-trainable params: 0
_________________________________________________________________)"));
}

TEST_CASE("In [61]: DepthwiseConv2D")
{
    Sequential m;
    m.add(DepthwiseConv2D{.kernel_size = {3, 4},
                          .padding = same,
                          .depth_multiplier = 3,
                          .name = "depthwise_conv2d_3",
                          .input_shape = {6, 6, 4}});
    CHECK(summary(m) == table(65, R"(
_________________________________________________________________
Layer (type)                 Output Shape              Param #
=================================================================
depthwise_conv2d_3 (Depthwis (None, 6, 6, 12)          156
=================================================================
Total params: 156
Trainable params: 156
Non-trainable params: 0
_________________________________________________________________)"));
}

TEST_CASE("In [50]: SeparableConv2D")
{
    Sequential m;
    m.add(SeparableConv2D{.filters = 16,
                          .kernel_size = {3, 4},
                          .padding = same,
                          .depth_multiplier = 2,
                          .name = "separable_conv2d_13",
                          .input_shape = {6, 6, 3}});
    CHECK(summary(m) == table(65, R"(
_________________________________________________________________
Layer (type)                 Output Shape              Param #
=================================================================
separable_conv2d_13 (Separab (None, 6, 6, 16)          184
=================================================================
Total params: 184
Trainable params: 184
Non-trainable params: 0
_________________________________________________________________)"));
}

TEST_CASE("In [79]: Conv2DTranspose")
{
    Sequential m;
    m.add(Conv2DTranspose{.filters = 16,
                          .kernel_size = {3, 3},
                          .strides = 2,
                          .padding = valid,
                          .name = "conv2d_transpose_3",
                          .input_shape = {6, 6, 3}});
    CHECK(summary(m) == table(65, R"(
_________________________________________________________________
Layer (type)                 Output Shape              Param #
=================================================================
conv2d_transpose_3 (Conv2DTr (None, 13, 13, 16)        448
=================================================================
Total params: 448
Trainable params: 448
Non-trainable params: 0
_________________________________________________________________)"));
}

TEST_CASE("In [64]: UpSampling2D")
{
    Sequential m;
    m.add(UpSampling2D{.size = {3, 4}, .name = "up_sampling2d_1", .input_shape = {6, 6, 3}});
    CHECK(summary(m) == table(65, R"(
_________________________________________________________________
Layer (type)                 Output Shape              Param #
=================================================================
up_sampling2d_1 (UpSampling2 (None, 18, 24, 3)         0
=================================================================
Total params: 0
Trainable params: 0
Non-trainable params: 0
_________________________________________________________________)"));
}

TEST_CASE("In [68]: ZeroPadding2D")
{
    Sequential m;
    m.add(ZeroPadding2D{.padding = {2, 3}, .name = "zero_padding2d_3", .input_shape = {6, 6, 3}});
    CHECK(summary(m) == table(65, R"(
_________________________________________________________________
Layer (type)                 Output Shape              Param #
=================================================================
zero_padding2d_3 (ZeroPaddin (None, 10, 12, 3)         0
=================================================================
Total params: 0
Trainable params: 0
Non-trainable params: 0
_________________________________________________________________)"));
}

TEST_CASE("In [73]: Cropping2D three ways")
{
    Sequential m;
    m.add(Cropping2D{.cropping = 1, .name = "cropping2d_2", .input_shape = {28, 28, 3}});
    m.add(Cropping2D{.cropping = {1, 2}, .name = "cropping2d_3"});
    m.add(Cropping2D{.cropping = {{2, 3}, {1, 1}}, .name = "cropping2d_4"});
    CHECK(summary(m) == table(65, R"(
_________________________________________________________________
Layer (type)                 Output Shape              Param #
=================================================================
cropping2d_2 (Cropping2D)    (None, 26, 26, 3)         0
_________________________________________________________________
cropping2d_3 (Cropping2D)    (None, 24, 22, 3)         0
_________________________________________________________________
cropping2d_4 (Cropping2D)    (None, 19, 20, 3)         0
=================================================================
Total params: 0
Trainable params: 0
Non-trainable params: 0
_________________________________________________________________)"));
}

TEST_CASE("In [87]: Conv2D + MaxPool2D")
{
    Sequential m;
    m.add(Conv2D{.filters = 32, .kernel_size = {3, 3}, .padding = same, .name = "conv2d_13", .input_shape = {7, 7, 3}});
    m.add(MaxPool2D{.pool_size = {2, 2}, .padding = same, .name = "max_pooling2d_5"});
    CHECK(summary(m) == table(65, R"(
_________________________________________________________________
Layer (type)                 Output Shape              Param #
=================================================================
conv2d_13 (Conv2D)           (None, 7, 7, 32)          896
_________________________________________________________________
max_pooling2d_5 (MaxPooling2 (None, 4, 4, 32)          0
=================================================================
Total params: 896
Trainable params: 896
Non-trainable params: 0
_________________________________________________________________)"));
}

TEST_CASE("In [88]: Conv2D + GlobalMaxPool2D")
{
    Sequential m;
    m.add(Conv2D{.filters = 32, .kernel_size = {3, 3}, .padding = same, .name = "conv2d_14", .input_shape = {7, 7, 3}});
    m.add(GlobalMaxPool2D{.name = "global_max_pooling2d_1"});
    CHECK(summary(m) == table(65, R"(
_________________________________________________________________
Layer (type)                 Output Shape              Param #
=================================================================
conv2d_14 (Conv2D)           (None, 7, 7, 32)          896
_________________________________________________________________
global_max_pooling2d_1 (Glob (None, 32)                0
=================================================================
Total params: 896
Trainable params: 896
Non-trainable params: 0
_________________________________________________________________)"));
}

TEST_CASE("In [91]: Embedding")
{
    Sequential m;
    m.add(Embedding{.input_dim = 1000, .output_dim = 100, .input_length = 20, .name = "embedding_1"});
    CHECK(summary(m) == table(65, R"(
_________________________________________________________________
Layer (type)                 Output Shape              Param #
=================================================================
embedding_1 (Embedding)      (None, 20, 100)           100000
=================================================================
Total params: 100,000
Trainable params: 100,000
Non-trainable params: 0
_________________________________________________________________)"));
}

TEST_CASE("In [114]: stateful LSTM, SimpleRNN and GRU stack")
{
    Sequential model;
    model.add(LSTM{.units = 64,
                   .return_sequences = true,
                   .stateful = true,
                   .name = "lstm_46",
                   .input_shape = {10, 64},
                   .batch_input_shape = {100, 20, 64}});
    model.add(LSTM{.units = 64, .return_sequences = true, .input_dim = 64, .input_length = 10, .name = "lstm_47"});
    model.add(LSTM{.units = 32, .return_sequences = true, .name = "lstm_48"});
    model.add(SimpleRNN{.units = 32, .return_sequences = true, .name = "simple_rnn_6"});
    // Keras 2.1's GRU had one bias per gate; nnshape defaults to later Keras's reset_after = true.
    model.add(GRU{.units = 32, .return_sequences = false, .reset_after = false, .name = "gru_5"});
    CHECK(summary(model) == table(65, R"(
_________________________________________________________________
Layer (type)                 Output Shape              Param #
=================================================================
lstm_46 (LSTM)               (100, 20, 64)             33024
_________________________________________________________________
lstm_47 (LSTM)               (100, 20, 64)             33024
_________________________________________________________________
lstm_48 (LSTM)               (100, 20, 32)             12416
_________________________________________________________________
simple_rnn_6 (SimpleRNN)     (100, 20, 32)             2080
_________________________________________________________________
gru_5 (GRU)                  (100, 32)                 6240
=================================================================
Total params: 86,784
Trainable params: 86,784
Non-trainable params: 0
_________________________________________________________________)"));
}

TEST_CASE("In [13]: Conv2D + BatchNormalization, and In [14]: the isinstance loop over it")
{
    Sequential model;
    model.add(Conv2D{.filters = 32, .kernel_size = {3, 3}, .name = "conv2d_2", .input_shape = {11, 11, 3}});
    model.add(BatchNormalization{.name = "batch_normalization_1"});
    CHECK(summary(model) == table(65, R"(
_________________________________________________________________
Layer (type)                 Output Shape              Param #
=================================================================
conv2d_2 (Conv2D)            (None, 9, 9, 32)          896
_________________________________________________________________
batch_normalization_1 (Batch (None, 9, 9, 32)          128
=================================================================
Total params: 1,024
Trainable params: 960
Non-trainable params: 64
_________________________________________________________________)"));
    // In [14] ran right after In [13], so its `model` is this one: it printed False, True.
    std::vector<bool> is_batch_norm;
    for (const SequentialLayer& layer : model.layers()) is_batch_norm.push_back(layer.layer.is<BatchNormalization>());
    CHECK(is_batch_norm == std::vector{false, true});
}

TEST_CASE("In [120]: LocallyConnected2D")
{
    Sequential m;
    m.add(LocallyConnected2D{.filters = 32,
                             .kernel_size = {3, 2},
                             .padding = valid,
                             .name = "locally_connected2d_2",
                             .input_shape = {11, 11, 3}});
    CHECK(summary(m) == table(65, R"(
_________________________________________________________________
Layer (type)                 Output Shape              Param #
=================================================================
locally_connected2d_2 (Local (None, 9, 10, 32)         54720
=================================================================
Total params: 54,720
Trainable params: 54,720
Non-trainable params: 0
_________________________________________________________________)"));
}

TEST_CASE("In [9]: Dense")
{
    Sequential model;
    model.add(Dense{.units = 32, .name = "dense_5", .input_shape = {16}});
    model.add(Dense{.units = 32, .name = "dense_6"});
    CHECK(summary(model) == table(65, R"(
_________________________________________________________________
Layer (type)                 Output Shape              Param #
=================================================================
dense_5 (Dense)              (None, 32)                544
_________________________________________________________________
dense_6 (Dense)              (None, 32)                1056
=================================================================
Total params: 1,600
Trainable params: 1,600
Non-trainable params: 0
_________________________________________________________________)"));
}

TEST_CASE("In [3]: a functional Conv2D on Input(shape=(None, None, 3)) is sequential-like")
{
    Graph g;
    auto image_input = Input(g, {.shape = {None, None, 3}, .name = "input_2"});
    auto x = Conv2D{.filters = 16, .kernel_size = 3, .name = "conv2d_2"}(image_input);
    const Model m{image_input, x};
    CHECK(summary(m) == table(65, R"(
_________________________________________________________________
Layer (type)                 Output Shape              Param #
=================================================================
input_2 (InputLayer)         (None, None, None, 3)     0
_________________________________________________________________
conv2d_2 (Conv2D)            (None, None, None, 16)    448
=================================================================
Total params: 448
Trainable params: 448
Non-trainable params: 0
_________________________________________________________________)"));
}

// ---- spec §4.1 golden outputs (fresh sessions: automatic names) ---------------------------------

TEST_CASE("spec 4.1: the MNIST CNN, without its two Dropout layers")
{
    // Dropout is not in nnshape yet. It changes no shape and no count, so the golden table holds with
    // its dropout_1 and dropout_2 rows (and the rules under them) taken out.
    Sequential m;
    m.add(Conv2D{.filters = 32, .kernel_size = {3, 3}, .input_shape = {28, 28, 1}});
    m.add(Conv2D{.filters = 64, .kernel_size = {3, 3}});
    m.add(MaxPooling2D{.pool_size = {2, 2}});
    m.add(Flatten{});
    m.add(Dense{.units = 128});
    m.add(Dense{.units = 10});
    CHECK(summary(m) == table(65, R"(
_________________________________________________________________
Layer (type)                 Output Shape              Param #
=================================================================
conv2d_1 (Conv2D)            (None, 26, 26, 32)        320
_________________________________________________________________
conv2d_2 (Conv2D)            (None, 24, 24, 64)        18496
_________________________________________________________________
max_pooling2d_1 (MaxPooling2 (None, 12, 12, 64)        0
_________________________________________________________________
flatten_1 (Flatten)          (None, 9216)              0
_________________________________________________________________
dense_1 (Dense)              (None, 128)               1179776
_________________________________________________________________
dense_2 (Dense)              (None, 10)                1290
=================================================================
Total params: 1,199,882
Trainable params: 1,199,882
Non-trainable params: 0
_________________________________________________________________)"));
}

TEST_CASE("spec 4.1: a shared vision model called on two inputs")
{
    Graph g;
    auto digit = Input(g, {.shape = {27, 27, 1}});
    auto x = Conv2D{.filters = 64, .kernel_size = {3, 3}}(digit);
    x = Conv2D{.filters = 64, .kernel_size = {3, 3}}(x);
    x = MaxPooling2D{.pool_size = {2, 2}}(x);
    const Model vision_model{digit, Flatten{}(x)};
    CHECK(vision_model.sequential_like());
    CHECK(lines(summary(vision_model))[3].starts_with("input_1 (InputLayer)         (None, 27, 27, 1)"));

    auto digit_a = Input(g, {.shape = {27, 27, 1}});
    auto digit_b = Input(g, {.shape = {27, 27, 1}});
    auto concatenated = Concatenate{}({vision_model(digit_a), vision_model(digit_b)});
    const Model classification_model{{digit_a, digit_b}, Dense{.units = 1}(concatenated)};
    CHECK(summary(classification_model) == table(98, R"(
__________________________________________________________________________________________________
Layer (type)                    Output Shape         Param #     Connected to
==================================================================================================
input_2 (InputLayer)            (None, 27, 27, 1)    0
__________________________________________________________________________________________________
input_3 (InputLayer)            (None, 27, 27, 1)    0
__________________________________________________________________________________________________
model_1 (Model)                 (None, 7744)         37568       input_2[0][0]
                                                                 input_3[0][0]
__________________________________________________________________________________________________
concatenate_1 (Concatenate)     (None, 15488)        0           model_1[1][0]
                                                                 model_1[2][0]
__________________________________________________________________________________________________
dense_1 (Dense)                 (None, 1)            15489       concatenate_1[0][0]
==================================================================================================
Total params: 53,057
Trainable params: 53,057
Non-trainable params: 0
__________________________________________________________________________________________________)"));
}

TEST_CASE("spec 4.1: a shared LSTM")
{
    Graph g;
    auto tweet_a = Input(g, {.shape = {280, 256}});
    auto tweet_b = Input(g, {.shape = {280, 256}});
    auto shared_lstm = g.add(LSTM{.units = 64});
    auto merged = Concatenate{}({shared_lstm(tweet_a), shared_lstm(tweet_b)});
    const Model m{{tweet_a, tweet_b}, Dense{.units = 1}(merged)};
    // The cells the spec lists, set in the columns [32, 53, 65, 98].
    CHECK(summary(m) == table(98, R"(
__________________________________________________________________________________________________
Layer (type)                    Output Shape         Param #     Connected to
==================================================================================================
input_1 (InputLayer)            (None, 280, 256)     0
__________________________________________________________________________________________________
input_2 (InputLayer)            (None, 280, 256)     0
__________________________________________________________________________________________________
lstm_1 (LSTM)                   (None, 64)           82176       input_1[0][0]
                                                                 input_2[0][0]
__________________________________________________________________________________________________
concatenate_1 (Concatenate)     (None, 128)          0           lstm_1[0][0]
                                                                 lstm_1[1][0]
__________________________________________________________________________________________________
dense_1 (Dense)                 (None, 1)            129         concatenate_1[0][0]
==================================================================================================
Total params: 82,305
Trainable params: 82,305
Non-trainable params: 0
__________________________________________________________________________________________________)"));
}

TEST_CASE("spec 4.1: an input that feeds only a late layer is listed just before that layer")
{
    Graph g;
    auto main_input = Input(g, {.shape = {8}, .name = "main"});
    auto x = Dense{.units = 16}(main_input);
    x = Dense{.units = 16}(x);
    x = Dense{.units = 4}(x);
    auto aux = Input(g, {.shape = {4}, .name = "aux"});
    const Model m{{main_input, aux}, Add{}({x, aux})};
    CHECK(layer_rows(summary(m)) == table(98, R"(
main (InputLayer)               (None, 8)            0
dense_1 (Dense)                 (None, 16)           144         main[0][0]
dense_2 (Dense)                 (None, 16)           272         dense_1[0][0]
dense_3 (Dense)                 (None, 4)            68          dense_2[0][0]
aux (InputLayer)                (None, 4)            0
add_1 (Add)                     (None, 4)            0           dense_3[0][0]
                                                                 aux[0][0])"));
}

TEST_CASE("spec 4.1: a layer called twice inside one model, d(d(x))")
{
    Graph g;
    auto x = Input(g, {.shape = {4}});
    auto d = g.add(Dense{.units = 4});
    const Model m{x, d(d(x))};
    CHECK_FALSE(m.sequential_like());
    // The rows the spec describes: a self-reference on the continuation row, params counted once.
    CHECK(summary(m) == table(98, R"(
__________________________________________________________________________________________________
Layer (type)                    Output Shape         Param #     Connected to
==================================================================================================
input_1 (InputLayer)            (None, 4)            0
__________________________________________________________________________________________________
dense_1 (Dense)                 (None, 4)            20          input_1[0][0]
                                                                 dense_1[0][0]
==================================================================================================
Total params: 20
Trainable params: 20
Non-trainable params: 0
__________________________________________________________________________________________________)"));
}

TEST_CASE("spec 4.1: long names are cut at the column ends")
{
    Graph g;
    auto in = Input(g, {.shape = {4}, .name = "a_very_long_input_layer_name_that_keras_cuts"});
    const Model m{in, Add{}({Dense{.units = 4}(in), Dense{.units = 4}(in)})};
    const std::vector<std::string> rows = lines(summary(m));
    CHECK(rows[3].starts_with("a_very_long_input_layer_name_th (None, 4)"));
    CHECK(rows[5].ends_with(" a_very_long_input_layer_name_that"));
    CHECK(rows[5].size() == 98);
}

} // namespace unit_notebook_tables_test
