# Compile-fail test driver, run as
#   cmake -DCOMPILER=<c++> -DSOURCE=<file.cpp> -DINCLUDE_DIR=<dir>
#         -DFLAGS=<flag|flag|...> [-DNAME=<name of the log>] -P check.cmake
#
# SOURCE holds many cases and is compiled once. A case is one or more consecutive lines
#   // expect: <literal text>
# followed by a namespace-scope declaration that must not compile (a constant evaluation that fails
# in a `require`, or a static_assert). The case owns the source lines from its first `// expect:` line
# to the line before the next case; lines before the first case are shared helpers and must compile.
#
# The test passes iff every case failed to compile AND the diagnostics that belong to that case
# contain each of its texts (a plain substring, not a regex; blanks around <text> ignored). A text
# found only under another case's error does not count.
#
# Which diagnostic belongs to which case: the output is cut into diagnostics, each one error (or
# warning) line with the context lines printed before it (GCC: "In file included from", "In
# instantiation of", "required from", "in 'constexpr' expansion of", outermost call first) and the
# note lines after it (Clang: "in call to", innermost first, and "requested here"; GCC: "in expansion
# of macro"). A diagnostic belongs to the case that owns the first of its locations in SOURCE that a
# case owns. The compilers do not print diagnostics in source order (GCC reports errors in template
# instantiations at the end of the file), so the order of the output does not matter.
#
# GCC escapes ' and " in the string literals it prints (nnshape\'s); the output is unescaped before
# the comparison. GCC prints a rule chosen by `?:` with every branch, so only Clang's output (which
# shows the chosen string) tells such texts apart. Clang prints a lambda's body in its notes: a case's
# lambda must not spell its own expected text.

cmake_minimum_required(VERSION 3.25)

foreach(var COMPILER SOURCE INCLUDE_DIR)
  if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
    message(FATAL_ERROR "check.cmake: -D${var}=... is required")
  endif()
endforeach()

# The output is handled as a CMake list of lines, in which `;`, `[`, `]` and `\` are list syntax:
# they are swapped for control characters, in the output and in the expected texts alike.
string(ASCII 1 _semicolon)
string(ASCII 2 _open)
string(ASCII 3 _close)
string(ASCII 4 _backslash)
macro(to_list_safe var)
  string(REPLACE "\\" "${_backslash}" ${var} "${${var}}")
  string(REPLACE ";" "${_semicolon}" ${var} "${${var}}")
  string(REPLACE "[" "${_open}" ${var} "${${var}}")
  string(REPLACE "]" "${_close}" ${var} "${${var}}")
endmacro()
macro(from_list_safe var)
  string(REPLACE "${_backslash}" "\\" ${var} "${${var}}")
  string(REPLACE "${_semicolon}" ";" ${var} "${${var}}")
  string(REPLACE "${_open}" "[" ${var} "${${var}}")
  string(REPLACE "${_close}" "]" ${var} "${${var}}")
endmacro()

# --- the cases: _cases = case indices; _case_<k>_line = its first line, _case_<k>_texts = texts
function(read_cases)
  file(READ "${SOURCE}" content)
  to_list_safe(content)
  string(REPLACE "\n" ";" lines "${content}")
  set(n 0)
  set(number 0)
  set(previous_was_expect FALSE)
  set(cases "")
  foreach(line IN LISTS lines)
    math(EXPR number "${number} + 1")
    if(NOT line MATCHES "^[ \t]*//[ \t]*expect:(.*)$")
      set(previous_was_expect FALSE)
      continue()
    endif()
    string(STRIP "${CMAKE_MATCH_1}" text)
    if(text STREQUAL "")
      message(FATAL_ERROR "${SOURCE}:${number}: empty `// expect:` line")
    endif()
    if(NOT previous_was_expect)
      list(APPEND cases ${n})
      set(k ${n})
      math(EXPR n "${n} + 1")
      set(_case_${k}_line ${number} PARENT_SCOPE)
      set(texts_${k} "")
    endif()
    list(APPEND texts_${k} "${text}")
    set(_case_${k}_texts "${texts_${k}}" PARENT_SCOPE)
    set(previous_was_expect TRUE)
  endforeach()
  if(n EQUAL 0)
    message(FATAL_ERROR "${SOURCE}: no `// expect: <text>` line (literal text that the compiler error must "
                        "contain, right above the declaration that must not compile)")
  endif()
  set(_cases "${cases}" PARENT_SCOPE)
endfunction()

# The case that owns line `number` of SOURCE, or "" for the helpers before the first case.
function(case_of number out)
  set(owner "")
  foreach(k IN LISTS _cases)
    if(number LESS _case_${k}_line)
      break()
    endif()
    set(owner ${k})
  endforeach()
  set(${out} "${owner}" PARENT_SCOPE)
endfunction()

# --- compile once ------------------------------------------------------------------
string(REPLACE "|" ";" _flags "${FLAGS}")
# ASCII quotes in GCC diagnostics regardless of the caller's locale.
set(ENV{LC_ALL} C)
set(ENV{LANG} C)
set(_cmd "${COMPILER}" ${_flags} "-I${INCLUDE_DIR}" "${SOURCE}")
list(JOIN _cmd " " _cmd_str)
execute_process(COMMAND ${_cmd} RESULT_VARIABLE _result OUTPUT_VARIABLE _output ERROR_VARIABLE _output)
# The whole output, for reading a failure (GCC's is long); in the test's working directory.
if(NOT DEFINED NAME OR NAME STREQUAL "") # layers/core.cpp and a core.cpp elsewhere need distinct NAMEs
  cmake_path(GET SOURCE STEM NAME)
