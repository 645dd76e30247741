// Every built-in layer class states in its header how its cost is counted (`analyses.cost`), and one
// that says `by_rule` has its rule in analysis/layer_costs.hpp (or, for a wrapper, its own `cost`):
// a class added without that decision stops the build here, naming the class, where its cost would
// otherwise read as unknown. (Checked here once, not in every translation unit that counts costs.)
// This file compiling is the test.
#include <nnshape/analysis/layer_costs.hpp>
#include <nnshape/layer.hpp>

#include <span>

namespace static_analysis_layer_costs_test {

namespace {
using namespace nnshape;

template <class L>
constexpr bool cost_decided()
{
    static_assert(requires { L::analyses.cost; }, "every built-in layer states `analyses` (detail/layer_facts.hpp)");
    static_assert(L::analyses.cost == detail::no_arithmetic || L::analyses.cost == detail::by_rule,
                  "a layer's analyses.cost is no_arithmetic or by_rule");
    static_assert(
        detail::CostedLayer<L> || requires(const L& l, std::span<const Shape> s) { detail::layer_cost(l, s, s); },
        "a layer whose analyses say `.cost = by_rule` needs its layer_cost rule in "
        "analysis/layer_costs.hpp");
    return true;
}
template <class... L>
constexpr bool every_cost_decided(detail::type_list<L...>)
{
    return (cost_decided<L>() && ...);
}
static_assert(every_cost_decided(detail::layer_list{}));

} // namespace

} // namespace static_analysis_layer_costs_test
