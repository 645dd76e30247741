#pragma once
// Argument types shared by the layers, spelled as in Keras: `padding = same`, `kernel_size = {3, 2}`,
// `data_format = channels_first`, and the keyword arguments every Keras layer accepts.

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string_view>
#include <type_traits>
#include <utility>

#include "detail/checked.hpp"
#include "detail/fixed_string.hpp"
#include "error.hpp"
#include "shape.hpp"

namespace nnshape {

enum class Padding : std::uint8_t { valid, same, causal };
inline constexpr Padding valid = Padding::valid;
inline constexpr Padding same = Padding::same;
inline constexpr Padding causal = Padding::causal;

enum class DataFormat : std::uint8_t { channels_last, channels_first };
inline constexpr DataFormat channels_last = DataFormat::channels_last;
inline constexpr DataFormat channels_first = DataFormat::channels_first;

constexpr std::string_view to_string(Padding p) { return p == valid ? "valid" : p == same ? "same" : "causal"; }

// Keras's `normalize_tuple`: an int, or exactly N ints (`kernel_size = 3` or `kernel_size = {3, 2}`).
template <std::size_t N>
class Ints {
public:
    constexpr Ints(std::int64_t v) : values_(filled(v)) {}
    constexpr Ints(std::initializer_list<std::int64_t> v) : values_(from_list(v)) {}
    constexpr std::int64_t operator[](std::size_t i) const { return values_[i]; }
    constexpr const std::int64_t* begin() const { return values_.data(); }
    constexpr const std::int64_t* end() const { return values_.data() + N; }
    constexpr std::int64_t product() const
    {
        std::int64_t p = 1;
        for (std::int64_t v : values_) p = detail::checked_mul(p, v);
        return p;
    }
    friend constexpr bool operator==(const Ints&, const Ints&) = default;

private:
    // Members are built in the initializer list, not assigned in the body: GCC 12 rejects assigning
    // to a member of a `const` layer during its constant-evaluated construction.
    static constexpr std::array<std::int64_t, N> filled(std::int64_t v)
    {
        std::array<std::int64_t, N> a{};
        a.fill(v);
        return a;
    }
    static constexpr std::array<std::int64_t, N> from_list(std::initializer_list<std::int64_t> v)
    {
        detail::require(v.size() == N, "argument: expected an int or a tuple of one int per spatial axis");
        std::array<std::int64_t, N> a{};
        std::ranges::copy(v, a.begin());
        return a;
    }

    std::array<std::int64_t, N> values_;
};

template <std::size_t N>
using OptionalInts = OptionalArg<Ints<N>, std::int64_t>;

// Padding or cropping amounts, in Keras's three forms: `2` (all sides), `{2, 3}` (symmetric per
// axis; for a 1D layer Keras reads two ints as `(left, right)`), `{{top, bottom}, {left, right}}`.
template <std::size_t N>
class Pads {
public:
    using Pair = std::array<std::int64_t, 2>;

    constexpr Pads(std::int64_t v) : pairs_(symmetric({v})) {}
    constexpr Pads(std::initializer_list<std::int64_t> v) : pairs_(symmetric(v)) {}
    constexpr Pads(std::initializer_list<Pair> v) : pairs_(checked(v)) {}
    constexpr const Pair& operator[](std::size_t i) const { return pairs_[i]; }
    constexpr std::int64_t total(std::size_t i) const { return detail::checked_add(pairs_[i][0], pairs_[i][1]); }
    constexpr bool non_negative() const
    {
        return std::ranges::all_of(pairs_, [](const Pair& p) { return p[0] >= 0 && p[1] >= 0; });
    }

private:
    // One int for all axes, or one per axis, as (v, v) pairs.
    static constexpr std::array<Pair, N> symmetric(std::initializer_list<std::int64_t> v)
    {
        detail::require(v.size() == 1 || v.size() == N || (N == 1 && v.size() == 2),
                        "padding/cropping: expected an int, one int per spatial "
                        "axis, or one (before, after) pair per spatial axis");
        // Read from a copy bounded by both sizes: GCC 12 at -O2 (-Warray-bounds) does not take the check
        // above as closing the paths where a reader makes Pads from a tuple of every other length.
        std::array<std::int64_t, (N > 2 ? N : 2)> given{};
        for (std::size_t i = 0; i < v.size() && i < given.size(); ++i) given[i] = v.begin()[i];
        std::array<Pair, N> a{};
        if (N == 1 && v.size() == 2) { // Keras's 1D form `(left, right)`
            a[0] = Pair{given[0], given[1]};
            return a;
        }
        for (std::size_t i = 0; i < N; ++i) a[i] = Pair{given[v.size() == 1 ? 0 : i], given[v.size() == 1 ? 0 : i]};
        return a;
    }
    static constexpr std::array<Pair, N> checked(std::initializer_list<Pair> v)
    {
        detail::require(v.size() == N, "padding/cropping: expected an int, one int per spatial axis, or one "
                                       "(before, after) pair per spatial axis");
        std::array<Pair, N> a{};
        std::ranges::copy(v, a.begin());
        return a;
    }

