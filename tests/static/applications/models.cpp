// Keras Applications in constant evaluation, under both compilers' default limits (Clang: 1,048,576
// steps; GCC: 33,554,432 operations per evaluation), DenseNet121 and InceptionResNetV2 included. Expected
// numbers: keras-semantics.md §8 and, for layer counts of current Keras, the unit tests' sources.
// This file compiling is the test.
#include <nnshape/applications/densenet.hpp>
#include <nnshape/applications/inception.hpp>
#include <nnshape/applications/mobilenet.hpp>
#include <nnshape/applications/resnet.hpp>
#include <nnshape/applications/vgg.hpp>
#include <nnshape/applications/xception.hpp>
#include <nnshape/nnshape.hpp>

#include <cstddef>

namespace static_applications_models_test {

namespace {
using namespace nnshape;
using namespace nnshape::applications;

struct Built {
    Params params;
    Shape output;
    std::size_t layers;
    friend constexpr bool operator==(const Built&, const Built&) = default;
};

// One evaluation per model: building it twice would double the cost against the limit.
template <auto Builder>
constexpr Built build()
{
    Graph g;
    const Model m = Builder(g, {});
    return {m.params(), m.output_shape(), m.layers().size()};
}

static_assert(build<VGG16>() == Built{{138'357'544, 0}, {None, 1000}, 23});
static_assert(build<ResNet50>() == Built{{25'583'592, 53'120}, {None, 1000}, 177});
static_assert(build<MobileNet>() == Built{{4'231'976, 21'888}, {None, 1000}, 91}); // 93 in keras-applications 1.0.8
static_assert(build<MobileNetV2>() == Built{{3'504'872, 34'112}, {None, 1000}, 156}); // 157 in 1.0.8
static_assert(build<InceptionV3>() == Built{{23'817'352, 34'432}, {None, 1000}, 313});
static_assert(build<Xception>() == Built{{22'855'952, 54'528}, {None, 1000}, 134});
static_assert(build<DenseNet121>() == Built{{7'978'856, 83'648}, {None, 1000}, 429}); // 656,013 Clang steps

static_assert(build<InceptionResNetV2>() == Built{{55'813'192, 60'544}, {None, 1000}, 782}); // 973,122 Clang steps

} // namespace

} // namespace static_applications_models_test
