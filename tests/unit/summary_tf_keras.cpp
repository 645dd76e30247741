// tf.keras's summaries (TensorFlow 2.x) and names, char for char against published tables:
//  * tf_keras_2_4: keras.io's functional API guide (keras-team/keras-io guides/md/functional_api.md,
//    the version "Last modified: 2020/04/12" that shows `(Functional)`, i.e. TF 2.4 to 2.6; the
//    search corpus holds no commit id for that version of the file);
//  * tf_keras_2_7: the same guide run with Keras 2.7-2.12, in its Korean translation
//    (wariua/keras-io-ko guides/md/functional_api.md at 4be4d9ff595fd2f03167a16445bd158cdd977190;
//    the tables are the program's output, untranslated);
//  * tf_keras_2_13: a notebook run with "TensorFlow version: 2.15.0" that repeats the guide's models
//    (a markdown export in the search corpus, id 34731115815; its repository is not recorded there).
// The published files keep the spaces that pad each row to the table's width; this file does not,
// keras_table() puts them back (not on the `Model:` and `params:` lines, which Keras does not pad).
#include <doctest/doctest.h>
#include <nnshape/nnshape.hpp>
#include <nnshape/summary.hpp>
#include "support.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace unit_summary_tf_keras_test {

using namespace nnshape;
using nnshape::test::keras_table;

namespace {

// The functional API guide's models, built in one session as the guide builds them, so that the
// automatic names are numbered as in its tables (conv2d_8 in the toy ResNet: eight Conv2D before).
struct FunctionalGuide {
    Model mnist, encoder, autoencoder, nested_autoencoder, toy_resnet;
};

FunctionalGuide functional_guide()
{
    Graph g;
    auto inputs = Input(g, {.shape = Shape{784}});
    auto x = Dense{.units = 64}(inputs);
    x = Dense{.units = 64}(x);
    const Model mnist{inputs, Dense{.units = 10}(x), {.name = "mnist_model"}};

    const auto encode = [](auto in) {
        auto y = Conv2D{.filters = 16, .kernel_size = 3}(in);
        y = Conv2D{.filters = 32, .kernel_size = 3}(y);
        y = MaxPooling2D{.pool_size = 3}(y);
        y = Conv2D{.filters = 32, .kernel_size = 3}(y);
        y = Conv2D{.filters = 16, .kernel_size = 3}(y);
        return GlobalMaxPooling2D{}(y);
    };
    const auto decode = [](auto in) {
        auto y = Reshape{.target_shape = {4, 4, 1}}(in);
        y = Conv2DTranspose{.filters = 16, .kernel_size = 3}(y);
        y = Conv2DTranspose{.filters = 32, .kernel_size = 3}(y);
        y = UpSampling2D{.size = 3}(y);
        y = Conv2DTranspose{.filters = 16, .kernel_size = 3}(y);
        return Conv2DTranspose{.filters = 1, .kernel_size = 3}(y);
    };
    auto img = Input(g, {.shape = Shape{28, 28, 1}, .name = "img"});
    auto encoded = encode(img);
    const Model encoder{img, encoded, {.name = "encoder"}};
    const Model autoencoder{img, decode(encoded), {.name = "autoencoder"}};

    auto original = Input(g, {.shape = Shape{28, 28, 1}, .name = "original_img"});
    const Model encoder_2{original, encode(original), {.name = "encoder"}};
    auto encoded_img = Input(g, {.shape = Shape{16}, .name = "encoded_img"});
    const Model decoder{encoded_img, decode(encoded_img), {.name = "decoder"}};
    auto img_2 = Input(g, {.shape = Shape{28, 28, 1}, .name = "img"});
    const Model nested{img_2, decoder(encoder_2(img_2)), {.name = "autoencoder"}};

    for (int i = 0; i < 3; ++i) { // the ensemble's get_model(): dense_3 to dense_5
        auto in = Input(g, {.shape = Shape{128}});
        const Model member{in, Dense{.units = 1}(in)};
    }

    auto image = Input(g, {.shape = Shape{32, 32, 3}, .name = "img"});
    const auto same = [](std::int64_t filters) {
        return Conv2D{.filters = filters, .kernel_size = 3, .padding = nnshape::same};
    };
    auto y = Conv2D{.filters = 32, .kernel_size = 3}(image);
    y = Conv2D{.filters = 64, .kernel_size = 3}(y);
    auto block_1 = MaxPooling2D{.pool_size = 3}(y);
    auto block_2 = Add{}({same(64)(same(64)(block_1)), block_1});
    auto block_3 = Add{}({same(64)(same(64)(block_2)), block_2});
    y = GlobalAveragePooling2D{}(Conv2D{.filters = 64, .kernel_size = 3}(block_3));
    y = Dropout{.rate = 0.5}(Dense{.units = 256}(y));
    const Model toy_resnet{image, Dense{.units = 10}(y), {.name = "toy_resnet"}};
    return {mnist, encoder, autoencoder, nested, toy_resnet};
}

constexpr SummaryOptions tf_2_4{.style = SummaryStyle::tf_keras_2_4};
constexpr SummaryOptions tf_2_7{.style = SummaryStyle::tf_keras_2_7};
constexpr SummaryOptions tf_2_13{.style = SummaryStyle::tf_keras_2_13};

} // namespace

