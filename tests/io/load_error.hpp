#pragma once
// The Keras JSON reader's tests: the message the reader gives for a config text.

#include <nnshape/io/keras_json.hpp>

#include <string>
#include <string_view>

namespace nnshape::test {

// The message load_keras_json gives for `text`, or "" if it loads.
inline std::string load_error_of(std::string_view text, const io::LoadOptions& options = {})
{
    try {
        io::load_keras_json(text, options);
    } catch (const io::load_error& e) {
        return e.what();
    }
    return "";
}

} // namespace nnshape::test
