// libFuzzer target over the Keras JSON reader: any input must load or throw nnshape::shape_error
// (io::load_error is one); a crash, a sanitizer report or any other exception is a finding.
// The loaded model also goes through the report, summary and DOT writers, which must hold as well.
#include <nnshape/export.hpp>
#include <nnshape/io/keras_json.hpp>
#include <nnshape/plot.hpp>
#include <nnshape/report.hpp>
#include <nnshape/summary.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    try {
        const nnshape::io::LoadedModel m = nnshape::io::load_keras_json({reinterpret_cast<const char*>(data), size});
        m.visit([](const auto& model) {
            (void)nnshape::to_json(nnshape::report(model, {.expand_nested = true, .batch_size = 3}));
            (void)nnshape::summary(model, {.style = nnshape::SummaryStyle::keras3});
            (void)nnshape::model_to_dot(model, {.show_shapes = true, .expand_nested = true});
        });
    } catch (const nnshape::shape_error&) {
    }
    return 0;
}
