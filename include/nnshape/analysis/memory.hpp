#pragma once
// Memory of a model: weight bytes by dtype (Keras 3's "Total params: 2,112 (8.25 KB)"), the bytes of
// every activation for a batch size, their sum over a forward pass, and the peak of the activations
// alive at once when each tensor is freed after its last use. docs/conventions.md says what each
// number includes.

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "../trace.hpp"

namespace nnshape {

// Element types, with Keras's names.
enum class DType : std::uint8_t { float64, float32, float16, bfloat16, int64, int32, int16, int8, uint8 };

constexpr std::int64_t dtype_bytes(DType t)
{
    switch (t) {
    case DType::float64:
    case DType::int64:
        return 8;
    case DType::float32:
    case DType::int32:
        return 4;
    case DType::float16:
    case DType::bfloat16:
    case DType::int16:
        return 2;
    case DType::int8:
    case DType::uint8:
        return 1;
    }
    detail::require(false, "DType: not an nnshape element type");
    return 0;
}

constexpr std::string_view dtype_name(DType t)
{
    constexpr std::string_view names[] = {"float64", "float32", "float16", "bfloat16", "int64",
                                          "int32",   "int16",   "int8",    "uint8"};
    return names[std::size_t(t)];
}

struct MemoryOptions {
    std::int64_t batch_size = 1; // replaces a None batch axis; a known batch axis is kept
    DType dtype = DType::float32; // of weights and activations alike
};

// Bytes of the weights counted by `p`, split as Keras splits them.
struct ParamBytes {
    std::int64_t trainable = 0;
    std::int64_t non_trainable = 0;
    constexpr std::int64_t total() const { return detail::checked_add(trainable, non_trainable); }
};

constexpr ParamBytes param_bytes(Params p, DType dtype = DType::float32)
{
    return {detail::checked_mul(p.trainable, dtype_bytes(dtype)),
            detail::checked_mul(p.non_trainable, dtype_bytes(dtype))};
}

// Bytes of one tensor; None when a dim other than a None batch axis is unknown.
constexpr Dim tensor_bytes(const Shape& s, const MemoryOptions& options = {})
{
    detail::require(options.batch_size > 0, "MemoryOptions: batch_size must be positive");
    if (s.rank() == 0) return dtype_bytes(options.dtype);
    const Dim batch = s[0].known() ? s[0] : Dim(options.batch_size);
    return batch * product(s.features()) * Dim(dtype_bytes(options.dtype));
}

namespace detail {

// The bytes of a tensor as the pass runs it (Trace::run_shape): its batch axis is set, so a None
// there stays unknown (a TimeDistributed model's unknown time steps).
constexpr Dim run_bytes(const Shape& run, const MemoryOptions& options)
{
    if (run.rank() > 0 && !run[0].known()) return None;
    return tensor_bytes(run, options);
}

} // namespace detail

// Keras 3's readable_memory_size: units of 1024 with two decimals, "8.25 KB", "0.00 B"; tf.keras 2.13's
// calls its smallest unit "Byte".
inline std::string readable_memory_size(double bytes, const char* byte_unit = "B")
{
    const char* const units[] = {byte_unit, "KB", "MB", "GB", "TB", "PB"};
    std::size_t unit = 0;
    for (; unit + 1 < std::size(units) && bytes / 1024 >= 1; ++unit) bytes /= 1024;
    char text[64];
    std::snprintf(text, sizeof text, "%.2f %s", bytes, units[unit]);
    return text;
}

// The activations of a forward pass, by the tensors of its trace.
struct ActivationMemory {
    std::vector<Dim> per_call; // bytes of each call's outputs, parallel to Trace::calls
    Dim total{}; // every tensor of the pass once, the model's inputs included
    Dim peak{}; // the most bytes alive at once (None if any tensor's size is unknown)
    std::int32_t peak_call = -1; // the call during which the peak is reached
};

namespace detail {

// For each tensor, the last call that reads it; the model's outputs stay alive to the end
// (calls.size()), and so does a tensor nothing reads (it is an output or a dead end: kept, not guessed).
template <class LayerT>
constexpr std::vector<std::int32_t> last_uses(const Trace<LayerT>& t)
{
    const auto end = std::int32_t(t.calls.size());
    std::vector<std::int32_t> last(t.tensors.size(), -1);
    for (std::size_t c = 0; c < t.calls.size(); ++c)
        for (std::int32_t id : t.inputs_of(t.calls[c])) last[std::size_t(id)] = std::int32_t(c);
    for (std::int32_t id : t.outputs) last[std::size_t(id)] = end;
    for (std::int32_t& l : last)
        if (l < 0) l = end;
    return last;
}

// Each tensor's live range: from the call that makes it (a model input: from the start) to its last
// reader, both inclusive.
struct LiveRange {
    std::int32_t first_call = 0;
    std::int32_t last_call = 0;
};

template <class LayerT>
constexpr std::vector<LiveRange> live_ranges(const Trace<LayerT>& t)
{
    const std::vector<std::int32_t> last = last_uses(t);
    std::vector<LiveRange> ranges(t.tensors.size());
    for (std::size_t id = 0; id < ranges.size(); ++id) ranges[id] = {std::max(t.producer[id], 0), last[id]};
    for (std::int32_t id : t.inputs) ranges[std::size_t(id)].first_call = 0;
    return ranges;
}

// The bytes alive during each of `calls` calls and past the last one, for tensors with `first_call`,
// `last_call` and `bytes`: a running sum over where their ranges start and end.
template <class Tensors>
constexpr std::vector<std::int64_t> live_bytes(const Tensors& tensors, std::int32_t calls)
{
    std::vector<std::int64_t> live(std::size_t(calls) + 2, 0);
    for (const auto& t : tensors) {
        live[std::size_t(t.first_call)] = checked_add(live[std::size_t(t.first_call)], t.bytes);
        live[std::size_t(t.last_call) + 1] = checked_sub(live[std::size_t(t.last_call) + 1], t.bytes);
    }
    for (std::size_t c = 1; c < live.size(); ++c) live[c] = checked_add(live[c], live[c - 1]);
    live.pop_back();
    return live;
}

} // namespace detail

// Tensors are live from their producing call (a model input: from the start) to their last reader,
// and freed right after it: the peak is what an inference engine that frees eagerly and never reuses
// an input's buffer for an output needs. (plan_memory's lower bound is the same peak.)
template <class LayerT>
constexpr ActivationMemory activation_memory(const Trace<LayerT>& t, const MemoryOptions& options = {})
{
    ActivationMemory m;
    std::vector<Dim> bytes;
    m.total = 0;
    for (std::size_t id = 0; id < t.tensors.size(); ++id) {
        bytes.push_back(detail::run_bytes(t.run_shape(std::int32_t(id), options.batch_size), options));
        m.total = m.total + bytes.back();
    }
    for (const TracedCall<LayerT>& c : t.calls) {
        Dim made = 0;
        for (std::int32_t id : t.outputs_of(c)) made = made + bytes[std::size_t(id)];
        m.per_call.push_back(made);
    }
    if (!m.total.known()) return m; // one unknown size makes the peak unknown

    struct Sized {
        std::int32_t first_call, last_call;
        std::int64_t bytes;
    };
    const std::vector<detail::LiveRange> ranges = detail::live_ranges(t);
    std::vector<Sized> tensors;
    for (std::size_t id = 0; id < ranges.size(); ++id)
        tensors.push_back({ranges[id].first_call, ranges[id].last_call, bytes[id].value()});
    const std::vector<std::int64_t> live = detail::live_bytes(tensors, std::int32_t(t.calls.size()));
    const auto peak = std::ranges::max_element(live); // the first call that reaches it
    m.peak = *peak;
    m.peak_call = std::int32_t(peak - live.begin());
    return m;
}

} // namespace nnshape
