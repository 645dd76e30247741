#pragma once
// Harness cases for the core layers (layers/core.hpp); numbers from Keras as cited.
#include "../layer_case.hpp"

namespace nnshape::harness {

constexpr bool core_cases(auto&& check)
{
    // keras.Input(shape=(28, 28, 1)) -> (None, 28, 28, 1) (spec §1).
    bool ok = check(InputLayer{.shape = Shape{28, 28, 1}}, {}, {Shape{None, 28, 28, 1}}, Params{});
    // Keras 3's input_layer_test test_input_basic (sparse case): InputLayer(shape=(2, 3), batch_size=4,
    // dtype="float32", sparse=True) has batch_shape (4, 2, 3).
    ok &= check(InputLayer{.shape = Shape{2, 3}, .batch_size = 4, .dtype = "float32", .sparse = true}, {},
                {Shape{4, 2, 3}}, Params{});
    // Dense(5) on (None, 3, 4) -> (None, 3, 5), 25 = 4*5 + 5 (spec §9); use_bias=False: 4*5.
    ok &= check(Dense{.units = 5}, {Shape{None, 3, 4}}, {Shape{None, 3, 5}}, Params{25});
    ok &= check(Dense{.units = 5, .use_bias = false}, {Shape{None, 4}}, {Shape{None, 5}}, Params{20});
    // Keras 3's dense_test test_enable_lora: Dense(16) built on (None, 8), LoRA rank 4: trainable
    // lora_kernel_a (8, 4), lora_kernel_b (4, 16) and bias (16) = 32 + 64 + 16; the kernel (8, 16) frozen.
    ok &= check(Dense{.units = 16, .lora_rank = 4}, {Shape{None, 8}}, {Shape{None, 16}}, Params{112, 128});
    // Embedding(1000, 64) on (None, 10) -> (None, 10, 64), 64,000 = 1000*64 (spec §9).
    ok &=
        check(Embedding{.input_dim = 1000, .output_dim = 64}, {Shape{None, 10}}, {Shape{None, 10, 64}}, Params{64000});
    // Keras 3's embedding_test test_enable_lora: Embedding(10, 16), LoRA rank 4, called on (64, 3)
    // ints: trainable lora_embeddings_a (10, 4) and lora_embeddings_b (4, 16) = 40 + 64 (shapes from
    // Embedding.enable_lora); the embeddings (10, 16) frozen.
    ok &= check(Embedding{.input_dim = 10, .output_dim = 16, .lora_rank = 4}, {Shape{None, 3}}, {Shape{None, 3, 16}},
                Params{104, 160});
    // Keras's Identity and Masking return their input's shape and have no weights (their
    // compute_output_shape returns input_shape).
    ok &= check(Identity{}, {Shape{None, 7, 3}}, {Shape{None, 7, 3}}, Params{});
    ok &= check(Masking{.mask_value = 0.5}, {Shape{None, 10, 8}}, {Shape{None, 10, 8}}, Params{});
    // Keras 3's lambda_layer_test test_lambda_basic: Lambda(stacker, output_shape=(6,)) on (2, 3) -> (2, 6);
    // tf.keras 2.15 core_test test_lambda_output_shape_list_multiple_outputs: output_shape=[(10,), (20,)]
    // on [(10, 10), (10, 20)] -> [(10, 10), (10, 20)]. No weights.
    ok &= check(Lambda{.output_shape = {6}}, {Shape{2, 3}}, {Shape{2, 6}}, Params{});
    ok &= check(Lambda{.output_shape = {Shape{10}, Shape{20}}}, {Shape{10, 10}, Shape{10, 20}},
                {Shape{10, 10}, Shape{10, 20}}, Params{});
    // Keras 3's TernaryDense (ternary_dense.py build): kernel (input_dim, units) and bias (units), as Dense:
    // TernaryDense(32) on (None, 16) -> (None, 32), 16*32 + 32 = 544; use_bias=False 512.
    ok &= check(TernaryDense{.units = 32}, {Shape{None, 16}}, {Shape{None, 32}}, Params{544});
    ok &= check(TernaryDense{.units = 32, .threshold = 0.1, .activation = "relu", .use_bias = false},
                {Shape{None, 5, 16}}, {Shape{None, 5, 32}}, Params{512});
    // tf.keras 2.15's kernelized_test test_call: RandomFourierFeatures(output_dim=10, scale=1.0) on (3, 2)
    // -> (3, 10); unscaled_kernel (2, 10) and bias (10) never train, kernel_scale (1,) trains only with
    // trainable=True (kernelized.py build): 1 + 30, or 31 non-trainable by default.
    ok &= check(
        RandomFourierFeatures{.output_dim = 10, .kernel_initializer = "laplacian", .scale = 1.0, .trainable = true},
        {Shape{3, 2}}, {Shape{3, 10}}, Params{1, 30});
    ok &= check(RandomFourierFeatures{.output_dim = 10}, {Shape{None, 2}}, {Shape{None, 10}}, Params{0, 31});
    // Keras 2.x's legacy layers (keras/legacy/layers.py build): MaxoutDense(3) with nb_feature=4 on 5 features,
    // W (4, 5, 3) + b (4, 3) = 72 -> (None, 3); Highway on 5 features: W and W_carry (5, 5), b and b_carry (5)
    // = 60, shape unchanged; without bias 48 and 50.
    ok &= check(MaxoutDense{.output_dim = 3}, {Shape{None, 5}}, {Shape{None, 3}}, Params{72});
    ok &= check(MaxoutDense{.output_dim = 3, .nb_feature = 2, .init = "he_normal", .bias = false}, {Shape{None, 8}},
                {Shape{None, 3}}, Params{48});
    ok &= check(Highway{.activation = "relu"}, {Shape{None, 5}}, {Shape{None, 5}}, Params{60});
    ok &= check(Highway{.bias = false}, {Shape{None, 5}}, {Shape{None, 5}}, Params{50});
    return ok;
}

} // namespace nnshape::harness
