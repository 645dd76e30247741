// Published Keras models, continued (tests/unit/published_models.cpp says how they are checked):
// generative models and recurrent sequence models, each against its published summary.
// Sources (keras-team/keras-io unless said otherwise; the commit is the one the file was read at):
//  [vae]   examples/generative/md/vae.md @ 216c5a2b6c4ef626f7acd8c69b29919ee7c5e758 (tf.keras 2.11+)
//  [dcgan] examples/generative/md/dcgan_overriding_train_step.md @ 0e2325b31f291531990c55fec009feee850b6ca9
//  [s2s]   a word-level seq2seq translator with Embedding, Masking and LSTM states, tf.keras 2.7+ output
//          (a Korean tutorial post, text-search corpus id 35519247658; its repository is not recorded)
//  [rnn]   guides/md/working_with_rnns.md @ 14dd69a57c7a330ca51e025fe2a9e159b7ef265e (TF 2.3: `functional_1`;
//          https://keras.io/guides/working_with_rnns/ as published in 2020)
// Published copies keep the spaces that pad each row to the table's width; keras_table() puts them back.
#include <doctest/doctest.h>
#include <nnshape/nnshape.hpp>
#include <nnshape/summary.hpp>
#include "support.hpp"

#include <cstdint>
#include <span>
#include <string>

namespace unit_published_models_generative_rnn_test {

using namespace nnshape;
using nnshape::test::keras_table;

namespace {

constexpr SummaryOptions tf_2_3{.style = SummaryStyle::tf_keras_2_3};
constexpr SummaryOptions tf_2_4{.style = SummaryStyle::tf_keras_2_4};
constexpr SummaryOptions tf_2_7{.style = SummaryStyle::tf_keras_2_7};

// ---------------------------------------------------------------------------------------------------
// [vae] Variational autoencoder: an encoder with a custom Sampling layer and three outputs, a decoder.
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

constexpr Vae vae()
{
    Graph g;
    constexpr std::int64_t latent_dim = 2;
    const Tensor encoder_inputs = Input(g, {.shape = {28, 28, 1}});
    Tensor x =
        Conv2D{.filters = 32, .kernel_size = 3, .strides = 2, .padding = same, .activation = "relu"}(encoder_inputs);
    x = Conv2D{.filters = 64, .kernel_size = 3, .strides = 2, .padding = same, .activation = "relu"}(x);
    x = Flatten{}(x);
    x = Dense{.units = 16, .activation = "relu"}(x);
    const Tensor z_mean = Dense{.units = latent_dim, .name = "z_mean"}(x);
    const Tensor z_log_var = Dense{.units = latent_dim, .name = "z_log_var"}(x);
    const Tensor z = Sampling{}({z_mean, z_log_var});
    const Model encoder{encoder_inputs, {z_mean, z_log_var, z}, {.name = "encoder"}};

    const Tensor latent_inputs = Input(g, {.shape = {latent_dim}});
    x = Dense{.units = 7 * 7 * 64, .activation = "relu"}(latent_inputs);
    x = Reshape{.target_shape = {7, 7, 64}}(x);
    x = Conv2DTranspose{.filters = 64, .kernel_size = 3, .strides = 2, .padding = same, .activation = "relu"}(x);
    x = Conv2DTranspose{.filters = 32, .kernel_size = 3, .strides = 2, .padding = same, .activation = "relu"}(x);
    const Tensor decoder_outputs =
        Conv2DTranspose{.filters = 1, .kernel_size = 3, .padding = same, .activation = "sigmoid"}(x);
    return {encoder, Model{latent_inputs, decoder_outputs, {.name = "decoder"}}};
}

constexpr std::int64_t vae_count()
{
    const Vae m = vae();
    return m.encoder.count_params() + m.decoder.count_params();
}
static_assert(vae_count() == 69'076 + 65'089);

const char* const vae_encoder_table = R"(
Model: "encoder"
__________________________________________________________________________________________________
 Layer (type)                   Output Shape         Param #     Connected to
==================================================================================================
 input_1 (InputLayer)           [(None, 28, 28, 1)]  0           []

 conv2d (Conv2D)                (None, 14, 14, 32)   320         ['input_1[0][0]']

 conv2d_1 (Conv2D)              (None, 7, 7, 64)     18496       ['conv2d[0][0]']

 flatten (Flatten)              (None, 3136)         0           ['conv2d_1[0][0]']

 dense (Dense)                  (None, 16)           50192       ['flatten[0][0]']

 z_mean (Dense)                 (None, 2)            34          ['dense[0][0]']

 z_log_var (Dense)              (None, 2)            34          ['dense[0][0]']