    std::array<Pair, N> pairs_;
};

// A tuple of ints of any length below the maximum rank: Permute's `dims`, Reshape's `target_shape`.
class IntTuple {
public:
    constexpr IntTuple(std::initializer_list<std::int64_t> values) : values_(from_list(values)), size_(values.size()) {}
    constexpr std::size_t size() const { return size_; }
    constexpr std::int64_t operator[](std::size_t i) const { return values_[i]; }

private:
    static constexpr std::array<std::int64_t, Shape::max_rank> from_list(std::initializer_list<std::int64_t> v)
    {
        detail::require(v.size() < Shape::max_rank, "argument: a tuple longer than the maximum rank allows");
        std::array<std::int64_t, Shape::max_rank> a{};
        std::ranges::copy(v, a.begin());
        return a;
    }

    std::array<std::int64_t, Shape::max_rank> values_;
    std::size_t size_;
};

namespace detail {

// An argument Keras takes as an int or a tuple: `.output_shape = 64`, `.output_shape = {None, 64}`,
// `.attention_axes = {2, 3}`.
template <class Element>
class TupleArg {
public:
    constexpr TupleArg(std::int64_t value) : values_{Element(value)}, size_(1) {}
    constexpr TupleArg(std::initializer_list<Element> values) : values_(from_list(values)), size_(values.size()) {}
    constexpr std::size_t size() const { return size_; }
    constexpr Element operator[](std::size_t i) const { return values_[i]; }

private:
    static constexpr std::array<Element, Shape::max_rank> from_list(std::initializer_list<Element> v)
    {
        require(v.size() < Shape::max_rank, "argument: a tuple longer than the maximum rank allows");
        std::array<Element, Shape::max_rank> a{};
        std::ranges::copy(v, a.begin());
        return a;
    }

