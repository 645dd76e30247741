// detail::StoredLayer, how a Sequential<> built with add() holds its layers: each as the value of its own
// class (in the model's arena at run time, in its own allocation in constant evaluation), answering as a
// Layer would. Copies are deep, a record is far smaller than a Layer, and a layer given as a Layer value
// answers the same as one given as its class.
#include <doctest/doctest.h>
#include <nnshape/nnshape.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <thread>
#include <utility>

namespace unit_detail_stored_layer_test {

using namespace nnshape;

// A Dense of 16 units on 16 features: 16 * 16 + 16 weights (Keras's Dense).
constexpr std::int64_t dense_16_on_16 = 272;

constexpr Sequential<> dense_chain(std::int64_t layers)
{
    Sequential<> m;
    m.add(Dense{.units = 16, .input_shape = {16}});
    for (std::int64_t i = 1; i < layers; ++i) m.add(Dense{.units = 16});
    return m;
}

// A record holds its layer's class: a Dense stays a Dense, and the same layer given as a Layer value
// answers the same class questions.
constexpr bool class_facts()
{
    Sequential<> m;
    m.add(Dense{.units = 16, .name = "first", .input_shape = {16}});
    m.add(Layer(Dense{.units = 8}));
    const auto layers = m.layers();
    return layers[0].layer.is<Dense>() && !layers[0].layer.is<Conv2D>() &&
           layers[0].layer.get_if<Dense>()->units == 16 && layers[0].layer.class_name() == "Dense" &&
           layers[0].layer.given_name() == "first" && layers[1].layer.is<Dense>() &&
           layers[1].layer.get_if<Dense>()->units == 8 &&
           layers[1].layer.class_index() == Layer(Dense{}).class_index() && layers[1].layer.given_name().empty() &&
           layers[1].layer.value().get_if<Dense>()->units == 8 && m.count_params() == dense_16_on_16 + 136;
}
static_assert(class_facts());

// A copy owns its layers: the source gone, the copy still reads them; assigning and moving keep them.
constexpr std::int64_t copied_units_sum()
{
    Sequential<> copy;
    {
        const Sequential<> source = dense_chain(3);
        copy = source;
    }
    Sequential<> moved = std::move(copy);
    Sequential<> assigned;
    assigned = moved;
    std::int64_t units = 0;
    for (const auto& l : assigned.layers()) units += l.layer.get_if<Dense>()->units;
    return units + moved.count_params();
}
static_assert(copied_units_sum() == 3 * 16 + 3 * dense_16_on_16);

// visit and apply reach the layer as its own class.
struct units_of {
    template <class L>
    static constexpr std::int64_t of(const L& l)
    {
        if constexpr (std::is_same_v<L, Dense>)
            return l.units;
        else
            return -1;
    }
};
constexpr bool visit_facts()
{
    Sequential<> m;
    m.add(Dense{.units = 5, .input_shape = {4}});
    m.add(Layer(Dropout{.rate = 0.5}));
    const auto& dense = m.layers()[0].layer;
    const auto& dropout = m.layers()[1].layer;
    const auto name_length = [](const auto& l) { return std::int64_t(l.class_name.size()); };
    return dense.visit(name_length) == 5 && dropout.visit(name_length) == 7 &&
           dense.apply<units_of, std::int64_t>() == 5 && dropout.apply<units_of, std::int64_t>() == -1;
}
static_assert(visit_facts());

// Asking a stored layer whether it is of some class compiles nothing of that class's rules (Clang compiles
// every virtual rule of a class a reference is cast down to: for a wrapper, every class it can hold).
// Untouched's shape rule fails to compile if anything instantiates it.
template <class>
constexpr bool never = false;
struct Untouched {
    NNSHAPE_LAYER_KWARGS
    static constexpr std::string_view class_name = "Untouched";
    template <class S>
    constexpr Shape output_shape(const S&) const
    {
        static_assert(never<S>, "Untouched's rule was compiled: a query of the stored value compiled the rules");
        return {};
    }
};
constexpr bool queries_compile_no_other_rules()
{
    const detail::StoredLayer<BasicLayer<Untouched>> dense(Dense{.units = 3});
    const auto name_length = [](const auto& l) { return std::int64_t(l.class_name.size()); };
    return dense.get_if<Untouched>() == nullptr && !dense.is<Untouched>() && dense.visit(name_length) == 5;
}
static_assert(queries_compile_no_other_rules());

TEST_CASE("a Sequential<>'s record is smaller than a Layer: its layer's value is stored at its class's size")
{
    CHECK(sizeof(Sequential<>::SequentialLayer) * 4 < sizeof(Layer));
    CHECK(sizeof(Sequential<1>::SequentialLayer) > sizeof(Layer)); // a fixed Sequential holds Layer values
}

// A record holds its layer's value out of line and no copy of its given name (the layer has it): 128
// bytes at most, issue 18's target for a model's memory (docs/performance.md).
TEST_CASE("a Sequential<>'s and a Graph's layer records take at most 128 bytes")
{
    CHECK(sizeof(Sequential<>::SequentialLayer) <= 128);
    CHECK(sizeof(detail::GraphLayer) <= 128);
}

TEST_CASE("layers stored in the arena keep their own values across many blocks")
{
    Sequential<> m;
    m.add(Dense{.units = 1, .input_shape = {4}});
    for (std::int64_t units = 2; units <= 1000; ++units) m.add(Dense{.units = units});
    REQUIRE(m.layers().size() == 1000);
    for (std::size_t i = 0; i < m.layers().size(); ++i) {
        CAPTURE(i);
        REQUIRE(m.layers()[i].layer.get_if<Dense>()->units == std::int64_t(i) + 1);
    }
    // Dense(u) on v features: v * u + u weights.
    CHECK(m.layers()[999].params.total() == 999 * 1000 + 1000);
}

TEST_CASE("a copy of a Sequential<> reads its layers after the source is gone, and can grow on its own")
{
    Sequential<> copy;
    {
        Sequential<> source = dense_chain(100);
        copy = source;
        source.add(Dense{.units = 3});
    }
    copy.add(Dense{.units = 2});
    REQUIRE(copy.layers().size() == 101);
    CHECK(copy.layers()[50].layer.get_if<Dense>()->units == 16);
    CHECK(copy.count_params() == 100 * dense_16_on_16 + 34);
    const Sequential<> moved = std::move(copy);
    CHECK(moved.layers()[100].layer.get_if<Dense>()->units == 2);
}

TEST_CASE("a StoredLayer moved from refuses every query of its value, and answers again once assigned")
{
    StoredLayer a(Dense{.units = 4});
    const StoredLayer b = std::move(a);
    CHECK(b.get_if<Dense>()->units == 4);
    CHECK_THROWS_AS((void)a.given_name(), shape_error); // NOLINT(bugprone-use-after-move): the point
    CHECK_THROWS_AS((void)a.get_if<Dense>(), shape_error);
    CHECK_THROWS_AS((void)a.value(), shape_error);
    a = b;
    CHECK(a.get_if<Dense>()->units == 4);
}

TEST_CASE("a layer an add() refuses leaves the records and the arena's layers as they were")
{
    Sequential<> m = dense_chain(2);
    CHECK_THROWS_AS(m.add(Conv2D{.filters = 4, .kernel_size = 3}), shape_error);
    m.add(Dense{.units = 1});
    REQUIRE(m.layers().size() == 3);
    CHECK(m.layers()[1].layer.get_if<Dense>()->units == 16);
    CHECK(m.layers()[2].layer.get_if<Dense>()->units == 1);
}

// A small CNN on MNIST's (28, 28, 1), Keras's weights by its formulas: Conv2D(8, 3) 3 * 3 * 1 * 8 + 8 = 80
// on (26, 26, 8); BatchNormalization 4 * 8 = 32 (16 of them non-trainable); MaxPooling2D to (13, 13, 8);
// Flatten to 1,352; Dense(10, softmax) 1,352 * 10 + 10 = 13,530.
template <class Model>
constexpr void add_small_cnn(Model& m)
{
    m.add(InputLayer{.shape = {28, 28, 1}});
    m.add(Conv2D{.filters = 8, .kernel_size = 3, .activation = "relu"});
    m.add(BatchNormalization{});
    m.add(MaxPooling2D{});
    m.add(Flatten{});
    m.add(Dropout{.rate = 0.5});
    m.add(Dense{.units = 10, .activation = "softmax"});
}
constexpr std::int64_t small_cnn_params = 80 + 32 + 13'530;
constexpr Sequential<> small_cnn()
{
    Sequential<> m;
    add_small_cnn(m);
    return m;
}
constexpr std::array<Shape, 6> small_cnn_shapes()
{
    const Sequential<> m = small_cnn();
    std::array<Shape, 6> shapes{};
    for (std::size_t i = 0; i < shapes.size(); ++i) shapes[i] = m.layers()[i + 1].output_shape;
    return shapes;
}

TEST_CASE("at run time a layer given no keyword arguments keeps only its own arguments and answers as in "
          "constant evaluation, where it is kept whole")
{
    const Sequential<> m = small_cnn();
    static_assert(small_cnn().count_params() == small_cnn_params);
    CHECK(m.count_params() == small_cnn_params);
    CHECK(m.params().non_trainable == 16);
    constexpr std::array<Shape, 6> kept_whole = small_cnn_shapes();
    for (std::size_t i = 0; i < kept_whole.size(); ++i) {
        const auto& layer = m.layers()[i + 1].layer;
        CAPTURE(layer.class_name());
        CHECK(layer.compact());
        CHECK(layer.given_name().empty());
        CHECK(m.layers()[i + 1].output_shape == kept_whole[i]);
    }
    const auto& conv = m.layers()[1].layer;
    CHECK(conv.arguments().activation->view() == "relu");
    CHECK(conv.arguments().kernel_size == Shape{3, 3});
    CHECK(conv.visit([](const auto& l) { return std::int64_t(l.class_name.size()); }) == 6);
    CHECK(conv.value_if<Conv2D>()->filters == 8);
}

TEST_CASE("a layer given a keyword argument is kept whole, with it")
{
    Sequential<> m;
    m.add(Dense{.units = 4, .input_shape = {3}});
    m.add(Dense{.units = 2, .name = "head"});
    m.add(Dense{.units = 2, .trainable = false});
    for (const auto& l : m.layers()) CHECK_FALSE(l.layer.compact());
    CHECK(m.layers()[1].layer.given_name() == "head");
    CHECK(m.params().non_trainable == 2 * 2 + 2); // Dense(2) on 2 features, frozen
}

TEST_CASE("get_if on a compact layer gives one value for the model's lifetime, also to threads asking at once")
{
    Sequential<> m = dense_chain(3);
    const auto& layer = m.layers()[2].layer;
    REQUIRE(layer.compact());
    const Dense* seen[2] = {};
    std::thread other([&] { seen[0] = layer.get_if<Dense>(); });
    seen[1] = layer.get_if<Dense>();
    other.join();
    CHECK(seen[0] == seen[1]);
    CHECK(seen[0]->units == 16);
    CHECK(seen[0]->use_bias);
    CHECK(seen[0]->name.empty());
    m.add(Dense{.units = 1}); // the records move; the value get_if gave does not
    CHECK(m.layers()[2].layer.get_if<Dense>() == seen[0]);
}

// A user's layer larger than an arena block (16 KB): its value gets a block of its own, and the values
// around it keep theirs. Its shape rule is Keras's identity; it has no weights.
struct Huge {
    std::array<std::int64_t, 2500> table{}; // 20,000 bytes
    NNSHAPE_LAYER_KWARGS
    static constexpr std::string_view class_name = "Huge";
    constexpr Shape output_shape(const Shape& input) const { return input; }
};
TEST_CASE("a layer value larger than an arena block gets a block of its own")
{
    Sequential<std::dynamic_extent, BasicLayer<Huge>> m;
    m.add(Dense{.units = 3, .input_shape = {2}});
    for (int i = 0; i < 3; ++i) {
        Huge huge{};
        huge.table[2499] = i;
        m.add(huge);
        m.add(Dense{.units = 3});
    }
    REQUIRE(m.layers().size() == 7);
    for (int i = 0; i < 3; ++i) {
        CHECK(m.layers()[1 + 2 * i].layer.compact());
        CHECK(m.layers()[1 + 2 * i].layer.get_if<Huge>()->table[2499] == i);
        CHECK(m.layers()[2 + 2 * i].layer.compact());
    }
    CHECK(m.count_params() == (2 * 3 + 3) + 3 * (3 * 3 + 3)); // Dense(3) on 2 features, then three on 3
}

// Issue 18's bound of 256 bytes per layer: a 128-byte record and, for the common classes, a compact value
// of at most 128 bytes (Conv2D's own arguments take 116: its value is 136).
TEST_CASE("a compact layer value of the common classes takes at most 128 bytes")
{
    using detail::CompactValue;
    using detail::StoredAs;
    CHECK(sizeof(StoredAs<Layer, Dense, CompactValue>) <= 128);
    CHECK(sizeof(StoredAs<Layer, BatchNormalization, CompactValue>) <= 128);
    CHECK(sizeof(StoredAs<Layer, MaxPooling2D, CompactValue>) <= 128);
    CHECK(sizeof(StoredAs<Layer, Activation, CompactValue>) <= 128);
    CHECK(sizeof(StoredAs<Layer, Conv2D, CompactValue>) <= 136);
    CHECK(sizeof(StoredAs<Layer, Dense, CompactValue>) * 3 < sizeof(StoredAs<Layer, Dense>));
    CHECK_FALSE(detail::compactable<TimeDistributed>); // holds a Layer: kept whole
}

} // namespace unit_detail_stored_layer_test
