#pragma once
// Which Keras wrote a model: what its JSON says of it (its version read by release.hpp). What a
// version changes in the reading itself (a Sequential's InputLayer, a GRU's missing reset_after) is
// decided here too.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "release.hpp"
#include "values.hpp"

namespace nnshape::io::detail {

// What a model's JSON says of the Keras that wrote it, "" where it says nothing: model.to_json()'s
// top-level keras_version and backend; a TensorFlow.js model.json's modelTopology's (TensorFlow.js
// writes "tfjs-layers 4.22.0", its converter the version of the Keras that saved the model) and its
// generatedBy ("TensorFlow.js tfjs-layers v4.22.0", "keras v2.12.0"; absent from older files).
struct JsonWriter {
    std::string keras_version{};
    std::string backend{};
    bool tensorflow_js = false; // a TensorFlow.js model.json: the model is under "modelTopology"
    std::string generated_by{};
};

inline std::string string_at(const json& object, std::string_view key)
{
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

inline JsonWriter writer_of(const json& root)
{
    if (!root.is_object()) return {};
    const auto topology = root.find("modelTopology");
    if (topology == root.end() || !topology->is_object())
        return {string_at(root, "keras_version"), string_at(root, "backend")};
    return {string_at(*topology, "keras_version"), string_at(*topology, "backend"), true,
            string_at(root, "generatedBy")};
}

// Whether a Sequential's layers keep the InputLayer its config lists first. Keras 2.1 and earlier
// keep an InputLayer given to a Sequential among its layers (keras/models.py Sequential.add
// appends it to self.layers, which get_config and summary list), and so does TensorFlow.js
// (tfjs-layers models.ts: fromConfig adds each listed layer, Sequential.add pushes every layer); Keras 2.2
// (engine/sequential.py: the `layers` property drops it) and tf.keras do not, and Keras 3 lists none. A version nnshape
// cannot read keeps today's rule: the InputLayer becomes the first layer's input shape.
inline bool sequential_keeps_input(const JsonWriter& writer)
{
    if (writer.tensorflow_js) return true;
    const std::optional<KerasRelease> r = keras_release(writer.keras_version);
    return r && !r->tf_keras && !r->tensorflow_js && (r->major < 2 || (r->major == 2 && r->minor <= 1));
}

// Whether a GRU config without reset_after means false. Keras up to 2.1.4 had no such argument (2.1.5
// added it, default False, and writes it: keras/layers/recurrent.py), and TensorFlow.js supports only
// false (tfjs-layers recurrent.ts GRUCell; older versions do not write it): both keep 3 * units biases.
// Elsewhere a missing key takes later Keras's default, true, as its from_config would.
inline bool gru_resets_before_by_default(const JsonWriter& writer)
{
    if (writer.tensorflow_js) return true;
    const std::optional<KerasRelease> r = keras_release(writer.keras_version);
    return r && !r->tf_keras && !r->tensorflow_js &&
           (r->major < 2 || (r->major == 2 && (r->minor == 0 || (r->minor == 1 && r->patch <= 4))));
}

// Writes "reset_after": false into every GRU and GRUCell config under `root` that lacks it (walked
// with a stack of its own, so that no nesting a file holds can overflow the call stack).
inline void write_gru_reset_before(json& root)
{
    std::vector<json*> pending{&root};
    while (!pending.empty()) {
        json& node = *pending.back();
        pending.pop_back();
        if (node.is_object()) {
            const auto class_name = node.find("class_name");
            const auto config = node.find("config");
            if (class_name != node.end() && config != node.end() && config->is_object() &&
                (*class_name == "GRU" || *class_name == "GRUCell") && !config->contains("reset_after"))
                (*config)["reset_after"] = false;
        }
        if (node.is_structured())
            for (json& child : node) pending.push_back(&child);
    }
}

} // namespace nnshape::io::detail
