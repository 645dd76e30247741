// Linked with the installed nnshape::keras_file_compiled: the reader comes from the package's static
// library. Dense(4) on 3 features has 3 x 4 + 4 = 16 weights (Keras's Dense: input_dim * units + units).
#include <nnshape/io/keras_json.hpp>

int main()
{
    const nnshape::io::LoadedModel m = nnshape::io::load_keras_json(
        R"({"class_name": "Sequential", "keras_version": "2.3.1", "config": {"name": "sequential", "layers": [
            {"class_name": "Dense", "config": {"name": "dense", "units": 4, "batch_input_shape": [null, 3]}}]}})");
    return m.visit([](const auto& model) { return model.count_params(); }) == 16 ? 0 : 1;
}
