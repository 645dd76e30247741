// Compile-fail cases (see check.cmake): the rules of the recurrent, merging, attention and wrapper
// layers.
#include <nnshape/nnshape.hpp>

#include <initializer_list>
#include <utility>
#include <vector>

using namespace nnshape;

namespace {

// The first output shape of `layer` called on inputs of these batch shapes in a functional Graph.
template <class L>
constexpr Shape called(L layer, std::initializer_list<Shape> batch_shapes)
{
    Graph g;
    std::vector<Tensor> inputs;
    for (const Shape& s : batch_shapes) inputs.push_back(Input(g, {.batch_shape = s}));
    return std::move(layer)(Tensors(std::move(inputs)))[0].shape();
}

// A layer called on no tensor at all: only a layer added to the Graph can be.
template <class L>
constexpr std::size_t called_on_nothing(L layer)
{
    Graph g;
    return g.add(std::move(layer))(Tensors(std::vector<Tensor>{})).size();
}

// A query of 4 steps and a value of 6, 8 features each.
constexpr Shape query{None, 4, 8};
constexpr Shape value{None, 6, 8};

// Four query heads share two key and value heads.
constexpr GroupQueryAttention gqa{.head_dim = 2, .num_query_heads = 4, .num_key_value_heads = 2};

} // namespace

// --- layers/recurrent.hpp

// Four LSTM cells have eight states; a layer call has at most eight outputs, one of them the output.
// expect: RNN: too many states for nnshape's output capacity
constexpr Sequential rnn_too_many_states{
    RNN{.cell = StackedRNNCells{.cells = {LSTMCell{.units = 2}, LSTMCell{.units = 2}, LSTMCell{.units = 2},
                                          LSTMCell{.units = 2}}},
        .input_shape = Shape{5, 3}}};

// expect: RNN: units must be a positive integer
constexpr Sequential lstm_no_units{LSTM{.input_shape = Shape{5, 3}}};

// The stack's output (its last cell) has units; its first cell has none.
// expect: RNN: units must be a positive integer
constexpr Sequential stacked_cell_no_units{
    RNN{.cell = StackedRNNCells{.cells = {SimpleRNNCell{}, SimpleRNNCell{.units = 4}}}, .input_shape = Shape{5, 3}}};

// expect: RNN: the feature (last) dimension of the input must be defined
constexpr Sequential gru_unknown_features{GRU{.units = 4, .input_shape = Shape{5, None}}};

// expect: StackedRNNCells: needs 1 to 8 cells
constexpr StackedRNNCells no_cells{.cells = {}};

// expect: RNN: expected ndim=3 (batch, timesteps, features)
constexpr Sequential simple_rnn_on_rank2{SimpleRNN{.units = 4, .input_shape = Shape{5}}};

// A stateful LSTM whose input has no batch size (input_shape instead of batch_input_shape).
// expect: RNN: If a RNN is stateful, it needs to know its batch size. Specify the batch size of your input tensors
// (batch_input_shape on the first layer of a Sequential, batch_shape on an Input).
constexpr Sequential stateful_lstm_without_batch_size{LSTM{.units = 4, .stateful = true, .input_shape = Shape{5, 3}}};

// --- layers/recurrent.hpp, recurrent_call.hpp: initial states

// LSTM keeps h and c; one state is given.
// expect: RNN: An `initial_state` was passed that is not compatible with `cell.state_size`: it needs one tensor per
// state of the cell
constexpr Shape lstm_one_initial_state = called(LSTM{.units = 4}, {Shape{None, 5, 3}, Shape{None, 4}});

// GRU(4)'s state is (batch, 4).
// expect: RNN: An `initial_state` was passed that is not compatible with `cell.state_size`: each state must have the
// shape of the state it replaces, (batch, state_size)
constexpr Shape gru_state_of_other_size = called(GRU{.units = 4}, {Shape{None, 5, 3}, Shape{None, 5}});

