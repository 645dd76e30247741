// Keras 3's column widths, by Keras version: Keras 3.0.0 to 3.0.4 ended the columns at [.45, .84, 1]
// (a sequential-like model) and [.3, .56, .70, 1] (with `Connected to`); Keras 3.0.5 moved them to
// [.45, .80, 1] and [.3, .56, .74, 1] (keras-team/keras#19158). rich (10 to 14.3) splits a 76-column
// table the same way for either, so the published tables are 33/27/12 and 21/19/9/22 wide (keras3_0)
// or 33/24/15 and 21/19/12/19 (keras3; summary_styles.cpp has those). Golden tables, character for
// character, from keras.io examples as run with Keras 3.0 (their logs date from November 2023 and
// January 2024):
//  * https://keras.io/examples/generative/dcgan_overriding_train_step/ (the discriminator and the
//    generator, two named Sequentials built one after the other);
//  * https://keras.io/examples/generative/vae/ (the encoder, a functional model with a custom Sampling
//    layer on two inputs; the decoder, a sequential-like functional model made after it);
//  * https://keras.io/examples/timeseries/eeg_signal_classification/ (an unnamed functional model:
//    Keras 3.0 to 3.3 named the first one `functional_1`, Naming::keras3_0, which the style takes).
#include <doctest/doctest.h>
#include <nnshape/nnshape.hpp>
#include <nnshape/summary.hpp>
#include "check.hpp"
#include "support.hpp"

#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace unit_summary_keras3_test {

using namespace nnshape;

namespace {

constexpr SummaryOptions keras3_0_style{.style = SummaryStyle::keras3_0};

const char* const discriminator_table = R"(Model: "discriminator"
┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━┓
┃ Layer (type)                    ┃ Output Shape              ┃    Param # ┃
┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━┩
│ conv2d (Conv2D)                 │ (None, 32, 32, 64)        │      3,136 │
├─────────────────────────────────┼───────────────────────────┼────────────┤
│ leaky_re_lu (LeakyReLU)         │ (None, 32, 32, 64)        │          0 │
├─────────────────────────────────┼───────────────────────────┼────────────┤
│ conv2d_1 (Conv2D)               │ (None, 16, 16, 128)       │    131,200 │
├─────────────────────────────────┼───────────────────────────┼────────────┤
│ leaky_re_lu_1 (LeakyReLU)       │ (None, 16, 16, 128)       │          0 │
├─────────────────────────────────┼───────────────────────────┼────────────┤
│ conv2d_2 (Conv2D)               │ (None, 8, 8, 128)         │    262,272 │
├─────────────────────────────────┼───────────────────────────┼────────────┤
│ leaky_re_lu_2 (LeakyReLU)       │ (None, 8, 8, 128)         │          0 │
├─────────────────────────────────┼───────────────────────────┼────────────┤
│ flatten (Flatten)               │ (None, 8192)              │          0 │
├─────────────────────────────────┼───────────────────────────┼────────────┤
│ dropout (Dropout)               │ (None, 8192)              │          0 │
├─────────────────────────────────┼───────────────────────────┼────────────┤
│ dense (Dense)                   │ (None, 1)                 │      8,193 │
└─────────────────────────────────┴───────────────────────────┴────────────┘
 Total params: 404,801 (1.54 MB)
 Trainable params: 404,801 (1.54 MB)
 Non-trainable params: 0 (0.00 B)
)";

const char* const generator_table = R"(Model: "generator"
┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━┓
┃ Layer (type)                    ┃ Output Shape              ┃    Param # ┃
┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━┩
│ dense_1 (Dense)                 │ (None, 8192)              │  1,056,768 │
├─────────────────────────────────┼───────────────────────────┼────────────┤
│ reshape (Reshape)               │ (None, 8, 8, 128)         │          0 │
├─────────────────────────────────┼───────────────────────────┼────────────┤
│ conv2d_transpose                │ (None, 16, 16, 128)       │    262,272 │
│ (Conv2DTranspose)               │                           │            │
├─────────────────────────────────┼───────────────────────────┼────────────┤
│ leaky_re_lu_3 (LeakyReLU)       │ (None, 16, 16, 128)       │          0 │
├─────────────────────────────────┼───────────────────────────┼────────────┤
│ conv2d_transpose_1              │ (None, 32, 32, 256)       │    524,544 │
│ (Conv2DTranspose)               │                           │            │
├─────────────────────────────────┼───────────────────────────┼────────────┤
│ leaky_re_lu_4 (LeakyReLU)       │ (None, 32, 32, 256)       │          0 │
├─────────────────────────────────┼───────────────────────────┼────────────┤
│ conv2d_transpose_2              │ (None, 64, 64, 512)       │  2,097,664 │
│ (Conv2DTranspose)               │                           │            │
├─────────────────────────────────┼───────────────────────────┼────────────┤
│ leaky_re_lu_5 (LeakyReLU)       │ (None, 64, 64, 512)       │          0 │
├─────────────────────────────────┼───────────────────────────┼────────────┤
│ conv2d_3 (Conv2D)               │ (None, 64, 64, 3)         │     38,403 │
└─────────────────────────────────┴───────────────────────────┴────────────┘
 Total params: 3,979,651 (15.18 MB)
 Trainable params: 3,979,651 (15.18 MB)
 Non-trainable params: 0 (0.00 B)
)";