TEST_CASE("tf.keras names: layers and models from 0, inputs from 1")
{
    // keras/engine/input_layer.py: 'input_' + str(backend.get_uid('input')), get_uid counts from 1;
    // other layers and models: backend.unique_object_name(to_snake_case(class), zero_based=True),
    // a functional model's class shown as Model (keras/engine/functional.py _init_set_name).
    CHECK(LayerName{{}, "InputLayer", {.ordinal = 1}}.render(tf_keras) == "input_1");
    CHECK(LayerName{{}, "InputLayer", {.ordinal = 2}}.render(tf_keras) == "input_2");
    CHECK(LayerName{{}, "Dense", {.ordinal = 1}}.render(tf_keras) == "dense");
    CHECK(LayerName{{}, "Dense", {.ordinal = 2}}.render(tf_keras) == "dense_1");
    CHECK(LayerName{{}, "Model", {.ordinal = 1}}.render(tf_keras) == "model");
    CHECK(LayerName{{}, "Model", {.ordinal = 4}}.render(tf_keras) == "model_3");
    CHECK(LayerName{{}, "Sequential", {.ordinal = 2}}.render(tf_keras) == "sequential_1");
    // generic_utils.to_snake_case keeps digits in its first pattern, as Keras 2 does.
    CHECK(LayerName{{}, "ConvLSTM2D", {.ordinal = 1}}.render(tf_keras) == "conv_lst_m2d");
    CHECK(LayerName{{"given"}, "Dense", {.ordinal = 3}}.render(tf_keras) == "given");
}

