// nnshape::keras_file_compiled, the writers: io::model_to_cpp and one layer's config written as JSON
// (io/keras_json/layer_config.hpp), compiled once (io/linkage.hpp). A file of its own so that the
// fuzzers' instrumented copy of the readers (tests/CMakeLists.txt) leaves the writers out.
#define NNSHAPE_IO_BUILDING_LIBRARY
#include <nnshape/io/cpp_writer.hpp>
#include <nnshape/io/keras_json/config_writer.hpp>
