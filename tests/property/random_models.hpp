#pragma once
// Random models, valid and invalid, drawn from a stream of numbers, and the invariants every model
// must satisfy whatever it is. The property test draws the numbers from a seeded PCG32; the
// libFuzzer target (tests/fuzz/model_builder_fuzz.cpp) from its input bytes.
//
// Each check returns an empty string or a description of the violated invariant. The expected counts
// come from Keras's weight formulas, restated here independently of nnshape's rules:
//   Dense:               kernel (in, units) + bias (units)
//   BatchNormalization:  gamma, beta trainable; moving_mean, moving_variance non-trainable (C each)
//   Conv2D:              kernel (kh, kw, in, filters) + bias (filters)
// (keras/src/layers/core/dense.py, normalization/batch_normalization.py, convolutional/base_conv.py).

#include <nnshape/analysis/flops.hpp>
#include <nnshape/nnshape.hpp>
#include <nnshape/report.hpp>
#include <nnshape/summary.hpp>

#include <cstddef>
#include <cstdint>
#include <exception>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace nnshape::property {

// PCG32 (M. O'Neill, pcg-random.org, pcg32_srandom_r / pcg32_random_r): the same numbers with every
// standard library, which <random>'s distributions do not promise.
class Pcg32 {
public:
    explicit Pcg32(std::uint64_t seed, std::uint64_t stream = 54)
    {
        inc_ = (stream << 1u) | 1u;
        next();
        state_ += seed;
        next();
    }
    std::uint32_t next()
    {
        const std::uint64_t old = state_;
        state_ = old * 6364136223846793005ULL + inc_;
        const auto xorshifted = std::uint32_t(((old >> 18u) ^ old) >> 27u);
        const auto rot = std::uint32_t(old >> 59u);
        return (xorshifted >> rot) | (xorshifted << ((32u - rot) & 31u));
    }

private:
    std::uint64_t state_ = 0;
    std::uint64_t inc_ = 0;
};

// A fuzzer's input as the number stream: one byte per draw, zeros once it runs out.
class ByteSource {
public:
    explicit ByteSource(std::span<const std::uint8_t> bytes) : bytes_(bytes) {}
    std::uint32_t next() { return pos_ < bytes_.size() ? bytes_[pos_++] : 0u; }
    bool exhausted() const { return pos_ >= bytes_.size(); }

private:
    std::span<const std::uint8_t> bytes_;
    std::size_t pos_ = 0;
};

// What building one model found; `violation` is empty unless an invariant failed.
struct Outcome {
    bool valid = false;
    std::string violation;
};

inline std::string shape_text(const Shape& s) { return to_string(s); }

template <class Source>
class Generator {
public:
    explicit Generator(Source& source) : src_(source) {}

    // lo..hi inclusive, by modulo: deterministic, and the bias is harmless here.
    std::int64_t pick(std::int64_t lo, std::int64_t hi)
    {
        return lo + std::int64_t(src_.next() % std::uint32_t(hi - lo + 1));
    }
    bool chance(int percent) { return pick(0, 99) < percent; }

    // A size argument: mostly small, sometimes 0, negative or enormous (the overflow paths).
    std::int64_t size_arg(std::int64_t hi)
    {
        if (!chance(6)) return pick(1, hi);
        constexpr std::int64_t extremes[] = {0, -1, std::int64_t{1} << 31, std::int64_t{1} << 40,
                                             std::numeric_limits<std::int64_t>::max()};
        return extremes[pick(0, 4)];
    }

    Shape input_shape()
    {
        const auto rank = std::size_t(pick(1, 4)); // feature axes
        Shape s{None};
        for (std::size_t i = 0; i < rank; ++i) s.push_back(chance(8) ? None : Dim(pick(1, 12)));
        return s;
    }

