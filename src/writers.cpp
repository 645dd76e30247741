// nnshape::keras_file_compiled, the writers: io::model_to_cpp and one layer's config written as JSON
// (io/keras_json/layer_config.hpp), compiled once (io/linkage.hpp). A translation unit of its own, so
// that the readers and the writers compile in parallel.
#define NNSHAPE_IO_BUILDING_LIBRARY
#include <nnshape/io/cpp_writer.hpp>
#include <nnshape/io/keras_json/config_writer.hpp>
