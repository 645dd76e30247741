#pragma once
// Keras's call arguments of a recurrent layer beside its input sequence, for the functional API:
// `LSTM{...}(x, {.initial_state = {h, c}})` is Keras's `LSTM(...)(x, initial_state=[h, c])`.
//
// Keras 2's RNN.__call__ (tf.keras keras/layers/rnn/base_rnn.py) calls the layer on the list
// [x, *initial_state], which is also what its config writes: the call here records the same inputs
// in that order, so `LSTM{...}({x, h, c})` (the list form Keras 2 accepts too) is the same call, and
// a summary's "Connected to" column lists x, then the states.

#include <type_traits>
#include <utility>
#include <vector>

#include "../error.hpp"
#include "../layer_args.hpp"

namespace nnshape::detail {

// `TensorList` is always nnshape::Tensors; a template so that layer headers need not include the
// functional API (functional.hpp), which completes the type where a call is made.
template <class TensorList>
struct RecurrentCallArgs {
    TensorList initial_state = TensorList{};
    // Keras 2's external constants for a cell whose call takes them; none of nnshape's cells does.
    TensorList constants = TensorList{};
    NNSHAPE_ACCEPTED(training);
};

// The call's inputs: the sequence, then its initial states.
template <class TensorList>
constexpr TensorList sequence_and_states(const TensorList& sequence, const RecurrentCallArgs<TensorList>& args)
{
    require(args.constants.size() == 0, "RNN: RNN cell does not support constants (nnshape's cells, SimpleRNNCell, "
                                        "LSTMCell, GRUCell and StackedRNNCells, take none)");
    require(sequence.size() == 1, "RNN: give the initial states either after the input sequence in the list of "
                                  "inputs or as initial_state, not both");
    std::vector inputs(sequence.begin(), sequence.end());
    inputs.insert(inputs.end(), args.initial_state.begin(), args.initial_state.end());
    return TensorList(std::move(inputs));
}

} // namespace nnshape::detail

// The call with Keras's keyword arguments, beside NNSHAPE_LAYER_KWARGS's call on tensors: in the
// recurrent layers, ConvLSTM and Bidirectional.
#define NNSHAPE_RECURRENT_CALL                                                                                       \
    template <class T = ::nnshape::Tensors>                                                                          \
    constexpr T operator()(const std::type_identity_t<T>& sequence,                                                  \
                           const ::nnshape::detail::RecurrentCallArgs<std::type_identity_t<T>>& args)&&              \
    {                                                                                                                \
        return ::nnshape::detail::call_on(std::move(*this), ::nnshape::detail::sequence_and_states(sequence, args)); \
    }                                                                                                                \
    /* A named layer value: the call without arguments says why it cannot be called. */                              \
    template <class T = ::nnshape::Tensors>                                                                          \
    constexpr void operator()(const std::type_identity_t<T>& sequence,                                               \
                              const ::nnshape::detail::RecurrentCallArgs<std::type_identity_t<T>>&) const&           \
    {                                                                                                                \
        this->template operator()<T>(sequence);                                                                      \
    }
