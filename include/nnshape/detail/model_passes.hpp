#pragma once
// Keras's Network construction as passes over a Graph's records, which Graph::build_model_data runs
// in sequence: walk back from the outputs, depths, layer order, the check that the inputs suffice,
// unique names, and the summary's layout.
//
// Their loops are linear where they can be (a counting sort, names compared by hash): each step
// counts against a constant evaluation's budget, and a model's construction is part of every
// static_assert on it.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>

#include "../error.hpp"
#include "fixed_list.hpp"
#include "graph_records.hpp"

namespace nnshape::detail {

// `items` ordered by decreasing `depth[item]`, keeping their order within a depth. A counting sort:
// linear, where std::sort would cost N log N steps of a constant evaluation's budget.
constexpr FixedList<std::int32_t> deepest_first(const FixedList<std::int32_t>& items,
                                                const FixedList<std::int32_t>& depth)
{
    std::int32_t deepest = 0;
    for (std::int32_t i : items) deepest = depth[std::size_t(i)] > deepest ? depth[std::size_t(i)] : deepest;
    FixedList<std::int32_t> start(std::size_t(deepest) + 2, std::size_t(deepest) + 2);
    for (std::int32_t i : items) ++start[std::size_t(deepest - depth[std::size_t(i)]) + 1];
    for (std::size_t d = 1; d < start.size(); ++d) start[d] += start[d - 1];
    FixedList<std::int32_t> out(items.size(), items.size());
    for (std::int32_t i : items) out[std::size_t(start[std::size_t(deepest - depth[std::size_t(i)])]++)] = i;
    return out;
}

// ---- walk back from the outputs -----------------------------------------------------------------

// What the outputs depend on.
struct Reached {
    FixedList<std::int32_t> post_order; // nodes, each after the nodes whose outputs it reads
    FixedList<std::int32_t> nodes; // ascending ids, which is a topological order
    FixedList<std::int32_t> layers; // in the order the walk first visits them
    FixedList<std::int32_t> sources; // the nodes without inbound tensors (Inputs), which the model must be given
};

// The positions of the set flags.
constexpr FixedList<std::int32_t> flagged(const FixedList<bool>& flags, std::size_t count)
{
    FixedList<std::int32_t> out(count);
    for (std::size_t i = 0; i < flags.size(); ++i)
        if (flags[i]) out.push_back(std::int32_t(i));
    return out;
}

// A depth-first walk from each output through the nodes' inbound tensors.
constexpr Reached walk_from_outputs(const GraphRecords& g, std::span<const NodeOutput> outputs)
{
    Reached r{FixedList<std::int32_t>(g.node_count()),
              {},
              FixedList<std::int32_t>(g.layer_count()),
              FixedList<std::int32_t>(g.node_count())};
    FixedList<bool> node_seen(g.node_count(), g.node_count()), layer_seen(g.layer_count(), g.layer_count());
    struct Frame {
        std::int32_t node;
        std::int32_t next_input;
    };
    FixedList<Frame> stack(g.node_count());
    const auto enter = [&](std::int32_t node) {
        if (node_seen[std::size_t(node)]) return;
        node_seen[std::size_t(node)] = 1;
        const Node& n = g.node(node);
        if (n.input_count == 0) r.sources.push_back(node);
        const std::int32_t layer = n.layer;
        if (!layer_seen[std::size_t(layer)]) r.layers.push_back(layer);
        layer_seen[std::size_t(layer)] = 1;
        stack.push_back({node, 0});
    };
    for (const NodeOutput& out : outputs) {
        enter(out.node);
        while (!stack.empty()) {
            Frame& f = stack.back();
            const Node& n = g.node(f.node);
            if (f.next_input < n.input_count) {
                enter(g.input(n, f.next_input++).node);
            } else {
                r.post_order.push_back(f.node);
                stack.pop_back();
            }
        }
    }
    r.nodes = flagged(node_seen, r.post_order.size());
    return r;
}

// ---- depths -------------------------------------------------------------------------------------

// Keras's depths, counted from the outputs back.
struct Depths {
    FixedList<std::int32_t> node; // -1 for a node the outputs do not depend on
    FixedList<std::int32_t> layer;
    FixedList<std::int32_t> first_set; // nodes in the order they got a depth: Python's nodes_depths order
};

// `size` values of -1.
constexpr FixedList<std::int32_t> unset(std::size_t size)
{
    FixedList<std::int32_t> out(size, size);
    for (std::int32_t& v : out) v = -1;
    return out;
}

// A node is one deeper than the deepest node reading it; a shared layer takes the greatest depth of
// its nodes seen so far, and passes it on to the node at hand.
constexpr Depths depths_from_outputs(const GraphRecords& g, const FixedList<std::int32_t>& post_order)
{
    Depths d{unset(g.node_count()), unset(g.layer_count()), FixedList<std::int32_t>(post_order.size())};
    const auto set_depth = [&](std::int32_t node, std::int32_t depth) {
        std::int32_t& at = d.node[std::size_t(node)];
        if (at < 0) d.first_set.push_back(node);
        at = depth;
    };
    for (std::size_t i = post_order.size(); i-- > 0;) {
        const std::int32_t id = post_order[i];
        const Node& n = g.node(id);
        std::int32_t& layer_depth = d.layer[std::size_t(n.layer)];
        const std::int32_t own = d.node[std::size_t(id)];
        const std::int32_t depth = own > layer_depth ? own : layer_depth > 0 ? layer_depth : 0;
        layer_depth = depth;
        set_depth(id, depth);
        for (std::int32_t i = 0; i < n.input_count; ++i) {
            const std::int32_t from = g.input(n, i).node;
            const std::int32_t known = d.node[std::size_t(from)];
            set_depth(from, known > depth + 1 ? known : depth + 1);
        }
    }
    return d;
}

// ---- the inputs suffice -------------------------------------------------------------------------

inline std::string layer_name_of(const GraphRecords& g, std::int32_t node)
{
    return std::string(g.name(g.node(node).layer).render().view());
}

// `dense_1[0][0] with shape (None, 4)`
inline std::string describe_tensor(const GraphRecords& g, NodeOutput t)
{
    const Node& n = g.node(t.node);
    return layer_name_of(g, t.node) + "[" + std::to_string(n.node_index) + "][" + std::to_string(t.index) +
           "] with shape " + to_string(g.outputs(n)[std::size_t(t.index)]);
}

// Keras's message: the tensor node `node` cannot obtain, and the layers of the nodes computed before it.
inline std::string graph_disconnected(const GraphRecords& g, NodeOutput tensor, std::int32_t node,
                                      std::span<const std::int32_t> computed)
{
    std::string previous;
    for (std::int32_t id : computed) previous += (previous.empty() ? "'" : ", '") + layer_name_of(g, id) + "'";
    return "Model: Graph disconnected: cannot obtain value for tensor " + describe_tensor(g, tensor) + " at layer \"" +
           layer_name_of(g, node) + "\". The following previous layers were accessed without issue: [" + previous + "]";
}

// What node `id` lacks: itself if it is an Input the model is not given, else its first inbound
// tensor from a node not computable yet.
constexpr std::optional<NodeOutput> missing_input(const GraphRecords& g, std::int32_t id,
                                                  std::span<const NodeOutput> model_inputs,
                                                  const FixedList<bool>& computable)
{
    const Node& n = g.node(id);
    if (n.input_count == 0) {
        const NodeOutput self{id, 0};
        if (std::ranges::find(model_inputs, self) == model_inputs.end()) return self;
        return std::nullopt;
    }
    for (const NodeOutput& r : g.inputs(n))
        if (!computable[std::size_t(r.node)]) return r;
    return std::nullopt;
}

// Keras's check, node by node deepest first: each must get its inputs from the model's inputs or
// from earlier nodes; the first that cannot is reported with the layers computed before it.
constexpr void require_connected_in_order(const GraphRecords& g, std::span<const NodeOutput> model_inputs,
                                          const Depths& depths)
{
    const FixedList<std::int32_t> order = deepest_first(depths.first_set, depths.node);
    FixedList<bool> computable(g.node_count(), g.node_count());
    for (std::size_t i = 0; i < order.size(); ++i) {
        const std::optional<NodeOutput> missing = missing_input(g, order[i], model_inputs, computable);
        require_with(!missing,
                     "Model: Graph disconnected: cannot obtain the value of a tensor the outputs need from the given "
                     "inputs",
                     [&] { return graph_disconnected(g, *missing, order[i], {order.begin(), i}); });
        computable[std::size_t(order[i])] = 1;
    }
}

// Every node the outputs need, deepest first, must get its inputs from the model's inputs or from
// earlier nodes. A node's inbound tensors come from deeper nodes, checked before it: only a node
// without inbound tensors (an Input, one of the walk's `sources`) that the model is not given can
// fail, so the nodes are checked in order only then, for Keras's message.
constexpr void require_connected(const GraphRecords& g, std::span<const NodeOutput> model_inputs,
                                 const FixedList<std::int32_t>& sources, const Depths& depths)
{
    for (std::int32_t id : sources) {
        if (std::ranges::find(model_inputs, NodeOutput{id, 0}) == model_inputs.end())
            require_connected_in_order(g, model_inputs, depths);
    }
}

// ---- unique names -------------------------------------------------------------------------------

// FNV-1a: name comparisons by hash, so that checking a model's names costs a few steps per character
// of a constant evaluation rather than a string comparison per pair.
constexpr std::uint64_t name_hash(std::string_view s)
{
    std::uint64_t h = 14695981039346656037u;
    for (char c : s) h = (h ^ std::uint8_t(c)) * 1099511628211u;
    return h;
}

// The number a Keras 2 automatic name ends with (`conv2d_12`: 12), or -1 if `name` has not that form.
constexpr std::int64_t automatic_ordinal(std::string_view name)
{
    std::int64_t value = 0, scale = 1;
    std::size_t i = name.size();
    for (; i > 0 && name[i - 1] >= '0' && name[i - 1] <= '9' && scale <= 1'000'000'000'000; --i, scale *= 10)
        value += (name[i - 1] - '0') * scale;
    return i > 1 && i < name.size() && name[i - 1] == '_' ? value : -1;
}

struct NameKey {
    std::uint64_t hash; // or an automatic name's number
    std::int32_t layer;
};

// The model's unnamed layers by their automatic numbers. Sorting them costs a constant evaluation
// about 400 steps per layer: only done when a given name of automatic form needs them (most models
// have none).
constexpr FixedList<NameKey> automatic_names(const GraphRecords& g, const FixedList<std::int32_t>& layers)
{
    FixedList<NameKey> unnamed(layers.size());
    for (std::int32_t l : layers) {
        if (const GraphLayer& layer = g.layer(l); !layer.named)
            unnamed.push_back({std::uint64_t(layer.number.ordinal), l});
    }
    std::ranges::sort(unnamed, {}, &NameKey::hash);
    return unnamed;
}

inline std::string duplicate_name(std::string_view name)
{
    return "Model: The name \"" + std::string(name) +
           "\" is used more than once in the model. All layer names should be unique.";
}

// The given names, in the model's layer order, each compared with the earlier ones of the same hash:
// a table of the hashes seen (open addressing, at most half full) costs a few steps per name where
// sorting them cost a constant evaluation N log N comparisons (6% of InceptionResNetV2's steps).
constexpr void require_distinct_given(const GraphRecords& g, const FixedList<std::int32_t>& named)
{
    std::size_t capacity = 1;
    while (capacity < 2 * named.size()) capacity *= 2;
    struct Slot {
        std::uint64_t hash;
        std::int32_t layer_plus_one; // 0: empty (the table is zero-filled)
    };
    FixedList<Slot> seen(capacity, capacity);
    for (std::int32_t l : named) {
        const std::string_view name = g.given_name(l);
        const std::uint64_t hash = name_hash(name);
        std::size_t at = std::size_t(hash) & (capacity - 1);
        for (; seen[at].layer_plus_one != 0; at = (at + 1) & (capacity - 1)) {
            if (seen[at].hash == hash)
                require_with(name != g.given_name(seen[at].layer_plus_one - 1),
                             "Model: All layer names should be unique.", [&] { return duplicate_name(name); });
        }
        seen[at] = {hash, l + 1};
    }
}

// A given name of automatic form (`dense_3`) can only clash with an unnamed layer of the same number.
constexpr void require_given_not_automatic(const GraphRecords& g, const FixedList<std::int32_t>& layers,
                                           const FixedList<std::int32_t>& named)
{
    std::optional<FixedList<NameKey>> unnamed;
    for (std::int32_t l : named) {
        const std::string_view name = g.given_name(l);
        const std::int64_t ordinal = automatic_ordinal(name);
        if (ordinal < 0) continue;
        if (!unnamed) unnamed.emplace(automatic_names(g, layers));
        const auto [first, last] = std::ranges::equal_range(*unnamed, std::uint64_t(ordinal), {}, &NameKey::hash);
        for (auto it = first; it != last; ++it) {
            const Name automatic = g.name(it->layer).render();
            require_with(automatic.view() != name, "Model: All layer names should be unique.",
                         [&] { return duplicate_name(automatic.view()); });
        }
    }
}

// Names must be unique within a model. Automatic names never repeat one another, so given names are
// compared with each other and with the automatic names of the same number.
constexpr void require_unique_names(const GraphRecords& g, const FixedList<std::int32_t>& layers)
{
    FixedList<std::int32_t> named(layers.size());
    for (std::int32_t l : layers)
        if (g.layer(l).named) named.push_back(l);
    require_distinct_given(g, named);
    require_given_not_automatic(g, layers, named);
}

// ---- the summary's layout -----------------------------------------------------------------------

// Keras 2's summary layout: a chain of single nodes with one inbound tensor each, no shared layer.
constexpr bool is_chain(const GraphRecords& g, const FixedList<std::int32_t>& nodes,
                        const FixedList<std::int32_t>& node_depth)
{
    FixedList<std::int32_t> per_depth(g.node_count() + 1, g.node_count() + 1),
        per_layer(g.layer_count(), g.layer_count());
    for (std::int32_t id : nodes) {
        const Node& n = g.node(id);
        if (++per_depth[std::size_t(node_depth[std::size_t(id)])] > 1 || ++per_layer[std::size_t(n.layer)] > 1 ||
            n.input_count > 1)
            return false;
    }
    return true;
}

} // namespace nnshape::detail
