#pragma once
// Categorical preprocessing layers: CategoryEncoding, Hashing, Discretization, HashedCrossing,
// StringLookup, IntegerLookup, TextVectorization. Their output shapes follow Keras 3.14 on, whose
// compute_output_shape matches what a call returns (docs/keras-differences.md).

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string_view>
#include <type_traits>

#include "../detail/checked.hpp"
#include "../detail/layer_facts.hpp"
#include "../detail/type_list.hpp"
#include "../layer_args.hpp"

namespace nnshape {

namespace detail {

// Keras's `output_mode` values, with the deprecated spellings "binary" (multi_hot) and "tf-idf".
enum class Encoding : std::uint8_t { int_, one_hot, multi_hot, count, tf_idf, unknown };

constexpr Encoding encoding_of(std::string_view mode)
{
    if (mode == "int") return Encoding::int_;
    if (mode == "one_hot") return Encoding::one_hot;
    if (mode == "multi_hot" || mode == "binary") return Encoding::multi_hot;
    if (mode == "count") return Encoding::count;
    if (mode == "tf_idf" || mode == "tf-idf") return Encoding::tf_idf;
    return Encoding::unknown;
}

// The encoded output: one sample's values (the last axis) become `depth` values, or, where
// `add_axis`, each value becomes `depth` values on a new last axis. A scalar gives (depth,).
constexpr Shape encoded(const Shape& in, Dim depth, bool add_axis)
{
    const std::size_t kept = add_axis || in.rank() == 0 ? in.rank() : in.rank() - 1;
    Shape out;
    for (std::size_t i = 0; i < kept; ++i) out.push_back(in[i]);
    out.push_back(depth);
    return out;
}

// one_hot encodes each value on a new axis, except that a trailing axis of 1 (rank > 1) is replaced.
constexpr bool one_hot_adds_axis(const Shape& in) { return !(in.rank() > 1 && in[in.rank() - 1] == Dim(1)); }

// A count of values whose values nnshape does not keep: Discretization's `bin_boundaries`
// (`.bin_boundaries = {0.0, 1.0, 2.5}`).
class Boundaries {
public:
    constexpr Boundaries(std::initializer_list<double> values) : size_(std::int64_t(values.size())) {}
    explicit constexpr Boundaries(std::int64_t count) : size_(count) {}
    constexpr std::int64_t size() const { return size_; }

private:
    std::int64_t size_;
};

// A lookup layer's `vocabulary`: None (`{}` or `nullptr`), the path of a vocabulary file, or a list
// of tokens. nnshape keeps what the output size needs: how many tokens, and the first two with the
// lengths of their runs, because Keras drops the mask and OOV tokens from the start of a list that
// begins with them (such as another layer's get_vocabulary()). `Token` is `Name` for strings (a
// token longer than a Name is kept as one that matches no special token) or std::int64_t.
template <class Token>
class Vocabulary {
public:
    using Arg = std::conditional_t<std::is_same_v<Token, std::int64_t>, std::int64_t, std::string_view>;

    constexpr Vocabulary() = default;
    constexpr Vocabulary(std::nullptr_t) {}
    template <std::size_t N>
    constexpr Vocabulary(const char (&)[N]) : kind_(Kind::file)
    {
    }
    constexpr Vocabulary(std::initializer_list<Arg> tokens) : Vocabulary(std::span<const Arg>(tokens)) {}
    explicit constexpr Vocabulary(std::span<const Arg> tokens)
        : kind_(Kind::list),
          size_(std::int64_t(tokens.size())),
          first_(lead(tokens, 0)),
          second_(lead(tokens, 1))
    {
        require(!tokens.empty(), "Vocabulary: Cannot set an empty vocabulary.");
    }
    static constexpr Vocabulary file() { return Vocabulary("file"); }

    constexpr bool is_none() const { return kind_ == Kind::none; }
    constexpr bool is_file() const { return kind_ == Kind::file; }
    constexpr bool is_list() const { return kind_ == Kind::list; }