 sampling (Sampling)            (None, 2)            0           ['z_mean[0][0]',
                                                                  'z_log_var[0][0]']

==================================================================================================
Total params: 69,076
Trainable params: 69,076
Non-trainable params: 0
__________________________________________________________________________________________________
)";

const char* const vae_decoder_table = R"(
Model: "decoder"
_________________________________________________________________
 Layer (type)                Output Shape              Param #
=================================================================
 input_2 (InputLayer)        [(None, 2)]               0

 dense_1 (Dense)             (None, 3136)              9408

 reshape (Reshape)           (None, 7, 7, 64)          0

 conv2d_transpose (Conv2DTra  (None, 14, 14, 64)       36928
 nspose)

 conv2d_transpose_1 (Conv2DT  (None, 28, 28, 32)       18464
 ranspose)

 conv2d_transpose_2 (Conv2DT  (None, 28, 28, 1)        289
 ranspose)

=================================================================
Total params: 65,089
Trainable params: 65,089
Non-trainable params: 0
_________________________________________________________________
)";

// ---------------------------------------------------------------------------------------------------
// [dcgan] DCGAN: a discriminator and a generator, named Sequentials of one program (one session).
struct Dcgan {
    Sequential<std::dynamic_extent, Model> discriminator, generator;
};

constexpr Dcgan dcgan()
{
    Graph g;
    constexpr std::int64_t latent_dim = 128;
    Sequential<std::dynamic_extent, Model> discriminator{
        g,
        {.name = "discriminator"},
        InputLayer{.shape = Shape{28, 28, 1}},
        Conv2D{.filters = 64, .kernel_size = {3, 3}, .strides = {2, 2}, .padding = same},
        LeakyReLU{.alpha = 0.2},
        Conv2D{.filters = 128, .kernel_size = {3, 3}, .strides = {2, 2}, .padding = same},
        LeakyReLU{.alpha = 0.2},
        GlobalMaxPooling2D{},
        Dense{.units = 1},
    };
    Sequential<std::dynamic_extent, Model> generator{
        g,
        {.name = "generator"},
        InputLayer{.shape = Shape{latent_dim}},
        Dense{.units = 7 * 7 * 128},
        LeakyReLU{.alpha = 0.2},
        Reshape{.target_shape = {7, 7, 128}},
        Conv2DTranspose{.filters = 128, .kernel_size = {4, 4}, .strides = {2, 2}, .padding = same},
        LeakyReLU{.alpha = 0.2},
        Conv2DTranspose{.filters = 128, .kernel_size = {4, 4}, .strides = {2, 2}, .padding = same},
        LeakyReLU{.alpha = 0.2},
        Conv2D{.filters = 1, .kernel_size = {7, 7}, .padding = same, .activation = "sigmoid"},
    };
    return {discriminator, generator};
}

