// A program that reads a Keras model file (.keras, .h5 or JSON) and prints the summary its Keras would
// print: bench/compile_time.sh's (r), header-only, and (s), as a program linking
// nnshape::keras_file_compiled compiles it.
#include <nnshape/io/keras_file.hpp>
#include <nnshape/io/summary_options.hpp>
#include <nnshape/summary.hpp>

#include <iostream>

int main(int argc, char** argv)
{
    if (argc != 2) return 2;
    const nnshape::io::KerasFile file = nnshape::io::read_keras_file(argv[1]);
    const nnshape::SummaryOptions options = nnshape::io::summary_options_for(file.info);
    std::cout << file.model.visit([&](const auto& model) { return nnshape::summary(model, options); });
}