    // A layer that often, not always, fits an input of rank `rank` (batch axis included).
    Layer layer(std::size_t rank)
    {
        const bool trainable = !chance(15);
        const Padding padding = chance(50) ? same : chance(90) ? valid : causal;
        switch (kind(rank)) {
        case 0:
            return Dense{.units = size_arg(16), .use_bias = chance(80), .trainable = trainable};
        case 1:
            return BatchNormalization{.axis = chance(90) ? -1 : pick(-5, 4), .trainable = trainable};
        case 2:
            return Dropout{.rate = chance(90) ? 0.5 : 1.5};
        case 3:
            return Flatten{};
        case 4:
            return LayerNormalization{.axis = chance(90) ? -1 : pick(-5, 4), .trainable = trainable};
        case 5:
            return Conv1D{.filters = size_arg(8),
                          .kernel_size = size_arg(4),
                          .strides = pick(1, 2),
                          .padding = padding,
                          .trainable = trainable};
        case 6:
            return LSTM{.units = size_arg(8), .return_sequences = chance(50), .trainable = trainable};
        case 7:
            return Reshape{.target_shape = reshape_target()};
        case 8:
            return GlobalAveragePooling1D{};
        case 9:
            return RepeatVector{.n = size_arg(4)};
        case 10:
            return Conv2D{.filters = size_arg(8),
                          .kernel_size = {size_arg(4), size_arg(4)},
                          .strides = pick(1, 2),
                          .padding = padding,
                          .trainable = trainable};
        case 11:
            return Conv2DTranspose{.filters = size_arg(8),
                                   .kernel_size = size_arg(4),
                                   .strides = pick(1, 2),
                                   .padding = padding,
                                   .trainable = trainable};
        case 12:
            return MaxPooling2D{.pool_size = pick(1, 3), .padding = padding};
        default:
            return ZeroPadding2D{.padding = pick(chance(90) ? 0 : -1, 2)};
        }
    }

private:
    // Mostly a layer kind that takes this rank (cases 0-4 and 7: any rank >= 2; 9: rank 2; 5, 6, 8:
    // rank 3; 10-13: rank 4), sometimes any kind, which the input may well not fit.
    int kind(std::size_t rank)
    {
        constexpr int any_rank[] = {0, 1, 2, 3, 4, 7}, rank3[] = {5, 6, 8};
        if (chance(15)) return int(pick(0, 13));
        if (rank < 2 || rank > 4 || chance(40)) return any_rank[pick(0, 5)];
        return rank == 2 ? 9 : rank == 3 ? rank3[pick(0, 2)] : int(pick(10, 13));
    }

    IntTuple reshape_target()
    {
        switch (pick(0, 2)) {
        case 0:
            return {-1};
        case 1:
            return {pick(1, 6), -1};
        default:
            return {pick(-2, 6), pick(1, 6)};
        }
    }

    Source& src_;
};

