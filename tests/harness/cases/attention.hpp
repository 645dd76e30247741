#pragma once
// Harness cases for the attention layers and EinsumDense (layers/attention.hpp); numbers from Keras as cited.
#include "../layer_case.hpp"

namespace nnshape::harness {

// MultiHeadAttention and GroupQueryAttention.
constexpr bool attention_cases(auto&& check)
{
    // Spec §2.11 / §9: H=2, Dk=Dv=16, q=k=v=32 -> (None, T, 32), 2*16*64 + 2*16*32 + 2*16*32 + (64+32+32) = 4224;
    // the same with unknown time steps.
    bool ok = check(MultiHeadAttention{.num_heads = 2, .key_dim = 16}, {Shape{None, 8, 32}, Shape{None, 8, 32}},
                    {Shape{None, 8, 32}}, Params{4224});
    ok &= check(MultiHeadAttention{.num_heads = 2, .key_dim = 16}, {Shape{None, None, 32}, Shape{None, None, 32}},
                {Shape{None, None, 32}}, Params{4224});
    // Spec §2.11 formula: output_shape=64 -> O = 64: 2*16*64 + 2*16*32 + 2*16*64 + (64+32+64) = 5280;
    // output_shape=(4, 5) -> O = 20: 2048 + 1024 + 2*16*20 + (64+32+20) = 3828.
    ok &= check(MultiHeadAttention{.num_heads = 2, .key_dim = 16, .output_shape = 64},
                {Shape{None, 8, 32}, Shape{None, 4, 32}}, {Shape{None, 8, 64}}, Params{5280});
    ok &= check(MultiHeadAttention{.num_heads = 2, .key_dim = 16, .output_shape = {4, 5}},
                {Shape{None, 8, 32}, Shape{None, 4, 32}}, {Shape{None, 8, 4, 5}}, Params{3828});
    // value_dim=8 with q=32, v=16, k=24: 2*16*(32+24) + 2*8*16 + 2*8*32 + (2*2*16 + 2*8 + 32) = 2672 (spec §2.11).
    ok &= check(MultiHeadAttention{.num_heads = 2, .key_dim = 16, .value_dim = 8},
                {Shape{None, 8, 32}, Shape{None, 4, 16}, Shape{None, 4, 24}}, {Shape{None, 8, 32}}, Params{2672});
    // use_bias=False drops 2*H*Dk + H*Dv + O = 128: 4096.
    ok &= check(MultiHeadAttention{.num_heads = 2, .key_dim = 16, .use_bias = false},
                {Shape{None, 8, 32}, Shape{None, 8, 32}}, {Shape{None, 8, 32}}, Params{4096});
    // Keras 3 grouped_query_attention_test: num_query_heads=2, num_key_value_heads=2, head_dim=2 on query
    // (2, 8, 16), value (2, 4, 16) -> (2, 8, 16); query (16, 2, 2) + (2, 2), key and value (16, 2, 2) + (2, 2),
    // output (2, 2, 16) + (16,): 64*4 + 4*3 + 16 = 284.
    ok &= check(GroupQueryAttention{.head_dim = 2, .num_query_heads = 2, .num_key_value_heads = 2},
                {Shape{2, 8, 16}, Shape{2, 4, 16}}, {Shape{2, 8, 16}}, Params{284});
    // num_query_heads=4, num_key_value_heads=2, head_dim=16, 64 features: (64*4 + 64*2 + 64*2 + 4*64)*16 = 12288
    // + (4 + 2 + 2)*16 + 64 = 12480.
    ok &= check(GroupQueryAttention{.head_dim = 16, .num_query_heads = 4, .num_key_value_heads = 2},
                {Shape{None, None, 64}, Shape{None, None, 64}}, {Shape{None, None, 64}}, Params{12480});
    // A key of 24 features: key kernel (24, 2, 2): 284 + (24 - 16)*4 = 316.
    ok &= check(GroupQueryAttention{.head_dim = 2, .num_query_heads = 2, .num_key_value_heads = 2},
                {Shape{2, 8, 16}, Shape{2, 4, 16}, Shape{2, 4, 24}}, {Shape{2, 8, 16}}, Params{316});
    // use_bias=False: 256.
    ok &= check(GroupQueryAttention{.head_dim = 2, .num_query_heads = 2, .num_key_value_heads = 2, .use_bias = false},
                {Shape{2, 8, 16}, Shape{2, 4, 16}}, {Shape{2, 8, 16}}, Params{256});
    // Dropout, flash attention, initializers, seed and the call's causal mask change nothing: 4224 and 284.
    ok &= check(MultiHeadAttention{.num_heads = 2,
                                   .key_dim = 16,
                                   .dropout = 0.1,
                                   .flash_attention = false,
                                   .kernel_initializer = "he_normal",
                                   .seed = 42,
                                   .use_causal_mask = true},
                {Shape{None, 8, 32}, Shape{None, 8, 32}}, {Shape{None, 8, 32}}, Params{4224});
    ok &= check(GroupQueryAttention{.head_dim = 2,
                                    .num_query_heads = 2,
                                    .num_key_value_heads = 2,
                                    .dropout = 0.1,
                                    .flash_attention = nullptr,
                                    .bias_regularizer = nullptr,
                                    .seed = 1,
                                    .use_causal_mask = true},
                {Shape{2, 8, 16}, Shape{2, 4, 16}}, {Shape{2, 8, 16}}, Params{284});
    return ok;
}

// Attention, AdditiveAttention and EinsumDense.
constexpr bool attention_scored_cases(auto&& check)
{
    // Spec §2.11, Keras 3: output query.shape[:-1] + (value.shape[-1],), scores query.shape[:-1] + (key.shape[-2],);
    // params 1 for use_scale plus 1 for score_mode='concat'.
    bool ok = check(Attention{}, {Shape{None, 5, 8}, Shape{None, 7, 16}}, {Shape{None, 5, 16}}, Params{});
    ok &= check(Attention{}, {Shape{None, None, 8}, Shape{None, None, 8}}, {Shape{None, None, 8}}, Params{});
    ok &=
        check(Attention{}, {Shape{None, 5, 8}, Shape{None, 7, 16}, Shape{None, 7, 8}}, {Shape{None, 5, 16}}, Params{});
    ok &= check(Attention{.use_scale = true}, {Shape{None, 5, 8}, Shape{None, 7, 16}}, {Shape{None, 5, 16}}, Params{1});
    ok &= check(Attention{.use_scale = true, .score_mode = "concat"}, {Shape{None, 5, 8}, Shape{None, 7, 16}},
                {Shape{None, 5, 16}}, Params{2});
    // Spec §2.11: Keras 3's AdditiveAttention scale has the query's last dimension (8); the output is
    // query.shape[:-1] + (16,).
    ok &= check(AdditiveAttention{}, {Shape{None, 5, 8}, Shape{None, 7, 16}}, {Shape{None, 5, 16}}, Params{8});
    ok &= check(AdditiveAttention{.use_scale = false}, {Shape{None, 5, 8}, Shape{None, 7, 16}}, {Shape{None, 5, 16}},
                Params{});
    // Keras 3 EinsumDense docstring: "ab,bc->ac", 64, bias "c" on (None, 32) -> (None, 64), 32*64 + 64 = 2112;
    // "...x,xy->...y", 64, bias "y" on (None, 32, 128) -> (None, 32, 64), 128*64 + 64 = 8256; "abc,cd->abd",
    // (None, 64), bias "d" on (None, 32, 128): Keras 3's compute_output_shape keeps the None -> (None, None, 64).
    ok &= check(EinsumDense{.equation = "ab,bc->ac", .output_shape = 64, .bias_axes = "c"}, {Shape{None, 32}},
                {Shape{None, 64}}, Params{2112});
    ok &= check(EinsumDense{.equation = "...x,xy->...y", .output_shape = 64, .bias_axes = "y"}, {Shape{None, 32, 128}},
                {Shape{None, 32, 64}}, Params{8256});
    ok &= check(EinsumDense{.equation = "abc,cd->abd", .output_shape = {None, 64}, .bias_axes = "d"},
                {Shape{None, 32, 128}}, {Shape{None, None, 64}}, Params{8256});
    // Keras 3 einsum_dense_test: "abc,cde->abde", (7, 3, 4), bias "be" on (2, 7, 2): kernel (2, 3, 4) + bias
    // (7, 1, 4) = 24 + 28; "bc...,cd->bd...", 4 on (2, 1, 2, 3) -> (2, 4, 2, 3), kernel (1, 4) = 4.
    ok &= check(EinsumDense{.equation = "abc,cde->abde", .output_shape = {7, 3, 4}, .bias_axes = "be"},
                {Shape{2, 7, 2}}, {Shape{2, 7, 3, 4}}, Params{52});
    ok &= check(EinsumDense{.equation = "bc...,cd->bd...", .output_shape = 4}, {Shape{2, 1, 2, 3}}, {Shape{2, 4, 2, 3}},
                Params{4});
    // Keras 3 einsum_dense_test test_enable_lora: "ab,bcd->acd", (8, 32), no bias, built on (None, 3), LoRA
    // rank 2: 2 trainable weights, 1 frozen. Shapes from einsum_dense.py enable_lora: kernel (3, 8, 32) = 768
    // frozen; lora_kernel_a (3, 8, 2) = 48 + lora_kernel_b (2, 32) = 64 train.
    ok &= check(EinsumDense{.equation = "ab,bcd->acd", .output_shape = {8, 32}, .lora_rank = 2}, {Shape{None, 3}},
                {Shape{None, 8, 32}}, Params{112, 768});
    // Dropout, seed and the causal masks (Keras 3's call argument, tf.keras's `causal`) change nothing.
    ok &= check(Attention{.use_scale = true, .dropout = 0.2, .seed = 5, .use_causal_mask = true, .causal = false},
                {Shape{None, 5, 8}, Shape{None, 7, 16}}, {Shape{None, 5, 16}}, Params{1});
    ok &= check(AdditiveAttention{.dropout = 0.2, .use_causal_mask = true}, {Shape{None, 5, 8}, Shape{None, 7, 16}},
                {Shape{None, 5, 16}}, Params{8});
    return ok;
}

// The attention scores (`return_attention_scores`, an argument of the call in Keras, which the JSON
// path carries as a call argument) and Keras 3's `use_gate` and `sliding_window` config keys.
constexpr bool attention_score_and_gate_cases(auto&& check)
{
    // Keras 3 use_gate adds (q, H, Dv) + (H, Dv): 4224 + 32*2*16 + 2*16 = 5280.
    bool ok = check(MultiHeadAttention{.num_heads = 2, .key_dim = 16, .use_gate = true},
                    {Shape{None, 8, 32}, Shape{None, 8, 32}}, {Shape{None, 8, 32}}, Params{5280});
    // Spec §2.11: the scores are (b, H, Tq, Tv).
    ok &= check(MultiHeadAttention{.num_heads = 2, .key_dim = 16, .return_attention_scores = true},
                {Shape{None, 8, 32}, Shape{None, 4, 32}}, {Shape{None, 8, 32}, Shape{None, 2, 8, 4}}, Params{4224});
    // Keras 3 test_high_dim_attention "5d_inputs_2d_attention": query (3, 5, 3, 4, 8), value (3, 5, 3, 2, 8),
    // num_heads=2, key_dim=2, attention_axes=(2, 3): 2*2*(8+8) + 2*2*8 + 2*2*8 + (2*2*2 + 2*2 + 8) = 148; scores
    // (batch, unattended query axes, heads, attended query axes, attended key axes) = (3, 5, 2, 3, 4, 3, 2).
    ok &= check(
        MultiHeadAttention{.num_heads = 2, .key_dim = 2, .attention_axes = {2, 3}, .return_attention_scores = true},
        {Shape{3, 5, 3, 4, 8}, Shape{3, 5, 3, 2, 8}}, {Shape{3, 5, 3, 4, 8}, Shape{3, 5, 2, 3, 4, 3, 2}}, Params{148});
    // GQA with a key of 24 features (316, as above); scores (batch, num_query_heads, Tq, Tkv) (Keras 3
    // compute_output_spec).
    ok &= check(
        GroupQueryAttention{
            .head_dim = 2, .num_query_heads = 2, .num_key_value_heads = 2, .return_attention_scores = true},
        {Shape{2, 8, 16}, Shape{2, 4, 16}, Shape{2, 4, 24}}, {Shape{2, 8, 16}, Shape{2, 2, 8, 4}}, Params{316});
    // Keras 3 GQA use_gate adds (16, 2, 2) + (2, 2): 284 + 68 = 352.
    ok &= check(GroupQueryAttention{.head_dim = 2, .num_query_heads = 2, .num_key_value_heads = 2, .use_gate = true},
                {Shape{2, 8, 16}, Shape{2, 4, 16}}, {Shape{2, 8, 16}}, Params{352});
    // Attention and AdditiveAttention scores: query.shape[:-1] + (key.shape[-2],) (spec §2.11, Keras 3).
    ok &= check(Attention{.return_attention_scores = true}, {Shape{None, 5, 8}, Shape{None, 7, 16}, Shape{None, 7, 8}},
                {Shape{None, 5, 16}, Shape{None, 5, 7}}, Params{});
    ok &= check(AdditiveAttention{.return_attention_scores = true}, {Shape{None, 5, 8}, Shape{None, 7, 16}},
                {Shape{None, 5, 16}, Shape{None, 5, 7}}, Params{8});
    return ok;
}

} // namespace nnshape::harness
