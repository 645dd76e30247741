#pragma once
// operator<< for iostreams: a Dim or Shape prints as Python's repr (`None`, `(None, 3)`), a Sequential
// or Model as its Keras 2 summary.

#include <concepts>
#include <cstddef>
#include <ostream>

#include "summary.hpp"

namespace nnshape {

// A template so that nothing converts to Dim to reach it: `os << 3` stays the integer overload.
template <std::same_as<Dim> D>
std::ostream& operator<<(std::ostream& os, D d)
{
    return os << to_string(d);
}

inline std::ostream& operator<<(std::ostream& os, const Shape& s) { return os << to_string(s); }

template <std::size_t N, class LayerT>
std::ostream& operator<<(std::ostream& os, const Sequential<N, LayerT>& m)
{
    return os << summary(m);
}

inline std::ostream& operator<<(std::ostream& os, const Model& m) { return os << summary(m); }

} // namespace nnshape
