// Every Keras Applications model at its default arguments (include_top=True, classes=1000), each in a
// fresh Graph as in a fresh Keras session: its Keras 2 `model.summary()`, then one line per model
// with the totals Keras prints. `example_applications ResNet50` (or `resnet50`) prints one model only.
#include <nnshape/applications.hpp>
#include <nnshape/fmt.hpp>
#include <nnshape/nnshape.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include <fmt/format.h>

using namespace nnshape;
using namespace nnshape::applications;

namespace {

// A builder at its default arguments, whatever its family's argument struct.
template <auto Builder>
Model build(Graph& g)
{
    return Builder(g, {});
}

struct Application {
    std::string_view name;
    Model (*build)(Graph&);
};

constexpr Application models[] = {
    {"VGG16", build<VGG16>},
    {"VGG19", build<VGG19>},
    {"ResNet50", build<ResNet50>},
    {"ResNet101", build<ResNet101>},
    {"ResNet152", build<ResNet152>},
    {"ResNet50V2", build<ResNet50V2>},
    {"ResNet101V2", build<ResNet101V2>},
    {"ResNet152V2", build<ResNet152V2>},
    {"InceptionV3", build<InceptionV3>},
    {"InceptionResNetV2", build<InceptionResNetV2>},
    {"Xception", build<Xception>},
    {"MobileNet", build<MobileNet>},
    {"MobileNetV2", build<MobileNetV2>},
    {"MobileNetV3Small", build<MobileNetV3Small>},
    {"MobileNetV3Large", build<MobileNetV3Large>},
    {"DenseNet121", build<DenseNet121>},
    {"DenseNet169", build<DenseNet169>},
    {"DenseNet201", build<DenseNet201>},
    {"NASNetMobile", build<NASNetMobile>},
    {"NASNetLarge", build<NASNetLarge>},
    {"EfficientNetB0", build<EfficientNetB0>},
    {"EfficientNetB1", build<EfficientNetB1>},
    {"EfficientNetB2", build<EfficientNetB2>},
    {"EfficientNetB3", build<EfficientNetB3>},
    {"EfficientNetB4", build<EfficientNetB4>},
    {"EfficientNetB5", build<EfficientNetB5>},
    {"EfficientNetB6", build<EfficientNetB6>},
    {"EfficientNetB7", build<EfficientNetB7>},
    {"ConvNeXtTiny", build<ConvNeXtTiny>},
    {"ConvNeXtSmall", build<ConvNeXtSmall>},
    {"ConvNeXtBase", build<ConvNeXtBase>},
    {"ConvNeXtLarge", build<ConvNeXtLarge>},
    {"ConvNeXtXLarge", build<ConvNeXtXLarge>},
};

// 25636712 -> "25,636,712", as Keras prints its totals.
std::string thousands(std::int64_t n)
{
    const std::string digits = std::to_string(n);
    const std::size_t sign = n < 0 ? 1 : 0;
    std::string out = digits.substr(0, sign);
    for (std::size_t i = sign; i < digits.size(); ++i) {
        if (i > sign && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

} // namespace

int main(int argc, char** argv)
{
    const std::string_view only = argc > 1 ? argv[1] : "";
    std::string totals;
    for (const Application& app : models) {
        Graph g; // automatic names start again, as in a fresh Keras session
        const Model model = app.build(g);
        const Name name = model.name();
        if (!only.empty() && only != app.name && only != name.view()) continue;
        fmt::print("{}\n", model);
        const Params p = model.params();
        totals += fmt::format("{}: {} / {} / {}\n", name.view(), thousands(p.total()), thousands(p.trainable),
                              thousands(p.non_trainable));
    }
    if (totals.empty()) {
        fmt::print(stderr, "unknown model '{}'; one of:", only);
        for (const Application& app : models) fmt::print(stderr, " {}", app.name);
        fmt::print(stderr, "\n");
        return EXIT_FAILURE;
    }
    fmt::print("{}", totals);
}
