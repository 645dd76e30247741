// detail::NamePattern, the `re.match` of Keras's summary layer_range. Every expectation below is what
// Python 3's re.match(pattern, name) gives (CPython's `re` module; bool(re.match(p, n))), and each
// refused pattern is one Python's re.compile also refuses ((?=a), which Python reads, nnshape refuses).
#include <doctest/doctest.h>
#include <nnshape/detail/name_pattern.hpp>
#include <nnshape/nnshape.hpp>
#include <nnshape/summary.hpp>

#include <array>
#include <string>
#include <string_view>

namespace unit_detail_name_pattern_test {

using nnshape::detail::NamePattern;

bool matches(std::string_view pattern, std::string_view name)
{
    return NamePattern(pattern, "test").matches_start_of(name);
}

TEST_CASE("layer_range patterns match from the start of a name, as Python's re.match")
{
    CHECK(matches("conv2d", "conv2d_1"));
    CHECK_FALSE(matches("conv2d_1", "conv2d"));
    CHECK_FALSE(matches("nner", "inner"));
    CHECK(matches("^inner", "inner"));
    CHECK(matches("conv.*_1$", "conv2d_1"));
    CHECK_FALSE(matches("conv.*_1$", "conv2d_12"));
    CHECK(matches("block[1-3]_conv\\d$", "block2_conv1"));
    CHECK(matches("[\\w.]+", "tf.math.add"));
    CHECK(matches("[^_]+_\\w", "block_1"));
    CHECK(matches("\\S+\\s", "a b"));
    CHECK(matches("\\.", "."));
}

TEST_CASE("layer_range patterns: quantifiers, groups and alternation backtrack as Python's do")
{
    CHECK(matches("dense_\\d+", "dense_12"));
    CHECK_FALSE(matches("dense_\\d+", "dense_"));
    CHECK(matches("(conv|dense)_[0-9]{1,2}$", "dense_12"));
    CHECK_FALSE(matches("(conv|dense)_[0-9]{1,2}$", "dense_123"));
    CHECK(matches("a*?b", "aaab"));
    CHECK(matches("(a|ab)(c|bcd)(d*)$", "abcd"));
    CHECK(matches("(?:x)*y", "xxy"));
    CHECK(matches("(a*)*b", "aaab"));
    CHECK(matches("a{2}", "aa"));
    CHECK_FALSE(matches("a{2}", "ab"));
    CHECK(matches("a{,2}b", "aab"));
    // A brace that starts no repeat is a literal.
    CHECK(matches("x{", "x{"));
    CHECK(matches("a{b}", "a{b}"));
}

TEST_CASE("layer_range patterns nnshape cannot read are errors naming the pattern")
{
    CHECK_THROWS_WITH_AS(matches("(ab", "ab"), doctest::Contains("cannot read the regex '(ab': missing )"),
                         nnshape::shape_error);
    CHECK_THROWS_WITH_AS(matches("ab)", "ab"), doctest::Contains("unbalanced parenthesis"), nnshape::shape_error);
    CHECK_THROWS_WITH_AS(matches("*a", "a"), doctest::Contains("nothing to repeat before '*'"), nnshape::shape_error);
    CHECK_THROWS_WITH_AS(matches("a**", "a"), doctest::Contains("multiple repeat"), nnshape::shape_error);
    CHECK_THROWS_WITH_AS(matches("a{2}{3}", "a"), doctest::Contains("multiple repeat"), nnshape::shape_error);
    CHECK_THROWS_WITH_AS(matches("[ab", "a"), doctest::Contains("missing ]"), nnshape::shape_error);
    CHECK_THROWS_WITH_AS(matches("\\1", "a"), doctest::Contains("the escape \\1 is not supported"),
                         nnshape::shape_error);
    CHECK_THROWS_WITH_AS(matches("a\\", "a"), doctest::Contains("a trailing backslash"), nnshape::shape_error);
    CHECK_THROWS_WITH_AS(matches("(?=a)", "a"), doctest::Contains("(?...) other than (?:...) is not supported"),
                         nnshape::shape_error);
    // Python would take exponential time here; nnshape stops and says so.
    CHECK_THROWS_WITH_AS(matches("(a*)*(a*)*b", std::string(30, 'a') + "c"), doctest::Contains("backtracks too much"),
                         nnshape::shape_error);
}

TEST_CASE("summary: a layer_range nnshape cannot read is a shape_error naming the option")
{
    using namespace nnshape;
    const Sequential m{Dense{.units = 2, .input_shape = {3}}, Dense{.units = 1}};
    CHECK_THROWS_WITH_AS(summary(m, {.layer_range = std::array<std::string, 2>{"dense(", "dense_1"}}),
                         doctest::Contains("summary: layer_range: cannot read the regex 'dense('"), shape_error);
}

} // namespace unit_detail_name_pattern_test
