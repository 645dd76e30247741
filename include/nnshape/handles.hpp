#pragma once
// The functional API's handles: a Tensor (one output of a layer call), Tensors, a SharedLayer, a
// LayerView and a Model. Each is a counted reference (detail::GraphRef) into the records of the Graph
// it was made in (detail/graph_core.hpp), so that any of them may outlive that Graph.

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "detail/graph_records.hpp"
#include "layer.hpp"
#include "layers/recurrent_call.hpp"
#include "naming.hpp"

namespace nnshape {

class Graph;
class Model;

namespace detail {

template <class Unused = void>
class BasicGraphCore;
using GraphCore = BasicGraphCore<>;
constexpr void retain(GraphCore* g);
constexpr void release(GraphCore* g);

// A counted reference to a Graph's records: the records live while any Graph, tensor, layer handle or
// model made in them does. The count is atomic at run time, so that threads may share a finished
// model; building one Graph from several threads at once is a data race, as for a std::vector.
class GraphRef {
public:
    constexpr GraphRef() = default;
    constexpr explicit GraphRef(GraphCore* g) : g_(g) { retain(g_); }
    constexpr GraphRef(const GraphRef& other) : g_(other.g_) { retain(g_); }
    constexpr GraphRef(GraphRef&& other) noexcept : g_(std::exchange(other.g_, nullptr)) {}
    constexpr GraphRef& operator=(GraphRef other) noexcept
    {
        std::swap(g_, other.g_);
        return *this;
    }
    constexpr ~GraphRef() { release(g_); }

    constexpr GraphCore* get() const { return g_; }
    constexpr GraphCore* operator->() const { return g_; }
    constexpr GraphCore& operator*() const { return *g_; }
    friend constexpr bool operator==(const GraphRef&, const GraphRef&) = default; // the same records

private:
    GraphCore* g_ = nullptr;
};

} // namespace detail

// One symbolic tensor: output `index` of call (node) `node` of a Graph.
class Tensor {
public:
    constexpr Tensor(detail::GraphCore* graph, std::int32_t node, std::int32_t index)
        : graph_(graph),
          node_(node),
          index_(index)
    {
    }

    constexpr const Shape& shape() const;
    // The records of the Graph this tensor belongs to: `Input(x.graph(), ...)` makes an input beside it.
    constexpr detail::GraphCore& graph() const { return *graph_; }
    constexpr std::int32_t node() const { return node_; }
    constexpr std::int32_t index() const { return index_; }
    friend constexpr bool operator==(const Tensor&, const Tensor&) = default;

private:
    friend class Tensors;
    constexpr Tensor() = default; // only as Tensors' unused inline slot

    detail::GraphRef graph_;
    std::int32_t node_ = -1;
    std::int32_t index_ = -1;
};

// The tensors a layer is called on or returns. Converts to a single Tensor when it holds one.
// One tensor, the common case, is kept inline, and several in an array of their own rather than a
// std::vector: every layer call makes two of these, and a vector's construction and destruction cost
// a constant evaluation more steps than the rest of a Tensors.
class Tensors {
public:
    constexpr Tensors(Tensor t) : one_(std::move(t)), size_(1) {} // moved: a copy is an atomic count up and down
    constexpr Tensors(std::initializer_list<Tensor> list) : Tensors(list.begin(), list.size()) {}
    constexpr explicit Tensors(std::vector<Tensor> list) : size_(list.size())
    {
        if (size_ == 1)
            one_ = std::move(list[0]);
        else if (size_ > 1)
            many_ = moved_into_array(list.data(), size_);
    }
    constexpr Tensors(const Tensors& other) : Tensors(other.begin(), other.size_) {}
    constexpr Tensors(Tensors&& other) noexcept
        : one_(std::move(other.one_)),
          many_(std::exchange(other.many_, nullptr)),
          size_(std::exchange(other.size_, 0))
    {
    }
    constexpr Tensors& operator=(Tensors other) noexcept
    {
        std::swap(one_, other.one_);
        std::swap(many_, other.many_);
        std::swap(size_, other.size_);
        return *this;
    }
    constexpr ~Tensors()
    {
        if (size_ > 1) delete[] many_; // by the size: GCC 12 cannot compare an address with null here
    }

    constexpr std::size_t size() const { return size_; }
    constexpr const Tensor& operator[](std::size_t i) const
    {
        detail::require(i < size_, "Tensors: index out of range");
        return begin()[i];
    }
    constexpr const Tensor* begin() const { return size_ == 1 ? &one_ : many_; }
    constexpr const Tensor* end() const { return begin() + size_; }

    constexpr operator Tensor() const& { return single(); }
    // A layer call's result, as `x = Dense{...}(x)` takes it: its tensor moved out, not copied.
    constexpr operator Tensor() &&
    {
        single();
        size_ = 0; // as after a move: a later use fails its check instead of reading the moved handle
        return std::move(one_);
    }
    constexpr const Shape& shape() const { return single().shape(); }
    constexpr detail::GraphCore& graph() const { return (*this)[0].graph(); }

private:
    constexpr Tensors(const Tensor* first, std::size_t size) : size_(size)
    {
        if (size_ == 1)
            one_ = *first;
        else if (size_ > 1)
            many_ = copied_into_array(first, size_);
    }
    static constexpr Tensor* copied_into_array(const Tensor* first, std::size_t size)
    {
        Tensor* array = new Tensor[size];
        for (std::size_t i = 0; i < size; ++i) array[i] = first[i];
        return array;
    }
    static constexpr Tensor* moved_into_array(Tensor* first, std::size_t size)
    {
        Tensor* array = new Tensor[size];
        for (std::size_t i = 0; i < size; ++i) array[i] = std::move(first[i]);
        return array;
    }
    constexpr const Tensor& single() const
    {
        detail::require(size_ == 1, "Tensors: this layer call has several outputs; pick one with [i]");
        return one_;
    }

