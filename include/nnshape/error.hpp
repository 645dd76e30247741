#pragma once
// nnshape::shape_error and the functions every rule uses to reject bad input.

#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>

namespace nnshape {

// Thrown at run time for any shape, argument or model error. The message starts with the layer
// class or API name (e.g. `Conv2D "conv2d_1" with input shape (None, 2, 2, 3): ...`).
class shape_error : public std::invalid_argument {
public:
    using std::invalid_argument::invalid_argument;
};

namespace detail {

// Checks a rule at the point where it is detected. In a constant evaluation the throw makes the
// evaluation fail, and both compilers show this call with its message and the caller's line.
// The rule is a `const char*`: a string_view would measure the message on every check, which
// costs a constant-evaluation step per character.
constexpr void require(bool ok, const char* rule)
{
    if (!ok) throw shape_error(rule);
}

// `require` for a rule whose run-time message needs numbers or names: in a constant evaluation it
// fails with `rule`; at run time it throws the text `describe()` builds (only on failure).
template <class Describe>
constexpr void require_with(bool ok, const char* rule, Describe describe)
{
    if (ok) return;
    if (std::is_constant_evaluated()) require(false, rule);
    throw shape_error(describe());
}

} // namespace detail

// For custom layers' rules (see CustomLayer): `nnshape::require(ok, "MyLayer: the rule")`.
using detail::require;

} // namespace nnshape