    // Keras's vocabulary size after set_vocabulary(): its special tokens (the mask token if `mask_indexed`,
    // then `num_oov` OOV tokens) and the listed tokens without the special tokens they start with.
    constexpr std::int64_t size_with(const std::optional<Token>& mask, bool mask_indexed,
                                     const std::optional<Token>& oov, std::int64_t num_oov) const
    {
        const auto oovs_at = [&](const Lead& l) { return l.is(oov) && l.run >= num_oov; };
        const bool found =
            mask_indexed ? first_.is(mask) && (num_oov == 0 || oovs_at(second_)) : num_oov == 0 || oovs_at(first_);
        const std::int64_t start = checked_add(mask_indexed ? 1 : 0, num_oov);
        // Keras refuses the mask token among the tokens after those special tokens; nnshape sees the
        // first two places.
        const std::int64_t tokens_from = found ? start : 0;
        require(!(tokens_from == 0 && first_.is(mask)) && !(tokens_from <= 1 && second_.is(mask)),
                "IndexLookup: Found reserved mask token at unexpected location in `vocabulary`.");
        return checked_add(start, found ? size_ - start : size_);
    }

private:
    enum class Kind : std::uint8_t { none, file, list };
    // One of the first two tokens, and how many equal tokens follow from its place on.
    struct Lead {
        Token token{};
        bool present = false; // listed, and short enough to match a special token
        std::int64_t run = 0;
        constexpr bool is(const std::optional<Token>& special) const
        {
            if (!present || !special) return false;
            if constexpr (std::is_same_v<Token, std::int64_t>)
                return token == *special;
            else
                return token.view() == special->view();
        }
    };
    static constexpr Lead lead(std::span<const Arg> tokens, std::size_t at)
    {
        if (at >= tokens.size()) return {};
        std::int64_t run = 0;
        for (std::size_t i = at; i < tokens.size() && tokens[i] == tokens[at]; ++i) ++run;
        if constexpr (std::is_same_v<Token, std::int64_t>)
            return {tokens[at], true, run};
        else if (tokens[at].size() > Token::capacity)
            return {Token{}, false, run};
        else
            return {Token(tokens[at]), true, run};
    }

