// Compile-fail cases (see check.cmake): shapes, layer arguments, names, overflow, Sequential, the
// functional API, custom layers.
#include <nnshape/nnshape.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

using namespace nnshape;

namespace {

// A custom layer whose own rule rejects its argument.
struct Scale {
    std::int64_t factor = 1;
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "Scale";

    constexpr Shape output_shape(const Shape& in) const
    {
        require(factor > 0, "Scale: factor must be positive");
        return in;
    }
};

constexpr std::int64_t two_to_31 = std::int64_t{1} << 31;
constexpr std::int64_t two_to_40 = std::int64_t{1} << 40;

} // namespace

// --- shape.hpp

// expect: Dim: the dimension is None
constexpr std::int64_t none_value = None.value();

// expect: Dim: a dimension must be >= 0 or None
constexpr Shape negative_dim{None, -2};

// expect: Shape: axis out of range
constexpr Dim past_the_rank = Shape{None, 3}[2];

// expect: Shape: axis out of range for this rank
constexpr std::size_t keras_axis_out_of_range = Shape{None, 3}.axis(-3);

// expect: Shape: rank exceeds nnshape's maximum rank of 8
constexpr Shape nine{None, 1, 2, 3, 4, 5, 6, 7, 8};

// expect: Shapes: a layer call has at most 8 outputs
constexpr Shapes nine_outputs{Shape{}, Shape{}, Shape{}, Shape{}, Shape{}, Shape{}, Shape{}, Shape{}, Shape{}};

// expect: Shapes: output index out of range
constexpr std::size_t no_output = Shapes{Shape{None, 2}}[1].rank();

// --- layer_args.hpp, detail/fixed_string.hpp

// expect: argument: expected an int or a tuple of one int per spatial axis
constexpr Conv2D three_kernel_sizes{.filters = 4, .kernel_size = {3, 3, 3}};

// expect: padding/cropping: expected an int, one int per spatial axis, or one (before, after) pair per spatial axis
constexpr ZeroPadding2D three_paddings{.padding = {1, 2, 3}};

// expect: padding/cropping: expected an int, one int per spatial axis, or one (before, after) pair per spatial axis
constexpr Cropping3D two_cropping_pairs{.cropping = {{1, 1}, {1, 1}}};

// The tuple has the batch axis's place to spare: at most 7 values.
// expect: argument: a tuple longer than the maximum rank allows
constexpr Reshape eight_dims{.target_shape = {1, 1, 1, 1, 1, 1, 1, 1}};

// expect: argument: a tuple longer than the maximum rank allows
constexpr MultiHeadAttention eight_output_dims{.num_heads = 2, .key_dim = 2, .output_shape = {1, 1, 1, 1, 1, 1, 1, 1}};

// Names hold 63 characters.
// expect: name: longer than nnshape's name capacity
constexpr Dense long_name{.units = 2, .name = "a_name_of_sixty_four_characters_which_is_one_more_than_it_holds_"};

// A record keeps a layer's automatic number in 32 bits (2^31 layers of one class would need 256 GB of records).
// expect: name: more than 2^31 - 1 layers numbered with one name
constexpr std::int32_t too_many_layers = detail::layer_number(std::int64_t{INT32_MAX} + 1);

// Calling a named layer (an lvalue) on a tensor: each call would be a new layer with new weights.
// expect: nnshape: a named layer value cannot be called: every call would make a new layer. Call a temporary, or use
// graph.add(layer) for one layer called several times (shared weights).
bool call_named_layer()
{
    Graph g;
    auto x = Input(g, {.shape = Shape{4}});
    Dense dense{.units = 8};
    dense(x);
    return true;
}

// The same for the calls with call arguments and the attention layers' positional call.
// expect: nnshape: a named layer value cannot be called: every call would make a new layer.
bool call_named_layer_with_training()
{
    Graph g;
    auto x = Input(g, {.shape = Shape{4}});
    Dropout dropout{.rate = 0.5};
    dropout(x, {.training = true});
    return true;
}

