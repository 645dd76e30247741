// CuDNNLSTM and CuDNNGRU (layers/recurrent_cudnn.hpp) against Keras 2.x's keras/layers/cudnn_recurrent.py
// and tf.keras 2.15's keras/layers/rnn/cudnn_lstm.py, cudnn_gru.py, base_cudnn_rnn.py and cudnn_test.py.
// Each constexpr test runs at compile time (static_assert) and at run time (CHECK).
#include <doctest/doctest.h>
#include <nnshape/nnshape.hpp>
#include <nnshape/analysis/flops.hpp>

#include "../check.hpp"

namespace unit_layers_recurrent_cudnn_test {

namespace {
using namespace nnshape;

// The weights as the layers' build makes them (Keras 2.3.1 cudnn_recurrent.py, tf.keras 2.15
// cudnn_lstm.py / cudnn_gru.py): CuDNNLSTM kernel (input_dim, 4u), recurrent_kernel (u, 4u), bias (8u);
// CuDNNGRU kernel (input_dim, 3u), recurrent_kernel (u, 3u), bias (6u). tf.keras's cudnn_test uses
// input_size 10 and units 2: CuDNNLSTM 80 + 16 + 16 = 112, CuDNNGRU 60 + 12 + 12 = 84.
constexpr bool test_weights()
{
    FACT(CuDNNLSTM{.units = 2}.params(Shape{None, 3, 10}) == Params{112});
    FACT(CuDNNGRU{.units = 2}.params(Shape{None, 3, 10}) == Params{84});
    // 128 units on 300 features: 300*512 + 128*512 + 1024 = 220,160; GRU 300*384 + 128*384 + 768 = 165,120.
    FACT(CuDNNLSTM{.units = 128}.params(Shape{None, 70, 300}) == Params{220160});
    FACT(CuDNNGRU{.units = 128}.params(Shape{None, 70, 300}) == Params{165120});
    // LSTM has one bias per gate (4u), CuDNNLSTM two (8u); CuDNNGRU is GRU with reset_after (6u both).
    FACT(CuDNNLSTM{.units = 2}.params(Shape{None, 3, 10}).total() ==
         LSTM{.units = 2}.params(Shape{None, 3, 10}).total() + 4 * 2);
    FACT(CuDNNGRU{.units = 2}.params(Shape{None, 3, 10}) == GRU{.units = 2}.params(Shape{None, 3, 10}));
    // trainable=False moves them all to non-trainable (base_cudnn_rnn.py non_trainable_weights).
    const Sequential frozen{CuDNNGRU{.units = 2, .trainable = false, .input_shape = {3, 10}}};
    FACT(frozen.params() == (Params{.trainable = 0, .non_trainable = 84}));
    return true;
}
static_assert(test_weights());

// Shapes: the RNN base class's compute_output_shape (tf.keras 2.15 base_rnn.py; Keras 2.3.1 recurrent.py),
// with the cell's state_size (units,) for CuDNNGRU and (units, units) for CuDNNLSTM.
constexpr bool test_shapes()
{
    const Shape in{None, 3, 10};
    FACT(CuDNNLSTM{.units = 2}.output_shapes(in) == Shapes{Shape{None, 2}});
    FACT(CuDNNGRU{.units = 2, .return_sequences = true}.output_shapes(in) == Shapes{Shape{None, 3, 2}});
    FACT(CuDNNLSTM{.units = 2, .return_sequences = true, .return_state = true}.output_shapes(in) ==
         (Shapes{Shape{None, 3, 2}, Shape{None, 2}, Shape{None, 2}}));
    FACT(CuDNNGRU{.units = 2, .return_state = true}.output_shapes(in) == (Shapes{Shape{None, 2}, Shape{None, 2}}));
    FACT(CuDNNGRU{.units = 2, .go_backwards = true}.output_shapes(in) == Shapes{Shape{None, 2}});
    // cudnn_test test_stateful: Input(batch_shape=(2, 3, 10)), layer(2, return_state=True, stateful=True).
    FACT(CuDNNLSTM{.units = 2, .return_state = true, .stateful = true}.output_shapes(Shape{2, 3, 10}) ==
         (Shapes{Shape{2, 2}, Shape{2, 2}, Shape{2, 2}}));
    // cudnn_test test_time_major_input: layer(2, time_major=True, return_sequences=True) on (timesteps,
    // batch, 10) gives (timesteps, batch, 2).
    FACT(CuDNNGRU{.units = 2, .return_sequences = true, .time_major = true}.output_shapes(Shape{3, None, 10}) ==
         Shapes{Shape{3, None, 2}});
    return true;
}
static_assert(test_shapes());

// In the wrappers, as Keras 2 files use them: Bidirectional(CuDNNLSTM(2)) runs the layer twice
// (Bidirectional.__init__ copies the config with go_backwards flipped), concat merges the outputs;
// TimeDistributed runs it on each step of (batch, steps, timesteps, features).
constexpr bool test_wrapped()
{
    const Bidirectional both{.layer = CuDNNLSTM{.units = 2, .return_sequences = true}};
    FACT(both.output_shapes(Shape{None, 3, 10}) == Shapes{Shape{None, 3, 4}});
    FACT(both.params(Shape{None, 3, 10}) == Params{224});
    const Bidirectional with_states{.layer = CuDNNGRU{.units = 2, .return_state = true}, .merge_mode = MergeMode::sum};
    FACT(with_states.output_shapes(Shape{None, 3, 10}) == (Shapes{Shape{None, 2}, Shape{None, 2}, Shape{None, 2}}));
    const TimeDistributed each{.layer = CuDNNGRU{.units = 2}};
    FACT(each.output_shapes(Shape{None, 4, 3, 10}) == Shapes{Shape{None, 4, 2}});
    FACT(each.params(Shape{None, 4, 3, 10}) == Params{84});
    return true;
}
static_assert(test_wrapped());

// The cost follows nnshape's gated-cell rule (analysis/flops.hpp) with cuDNN's two biases per gate:
// per step and sample, 4 gates x units x (input_dim + units) MACs; FLOPs 2 per MAC plus, per unit,
// 4 joining adds, 8 bias adds and 4 state ops. CuDNNLSTM(2) on 3 steps of 10: 96 MACs, 224 FLOPs a step.
constexpr bool test_cost()
{
    Graph g;
    auto x = Input(g, {.shape = {3, 10}});
    const Model m{x, CuDNNLSTM{.units = 2}(x)};
    FACT(cost(m).calls[1] == (Cost{.macs = 3 * 96, .flops = 3 * 224}));
    return true;
}
static_assert(test_cost());

// tf.keras 2.15 cudnn_test test_specify_initial_state_keras_tensor: inputs Input((3, 10)), initial_state
// one Input((2,)) per state (2 for CuDNNLSTM, 1 for CuDNNGRU), layer(2)(inputs, initial_state=...) -> (None, 2).
constexpr bool test_initial_state()
{
    Graph g;
    auto x = Input(g, {.shape = {3, 10}});
    auto h = Input(g, {.shape = {2}});
    auto c = Input(g, {.shape = {2}});
    FACT(CuDNNLSTM{.units = 2}(x, {.initial_state = {h, c}})[0].shape() == Shape{None, 2});
    FACT(CuDNNGRU{.units = 2}(x, {.initial_state = {h}})[0].shape() == Shape{None, 2});
    return true;
}
static_assert(test_initial_state());

} // namespace

TEST_CASE("CuDNNLSTM and CuDNNGRU: weights, shapes, wrappers and cost (same tests as the static_asserts)")
{
    CHECK(test_weights());
    CHECK(test_shapes());
    CHECK(test_wrapped());
    CHECK(test_cost());
    CHECK(test_initial_state());
}

TEST_CASE("CuDNNLSTM and CuDNNGRU: Keras 2's automatic names")
{
    // Keras 2.3.1 base_layer._to_snake_case and tf.keras generic_utils.to_snake_case: "cu_dnnlstm",
    // numbered from 1 in Keras 2 (cu_dnnlstm_1) and from 0 in tf.keras (cu_dnngru).
    const Sequential s{CuDNNLSTM{.units = 2, .return_sequences = true, .input_shape = {3, 10}}, CuDNNGRU{.units = 2}};
    CHECK(s.layers()[0].name(keras2) == "cu_dnnlstm_1");
    CHECK(s.layers()[1].name(tf_keras) == "cu_dnngru");
}

TEST_CASE("CuDNNLSTM and CuDNNGRU: invalid input")
{
    // InputSpec(ndim=3) (base_cudnn_rnn.py); build reads int(input_shape[-1]).
    CHECK_THROWS_WITH_AS((CuDNNLSTM{.units = 2}.output_shapes(Shape{None, 10})),
                         "RNN: expected ndim=3 (batch, timesteps, features)", shape_error);
    CHECK_THROWS_WITH_AS((CuDNNGRU{.units = 2}.params(Shape{None, 3, None})),
                         "RNN: the feature (last) dimension of the input must be defined", shape_error);
    CHECK_THROWS_AS((CuDNNGRU{.units = 0}.output_shapes(Shape{None, 3, 10})), shape_error);
    // A stateful RNN needs its batch size (RNN.reset_states).
    CHECK_THROWS_WITH_AS((CuDNNLSTM{.units = 2, .stateful = true}.output_shapes(Shape{None, 3, 10})),
                         doctest::Contains("RNN: If a RNN is stateful, it needs to know its batch size."), shape_error);
    // base_cudnn_rnn.py call: "Layer has 2 states but was passed 1 initial states."
    const Shape states[] = {Shape{None, 3, 10}, Shape{None, 2}};
    CHECK_THROWS_WITH_AS((CuDNNLSTM{.units = 2}.output_shapes(std::span<const Shape>(states))),
                         doctest::Contains("RNN: An `initial_state` was passed that is not compatible"), shape_error);
}

} // namespace unit_layers_recurrent_cudnn_test
