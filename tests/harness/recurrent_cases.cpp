// Every layer of the recurrent, convolutional recurrent, wrapper and attention families through every
// path, at compile time and at run time (layer_case.hpp).
#include "cases/attention.hpp"
#include "cases/convolutional_recurrent.hpp"
#include "cases/recurrent.hpp"
#include "cases/wrappers.hpp"

namespace nnshape::harness {

static_assert(recurrent_cases(at_compile_time));
static_assert(rnn_cell_cases(at_compile_time));
static_assert(cudnn_recurrent_cases(at_compile_time));
static_assert(convolutional_recurrent_cases(at_compile_time));
static_assert(wrappers_cases(at_compile_time));
static_assert(attention_cases(at_compile_time));
static_assert(attention_scored_cases(at_compile_time));
static_assert(attention_score_and_gate_cases(at_compile_time));

TEST_CASE("harness: recurrent layers") { CHECK(recurrent_cases(at_run_time)); }
TEST_CASE("harness: RNN over cells") { CHECK(rnn_cell_cases(at_run_time)); }
TEST_CASE("harness: CuDNNLSTM and CuDNNGRU") { CHECK(cudnn_recurrent_cases(at_run_time)); }
TEST_CASE("harness: convolutional recurrent layers") { CHECK(convolutional_recurrent_cases(at_run_time)); }
TEST_CASE("harness: wrappers") { CHECK(wrappers_cases(at_run_time)); }
TEST_CASE("harness: MultiHeadAttention and GroupQueryAttention") { CHECK(attention_cases(at_run_time)); }
TEST_CASE("harness: Attention, AdditiveAttention and EinsumDense") { CHECK(attention_scored_cases(at_run_time)); }
TEST_CASE("harness: attention scores and gates") { CHECK(attention_score_and_gate_cases(at_run_time)); }

} // namespace nnshape::harness
