// Merge layers (Add, Subtract, Multiply, Average, Maximum, Minimum, Concatenate, Dot) against Keras's
// numbers: spec §2.12, §9, the seed notebook and Keras 3's merging sources. Each constexpr test runs at
// compile time (static_assert) and at run time (CHECK).
#include <doctest/doctest.h>
#include <nnshape/nnshape.hpp>

#include "../check.hpp"

#include <array>
#include <cstdint>

namespace unit_layers_merging_test {

namespace {
using namespace nnshape;

template <class L>
constexpr Shape merged(const L& layer, const Shape& a, const Shape& b)
{
    const std::array inputs{a, b};
    return layer.output_shape(inputs);
}

constexpr Shape add(const Shape& a, const Shape& b) { return merged(Add{}, a, b); }

constexpr Shape concatenate(std::int64_t axis, const Shape& a, const Shape& b)
{
    return merged(Concatenate{.axis = axis}, a, b);
}

constexpr bool test_add()
{
    // §2.12 [run]: (3, 4) + (1, 4) -> (3, 4); (3, 4) + (4,) -> (3, 4); (None, 4) + (5, 4) -> (None, 4)
    // (None wins over 5); the single known batch size is kept.
    FACT(add(Shape{None, 3, 4}, Shape{None, 1, 4}) == Shape{None, 3, 4});
    FACT(add(Shape{None, 3, 4}, Shape{None, 4}) == Shape{None, 3, 4});
    FACT(add(Shape{None, None, 4}, Shape{None, 5, 4}) == Shape{None, None, 4});
    FACT(add(Shape{None, 3, 4}, Shape{8, 3, 4}) == Shape{8, 3, 4});
    // Keras 3's Merge.build takes a list of at least 1 input: one input keeps its shape.
    FACT(Add{}.output_shape(std::array{Shape{None, 3}}) == Shape{None, 3});
    // three inputs broadcast left to right: (3, 1) with (1, 4) -> (3, 4), then with (4,) -> (3, 4)
    FACT(Add{}.output_shape(std::array{Shape{None, 3, 1}, Shape{None, 1, 4}, Shape{None, 4}}) == Shape{None, 3, 4});
    return true;
}
static_assert(test_add());

constexpr bool test_elementwise_merges()
{
    // Keras 3: Subtract, Multiply, Average, Maximum and Minimum are `Merge` subclasses with Add's
    // shape rule (§2.12), under their own class names.
    const Shape a{None, 3, 1}, b{None, 1, 4};
    FACT(Add::class_name == "Add");
    FACT(Subtract::class_name == "Subtract");
    FACT(Multiply::class_name == "Multiply");
    FACT(Average::class_name == "Average");
    FACT(Maximum::class_name == "Maximum");
    FACT(Minimum::class_name == "Minimum");
    FACT(merged(Subtract{}, a, b) == Shape{None, 3, 4});
    FACT(merged(Multiply{}, a, b) == Shape{None, 3, 4});
    FACT(merged(Average{}, a, b) == Shape{None, 3, 4});
    FACT(merged(Maximum{}, Shape{None, 5}, Shape{2, 5}) == Shape{2, 5});
    FACT(merged(Minimum{}, Shape{None, None, 5}, Shape{None, 7, 1}) == Shape{None, None, 5});
    return true;
}
static_assert(test_elementwise_merges());

constexpr bool test_concatenate()
{
    // §9: Concatenate() on (3, 4) + (3, 5) -> (None, 3, 9); Concatenate(axis=1) on (3, 4) + (2, 4) -> (None, 5, 4).
    // §2.12 [run]: axis=1 with (None, 4) + (2, 4) -> (None, None, 4).
    // tf.keras / Keras 3: None matches any size on the other axes, and the output is the first shape
    // with the axis summed: (None, 4) + (5, 4) on axis -1 -> (None, None, 8).
    // Keras 3 checks no axis against the batch axis: axis=0 sums the batch sizes (None + 2 is None).
    FACT(concatenate(-1, Shape{None, 3, 4}, Shape{None, 3, 5}) == Shape{None, 3, 9});
    FACT(concatenate(1, Shape{None, 3, 4}, Shape{None, 2, 4}) == Shape{None, 5, 4});
    FACT(concatenate(1, Shape{None, None, 4}, Shape{None, 2, 4}) == Shape{None, None, 4});
    FACT(concatenate(-1, Shape{None, None, 4}, Shape{None, 5, 4}) == Shape{None, None, 8});
    FACT(concatenate(2, Shape{2, 50, 60, 3}, Shape{2, 50, 60, 3}) == Shape{2, 50, 120, 3});
    FACT(concatenate(0, Shape{2, 3, 4}, Shape{3, 3, 4}) == Shape{5, 3, 4});
    FACT(concatenate(0, Shape{None, 3, 4}, Shape{2, 3, 4}) == Shape{None, 3, 4});
    // Keras 3: a list of at least 1 input
    FACT(Concatenate{}.output_shape(std::array{Shape{None, 3, 4}}) == Shape{None, 3, 4});
    return true;
}
static_assert(test_concatenate());

constexpr Shape dot(detail::DotAxes axes, const Shape& a, const Shape& b) { return merged(Dot{.axes = axes}, a, b); }

constexpr bool test_dot()
{
    // §2.12 [run]: (4,).(4,) axes=1 -> (None, 1); (3, 4).(5, 3) axes=(1, 2) -> (None, 4, 5);
    // (3, 4).(5, 4) axes=-1 -> (None, 3, 5).
    // Keras 3 Dot docstring: (1, 5, 2).(1, 2, 5) axes=(1, 2) -> (1, 2, 2); Dense(8) outputs on (5, 2),
    // axes=1 -> (5, 1).
    // A pair with negative entries indexes like Python: (-1, -2) on (3, 4).(4, 5) takes axes 2 and 1,
    // leaving (None, 3) + (5,). An int below zero is taken modulo each rank (Keras 3's `axes % len(shape)`):
    // -1 on (3, 4).(4,) takes axes 2 and 1 -> (None, 3); -4 % 3 = 2, as -1.
    FACT(dot(1, Shape{None, 4}, Shape{None, 4}) == Shape{None, 1});
    FACT(dot({1, 2}, Shape{None, 3, 4}, Shape{None, 5, 3}) == Shape{None, 4, 5});
    FACT(dot(-1, Shape{None, 3, 4}, Shape{None, 5, 4}) == Shape{None, 3, 5});
    FACT(dot({1, 2}, Shape{1, 5, 2}, Shape{1, 2, 5}) == Shape{1, 2, 2});
    FACT(dot(1, Shape{5, 8}, Shape{5, 8}) == Shape{5, 1});
    FACT(dot({-1, -2}, Shape{None, 3, 4}, Shape{None, 4, 5}) == Shape{None, 3, 5});
    FACT(dot(-1, Shape{None, 3, 4}, Shape{None, 4}) == Shape{None, 3});
    FACT(dot(-4, Shape{None, 3, 4}, Shape{None, 5, 4}) == Shape{None, 3, 5});
    // None against None passes Keras's `!=` check; the other None dims are carried.
    FACT(dot(2, Shape{None, None, None}, Shape{None, 7, None}) == Shape{None, None, 7});
    FACT(Dot{.axes = 1, .normalize = true}.output_shape(std::array{Shape{None, 4}, Shape{None, 4}}) == Shape{None, 1});
    return true;
}
static_assert(test_dot());

constexpr bool test_merge_in_a_graph()
{
    // Two branches of Dense(8) on 4 features (40 = 4*8 + 8 each), merged; counts add up to 80.
    Graph g;
    auto x = Input(g, {.shape = Shape{4}});
    auto a = Dense{.units = 8}(x);
    auto b = Dense{.units = 8}(x);
    const Model sum{x, Add{}({a, b})};
    const Model difference{x, Subtract{}({a, b})};
    const Model cat{x, Concatenate{}({a, b})};
    const Model product{x, Dot{.axes = 1}({a, b})}; // (None, 8).(None, 8) -> (None, 1)
    FACT(sum.output_shape() == Shape{None, 8});
    FACT(sum.count_params() == 80);
    FACT(difference.output_shape() == Shape{None, 8});
    FACT(cat.output_shape() == Shape{None, 16});
    FACT(cat.count_params() == 80);
    FACT(product.output_shape() == Shape{None, 1});
    FACT(product.count_params() == 80);
    return true;
}
static_assert(test_merge_in_a_graph());

} // namespace

TEST_CASE("merge layers: shapes at run time (same tests as the static_asserts)")
{
    CHECK(test_add());
    CHECK(test_elementwise_merges());
    CHECK(test_concatenate());
    CHECK(test_dot());
    CHECK(test_merge_in_a_graph());
}

TEST_CASE("Add and the other elementwise merges: shapes that do not merge")
{
    // §9: Add on (3, 4) + (5, 4) -> "Operands could not be broadcast together..." (tf.keras / Keras 3:
    // "Inputs have incompatible shapes").
    Graph g;
    auto a = Input(g, {.shape = Shape{3, 4}});
    auto b = Input(g, {.shape = Shape{5, 4}});
    CHECK_THROWS_WITH_AS(Add{}({a, b}),
                         doctest::Contains(R"(Add layer "add_1" with input shape [(None, 3, 4), (None, 5, 4)]: Merge: )"
                                           "Inputs have incompatible shapes"),
                         shape_error);
    CHECK_THROWS_WITH_AS(
        Maximum{}({a, b}),
        doctest::Contains(R"(Maximum layer "maximum_1" with input shape [(None, 3, 4), (None, 5, 4)]: )"
                          "Merge: Inputs have incompatible shapes"),
        shape_error);
    // Different known batch sizes: Keras 3 "Cannot merge tensors with different batch sizes."
    CHECK_THROWS_WITH_AS(add(Shape{2, 3, 4}, Shape{3, 3, 4}),
                         doctest::Contains("Cannot merge tensors with different batch sizes."), shape_error);
    CHECK_THROWS_WITH_AS(merged(Multiply{}, Shape{2, 3}, Shape{3, 3}),
                         doctest::Contains("Cannot merge tensors with different batch sizes."), shape_error);
    // Keras 3 needs at least 1 input.
    CHECK_THROWS_WITH_AS(Average{}.output_shape(std::span<const Shape>{}),
                         doctest::Contains("A merge layer should be called on a list of at least 1 input."),
                         shape_error);
}

TEST_CASE("Subtract: exactly 2 inputs")
{
    // §2.12 / Keras 3 Subtract.build: "A `Subtract` layer should be called on exactly 2 inputs."
    Graph g;
    auto a = Input(g, {.shape = Shape{3}});
    auto b = Input(g, {.shape = Shape{3}});
    auto c = Input(g, {.shape = Shape{3}});
    CHECK_THROWS_WITH_AS(Subtract{}({a, b, c}),
                         doctest::Contains(R"(Subtract layer "subtract_1" with input shape [(None, 3), (None, 3), )"
                                           R"((None, 3)]: A `Subtract` layer should be called on exactly 2 inputs.)"),
                         shape_error);
    CHECK_THROWS_WITH_AS(Subtract{}.output_shape(std::array{Shape{None, 3}}),
                         doctest::Contains("A `Subtract` layer should be called on exactly 2 inputs."), shape_error);
}

TEST_CASE("Concatenate: shapes that differ off the concatenation axis")
{
    // Notebook "其它" In[5]: (2, 50, 60, 3) and (2, 60, 50, 3) concatenated on axis 3 fail ("all the input
    // array dimensions except for the concatenation axis must match exactly").
    Graph g;
    auto a = Input(g, {.batch_shape = Shape{2, 50, 60, 3}});
    auto b = Input(g, {.batch_shape = Shape{2, 60, 50, 3}});
    CHECK_THROWS_WITH_AS(
        Concatenate{.axis = 3}({a, b}),
        doctest::Contains(R"(Concatenate layer "concatenate_1" with input shape [(2, 50, 60, 3), (2, 60, 50, 3)]: )"
                          "A `Concatenate` layer requires inputs with matching shapes except for the "
                          "concatenation axis."),
        shape_error);
    // tf.keras and Keras 3 check every input against the sizes any input knows: 5 and 6 disagree
    // though the first is None.
    const std::array three{Shape{None, None, 4}, Shape{None, 5, 4}, Shape{None, 6, 4}};
    CHECK_THROWS_AS(Concatenate{}.output_shape(three), shape_error);
    const std::array agreeing{Shape{None, None, 4}, Shape{None, 5, 4}, Shape{None, 5, 2}};
    CHECK(Concatenate{}.output_shape(agreeing) == Shape{None, None, 10}); // first shape, 4 + 4 + 2
    // Keras 3 requires equal ranks ("Make sure all the shapes have same ranks"); the batch axis is
    // matched like the others.
    CHECK_THROWS_WITH_AS(concatenate(-1, Shape{None, 3, 4}, Shape{None, 4}),
                         doctest::Contains("requires inputs with matching shapes except for the concatenation axis"),
                         shape_error);
    CHECK_THROWS_AS(concatenate(-1, Shape{2, 3, 4}, Shape{3, 3, 4}), shape_error);
    // an axis the rank does not have
    CHECK_THROWS_AS(concatenate(3, Shape{None, 3, 4}, Shape{None, 3, 4}), shape_error);
    CHECK_THROWS_WITH_AS(Concatenate{}.output_shape(std::span<const Shape>{}),
                         doctest::Contains("A `Concatenate` layer should be called on a list of at least 1 input."),
                         shape_error);
}

TEST_CASE("Dot: the errors of Keras 3's Dot and batch_dot")
{
    // §9: Dot(axes=2) on (3, 4) + (5, 6) -> "Dimension incompatibility 4 != 6" (K2.1); Keras 3:
    // "Incompatible input shapes: axis values 4 (at axis 2) != 6 (at axis 2)".
    Graph g;
    auto a = Input(g, {.shape = Shape{3, 4}});
    auto b = Input(g, {.shape = Shape{5, 6}});
    CHECK_THROWS_WITH_AS(Dot{.axes = 2}({a, b}),
                         doctest::Contains(R"(Dot layer "dot_1" with input shape [(None, 3, 4), (None, 5, 6)]: )"
                                           "Incompatible input shapes"),
                         shape_error);
    // Keras compares with `!=`: None against 4 is a mismatch.
    CHECK_THROWS_WITH_AS(dot(-1, Shape{None, 3, None}, Shape{None, 5, 4}),
                         doctest::Contains("Incompatible input shapes"), shape_error);
    // Dot.build: "A `Dot` layer should be called on a list of 2 inputs."
    CHECK_THROWS_WITH_AS(Dot{.axes = 1}.output_shape(std::array{Shape{None, 4}, Shape{None, 4}, Shape{None, 4}}),
                         doctest::Contains("A `Dot` layer should be called on a list of 2 inputs."), shape_error);
    // Dot.__init__: axes=None -> "Invalid type for argument `axes`: it should be a list or an int.";
    // three axes -> "Invalid format for argument `axes`: it should contain two elements."
    CHECK_THROWS_WITH_AS(merged(Dot{}, Shape{None, 4}, Shape{None, 4}),
                         doctest::Contains("Invalid type for argument `axes`: it should be a list or an int."),
                         shape_error);
    CHECK_THROWS_WITH_AS(static_cast<void>(Dot{.axes = {1, 2, 3}}),
                         doctest::Contains("Invalid format for argument `axes`: it should contain two elements."),
                         shape_error);
    // batch_dot: "Cannot perform batch_dot over axis 0.", "Cannot do batch_dot on inputs with rank < 2.",
    // "Cannot do batch_dot on inputs with different batch sizes."
    CHECK_THROWS_WITH_AS(dot(0, Shape{4, 3}, Shape{4, 3}), doctest::Contains("Cannot perform batch_dot over axis 0."),
                         shape_error);
    CHECK_THROWS_WITH_AS(dot({-3, 2}, Shape{None, 3, 4}, Shape{None, 3, 4}),
                         doctest::Contains("Cannot perform batch_dot over axis 0."), shape_error);
    CHECK_THROWS_WITH_AS(dot(-1, Shape{None}, Shape{None, 4}),
                         doctest::Contains("Cannot do batch_dot on inputs with rank < 2."), shape_error);
    CHECK_THROWS_WITH_AS(dot(1, Shape{2, 4}, Shape{3, 4}),
                         doctest::Contains("Cannot do batch_dot on inputs with different batch sizes."), shape_error);
    // An axis the rank does not have: a pair is indexed like a Python list.
    CHECK_THROWS_AS(dot({1, 3}, Shape{None, 3, 4}, Shape{None, 3, 4}), shape_error);
    CHECK_THROWS_AS(dot({1, -4}, Shape{None, 3, 4}, Shape{None, 3, 4}), shape_error);
}

} // namespace unit_layers_merging_test