constexpr std::int64_t dcgan_count()
{
    const Dcgan gan = dcgan();
    return gan.discriminator.count_params() + gan.generator.count_params();
}
static_assert(dcgan_count() == 74'625 + 1'339'905);

const char* const dcgan_discriminator_table = R"(
Model: "discriminator"
_________________________________________________________________
Layer (type)                 Output Shape              Param #
=================================================================
conv2d (Conv2D)              (None, 14, 14, 64)        640
_________________________________________________________________
leaky_re_lu (LeakyReLU)      (None, 14, 14, 64)        0
_________________________________________________________________
conv2d_1 (Conv2D)            (None, 7, 7, 128)         73856
_________________________________________________________________
leaky_re_lu_1 (LeakyReLU)    (None, 7, 7, 128)         0
_________________________________________________________________
global_max_pooling2d (Global (None, 128)               0
_________________________________________________________________
dense (Dense)                (None, 1)                 129
=================================================================
Total params: 74,625
Trainable params: 74,625
Non-trainable params: 0
_________________________________________________________________
)";

const char* const dcgan_generator_table = R"(
Model: "generator"
_________________________________________________________________
Layer (type)                 Output Shape              Param #
=================================================================
dense_1 (Dense)              (None, 6272)              809088
_________________________________________________________________
leaky_re_lu_2 (LeakyReLU)    (None, 6272)              0
_________________________________________________________________
reshape (Reshape)            (None, 7, 7, 128)         0
_________________________________________________________________
conv2d_transpose (Conv2DTran (None, 14, 14, 128)       262272
_________________________________________________________________
leaky_re_lu_3 (LeakyReLU)    (None, 14, 14, 128)       0
_________________________________________________________________
conv2d_transpose_1 (Conv2DTr (None, 28, 28, 128)       262272
_________________________________________________________________
leaky_re_lu_4 (LeakyReLU)    (None, 28, 28, 128)       0
_________________________________________________________________
conv2d_2 (Conv2D)            (None, 28, 28, 1)         6273
=================================================================
Total params: 1,339,905
Trainable params: 1,339,905
Non-trainable params: 0
_________________________________________________________________
)";

// ---------------------------------------------------------------------------------------------------
// [s2s] Word-level seq2seq: the training model, then the inference encoder and decoder that call the
// trained layers again (the decoder's embedding and LSTM are shared: `embedding_1[1][0]`). Vocabulary
// sizes from the published counts: 289,024 / 64 = 4,516 source words, 506,048 / 64 = 7,907 target words.
struct Seq2seq {
    Model model, encoder_model, decoder_model;
};

constexpr Seq2seq seq2seq()
{
    Graph g;
    constexpr std::int64_t src_vocab_size = 4'516, tar_vocab_size = 7'907;
    constexpr std::int64_t embedding_dim = 64, hidden_units = 64;

    const Tensor encoder_inputs = Input(g, {.shape = {None}});
    const Tensor enc_emb = Embedding{.input_dim = src_vocab_size, .output_dim = embedding_dim}(encoder_inputs);
    const Tensor enc_masking = Masking{.mask_value = 0.0}(enc_emb);
    const Tensors encoder_lstm = LSTM{.units = hidden_units, .return_state = true}(enc_masking);
    const Tensors encoder_states{encoder_lstm[1], encoder_lstm[2]};

    const Tensor decoder_inputs = Input(g, {.shape = {None}});
    const SharedLayer dec_emb_layer = g.add(Embedding{.input_dim = tar_vocab_size, .output_dim = hidden_units});
    const Tensor dec_masking = Masking{.mask_value = 0.0}(dec_emb_layer(decoder_inputs));
    const SharedLayer decoder_lstm = g.add(LSTM{.units = hidden_units, .return_sequences = true, .return_state = true});
    const Tensors decoder = decoder_lstm(dec_masking, {.initial_state = encoder_states});
    const SharedLayer decoder_dense = g.add(Dense{.units = tar_vocab_size, .activation = "softmax"});
    const Model model{{encoder_inputs, decoder_inputs}, decoder_dense(decoder[0])};

    const Model encoder_model{encoder_inputs, encoder_states};

    const Tensor decoder_state_input_h = Input(g, {.shape = {hidden_units}});
    const Tensor decoder_state_input_c = Input(g, {.shape = {hidden_units}});
    const Tensor dec_emb2 = dec_emb_layer(decoder_inputs);
    const Tensors decoder2 = decoder_lstm(dec_emb2, {.initial_state = {decoder_state_input_h, decoder_state_input_c}});
    const Tensor decoder_outputs2 = decoder_dense(decoder2[0]);
    const Model decoder_model{{decoder_inputs, decoder_state_input_h, decoder_state_input_c},
                              {decoder_outputs2, decoder2[1], decoder2[2]}};
    return {model, encoder_model, decoder_model};
}

constexpr std::int64_t seq2seq_count() { return seq2seq().model.count_params(); }
static_assert(seq2seq_count() == 1'375'075);

const char* const s2s_model_table = R"(
Model: "model"
__________________________________________________________________________________________________
 Layer (type)                   Output Shape         Param #     Connected to
==================================================================================================
 input_1 (InputLayer)           [(None, None)]       0           []

 input_2 (InputLayer)           [(None, None)]       0           []

 embedding (Embedding)          (None, None, 64)     289024      ['input_1[0][0]']

 embedding_1 (Embedding)        (None, None, 64)     506048      ['input_2[0][0]']

 masking (Masking)              (None, None, 64)     0           ['embedding[0][0]']

 masking_1 (Masking)            (None, None, 64)     0           ['embedding_1[0][0]']

 lstm (LSTM)                    [(None, 64),         33024       ['masking[0][0]']
                                 (None, 64),
                                 (None, 64)]

 lstm_1 (LSTM)                  [(None, None, 64),   33024       ['masking_1[0][0]',
                                 (None, 64),                      'lstm[0][1]',
                                 (None, 64)]                      'lstm[0][2]']

 dense (Dense)                  (None, None, 7907)   513955      ['lstm_1[0][0]']

==================================================================================================
Total params: 1,375,075
Trainable params: 1,375,075
Non-trainable params: 0
__________________________________________________________________________________________________
)";

const char* const s2s_encoder_table = R"(
Model: "model_1"
_________________________________________________________________
 Layer (type)                Output Shape              Param #
=================================================================
 input_1 (InputLayer)        [(None, None)]            0

 embedding (Embedding)       (None, None, 64)          289024

 masking (Masking)           (None, None, 64)          0

 lstm (LSTM)                 [(None, 64),              33024
                              (None, 64),
                              (None, 64)]

=================================================================
Total params: 322,048
Trainable params: 322,048
Non-trainable params: 0
_________________________________________________________________
)";

