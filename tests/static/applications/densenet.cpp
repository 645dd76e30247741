// DenseNet121 (429 layers) in constant evaluation. It needs about 1.6 million Clang steps, over
// Clang's default of 1,048,576, so tests/CMakeLists.txt compiles this file with
// -fconstexpr-steps=4000000 under Clang; GCC's default limit suffices. Expected numbers:
// keras-semantics.md §8 (8,062,504 = 7,978,856 + 83,648; 429 layers in current Keras).
#include <nnshape/applications/densenet.hpp>
#include <nnshape/nnshape.hpp>

namespace static_applications_densenet_test {

namespace {
using namespace nnshape;
using namespace nnshape::applications;

constexpr bool densenet121()
{
    Graph g;
    const Model m = DenseNet121(g);
    return m.params() == Params{7'978'856, 83'648} && m.output_shape() == Shape{None, 1000} && m.layers().size() == 429;
}
static_assert(densenet121());

} // namespace

} // namespace static_applications_densenet_test
