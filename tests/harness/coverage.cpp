// Every built-in layer class (nnshape::detail::layer_list) has at least one harness case: a class
// without one fails the build in `has_a_case<L>`, whose instantiation names the class.
#include "cases/activations.hpp"
#include "cases/attention.hpp"
#include "cases/convolutional.hpp"
#include "cases/convolutional_recurrent.hpp"
#include "cases/core.hpp"
#include "cases/locally_connected.hpp"
#include "cases/merging.hpp"
#include "cases/normalization.hpp"
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
    locally_connected_cases(c);
    recurrent_cases(c);
    rnn_cell_cases(c);
    convolutional_recurrent_cases(c);
    wrappers_cases(c);
    attention_cases(c);
    attention_scored_cases(c);
    attention_score_and_gate_cases(c);
    normalization_cases(c);
    merging_cases(c);
    preprocessing_cases(c);
    normalization_statistics_cases(c);
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

} // namespace nnshape::harness