// expect: nnshape: a named layer value cannot be called: every call would make a new layer.
bool call_named_attention_on_query_and_value()
{
    Graph g;
    auto x = Input(g, {.shape = Shape{3, 4}});
    MultiHeadAttention mha{.num_heads = 2, .key_dim = 2};
    mha(x, x);
    return true;
}

// --- detail/checked.hpp: Dense(2^40) on 2^40 features has 2^80 weights; two Dense(2^31) on 2^31
// features have 2^62 + 2^31 each, which fits, but not both together.

// expect: nnshape: count overflows 64-bit arithmetic
constexpr std::int64_t layer_overflow =
    Sequential{Dense{.units = two_to_40, .input_shape = Shape{two_to_40}}}.count_params();

// expect: nnshape: count overflows 64-bit arithmetic
constexpr std::int64_t total_overflow =
    Sequential{Dense{.units = two_to_31, .input_shape = Shape{two_to_31}}, Dense{.units = two_to_31}}.count_params();

// --- detail/rules.hpp, detail/layer_call.hpp

// expect: InputLayer: an InputLayer takes no inputs
constexpr Sequential input_layer_called{Dense{.units = 2, .input_shape = Shape{4}}, InputLayer{.shape = Shape{2}}};

// expect: Layer: this layer expects 1 input tensor
constexpr Shape dense_on_two = [] {
    Graph g;
    auto a = Input(g, {.shape = Shape{4}});
    auto b = Input(g, {.shape = Shape{4}});
    return Dense{.units = 2}({a, b}).shape();
}();

// Keras: a shared Dense built on 4 features cannot take 5.
// expect: Input is incompatible with layer: the layer was first called on inputs that gave it weights of other shapes
constexpr Shape shared_on_other_features = [] {
    Graph g;
    auto dense = g.add(Dense{.units = 2});
    dense(Input(g, {.shape = Shape{4}}));
    return dense(Input(g, {.shape = Shape{5}})).shape();
}();

// --- sequential.hpp

// expect: Sequential: All layers in a Sequential model should have a single output tensor.
constexpr Sequential lstm_states{LSTM{.units = 4, .return_state = true, .input_shape = Shape{5, 3}}};

// Keras's error for count_params() on a Sequential whose first layer declares no input shape.
// expect: Sequential: This model has not yet been built: give the first layer an input_shape or batch_input_shape
// argument, or start with an InputLayer.
constexpr std::int64_t not_built = Sequential{Dense{.units = 2}}.count_params();

// --- detail/stored_layer.hpp

// A StoredLayer moved from holds no layer any more.
// expect: StoredLayer: used after it was moved from
constexpr std::size_t moved_from_stored_layer = [] {
    StoredLayer a(Dense{.units = 4});
    const StoredLayer b = std::move(a);
    return a.given_name().size() + b.given_name().size();
}();

// --- functional.hpp

// expect: Tensors: index out of range
constexpr std::int32_t no_tensor = Tensors(std::vector<Tensor>{})[0].index();

// An LSTM with return_state returns three tensors.
// expect: Tensors: this layer call has several outputs; pick one with [i]
constexpr Shape lstm_states_as_one = [] {
    Graph g;
    auto x = Input(g, {.shape = Shape{5, 3}});
    return LSTM{.units = 4, .return_state = true}(x).shape();
}();

// Keras 3's `mha(q, v)`: attention layers only.
// expect: SharedLayer: only MultiHeadAttention and GroupQueryAttention take query, value and key as separate tensors
constexpr Shape shared_dense_on_query_value = [] {
    Graph g;
    auto x = Input(g, {.shape = Shape{4}});
    return g.add(Dense{.units = 2})(x, x)[0].shape();
}();

// expect: Graph: a layer is called on tensors of one Graph
constexpr Shape called_on_two_graphs = [] {
    Graph g, h;
    auto x = Input(g, {.shape = Shape{4}});
    auto y = Input(h, {.shape = Shape{4}});
    return Concatenate{}({x, y}).shape();
}();

