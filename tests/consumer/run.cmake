# Driver for the `package_consumer` test, run as `cmake -D... -P run.cmake`:
#   1. install the nnshape build tree NNSHAPE_BINARY_DIR into PREFIX
#   2. configure tests/consumer (CONSUMER_SOURCE_DIR) against PREFIX
#   3. build it
#   4. run the resulting executable
# Inputs: NNSHAPE_BINARY_DIR CONSUMER_SOURCE_DIR CONSUMER_BINARY_DIR PREFIX
#         CXX_COMPILER GENERATOR [CONFIG] [EXPECT_FMT] [EXPECT_KERAS_FILE] [WARNINGS_AS_ERRORS]

cmake_minimum_required(VERSION 3.25)

foreach(var NNSHAPE_BINARY_DIR CONSUMER_SOURCE_DIR CONSUMER_BINARY_DIR PREFIX
            CXX_COMPILER GENERATOR)
  if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
    message(FATAL_ERROR "run.cmake: -D${var}=... is required")
  endif()
endforeach()
if(NOT CONFIG)
  set(CONFIG Release)
endif()
if(NOT DEFINED EXPECT_FMT)
  set(EXPECT_FMT OFF)
endif()
if(NOT DEFINED WARNINGS_AS_ERRORS)
  set(WARNINGS_AS_ERRORS OFF)
endif()

function(run_step what)
  message(STATUS "package_consumer: ${what}")
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    list(JOIN ARGN " " cmd)
    message(FATAL_ERROR "package_consumer: ${what} failed (${rc})\ncommand: ${cmd}")
  endif()
endfunction()

file(REMOVE_RECURSE "${PREFIX}" "${CONSUMER_BINARY_DIR}")

run_step("install nnshape into ${PREFIX}"
  "${CMAKE_COMMAND}" --install "${NNSHAPE_BINARY_DIR}"
    --prefix "${PREFIX}" --config "${CONFIG}")

run_step("configure consumer"
  "${CMAKE_COMMAND}"
    -S "${CONSUMER_SOURCE_DIR}" -B "${CONSUMER_BINARY_DIR}"
    -G "${GENERATOR}"
    "-DCMAKE_CXX_COMPILER=${CXX_COMPILER}"
    "-DCMAKE_BUILD_TYPE=${CONFIG}"
    "-DCMAKE_PREFIX_PATH=${PREFIX}"
    -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF
    "-DCMAKE_CXX_FLAGS=${CXX_FLAGS}"
    "-DCONSUMER_EXPECT_FMT=${EXPECT_FMT}"
    "-DCONSUMER_WARNINGS_AS_ERRORS=${WARNINGS_AS_ERRORS}")

# Make sure the package came from PREFIX and not from somewhere else.
file(STRINGS "${CONSUMER_BINARY_DIR}/CMakeCache.txt" _dir REGEX "^nnshape_DIR:")
string(REGEX REPLACE "^nnshape_DIR:[A-Z]+=" "" _dir "${_dir}")
file(REAL_PATH "${PREFIX}" _prefix_real)
file(REAL_PATH "${_dir}" _dir_real)
string(FIND "${_dir_real}" "${_prefix_real}/" _pos)
if(NOT _pos EQUAL 0)
  message(FATAL_ERROR "package_consumer: nnshape was found in '${_dir}', not under '${PREFIX}'")
endif()

run_step("build consumer"
  "${CMAKE_COMMAND}" --build "${CONSUMER_BINARY_DIR}" --config "${CONFIG}")

# consumer_precompiled was compiled with its precompiled header (GCC's .gch, Clang's .pch), which a
# warnings-as-errors build also checks (CMake adds -Winvalid-pch for GCC).
file(GLOB_RECURSE _pch "${CONSUMER_BINARY_DIR}/CMakeFiles/consumer_precompiled.dir/cmake_pch.hxx.[gp]ch")
if(NOT _pch)
  message(FATAL_ERROR "package_consumer: consumer_precompiled has no precompiled header")
endif()

set(programs consumer consumer_compiled consumer_precompiled)
if(EXPECT_KERAS_FILE)
  list(APPEND programs consumer_keras_file)
endif()
foreach(program IN LISTS programs)
  if(EXISTS "${CONSUMER_BINARY_DIR}/${CONFIG}/${program}${CMAKE_EXECUTABLE_SUFFIX}")
    set(_exe "${CONSUMER_BINARY_DIR}/${CONFIG}/${program}${CMAKE_EXECUTABLE_SUFFIX}")
  else()
    set(_exe "${CONSUMER_BINARY_DIR}/${program}${CMAKE_EXECUTABLE_SUFFIX}")
  endif()
  run_step("run ${program}" "${_exe}")
endforeach()

message(STATUS "package_consumer: OK")
