// Merge and attention layers at compile time: models as constexpr values, and every rejected input
// checked to make constant evaluation fail (the compile-fail tests check the diagnostics). This file
// compiling is the test.
#include <nnshape/nnshape.hpp>

#include <array>
#include <cstdint>
#include <type_traits>

namespace static_layers_merge_attention_test {

namespace {
using namespace nnshape;

// Whether F() is a constant expression, i.e. no rule threw during its evaluation.
template <auto F>
concept evaluates = requires { typename std::integral_constant<bool, (F(), true)>; };

// ---- models built in constant evaluation --------------------------------------------------------

// A Transformer encoder block on (None, 10, 32): MultiHeadAttention(2, 16) 4224 (spec §2.11), a residual
// Add, then EinsumDense("abc,cd->abd", (None, 64), bias "d") 32*64 + 64 = 2112 -- Keras 3 keeps the None
// it was given -- and Dense(32) 64*32 + 32 = 2080: 8416.
constexpr Shapes encoder_block()
{
    Graph g;
    auto x = Input(g, {.shape = Shape{10, 32}});
    auto attended = MultiHeadAttention{.num_heads = 2, .key_dim = 16}({x, x});
    auto residual = Add{}({x, attended});
    auto hidden = EinsumDense{.equation = "abc,cd->abd", .output_shape = {None, 64}, .bias_axes = "d"}(residual);
    const Model m{x, Dense{.units = 32}(hidden)};
    return Shapes{m.output_shape(), Shape{m.count_params()}};
}
static_assert(encoder_block() == Shapes{Shape{None, None, 32}, Shape{4224 + 2112 + 2080}});

// Merges and Dot: spec §2.12 [run] (3, 4).(5, 3) axes=(1, 2) -> (None, 4, 5); Concatenate() on (3, 4) +
// (3, 5) -> (None, 3, 9) (§9); Subtract of two (None, 3, 4) -> (None, 3, 4).
constexpr Shapes merges()
{
    Graph g;
    auto a = Input(g, {.shape = Shape{3, 4}});
    auto b = Input(g, {.shape = Shape{5, 3}});
    auto c = Input(g, {.shape = Shape{3, 5}});
    return Shapes{Dot{.axes = {1, 2}}({a, b}).shape(), Concatenate{}({a, c}).shape(), Subtract{}({a, a}).shape(),
                  Minimum{}({a, a, a}).shape()};
}
static_assert(merges() == Shapes{Shape{None, 4, 5}, Shape{None, 3, 9}, Shape{None, 3, 4}, Shape{None, 3, 4}});

// Keras 3 grouped_query_attention_test: (2, 8, 16) attending over (2, 4, 16) with 2 heads of 2 -> (2, 8, 16);
// weights 16*2*2 * 3 + 2*2*16 kernels, 2*2 * 3 + 16 biases = 284.
constexpr std::array gqa_inputs{Shape{2, 8, 16}, Shape{2, 4, 16}};
constexpr GroupQueryAttention gqa{.head_dim = 2, .num_query_heads = 2, .num_key_value_heads = 2};
static_assert(gqa.output_shapes(gqa_inputs) == Shapes{Shape{2, 8, 16}} && gqa.params(gqa_inputs) == Params{284});

// A Sequential of EinsumDense layers (Keras 3 docstring: "ab,bc->ac", 64, bias "c" is Dense(64):
// 32*64 + 64 = 2112), then "...b,bc->...c" to 10: 64*10 = 640.
constexpr Sequential projections{
    EinsumDense{.equation = "ab,bc->ac", .output_shape = 64, .bias_axes = "c", .input_shape = Shape{32}},
    EinsumDense{.equation = "...b,bc->...c", .output_shape = 10}};
static_assert(projections.output_shape() == Shape{None, 10} && projections.count_params() == 2112 + 640);

// The accepted counterparts of the rejected cases below evaluate.
constexpr std::array qv{Shape{None, 8, 32}, Shape{None, 4, 32}};
static_assert(evaluates<[] { return MultiHeadAttention{.num_heads = 2, .key_dim = 16}.output_shapes(qv); }>);
static_assert(evaluates<[] { return Dot{.axes = -1}.output_shape(std::array{Shape{None, 3, 4}, Shape{None, 5, 4}}); }>);
static_assert(evaluates<[] { return Attention{.score_mode = "concat"}.output_shapes(qv); }>);

// ---- rejected inputs: constant evaluation fails -----------------------------------------------------

// Merges: incompatible broadcast, different batch sizes, Subtract on 3 inputs.
static_assert(!evaluates<[] { return Add{}.output_shape(std::array{Shape{None, 3, 4}, Shape{None, 5, 4}}); }>);
static_assert(!evaluates<[] { return Average{}.output_shape(std::array{Shape{2, 4}, Shape{3, 4}}); }>);
static_assert(
    !evaluates<[] { return Subtract{}.output_shape(std::array{Shape{None, 4}, Shape{None, 4}, Shape{None, 4}}); }>);

// Concatenate: mismatch off the axis.
static_assert(!evaluates<[] { return Concatenate{}.output_shape(std::array{Shape{None, 3, 4}, Shape{None, 2, 4}}); }>);

// Dot: §9 (3, 4).(5, 6) on axes=2; no axes; three axes; axis 0.
static_assert(!evaluates<[] { return Dot{.axes = 2}.output_shape(std::array{Shape{None, 3, 4}, Shape{None, 5, 6}}); }>);
static_assert(!evaluates<[] { return Dot{}.output_shape(std::array{Shape{None, 4}, Shape{None, 4}}); }>);
static_assert(!evaluates<[] { return Dot{.axes = {1, 2, 3}}; }>);
static_assert(!evaluates<[] { return Dot{.axes = 0}.output_shape(std::array{Shape{None, 4}, Shape{None, 4}}); }>);

// MultiHeadAttention: num_heads 0; key (None, 3, 32) against value (None, 4, 32); params of an unknown
// feature size.
static_assert(!evaluates<[] { return MultiHeadAttention{.key_dim = 16}.output_shapes(qv); }>);
static_assert(!evaluates<[] {
    return MultiHeadAttention{.num_heads = 2, .key_dim = 16}.output_shapes(
        std::array{Shape{None, 8, 32}, Shape{None, 4, 32}, Shape{None, 3, 32}});
}>);
static_assert(!evaluates<[] {
    return MultiHeadAttention{.num_heads = 2, .key_dim = 16}.params(std::array{Shape{None, 8, None}, qv[1]});
}>);

// GroupQueryAttention: 4 query heads over 3 key/value heads.
static_assert(!evaluates<[] {
    return GroupQueryAttention{.head_dim = 2, .num_query_heads = 4, .num_key_value_heads = 3}.output_shapes(gqa_inputs);
}>);

// Attention: score_mode 'general'; AdditiveAttention on one input.
static_assert(!evaluates<[] { return Attention{.score_mode = "general"}.output_shapes(qv); }>);
static_assert(!evaluates<[] { return AdditiveAttention{}.output_shapes(std::array{qv[0]}); }>);

// EinsumDense: not an equation; a size that contradicts the input's.
static_assert(
    !evaluates<[] { return EinsumDense{.equation = "ab->b", .output_shape = 4}.output_shapes(Shape{None, 4}); }>);
static_assert(!evaluates<[] {
    return EinsumDense{.equation = "abc,cd->abd", .output_shape = {5, 64}}.output_shapes(Shape{None, 32, 128});
}>);

} // namespace

} // namespace static_layers_merge_attention_test