const char* const encoder_table = R"(Model: "encoder"
┏━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━┓
┃ Layer (type)        ┃ Output Shape      ┃ Param # ┃ Connected to         ┃
┡━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━┩
│ input_layer         │ (None, 28, 28, 1) │       0 │ -                    │
│ (InputLayer)        │                   │         │                      │
├─────────────────────┼───────────────────┼─────────┼──────────────────────┤
│ conv2d (Conv2D)     │ (None, 14, 14,    │     320 │ input_layer[0][0]    │
│                     │ 32)               │         │                      │
├─────────────────────┼───────────────────┼─────────┼──────────────────────┤
│ conv2d_1 (Conv2D)   │ (None, 7, 7, 64)  │  18,496 │ conv2d[0][0]         │
├─────────────────────┼───────────────────┼─────────┼──────────────────────┤
│ flatten (Flatten)   │ (None, 3136)      │       0 │ conv2d_1[0][0]       │
├─────────────────────┼───────────────────┼─────────┼──────────────────────┤
│ dense (Dense)       │ (None, 16)        │  50,192 │ flatten[0][0]        │
├─────────────────────┼───────────────────┼─────────┼──────────────────────┤
│ z_mean (Dense)      │ (None, 2)         │      34 │ dense[0][0]          │
├─────────────────────┼───────────────────┼─────────┼──────────────────────┤
│ z_log_var (Dense)   │ (None, 2)         │      34 │ dense[0][0]          │
├─────────────────────┼───────────────────┼─────────┼──────────────────────┤
│ sampling (Sampling) │ (None, 2)         │       0 │ z_mean[0][0],        │
│                     │                   │         │ z_log_var[0][0]      │
└─────────────────────┴───────────────────┴─────────┴──────────────────────┘
 Total params: 69,076 (269.83 KB)
 Trainable params: 69,076 (269.83 KB)
 Non-trainable params: 0 (0.00 B)
)";

const char* const decoder_table = R"(Model: "decoder"
┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━┓
┃ Layer (type)                    ┃ Output Shape              ┃    Param # ┃
┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━┩
│ input_layer_1 (InputLayer)      │ (None, 2)                 │          0 │
├─────────────────────────────────┼───────────────────────────┼────────────┤
│ dense_1 (Dense)                 │ (None, 3136)              │      9,408 │
├─────────────────────────────────┼───────────────────────────┼────────────┤
│ reshape (Reshape)               │ (None, 7, 7, 64)          │          0 │
├─────────────────────────────────┼───────────────────────────┼────────────┤
│ conv2d_transpose                │ (None, 14, 14, 64)        │     36,928 │
│ (Conv2DTranspose)               │                           │            │
├─────────────────────────────────┼───────────────────────────┼────────────┤
│ conv2d_transpose_1              │ (None, 28, 28, 32)        │     18,464 │
│ (Conv2DTranspose)               │                           │            │
├─────────────────────────────────┼───────────────────────────┼────────────┤
│ conv2d_transpose_2              │ (None, 28, 28, 1)         │        289 │
│ (Conv2DTranspose)               │                           │            │
└─────────────────────────────────┴───────────────────────────┴────────────┘
 Total params: 65,089 (254.25 KB)
 Trainable params: 65,089 (254.25 KB)
 Non-trainable params: 0 (0.00 B)
)";

