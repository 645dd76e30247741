#pragma once
// Where in a model file a layer is, for the readers' messages.

#include <string>
#include <string_view>

namespace nnshape::io::detail {

// Where in the file a layer is, for messages: `layer "conv2d_3" (Conv2D) at layers[4]`.
struct Where {
    std::string path; // layers[4], layers[2].layers[0], layers[1].config.layer
    std::string name;
    std::string class_name;
    std::string_view what = "layer"; // or "model": the top-level one

    std::string text() const
    {
        std::string s(what);
        if (!name.empty()) s += " \"" + name + "\"";
        if (!class_name.empty()) s += " (" + class_name + ")";
        return path.empty() ? s : s + " at " + path;
    }
};

} // namespace nnshape::io::detail