// ConvLSTM2D(4, 3) on 8x8 frames keeps 6x6 states.
// expect: RNN: An `initial_state` was passed that is not compatible with `cell.state_size`: each state must have the
// shape of the state it replaces
constexpr Shape conv_lstm_state_of_input_size = called(
    ConvLSTM2D{.filters = 4, .kernel_size = 3}, {Shape{None, 5, 8, 8, 3}, Shape{None, 8, 8, 4}, Shape{None, 8, 8, 4}});

// expect: RNN: expects the input sequence, then optionally its initial states
constexpr std::size_t lstm_on_nothing = called_on_nothing(LSTM{.units = 4});

// Keras 2's constants go to a cell whose call takes them; nnshape's cells take none.
// expect: RNN: RNN cell does not support constants
constexpr std::size_t lstm_with_constants = [] {
    Graph g;
    auto x = Input(g, {.shape = {5, 3}});
    return LSTM{.units = 4}(x, {.constants = {Input(g, {.shape = {2}})}}).size();
}();

// expect: RNN: give the initial states either after the input sequence in the list of inputs or as initial_state, not
// both
constexpr std::size_t gru_states_twice = [] {
    Graph g;
    auto x = Input(g, {.shape = {5, 3}});
    auto h = Input(g, {.shape = {4}});
    return GRU{.units = 4}({x, h}, {.initial_state = h}).size();
}();

// A named layer value called with call arguments, as without: each call would be a new layer.
// expect: nnshape: a named layer value cannot be called
constexpr std::size_t named_lstm_with_initial_state = [] {
    Graph g;
    auto x = Input(g, {.shape = {5, 3}});
    const LSTM lstm{.units = 4};
    lstm(x, {.initial_state = {Input(g, {.shape = {4}}), Input(g, {.shape = {4}})}});
    return std::size_t{0};
}();

// --- layers/merging.hpp

// expect: Merge: inputs must have a batch axis
constexpr Shape add_scalars = called(Add{}, {Shape{}, Shape{}});

// expect: Merge: Cannot merge tensors with different batch sizes.
constexpr Shape add_other_batch_sizes = called(Add{}, {Shape{2, 4}, Shape{3, 4}});

// expect: Merge: Inputs have incompatible shapes (operands could not be broadcast together)
constexpr Shape add_not_broadcast = called(Add{}, {Shape{None, 4}, Shape{None, 5}});

// expect: Dot: Invalid format for argument `axes`: it should contain two elements.
constexpr Dot three_dot_axes{.axes = {1, 2, 3}};

// expect: Merge: A merge layer should be called on a list of at least 1 input.
constexpr std::size_t add_on_nothing = called_on_nothing(Add{});

// expect: Subtract: A `Subtract` layer should be called on exactly 2 inputs.
constexpr Shape subtract_three = called(Subtract{}, {Shape{None, 4}, Shape{None, 4}, Shape{None, 4}});

// expect: Concatenate: A `Concatenate` layer should be called on a list of at least 1 input.
constexpr std::size_t concatenate_nothing = called_on_nothing(Concatenate{});

// The notebook's (2, 50, 60, 3) and (2, 60, 50, 3) concatenated on axis 3.
// expect: Concatenate: A `Concatenate` layer requires inputs with matching shapes except for the concatenation axis.
constexpr Shape concatenate_mismatch = called(Concatenate{.axis = 3}, {Shape{2, 50, 60, 3}, Shape{2, 60, 50, 3}});

// expect: Concatenate: A `Concatenate` layer requires inputs with matching shapes except for the concatenation axis.
constexpr Shape concatenate_other_ranks = called(Concatenate{}, {Shape{None, 4}, Shape{None, 2, 4}});

// expect: Dot: Invalid type for argument `axes`: it should be a list or an int.
constexpr Shape dot_without_axes = called(Dot{}, {Shape{None, 4}, Shape{None, 4}});

// expect: Dot: A `Dot` layer should be called on a list of 2 inputs.
constexpr Shape dot_three = called(Dot{.axes = 1}, {Shape{None, 4}, Shape{None, 4}, Shape{None, 4}});