const char* const eeg_table = R"(Model: "functional_1"
┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━┓
┃ Layer (type)                    ┃ Output Shape              ┃    Param # ┃
┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━┩
│ input_layer (InputLayer)        │ (None, 512, 1)            │          0 │
├─────────────────────────────────┼───────────────────────────┼────────────┤
│ conv1d (Conv1D)                 │ (None, 256, 32)           │        128 │
├─────────────────────────────────┼───────────────────────────┼────────────┤
│ batch_normalization             │ (None, 256, 32)           │        128 │
│ (BatchNormalization)            │                           │            │
├─────────────────────────────────┼───────────────────────────┼────────────┤
│ conv1d_1 (Conv1D)               │ (None, 128, 64)           │      6,208 │
├─────────────────────────────────┼───────────────────────────┼────────────┤
│ batch_normalization_1           │ (None, 128, 64)           │        256 │
│ (BatchNormalization)            │                           │            │
├─────────────────────────────────┼───────────────────────────┼────────────┤
│ conv1d_2 (Conv1D)               │ (None, 64, 128)           │     41,088 │
├─────────────────────────────────┼───────────────────────────┼────────────┤
│ batch_normalization_2           │ (None, 64, 128)           │        512 │
│ (BatchNormalization)            │                           │            │
├─────────────────────────────────┼───────────────────────────┼────────────┤
│ conv1d_3 (Conv1D)               │ (None, 32, 256)           │    164,096 │
├─────────────────────────────────┼───────────────────────────┼────────────┤
│ batch_normalization_3           │ (None, 32, 256)           │      1,024 │
│ (BatchNormalization)            │                           │            │
├─────────────────────────────────┼───────────────────────────┼────────────┤
│ conv1d_4 (Conv1D)               │ (None, 16, 512)           │    918,016 │
├─────────────────────────────────┼───────────────────────────┼────────────┤
│ batch_normalization_4           │ (None, 16, 512)           │      2,048 │
│ (BatchNormalization)            │                           │            │
├─────────────────────────────────┼───────────────────────────┼────────────┤
│ conv1d_5 (Conv1D)               │ (None, 8, 1024)           │  3,671,040 │
├─────────────────────────────────┼───────────────────────────┼────────────┤
│ batch_normalization_5           │ (None, 8, 1024)           │      4,096 │
│ (BatchNormalization)            │                           │            │
├─────────────────────────────────┼───────────────────────────┼────────────┤
│ dropout (Dropout)               │ (None, 8, 1024)           │          0 │
├─────────────────────────────────┼───────────────────────────┼────────────┤
│ flatten (Flatten)               │ (None, 8192)              │          0 │
├─────────────────────────────────┼───────────────────────────┼────────────┤
│ dense (Dense)                   │ (None, 4096)              │ 33,558,528 │
├─────────────────────────────────┼───────────────────────────┼────────────┤
│ dropout_1 (Dropout)             │ (None, 4096)              │          0 │
├─────────────────────────────────┼───────────────────────────┼────────────┤
│ dense_1 (Dense)                 │ (None, 2048)              │  8,390,656 │
├─────────────────────────────────┼───────────────────────────┼────────────┤
│ dropout_2 (Dropout)             │ (None, 2048)              │          0 │
├─────────────────────────────────┼───────────────────────────┼────────────┤
│ dense_2 (Dense)                 │ (None, 1024)              │  2,098,176 │
├─────────────────────────────────┼───────────────────────────┼────────────┤
│ dropout_3 (Dropout)             │ (None, 1024)              │          0 │
├─────────────────────────────────┼───────────────────────────┼────────────┤
│ dense_3 (Dense)                 │ (None, 128)               │    131,200 │
├─────────────────────────────────┼───────────────────────────┼────────────┤
│ dense_4 (Dense)                 │ (None, 19)                │      2,451 │
└─────────────────────────────────┴───────────────────────────┴────────────┘
 Total params: 48,989,651 (186.88 MB)
 Trainable params: 48,985,619 (186.87 MB)
 Non-trainable params: 4,032 (15.75 KB)
)";

// The example's create_model(): six strided Conv1D + BatchNormalization pairs, then a Dense head.
Model eeg_model(Graph& g)
{
    auto x = Input(g, {.shape = Shape{512, 1}});
    const auto input = x;
    for (const auto& [filters, kernel] :
         {std::pair<std::int64_t, std::int64_t>{32, 3}, {64, 3}, {128, 5}, {256, 5}, {512, 7}, {1024, 7}})
        x = BatchNormalization{}(
            Conv1D{.filters = filters, .kernel_size = kernel, .strides = 2, .padding = same, .activation = "relu"}(x));
    x = Flatten{}(Dropout{.rate = 0.2}(x));
    for (const std::int64_t units : {4096, 2048, 1024})
        x = Dropout{.rate = 0.2}(Dense{.units = units, .activation = "relu"}(x));
    x = Dense{.units = 19, .activation = "softmax"}(Dense{.units = 128, .activation = "relu"}(x));
    return Model{input, x};
}