// expect: Graph: this layer or model was made in its Graph after that Graph was first used in this one
constexpr Shape made_after_first_use = [] {
    Graph g, h;
    auto x = Input(h, {.shape = Shape{4}});
    auto first = g.add(Dense{.units = 2});
    first(x); // h takes in g's records as they are now
    auto later = g.add(Dense{.units = 3});
    return later(x).shape();
}();

// expect: Model: called on a different number of tensors than it has inputs
constexpr Shape model_on_two = [] {
    Graph g;
    auto x = Input(g, {.shape = Shape{4}});
    Model m{x, Dense{.units = 2}(x)};
    return m({Input(g, {.shape = Shape{4}}), Input(g, {.shape = Shape{4}})}).shape();
}();

// Keras: TypeError, an unexpected keyword argument; only the recurrent layers take initial_state.
// expect: call arguments: initial_state and constants are call arguments of the recurrent layers only
constexpr Shape dense_with_initial_state = [] {
    Graph g;
    auto x = Input(g, {.shape = Shape{4}});
    return Dense{.units = 2}(x, {.initial_state = Input(g, {.shape = Shape{2}})}).shape();
}();

// expect: call arguments: initial_state and constants are call arguments of the recurrent layers only
constexpr Shape model_with_initial_state = [] {
    Graph g;
    auto x = Input(g, {.shape = Shape{4}});
    Model m{x, Dense{.units = 2}(x)};
    return m(Input(g, {.shape = Shape{4}}), {.initial_state = x}).shape();
}();

// --- sequential_model.hpp: Sequentials that hold models or are called on tensors

// Keras 3's Sequential.add takes a keras.Input tensor as its InputLayer; any other tensor is no layer.
// expect: Sequential: Only instances of `keras.Layer` can be added to a Sequential model; a tensor only as its first
// element, and only one made by Input (its InputLayer)
constexpr std::int64_t sequential_from_dense_output = [] {
    Graph g;
    const Tensor x = Dense{.units = 2}(Input(g, {.shape = Shape{4}}));
    return Sequential{x, Dense{.units = 1}}.count_params();
}();

// expect: Sequential: its Input tensor must be of the Graph the Sequential is built in
constexpr std::int64_t sequential_input_of_other_graph = [] {
    Graph g, other;
    return Sequential{g, Input(other, {.shape = Shape{4}}), Dense{.units = 1}}.count_params();
}();

// expect: Sequential: a Sequential that holds models needs its input shape from its first layer
constexpr std::int64_t nesting_without_input = [] {
    const Sequential inner{Dense{.units = 2, .input_shape = {{3}}}};
    Sequential<std::dynamic_extent, Model> outer{Dense{.units = 3}, inner};
    return outer.count_params();
}();

// expect: Sequential: an InputLayer can only be its first layer
constexpr std::int64_t input_layer_after_model = [] {
    const Sequential inner{Dense{.units = 2, .input_shape = {{3}}}};
    Sequential outer{inner, InputLayer{.shape = Shape{2}}};
    return outer.count_params();
}();

// expect: Sequential: This model has not yet been built: add a first layer
constexpr std::int64_t empty_nesting_sequential = [] {
    Sequential<std::dynamic_extent, Model> empty;
    return empty.count_params();
}();

// expect: Sequential: a layer cannot be added after the model was called on tensors or nested
constexpr std::int64_t add_after_call = [] {
    Sequential outer{Sequential{Dense{.units = 2, .input_shape = {{3}}}}, Dense{.units = 1}};
    (void)outer(Input(outer.model().graph(), {.shape = Shape{3}}));
    outer.add(Dense{.units = 1});
    return outer.count_params();
}();

// expect: Sequential: its first model must have a single input tensor
constexpr std::int64_t two_input_model_first = [] {
    Graph g;
    auto a = Input(g, {.shape = Shape{3}});
    auto b = Input(g, {.shape = Shape{3}});
    Sequential outer{Model{{a, b}, Concatenate{}({a, b})}, Dense{.units = 1}};
    return outer.count_params();
}();

