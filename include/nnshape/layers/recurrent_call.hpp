#pragma once
// Keras's call arguments of a recurrent layer beside its input sequence, for the functional API:
// `LSTM{...}(x, {.initial_state = {h, c}})` is Keras's `LSTM(...)(x, initial_state=[h, c])`.
// The arguments are the call arguments of every layer (detail::CallArgs, layer_args.hpp); a recurrent
// layer is the one that takes `initial_state` and `constants` among them.
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

// A layer class whose call takes `initial_state` (it has NNSHAPE_RECURRENT_CALL).
template <class L>
concept TakesInitialState = L::takes_initial_state;
template <class L>
struct has_initial_state_call : std::bool_constant<TakesInitialState<L>> {};

// The call's inputs: the sequence, then its initial states.
template <class TensorList>
constexpr TensorList sequence_and_states(const TensorList& sequence, const CallArgs<TensorList>& args)
{
    require(args.constants.size() == 0, "RNN: RNN cell does not support constants (nnshape's cells, SimpleRNNCell, "
                                        "LSTMCell, GRUCell and StackedRNNCells, take none)");
    if (args.initial_state.size() == 0) return sequence;
    require(sequence.size() == 1, "RNN: give the initial states either after the input sequence in the list of "
                                  "inputs or as initial_state, not both");
    std::vector inputs(sequence.begin(), sequence.end());
    inputs.insert(inputs.end(), args.initial_state.begin(), args.initial_state.end());
    return TensorList(std::move(inputs));
}

} // namespace nnshape::detail

// Marks a layer class whose call takes `initial_state` and `constants` (NNSHAPE_LAYER_KWARGS's call
// with call arguments): the recurrent layers, ConvLSTM and Bidirectional.
#define NNSHAPE_RECURRENT_CALL static constexpr bool takes_initial_state = true;
