#pragma once
// Keras version strings as files carry them ("2.1.6", "2.2.4-tf", "2.13.1", "3.0.2", "tfjs-layers
// 4.22.0"), read into a release: what the readers and the summary style of a file go by.

#include <charconv>
#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string_view>
#include <system_error>

namespace nnshape::io::detail {

// A Keras release as a version string names it. tf.keras (TensorFlow 1.x to 2.2) marked its
// versions "-tf"; TensorFlow 2.3 on writes plain ones ("2.4.0" in TF 2.3 and 2.4, then the TF
// version), and standalone Keras 2.4 and later are tf.keras.
struct KerasRelease {
    int major = 0;
    int minor = 0;
    int patch = 0;
    bool tf_keras = false; // "-tf"
    bool tensorflow_js = false; // "tfjs-layers x.y.z": TensorFlow.js's own Layers API
};

// "2.2.4-tf" -> {2, 2, 4, tf}; "3.0.0.dev2023" -> {3, 0, 0}; nullopt when it is not a version.
inline std::optional<KerasRelease> keras_release(std::string_view version)
{
    KerasRelease release{};
    constexpr std::string_view tfjs = "tfjs-layers ";
    if (version.starts_with(tfjs)) {
        version.remove_prefix(tfjs.size());
        release.tensorflow_js = true;
    }
    const char* p = version.data();
    const char* const end = p + version.size();
    for (int* part : {&release.major, &release.minor, &release.patch}) {
        const auto [next, ec] = std::from_chars(p, end, *part);
        if (ec != std::errc{}) return part == &release.patch ? std::optional(release) : std::nullopt;
        p = next;
        if (p == end || *p != '.') break;
        ++p;
    }
    release.tf_keras = std::string_view(p, std::size_t(end - p)).starts_with("-tf");
    return release;
}

} // namespace nnshape::io::detail