// expect: Sequential: a Sequential with no layers cannot be called or nested
constexpr Shape empty_sequential_called = [] {
    Graph g;
    return Sequential<>{}(Input(g, {.shape = Shape{3}})).shape();
}();

// A const Sequential cannot keep the model its first call makes, which later calls must share.
// expect: nnshape: a const Sequential cannot be called: its first call makes the model that later calls share.
bool call_const_sequential()
{
    Graph g;
    const Sequential s{Dense{.units = 2}};
    s(Input(g, {.shape = Shape{3}}));
    return true;
}

// --- time_distributed_model.hpp: a Model inside TimeDistributed

// expect: TimeDistributed: `TimeDistributed` Layer should be passed an `input_shape` with at least 3 dimensions
constexpr Shape time_distributed_model_rank_two = [] {
    Graph g;
    const Tensor step = Input(g, {.shape = Shape{4}});
    const Model dense(step, Dense{.units = 2}(step));
    return TimeDistributedModel{.layer = dense}(Input(g, {.shape = Shape{4}})).shape();
}();

// expect: TimeDistributed: the wrapped model must have a single input (each time step is one tensor)
constexpr Shape time_distributed_two_input_model = [] {
    Graph g;
    auto a = Input(g, {.shape = Shape{3}});
    auto b = Input(g, {.shape = Shape{3}});
    const Model both({a, b}, Concatenate{}({a, b}));
    return TimeDistributedModel{.layer = both}(Input(g, {.shape = Shape{5, 3}})).shape();
}();

// expect: TimeDistributed: a TimeDistributed model is called on one tensor
constexpr Shape time_distributed_model_on_two = [] {
    Graph g;
    const Tensor step = Input(g, {.shape = Shape{4}});
    const Model dense(step, Dense{.units = 2}(step));
    return TimeDistributedModel{.layer = dense}({Input(g, {.shape = Shape{5, 4}}), Input(g, {.shape = Shape{5, 4}})})
        .shape();
}();

// expect: nnshape: a named TimeDistributedModel cannot be called: every call would make a new TimeDistributed layer.
bool call_named_time_distributed_model()
{
    Graph g;
    const Tensor step = Input(g, {.shape = Shape{4}});
    const TimeDistributedModel td{.layer = Model(step, Dense{.units = 2}(step))};
    td(Input(g, {.shape = Shape{5, 4}}));
    return true;
}

// expect: Sequential: called on one tensor, as its first layer takes one
constexpr Shape sequential_on_two = [] {
    Graph g;
    Sequential s{Dense{.units = 2}};
    return s({Input(g, {.shape = Shape{3}}), Input(g, {.shape = Shape{3}})}).shape();
}();

// Keras: `The name "d" is used 2 times in the model. All layer names should be unique.`
// expect: Model: All layer names should be unique.
constexpr std::int64_t duplicate_names = [] {
    Graph g;
    auto x = Input(g, {.shape = Shape{4}});
    auto y = Dense{.units = 2, .name = "d"}(Dense{.units = 3, .name = "d"}(x));
    return Model{x, y}.count_params();
}();

// A given name equal to another layer's automatic one.
// expect: Model: All layer names should be unique.
constexpr std::int64_t given_name_is_automatic = [] {
    Graph g;
    auto x = Input(g, {.shape = Shape{4}});
    auto y = Dense{.units = 2, .name = "dense_1"}(Dense{.units = 3}(x));
    return Model{x, y}.count_params();
}();

// expect: Model: needs at least one input and one output tensor
constexpr std::int64_t model_without_inputs = [] {
    Graph g;
    auto x = Input(g, {.shape = Shape{4}});
    return g.model(Tensors(std::vector<Tensor>{}), Dense{.units = 2}(x)).count_params();
}();

// expect: Model: output_shapes() holds at most 8 shapes; read a model with more outputs from outputs()
constexpr std::size_t nine_output_shapes = [] {
    Graph g;
    auto x = Input(g, {.shape = Shape{4}});
    std::vector<Tensor> heads;
    for (int i = 0; i < 9; ++i) heads.push_back(Dense{.units = 1}(x));
    return g.model(x, Tensors(std::move(heads))).output_shapes().size();
}();