    Kind kind_ = Kind::none;
    std::int64_t size_ = 0;
    Lead first_{};
    Lead second_{};
};

using StringVocabulary = Vocabulary<Name>;
using IntegerVocabulary = Vocabulary<std::int64_t>;

// What IndexLookup (StringLookup's, IntegerLookup's and TextVectorization's base) needs for its output.
template <class Token>
struct IndexLookupArgs {
    const std::optional<std::int64_t>& max_tokens;
    std::int64_t num_oov_indices;
    const std::optional<Token>& mask_token;
    const std::optional<Token>& oov_token;
    const Vocabulary<Token>& vocabulary;
    bool invert;
    std::string_view output_mode;
    bool pad_to_max_tokens;
    bool sparse;
    const std::optional<std::int64_t>& vocabulary_size; // Keras's frozen size, written in a saved config
};

// IndexLookup's checks and output shape (Keras's __init__, set_vocabulary and compute_output_shape).
template <class Token>
constexpr Shape lookup_output(const Shape& in, const IndexLookupArgs<Token>& a)
{
    require(!a.max_tokens || *a.max_tokens > 1, "IndexLookup: If set, `max_tokens` must be greater than 1.");
    require(!a.pad_to_max_tokens || a.max_tokens, "IndexLookup: If pad_to_max_tokens is True, must set `max_tokens`.");
    require(a.num_oov_indices >= 0, "IndexLookup: `num_oov_indices` must be greater than or equal to 0.");
    const Encoding mode = encoding_of(a.output_mode);
    require(mode != Encoding::unknown, "IndexLookup: Unknown value for `output_mode` argument. Allowed values "
                                       "are: ('int', 'one_hot', 'multi_hot', 'count', 'tf_idf').");
    require(!a.invert || mode == Encoding::int_, "IndexLookup: `output_mode` must be `'int'` when `invert` is true.");
    require(!a.sparse || mode != Encoding::int_,
            "IndexLookup: `sparse` may only be true if `output_mode` is `'one_hot'`, `'multi_hot'`, `'count'` or "
            "`'tf_idf'`.");
    const bool mask_indexed = a.mask_token.has_value() && mode == Encoding::int_;
    std::optional<std::int64_t> listed;
    if (a.vocabulary.is_list()) {
        listed = a.vocabulary.size_with(a.mask_token, mask_indexed, a.oov_token, a.num_oov_indices);
        require(!a.max_tokens || *listed <= *a.max_tokens,
                "IndexLookup: Attempted to set a vocabulary larger than the maximum vocab size.");
    }
    if (mode == Encoding::int_) return in;
    if (a.pad_to_max_tokens) return encoded(in, *a.max_tokens, mode == Encoding::one_hot && one_hot_adds_axis(in));
    require(!a.vocabulary_size || !listed || *a.vocabulary_size == *listed,
            "IndexLookup: the vocabulary size cannot be changed after the layer is called (`vocabulary_size` and "
            "`vocabulary` disagree).");
    require(a.vocabulary_size || !a.vocabulary.is_file(),
            "IndexLookup: nnshape does not read vocabulary files: give `vocabulary_size` (a saved config has it).");
    const Dim depth = a.vocabulary_size ? Dim(*a.vocabulary_size) : listed ? Dim(*listed) : None;
    return encoded(in, depth, mode == Encoding::one_hot && one_hot_adds_axis(in));
}

} // namespace detail

// Keras's CategoryEncoding(num_tokens=None, output_mode="multi_hot", sparse=False); tf.keras also took
// `max_tokens`, a deprecated name that replaces num_tokens (Keras 3 refuses it).
struct CategoryEncoding {
    std::optional<std::int64_t> num_tokens{};
    Name output_mode = "multi_hot";
    bool sparse = false;
    std::optional<std::int64_t> max_tokens{};
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "CategoryEncoding";
    static constexpr void keras_config(auto& l, auto& key)
    {
        key("num_tokens", l.num_tokens);
        key("output_mode", l.output_mode);
        key("sparse", l.sparse);
        key("max_tokens", l.max_tokens);
    }
    static constexpr detail::Analyses analyses{.cost = detail::no_arithmetic, .field = detail::no_field};

    constexpr Shape output_shape(const Shape& in) const
    {
        const std::optional<std::int64_t> tokens = max_tokens ? max_tokens : num_tokens;
        const detail::Encoding mode = detail::encoding_of(output_mode);
        detail::require(mode == detail::Encoding::one_hot || mode == detail::Encoding::multi_hot ||
                            mode == detail::Encoding::count,
                        "CategoryEncoding: Unknown arg for output_mode (expected 'one_hot', 'multi_hot' or 'count').");
        detail::require(tokens.has_value(), "CategoryEncoding: num_tokens must be set to use this layer. If the "
                                            "number of tokens is not known beforehand, use the IntegerLookup "
                                            "layer instead.");
        detail::require(*tokens >= 1, "CategoryEncoding: `num_tokens` must be >= 1.");
        return detail::encoded(in, *tokens, mode == detail::Encoding::one_hot && detail::one_hot_adds_axis(in));
    }
};

// Keras's Hashing(num_bins, mask_value=None, salt=None, output_mode="int", sparse=False): every
// encoding replaces the last axis, one_hot included (Keras's compute_output_shape).
struct Hashing {
    std::int64_t num_bins = 0;
    NNSHAPE_ACCEPTED(mask_value);
    NNSHAPE_ACCEPTED(salt);
    Name output_mode = "int";
    bool sparse = false;
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "Hashing";
    static constexpr void keras_config(auto& l, auto& key)
    {
        key("num_bins", l.num_bins, detail::required);
        key("mask_value", l.mask_value);
        key("salt", l.salt);
        key("output_mode", l.output_mode);
        key("sparse", l.sparse);
    }
    static constexpr detail::Analyses analyses{.cost = detail::no_arithmetic, .field = detail::no_field};

