# Writes the header `nnshape cpp` prints for one model file, for the round-trip test
# (tests/io/cpp_writer.cpp), run as `cmake -D... -P cpp_header.cmake`:
#   CLI        the nnshape program
#   MODEL      the model file
#   NAMESPACE  the header's namespace
#   OUTPUT     the header to write
cmake_minimum_required(VERSION 3.25)

execute_process(COMMAND ${CLI} cpp ${MODEL} --namespace ${NAMESPACE}
  RESULT_VARIABLE rc OUTPUT_VARIABLE header ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "nnshape cpp ${MODEL} failed (exit code ${rc}):\n${err}")
endif()
file(WRITE ${OUTPUT} "${header}")
