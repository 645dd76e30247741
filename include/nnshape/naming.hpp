#pragma once
// Keras's automatic layer names. Keras 2 numbers each class from 1 (`conv2d_1`, `conv2d_2`); Keras 3
// from 0 with the first unnumbered (`conv2d`, `conv2d_1`); tf.keras (TensorFlow 2.x, Keras 2.x up to
// 2.15) layers and models from 0 but inputs from 1 (`input_1`; its Input takes backend.get_uid, the
// rest unique_object_name(zero_based=True)), and a functional model is `model` as in Keras 2.
// Two Kerases ran a functional model's __init__ twice (keras.Model(...) returned a Functional from
// __new__, which Python initialised again), each time taking a name: the n-th unnamed one is
// `functional_{2n-1}`. Naming::keras3_0 is Keras 3.0 to 3.3's (models/model.py __new__; Keras 3.4
// calls Functional.__new__ instead, keras-team/keras#19805), Naming::tf_keras_2_3 TensorFlow 2.3's
// (engine/training.py __new__; TF 2.4 passes skip_init=True and names a Functional `model`).

#include <cstdint>
#include <string_view>

#include "layer_args.hpp"

namespace nnshape {

enum class Naming : std::uint8_t { keras2, keras3, tf_keras, keras3_0, tf_keras_2_3 };
inline constexpr Naming keras2 = Naming::keras2;
inline constexpr Naming keras3 = Naming::keras3;
inline constexpr Naming tf_keras = Naming::tf_keras;
inline constexpr Naming keras3_0 = Naming::keras3_0;
inline constexpr Naming tf_keras_2_3 = Naming::tf_keras_2_3;

namespace detail {

// Keras 3's names (and its operations' numbering), in either version.
constexpr bool keras3_names(Naming style) { return style == keras3 || style == keras3_0; }

constexpr bool tf_keras_names(Naming style) { return style == tf_keras || style == tf_keras_2_3; }

constexpr bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
constexpr bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
constexpr bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Keras's to_snake_case: re.sub('(.)([A-Z][a-z0-9]+)', r'\1_\2'), then re.sub('([a-z])([A-Z])',
// r'\1_\2'), then lower(). Keras 3 drops the digits from the first pattern (ConvLSTM2D differs).
constexpr Name snake_case(std::string_view name, Naming style)
{
    const auto tail = [&](char c) { return is_lower(c) || (!keras3_names(style) && is_digit(c)); };
    Name first;
    for (std::size_t i = 0; i < name.size();) {
        if (i + 2 < name.size() && is_upper(name[i + 1]) && tail(name[i + 2])) {
            std::size_t j = i + 2;
            while (j < name.size() && tail(name[j])) ++j;
            first.append(name.substr(i, 1)).append("_").append(name.substr(i + 1, j - i - 1));
            i = j;
        } else {
            first.append(name.substr(i++, 1));
        }
    }
    const std::string_view s = first.view();
    Name out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = is_upper(s[i]) ? char(s[i] - 'A' + 'a') : s[i];
        out.append(std::string_view(&c, 1));
        if (i + 1 < s.size() && is_lower(s[i]) && is_upper(s[i + 1])) out.append("_");
    }
    return out;
}

// Whether the first unnamed layer of this class is `<prefix>_1` rather than `<prefix>`.
constexpr bool numbered_from_one(std::string_view class_name, Naming style)
{
    return style == keras2 || (tf_keras_names(style) && class_name == "InputLayer");
}

// The automatic name of the `ordinal`-th (from 1) unnamed layer with this snake-case prefix.
constexpr Name auto_name(std::string_view prefix, std::int64_t ordinal, bool from_one)
{
    Name n(prefix);
    if (from_one) return n.append("_").append(ordinal);
    return ordinal == 1 ? n : n.append("_").append(ordinal - 1);
}

// The prefix Keras uses for a layer class.
constexpr Name name_prefix(std::string_view class_name, Naming style)
{
    if (class_name == "InputLayer") return std::string_view(keras3_names(style) ? "input_layer" : "input");
    if (class_name == "Model")
        return std::string_view(keras3_names(style) || style == tf_keras_2_3 ? "functional" : "model");
    return snake_case(class_name, style);
}

} // namespace detail

// How each Keras names an operation called on tensors (nnshape::ops; layers/ops.hpp's op_names).
// tf.keras 2.4+: a TFOpLambda (SlicingOpLambda for `x[...]`) named "tf." + its TF symbol, numbered
// from 0 per name. Keras 3: its operation class (`Add`), numbered with the layers of the same name.
struct OpNames {
    std::string_view tf_name; // "tf.__operators__.add"
    std::string_view tf_class; // "TFOpLambda"
    std::string_view keras3_class; // "Add"
    std::string_view keras3_name; // "add"
};

// How Keras numbered a layer when it was made: with the layer's class and given name (which the layer
// itself holds, or for a model its Graph), all its name is made of. A layer record keeps this, 24 bytes.
struct LayerNumber {
    std::int32_t ordinal = 0; // among the unnamed layers of its class, from 1; of an operation: its Keras 3 number
    std::int32_t keras3_offset = 0; // of a layer: the operations Keras 3 numbered with it before it
    std::int32_t tf_ordinal = 0; // of an operation: its tf.keras number, from 1 (1 if named: unused)
    const OpNames* op = nullptr; // of an operation: its names

    // Not `op != nullptr`: GCC 12 cannot compare an object's address with null in a constant
    // evaluation under -fsanitize=undefined.
    constexpr bool is_op() const { return tf_ordinal > 0; }
};

namespace detail {
// A count of layers as a LayerNumber keeps it: 2^31 layers of one class would need 256 GB of records.
constexpr std::int32_t layer_number(std::int64_t n)
{
    require(n <= std::int64_t{INT32_MAX}, "name: more than 2^31 - 1 layers numbered with one name");
    return std::int32_t(n);
}
} // namespace detail

// A layer's name: the one given, or the automatic one, rendered in one Keras's style. A view of a
// model's records (LayerView::name and SequentialLayer::name render it into a Name).
struct LayerName {
    std::string_view given{};
    std::string_view class_name{};
    LayerNumber number{};

    constexpr Name render(Naming style = keras2) const
    {
        if (!given.empty()) return Name(given);
        if (!number.is_op()) {
            const std::int64_t n =
                detail::keras3_names(style) ? std::int64_t{number.ordinal} + number.keras3_offset : number.ordinal;
            const bool named_twice = class_name == "Model" && (style == keras3_0 || style == tf_keras_2_3);
            return detail::auto_name(detail::name_prefix(class_name, style).view(), named_twice ? 2 * n : n,
                                     detail::numbered_from_one(class_name, style));
        }
        if (!detail::keras3_names(style)) return detail::auto_name(number.op->tf_name, number.tf_ordinal, false);
        return detail::auto_name(number.op->keras3_name, number.ordinal, false);
    }
    // The class a summary shows: an operation's differs between the Kerases (tf.keras's TFOpLambda
    // also in Keras 2's style, which had no operations of its own).
    constexpr std::string_view class_in(Naming style) const
    {
        if (!number.is_op()) return class_name;
        return detail::keras3_names(style) ? number.op->keras3_class : number.op->tf_class;
    }
};

} // namespace nnshape