// expect: Dot: Cannot do batch_dot on inputs with rank < 2.
constexpr Shape dot_rank1 = called(Dot{.axes = 1}, {Shape{None}, Shape{None}});

// expect: Dot: Cannot do batch_dot on inputs with different batch sizes.
constexpr Shape dot_other_batch_sizes = called(Dot{.axes = 1}, {Shape{2, 4}, Shape{3, 4}});

// expect: Dot: Cannot perform batch_dot over axis 0.
constexpr Shape dot_batch_axis = called(Dot{.axes = 0}, {Shape{None, 4}, Shape{None, 4}});

// Spec §9: Dot(axes=2) on (3, 4) and (5, 6): 4 != 6.
// expect: Dot: Incompatible input shapes: the sizes along the two dot axes differ.
constexpr Shape dot_incompatible_axes = called(Dot{.axes = 2}, {Shape{None, 3, 4}, Shape{None, 5, 6}});

// --- layers/attention.hpp: EinsumDense

// EinsumDense takes "[X],[Y]->[Z]" with an optional ellipsis; "ab->b" has no kernel spec.
// expect: EinsumDense: Invalid einsum equation. Equations must be in the form [X],[Y]->[Z], ...[X],[Y]->...[Z], or
// [X]...,[Y]->[Z]....
constexpr Sequential einsum_no_kernel_spec{
    EinsumDense{.equation = "ab->b", .output_shape = 4, .input_shape = Shape{4}}};

// expect: EinsumDense: the input's rank does not match the equation's input spec
constexpr Sequential einsum_rank3_input{
    EinsumDense{.equation = "ab,bc->ac", .output_shape = 4, .input_shape = Shape{3, 4}}};

// expect: EinsumDense: output_shape must give the size of each output axis but the first and the ellipsis
constexpr Sequential einsum_two_output_sizes{
    EinsumDense{.equation = "ab,bc->ac", .output_shape = {4, 5}, .input_shape = Shape{4}}};

// Axis b is 3 in the input and 5 in the output.
// expect: EinsumDense: Input shape and output shape do not match at shared dimension
constexpr Sequential einsum_shared_axis{
    EinsumDense{.equation = "abc,cd->abd", .output_shape = {5, 6}, .input_shape = Shape{3, 4}}};

// expect: EinsumDense: Dimension was specified in the output but has no corresponding dim in the input spec or weight
// spec
constexpr Sequential einsum_output_letter{
    EinsumDense{.equation = "ab,bc->ad", .output_shape = 4, .input_shape = Shape{4}}};

// expect: EinsumDense: Weight dimension did not have a match in either the input spec or the output spec. For this
// layer, the weight must be fully specified.
constexpr Sequential einsum_weight_letter{
    EinsumDense{.equation = "ab,bce->ac", .output_shape = 4, .input_shape = Shape{4}}};

// expect: EinsumDense: Bias dimension was requested, but is not part of the output spec
constexpr Sequential einsum_bias_letter{
    EinsumDense{.equation = "ab,bc->ac", .output_shape = 4, .bias_axes = "d", .input_shape = Shape{4}}};

// The kernel takes b, which is None in the input.
// expect: EinsumDense: every dimension of the kernel and bias must be defined. Found None.
constexpr Sequential einsum_unknown_kernel_dim{
    EinsumDense{.equation = "ab,bc->ac", .output_shape = 4, .input_shape = Shape{None}}};

// --- layers/attention.hpp: MultiHeadAttention

// expect: MultiHeadAttention: Received an invalid value for argument `num_heads`, expected a positive integer.
constexpr Shape mha_no_heads = called(MultiHeadAttention{.key_dim = 2}, {query, value});

// expect: MultiHeadAttention: Received an invalid value for argument `key_dim`, expected a positive integer.
constexpr Shape mha_no_key_dim = called(MultiHeadAttention{.num_heads = 2}, {query, value});

