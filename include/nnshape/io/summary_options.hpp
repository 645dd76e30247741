#pragma once
// The summary a model file's own Keras printed: the table style (and with it the automatic names)
// of the Keras version the file names (KerasFileInfo, read by io/keras_file.hpp). The `nnshape` tool
// prints a file's summary with it unless --style is given.
//
//   const nnshape::io::KerasFile f = nnshape::io::read_keras_file("model.h5");
//   const nnshape::SummaryOptions options = nnshape::io::summary_options_for(f.info);
//   std::cout << f.model.visit([&](const auto& m) { return nnshape::summary(m, options); });

#include <optional>

#include "../summary/common.hpp"
#include "keras_file/api.hpp"
#include "keras_json/release.hpp"

namespace nnshape::io {

// The style of the table the file's Keras printed (docs/keras-differences.md: the versions each style
// reproduces); nullopt when the file names no version nnshape reads.
//  * "2.0.x" to "2.3.x": standalone Keras 2, SummaryStyle::keras2.
//  * "-tf" versions, tf.keras before TensorFlow 2.3 ("2.1.6-tf" in TF 1.11, "2.2.4-tf" up to TF 2.1,
//    "2.3.0-tf" in TF 2.2): tf_keras_2_0.
//  * Plain "2.4" and later (TF 2.3 and 2.4 both wrote "2.4.0", then TF's own version, then the
//    keras and tf-keras packages'): tf_keras_2_4 up to 2.6, tf_keras_2_7 up to 2.12, tf_keras_2_13 on.
//    tf_keras_2_3 prints tf_keras_2_4's table; it differs only in names a read model never makes.
//  * "3.0.0" to "3.0.4": keras3_0; later 3.x: keras3.
//  * TensorFlow.js (a model.json, "tfjs-layers x.y.z"): keras2, whose plain table TensorFlow.js's
//    summary follows (tfjs-layers prints an extra Input Shape column and JSON shapes, which nnshape
//    does not), and which lists a Sequential's InputLayer as TensorFlow.js does.
inline std::optional<SummaryStyle> summary_style_for(const KerasFileInfo& info)
{
    const std::optional<detail::KerasRelease> r = detail::keras_release(info.keras_version);
    if (info.tensorflow_js || (r && r->tensorflow_js)) return SummaryStyle::keras2;
    if (!r) return std::nullopt;
    if (r->tf_keras) return r->major == 2 && r->minor <= 3 ? std::optional(SummaryStyle::tf_keras_2_0) : std::nullopt;
    if (r->major == 2) {
        if (r->minor <= 3) return SummaryStyle::keras2;
        if (r->minor <= 6) return SummaryStyle::tf_keras_2_4;
        return r->minor <= 12 ? SummaryStyle::tf_keras_2_7 : SummaryStyle::tf_keras_2_13;
    }
    if (r->major == 3) return r->minor == 0 && r->patch <= 4 ? SummaryStyle::keras3_0 : SummaryStyle::keras3;
    return std::nullopt;
}

// SummaryOptions in the style of the file's Keras (summary_style_for), or the default style when the
// file names no version nnshape reads.
inline SummaryOptions summary_options_for(const KerasFileInfo& info)
{
    SummaryOptions options{};
    if (const std::optional<SummaryStyle> style = summary_style_for(info)) options.style = *style;
    return options;
}

} // namespace nnshape::io