    std::array<Element, Shape::max_rank> values_;
    std::size_t size_;
};

// Keras's "an int or a list/tuple of ints" axis argument: `.axis = -1` or `.axis = {1, 2}`; `{}` is an
// empty list (Keras's `None` where a layer reads None as no axes).
using Axes = TupleArg<std::int64_t>;

} // namespace detail

namespace detail {

template <class T>
concept AcceptedValue = std::is_arithmetic_v<std::remove_cvref_t<T>> || std::is_convertible_v<T, std::string_view> ||
                        std::is_same_v<std::remove_cvref_t<T>, std::nullptr_t>;

// A Keras argument that changes no shape, weight count or analysis (initializers, regularizers,
// constraints, epsilon, momentum, dropout rates, seeds, dtype, ...): accepted as Keras code passes it
// (`.kernel_initializer = "he_normal"`, `.epsilon = 1e-6`, `.seed = nullptr` for None, a tuple such as
// Dropout's `.noise_shape = {None, 1, 64}` or RandomRotation's `.factor = {-0.2, 0.3}`) and not stored, so it costs a
// layer record nothing. `Line` gives each member its own type: [[no_unique_address]] can give several empty members no
// storage only when no two share a type.
template <int Line>
struct Accepted {
    constexpr Accepted() = default;
    template <AcceptedValue T>
    constexpr Accepted(T&&) noexcept
    {
    }
    constexpr Accepted(std::initializer_list<Dim>) noexcept {}
    constexpr Accepted(std::initializer_list<double>) noexcept {} // `.factor = {-0.2, 0.3}`
    friend constexpr bool operator==(Accepted, Accepted) = default;
};

// A Keras argument whose only value nnshape can honour is None (`quantization_config`): anything else
// would change the weights in a way nnshape does not model, so it does not compile.
template <int Line>
struct OnlyNone {
    constexpr OnlyNone() = default;
    constexpr OnlyNone(std::nullptr_t) noexcept {}
    friend constexpr bool operator==(OnlyNone, OnlyNone) = default;
};

template <class T>
inline constexpr bool is_accepted = false;
template <int Line>
inline constexpr bool is_accepted<Accepted<Line>> = true;

} // namespace detail

using Name = detail::fixed_string<63>;

// Keras's `name` and `trainable` arguments of a Model or Sequential.
struct ModelArgs {
    Name name{};
    bool trainable = true;
};

// A Keras activation by name ("relu", "softmax", ...); empty is Keras's None, the identity ("linear").
// Shapes and weights do not depend on it: diagrams show it and FLOPs count a softmax.
// Its own type (not a Name) so that readers know the key holds an activation, which Keras may serialize
// as a function object.
struct ActivationName : detail::fixed_string<31> {
    using detail::fixed_string<31>::fixed_string;
};

class Tensor;
class Tensors;

namespace detail {

// Keras's `training` call argument, None, True or False: it changes no shape or weight, so it is
// checked and not stored. Only a bool or `nullptr` (None), as Keras's `training` takes no other value.
struct Training {
    constexpr Training() = default;
    constexpr Training(std::nullptr_t) noexcept {}
    template <class B>
        requires std::is_same_v<B, bool>
    constexpr Training(B) noexcept
    {
    }
    friend constexpr bool operator==(Training, Training) = default;
};

// Keras's call arguments after a layer's (or model's) inputs: `layer(x, {.training = false})`,
// `lstm(x, {.initial_state = {h, c}})`. `initial_state` and `constants` belong to the recurrent layers
// (layers/recurrent_call.hpp); any other layer, and a model, refuses them as Keras does.
// `TensorList` is always nnshape::Tensors (nnshape::CallArgs); a template so that layer headers need
// not include the functional API (functional.hpp), which completes the type where a call is made.
template <class TensorList>
struct CallArgs {
    TensorList initial_state = TensorList{};
    // Keras 2's external constants for a cell whose call takes them; none of nnshape's cells does.
    TensorList constants = TensorList{};
    [[no_unique_address]] Training training{};
};

// Calls a layer value on tensors of a functional Graph (defined in functional.hpp).
template <class L>
constexpr Tensors call_on(const L& layer, const Tensors& inputs);
template <class L>
constexpr Tensors call_on(const L& layer, const Tensor& input);
template <class L>
constexpr Tensors call_on(const L& layer, const Tensors& inputs, const CallArgs<Tensors>& args);

} // namespace detail

// Weight counts of one layer, as Keras splits them.
struct Params {
    std::int64_t trainable = 0;
    std::int64_t non_trainable = 0;

    constexpr std::int64_t total() const { return detail::checked_add(trainable, non_trainable); }
    friend constexpr Params operator+(Params a, Params b)
    {
        return {detail::checked_add(a.trainable, b.trainable), detail::checked_add(a.non_trainable, b.non_trainable)};
    }
    friend constexpr bool operator==(Params, Params) = default;
};

namespace detail {

// The weights of a layer whose kernel has `rows` x `cols` values (its leading axes flattened into
// rows), plus `others` (its bias), under Keras 3's `enable_lora(rank)`: the kernel is frozen, and
// lora_kernel_a (rows, rank) and lora_kernel_b (rank, cols) train. No rank, or 0, is no LoRA (Keras's
// `if self.lora_rank:`).
template <class Rank>
constexpr Params with_lora(std::int64_t rows, std::int64_t cols, const std::optional<Rank>& rank, std::int64_t others)
{
    const std::int64_t kernel = checked_mul(rows, cols);
    if (!rank || *rank == 0) return {checked_add(kernel, others)};
    return {checked_add(checked_mul(std::int64_t(*rank), checked_add(rows, cols)), others), kernel};
}

} // namespace detail

} // namespace nnshape

