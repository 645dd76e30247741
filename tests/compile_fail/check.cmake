# Compile-fail test driver, run as
#   cmake -DCOMPILER=<c++> -DSOURCE=<file.cpp> -DINCLUDE_DIR=<dir>
#         -DFLAGS=<flag|flag|...> -P check.cmake
#
# The test passes iff compiling SOURCE fails AND the combined compiler output
# contains every expected text. Expected texts are given by the leading lines
# of SOURCE of the form
#   // expect: <literal text>
# (one or more consecutive lines at the very top of the file; compared as a
# plain substring, not a regex; leading/trailing blanks of <text> ignored).

cmake_minimum_required(VERSION 3.25)

foreach(var COMPILER SOURCE INCLUDE_DIR)
  if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
    message(FATAL_ERROR "check.cmake: -D${var}=... is required")
  endif()
endforeach()

# --- collect expectations (kept in separate variables: texts may contain `;`)
file(READ "${SOURCE}" _content)
set(_n 0)
while(TRUE)
  string(FIND "${_content}" "\n" _nl)
  if(_nl EQUAL -1)
    set(_line "${_content}")
    set(_content "")
  else()
    string(SUBSTRING "${_content}" 0 ${_nl} _line)
    math(EXPR _rest "${_nl} + 1")
    string(SUBSTRING "${_content}" ${_rest} -1 _content)
  endif()
  string(REGEX MATCH "^[ \t]*//[ \t]*expect:(.*)$" _m "${_line}")
  if(_m STREQUAL "")
    break()
  endif()
  string(STRIP "${CMAKE_MATCH_1}" _text)
  if(_text STREQUAL "")
    message(FATAL_ERROR "${SOURCE}: empty `// expect:` line")
  endif()
  set(_expect_${_n} "${_text}")
  math(EXPR _n "${_n} + 1")
  if(_content STREQUAL "")
    break()
  endif()
endwhile()

if(_n EQUAL 0)
  message(FATAL_ERROR
    "${SOURCE}: the first line must be `// expect: <text>` "
    "(literal text that the compiler error must contain)")
endif()

# --- compile -------------------------------------------------------------------
string(REPLACE "|" ";" _flags "${FLAGS}")
# ASCII quotes in GCC diagnostics regardless of the caller's locale.
set(ENV{LC_ALL} C)
set(ENV{LANG} C)

set(_cmd "${COMPILER}" ${_flags} "-I${INCLUDE_DIR}" "${SOURCE}")
execute_process(
  COMMAND ${_cmd}
  RESULT_VARIABLE _result
  OUTPUT_VARIABLE _out
  ERROR_VARIABLE _err)
set(_output "${_out}${_err}")
list(JOIN _cmd " " _cmd_str)

if(_result EQUAL 0)
  message(FATAL_ERROR
    "COMPILE-FAIL TEST FAILED: ${SOURCE} compiled successfully, but it must not.\n"
    "command: ${_cmd_str}\n${_output}")
endif()

set(_missing "")
math(EXPR _last "${_n} - 1")
foreach(i RANGE ${_last})
  string(FIND "${_output}" "${_expect_${i}}" _pos)
  if(_pos EQUAL -1)
    string(APPEND _missing "  \"${_expect_${i}}\"\n")
  endif()
endforeach()

if(NOT _missing STREQUAL "")
  message(FATAL_ERROR
    "COMPILE-FAIL TEST FAILED: ${SOURCE} failed to compile (as it should), "
    "but the compiler output does not contain:\n${_missing}"
    "command: ${_cmd_str}\n"
    "--- compiler output ---\n${_output}")
endif()

message(STATUS "ok: ${SOURCE} failed to compile with the expected diagnostic(s)")
