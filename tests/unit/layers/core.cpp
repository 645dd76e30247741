// Core layers (InputLayer, Dense, Embedding, Identity, Masking, Lambda, TernaryDense, RandomFourierFeatures)
// against Keras's numbers: spec §1, §2.1, §9 and
// the seed notebook. Each constexpr test runs at compile time (static_assert) and at run time (CHECK).
#include <doctest/doctest.h>
#include <nnshape/nnshape.hpp>

#include "../check.hpp"

#include <cstdint>

namespace unit_layers_core_test {

namespace {
using namespace nnshape;

constexpr bool test_input_layer()
{
    // Input(shape=(28, 28, 1)) -> (None, 28, 28, 1); batch_size / batch_shape / batch_input_shape
    // give the batch axis (spec §1).
    FACT(InputLayer{.shape = Shape{28, 28, 1}}.output_shape() == Shape{None, 28, 28, 1});
    FACT(InputLayer{.shape = Shape{10}, .batch_size = 32}.output_shape() == Shape{32, 10});
    FACT(InputLayer{.batch_shape = Shape{100, 20, 64}}.output_shape() == Shape{100, 20, 64});
    FACT(InputLayer{.batch_input_shape = Shape{None, None, 3}}.output_shape() == Shape{None, None, 3});
    return true;
}
static_assert(test_input_layer());

constexpr bool test_sequential_input()
{
    // An explicit InputLayer, then notebook In[9]: Dense(32) on 16 features -> 544 = 16*32 + 32.
    const Sequential with_input{InputLayer{.shape = Shape{16}}, Dense{.units = 32}};
    // First-layer kwargs: (batch_size,) + input_shape; batch_input_shape wins over input_shape
    // (notebook In[114]); Dense's input_dim=16 is input_shape=(16,).
    const Sequential batched{Dense{.units = 32, .input_shape = Shape{16}, .batch_size = 8}};
    const Sequential both{Dense{.units = 32, .input_shape = Shape{4}, .batch_input_shape = Shape{2, 16}}};
    const Sequential input_dim{Dense{.units = 32, .input_dim = 16}};
    FACT(with_input.output_shape() == Shape{None, 32});
    FACT(with_input.count_params() == 544);
    FACT(batched.input_shape() == Shape{8, 16});
    FACT(batched.output_shape() == Shape{8, 32});
    FACT(both.input_shape() == Shape{2, 16});
    FACT(both.count_params() == 544);
    FACT(input_dim.input_shape() == Shape{None, 16});
    FACT(input_dim.count_params() == 544);
    return true;
}
static_assert(test_sequential_input());

constexpr bool test_dense()
{
    // §9: Dense(5) on (None, 3, 4) -> (None, 3, 5), 25 = 4*5 + 5.
    const Dense d5{.units = 5};
    // Notebook In[9]: Dense(32, input_shape=(16,)), Dense(32) -> 544 + 1056 = 1,600.
    const Sequential stack{Dense{.units = 32, .input_shape = Shape{16}}, Dense{.units = 32}};
    FACT(d5.output_shape(Shape{None, 3, 4}) == Shape{None, 3, 5});
    FACT(d5.params(Shape{None, 3, 4}) == Params{25});
    // use_bias=False: 4*5
    FACT(Dense{.units = 5, .use_bias = false}.params(Shape{None, 4}) == Params{20});
    FACT(stack.layers()[0].count_params() == 544);
    FACT(stack.layers()[1].count_params() == 1056);
    FACT(stack.output_shape() == Shape{None, 32});
    FACT(stack.count_params() == 1600);
    return true;
}
static_assert(test_dense());

constexpr bool test_embedding()
{
    // §9: Embedding(1000, 64) on (None, 10) -> (None, 10, 64), 64000 = 1000*64.
    const Embedding e{.input_dim = 1000, .output_dim = 64};
    // Notebook In[91]: Embedding(1000, 100, input_length=20) first in a Sequential -> (None, 20, 100), 100,000.
    const Sequential first{Embedding{.input_dim = 1000, .output_dim = 100, .input_length = 20}};
    // input_length fills an unknown length (tf.keras); mask_zero changes nothing.
    const Embedding fixed{.input_dim = 1000, .output_dim = 64, .mask_zero = true, .input_length = 10};
    FACT(e.output_shape(Shape{None, 10}) == Shape{None, 10, 64});
    FACT(e.params(Shape{None, 10}) == Params{64000});
    // [run] (None, None, 5) -> (None, None, 5, 64)
    FACT(e.output_shape(Shape{None, None, 5}) == Shape{None, None, 5, 64});
    FACT(first.output_shape() == Shape{None, 20, 100});
    FACT(first.count_params() == 100000);
    FACT(fixed.output_shape(Shape{None, None}) == Shape{None, 10, 64});
    FACT(fixed.output_shape(Shape{None, 10}) == Shape{None, 10, 64});
    FACT(fixed.params(Shape{None, 10}) == Params{64000});
    return true;
}
static_assert(test_embedding());

} // namespace

TEST_CASE("core layers: shapes and counts at run time (same tests as the static_asserts)")
{
    CHECK(test_input_layer());
    CHECK(test_sequential_input());
    CHECK(test_dense());
    CHECK(test_embedding());
}

TEST_CASE("InputLayer: exactly one of shape, batch_shape, batch_input_shape")
{
    CHECK_THROWS_WITH_AS(InputLayer{}.output_shape(), doctest::Contains("InputLayer: pass exactly one of"),
                         shape_error);
    CHECK_THROWS_WITH_AS((InputLayer{.shape = Shape{3}, .batch_shape = Shape{None, 3}}.output_shape()),
                         doctest::Contains("InputLayer: pass exactly one of"), shape_error);
}

TEST_CASE("Dense: errors name the layer, its input shape and the rule")
{
    // Spec §2.1: rank 1 -> expected min_ndim=2; an unknown last dimension (tf.keras wording).
    CHECK_THROWS_WITH_AS((Sequential{Dense{.units = 5, .batch_input_shape = Shape{None}}}),
                         doctest::Contains(R"(Dense layer "dense_1" with input shape (None,): expected min_ndim=2)"),
                         shape_error);
    CHECK_THROWS_WITH_AS(
        (Sequential{Dense{.units = 5, .input_shape = Shape{3, None}}}),
        doctest::Contains(R"(Dense layer "dense_1" with input shape (None, 3, None): The last dimension of )"
                          "the inputs to a Dense layer should be defined. Found None."),
        shape_error);
}

TEST_CASE("Dense: a parameter count overflowing int64 throws")
{
    // 2^40 * 2^40 = 2^80 weights.
    constexpr std::int64_t big = std::int64_t{1} << 40;
    CHECK_THROWS_WITH_AS(Dense{.units = big}.params(Shape{None, big}), "nnshape: count overflows 64-bit arithmetic",
                         shape_error);
    CHECK_THROWS_WITH_AS(
        (Sequential{Dense{.units = big, .input_shape = Shape{big}}}),
        doctest::Contains(R"(Dense layer "dense_1" with input shape (None, 1099511627776): nnshape: count overflows)"),
        shape_error);
}

TEST_CASE("Embedding: input_length must agree with a known sequence length")
{
    // tf.keras: "input_length" is 12, but received input has shape (None, 10).
    CHECK_THROWS_WITH_AS(
        (Sequential{InputLayer{.shape = Shape{10}},
                    Embedding{.input_dim = 1000, .output_dim = 64, .input_length = 12}}),
        doctest::Contains(R"(Embedding layer "embedding_1" with input shape (None, 10): "input_length")"), shape_error);
}

namespace {

constexpr bool test_identity_and_masking()
{
    // Spec §2.1: Masking(mask_value=0.) is the identity on shapes with no weights; Keras 3's Identity
    // returns its input. Masking then LSTM(4) on (None, 5, 3): 4*(4*3 + 4*4 + 4) = 128 (§9).
    const Sequential masked{Masking{.mask_value = -1, .input_shape = {None, 3}}, Identity{}, LSTM{.units = 4}};
    FACT(Identity{}.output_shape(Shape{None, 5, 3}) == Shape{None, 5, 3});
    FACT(Masking{}.output_shape(Shape{None, None, 3}) == Shape{None, None, 3});
    FACT(masked.layers()[0].output_shape == Shape{None, None, 3});
    FACT(masked.layers()[1].count_params() == 0);
    FACT(masked.output_shape() == Shape{None, 4});
    FACT(masked.count_params() == 128);
    return true;
}
static_assert(test_identity_and_masking());

} // namespace

TEST_CASE("Identity and Masking: shapes unchanged, no weights")
{
    CHECK(test_identity_and_masking());
    CHECK(Layer{Identity{}}.class_name() == "Identity");
    CHECK(Layer{Masking{}}.class_name() == "Masking");
}

namespace {

// Keras 3's whole signatures compile; the accepted arguments change nothing.
constexpr bool test_keras_arguments()
{
    // Input(shape, batch_size, dtype, sparse, ragged, batch_shape, name, tensor, optional).
    FACT((InputLayer{.shape = Shape{3},
                     .batch_size = 2,
                     .dtype = "int32",
                     .sparse = true,
                     .ragged = false,
                     .name = "x",
                     .tensor = nullptr,
                     .optional = true}
              .output_shape() == Shape{2, 3}));
    const Embedding all{.input_dim = 10,
                        .output_dim = 4,
                        .embeddings_initializer = "uniform",
                        .embeddings_regularizer = nullptr,
                        .embeddings_constraint = nullptr,
                        .mask_zero = true,
                        .weights = nullptr,
                        .lora_rank = {},
                        .lora_alpha = nullptr,
                        .quantization_config = nullptr,
                        .activity_regularizer = nullptr,
                        .input_length = 3,
                        .sparse = false};
    FACT(all.output_shape(Shape{None, 3}) == Shape{None, 3, 4});
    FACT(all.params(Shape{None, 3}) == Params{40});
    // Embedding.enable_lora(2): lora_embeddings_a (10, 2) and lora_embeddings_b (2, 4) train, the
    // embeddings (10, 4) are frozen; lora_rank=0 is no LoRA (Keras: `if self.lora_rank:`).
    FACT((Embedding{.input_dim = 10, .output_dim = 4, .lora_rank = 2, .lora_alpha = 4}.params(Shape{None, 3}) ==
          Params{28, 40}));
    FACT((Embedding{.input_dim = 10, .output_dim = 4, .lora_rank = 0}.params(Shape{None, 3}) == Params{40}));
    return true;
}
static_assert(test_keras_arguments());

} // namespace

TEST_CASE("core layers: Keras 3's arguments (same tests as the static_asserts)") { CHECK(test_keras_arguments()); }

TEST_CASE("Embedding: lora_rank must not be negative")
{
    CHECK_THROWS_WITH_AS((Embedding{.input_dim = 10, .output_dim = 4, .lora_rank = -1}.output_shape(Shape{None, 3})),
                         "Embedding: lora_rank must be a non-negative integer", shape_error);
}

namespace {

// Lambda with output_shape: the given tuple(s) behind the first input's batch axis, no weights.
constexpr bool test_lambda()
{
    // Keras 3's lambda_layer_test test_lambda_basic: Lambda(stacker, output_shape=(6,)) on (2, 3) -> (2, 6).
    FACT(Lambda{.function = "stacker", .output_shape = {6}}.output_shapes(Shapes{Shape{2, 3}}) == Shapes{Shape{2, 6}});
    // tf.keras 2.15 core_test test_lambda_output_shape_tuple_with_none: output_shape=(None, 10) on
    // (5, 10, 20) -> (5, None, 10).
    FACT(Lambda{.output_shape = {None, 10}}.output_shapes(Shapes{Shape{5, 10, 20}}) == Shapes{Shape{5, None, 10}});
    // test_lambda_output_shape_list_multiple_outputs: output_shape=[(10,), (20,)] on [(10, 10), (10, 20)]
    // -> [(10, 10), (10, 20)]: each tuple takes the first input's batch axis.
    const Lambda two{.output_shape = {Shape{10}, Shape{20}}};
    FACT(two.output_shapes(Shapes{Shape{10, 10}, Shape{10, 20}}) == (Shapes{Shape{10, 10}, Shape{10, 20}}));
    FACT(two.output_shapes(Shapes{Shape{None, 3}, Shape{7, 3}}) == (Shapes{Shape{None, 10}, Shape{None, 20}}));
    // In a Sequential: no weights; the batch axis is the model's.
    const Sequential model{Dense{.units = 3, .input_shape = {4}},
                           Lambda{.function = "tile", .output_shape = {2, 3}, .mask = nullptr, .arguments = nullptr}};
    FACT(model.output_shape() == Shape{None, 2, 3});
    FACT(model.count_params() == 15);
    return true;
}
static_assert(test_lambda());

} // namespace

TEST_CASE("Lambda: output_shape behind the batch axis (same tests as the static_asserts)") { CHECK(test_lambda()); }

TEST_CASE("Lambda: without output_shape nnshape cannot compute its shape")
{
    CHECK_THROWS_WITH_AS((Lambda{}.output_shapes(Shapes{Shape{None, 3}})),
                         "Lambda: nnshape cannot compute the shape of a Lambda layer without output_shape (its output "
                         "comes from Python code)",
                         shape_error);
    CHECK_THROWS_WITH_AS((Sequential{Lambda{.function = "f", .input_shape = {3}}}),
                         doctest::Contains("nnshape cannot compute the shape of a Lambda layer"), shape_error);
    // The batch axis goes in front: eight dims given leave no room under nnshape's maximum rank of 8.
    CHECK_THROWS_WITH_AS((Lambda{.output_shape = {1, 2, 3, 4, 5, 6, 7, 8}}.output_shapes(Shapes{Shape{None, 3}})),
                         "Shape: rank exceeds nnshape's maximum rank of 8", shape_error);
    CHECK_THROWS_WITH_AS((Lambda{.output_shape = {4}}.output_shapes(Shapes{Shape{}})),
                         "Lambda: the first input needs a batch axis", shape_error);
}

namespace {

// Keras 3's TernaryDense: Dense's shapes and weights (ternary_dense.py compute_output_shape, build).
// tf.keras's RandomFourierFeatures: (batch, input_dim) -> (batch, output_dim) (kernelized.py).
constexpr bool test_ternary_dense_and_random_fourier_features()
{
    FACT(TernaryDense{.units = 2}.output_shape(Shape{None, 7, 3}) == Shape{None, 7, 2});
    FACT(TernaryDense{.units = 2}.params(Shape{None, 7, 3}) == Params{8});
    FACT(TernaryDense{.units = 2}.params(Shape{None, 3}) == Dense{.units = 2}.params(Shape{None, 3}));
    // kernelized_test test_call: output_dim=10 on (3, 2) -> (3, 10); 3 variables, 1 trainable if the layer is.
    FACT(RandomFourierFeatures{.output_dim = 10, .scale = 1.0}.output_shape(Shape{3, 2}) == Shape{3, 10});
    const Sequential frozen{RandomFourierFeatures{.output_dim = 10, .input_shape = {2}}};
    FACT(frozen.params() == (Params{.trainable = 0, .non_trainable = 31}));
    const Sequential trained{RandomFourierFeatures{.output_dim = 10, .trainable = true, .input_shape = {2}}};
    FACT(trained.params() == (Params{.trainable = 1, .non_trainable = 30}));
    return true;
}
static_assert(test_ternary_dense_and_random_fourier_features());

} // namespace

TEST_CASE("TernaryDense and RandomFourierFeatures (same tests as the static_asserts); their checks")
{
    CHECK(test_ternary_dense_and_random_fourier_features());
    // ternary_dense_test test_invalid_units / __init__'s threshold checks.
    CHECK_THROWS_WITH_AS((TernaryDense{}.output_shape(Shape{None, 3})),
                         "TernaryDense: Received an invalid value for `units`, expected a positive integer.",
                         shape_error);
    CHECK_THROWS_WITH_AS((TernaryDense{.units = 2, .threshold = -0.5}.output_shape(Shape{None, 3})),
                         "TernaryDense: Received an invalid value for `threshold`, expected a non-negative float or "
                         "None.",
                         shape_error);
    CHECK_THROWS_WITH_AS((TernaryDense{.units = 2}.output_shape(Shape{None})), "TernaryDense: expected min_ndim=2",
                         shape_error);
    CHECK_THROWS_AS((TernaryDense{.units = 2}.output_shape(Shape{None, None})), shape_error);
    // kernelized_test test_invalid_output_dim, test_invalid_scale, test_invalid_input_shape.
    CHECK_THROWS_WITH_AS((RandomFourierFeatures{.output_dim = -3, .scale = 2.0}.output_shape(Shape{None, 2})),
                         "RandomFourierFeatures: `output_dim` should be a positive integer.", shape_error);
    CHECK_THROWS_WITH_AS((RandomFourierFeatures{.output_dim = 10, .scale = 0.0}.output_shape(Shape{None, 2})),
                         "RandomFourierFeatures: When provided, `scale` should be a positive float.", shape_error);
    CHECK_THROWS_WITH_AS((RandomFourierFeatures{.output_dim = 10, .scale = 3.0}.output_shape(Shape{3, 2, 4})),
                         "RandomFourierFeatures: The rank of the input tensor should be 2.", shape_error);
    CHECK_THROWS_WITH_AS((RandomFourierFeatures{.output_dim = 10}.output_shape(Shape{3, None})),
                         "RandomFourierFeatures: The last dimension of the input tensor should be defined. Found "
                         "`None`.",
                         shape_error);
}

} // namespace unit_layers_core_test