const char* const s2s_decoder_table = R"(
Model: "model_2"
__________________________________________________________________________________________________
 Layer (type)                   Output Shape         Param #     Connected to
==================================================================================================
 input_2 (InputLayer)           [(None, None)]       0           []

 embedding_1 (Embedding)        (None, None, 64)     506048      ['input_2[0][0]']

 input_3 (InputLayer)           [(None, 64)]         0           []

 input_4 (InputLayer)           [(None, 64)]         0           []

 lstm_1 (LSTM)                  [(None, None, 64),   33024       ['embedding_1[1][0]',
                                 (None, 64),                      'input_3[0][0]',
                                 (None, 64)]                      'input_4[0][0]']

 dense (Dense)                  (None, None, 7907)   513955      ['lstm_1[1][0]']

==================================================================================================
Total params: 1,053,027
Trainable params: 1,053,027
Non-trainable params: 0
__________________________________________________________________________________________________
)";

// ---------------------------------------------------------------------------------------------------
// [rnn] The guide to recurrent layers: four models of one session, the third an encoder-decoder whose
// decoder LSTM starts from the encoder's states (`initial_state=encoder_state`).
struct RnnGuide {
    Sequential<std::dynamic_extent, Model> lstm, gru, bidirectional;
    Model encoder_decoder;
};

constexpr RnnGuide rnn_guide()
{
    Graph g;
    Sequential<std::dynamic_extent, Model> model{g, {}, Embedding{.input_dim = 1000, .output_dim = 64}};
    model.add(LSTM{.units = 128});
    model.add(Dense{.units = 10});

    Sequential<std::dynamic_extent, Model> model_2{g, {}, Embedding{.input_dim = 1000, .output_dim = 64}};
    model_2.add(GRU{.units = 256, .return_sequences = true});
    model_2.add(SimpleRNN{.units = 128});
    model_2.add(Dense{.units = 10});

    constexpr std::int64_t encoder_vocab = 1000, decoder_vocab = 2000;
    const Tensor encoder_input = Input(g, {.shape = {None}});
    const Tensor encoder_embedded = Embedding{.input_dim = encoder_vocab, .output_dim = 64}(encoder_input);
    const Tensors encoder = LSTM{.units = 64, .return_state = true, .name = "encoder"}(encoder_embedded);
    const Tensors encoder_state{encoder[1], encoder[2]};
    const Tensor decoder_input = Input(g, {.shape = {None}});
    const Tensor decoder_embedded = Embedding{.input_dim = decoder_vocab, .output_dim = 64}(decoder_input);
    const Tensor decoder_output =
        LSTM{.units = 64, .name = "decoder"}(decoder_embedded, {.initial_state = encoder_state});
    const Tensor output = Dense{.units = 10}(decoder_output);
    const Model encoder_decoder{{encoder_input, decoder_input}, output};

    Sequential<std::dynamic_extent, Model> model_3{
        g, {}, Bidirectional{.layer = LSTM{.units = 64, .return_sequences = true}, .input_shape = {5, 10}}};
    model_3.add(Bidirectional{.layer = LSTM{.units = 32}});
    model_3.add(Dense{.units = 10});
    return {model, model_2, model_3, encoder_decoder};
}

constexpr std::int64_t rnn_guide_count()
{
    const RnnGuide m = rnn_guide();
    return m.lstm.count_params() + m.gru.count_params() + m.encoder_decoder.count_params() +
           m.bidirectional.count_params();
}
static_assert(rnn_guide_count() == 164'106 + 361'866 + 258'698 + 80'266);

const char* const rnn_lstm_table = R"(
Model: "sequential"
_________________________________________________________________
Layer (type)                 Output Shape              Param #
=================================================================
embedding (Embedding)        (None, None, 64)          64000
_________________________________________________________________
lstm (LSTM)                  (None, 128)               98816
_________________________________________________________________
dense (Dense)                (None, 10)                1290
=================================================================
Total params: 164,106
Trainable params: 164,106
Non-trainable params: 0
_________________________________________________________________
)";

