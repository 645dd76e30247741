# Writes the header `nnshape cpp` prints for one model file, for the round-trip test
# (tests/io/cpp_writer.cpp), run as `cmake -D... -P cpp_header.cmake`:
#   CLI        the nnshape program
#   MODEL      the model file
#   NAMESPACE  the header's namespace
#   OUTPUT     the header to write
# A model the reader refuses (exit code 1: some fixtures state too little for a class nnshape does not
# know) gets a stub whose keras_model() returns a Refused: the test checks that the reader refuses it.
# Any other failure fails the build.
cmake_minimum_required(VERSION 3.25)

execute_process(COMMAND ${CLI} cpp ${MODEL} --namespace ${NAMESPACE}
  RESULT_VARIABLE rc OUTPUT_VARIABLE header ERROR_VARIABLE err)
if(rc EQUAL 1)
  string(STRIP "${err}" err)
  string(REPLACE "\n" "\n// " err "${err}")
  string(CONCAT header "// nnshape cpp ${MODEL} (exit code 1):\n// ${err}\n#pragma once\n\nnamespace ${NAMESPACE} {\n\n"
    "struct Refused {};\nconstexpr Refused keras_model() { return {}; }\n\n} // namespace ${NAMESPACE}\n")
elseif(NOT rc EQUAL 0)
  message(FATAL_ERROR "nnshape cpp ${MODEL} failed (exit code ${rc}):\n${err}")
endif()
file(WRITE ${OUTPUT} "${header}")