namespace checks {

inline bool starts_with_layer_class(std::string_view message, std::string_view class_name)
{
    return message.starts_with(std::string(class_name) + " layer \"");
}

// Invariants of one successfully added Sequential layer, against Keras's formulas.
inline std::string check_layer(const SequentialLayer& l, const Shape& in)
{
    const Params p = l.params;
    if (p.trainable < 0 || p.non_trainable < 0) return "negative count";
    const bool trainable = l.layer.visit([]<class L>(const L& x) {
        if constexpr (requires { x.trainable; }) return bool(x.trainable);
        return true; // an InputLayer
    });
    if (!trainable && p.trainable != 0) return "a layer with trainable=false has trainable weights";
    const Shape& out = l.output_shape;
    if (const Dense* d = l.layer.get_if<Dense>()) {
        const std::int64_t expected = nnshape::detail::checked_add(
            nnshape::detail::checked_mul(in.back().value(), d->units), d->use_bias ? d->units : 0);
        if (l.count_params() != expected) return "Dense count differs from in * units + bias";
    }
    if (const BatchNormalization* b = l.layer.get_if<BatchNormalization>(); b && b->axis == -1) {
        const std::int64_t c = in.back().value();
        if (l.count_params() != 4 * c || p.non_trainable < 2 * c) return "BatchNormalization count differs from 4C";
    }
    if (const Conv2D* c = l.layer.get_if<Conv2D>()) {
        // Keras conv_output_length (spec §0.4): 'same' with stride 1 keeps every spatial length.
        if (c->padding == same && c->strides == Ints<2>(1) && (out[1] != in[1] || out[2] != in[2]))
            return "same-padded stride-1 Conv2D changed a spatial dim";
        using nnshape::detail::checked_mul;
        const std::int64_t kernel = checked_mul(checked_mul(c->kernel_size[0], c->kernel_size[1]), in[3].value());
        const std::int64_t expected =
            nnshape::detail::checked_add(checked_mul(kernel, c->filters), c->use_bias ? c->filters : 0);
        if (l.count_params() != expected) return "Conv2D count differs from kh * kw * in * filters + bias";
    }
    return {};
}

// The same layers as a functional chain must give the same shapes, counts and costs.
inline std::string check_as_functional(const Sequential<>& seq, std::span<const Layer> layers, const Shape& input)
{
    Graph g;
    const Tensor x0 = Input(g, {.batch_shape = input});
    Tensor x = x0;
    for (const Layer& l : layers)
        x = l.visit([&]<class L>(const L& concrete) -> Tensor {
            if constexpr (std::is_same_v<L, InputLayer>)
                return x; // only the Sequential's first layer, which is not in `layers`
            else
                return g.add(concrete)(x);
        });
    const Model m{x0, x};
    if (!(m.output_shape() == seq.output_shape())) return "functional output shape differs from Sequential's";
    if (!(m.params() == seq.params())) return "functional counts differ from Sequential's";
    if (!(cost(m).total == cost(seq).total)) return "functional cost differs from Sequential's";
    return {};
}

} // namespace checks

// Builds a random Sequential with `add()`, checking each layer; then the same layers as a functional
// chain. Any exception but a shape_error, or a shape_error whose message does not start with the
// layer's class, is a violation.
template <class Source>
Outcome random_sequential(Generator<Source>& gen, std::size_t max_layers)
{
    Outcome o;
    const Shape input = gen.input_shape();
    Sequential<> seq;
    std::vector<Layer> added;
    seq.add(InputLayer{.batch_shape = input});
    const auto count = std::size_t(gen.pick(1, std::int64_t(max_layers)));
    try {
        for (std::size_t i = 0; i < count; ++i) {
            const Layer l = gen.layer(seq.output_shape().rank());
            const Shape in = seq.output_shape();
            try {
                seq.add(l);
            } catch (const shape_error& e) {
                if (!checks::starts_with_layer_class(e.what(), l.class_name()) &&
                    !std::string_view(e.what()).starts_with("Sequential: "))
                    o.violation = "message does not start with the layer class: " + std::string(e.what());
                return o;
            }
            added.push_back(l);
            if (std::string v = checks::check_layer(seq.layers().back(), in); !v.empty()) {
                o.violation = v + ", layer " + std::string(l.class_name()) + " on " + shape_text(in);
                return o;
            }
        }
        const Params total = seq.params();
        std::int64_t sum = 0;
        for (const SequentialLayer& l : seq.layers()) sum = nnshape::detail::checked_add(sum, l.count_params());
        if (total.total() != sum || total.trainable + total.non_trainable != total.total())
            o.violation = "total differs from the sum of the layers' counts";
        else
            o.violation = checks::check_as_functional(seq, added, input);
        (void)summary(seq);
        o.valid = true;
    } catch (const shape_error& e) {
        // Counts may overflow (a Dense of 2^40 units): the error must say so, nothing else may fail.
        if (!std::string_view(e.what()).ends_with("count overflows 64-bit arithmetic"))
            o.violation = std::string("unexpected error on a built model: ") + e.what();
    } catch (const std::exception& e) {
        o.violation = std::string("exception other than shape_error: ") + e.what();
    }
    return o;
}

