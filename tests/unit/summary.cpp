// The pieces of Keras 2's summary text (spec §4.1), the naming styles, and the fmt / iostream output.
#include <doctest/doctest.h>
#include <nnshape/fmt.hpp>
#include <nnshape/nnshape.hpp>
#include <nnshape/ostream.hpp>
#include <nnshape/summary.hpp>
#include "support.hpp"

#include <cstddef>
#include <initializer_list>
#include <span>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace unit_summary_test {

namespace {
using namespace nnshape;
using nnshape::test::lines;

bool has_line_starting(const std::string& text, const std::string& start)
{
    for (const std::string& line : lines(text))
        if (line.starts_with(start)) return true;
    return false;
}

} // namespace

TEST_CASE("thousands separators as Python's '{:,}'")
{
    CHECK(detail::thousands(0) == "0");
    CHECK(detail::thousands(999) == "999");
    CHECK(detail::thousands(1000) == "1,000");
    CHECK(detail::thousands(86784) == "86,784");
    CHECK(detail::thousands(1199882) == "1,199,882");
    CHECK(detail::thousands(-1234567) == "-1,234,567");
}

namespace {

// One row as the summary appends it to the text so far (which it leaves alone), without its newline.
std::string printed_row(std::initializer_list<std::string_view> fields, std::span<const std::size_t> positions)
{
    const std::string before = "a line above\n";
    std::string text = before;
    detail::append_summary_row(text, std::vector<std::string_view>(fields), positions);
    REQUIRE(text.starts_with(before));
    REQUIRE(text.ends_with('\n'));
    return text.substr(before.size(), text.size() - before.size() - 1);
}

} // namespace

TEST_CASE("print_row: a cell that reaches the next column loses its last character")
{
    const std::size_t positions[] = {4, 8};
    CHECK(printed_row({"abc", "xy"}, positions) == "abc xy  ");
    CHECK(printed_row({"abcd", "xy"}, positions) == "abc xy  ");
    CHECK(printed_row({"abcdefgh", "xy"}, positions) == "abc xy  ");
}

TEST_CASE("print_row: the last column is cut without a replacement, empty cells are padded")
{
    const std::size_t positions[] = {2, 6};
    CHECK(printed_row({"a", "0123456789"}, positions) == "a 0123");
    CHECK(printed_row({"", ""}, positions) == "      ");
}

TEST_CASE("layouts: Keras's defaults, fractions of a given line_length, absolute positions")
{
    using Positions = std::vector<std::size_t>;
    CHECK(detail::summary_layout({}, true).positions == Positions{29, 55, 65});
    CHECK(detail::summary_layout({}, false).positions == Positions{32, 53, 65, 98});
    CHECK(detail::summary_layout({.line_length = 80}, true).positions == Positions{36, 68, 80});
    const detail::SummaryLayout absolute = detail::summary_layout({.positions = {20, 40, 50}}, true);
    CHECK(absolute.positions == Positions{20, 40, 50});
    CHECK(absolute.line_length == 65);
    CHECK_THROWS_AS(detail::summary_layout({.positions = {.5, 1}}, true), shape_error);
    CHECK_THROWS_AS(detail::summary_layout({.line_length = -1}, true), shape_error);
}

TEST_CASE("summary with a custom line_length: rules and rows follow it")
{
    const Sequential m{Dense{.units = 3, .input_shape = {2}}};
    const std::string text = summary(m, {.line_length = 40});
    const std::vector<std::string> all = lines(text);
    CHECK(all[0] == std::string(40, '_'));
    CHECK(all[1] == "Layer (type)      Output Shape    Param "); // `Param #` reaches the end: cut
    CHECK(all[3] == "dense_1 (Dense)   (None, 3)       9     ");
    CHECK(all[4] == std::string(40, '='));
    CHECK(all[5] == "Total params: 9");
}

TEST_CASE("every row is as wide as the line, the totals are not padded")
{
    Graph g;
    auto x = Input(g, {.shape = {4}});
    const Model m{x, Add{}({Dense{.units = 4}(x), Dense{.units = 4}(x)})};
    for (const std::string& line : lines(summary(m)))
        CHECK((line.size() == 98 || line.find(" params: ") != std::string::npos));
    CHECK(summary(m).ends_with(std::string(98, '_') + '\n'));
}

