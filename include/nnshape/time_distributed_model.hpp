#pragma once
// Keras's TimeDistributed(model): a functional Model or a Sequential applied to every time step of
// its input (a per-frame CNN over video). TimeDistributed holds a layer by value, which a model (a
// handle to a Graph's records) cannot be; TimeDistributedModel holds the model and, called on
// tensors, records in their Graph a layer of class TimeDistributed wrapping it (GraphLayer::
// wrapped_model): its calls follow TimeDistributed's rule with the model's inference on one step's
// shape, its weights are the model's (shared with its other uses, counted once), summaries show it
// as Keras does (class TimeDistributed, the model's parameters), and the analyses run the model's
// layers on (B · T, ...) as Keras runs them.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <type_traits>

#include "functional.hpp"

namespace nnshape {

template <std::size_t N, class LayerT>
class Sequential; // sequential.hpp

namespace detail {

template <std::size_t N, class LayerT>
constexpr Model nest_sequential(GraphCore& g, const Sequential<N, LayerT>& s, const Shape& input_shape);

// The model TimeDistributedModel wraps: a Model, or a Sequential as one (a built Sequential of layer
// values as a model of class Sequential in a Graph of its own).
struct WrappedModel : Model {
    constexpr WrappedModel(const Model& m) : Model(m) {}
    template <std::size_t N, class LayerT>
    constexpr WrappedModel(const Sequential<N, LayerT>& s) : Model(model_of(s))
    {
    }

private:
    template <std::size_t N, class LayerT>
    static constexpr Model model_of(const Sequential<N, LayerT>& s)
    {
        if constexpr (std::is_same_v<LayerT, Model>) {
            return s.model();
        } else {
            const GraphRef own(new GraphCore);
            return nest_sequential(*own, s, s.input_shape());
        }
    }
};

} // namespace detail

// `TimeDistributedModel{.layer = cnn}(frames)` where Keras writes `TimeDistributed(cnn)(frames)`:
// the same field name and keyword arguments as TimeDistributed; `cnn` a Model or a Sequential.
// `input_shape`, `batch_size` and `batch_input_shape` matter only as the first layer of a Sequential.
struct TimeDistributedModel {
    detail::WrappedModel layer;
    Name name{};
    bool trainable = true;
    OptionalShape input_shape{};
    std::optional<std::int64_t> batch_size{};
    OptionalShape batch_input_shape{};

    static constexpr std::string_view class_name = TimeDistributed::class_name;

    // As for layer values, only a temporary is called: every call makes a new TimeDistributed layer
    // (the model's weights stay shared, but Keras would show one layer with several calls).
    constexpr Tensors operator()(const Tensors& inputs) &&;
    template <class T = Tensors>
    constexpr void operator()(const std::type_identity_t<T>&) const&
    {
        static_assert(sizeof(T) == 0, "nnshape: a named TimeDistributedModel cannot be called: every call would "
                                      "make a new TimeDistributed layer. Call a temporary, or wrap the call in a "
                                      "Model to call several times.");
    }
};

namespace detail {

// The TimeDistributed layer of `td` made in Graph `here`, which takes in its model's Graph if that is
// another (Graph::import: as a model called on tensors there).
constexpr SharedLayer add_time_distributed(GraphCore& here, const TimeDistributedModel& td)
{
    const std::int32_t index = td.layer.as_layer().index();
    const std::int32_t model = &here == &td.layer.graph() ? index : here.import(GraphRef(&td.layer.graph()), index);
    return here.time_distributed(model, td.name, td.trainable);
}

} // namespace detail

constexpr Tensors TimeDistributedModel::operator()(const Tensors& inputs) &&
{
    detail::require(inputs.size() == 1, "TimeDistributed: a TimeDistributed model is called on one tensor");
    return detail::add_time_distributed(inputs.graph(), *this)(inputs);
}

} // namespace nnshape
