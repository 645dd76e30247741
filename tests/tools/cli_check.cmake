# Driver for the `cli.<name>` tests, run as `cmake -D... -P cli_check.cmake`:
#   CLI            the nnshape program
#   ARGS           its arguments, separated by `|`
#   EXPECT_RC      the exit code it must return
#   EXPECT_STDOUT  a literal text its standard output must contain (optional)
#   EXPECT_STDERR  a literal text its standard error must contain (optional)
cmake_minimum_required(VERSION 3.25)

string(REPLACE "|" ";" args "${ARGS}")
execute_process(COMMAND ${CLI} ${args} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
set(report "command: ${CLI} ${args}\nexit code: ${rc}\nstdout:\n${out}\nstderr:\n${err}")
if(NOT rc STREQUAL EXPECT_RC)
  message(FATAL_ERROR "expected exit code ${EXPECT_RC}\n${report}")
endif()
foreach(stream IN ITEMS STDOUT STDERR)
  if(stream STREQUAL "STDOUT")
    set(text "${out}")
  else()
    set(text "${err}")
  endif()
  if(NOT "${EXPECT_${stream}}" STREQUAL "")
    string(FIND "${text}" "${EXPECT_${stream}}" at)
    if(at EQUAL -1)
      message(FATAL_ERROR "expected ${stream} to contain: ${EXPECT_${stream}}\n${report}")
    endif()
  endif()
endforeach()