// A random functional graph: Dense layers (some shared, called on several tensors), BatchNormalization,
// Add and Concatenate merges, and a sub-model called twice. The expected counts are summed here, per
// unique layer, from Keras's formulas. Merges of mismatched tensors are the invalid models.
template <class Source>
Outcome random_graph(Generator<Source>& gen, std::size_t max_steps)
{
    Outcome o;
    Graph g;
    Params expected{};
    const std::int64_t features = gen.pick(1, 8);
    const Tensor input = Input(g, {.shape = {features}});
    std::vector<Tensor> pool{input};
    const auto any = [&] { return pool[std::size_t(gen.pick(0, std::int64_t(pool.size()) - 1))]; };
    const auto last_dim = [](const Tensor& t) { return t.shape().back().value(); };
    // A sub-model: Input(w) -> Dense(u), Keras's count once however often it is called.
    const std::int64_t sub_in = gen.pick(1, 8), sub_units = gen.pick(1, 8);
    const Tensor sub_x = Input(g, {.shape = {sub_in}});
    const Model sub{sub_x, Dense{.units = sub_units}(sub_x)};
    bool sub_used = false;
    std::vector<std::pair<SharedLayer, std::int64_t>> shared; // the layer and its input width
    try {
        const auto steps = std::size_t(gen.pick(1, std::int64_t(max_steps)));
        for (std::size_t i = 0; i < steps; ++i) {
            switch (gen.pick(0, 5)) {
            case 0: {
                const Tensor t = any();
                const std::int64_t units = gen.pick(1, 8);
                pool.push_back(Dense{.units = units}(t));
                expected = expected + Params{last_dim(t) * units + units};
                break;
            }
            case 1: { // a shared Dense: built on its first call, called again on any tensor (wrong widths fail)
                if (shared.empty() || gen.chance(30)) {
                    const Tensor t = any();
                    const std::int64_t units = gen.pick(1, 8);
                    shared.emplace_back(g.add(Dense{.units = units, .trainable = gen.chance(70)}), last_dim(t));
                    pool.push_back(shared.back().first(t));
                    const std::int64_t n = last_dim(t) * units + units;
                    expected =
                        expected + (g.core().layer(shared.back().first.index()).trainable ? Params{n} : Params{0, n});
                } else {
                    pool.push_back(shared[std::size_t(gen.pick(0, std::int64_t(shared.size()) - 1))].first(any()));
                }
                break;
            }
            case 2: {
                const Tensor t = any();
                pool.push_back(BatchNormalization{}(t));
                expected = expected + Params{2 * last_dim(t), 2 * last_dim(t)};
                break;
            }
            case 3:
                pool.push_back(Add{}({any(), any()}));
                break;
            case 4:
                pool.push_back(Concatenate{}({any(), any()}));
                break;
            default:
                pool.push_back(sub(any()));
                if (!sub_used) expected = expected + Params{sub_in * sub_units + sub_units};
                sub_used = true;
            }
        }
    } catch (const shape_error& e) {
        const std::string_view m = e.what();
        if (!m.starts_with("Dense layer \"") && !m.starts_with("Add layer \"") &&
            !m.starts_with("Concatenate layer \"") && !m.starts_with("Model: "))
            o.violation = "message does not start with the layer class: " + std::string(m);
        return o;
    } catch (const std::exception& e) {
        o.violation = std::string("exception other than shape_error: ") + e.what();
        return o;
    }
    // Concatenating every tensor made (all are rank 2) makes the model use every layer made.
    const Model m{input, Concatenate{}(Tensors(std::vector<Tensor>(pool)))};
    const Params p = m.params();
    Params sum{};
    for (const LayerView& l : m.layers()) sum = sum + l.params();
    if (!(p == sum))
        o.violation = "model counts differ from the sum of its unique layers' counts";
    else if (p.trainable + p.non_trainable != p.total())
        o.violation = "trainable + non-trainable differs from the total";
    else if (!(p == expected))
        o.violation = "model counts differ from Keras's formulas summed over the unique layers";
    if (o.violation.empty()) {
        const Trace<> t = trace(m);
        if (t.outputs.size() != 1 || !(t.tensors[std::size_t(t.outputs[0])] == m.output_shape()))
            o.violation = "trace output differs from the model's";
        (void)cost(m);
        (void)summary(m);
    }
    o.valid = o.violation.empty();
    return o;
}

} // namespace nnshape::property