struct DcGan {
    Sequential<std::dynamic_extent, Model> discriminator, generator;
};

DcGan dcgan(Graph& g)
{
    const auto conv = [](std::int64_t filters) {
        return Conv2D{.filters = filters, .kernel_size = 4, .strides = 2, .padding = same};
    };
    const auto up = [](std::int64_t filters) {
        return Conv2DTranspose{.filters = filters, .kernel_size = 4, .strides = 2, .padding = same};
    };
    Sequential<std::dynamic_extent, Model> discriminator{
        g,
        {.name = "discriminator"},
        InputLayer{.shape = Shape{64, 64, 3}},
        conv(64),
        LeakyReLU{.negative_slope = 0.2},
        conv(128),
        LeakyReLU{.negative_slope = 0.2},
        conv(128),
        LeakyReLU{.negative_slope = 0.2},
        Flatten{},
        Dropout{.rate = 0.2},
        Dense{.units = 1, .activation = "sigmoid"},
    };
    Sequential<std::dynamic_extent, Model> generator{
        g,
        {.name = "generator"},
        InputLayer{.shape = Shape{128}},
        Dense{.units = 8 * 8 * 128},
        Reshape{.target_shape = {8, 8, 128}},
        up(128),
        LeakyReLU{.negative_slope = 0.2},
        up(256),
        LeakyReLU{.negative_slope = 0.2},
        up(512),
        LeakyReLU{.negative_slope = 0.2},
        Conv2D{.filters = 3, .kernel_size = 5, .padding = same, .activation = "sigmoid"},
    };
    return {discriminator, generator};
}

// The example's Sampling layer: z_mean + exp(0.5 * z_log_var) * epsilon, the shape of z_mean.
struct Sampling {
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "Sampling";
    constexpr Shape output_shape(std::span<const Shape> in) const
    {
        detail::require(in.size() == 2 && in[0] == in[1], "Sampling: z_mean and z_log_var of one shape");
        return in[0];
    }
};

struct Vae {
    Model encoder, decoder;
};

Vae vae(Graph& g)
{
    const auto relu_conv = [](std::int64_t filters) {
        return Conv2D{.filters = filters, .kernel_size = 3, .strides = 2, .padding = same, .activation = "relu"};
    };
    auto encoder_inputs = Input(g, {.shape = Shape{28, 28, 1}});
    auto x = Dense{.units = 16, .activation = "relu"}(Flatten{}(relu_conv(64)(relu_conv(32)(encoder_inputs))));
    auto z_mean = Dense{.units = 2, .name = "z_mean"}(x);
    auto z_log_var = Dense{.units = 2, .name = "z_log_var"}(x);
    auto z = Sampling{}({z_mean, z_log_var});
    const Model encoder{encoder_inputs, {z_mean, z_log_var, z}, {.name = "encoder"}};

    const auto up = [](std::int64_t filters, std::int64_t strides, std::string_view activation) {
        return Conv2DTranspose{
            .filters = filters, .kernel_size = 3, .strides = strides, .padding = same, .activation = activation};
    };
    auto latent_inputs = Input(g, {.shape = Shape{2}});
    auto y = Reshape{.target_shape = {7, 7, 64}}(Dense{.units = 7 * 7 * 64, .activation = "relu"}(latent_inputs));
    y = up(1, 1, "sigmoid")(up(32, 2, "relu")(up(64, 2, "relu")(y)));
    return {encoder, Model{latent_inputs, y, {.name = "decoder"}}};
}

} // namespace

TEST_CASE("keras3_0: keras.io's DCGAN discriminator and generator as Keras 3.0 printed them")
{
    Graph g;
    const DcGan gan = dcgan(g);
    CHECK(summary(gan.discriminator, keras3_0_style) == discriminator_table);
    CHECK(summary(gan.generator, keras3_0_style) == generator_table);
}

TEST_CASE("keras3_0: keras.io's VAE encoder (Connected to) and decoder as Keras 3.0 printed them")
{
    Graph g;
    const Vae v = vae(g);
    CHECK(summary(v.encoder, keras3_0_style) == encoder_table);
    CHECK(summary(v.decoder, keras3_0_style) == decoder_table);
}