const char* const rnn_gru_table = R"(
Model: "sequential_1"
_________________________________________________________________
Layer (type)                 Output Shape              Param #
=================================================================
embedding_1 (Embedding)      (None, None, 64)          64000
_________________________________________________________________
gru (GRU)                    (None, None, 256)         247296
_________________________________________________________________
simple_rnn (SimpleRNN)       (None, 128)               49280
_________________________________________________________________
dense_1 (Dense)              (None, 10)                1290
=================================================================
Total params: 361,866
Trainable params: 361,866
Non-trainable params: 0
_________________________________________________________________
)";

// `Model: "functional_1"` is TF 2.3's name for the first unnamed functional model (its __init__ ran
// twice; TF 2.4 names it `model`): the tf_keras_2_3 style, whose table is tf_keras_2_4's.
const char* const rnn_encoder_decoder_table = R"(
Model: "functional_1"
__________________________________________________________________________________________________
Layer (type)                    Output Shape         Param #     Connected to
==================================================================================================
input_1 (InputLayer)            [(None, None)]       0
__________________________________________________________________________________________________
input_2 (InputLayer)            [(None, None)]       0
__________________________________________________________________________________________________
embedding_2 (Embedding)         (None, None, 64)     64000       input_1[0][0]
__________________________________________________________________________________________________
embedding_3 (Embedding)         (None, None, 64)     128000      input_2[0][0]
__________________________________________________________________________________________________
encoder (LSTM)                  [(None, 64), (None,  33024       embedding_2[0][0]
__________________________________________________________________________________________________
decoder (LSTM)                  (None, 64)           33024       embedding_3[0][0]
                                                                 encoder[0][1]
                                                                 encoder[0][2]
__________________________________________________________________________________________________
dense_2 (Dense)                 (None, 10)           650         decoder[0][0]
==================================================================================================
Total params: 258,698
Trainable params: 258,698
Non-trainable params: 0
__________________________________________________________________________________________________
)";

const char* const rnn_bidirectional_table = R"(
Model: "sequential_2"
_________________________________________________________________
Layer (type)                 Output Shape              Param #
=================================================================
bidirectional (Bidirectional (None, 5, 128)            38400
_________________________________________________________________
bidirectional_1 (Bidirection (None, 64)                41216
_________________________________________________________________
dense_3 (Dense)              (None, 10)                650
=================================================================
Total params: 80,266
Trainable params: 80,266
Non-trainable params: 0
_________________________________________________________________
)";

} // namespace

TEST_CASE("published: keras.io's VAE encoder and decoder (tf.keras 2.7 tables)")
{
    CHECK(vae_count() == 69'076 + 65'089);
    const Vae m = vae();
    CHECK(summary(m.encoder, tf_2_7) == keras_table(98, vae_encoder_table));
    CHECK(summary(m.decoder, tf_2_7) == keras_table(65, vae_decoder_table));
}

TEST_CASE("published: keras.io's DCGAN discriminator and generator Sequentials (tf.keras 2.4 tables)")
{
    CHECK(dcgan_count() == 74'625 + 1'339'905);
    const Dcgan gan = dcgan();
    CHECK(summary(gan.discriminator, tf_2_4) == keras_table(65, dcgan_discriminator_table));
    CHECK(summary(gan.generator, tf_2_4) == keras_table(65, dcgan_generator_table));
}

TEST_CASE("published: a seq2seq translator with LSTM states and its inference models (tf.keras 2.7 tables)")
{
    CHECK(seq2seq_count() == 1'375'075);
    const Seq2seq s = seq2seq();
    CHECK(summary(s.model, tf_2_7) == keras_table(98, s2s_model_table));
    CHECK(summary(s.encoder_model, tf_2_7) == keras_table(65, s2s_encoder_table));
    CHECK(summary(s.decoder_model, tf_2_7) == keras_table(98, s2s_decoder_table));
}

TEST_CASE("published: keras.io's RNN guide, four models of one session, initial_state (tf.keras 2.3 tables)")
{
    CHECK(rnn_guide_count() == 164'106 + 361'866 + 258'698 + 80'266);
    const RnnGuide m = rnn_guide();
    CHECK(summary(m.lstm, tf_2_3) == keras_table(65, rnn_lstm_table));
    CHECK(summary(m.gru, tf_2_3) == keras_table(65, rnn_gru_table));
    CHECK(summary(m.encoder_decoder, tf_2_3) == keras_table(98, rnn_encoder_decoder_table));
    CHECK(summary(m.bidirectional, tf_2_3) == keras_table(65, rnn_bidirectional_table));
    CHECK(summary(m.encoder_decoder, tf_2_4).starts_with("Model: \"model\"\n")); // TF 2.4's name
}

} // namespace unit_published_models_generative_rnn_test
