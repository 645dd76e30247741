// Every built-in layer class (nnshape::detail::layer_list) has at least one harness case: a class
// without one fails the build in `has_a_case<L>`, whose instantiation names the class. And every
// class's keras_config lists its arguments in its members' order, which is the order designated
// initializers must follow and the order docs/layer-reference.md shows.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "cases/activations.hpp"
#include "cases/attention.hpp"
#include "cases/convolutional.hpp"
#include "cases/convolutional_recurrent.hpp"
#include "cases/core.hpp"
#include "cases/locally_connected.hpp"
#include "cases/merging.hpp"
#include "cases/normalization.hpp"
#include "cases/opaque.hpp"
#include "cases/ops.hpp"
#include "cases/pooling.hpp"
#include "cases/preprocessing.hpp"
#include "cases/recurrent.hpp"
#include "cases/regularization.hpp"
#include "cases/reshaping.hpp"
#include "cases/wrappers.hpp"

namespace nnshape::harness {

constexpr Coverage covered_classes()
{
    Coverage c;
    core_cases(c);
    activations_cases(c);
    regularization_cases(c);
    reshaping_cases(c);
    convolutional_cases(c);
    convolutional_variant_cases(c);
    pooling_cases(c);
    adaptive_pooling_cases(c);
    locally_connected_cases(c);
    recurrent_cases(c);
    rnn_cell_cases(c);
    cudnn_recurrent_cases(c);
    convolutional_recurrent_cases(c);
    wrappers_cases(c);
    attention_cases(c);
    attention_scored_cases(c);
    attention_score_and_gate_cases(c);
    normalization_cases(c);
    merging_cases(c);
    preprocessing_cases(c);
    ops_cases(c);
    opaque_cases(c);
    normalization_statistics_cases(c);
    preprocessing_lookup_cases(c);
    vocabulary_cases(c);
    augmentation_cases(c);
    audio_preprocessing_cases(c);
    return c;
}
inline constexpr Coverage coverage = covered_classes();

template <class L>
constexpr bool has_a_case()
{
    static_assert(coverage.covers(L::class_name), "this layer class has no case in tests/harness/cases/");
    return true;
}

template <class... L>
constexpr bool every_class_has_a_case(detail::type_list<L...>)
{
    return (has_a_case<L>() && ...);
}
static_assert(every_class_has_a_case(detail::layer_list{}));

// The `key` of keras_config that notes where each stored member lives; accepted arguments have no
// storage (they may share any address) and are skipped.
struct MemberOffsets {
    const std::byte* layer;
    std::string& out_of_order; // "previous key > key" for the first key found before its predecessor
    mutable std::ptrdiff_t last = -1;
    mutable std::string_view last_key{};

    template <class T>
    void operator()(std::string_view key, const T& member, detail::KeyTraits = {}) const
    {
        if constexpr (!detail::is_accepted<T> && !std::is_empty_v<T>) {
            const std::ptrdiff_t offset = reinterpret_cast<const std::byte*>(&member) - layer;
            if (offset < last && out_of_order.empty())
                out_of_order = std::string(last_key) + " is declared after " + std::string(key);
            last = offset;
            last_key = key;
        }
    }
    void refused(std::string_view, std::string_view) const {}
};

// Not a template: the check's doctest expansion is compiled once, not once per class.
void expect_in_order(std::string_view class_name, const std::string& error)
{
    const std::string message = std::string(class_name) + ": " + error;
    CHECK_MESSAGE(error.empty(), message);
}

template <class L>
void check_argument_order()
{
    const L layer{};
    std::string error;
    const MemberOffsets offsets{reinterpret_cast<const std::byte*>(&layer), error};
    L::keras_config(layer, offsets);
    expect_in_order(L::class_name, error);
}

TEST_CASE("harness: each layer's keras_config follows its members' order")
{
    []<class... L>(detail::type_list<L...>) { (check_argument_order<L>(), ...); }(detail::layer_list{});
}

} // namespace nnshape::harness