    constexpr Shape output_shape(const Shape& in) const
    {
        detail::require(num_bins > 0, "Hashing: The `num_bins` for `Hashing` cannot be `None` or non-positive values.");
        const std::string_view m = output_mode;
        detail::require(m == "int" || m == "one_hot" || m == "multi_hot" || m == "count",
                        "Hashing: Invalid value for argument `output_mode`. Expected one of ('int', 'one_hot', "
                        "'multi_hot', 'count').");
        detail::require(!sparse || m != "int",
                        "Hashing: `sparse` may only be true if `output_mode` is `\"one_hot\"`, `\"multi_hot\"`, or "
                        "`\"count\"`.");
        return m == "int" ? in : detail::encoded(in, num_bins, false);
    }
};

// Keras's Discretization(bin_boundaries=None, num_bins=None, epsilon=0.01, output_mode="int",
// sparse=False). A saved adapted layer has both keys; the boundaries then give the bins.
struct Discretization {
    std::optional<detail::Boundaries> bin_boundaries{};
    std::optional<std::int64_t> num_bins{};
    NNSHAPE_ACCEPTED(epsilon);
    Name output_mode = "int";
    bool sparse = false;
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "Discretization";
    static constexpr void keras_config(auto& l, auto& key)
    {
        key("bin_boundaries", l.bin_boundaries);
        key("num_bins", l.num_bins);
        key("epsilon", l.epsilon);
        key("output_mode", l.output_mode);
        key("sparse", l.sparse);
    }
    static constexpr detail::Analyses analyses{.cost = detail::no_arithmetic, .field = detail::no_field};

    constexpr Shape output_shape(const Shape& in) const
    {
        const std::string_view m = output_mode;
        detail::require(!sparse || m != "int", "Discretization: `sparse=True` may only be used if `output_mode` is "
                                               "`'one_hot'`, `'multi_hot'`, or `'count'`.");
        detail::require(m == "int" || m == "one_hot" || m == "multi_hot" || m == "count",
                        "Discretization: Unknown value for `output_mode` argument. Allowed values are: ('int', "
                        "'one_hot', 'multi_hot', 'count').");
        detail::require(!num_bins || *num_bins >= 0, "Discretization: `num_bins` must be greater than or equal to 0.");
        detail::require(num_bins || bin_boundaries,
                        "Discretization: You need to set either `num_bins` or `bin_boundaries`.");
        if (m == "int") return in;
        const std::int64_t depth = bin_boundaries ? detail::checked_add(bin_boundaries->size(), 1) : *num_bins;
        if (m == "one_hot") return detail::encoded(in, depth, detail::one_hot_adds_axis(in));
        // Keras's rule for multi_hot and count: the batch axis, the axes after the second, then the bins.
        if (in.rank() < 2) return Shape{depth};
        Shape out{in[0]};
        for (std::size_t i = 2; i < in.rank(); ++i) out.push_back(in[i]);
        out.push_back(depth);
        return out;
    }
};

// Keras's HashedCrossing(num_bins, output_mode="int", sparse=False), called on two inputs.
struct HashedCrossing {
    std::int64_t num_bins = 0;
    Name output_mode = "int";
    bool sparse = false;
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "HashedCrossing";
    static constexpr void keras_config(auto& l, auto& key)
    {
        key("num_bins", l.num_bins, detail::required);
        key("output_mode", l.output_mode);
        key("sparse", l.sparse);
    }
    static constexpr detail::Analyses analyses{.cost = detail::no_arithmetic, .field = detail::no_field};

