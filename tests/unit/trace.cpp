// Trace: a model's forward pass as layer calls on numbered tensors, nested models opened up.
// Shapes follow from Keras's rules (keras-semantics.md §2, §4.1): Conv2D 3x3 valid takes 27 -> 25 -> 23,
// MaxPooling2D(2) 23 -> 11, Flatten 11*11*64 = 7744.
#include <doctest/doctest.h>
#include <nnshape/nnshape.hpp>

#include "check.hpp"

#include <string_view>

namespace unit_trace_test {

using namespace nnshape;

namespace {

// §4.1's vision model shared by two inputs: 2 inputs + 2 x 4 inner calls + Concatenate + Dense.
constexpr bool shared_sub_model_is_opened_twice()
{
    Graph g;
    auto digit = Input(g, {.shape = Shape{27, 27, 1}});
    auto x = Conv2D{.filters = 64, .kernel_size = 3}(digit);
    x = Conv2D{.filters = 64, .kernel_size = 3}(x);
    x = MaxPooling2D{.pool_size = 2}(x);
    Model vision{digit, Flatten{}(x)};
    auto a = Input(g, {.shape = Shape{27, 27, 1}});
    auto b = Input(g, {.shape = Shape{27, 27, 1}});
    Model m{{a, b}, Dense{.units = 1}(Concatenate{}({vision(a), vision(b)}))};

    const Trace<> t = trace(m);
    FACT(t.calls.size() == 2 + 2 * 4 + 2);
    FACT(t.inputs.size() == 2);
    FACT(t.outputs.size() == 1);
    FACT(t.calls[0].class_name() == "InputLayer");
    FACT(t.calls[0].input_count == 0);
    // The first inner Conv2D runs on input a; the second copy of it on input b, one level down.
    const auto& conv_a = t.calls[2];
    FACT(conv_a.class_name() == "Conv2D");
    FACT(conv_a.depth == 1);
    FACT(t.inputs_of(conv_a)[0] == t.inputs[0]);
    FACT(t.output_shapes(conv_a)[0] == Shape{None, 25, 25, 64});
    const auto& concat = t.calls[t.calls.size() - 2];
    FACT(concat.class_name() == "Concatenate");
    FACT(concat.depth == 0);
    FACT(concat.input_count == 2);
    FACT(t.input_shapes(concat)[1] == Shape{None, 7744});
    for (std::size_t id = 0; id < t.tensors.size(); ++id) {
        FACT(t.producer[id] >= 0);
        FACT(t.outputs_of(t.calls[std::size_t(t.producer[id])])[0] == std::int32_t(id));
    }
    FACT(t.tensors[std::size_t(t.outputs[0])] == Shape{None, 1});
    return true;
}
static_assert(shared_sub_model_is_opened_twice());

// A sub-model built on (None, None, 3) called on (None, 32, 32, 3): its calls get the new shapes.
constexpr bool sub_model_on_new_shapes()
{
    Graph g;
    auto any = Input(g, {.shape = Shape{None, None, 3}});
    Model body{any, MaxPooling2D{.pool_size = 2}(Conv2D{.filters = 8, .kernel_size = 3, .padding = same}(any))};
    auto image = Input(g, {.shape = Shape{32, 32, 3}});
    Model m{image, body(image)};
    const Trace<> t = trace(m);
    FACT(t.calls.size() == 3);
    FACT(t.tensors[std::size_t(t.outputs[0])] == Shape{None, 16, 16, 8});
    FACT(t.output_shapes(t.calls[1])[0] == Shape{None, 32, 32, 8});
    return true;
}
static_assert(sub_model_on_new_shapes());

// A Sequential without an InputLayer: tensor 0 is its input, made by no call.
constexpr bool sequential_chain()
{
    constexpr Sequential m{Dense{.units = 32, .input_shape = Shape{784}}, Dense{.units = 10}};
    const auto t = trace(m);
    FACT(t.calls.size() == 2);
    FACT(t.producer[0] == -1);
    FACT(t.tensors[0] == Shape{None, 784});
    FACT(t.inputs_of(t.calls[1])[0] == 1);
    FACT(t.tensors[2] == Shape{None, 10});
    FACT(t.outputs[0] == 2);
    return true;
}
static_assert(sequential_chain());

} // namespace

TEST_CASE("trace opens shared sub-models once per call, at compile time and at run time")
{
    CHECK(shared_sub_model_is_opened_twice());
    CHECK(sub_model_on_new_shapes());
    CHECK(sequential_chain());
}

TEST_CASE("a Sequential that starts with an InputLayer traces it as the call making tensor 0")
{
    Sequential<> m;
    m.add(InputLayer{.shape = Shape{8}});
    m.add(Dense{.units = 4});
    const auto t = trace(m);
    REQUIRE(t.calls.size() == 2);
    CHECK(t.calls[0].class_name() == std::string_view("InputLayer"));
    CHECK(t.producer[0] == 0);
    CHECK(t.tensors[1] == Shape{None, 4});
}

} // namespace unit_trace_test
