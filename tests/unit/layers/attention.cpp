// Attention layers (MultiHeadAttention, GroupQueryAttention, Attention, AdditiveAttention) and
// EinsumDense against Keras's numbers: spec §2.11 and §9, Keras 3's attention sources, tests and
// docstrings; counts not given there are the weight shapes of those sources multiplied out by hand.
// Each constexpr test runs at compile time (static_assert) and at run time (CHECK).
#include <doctest/doctest.h>
#include <nnshape/nnshape.hpp>

#include "../check.hpp"

#include <array>
#include <cstdint>

namespace unit_layers_attention_test {

namespace {
using namespace nnshape;

constexpr bool test_multi_head_attention()
{
    // §2.11 / §9: H=2, Dk=Dv=16, q=k=v=32 -> (None, T, 32), 2*16*64 + 2*16*32 + 2*16*32 + (64+32+32) = 4224.
    const std::array self{Shape{None, 8, 32}, Shape{None, 8, 32}};
    const std::array cross{Shape{None, 8, 32}, Shape{None, 4, 32}};
    const MultiHeadAttention mha{.num_heads = 2, .key_dim = 16};
    // output_shape=64: O = 64: 2*16*64 + 2*16*32 + 2*16*64 + (64+32+64) = 5280.
    const MultiHeadAttention wide{.num_heads = 2, .key_dim = 16, .output_shape = 64};
    // output_shape=(4, 5): O = 20: 2048 + 1024 + 2*16*20 + (64+32+20) = 3828.
    const MultiHeadAttention shaped{.num_heads = 2, .key_dim = 16, .output_shape = {4, 5}};
    // value_dim=8 with q=32, v=16, k=24: 2*16*(32+24) + 2*8*16 + 2*8*32 + (2*2*16 + 2*8 + 32) = 2672.
    const std::array qvk{Shape{None, 8, 32}, Shape{None, 4, 16}, Shape{None, 4, 24}};
    const MultiHeadAttention narrow{.num_heads = 2, .key_dim = 16, .value_dim = 8};
    FACT(mha.output_shapes(self) == Shapes{Shape{None, 8, 32}});
    FACT(mha.params(self) == Params{4224});
    FACT(mha.output_shapes(cross) == Shapes{Shape{None, 8, 32}});
    FACT(mha.params(cross) == Params{4224});
    FACT(mha.output_shapes(std::array{Shape{None, None, 32}, Shape{None, None, 32}}) == Shapes{Shape{None, None, 32}});
    FACT(wide.output_shapes(cross) == Shapes{Shape{None, 8, 64}});
    FACT(wide.params(cross) == Params{5280});
    FACT(shaped.output_shapes(cross) == Shapes{Shape{None, 8, 4, 5}});
    FACT(shaped.params(cross) == Params{3828});
    FACT(narrow.output_shapes(qvk) == Shapes{Shape{None, 8, 32}});
    FACT(narrow.params(qvk) == Params{2672});
    // use_bias=False drops 2*H*Dk + H*Dv + O = 128: 4096
    FACT(MultiHeadAttention{.num_heads = 2, .key_dim = 16, .use_bias = false}.params(self) == Params{4096});
    // Keras 3 use_gate: gate kernel (q, H, Dv) + bias (H, Dv): 4224 + 32*2*16 + 2*16 = 5280
    FACT(MultiHeadAttention{.num_heads = 2, .key_dim = 16, .use_gate = true}.params(self) == Params{5280});
    // sliding_window changes no shape
    FACT(MultiHeadAttention{.num_heads = 2, .key_dim = 16, .sliding_window = 3}.output_shapes(self) ==
         Shapes{Shape{None, 8, 32}});
    return true;
}
static_assert(test_multi_head_attention());

constexpr bool test_multi_head_attention_high_rank()
{
    // Keras 3 test_high_dim_attention "5d_inputs_2d_attention": query (3, 5, 3, 4, 8), value (3, 5, 3, 2, 8),
    // num_heads=2, key_dim=2, attention_axes=(2, 3) -> the query's shape; the kernels see only the last
    // axes: 2*2*(8+8) + 2*2*8 + 2*2*8 + (2*2*2 + 2*2 + 8) = 148.
    // Scores (Keras 3 _build_attention_equation): (batch, query axes not attended, heads, attended query
    // axes, attended key axes) = (3, 5, 2, 3, 4, 3, 2).
    const std::array inputs{Shape{3, 5, 3, 4, 8}, Shape{3, 5, 3, 2, 8}};
    const MultiHeadAttention mha{
        .num_heads = 2, .key_dim = 2, .attention_axes = {2, 3}, .return_attention_scores = true};
    // Keras 3 test_attention_axes_negative_indexing: attention_axes=-2 is 2 on a rank-4 query.
    const std::array rank4{Shape{None, 2, 8, 32}, Shape{None, 2, 4, 32}};
    const MultiHeadAttention positive{
        .num_heads = 2, .key_dim = 4, .attention_axes = 2, .return_attention_scores = true};
    const MultiHeadAttention negative{
        .num_heads = 2, .key_dim = 4, .attention_axes = -2, .return_attention_scores = true};
    // By default every axis but batch and features is attended: (None, H, 2, 8, 2, 4).
    const MultiHeadAttention all{.num_heads = 2, .key_dim = 4, .return_attention_scores = true};
    FACT(mha.output_shapes(inputs) == Shapes{Shape{3, 5, 3, 4, 8}, Shape{3, 5, 2, 3, 4, 3, 2}});
    FACT(mha.params(inputs) == Params{148});
    FACT(positive.output_shapes(rank4) == Shapes{Shape{None, 2, 8, 32}, Shape{None, 2, 2, 8, 4}});
    FACT(negative.output_shapes(rank4) == positive.output_shapes(rank4));
    FACT(all.output_shapes(rank4) == Shapes{Shape{None, 2, 8, 32}, Shape{None, 2, 2, 8, 2, 4}});
    return true;
}
static_assert(test_multi_head_attention_high_rank());

constexpr bool test_multi_head_attention_scores()
{
    // §2.11: with return_attention_scores the scores are (b, H, Tq, Tv) -- the tensor Keras computes and
    // tf.keras reports (Keras 3's compute_output_spec says (b, H, Tq, Tq)).
    const MultiHeadAttention mha{.num_heads = 2, .key_dim = 16, .return_attention_scores = true};
    const std::array cross{Shape{None, 8, 32}, Shape{None, 4, 32}};
    const std::array with_key{Shape{None, 8, 32}, Shape{None, None, 16}, Shape{None, None, 24}};
    FACT(mha.output_shapes(cross) == Shapes{Shape{None, 8, 32}, Shape{None, 2, 8, 4}});
    FACT(mha.output_shapes(with_key) == Shapes{Shape{None, 8, 32}, Shape{None, 2, 8, None}});
    return true;
}
static_assert(test_multi_head_attention_scores());

constexpr bool test_group_query_attention()
{
    // Keras 3 grouped_query_attention_test: num_query_heads=2, num_key_value_heads=2, head_dim=2 on
    // query (2, 8, 16), value (2, 4, 16) -> (2, 8, 16). Weights (Keras 3 build): query (16, 2, 2) + (2, 2),
    // key and value (16, 2, 2) + (2, 2), output (2, 2, 16) + (16,): 64*4 + 4*3 + 16 = 284.
    const std::array inputs{Shape{2, 8, 16}, Shape{2, 4, 16}};
    const GroupQueryAttention gqa{.head_dim = 2, .num_query_heads = 2, .num_key_value_heads = 2};
    // num_query_heads=4, num_key_value_heads=2, head_dim=16, 64 features: kernels
    // (64*4 + 64*2 + 64*2 + 4*64)*16 = 12288, biases (4 + 2 + 2)*16 + 64 = 192 -> 12480.
    const std::array wide{Shape{None, None, 64}, Shape{None, None, 64}};
    const GroupQueryAttention grouped{.head_dim = 16, .num_query_heads = 4, .num_key_value_heads = 2};
    // A key of 24 features: key kernel (24, 2, 2): 284 + (24 - 16)*4 = 316.
    const std::array with_key{Shape{2, 8, 16}, Shape{2, 4, 16}, Shape{2, 4, 24}};
    // Scores (Keras 3 compute_output_spec): (batch, num_query_heads, Tq, Tkv).
    const GroupQueryAttention scored{
        .head_dim = 2, .num_query_heads = 2, .num_key_value_heads = 2, .return_attention_scores = true};
    FACT(GroupQueryAttention::class_name == "GroupedQueryAttention");
    FACT(gqa.output_shapes(inputs) == Shapes{inputs[0]});
    FACT(gqa.params(inputs) == Params{284});
    FACT(grouped.output_shapes(wide) == Shapes{wide[0]});
    FACT(grouped.params(wide) == Params{12480});
    FACT(gqa.params(with_key) == Params{316});
    FACT(scored.output_shapes(with_key) == Shapes{Shape{2, 8, 16}, Shape{2, 2, 8, 4}});
    // use_bias=False: 256; use_gate adds (16, 2, 2) + (2, 2): 284 + 68 = 352
    FACT(GroupQueryAttention{.head_dim = 2, .num_query_heads = 2, .num_key_value_heads = 2, .use_bias = false}.params(
             inputs) == Params{256});
    FACT(GroupQueryAttention{.head_dim = 2, .num_query_heads = 2, .num_key_value_heads = 2, .use_gate = true}.params(
             inputs) == Params{352});
    return true;
}
static_assert(test_group_query_attention());

constexpr bool test_attention()
{
    // §2.11, Keras 3: output query.shape[:-1] + (value.shape[-1],), scores query.shape[:-1] + (key.shape[-2],);
    // params 1 for use_scale plus 1 for score_mode='concat'.
    const std::array qv{Shape{None, 5, 8}, Shape{None, 7, 16}};
    const std::array qvk{Shape{None, 5, 8}, Shape{None, 7, 16}, Shape{None, 7, 8}};
    const Attention scored{.return_attention_scores = true};
    FACT(Attention{}.output_shapes(qv) == Shapes{Shape{None, 5, 16}});
    FACT(Attention{}.params(qv[0]) == Params{0});
    FACT(scored.output_shapes(qv) == Shapes{Shape{None, 5, 16}, Shape{None, 5, 7}});
    FACT(scored.output_shapes(qvk) == Shapes{Shape{None, 5, 16}, Shape{None, 5, 7}});
    FACT(Attention{}.output_shapes(std::array{Shape{None, None, 8}, Shape{None, None, 8}}) ==
         Shapes{Shape{None, None, 8}});
    FACT(Attention{.use_scale = true}.params(qv[0]) == Params{1});
    FACT(Attention{.score_mode = "concat"}.params(qv[0]) == Params{1});
    FACT(Attention{.use_scale = true, .score_mode = "concat"}.params(qv[0]) == Params{2});
    return true;
}
static_assert(test_attention());

constexpr bool test_additive_attention()
{
    // §2.11: Keras 3's scale has the query's last dimension (8); the output is query.shape[:-1] + (16,).
    const std::array qv{Shape{None, 5, 8}, Shape{None, 7, 16}};
    const AdditiveAttention scored{.return_attention_scores = true};
    FACT(AdditiveAttention{}.output_shapes(qv) == Shapes{Shape{None, 5, 16}});
    FACT(AdditiveAttention{}.params(qv[0]) == Params{8});
    FACT(AdditiveAttention{.use_scale = false}.params(qv[0]) == Params{0});
    FACT(scored.output_shapes(qv) == Shapes{Shape{None, 5, 16}, Shape{None, 5, 7}});
    return true;
}
static_assert(test_additive_attention());

constexpr Shape einsum_shape(const EinsumDense& layer, const Shape& in) { return layer.output_shapes(in)[0]; }
constexpr std::int64_t einsum_params(const EinsumDense& layer, const Shape& in) { return layer.params(in).total(); }

constexpr bool test_einsum_dense()
{
    // Keras 3 einsum_dense_test (full input shapes; params = prod(kernel) + prod(bias)):
    const EinsumDense dot_product{.equation = "ab,b->a", .output_shape = {}}; // kernel (32,)
    const EinsumDense dense{.equation = "ab,bc->ac", .output_shape = 64}; // (32, 64)
    const EinsumDense to_3d{.equation = "abc,cde->abde", .output_shape = {1, 3, 4}}; // (2, 3, 4)
    const EinsumDense bias_e{.equation = "abc,cde->abde", .output_shape = {1, 3, 4}, .bias_axes = "e"}; // + (4,)
    const EinsumDense bias_d{.equation = "abc,cde->abde", .output_shape = {1, 3, 4}, .bias_axes = "d"}; // + (3, 1)
    const EinsumDense bias_be{.equation = "abc,cde->abde", .output_shape = {7, 3, 4}, .bias_axes = "be"}; // + (7, 1, 4)
    const EinsumDense upper{.equation = "BFNH,NHD->BFD", .output_shape = {1, 4}}; // (2, 3, 4)
    const EinsumDense seq{.equation = "abc,cd->abd", .output_shape = {1, 4}}; // (2, 4)
    const EinsumDense outer{.equation = "i,d->id", .output_shape = 2}; // (2,)
    const EinsumDense ibd{.equation = "ibd,nd->ibn", .output_shape = {2, 2}}; // (2, 1)
    FACT(einsum_shape(dot_product, Shape{2, 32}) == Shape{2});
    FACT(einsum_params(dot_product, Shape{2, 32}) == 32);
    FACT(einsum_shape(dense, Shape{2, 32}) == Shape{2, 64});
    FACT(einsum_params(dense, Shape{2, 32}) == 32 * 64);
    FACT(einsum_shape(to_3d, Shape{2, 1, 2}) == Shape{2, 1, 3, 4});
    FACT(einsum_params(to_3d, Shape{2, 1, 2}) == 24);
    FACT(einsum_params(bias_e, Shape{2, 1, 2}) == 24 + 4);
    FACT(einsum_params(bias_d, Shape{2, 1, 2}) == 24 + 3);
    FACT(einsum_shape(bias_be, Shape{2, 7, 2}) == Shape{2, 7, 3, 4});
    FACT(einsum_params(bias_be, Shape{2, 7, 2}) == 24 + 28);
    FACT(einsum_shape(upper, Shape{2, 1, 2, 3}) == Shape{2, 1, 4});
    FACT(einsum_params(upper, Shape{2, 1, 2, 3}) == 24);
    FACT(einsum_shape(seq, Shape{2, 1, 2}) == Shape{2, 1, 4});
    FACT(einsum_params(seq, Shape{2, 1, 2}) == 8);
    FACT(einsum_shape(outer, Shape{2}) == Shape{2, 2});
    FACT(einsum_params(outer, Shape{2}) == 2);
    FACT(einsum_shape(ibd, Shape{2, 2, 1}) == Shape{2, 2, 2});
    FACT(einsum_params(ibd, Shape{2, 2, 1}) == 2);
    return true;
}
static_assert(test_einsum_dense());

constexpr bool test_einsum_dense_ellipsis()
{
    // Keras 3 einsum_dense_test, ellipsis on the left: the batch axis is part of it.
    const EinsumDense left{.equation = "...b,bc->...c", .output_shape = 64}; // (32, 64)
    const EinsumDense reduce{.equation = "...bc,bc->...b", .output_shape = 32}; // (32, 64)
    const EinsumDense split{.equation = "...c,cde->...de", .output_shape = {3, 4}}; // (2, 3, 4)
    const EinsumDense split_de{.equation = "...c,cde->...de", .output_shape = {3, 4}, .bias_axes = "de"}; // + (3, 4)
    // ... and on the right: bc...,cd->bd... on (2, 1, 2, 3) -> (2, 4, 2, 3), kernel (1, 4).
    const EinsumDense right{.equation = "bc...,cd->bd...", .output_shape = 4};
    const EinsumDense right_d{
        .equation = "bc...,cde->bde...", .output_shape = {3, 4}, .bias_axes = "d"}; // (1, 3, 4) + (3, 1, 1)
    const EinsumDense right_e{.equation = "bc...,cde->bde...", .output_shape = {3, 4}, .bias_axes = "e"}; // + (4, 1)
    FACT(einsum_shape(left, Shape{2, 32}) == Shape{2, 64});
    FACT(einsum_params(left, Shape{2, 32}) == 2048);
    FACT(einsum_shape(left, Shape{2, 3, 32}) == Shape{2, 3, 64});
    FACT(einsum_shape(reduce, Shape{2, 32, 64}) == Shape{2, 32});
    FACT(einsum_params(reduce, Shape{2, 32, 64}) == 2048);
    FACT(einsum_shape(split, Shape{2, 1, 2}) == Shape{2, 1, 3, 4});
    FACT(einsum_params(split, Shape{2, 1, 2}) == 24);
    FACT(einsum_params(split_de, Shape{2, 1, 2}) == 24 + 12);
    FACT(einsum_shape(right, Shape{2, 1, 2, 3}) == Shape{2, 4, 2, 3});
    FACT(einsum_params(right, Shape{2, 1, 2, 3}) == 4);
    FACT(einsum_shape(right_d, Shape{2, 1, 2}) == Shape{2, 3, 4, 2});
    FACT(einsum_params(right_d, Shape{2, 1, 2}) == 12 + 3);
    FACT(einsum_params(right_e, Shape{2, 1, 2}) == 12 + 4);
    return true;
}
static_assert(test_einsum_dense_ellipsis());

constexpr bool test_einsum_dense_docstring()
{
    // Keras 3 EinsumDense docstring: "ab,bc->ac", 64, bias "c" on (None, 32) -> (None, 64), 32*64 + 64 = 2112
    // (Dense(64)); "...x,xy->...y", 64, bias "y" on (None, 32, 128) -> (None, 32, 64), 128*64 + 64 = 8256.
    // "abc,cd->abd", (None, 64), bias "d" on (None, 32, 128): Keras 3's compute_output_shape keeps the None
    // it was given -> (None, None, 64) (the docstring, written for tf.keras, shows (None, 32, 64)); 8256.
    const Sequential dense{
        EinsumDense{.equation = "ab,bc->ac", .output_shape = 64, .bias_axes = "c", .input_shape = Shape{32}}};
    const EinsumDense ellipsis{.equation = "...x,xy->...y", .output_shape = 64, .bias_axes = "y"};
    const EinsumDense sequence{.equation = "abc,cd->abd", .output_shape = {None, 64}, .bias_axes = "d"};
    FACT(dense.output_shape() == Shape{None, 64});
    FACT(dense.count_params() == 2112);
    FACT(einsum_shape(ellipsis, Shape{None, 32, 128}) == Shape{None, 32, 64});
    FACT(einsum_params(ellipsis, Shape{None, 32, 128}) == 8256);
    FACT(einsum_shape(sequence, Shape{None, 32, 128}) == Shape{None, None, 64});
    FACT(einsum_params(sequence, Shape{None, 32, 128}) == 8256);
    return true;
}
static_assert(test_einsum_dense_docstring());

constexpr bool test_attention_in_a_graph()
{
    // A Transformer encoder block on (None, 10, 32): self-attention (4224, §2.11), a residual Add, then
    // Dense(64) (32*64 + 64 = 2112) and Dense(32) (64*32 + 32 = 2080): 8416.
    Graph g;
    auto x = Input(g, {.shape = Shape{10, 32}});
    auto attended = MultiHeadAttention{.num_heads = 2, .key_dim = 16}({x, x});
    auto residual = Add{}({x, attended});
    auto out = Dense{.units = 32}(Dense{.units = 64}(residual));
    const Model block{x, out};
    // The scores are a second output: (None, 2, 10, 6) against a value of 6 steps.
    auto memory = Input(g, {.shape = Shape{6, 32}});
    auto both = MultiHeadAttention{.num_heads = 2, .key_dim = 16, .return_attention_scores = true}({x, memory});
    const Model cross{{x, memory}, {both[0], both[1]}};
    FACT(block.output_shape() == Shape{None, 10, 32});
    FACT(block.count_params() == 8416);
    FACT(cross.output_shapes() == Shapes{Shape{None, 10, 32}, Shape{None, 2, 10, 6}});
    FACT(cross.count_params() == 4224);
    return true;
}
static_assert(test_attention_in_a_graph());

} // namespace

TEST_CASE("attention layers: shapes and counts at run time (same tests as the static_asserts)")
{
    CHECK(test_multi_head_attention());
    CHECK(test_multi_head_attention_high_rank());
    CHECK(test_multi_head_attention_scores());
    CHECK(test_group_query_attention());
    CHECK(test_attention());
    CHECK(test_additive_attention());
    CHECK(test_einsum_dense());
    CHECK(test_einsum_dense_ellipsis());
    CHECK(test_einsum_dense_docstring());
    CHECK(test_attention_in_a_graph());
}

TEST_CASE("MultiHeadAttention: Keras 3's argument and shape errors")
{
    const std::array self{Shape{None, 8, 32}, Shape{None, 8, 32}};
    CHECK_THROWS_WITH_AS((MultiHeadAttention{.num_heads = 0, .key_dim = 16}.output_shapes(self)),
                         doctest::Contains("Received an invalid value for argument `num_heads`, expected a positive "
                                           "integer."),
                         shape_error);
    CHECK_THROWS_WITH_AS((MultiHeadAttention{.num_heads = 2, .key_dim = -2}.output_shapes(self)),
                         doctest::Contains("Received an invalid value for argument `key_dim`"), shape_error);
    CHECK_THROWS_WITH_AS((MultiHeadAttention{.num_heads = 2, .key_dim = 4, .value_dim = 0}.output_shapes(self)),
                         doctest::Contains("Received an invalid value for argument `value_dim`, expected a positive "
                                           "integer or `None`."),
                         shape_error);
    CHECK_THROWS_WITH_AS((MultiHeadAttention{.num_heads = 2, .key_dim = 4, .sliding_window = 0}.output_shapes(self)),
                         doctest::Contains("`sliding_window` must be `None` or a positive integer."), shape_error);

    // Keras 3 test_shape_mismatch_error: key (2, 1, 7) against value (2, 2, 8); a key of rank 1.
    Graph g;
    auto q = Input(g, {.batch_shape = Shape{2, 4, 8}});
    auto v = Input(g, {.batch_shape = Shape{2, 2, 8}});
    auto k = Input(g, {.batch_shape = Shape{2, 1, 7}});
    CHECK_THROWS_WITH_AS((MultiHeadAttention{.num_heads = 4, .key_dim = 2, .value_dim = 2}({q, v, k})),
                         doctest::Contains(R"(MultiHeadAttention layer "multi_head_attention_1" with input shape )"
                                           "[(2, 4, 8), (2, 2, 8), (2, 1, 7)]: All dimensions of `value` and `key`, "
                                           "except the last one, must be equal."),
                         shape_error);
    const MultiHeadAttention mha{.num_heads = 2, .key_dim = 4};
    CHECK_THROWS_AS(mha.output_shapes(std::array{Shape{2, 4, 8}, Shape{2, 2, 7}, Shape{2}}), shape_error);
    // None against a size is not equal (Python tuple comparison); None against None is.
    CHECK_THROWS_AS(mha.output_shapes(std::array{Shape{None, 4, 8}, Shape{None, None, 8}, Shape{None, 3, 8}}),
                    shape_error);
    CHECK(mha.output_shapes(std::array{Shape{None, 4, 8}, Shape{None, None, 8}, Shape{None, None, 5}}) ==
          Shapes{Shape{None, 4, 8}});

    // [query, value] or [query, value, key]; query and key of one rank (the attention einsums need it).
    CHECK_THROWS_WITH_AS(mha.output_shapes(std::array{Shape{None, 4, 8}}),
                         doctest::Contains("expected the inputs [query, value] or [query, value, key]"), shape_error);
    CHECK_THROWS_WITH_AS(mha.output_shapes(std::array{Shape{None, 4, 8}, Shape{None, 2, 3, 8}}),
                         doctest::Contains("query, value and key must have the same rank"), shape_error);
    // attention_axes on the batch or feature axis (-1 is the query's feature axis), or twice the same axis
    CHECK_THROWS_WITH_AS(
        (MultiHeadAttention{.num_heads = 2, .key_dim = 4, .attention_axes = -1, .return_attention_scores = true}
             .output_shapes(self)),
        doctest::Contains("attention_axes must be distinct axes of the query"), shape_error);
    CHECK_THROWS_AS((MultiHeadAttention{.num_heads = 2, .key_dim = 4, .attention_axes = {1, 1}}.output_shapes(self)),
                    shape_error);
    // weights need the feature sizes
    CHECK_THROWS_WITH_AS(mha.params(std::array{Shape{None, 4, None}, Shape{None, 4, 8}}),
                         doctest::Contains("the last dimension of query, value and key must be defined"), shape_error);
}

TEST_CASE("GroupQueryAttention: Keras 3's errors")
{
    const std::array inputs{Shape{2, 8, 16}, Shape{2, 4, 16}};
    CHECK_THROWS_WITH_AS(
        (GroupQueryAttention{.head_dim = 2, .num_query_heads = 4, .num_key_value_heads = 3}.output_shapes(inputs)),
        doctest::Contains("`num_query_heads` must be divisible by `num_key_value_heads`."), shape_error);
    const GroupQueryAttention gqa{.head_dim = 2, .num_query_heads = 2, .num_key_value_heads = 2};
    // Keras 3 compute_output_shape: "The last dimension of `query_shape` and `value_shape` must be equal".
    Graph g;
    auto q = Input(g, {.shape = Shape{8, 16}});
    auto v = Input(g, {.shape = Shape{4, 12}});
    CHECK_THROWS_WITH_AS((GroupQueryAttention{.head_dim = 2, .num_query_heads = 2, .num_key_value_heads = 2}({q, v})),
                         doctest::Contains(R"(GroupedQueryAttention layer "grouped_query_attention_1" with input )"
                                           "shape [(None, 8, 16), (None, 4, 12)]: The last dimension of "
                                           "`query_shape` and `value_shape` must be equal"),
                         shape_error);
    CHECK_THROWS_WITH_AS(gqa.output_shapes(std::array{Shape{2, 8, 16}, Shape{2, 4, 16}, Shape{2, 5, 16}}),
                         doctest::Contains("All dimensions of `value` and `key`, except the last one, must be equal."),
                         shape_error);
    CHECK_THROWS_WITH_AS(gqa.output_shapes(std::array{Shape{2, 3, 8, 16}, Shape{2, 3, 4, 16}}),
                         doctest::Contains("query, value and key must have rank 3"), shape_error);
    CHECK_THROWS_WITH_AS(
        (GroupQueryAttention{.head_dim = 2, .num_query_heads = 2, .num_key_value_heads = 2, .sliding_window = -3}
             .output_shapes(inputs)),
        doctest::Contains("`sliding_window` must be `None` or a positive integer."), shape_error);
    CHECK_THROWS_AS((GroupQueryAttention{.head_dim = 2, .num_query_heads = 2}.output_shapes(inputs)), shape_error);
    CHECK_THROWS_AS(gqa.output_shapes(std::array{Shape{2, 8, 16}}), shape_error);
}

TEST_CASE("Attention and AdditiveAttention: Keras 3's errors")
{
    const std::array qv{Shape{None, 5, 8}, Shape{None, 7, 8}};
    CHECK_THROWS_WITH_AS(Attention{.score_mode = "general"}.output_shapes(qv),
                         doctest::Contains("Invalid value for argument score_mode. Expected one of {'dot', 'concat'}"),
                         shape_error);
    // _validate_inputs: "{class_name} layer accepts inputs list of length 2 or 3, namely [query, value] or
    // [query, value, key]."
    Graph g;
    auto q = Input(g, {.shape = Shape{5, 8}});
    CHECK_THROWS_WITH_AS(Attention{}(q),
                         doctest::Contains(R"(Attention layer "attention_1" with input shape )"
                                           "(None, 5, 8): Attention layer accepts inputs list of "
                                           "length 2 or 3"),
                         shape_error);
    CHECK_THROWS_WITH_AS(AdditiveAttention{}.output_shapes(std::array{qv[0], qv[1], qv[1], qv[1]}),
                         doctest::Contains("AdditiveAttention layer accepts inputs list of length 2 or 3"),
                         shape_error);
    // the scale needs the query's feature size
    CHECK_THROWS_WITH_AS(AdditiveAttention{}.params(Shape{None, 5, None}),
                         doctest::Contains("the last dimension of the query must be defined"), shape_error);
}

TEST_CASE("EinsumDense: Keras 3's _analyze_einsum_string errors")
{
    const auto shape_of = [](std::string_view equation, detail::TupleArg<Dim> output_shape, const Shape& in) {
        return EinsumDense{.equation = equation, .output_shape = output_shape}.output_shapes(in);
    };
    CHECK_THROWS_WITH_AS(shape_of("ab->b", 4, Shape{None, 4}),
                         doctest::Contains("Invalid einsum equation. Equations must be in the form [X],[Y]->[Z], "
                                           "...[X],[Y]->...[Z], or [X]...,[Y]->[Z]...."),
                         shape_error);
    CHECK_THROWS_AS(shape_of("...ab,bc->ac", 4, Shape{None, 4}), shape_error); // ellipsis on one side only
    CHECK_THROWS_AS(shape_of("a...,ab->a...", 4, Shape{None, 4}), shape_error); // [X]... needs two letters
    CHECK_THROWS_AS(shape_of("a1,bc->ac", 4, Shape{None, 4}), shape_error);
    // "Input shape and output shape do not match at shared dimension 'b'. Input shape is 32, and output shape is 5."
    CHECK_THROWS_WITH_AS(shape_of("abc,cd->abd", {5, 64}, Shape{None, 32, 128}),
                         doctest::Contains("Input shape and output shape do not match at shared dimension"),
                         shape_error);
    // A size given for an axis of unknown size is a mismatch too (Keras's `!=` against None).
    CHECK_THROWS_AS(shape_of("abc,cd->abd", {5, 64}, Shape{None, None, 128}), shape_error);
    CHECK_THROWS_WITH_AS(shape_of("ab,bc->ad", 4, Shape{None, 4}),
                         doctest::Contains("was specified in the output but has no corresponding dim in the input "
                                           "spec or weight spec"),
                         shape_error);
    CHECK_THROWS_WITH_AS(shape_of("ab,bcx->ac", 4, Shape{None, 4}),
                         doctest::Contains("did not have a match in either the input spec or the output spec. For "
                                           "this layer, the weight must be fully specified."),
                         shape_error);
    CHECK_THROWS_WITH_AS(
        (EinsumDense{.equation = "ab,bc->ac", .output_shape = 4, .bias_axes = "z"}.output_shapes(Shape{None, 4})),
        doctest::Contains("Bias dimension was requested, but is not part of the output spec"), shape_error);
    // the equation's input spec against the input's rank, output_shape against the output spec
    CHECK_THROWS_WITH_AS(shape_of("abc,cd->abd", {None, 4}, Shape{None, 4}),
                         doctest::Contains("the input's rank does not match the equation's input spec"), shape_error);
    CHECK_THROWS_WITH_AS(shape_of("abc,cd->abd", 4, Shape{None, 3, 4}),
                         doctest::Contains("output_shape must give the size of each output axis"), shape_error);
    // weights of unknown size
    CHECK_THROWS_WITH_AS(
        (EinsumDense{.equation = "abc,cd->abd", .output_shape = {None, 4}}.params(Shape{None, 3, None})),
        doctest::Contains("every dimension of the kernel and bias must be defined"), shape_error);
}

} // namespace unit_layers_attention_test