    constexpr Shape output_shape(std::span<const Shape> inputs) const
    {
        const std::string_view m = output_mode;
        detail::require(m == "int" || m == "one_hot", "HashedCrossing: Unknown value for `output_mode` argument. "
                                                      "Allowed values are: ('int', 'one_hot').");
        detail::require(inputs.size() == 2, "HashedCrossing: Expected as input a list/tuple of 2 tensors.");
        detail::require(inputs[0].rank() > 0 && inputs[1].rank() > 0 &&
                            inputs[0][inputs[0].rank() - 1] == inputs[1][inputs[1].rank() - 1],
                        "HashedCrossing: Expected the two input tensors to have identical shapes.");
        const Shape& in = inputs[0];
        if (m == "int") return in;
        return detail::encoded(in, num_bins, in[in.rank() - 1] != Dim(1));
    }
};

// Keras's StringLookup. `vocabulary_size` is the key Keras's saved config adds (the size of an
// adapted or given vocabulary): without it and without a listed vocabulary, an encoded output's
// depth is None, as in Keras.
struct StringLookup {
    std::optional<std::int64_t> max_tokens{};
    std::int64_t num_oov_indices = 1;
    std::optional<Name> mask_token{};
    std::optional<Name> oov_token = Name("[UNK]");
    detail::StringVocabulary vocabulary{};
    NNSHAPE_ACCEPTED(idf_weights);
    bool invert = false;
    Name output_mode = "int";
    bool pad_to_max_tokens = false;
    bool sparse = false;
    NNSHAPE_ACCEPTED(encoding);
    NNSHAPE_ACCEPTED(salt);
    NNSHAPE_ACCEPTED(oov_method);
    std::optional<std::int64_t> vocabulary_size{};
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "StringLookup";
    static constexpr void keras_config(auto& l, auto& key)
    {
        key("max_tokens", l.max_tokens);
        key("num_oov_indices", l.num_oov_indices);
        key("mask_token", l.mask_token);
        key("oov_token", l.oov_token);
        key("vocabulary", l.vocabulary);
        key("idf_weights", l.idf_weights);
        key("invert", l.invert);
        key("output_mode", l.output_mode);
        key("pad_to_max_tokens", l.pad_to_max_tokens);
        key("sparse", l.sparse);
        key("encoding", l.encoding);
        key("salt", l.salt);
        key("oov_method", l.oov_method);
        key("vocabulary_size", l.vocabulary_size);
    }
    static constexpr detail::Analyses analyses{.cost = detail::no_arithmetic, .field = detail::no_field};

    constexpr Shape output_shape(const Shape& in) const
    {
        return detail::lookup_output(in, detail::IndexLookupArgs<Name>{max_tokens, num_oov_indices, mask_token,
                                                                       oov_token, vocabulary, invert, output_mode,
                                                                       pad_to_max_tokens, sparse, vocabulary_size});
    }
};

// Keras's IntegerLookup, as StringLookup with integer tokens.
struct IntegerLookup {
    std::optional<std::int64_t> max_tokens{};
    std::int64_t num_oov_indices = 1;
    std::optional<std::int64_t> mask_token{};
    std::optional<std::int64_t> oov_token = -1;
    detail::IntegerVocabulary vocabulary{};
    Name vocabulary_dtype = "int64";
    NNSHAPE_ACCEPTED(idf_weights);
    bool invert = false;
    Name output_mode = "int";
    bool sparse = false;
    bool pad_to_max_tokens = false;
    NNSHAPE_ACCEPTED(oov_method);
    NNSHAPE_ACCEPTED(salt);
    std::optional<std::int64_t> vocabulary_size{};
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "IntegerLookup";
    static constexpr void keras_config(auto& l, auto& key)
    {
        key("max_tokens", l.max_tokens);
        key("num_oov_indices", l.num_oov_indices);
        key("mask_token", l.mask_token);
        key("oov_token", l.oov_token);
        key("vocabulary", l.vocabulary);
        key("vocabulary_dtype", l.vocabulary_dtype);
        key("idf_weights", l.idf_weights);
        key("invert", l.invert);
        key("output_mode", l.output_mode);
        key("sparse", l.sparse);
        key("pad_to_max_tokens", l.pad_to_max_tokens);
        key("oov_method", l.oov_method);
        key("salt", l.salt);
        key("vocabulary_size", l.vocabulary_size);
    }
    static constexpr detail::Analyses analyses{.cost = detail::no_arithmetic, .field = detail::no_field};

