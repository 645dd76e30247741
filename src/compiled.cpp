// nnshape::compiled: the run-time instantiations of report(), summary() and model_to_dot() for a
// functional Model and for Sequential<>, compiled once. The headers declare them `extern template` when
// NNSHAPE_COMPILED_LIBRARY is defined (the target defines it for its users), so a program that links
// this library does not compile them in each of its translation units; constant evaluation is
// unchanged. Header-only use needs nothing of it.
#include <nnshape/plot.hpp>
#include <nnshape/report.hpp>
#include <nnshape/summary.hpp>

namespace nnshape {

template Report detail::model_report(const Model&, const ReportOptions&);
template Report report(const Sequential<>&, const ReportOptions&);
template std::string detail::summary_of(const Model&, const SummaryOptions&);
template std::string detail::summary_of(const Sequential<>&, const SummaryOptions&);
template std::string detail::dot_of(const Model&, const PlotOptions&);
template std::string detail::dot_of(const Sequential<>&, const PlotOptions&);
template class detail::BasicGraphCore<void>;

} // namespace nnshape