TEST_CASE("keras3_0: keras.io's EEG classifier, an unnamed functional model: `functional_1`")
{
    Graph g;
    const Model m = eeg_model(g);
    CHECK(summary(m, keras3_0_style) == eeg_table);
    // Keras 3.0 to 3.3 named each unnamed functional model twice (two __init__ calls), Keras 3.4 once.
    const Model second = eeg_model(g);
    CHECK(second.name(keras3_0) == "functional_3");
    CHECK(second.name(keras3) == "functional_1");
}

namespace {

// Each Keras's names for three unnamed functional models in one session, at compile time as at run
// time: TF 2.3 and Keras 3.0 to 3.3 took a name in each of two __init__ runs.
constexpr bool functional_names()
{
    Graph g;
    const auto model = [&] {
        auto x = Input(g, {.shape = Shape{4}});
        return Model{x, Dense{.units = 2}(x)};
    };
    const Model first = model(), second = model(), third = model();
    FACT(first.name(keras3_0) == "functional_1");
    FACT(second.name(keras3_0) == "functional_3");
    FACT(third.name(keras3_0) == "functional_5");
    FACT(third.name(tf_keras_2_3) == "functional_5");
    FACT(third.name(keras3) == "functional_2");
    FACT(third.name(tf_keras) == "model_2");
    // The layers keep their Kerases' names: Keras 3's input_layer, tf.keras's input_1.
    FACT(second.layers()[0].name(keras3_0) == "input_layer_1");
    FACT(second.layers()[0].name(tf_keras_2_3) == "input_2");
    FACT(second.layers()[1].name(tf_keras_2_3) == "dense_1");
    return true;
}
static_assert(functional_names());

} // namespace

TEST_CASE("Naming::keras3_0 and Naming::tf_keras_2_3: functional models named twice") { CHECK(functional_names()); }

TEST_CASE("keras3 and keras3_0: rich's widths for each Keras's column ends")
{
    // 76 columns: Keras's widths + 2 each, less the excess over 76 - borders, round(excess left /
    // columns left) at a time, halves to even.
    CHECK(detail::keras3_widths({.45, .84, 1.}, 76) == std::vector<std::size_t>{33, 27, 12}); // 36 31 15
    CHECK(detail::keras3_widths({.3, .56, .70, 1.}, 76) == std::vector<std::size_t>{21, 19, 9, 22});
    CHECK(detail::keras3_widths({.45, .80, 1.}, 76) == std::vector<std::size_t>{33, 24, 15});
    // show_trainable: Keras's default line length stays 76 off a terminal (min(88 + 12, 80 - 4)); the
    // ends are scaled by .9 and a Trainable column ends at 1. The table is the one rich 14.3 draws for
    // print_summary's columns at these widths.
    CHECK(detail::keras3_widths({.45 * .9, .80 * .9, 1. * .9, 1.}, 76) == std::vector<std::size_t>{29, 23, 12, 7});
    Sequential<> m;
    m.add(Dense{.units = 4, .name = "frozen", .trainable = false, .input_shape = Shape{3}});
    CHECK(summary(m, {.style = SummaryStyle::keras3, .show_trainable = true}) == R"(Model: "sequential"
┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━┳━━━━━━━┓
┃ Layer (type)                ┃ Output Shape          ┃    Param # ┃ Trai… ┃
┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━╇━━━━━━━┩
│ frozen (Dense)              │ (None, 4)             │         16 │   N   │
└─────────────────────────────┴───────────────────────┴────────────┴───────┘
 Total params: 16 (64.00 B)
 Trainable params: 0 (0.00 B)
 Non-trainable params: 16 (64.00 B)
)");
    // A header cell shorter than the row's other header cells sits at the bottom (rich 11 and later
    // align a header row to the bottom, body rows to the top): rich 14.3's table for these columns.
    Sequential<> narrow;
    narrow.add(Dense{.units = 4, .input_shape = Shape{3}});
    CHECK(summary(narrow, {.line_length = 40, .style = SummaryStyle::keras3}) == R"(Model: "sequential"
┏━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━┳━━━━━━━┓
┃                 ┃ Output     ┃ Param ┃
┃ Layer (type)    ┃ Shape      ┃     # ┃
┡━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━╇━━━━━━━┩
│ dense (Dense)   │ (None, 4)  │    16 │
└─────────────────┴────────────┴───────┘
 Total params: 16 (64.00 B)
 Trainable params: 16 (64.00 B)
 Non-trainable params: 0 (0.00 B)
)");
    // A column the excess leaves no room for its text is refused (rich would draw it empty).
    CHECK_THROWS_WITH_AS(detail::keras3_widths({.45, .5, 1.}, 76), doctest::Contains("no room for its text"),
                         shape_error);
}

} // namespace unit_summary_keras3_test