// expect: MultiHeadAttention: Received an invalid value for argument `value_dim`, expected a positive integer or
// `None`.
constexpr Shape mha_zero_value_dim =
    called(MultiHeadAttention{.num_heads = 2, .key_dim = 2, .value_dim = 0}, {query, value});

// expect: MultiHeadAttention: `sliding_window` must be `None` or a positive integer.
constexpr Shape mha_zero_window =
    called(MultiHeadAttention{.num_heads = 2, .key_dim = 2, .sliding_window = 0}, {query, value});

// expect: MultiHeadAttention: expected the inputs [query, value] or [query, value, key]
constexpr Shape mha_on_query_only = called(MultiHeadAttention{.num_heads = 2, .key_dim = 2}, {query});

// Keras 3 test_shape_mismatch_error: key (2, 1, 7) against value (2, 2, 8).
// expect: MultiHeadAttention: All dimensions of `value` and `key`, except the last one, must be equal.
constexpr Shape mha_key_value_mismatch = called(MultiHeadAttention{.num_heads = 4, .key_dim = 2, .value_dim = 2},
                                                {Shape{2, 4, 8}, Shape{2, 2, 8}, Shape{2, 1, 7}});

// expect: MultiHeadAttention: query, value and key must have the same rank, at least 2
constexpr Shape mha_other_ranks =
    called(MultiHeadAttention{.num_heads = 2, .key_dim = 2}, {Shape{None, 4, 8}, Shape{None, 8}});

// expect: MultiHeadAttention: the last dimension of query, value and key must be defined. Found None.
constexpr Shape mha_unknown_features =
    called(MultiHeadAttention{.num_heads = 2, .key_dim = 2}, {Shape{None, 4, None}, Shape{None, 6, 8}});

// expect: MultiHeadAttention: output_shape must not contain None
constexpr Shape mha_unknown_output_size =
    called(MultiHeadAttention{.num_heads = 2, .key_dim = 2, .output_shape = {None, 4}}, {query, value});

// expect: MultiHeadAttention: attention_axes must be distinct axes of the query other than its batch and feature axes
constexpr Shape mha_batch_axis_attended =
    called(MultiHeadAttention{.num_heads = 2, .key_dim = 2, .attention_axes = {0}}, {query, value});

// --- layers/attention.hpp: GroupedQueryAttention, Attention, AdditiveAttention

// expect: GroupedQueryAttention: head_dim, num_query_heads and num_key_value_heads must be positive integers
constexpr Shape gqa_no_heads = called(GroupQueryAttention{.head_dim = 2}, {query, value});

// expect: GroupedQueryAttention: `num_query_heads` must be divisible by `num_key_value_heads`.
constexpr Shape gqa_heads_not_divisible =
    called(GroupQueryAttention{.head_dim = 2, .num_query_heads = 3, .num_key_value_heads = 2}, {query, value});

// expect: GroupedQueryAttention: `sliding_window` must be `None` or a positive integer.
constexpr Shape gqa_zero_window =
    called(GroupQueryAttention{.head_dim = 2, .num_query_heads = 4, .num_key_value_heads = 2, .sliding_window = 0},
           {query, value});

// expect: GroupedQueryAttention: expected the inputs [query, value] or [query, value, key]
constexpr Shape gqa_on_query_only = called(gqa, {query});

// expect: GroupedQueryAttention: query, value and key must have rank 3 (batch, time, features)
constexpr Shape gqa_rank4 = called(gqa, {Shape{None, 4, 4, 8}, Shape{None, 6, 4, 8}});

// expect: GroupedQueryAttention: The last dimension of `query_shape` and `value_shape` must be equal
constexpr Shape gqa_other_features = called(gqa, {Shape{None, 4, 8}, Shape{None, 6, 6}});

// expect: GroupedQueryAttention: All dimensions of `value` and `key`, except the last one, must be equal.
constexpr Shape gqa_key_value_mismatch = called(gqa, {query, value, Shape{None, 5, 8}});

