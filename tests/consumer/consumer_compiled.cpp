// Linked with the installed nnshape::compiled: the summary comes from the package's static library.
// Dense(4) on 3 features has 3 x 4 + 4 = 16 weights (Keras's Dense: input_dim * units + units).
#include <nnshape/summary.hpp>

#include <string>

int main()
{
    nnshape::Sequential<> model;
    model.add(nnshape::Dense{.units = 4, .input_shape = {3}});
    return nnshape::summary(model).find("Total params: 16") != std::string::npos ? 0 : 1;
}
