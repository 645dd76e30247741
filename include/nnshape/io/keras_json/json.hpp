#pragma once
// The JSON value type of the Keras readers (nlohmann/json).

#include <nlohmann/json.hpp>

namespace nnshape::io::detail {

using json = nlohmann::json;

} // namespace nnshape::io::detail