    constexpr Shape output_shape(const Shape& in) const
    {
        detail::require(vocabulary_dtype.view() == "int64",
                        "IntegerLookup: Only `vocabulary_dtype='int64'` is supported at this time.");
        return detail::lookup_output(
            in, detail::IndexLookupArgs<std::int64_t>{max_tokens, num_oov_indices, mask_token, oov_token, vocabulary,
                                                      invert, output_mode, pad_to_max_tokens, sparse, vocabulary_size});
    }
};

// Keras's TextVectorization: strings split into tokens, looked up in a StringLookup whose mask token
// is "". `split` None (`std::nullopt`) keeps each string one token.
struct TextVectorization {
    std::optional<std::int64_t> max_tokens{};
    NNSHAPE_ACCEPTED(standardize);
    std::optional<Name> split = Name("whitespace");
    NNSHAPE_ACCEPTED(ngrams);
    Name output_mode = "int";
    std::optional<std::int64_t> output_sequence_length{};
    bool pad_to_max_tokens = false;
    detail::StringVocabulary vocabulary{};
    NNSHAPE_ACCEPTED(idf_weights);
    bool sparse = false;
    bool ragged = false;
    NNSHAPE_ACCEPTED(encoding);
    std::optional<std::int64_t> vocabulary_size{};
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "TextVectorization";
    static constexpr void keras_config(auto& l, auto& key)
    {
        key("max_tokens", l.max_tokens);
        key("standardize", l.standardize);
        key("split", l.split);
        key("ngrams", l.ngrams);
        key("output_mode", l.output_mode);
        key("output_sequence_length", l.output_sequence_length);
        key("pad_to_max_tokens", l.pad_to_max_tokens);
        key("vocabulary", l.vocabulary);
        key("idf_weights", l.idf_weights);
        key("sparse", l.sparse);
        key("ragged", l.ragged);
        key("encoding", l.encoding);
        key("vocabulary_size", l.vocabulary_size);
    }
    static constexpr detail::Analyses analyses{.cost = detail::no_arithmetic, .field = detail::no_field};

    constexpr Shape output_shape(const Shape& in) const
    {
        detail::require(!split || split->view() == "whitespace" || split->view() == "character",
                        "TextVectorization: Unknown value for `split` argument. Allowed values are: ('whitespace', "
                        "'character') or None.");
        const detail::Encoding mode = detail::encoding_of(output_mode);
        detail::require(mode == detail::Encoding::int_ || !output_sequence_length,
                        "TextVectorization: `output_sequence_length` must not be set if `output_mode` is not 'int'.");
        detail::require(mode == detail::Encoding::int_ || !ragged,
                        "TextVectorization: `ragged` must not be true if `output_mode` is not `'int'`.");
        detail::require(in.rank() > 0, "TextVectorization: expected a batch of strings, not a scalar.");
        const std::optional<Name> mask = Name(""), oov = Name("[UNK]");
        Shape tokens = in;
        if (split || in.rank() <= 1) tokens.push_back(split ? None : Dim(1));
        const Shape looked_up = detail::lookup_output(
            tokens, detail::IndexLookupArgs<Name>{max_tokens, 1, mask, oov, vocabulary, false, output_mode,
                                                  pad_to_max_tokens, sparse, vocabulary_size});
        if (mode != detail::Encoding::int_) return looked_up;
        return Shape{in[0], output_sequence_length ? Dim(*output_sequence_length) : None};
    }
};

namespace detail {
using preprocessing_lookup_layers = type_list<CategoryEncoding, Hashing, Discretization, HashedCrossing, StringLookup,
                                              IntegerLookup, TextVectorization>;
} // namespace detail

} // namespace nnshape
