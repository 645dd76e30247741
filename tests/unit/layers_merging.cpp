// Merge layers (Add, Concatenate) against Keras's numbers: spec §2.12, §9 and the seed notebook. Each
// constexpr test runs at compile time (static_assert) and at run time (CHECK).
#include <doctest/doctest.h>
#include <nnshape/nnshape.hpp>

#include <array>

namespace {
using namespace nnshape;

constexpr Shape add(const Shape& a, const Shape& b)
{
    const std::array inputs{a, b};
    return Add{}.output_shape(inputs);
}

constexpr Shape concatenate(std::int64_t axis, const Shape& a, const Shape& b)
{
    const std::array inputs{a, b};
    return Concatenate{.axis = axis}.output_shape(inputs);
}

constexpr bool test_add()
{
    // §2.12 [run]: (3, 4) + (1, 4) -> (3, 4); (3, 4) + (4,) -> (3, 4); (None, 4) + (5, 4) -> (None, 4)
    // (None wins over 5); the single known batch size is kept.
    return add(Shape{None, 3, 4}, Shape{None, 1, 4}) == Shape{None, 3, 4} &&
           add(Shape{None, 3, 4}, Shape{None, 4}) == Shape{None, 3, 4} &&
           add(Shape{None, None, 4}, Shape{None, 5, 4}) == Shape{None, None, 4} &&
           add(Shape{None, 3, 4}, Shape{8, 3, 4}) == Shape{8, 3, 4};
}
static_assert(test_add());

constexpr bool test_concatenate()
{
    // §9: Concatenate() on (3, 4) + (3, 5) -> (None, 3, 9); Concatenate(axis=1) on (3, 4) + (2, 4) -> (None, 5, 4).
    // §2.12 [run]: axis=1 with (None, 4) + (2, 4) -> (None, None, 4).
    // tf.keras / Keras 3: None matches any size on the other axes, and the output is the first shape
    // with the axis summed: (None, 4) + (5, 4) on axis -1 -> (None, None, 8).
    return concatenate(-1, Shape{None, 3, 4}, Shape{None, 3, 5}) == Shape{None, 3, 9} &&
           concatenate(1, Shape{None, 3, 4}, Shape{None, 2, 4}) == Shape{None, 5, 4} &&
           concatenate(1, Shape{None, None, 4}, Shape{None, 2, 4}) == Shape{None, None, 4} &&
           concatenate(-1, Shape{None, None, 4}, Shape{None, 5, 4}) == Shape{None, None, 8} &&
           concatenate(2, Shape{2, 50, 60, 3}, Shape{2, 50, 60, 3}) == Shape{2, 50, 120, 3};
}
static_assert(test_concatenate());

constexpr bool test_merge_in_a_graph()
{
    // Two branches of Dense(8) on 4 features (40 = 4*8 + 8 each), merged; counts add up to 80.
    Graph g;
    auto x = Input(g, {.shape = Shape{4}});
    auto a = Dense{.units = 8}(x);
    auto b = Dense{.units = 8}(x);
    const Model sum{x, Add{}({a, b})};
    const Model cat{x, Concatenate{}({a, b})};
    return sum.output_shape() == Shape{None, 8} && sum.count_params() == 80 &&
           cat.output_shape() == Shape{None, 16} && cat.count_params() == 80;
}
static_assert(test_merge_in_a_graph());

} // namespace

TEST_CASE("merge layers: shapes at run time (same tests as the static_asserts)")
{
    CHECK(test_add());
    CHECK(test_concatenate());
    CHECK(test_merge_in_a_graph());
}

TEST_CASE("Add: shapes that do not broadcast")
{
    // §9: Add on (3, 4) + (5, 4) -> "Operands could not be broadcast together..." (tf.keras: "Inputs have
    // incompatible shapes").
    Graph g;
    auto a = Input(g, {.shape = Shape{3, 4}});
    auto b = Input(g, {.shape = Shape{5, 4}});
    CHECK_THROWS_WITH_AS(Add{}({a, b}),
                         doctest::Contains(R"(Add layer "add_1" with input shape [(None, 3, 4), (None, 5, 4)]: Merge: )"
                                           "Inputs have incompatible shapes"),
                         shape_error);
    // Different known batch sizes: "Can not merge tensors with different batch sizes."
    CHECK_THROWS_WITH_AS(add(Shape{2, 3, 4}, Shape{3, 3, 4}),
                         doctest::Contains("Can not merge tensors with different batch sizes."), shape_error);
    // Keras 2.1 needs at least 2 inputs.
    CHECK_THROWS_AS(Add{}.output_shape(std::array{Shape{None, 3}}), shape_error);
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
    // tf.keras checks every input against the sizes any input knows: 5 and 6 disagree though the first is None.
    const std::array three{Shape{None, None, 4}, Shape{None, 5, 4}, Shape{None, 6, 4}};
    CHECK_THROWS_AS(Concatenate{}.output_shape(three), shape_error);
    const std::array agreeing{Shape{None, None, 4}, Shape{None, 5, 4}, Shape{None, 5, 2}};
    CHECK(Concatenate{}.output_shape(agreeing) == Shape{None, None, 10}); // first shape, 4 + 4 + 2
    // equal ranks are required; so are matching known batch sizes
    CHECK_THROWS_AS(concatenate(-1, Shape{None, 3, 4}, Shape{None, 4}), shape_error);
    CHECK_THROWS_AS(concatenate(-1, Shape{2, 3, 4}, Shape{3, 3, 4}), shape_error);
}
