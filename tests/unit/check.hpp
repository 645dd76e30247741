#pragma once
// FACT(cond): one checked fact in a constexpr test function that runs both as `static_assert(test_x())` and as
// `CHECK(test_x())`. A fact that does not hold makes test_x() return false and names itself and its line:
//
// - In a constant evaluation, check_fact calls fact_failed, which is not constexpr, so the static_assert fails and
//   both compilers print the call to check_fact with the fact's text, file and line. Observed with
//   `FACT(stack.count_params() == 1601);` on line 59 of tests/unit/layers/core.cpp (paths shortened), GCC 12:
//     core.cpp:62:25: error: non-constant condition for static assertion
//     core.cpp:62:25:   in 'constexpr' expansion of '{anonymous}::test_dense()'
//     core.cpp:59:5:   in 'constexpr' expansion of 'nnshape::test::check_fact(((int)((bool)fact_holds)),
//         ((const char*)"stack.count_params() == 1601"), ((const char*)".../tests/unit/layers/core.cpp"), 59)'
//     check.hpp: error: call to non-'constexpr' function 'void nnshape::test::fact_failed(const char*, ...)'
//   Clang 19:
//     core.cpp:62:15: error: static assertion expression is not an integral constant expression
//     check.hpp: note: non-constexpr function 'fact_failed' cannot be used in a constant expression
//     core.cpp:59:5: note: in call to 'check_fact(false, &"stack.count_params() == 1601"[0],
//         &".../tests/unit/layers/core.cpp"[0], 59)'
//     core.cpp:62:15: note: in call to 'test_dense()'
// - At run time, fact_failed reports a doctest failure at the fact's own file and line, then CHECK(test_x()) fails:
//     .../tests/unit/layers/core.cpp:59: ERROR: FACT( stack.count_params() == 1601 ) is NOT correct!
//
// The fact is evaluated into a variable first, so that GCC prints `fact_holds` rather than the whole expression a
// second time. A FACT over several lines is reported at its first line by GCC, at its last by Clang.

#include <doctest/doctest.h>

namespace nnshape::test {

// Deliberately not constexpr: reaching it ends a constant evaluation.
inline void fact_failed(const char* fact, const char* file, int line)
{
    DOCTEST_ADD_FAIL_CHECK_AT(file, line, "FACT( " << doctest::String(fact) << " ) is NOT correct!");
}

constexpr bool check_fact(bool holds, const char* fact, const char* file, int line)
{
    if (!holds) fact_failed(fact, file, line);
    return holds;
}

} // namespace nnshape::test

// Variadic, so that a fact with commas outside parentheses (Shape{None, 3}) is one argument.
#define FACT(...)                                                                       \
    do {                                                                                \
        if (const bool fact_holds = static_cast<bool>(__VA_ARGS__);                     \
            !::nnshape::test::check_fact(fact_holds, #__VA_ARGS__, __FILE__, __LINE__)) \
            return false;                                                               \
    } while (false)