    Tensor one_{};
    Tensor* many_ = nullptr; // owned when size_ > 1
    std::size_t size_;
};

// Keras's call arguments after the inputs of a layer or model call (detail::CallArgs):
// `base_model(x, {.training = false})`, `lstm(x, {.initial_state = {h, c}})`.
using CallArgs = detail::CallArgs<Tensors>;

// A layer of a Graph that can be called several times; every call shares its weights.
class SharedLayer {
public:
    constexpr SharedLayer(detail::GraphCore* graph, std::int32_t index) : graph_(graph), index_(index) {}
    constexpr Tensors operator()(const Tensors& inputs) const;
    constexpr Tensors operator()(const Tensors& inputs, const CallArgs& args) const;
    // Keras 3's positional call of a shared MultiHeadAttention or GroupQueryAttention: `mha(q, v)` and
    // `mha(q, v, k)` are its calls on [q, v] and [q, v, k].
    constexpr Tensors operator()(const Tensor& query, const Tensor& value) const;
    constexpr Tensors operator()(const Tensor& query, const Tensor& value, const Tensor& key) const;
    constexpr std::int32_t index() const { return index_; }

private:
    detail::GraphRef graph_;
    std::int32_t index_;
};

// A layer as a model lists it: a plain layer or a nested Model.
class LayerView {
public:
    constexpr LayerView(const detail::GraphCore* graph, std::int32_t index)
        : graph_(const_cast<detail::GraphCore*>(graph)),
          index_(index)
    {
    }

    constexpr Name name(Naming style = keras2) const;
    constexpr std::string_view class_name() const;
    // Keras's isinstance(layer, L); a nested Model is none of the layer classes.
    template <class L>
        requires BuiltinLayer<L> || CustomLayer<L>
    constexpr bool is() const
    {
        return get_if<L>() != nullptr;
    }
    template <class L>
        requires BuiltinLayer<L> || CustomLayer<L>
    constexpr const L* get_if() const;
    // The built-in layer (a StoredLayer: Layer's queries, `value()` for a Layer); null for a custom layer
    // or a Model.
    constexpr const StoredLayer* layer() const;
    constexpr bool is_model() const;
    constexpr Model model() const;
    // Keras's `layer.layer` of a TimeDistributed that wraps a model (TimeDistributedModel); else none.
    constexpr std::optional<Model> wrapped_model() const;
    // Keras's `layer.output_shape`: the shapes all its calls agree on; empty where Keras says "multiple".
    constexpr std::optional<Shapes> output_shapes() const;
    constexpr Params params() const;
    constexpr std::int64_t count_params() const { return params().total(); }
    constexpr std::vector<std::int32_t> nodes() const; // ascending node ids
    constexpr std::int32_t index() const { return index_; }

private:
    detail::GraphRef graph_; // only read through
    std::int32_t index_;
};

class Model {
public:
    constexpr Model(const Tensors& inputs, const Tensors& outputs, ModelArgs args = {});
    constexpr Model(detail::GraphCore* graph, std::int32_t index) : graph_(graph), index_(index) {}

    // Calling a Model on new tensors: one more node of this model, no new weights.
    constexpr Tensors operator()(const Tensors& inputs) const;
    constexpr Tensors operator()(const Tensors& inputs, const CallArgs& args) const;

    constexpr std::vector<LayerView> layers() const;
    constexpr Params params() const;
    constexpr std::int64_t count_params() const { return params().total(); }
    // Keras's model.inputs and model.outputs: the tensors it was made from, any number of them.
    constexpr Tensors inputs() const;
    constexpr Tensors outputs() const;
    // Their shapes, for a model of at most 8 inputs (outputs), a Shapes' capacity; else read them from
    // inputs() (outputs()).
    constexpr Shapes input_shapes() const;
    constexpr Shapes output_shapes() const;
    constexpr Shape output_shape() const;
    constexpr Name name(Naming style = keras2) const { return as_layer().name(style); }
    // Keras's `model.trainable = False`: the model's weights count as non-trainable wherever it is used,
    // in every copy of this handle (one model, as one Python object).
    constexpr void set_trainable(bool trainable) const;
    constexpr bool trainable() const;
    constexpr LayerView as_layer() const { return {graph_.get(), index_}; }
    // Keras 2's summary picks its short layout for models whose graph is a chain.
    constexpr bool sequential_like() const;
    constexpr std::span<const std::int32_t> nodes() const;
    // The records of the Graph the model was made in: `Input(m.graph(), ...)` makes an input there.
    constexpr detail::GraphCore& graph() const { return *graph_; }

private:
    constexpr const detail::ModelData& data() const;
    detail::GraphRef graph_;
    std::int32_t index_;
};

} // namespace nnshape