endif()
set(_log "${CMAKE_CURRENT_BINARY_DIR}/compile_fail_${NAME}.log")
file(WRITE "${_log}" "${_cmd_str}\n\n${_output}")

# --- cut the output into diagnostics and give each to its case -------------------------------
# Closes the open diagnostic: an error's text goes to its case (_block_<k>), or to _unowned.
macro(close_diagnostic)
  if(_kind STREQUAL "error")
    if(_owner STREQUAL "")
      string(APPEND _unowned "${_text}\n")
    else()
      string(APPEND _block_${_owner} "${_text}\n")
    endif()
  endif()
  set(_kind "")
  set(_owner "")
  set(_text "")
endmacro()

function(split_output)
  set(output "${_output}")
  string(REPLACE "\\'" "'" output "${output}")
  string(REPLACE "\\\"" "\"" output "${output}")
  to_list_safe(output)
  set(source "${SOURCE}")
  to_list_safe(source)
  string(REPLACE "\n" ";" lines "${output}")
  set(_kind "")     # "error" or "warning" while a diagnostic is open
  set(_owner "")    # its case
  set(_text "")     # its lines
  set(_context "")  # context lines printed before the next diagnostic
  set(_context_owner "")
  set(_unowned "")
  foreach(line IN LISTS lines)
    set(location "")
    set(severity "")
    if(line MATCHES "^([^:]*):([0-9]+):[0-9]+: (fatal error|error|warning|note): ")
      set(severity "${CMAKE_MATCH_3}")
      if(CMAKE_MATCH_1 STREQUAL source)
        set(location ${CMAKE_MATCH_2})
      endif()
    elseif(line MATCHES "^[^ :]+: (fatal error|error|warning|note): ")  # the driver's, or "cc1plus:"
      set(severity "${CMAKE_MATCH_1}")
    elseif(line MATCHES "^([^:]*):([0-9]+):[0-9]+:")
      set(severity "context")
      if(CMAKE_MATCH_1 STREQUAL source)
        set(location ${CMAKE_MATCH_2})
      endif()
    elseif(line MATCHES "^In file included from |^ +from |^[^ :]+: In ")
      set(severity "context")
    endif()
    set(owner "")
    if(NOT location STREQUAL "")
      case_of(${location} owner)
    endif()

    if(severity STREQUAL "context" OR (severity STREQUAL "note" AND _kind STREQUAL ""))
      close_diagnostic()
      string(APPEND _context "${line}\n")
      if(_context_owner STREQUAL "")
        set(_context_owner "${owner}")
      endif()
    elseif(severity MATCHES "error|warning")
      close_diagnostic()
      set(_kind error)
      if(severity STREQUAL "warning")
        set(_kind warning)
      endif()
      set(_owner "${_context_owner}")
      if(_owner STREQUAL "")
        set(_owner "${owner}")
      endif()
      set(_text "${_context}${line}")
      set(_context "")
      set(_context_owner "")
    elseif(NOT _kind STREQUAL "")  # a note, or a note's next line (Clang prints lambda bodies)
      string(APPEND _text "\n${line}")
      if(_owner STREQUAL "")
        set(_owner "${owner}")
      endif()
    else()
      string(APPEND _context "${line}\n")
    endif()
  endforeach()
  close_diagnostic()
  foreach(k IN LISTS _cases)
    set(_block_${k} "${_block_${k}}" PARENT_SCOPE)
  endforeach()
  set(_unowned "${_unowned}" PARENT_SCOPE)
endfunction()

# --- check each case ---------------------------------------------------------------
# At most `limit` characters of `text` (GCC's lines run to thousands of characters).
function(shortened text limit out)
  string(LENGTH "${text}" length)
  if(length GREATER limit)
    string(SUBSTRING "${text}" 0 ${limit} text)
    string(APPEND text " [... cut; the whole output is in ${_log}]")
  endif()
  from_list_safe(text)
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

read_cases()
split_output()

set(_failures "")
foreach(k IN LISTS _cases)
  set(where "${SOURCE}:${_case_${k}_line}")
  if("${_block_${k}}" STREQUAL "")
    list(GET _case_${k}_texts 0 first)
    from_list_safe(first)
    string(APPEND _failures "${where}: the case compiled, but it must not (expect: ${first})\n")
    continue()
  endif()
  foreach(text IN LISTS _case_${k}_texts)
    string(FIND "${_block_${k}}" "${text}" pos)
    if(pos EQUAL -1)
      from_list_safe(text)
      shortened("${_block_${k}}" 6000 shown)
      string(APPEND _failures "${where}: the case's diagnostics do not contain: ${text}\n"
                              "--- the case's diagnostics ---\n${shown}---\n")
    endif()
  endforeach()
endforeach()
if(NOT _unowned STREQUAL "")
  shortened("${_unowned}" 6000 shown)
  string(APPEND _failures "errors outside every case (in the helpers before the first case, or in a header):\n"
                          "${shown}")
endif()
if(_result EQUAL 0 AND _failures STREQUAL "")
  string(APPEND _failures "${SOURCE} compiled, but it must not\n")
endif()

list(LENGTH _cases _count)
if(NOT _failures STREQUAL "")
  # Unformatted, unlike FATAL_ERROR's text: compiler lines are long.
  message(NOTICE "${_failures}command: ${_cmd_str}\nwhole output: ${_log}")
  message(FATAL_ERROR "COMPILE-FAIL TEST FAILED: ${SOURCE} (the cases above)")
endif()
message(STATUS "ok: each of the ${_count} cases of ${SOURCE} failed to compile with its expected text")
