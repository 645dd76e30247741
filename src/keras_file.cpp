// nnshape::keras_file_compiled, the readers: the Keras readers' entry points (load_keras_json,
// read_keras_file, ...) and one layer read from its config (io/keras_json/layer_config.hpp), compiled
// once, so that a program linking this library compiles none of the readers (io/linkage.hpp). Built
// with the formats nnshape::keras_file found (NNSHAPE_KERAS_FILE_ZIP, NNSHAPE_KERAS_FILE_HDF5).
#define NNSHAPE_IO_BUILDING_LIBRARY
#include <nnshape/io/keras_file.hpp>
