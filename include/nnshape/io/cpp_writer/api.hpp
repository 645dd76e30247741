#pragma once
// The C++ header writer's options and entry points, without the writer: what a program that calls
// io::model_to_cpp sees when it links the compiled library (io/linkage.hpp); cpp_writer.hpp adds the
// definitions otherwise.

#include <string>

#include "../../functional.hpp"
#include "../../sequential.hpp"
#include "../linkage.hpp"

namespace nnshape::io {

struct CppOptions {
    std::string name_space = "keras_model"; // the namespace that holds the header's functions
    std::string source{}; // the model file, named in the header's first comment
};

// The C++ header that rebuilds `model` and checks its numbers at compile time.
NNSHAPE_IO_API std::string model_to_cpp(const Model& model, const CppOptions& options = {});
NNSHAPE_IO_API std::string model_to_cpp(const Sequential<>& model, const CppOptions& options = {});

} // namespace nnshape::io