// expect: GroupedQueryAttention: the last dimension of query, value and key must be defined. Found None.
constexpr Shape gqa_unknown_features = called(gqa, {Shape{None, 4, None}, Shape{None, 6, None}});

// expect: Attention: Invalid value for argument score_mode. Expected one of {'dot', 'concat'}
constexpr Shape attention_score_mode = called(Attention{.score_mode = "general"}, {query, value});

// expect: Attention: Attention layer accepts inputs list of length 2 or 3, namely [query, value] or [query, value,
// key].
constexpr Shape attention_on_query_only = called(Attention{}, {query});

// expect: AdditiveAttention: AdditiveAttention layer accepts inputs list of length 2 or 3, namely [query, value] or
// [query, value, key].
constexpr Shape additive_attention_on_query_only = called(AdditiveAttention{}, {query});

// The scale has the query's last dimension.
// expect: AdditiveAttention: the last dimension of the query must be defined. Found None.
constexpr Shape additive_attention_unknown_features =
    called(AdditiveAttention{}, {Shape{None, 4, None}, Shape{None, 6, None}});

// --- layers/wrappers.hpp

// expect: Bidirectional: with merge_mode sum, mul or ave the forward and backward outputs must have the same shape
constexpr Sequential bidirectional_sum_of_other_shapes{
    Bidirectional{.layer = LSTM{.units = 4},
                  .merge_mode = MergeMode::sum,
                  .backward_layer = LSTM{.units = 5, .go_backwards = true},
                  .input_shape = Shape{5, 3}}};

// expect: Bidirectional: Forward layer and backward layer should have the same `return_sequences`, `return_state` and
// `stateful`.
constexpr Sequential bidirectional_other_return_sequences{
    Bidirectional{.layer = LSTM{.units = 4},
                  .backward_layer = LSTM{.units = 4, .return_sequences = true, .go_backwards = true},
                  .input_shape = Shape{5, 3}}};

// expect: Bidirectional: Forward layer and backward layer should have different `go_backwards` value.
constexpr Sequential bidirectional_same_direction{
    Bidirectional{.layer = LSTM{.units = 4}, .backward_layer = LSTM{.units = 4}, .input_shape = Shape{5, 3}}};

// Three states cannot be split between the two directions.
// expect: Bidirectional: When passing `initial_state` to a Bidirectional RNN, the state should be a list containing
// the states of the underlying RNNs.
constexpr Shape bidirectional_odd_states = called(Bidirectional{.layer = LSTM{.units = 4}},
                                                  {Shape{None, 5, 3}, Shape{None, 4}, Shape{None, 4}, Shape{None, 4}});

// expect: Bidirectional: expects the input sequence, then optionally its initial states
constexpr std::size_t bidirectional_on_nothing = called_on_nothing(Bidirectional{.layer = LSTM{.units = 4}});

// Keras's TimeDistributed message for a (None, 16) input.
// expect: TimeDistributed: `TimeDistributed` Layer should be passed an `input_shape` with at least 3 dimensions
constexpr Sequential time_distributed_rank2{TimeDistributed{.layer = Dense{.units = 8}, .input_shape = Shape{16}}};

// expect: SpectralNormalization: the wrapped layer has no attribute 'kernel' nor 'embeddings'
constexpr Sequential spectral_normalization_of_flatten{
    SpectralNormalization{.layer = Flatten{}, .input_shape = Shape{4, 4}}};

// expect: SpectralNormalization: `power_iterations` should be greater than zero.
constexpr Sequential spectral_normalization_no_iterations{
    SpectralNormalization{.layer = Dense{.units = 4}, .power_iterations = 0, .input_shape = Shape{4}}};

// --- layers/attention.hpp: Keras arguments

// expect: EinsumDense: lora_rank must be a non-negative integer
constexpr Sequential einsum_negative_lora_rank{
    EinsumDense{.equation = "ab,bc->ac", .output_shape = 4, .lora_rank = -1, .input_shape = Shape{3}}};