// A member for a Keras argument that nnshape accepts and does not store (detail::Accepted). One per line.
#define NNSHAPE_ACCEPTED(keras_name) \
    [[no_unique_address]] ::nnshape::detail::Accepted<__LINE__> keras_name {}
// A member for a Keras argument that nnshape takes only as None (detail::OnlyNone). One per line.
#define NNSHAPE_ONLY_NONE(keras_name) \
    [[no_unique_address]] ::nnshape::detail::OnlyNone<__LINE__> keras_name {}

// The keyword arguments every Keras layer takes, last in each layer's aggregate so that designated
// initializers read like the Keras call: `Dense{.units = 32, .input_shape = {16}}`.
// `input_shape`, `batch_size` and `batch_input_shape` matter only on the first layer of a Sequential;
// `dtype` is accepted and not stored.
//
// Calling a layer value on tensors adds a new layer to the tensors' Graph, so only a temporary may be
// called: a named value called twice would silently be two layers with two sets of weights, where
// Keras would share one. `graph.add(layer)` gives a layer to call several times.
#define NNSHAPE_LAYER_KWARGS NNSHAPE_LAYER_KWARGS_TRAINABLE_BY_DEFAULT(true)
// The same for a layer that Keras makes untrainable by default (RandomFourierFeatures: false).
#define NNSHAPE_LAYER_KWARGS_TRAINABLE_BY_DEFAULT(trainable_default)                                     \
    ::nnshape::Name name{};                                                                              \
    bool trainable = trainable_default;                                                                  \
    NNSHAPE_ACCEPTED(dtype);                                                                             \
    ::nnshape::OptionalShape input_shape{};                                                              \
    std::optional<std::int64_t> batch_size{};                                                            \
    ::nnshape::OptionalShape batch_input_shape{};                                                        \
                                                                                                         \
    template <class T = ::nnshape::Tensors>                                                              \
    constexpr T operator()(const std::type_identity_t<T>& inputs)&&                                      \
    {                                                                                                    \
        return ::nnshape::detail::call_on(std::move(*this), inputs);                                     \
    }                                                                                                    \
    /* One tensor, the common call: no Tensors made for it (nor a copy of its handle). */                \
    template <class T = ::nnshape::Tensor>                                                               \
    constexpr auto operator()(const std::type_identity_t<T>& input)&&                                    \
    {                                                                                                    \
        return ::nnshape::detail::call_on(std::move(*this), input);                                      \
    }                                                                                                    \
    template <class T = ::nnshape::Tensors>                                                              \
    constexpr void operator()(const std::type_identity_t<T>&) const&                                     \
    {                                                                                                    \
        static_assert(sizeof(T) == 0, "nnshape: a named layer value cannot be called: every call would " \
                                      "make a new layer. Call a temporary, or use graph.add(layer) "     \
                                      "for one layer called several times (shared weights).");           \
    }                                                                                                    \
    /* With Keras's call arguments: `Dropout{...}(x, {.training = true})`. */                            \
    template <class T = ::nnshape::Tensors>                                                              \
    constexpr T operator()(const std::type_identity_t<T>& inputs,                                        \
                           const ::nnshape::detail::CallArgs<std::type_identity_t<T>>& args)&&           \
    {                                                                                                    \
        return ::nnshape::detail::call_on(std::move(*this), inputs, args);                               \
    }                                                                                                    \
    template <class T = ::nnshape::Tensors>                                                              \
    constexpr void operator()(const std::type_identity_t<T>& inputs,                                     \
                              const ::nnshape::detail::CallArgs<std::type_identity_t<T>>&) const&        \
    {                                                                                                    \
        this->template operator()<T>(inputs);                                                            \
    }