TEST_CASE("tf_keras_2_4: the guide's tables (Keras 2's layout under a Model: line)")
{
    const FunctionalGuide guide = functional_guide();
    CHECK(summary(guide.mnist, tf_2_4) == keras_table(65, R"(
Model: "mnist_model"
_________________________________________________________________
Layer (type)                 Output Shape              Param #
=================================================================
input_1 (InputLayer)         [(None, 784)]             0
_________________________________________________________________
dense (Dense)                (None, 64)                50240
_________________________________________________________________
dense_1 (Dense)              (None, 64)                4160
_________________________________________________________________
dense_2 (Dense)              (None, 10)                650
=================================================================
Total params: 55,050
Trainable params: 55,050
Non-trainable params: 0
_________________________________________________________________
)"));
    CHECK(summary(guide.nested_autoencoder, tf_2_4) == keras_table(65, R"(
Model: "autoencoder"
_________________________________________________________________
Layer (type)                 Output Shape              Param #
=================================================================
img (InputLayer)             [(None, 28, 28, 1)]       0
_________________________________________________________________
encoder (Functional)         (None, 16)                18672
_________________________________________________________________
decoder (Functional)         (None, 28, 28, 1)         9569
=================================================================
Total params: 28,241
Trainable params: 28,241
Non-trainable params: 0
_________________________________________________________________
)"));
    CHECK(summary(guide.toy_resnet, tf_2_4) == keras_table(98, R"(
Model: "toy_resnet"
__________________________________________________________________________________________________
Layer (type)                    Output Shape         Param #     Connected to
==================================================================================================
img (InputLayer)                [(None, 32, 32, 3)]  0
__________________________________________________________________________________________________
conv2d_8 (Conv2D)               (None, 30, 30, 32)   896         img[0][0]
__________________________________________________________________________________________________
conv2d_9 (Conv2D)               (None, 28, 28, 64)   18496       conv2d_8[0][0]
__________________________________________________________________________________________________
max_pooling2d_2 (MaxPooling2D)  (None, 9, 9, 64)     0           conv2d_9[0][0]
__________________________________________________________________________________________________
conv2d_10 (Conv2D)              (None, 9, 9, 64)     36928       max_pooling2d_2[0][0]
__________________________________________________________________________________________________
conv2d_11 (Conv2D)              (None, 9, 9, 64)     36928       conv2d_10[0][0]
__________________________________________________________________________________________________
add (Add)                       (None, 9, 9, 64)     0           conv2d_11[0][0]
                                                                 max_pooling2d_2[0][0]
__________________________________________________________________________________________________
conv2d_12 (Conv2D)              (None, 9, 9, 64)     36928       add[0][0]
__________________________________________________________________________________________________
conv2d_13 (Conv2D)              (None, 9, 9, 64)     36928       conv2d_12[0][0]
__________________________________________________________________________________________________
add_1 (Add)                     (None, 9, 9, 64)     0           conv2d_13[0][0]
                                                                 add[0][0]
__________________________________________________________________________________________________
conv2d_14 (Conv2D)              (None, 7, 7, 64)     36928       add_1[0][0]
__________________________________________________________________________________________________
global_average_pooling2d (Globa (None, 64)           0           conv2d_14[0][0]
__________________________________________________________________________________________________
dense_6 (Dense)                 (None, 256)          16640       global_average_pooling2d[0][0]
__________________________________________________________________________________________________
dropout (Dropout)               (None, 256)          0           dense_6[0][0]
__________________________________________________________________________________________________
dense_7 (Dense)                 (None, 10)           2570        dropout[0][0]
==================================================================================================
Total params: 223,242
Trainable params: 223,242
Non-trainable params: 0
__________________________________________________________________________________________________
)"));
}

TEST_CASE("tf_keras_2_7: the guide's tables with wrapped cells and blank lines between rows")
{
    const FunctionalGuide guide = functional_guide();
    CHECK(summary(guide.mnist, tf_2_7) == keras_table(65, R"(
Model: "mnist_model"
_________________________________________________________________
 Layer (type)                Output Shape              Param #
=================================================================
 input_1 (InputLayer)        [(None, 784)]             0

 dense (Dense)               (None, 64)                50240

 dense_1 (Dense)             (None, 64)                4160

 dense_2 (Dense)             (None, 10)                650

=================================================================
Total params: 55,050
Trainable params: 55,050
Non-trainable params: 0
_________________________________________________________________
)"));
    CHECK(summary(guide.autoencoder, tf_2_7) == keras_table(65, R"(
Model: "autoencoder"
_________________________________________________________________
 Layer (type)                Output Shape              Param #
=================================================================
 img (InputLayer)            [(None, 28, 28, 1)]       0

 conv2d (Conv2D)             (None, 26, 26, 16)        160

 conv2d_1 (Conv2D)           (None, 24, 24, 32)        4640

 max_pooling2d (MaxPooling2D  (None, 8, 8, 32)         0
 )

 conv2d_2 (Conv2D)           (None, 6, 6, 32)          9248

 conv2d_3 (Conv2D)           (None, 4, 4, 16)          4624

 global_max_pooling2d (Globa  (None, 16)               0
 lMaxPooling2D)

 reshape (Reshape)           (None, 4, 4, 1)           0

 conv2d_transpose (Conv2DTra  (None, 6, 6, 16)         160
 nspose)

 conv2d_transpose_1 (Conv2DT  (None, 8, 8, 32)         4640
 ranspose)

 up_sampling2d (UpSampling2D  (None, 24, 24, 32)       0
 )

 conv2d_transpose_2 (Conv2DT  (None, 26, 26, 16)       4624
 ranspose)

 conv2d_transpose_3 (Conv2DT  (None, 28, 28, 1)        145
 ranspose)

=================================================================
Total params: 28,241
Trainable params: 28,241
Non-trainable params: 0
_________________________________________________________________
)"));
    CHECK(summary(guide.nested_autoencoder, tf_2_7) == keras_table(65, R"(
Model: "autoencoder"
_________________________________________________________________
 Layer (type)                Output Shape              Param #
=================================================================
 img (InputLayer)            [(None, 28, 28, 1)]       0

 encoder (Functional)        (None, 16)                18672

 decoder (Functional)        (None, 28, 28, 1)         9569

=================================================================
Total params: 28,241
Trainable params: 28,241
Non-trainable params: 0
_________________________________________________________________
)"));
    CHECK(summary(guide.toy_resnet, tf_2_7) == keras_table(98, R"(
Model: "toy_resnet"
__________________________________________________________________________________________________
 Layer (type)                   Output Shape         Param #     Connected to
==================================================================================================
 img (InputLayer)               [(None, 32, 32, 3)]  0           []

 conv2d_8 (Conv2D)              (None, 30, 30, 32)   896         ['img[0][0]']

 conv2d_9 (Conv2D)              (None, 28, 28, 64)   18496       ['conv2d_8[0][0]']

 max_pooling2d_2 (MaxPooling2D)  (None, 9, 9, 64)    0           ['conv2d_9[0][0]']

 conv2d_10 (Conv2D)             (None, 9, 9, 64)     36928       ['max_pooling2d_2[0][0]']

 conv2d_11 (Conv2D)             (None, 9, 9, 64)     36928       ['conv2d_10[0][0]']

 add (Add)                      (None, 9, 9, 64)     0           ['conv2d_11[0][0]',
                                                                  'max_pooling2d_2[0][0]']

 conv2d_12 (Conv2D)             (None, 9, 9, 64)     36928       ['add[0][0]']

 conv2d_13 (Conv2D)             (None, 9, 9, 64)     36928       ['conv2d_12[0][0]']

 add_1 (Add)                    (None, 9, 9, 64)     0           ['conv2d_13[0][0]',
                                                                  'add[0][0]']

 conv2d_14 (Conv2D)             (None, 7, 7, 64)     36928       ['add_1[0][0]']

 global_average_pooling2d (Glob  (None, 64)          0           ['conv2d_14[0][0]']
 alAveragePooling2D)

 dense_6 (Dense)                (None, 256)          16640       ['global_average_pooling2d[0][0]'
                                                                 ]

 dropout (Dropout)              (None, 256)          0           ['dense_6[0][0]']

 dense_7 (Dense)                (None, 10)           2570        ['dropout[0][0]']

==================================================================================================
Total params: 223,242
Trainable params: 223,242
Non-trainable params: 0
__________________________________________________________________________________________________
)"));
}

TEST_CASE("tf_keras_2_13: cells one character narrower, new column ends, memory in the totals")
{
    Graph g;
    auto inputs = Input(g, {.shape = Shape{28, 28}});
    auto x = Dense{.units = 64}(Flatten{}(inputs));
    x = Dense{.units = 64}(x);
    const Model flat{inputs, Dense{.units = 10}(x)};
    CHECK(summary(flat, tf_2_13) == keras_table(65, R"(
Model: "model"
_________________________________________________________________
 Layer (type)                Output Shape              Param #
=================================================================
 input_1 (InputLayer)        [(None, 28, 28)]          0

 flatten (Flatten)           (None, 784)               0

 dense (Dense)               (None, 64)                50240

 dense_1 (Dense)             (None, 64)                4160

 dense_2 (Dense)             (None, 10)                650

=================================================================
Total params: 55050 (215.04 KB)
Trainable params: 55050 (215.04 KB)
Non-trainable params: 0 (0.00 Byte)
_________________________________________________________________
)"));

    // The notebook's ticket classifier, its fourth unnamed model (the name is given here: the
    // notebook's other models are not rebuilt). Its layers' names are the first of their classes.
    auto title = Input(g, {.shape = Shape{None}, .name = "title"});
    auto body = Input(g, {.shape = Shape{None}, .name = "body"});
    auto tags = Input(g, {.shape = Shape{12}, .name = "tags"});
    auto title_features = LSTM{.units = 128}(Embedding{.input_dim = 10000, .output_dim = 64}(title));
    auto body_features = LSTM{.units = 32}(Embedding{.input_dim = 10000, .output_dim = 64}(body));
    auto features = Concatenate{}({title_features, body_features, tags});
    const Model ticket{
        {title, body, tags},
        {Dense{.units = 1, .name = "priority"}(features), Dense{.units = 4, .name = "department"}(features)},
        {.name = "model_3"}};
    CHECK(summary(ticket, tf_2_13) == keras_table(98, R"(
Model: "model_3"
__________________________________________________________________________________________________
 Layer (type)                Output Shape                 Param #   Connected to
==================================================================================================
 title (InputLayer)          [(None, None)]               0         []

 body (InputLayer)           [(None, None)]               0         []

 embedding (Embedding)       (None, None, 64)             640000    ['title[0][0]']

 embedding_1 (Embedding)     (None, None, 64)             640000    ['body[0][0]']

 lstm (LSTM)                 (None, 128)                  98816     ['embedding[0][0]']

 lstm_1 (LSTM)               (None, 32)                   12416     ['embedding_1[0][0]']

 tags (InputLayer)           [(None, 12)]                 0         []

 concatenate (Concatenate)   (None, 172)                  0         ['lstm[0][0]',
                                                                     'lstm_1[0][0]',
                                                                     'tags[0][0]']

 priority (Dense)            (None, 1)                    173       ['concatenate[0][0]']

 department (Dense)          (None, 4)                    692       ['concatenate[0][0]']

==================================================================================================
Total params: 1392097 (5.31 MB)
Trainable params: 1392097 (5.31 MB)
Non-trainable params: 0 (0.00 Byte)
__________________________________________________________________________________________________
)"));
}

TEST_CASE("tf_keras_2_13: a Sequential, and a name cut to the narrower column")
{
    // The notebook's first Sequential; its layers' names are given, as the notebook had numbered
    // flatten, dense ... dense_2 in a functional model before (nnshape numbers a Sequential's own).
    Sequential<> m;
    m.add(Flatten{.name = "flatten_1", .input_shape = Shape{28, 28}});
    m.add(Dense{.units = 256, .name = "dense_3"});
    m.add(Dropout{.rate = 0.2});
    m.add(Dense{.units = 10, .name = "dense_4"});
    CHECK(summary(m, tf_2_13) == keras_table(65, R"(
Model: "sequential"
_________________________________________________________________
 Layer (type)                Output Shape              Param #
=================================================================
 flatten_1 (Flatten)         (None, 784)               0

 dense_3 (Dense)             (None, 256)               200960

 dropout (Dropout)           (None, 256)               0

 dense_4 (Dense)             (None, 10)                2570

=================================================================
Total params: 203530 (795.04 KB)
Trainable params: 203530 (795.04 KB)
Non-trainable params: 0 (0.00 Byte)
_________________________________________________________________
)"));
    // The notebook's encoder: `max_pooling2d_1 (MaxPoolin` + `g2D)`, where 2.7 cut one character later.
    Graph g;
    auto convolved = Input(g, {.shape = Shape{24, 24, 32}});
    const Model pool{convolved, MaxPooling2D{.pool_size = 3, .name = "max_pooling2d_1"}(convolved)};
    const std::vector<std::string> rows = test::lines(summary(pool, tf_2_13));
    CHECK(rows[6] == keras_table(65, "\n max_pooling2d_1 (MaxPoolin  (None, 8, 8, 32)          0\n").substr(0, 65));
    CHECK(rows[7] == keras_table(65, "\n g2D)\n").substr(0, 65));
}

// keras.io's Sequential guide run with TF 2.4-2.5, in its Korean translation (wariua/keras-io-ko
// guides/md/sequential_model.md at 4be4d9ff595fd2f03167a16445bd158cdd977190): a Sequential given a
// keras.Input lists no InputLayer. The guide's seventh Sequential is `sequential_6`; nnshape calls
// every Sequential `sequential`, so the table is compared from its second line.
TEST_CASE("tf_keras_2_4: a Sequential's table, without its InputLayer")
{
    Sequential<> m;
    m.add(InputLayer{.shape = Shape{250, 250, 3}});
    m.add(Conv2D{.filters = 32, .kernel_size = 5, .strides = 2});
    m.add(Conv2D{.filters = 32, .kernel_size = 3});
    m.add(MaxPooling2D{.pool_size = 3});
    m.add(Conv2D{.filters = 32, .kernel_size = 3});
    m.add(Conv2D{.filters = 32, .kernel_size = 3});
    m.add(MaxPooling2D{.pool_size = 3});
    m.add(Conv2D{.filters = 32, .kernel_size = 3});
    m.add(Conv2D{.filters = 32, .kernel_size = 3});
    m.add(MaxPooling2D{.pool_size = 2});
    const std::string text = summary(m, tf_2_4);
    CHECK(text.starts_with("Model: \"sequential\"\n"));
    CHECK(text.substr(text.find('\n') + 1) == keras_table(65, R"(
_________________________________________________________________
Layer (type)                 Output Shape              Param #
=================================================================
conv2d (Conv2D)              (None, 123, 123, 32)      2432
_________________________________________________________________
conv2d_1 (Conv2D)            (None, 121, 121, 32)      9248
_________________________________________________________________
max_pooling2d (MaxPooling2D) (None, 40, 40, 32)        0
_________________________________________________________________
conv2d_2 (Conv2D)            (None, 38, 38, 32)        9248
_________________________________________________________________
conv2d_3 (Conv2D)            (None, 36, 36, 32)        9248
_________________________________________________________________
max_pooling2d_1 (MaxPooling2 (None, 12, 12, 32)        0
_________________________________________________________________
conv2d_4 (Conv2D)            (None, 10, 10, 32)        9248
_________________________________________________________________
conv2d_5 (Conv2D)            (None, 8, 8, 32)          9248
_________________________________________________________________
max_pooling2d_2 (MaxPooling2 (None, 4, 4, 32)          0
=================================================================
Total params: 48,672
Trainable params: 48,672
Non-trainable params: 0
_________________________________________________________________
)"));
}

} // namespace unit_summary_tf_keras_test