TEST_CASE("a layer with several outputs shows the list repr of its shapes")
{
    Graph g;
    auto x = Input(g, {.shape = {10, 8}});
    const Model m{x, LSTM{.units = 4, .return_state = true}(x)};
    CHECK(m.sequential_like());
    CHECK(has_line_starting(summary(m, {.line_length = 200}),
                            "lstm_1 (LSTM)" + std::string(77, ' ') + "[(None, 4), (None, 4), (None, 4)]"));
    const Shapes one{Shape{None, 6}}, one_axis{Shape{None}};
    CHECK(detail::output_shape_cell(&one) == "(None, 6)");
    CHECK(detail::output_shape_cell(&one_axis) == "(None,)");
}

TEST_CASE("a layer whose calls disagree on the output shape shows `multiple` (spec: Dense on (3,5) and (4,5))")
{
    Graph g;
    auto a = Input(g, {.shape = {3, 5}});
    auto b = Input(g, {.shape = {4, 5}});
    auto shared = g.add(Dense{.units = 2});
    const Model m{{a, b}, Concatenate{.axis = 1}({shared(a), shared(b)})};
    const std::string text = summary(m);
    CHECK(has_line_starting(text, "dense_1 (Dense)                 multiple             12          input_1[0][0]"));
    CHECK(has_line_starting(text, "concatenate_1 (Concatenate)     (None, 7, 2)"));
    CHECK(detail::output_shape_cell(nullptr) == "multiple");
}

TEST_CASE("Keras 3 naming: conv2d, conv2d_1, input_layer, functional")
{
    const Sequential seq{Conv2D{.filters = 2, .kernel_size = 1, .input_shape = {4, 4, 1}},
                         Conv2D{.filters = 2, .kernel_size = 1}};
    const std::string text = summary(seq, {.naming = keras3});
    CHECK(has_line_starting(text, "conv2d (Conv2D) "));
    CHECK(has_line_starting(text, "conv2d_1 (Conv2D) "));

    Graph g;
    auto inner_in = Input(g, {.shape = {4}});
    const Model inner{inner_in, Dense{.units = 2}(inner_in)};
    auto x = Input(g, {.shape = {4}});
    const Model outer{x, inner(x)};
    const std::string nested = summary(outer, {.naming = keras3});
    CHECK(has_line_starting(nested, "input_layer_1 (InputLayer)   (None, 4)"));
    CHECK(has_line_starting(nested, "functional (Model)           (None, 2)"));
    CHECK(has_line_starting(summary(outer), "model_1 (Model)              (None, 2)"));
}

TEST_CASE("Keras 3 naming applies to the `Connected to` column too")
{
    Graph g;
    auto x = Input(g, {.shape = {4}});
    auto d = g.add(Dense{.units = 4});
    const Model m{x, d(d(x))};
    const std::vector<std::string> all = lines(summary(m, {.naming = keras3}));
    CHECK(all[5].starts_with("dense (Dense)                   (None, 4)            20          input_layer[0][0]"));
    CHECK(all[6] == std::string(65, ' ') + "dense[0][0]" + std::string(22, ' '));
}

TEST_CASE("summary of a Sequential without an input shape fails as Keras does")
{
    Sequential m;
    m.add(Dense{.units = 2});
    CHECK_THROWS_WITH_AS(summary(m), doctest::Contains("Sequential: This model has not yet been built"), shape_error);
}

TEST_CASE("fmt: Dim and Shape as Python reprs, models as their summaries")
{
    CHECK(fmt::format("{}", Shape{None, 3}) == "(None, 3)");
    CHECK(fmt::format("{}", Shape{None}) == "(None,)");
    CHECK(fmt::format("{} {}", None, Dim(7)) == "None 7");
    CHECK(fmt::format("[{:>10}]", Shape{None, 3}) == "[ (None, 3)]");

    const Sequential seq{Dense{.units = 3, .input_shape = {2}}};
    CHECK(fmt::format("{}", seq) == summary(seq));
    Graph g;
    auto x = Input(g, {.shape = {2}});
    const Model m{x, Dense{.units = 3}(x)};
    CHECK(fmt::format("{}", m) == summary(m));
}

TEST_CASE("operator<<: Dim and Shape as Python reprs, models as their summaries")
{
    std::ostringstream os;
    os << Shape{None, 3} << ' ' << None << ' ' << Dim(2) << ' ' << 3;
    CHECK(os.str() == "(None, 3) None 2 3");

    const Sequential seq{Dense{.units = 3, .input_shape = {2}}};
    std::ostringstream seq_text;
    seq_text << seq;
    CHECK(seq_text.str() == summary(seq));
    Graph g;
    auto x = Input(g, {.shape = {2}});
    const Model m{x, Dense{.units = 3}(x)};
    std::ostringstream model_text;
    model_text << m;
    CHECK(model_text.str() == summary(m));
}

} // namespace unit_summary_test