// expect: Model: input_shapes() holds at most 8 shapes; read a model with more inputs from inputs()
constexpr std::size_t nine_input_shapes = [] {
    Graph g;
    std::vector<Tensor> inputs;
    for (int i = 0; i < 9; ++i) inputs.push_back(Input(g, {.shape = Shape{1}}));
    const Tensors all(std::move(inputs));
    return g.model(all, Concatenate{}(all)).input_shapes().size();
}();

// expect: Model: a model with more than 8 outputs cannot be called on tensors (a call has at most 8)
constexpr std::size_t nine_outputs_called = [] {
    Graph g;
    auto x = Input(g, {.shape = Shape{4}});
    std::vector<Tensor> heads;
    for (int i = 0; i < 9; ++i) heads.push_back(Dense{.units = 1}(x));
    const Model m = g.model(x, Tensors(std::move(heads)));
    return m(Input(g, {.shape = Shape{4}})).size();
}();

// expect: Model: inputs and outputs must be tensors of the same Graph
constexpr std::int64_t model_across_graphs = [] {
    Graph g, h;
    auto x = Input(g, {.shape = Shape{4}});
    auto y = Dense{.units = 2}(Input(h, {.shape = Shape{4}}));
    return Model{x, y}.count_params();
}();

// expect: Model: Input layers to a Model must be InputLayer objects (tensors made by Input).
constexpr std::int64_t model_input_not_input_layer = [] {
    Graph g;
    auto h = Dense{.units = 3}(Input(g, {.shape = Shape{4}}));
    return Model{h, Dense{.units = 2}(h)}.count_params();
}();

// expect: Model: The list of inputs passed to the model is redundant.
constexpr std::int64_t model_same_input_twice = [] {
    Graph g;
    auto x = Input(g, {.shape = Shape{4}});
    return Model{{x, x}, Dense{.units = 2}(x)}.count_params();
}();

// The output depends on an Input that is not among the model's inputs.
// expect: Model: Graph disconnected: cannot obtain the value of a tensor the outputs need from the given inputs
constexpr std::int64_t graph_disconnected = [] {
    Graph g;
    auto a = Input(g, {.shape = Shape{4}});
    auto b = Input(g, {.shape = Shape{4}});
    return Model{a, Dense{.units = 2}(b)}.count_params();
}();

// expect: Model: the model has several outputs; use output_shapes()
constexpr Shape two_outputs_as_one = [] {
    Graph g;
    auto x = Input(g, {.shape = Shape{4}});
    return Model{x, {Dense{.units = 2}(x), Dense{.units = 3}(x)}}.output_shape();
}();

// expect: LayerView: this layer is not a Model
constexpr std::int64_t dense_as_model = [] {
    Graph g;
    auto x = Input(g, {.shape = Shape{4}});
    return Model{x, Dense{.units = 2}(x)}.layers()[1].model().count_params();
}();

// --- a custom layer's own rule fails the constant evaluation with its text, as a built-in's does

// expect: Scale: factor must be positive
constexpr Sequential custom_rule{Dense{.units = 4, .input_shape = Shape{3}}, Scale{.factor = 0}};

// --- what a layer class and a visitor must be

// A custom layer holding a std::vector: Layer stores every class in one trivially copyable union.
struct Tagged {
    std::vector<int> tags;
    NNSHAPE_LAYER_KWARGS

    static constexpr std::string_view class_name = "Tagged";

    constexpr Shape output_shape(const Shape& in) const { return in; }
};

// (A Sequential of it also reports the destructor this union cannot have.)
// expect: nnshape: a layer class must be trivially copyable (names are fixed_strings, not std::strings)
constexpr std::size_t not_trivially_copyable = sizeof(BasicLayer<Tagged>);

// expect: detail::visit: every alternative's call must return the same type
constexpr auto mixed_results = Layer(Dense{.units = 2}).visit([](const auto& l) {
    if constexpr (requires { l.units; })
        return l.units;
    else
        return 0.5;
});
