#pragma once
// The names by which tools spell an option's values (`--style keras3`, `--columns macs,flops`): one
// constexpr table per option, next to the enum it names, of {name, value, description}. A command
// line reads a value with value_named() and lists the table in its help, so a new value reaches the
// tool without a change to it. Standard library only.

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace nnshape {

template <class Value>
struct NamedValue {
    std::string_view name;
    Value value;
    std::string_view description;
};

// The value `table` calls `name`, if any.
template <class Value, std::size_t N>
constexpr std::optional<Value> value_named(const std::array<NamedValue<Value>, N>& table, std::string_view name)
{
    for (const NamedValue<Value>& entry : table)
        if (entry.name == name) return entry.value;
    return std::nullopt;
}

} // namespace nnshape
