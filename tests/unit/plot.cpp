// model_to_dot: tf.keras's plot_model as DOT text (spec §7, TK column). Every expected label and edge is
// derived from tf-keras's sources: tf_keras/utils/vis_utils.py, model_to_dot() (labels, edges, clusters),
// tf_keras/engine/node.py, Node.input_shapes / output_shapes, tf_keras/engine/base_layer.py,
// Layer.input_shape / output_shape, and tf_keras/engine/functional.py, Functional.input_shape.
#include <doctest/doctest.h>
#include <nnshape/nnshape.hpp>
#include <nnshape/plot.hpp>
#include "support.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace unit_plot_test {

namespace {
using namespace nnshape;
using nnshape::test::error_of;

// The statements of a DOT text: nodes (id -> label, and the cluster each is in), edges, clusters.
struct Drawing {
    std::map<std::string, std::string> labels;
    std::map<std::string, std::string> cluster_of; // "" at the top level
    std::vector<std::pair<std::string, std::string>> edges;
    std::vector<std::string> clusters;
    std::vector<std::string> lines;

    // The node whose label starts with `name|` (names are shown unless a test hides them).
    std::string id(const std::string& name) const
    {
        for (const auto& [id, label] : labels)
            if (label.starts_with(name + "|")) return id;
        return "missing " + name;
    }
    bool has_line(const std::string& line) const { return std::ranges::find(lines, line) != lines.end(); }
};

Drawing parse(const std::string& text)
{
    Drawing dot;
    std::istringstream in(text);
    std::vector<std::string> open{""};
    for (std::string line; std::getline(in, line);) {
        line.erase(0, line.find_first_not_of(' '));
        dot.lines.push_back(line);
        if (line.starts_with("subgraph ")) {
            open.push_back(line.substr(9, line.find(' ', 9) - 9));
            dot.clusters.push_back(open.back());
        } else if (line == "}") {
            open.pop_back();
        } else if (const auto arrow = line.find(" -> "); arrow != std::string::npos) {
            dot.edges.emplace_back(line.substr(0, arrow), line.substr(arrow + 4, line.size() - arrow - 5));
        } else if (const auto label = line.find(" [label=\""); label != std::string::npos) {
            const std::string id = line.substr(0, label);
            dot.labels[id] = line.substr(label + 9, line.size() - label - 9 - 3); // drop `"];`
            dot.cluster_of[id] = open.back();
        }
    }
    return dot;
}

using Edges = std::set<std::pair<std::string, std::string>>;

// The notebook's In [2]: fm (input_2 -> conv2d_1) called four times after conv2d_2; m ends at the
// second call. Automatic names as in the notebook's summary: input_1, conv2d_2, model_1.
struct Notebook {
    Graph g;
    Model m = build(g);

    static Model build(Graph& g)
    {
        auto inputs = Input(g, {.shape = Shape{None, None, 3}});
        auto fm_in = Input(g, {.shape = Shape{None, None, 3}});
        Model fm{fm_in, Conv2D{.filters = 3, .kernel_size = 3, .padding = same}(fm_in)};
        auto x = Conv2D{.filters = 3, .kernel_size = 3, .padding = same}(inputs);
        auto y2 = fm(fm(x));
        fm(fm(y2));
        return Model{inputs, y2};
    }
};

// What a diagram draws is part of the report, so it is computed in a constant evaluation too. An
// inner model called on its own output: rows input_2, model_1, then (expanded) input_1, dense_1.
constexpr Report nested_report()
{
    Graph g;
    auto inner_in = Input(g, {.shape = Shape{4}});
    const Model inner{inner_in, Dense{.units = 4, .activation = "relu"}(inner_in)};
    auto x = Input(g, {.shape = Shape{4}});
    return report(Model{x, inner(inner(x))}, {.expand_nested = true});
}
constexpr bool second_call_edge_is_a_loop()
{
    const Report r = nested_report();
    const ReportRow& model = r.rows[1];
    return model.connections.size() == 2 && model.connections[1].layer_id == model.id;
}
static_assert(second_call_edge_is_a_loop());
constexpr bool activation_reported()
{
    const Report r = nested_report();
    return r.rows[3].activation && *r.rows[3].activation == "relu";
}
static_assert(activation_reported());
constexpr bool model_shapes_are_its_own()
{
    return nested_report().rows[1].layer_output_shapes == std::vector<Shape>{Shape{None, 4}};
}
static_assert(model_shapes_are_its_own());
constexpr bool sequential_wrapper_reported()
{
    Sequential<> s;
    s.add(TimeDistributed{.layer = Dense{.units = 2, .name = "step"}, .input_shape = Shape{3, 5}});
    const Report r = report(s);
    return r.implicit_input && r.rows[0].id == 1 && r.rows[0].wrapped_class == "Dense" &&
           r.rows[0].wrapped_name == "step";
}
static_assert(sequential_wrapper_reported());

} // namespace

TEST_CASE("plot: the notebook's shared sub-model is one node with an edge per inbound layer")
{
    Notebook nb;
    const Drawing dot = parse(model_to_dot(nb.m));
    // pydot.Dot() with rankdir, concentrate=True, dpi=96 and record nodes (model_to_dot, subgraph=False).
    CHECK(dot.has_line("digraph G {"));
    CHECK(dot.has_line("rankdir=TB;"));
    CHECK(dot.has_line("concentrate=True;"));
    CHECK(dot.has_line("dpi=96;"));
    CHECK(dot.has_line("node [shape=record];"));
    // One node per layer of model.layers; labels `name|Class`; Model(inputs, outputs) is a Functional.
    CHECK(dot.labels.size() == 3);
    CHECK(dot.labels.at(dot.id("input_1")) == "input_1|InputLayer");
    CHECK(dot.labels.at(dot.id("conv2d_2")) == "conv2d_2|Conv2D");
    CHECK(dot.labels.at(dot.id("model_1")) == "model_1|Functional");
    // Edges from the inbound layers of each call inside m: model_1's second call is on its own output.
    // The calls fm(y2) and fm(y3) are outside m (their node keys are not in m._network_nodes).
    const std::string input = dot.id("input_1"), conv = dot.id("conv2d_2"), fm = dot.id("model_1");
    CHECK(Edges(dot.edges.begin(), dot.edges.end()) == Edges{{input, conv}, {conv, fm}, {fm, fm}});
    CHECK(dot.edges.size() == 3);
    CHECK(dot.clusters.empty());
}

TEST_CASE("plot: labels with show_shapes, show_dtype, show_layer_names and show_trainable")
{
    Notebook nb;
    // An Input's node gives lists (node.py: input_tensors = [outputs]); a one-tensor call gives the
    // tuple; a Functional gives its own input and output tensors' shapes.
    const Drawing shapes = parse(model_to_dot(nb.m, {.show_shapes = true}));
    CHECK(shapes.labels.at(shapes.id("{input_1")) ==
          "{input_1|InputLayer}|{input:|output:}|{{[(None, None, None, 3)]}|{[(None, None, None, 3)]}}");
    CHECK(shapes.labels.at(shapes.id("{conv2d_2")) ==
          "{conv2d_2|Conv2D}|{input:|output:}|{{(None, None, None, 3)}|{(None, None, None, 3)}}");
    CHECK(shapes.labels.at(shapes.id("{model_1")) ==
          "{model_1|Functional}|{input:|output:}|{{(None, None, None, 3)}|{(None, None, None, 3)}}");

    const Drawing dtype = parse(model_to_dot(nb.m, {.show_dtype = true}));
    CHECK(dtype.labels.at(dtype.id("conv2d_2")) == "conv2d_2|Conv2D|float32");

    std::set<std::string> classes;
    for (const auto& [id, label] : parse(model_to_dot(nb.m, {.show_layer_names = false})).labels) classes.insert(label);
    CHECK(classes == std::set<std::string>{"InputLayer", "Conv2D", "Functional"});

    const Drawing trainable = parse(model_to_dot(nb.m, {.show_trainable = true}));
    CHECK(trainable.labels.at(trainable.id("T|input_1")) == "T|input_1|InputLayer");
}

TEST_CASE("plot: each option wraps the label built so far, in tf.keras's order")
{
    Graph g;
    auto x = Input(g, {.shape = Shape{8}});
    auto h = Dense{.units = 4, .trainable = false}(x);
    Model m{x, Activation{.activation = "relu"}(h)};
    // activation `{Activation|relu}`, then `name|`, then `|float32`, then the shapes table, then `T|`.
    const Drawing all = parse(model_to_dot(
        m, {.show_shapes = true, .show_dtype = true, .show_layer_activations = true, .show_trainable = true}));
    CHECK(all.labels.at(all.id("T|{activation_1")) ==
          "T|{activation_1|{Activation|relu}|float32}|{input:|output:}|{{(None, 4)}|{(None, 4)}}");
    // Dense's activation=None is Keras's `linear` (activations.get(None)).
    CHECK(all.labels.at(all.id("NT|{dense_1")) ==
          "NT|{dense_1|{Dense|linear}|float32}|{input:|output:}|{{(None, 8)}|{(None, 4)}}");
    Graph g2;
    auto y = Input(g2, {.shape = Shape{8}});
    Model relu{y, Dense{.units = 4, .activation = "relu"}(y)};
    const Drawing fused = parse(model_to_dot(relu, {.show_layer_names = false, .show_layer_activations = true}));
    CHECK(fused.labels.at(fused.id("{Dense")) == "{Dense|relu}");
    const Drawing names_off = parse(model_to_dot(m, {.show_layer_names = false, .show_layer_activations = true}));
    CHECK(names_off.labels.at(names_off.id("{Activation")) == "{Activation|relu}");
}

TEST_CASE("plot: rankdir and dpi go to the graph, other rankdir values are refused")
{
    Notebook nb;
    const Drawing lr = parse(model_to_dot(nb.m, {.rankdir = "LR", .dpi = 200}));
    CHECK(lr.has_line("rankdir=LR;"));
    CHECK(lr.has_line("dpi=200;"));
    CHECK(error_of([&] { (void)model_to_dot(nb.m, {.rankdir = "XY"}); }) ==
          "model_to_dot: rankdir must be TB, LR, BT or RL");
}

TEST_CASE("plot: expand_nested draws the shared sub-model once, as a dashed cluster")
{
    Notebook nb;
    const Drawing dot = parse(model_to_dot(nb.m, {.expand_nested = true}));
    // pydot.Cluster(style='dashed', label=name, labeljust='l') in place of the model's node.
    REQUIRE(dot.clusters.size() == 1);
    CHECK(dot.has_line("style=dashed;"));
    CHECK(dot.has_line("label=\"model_1\";"));
    CHECK(dot.has_line("labeljust=l;"));
    CHECK(dot.labels.size() == 4);
    CHECK(dot.id("model_1") == "missing model_1");
    const std::string input = dot.id("input_1"), conv = dot.id("conv2d_2");
    const std::string fm_input = dot.id("input_2"), fm_conv = dot.id("conv2d_1");
    CHECK(dot.cluster_of.at(fm_input) == dot.clusters[0]);
    CHECK(dot.cluster_of.at(fm_conv) == dot.clusters[0]);
    CHECK(dot.cluster_of.at(conv).empty());
    // Into the cluster: to its first node (input_2); out of it: from its last node (conv2d_1). The
    // call of model_1 on model_1's output is the Functional -> Functional case: last -> first.
    CHECK(Edges(dot.edges.begin(), dot.edges.end()) ==
          Edges{{input, conv}, {conv, fm_input}, {fm_input, fm_conv}, {fm_conv, fm_input}});
}

TEST_CASE("plot: an edge out of an expanded model leaves from its last node")
{
    Graph g;
    auto inner_in = Input(g, {.shape = Shape{4}});
    Model inner{inner_in, Dense{.units = 3}(inner_in)};
    auto x = Input(g, {.shape = Shape{4}});
    Model m{x, Dense{.units = 2}(inner(x))};
    const Drawing dot = parse(model_to_dot(m, {.expand_nested = true}));
    CHECK(Edges(dot.edges.begin(), dot.edges.end()) == Edges{{dot.id("input_2"), dot.id("input_1")},
                                                             {dot.id("input_1"), dot.id("dense_1")},
                                                             {dot.id("dense_1"), dot.id("dense_2")}});
}

TEST_CASE("plot: edges are deduplicated, several inputs show as a list")
{
    Graph g;
    auto x = Input(g, {.shape = Shape{3}});
    Model m{x, Add{}({x, x})};
    const Drawing dot = parse(model_to_dot(m, {.show_shapes = true}));
    CHECK(dot.edges.size() == 1); // add_edge checks get_edge: the second input_1 -> add_1 is dropped
    CHECK(dot.labels.at(dot.id("{add_1")) == "{add_1|Add}|{input:|output:}|{{[(None, 3), (None, 3)]}|{(None, 3)}}");
}

TEST_CASE("plot: a shared layer is one node, calls that disagree on shapes show `?`")
{
    Graph g;
    auto a = Input(g, {.shape = Shape{8}});
    auto b = Input(g, {.shape = Shape{8}, .batch_size = 2});
    auto shared = g.add(Dense{.units = 4});
    Model m{{a, b}, {shared(a), shared(b)}};
    const Drawing dot = parse(model_to_dot(m, {.show_shapes = true}));
    CHECK(dot.labels.size() == 3);
    const std::string dense = dot.id("{dense_1");
    // Layer.input_shape / output_shape raise for (None, 8) vs (2, 8): tf.keras prints "?" for both.
    CHECK(dot.labels.at(dense) == "{dense_1|Dense}|{input:|output:}|{{?}|{?}}");
    CHECK(Edges(dot.edges.begin(), dot.edges.end()) == Edges{{dot.id("{input_1"), dense}, {dot.id("{input_2"), dense}});
}

TEST_CASE("plot: a call on a rank-1 tensor reads as its batch dim (Node.input_shapes' len == 1)")
{
    Graph g;
    auto x = Input(g, {.shape = Shape{}});
    Model m{x, Activation{.activation = "relu"}(x)};
    const Drawing dot = parse(model_to_dot(m, {.show_shapes = true}));
    CHECK(dot.labels.at(dot.id("{activation_1")) == "{activation_1|Activation}|{input:|output:}|{{None}|{(None,)}}");
}

TEST_CASE("plot: a Sequential draws the InputLayer Keras makes for it, then a chain")
{
    Sequential s;
    s.add(Dense{.units = 4, .input_shape = Shape{8}});
    s.add(Dense{.units = 2});
    const Drawing dot = parse(model_to_dot(s, {.show_shapes = true}));
    // Sequential.add names the input `<first layer>_input`; super(Sequential).layers includes it.
    CHECK(dot.labels.size() == 3);
    const std::string input = dot.id("{dense_1_input"), d1 = dot.id("{dense_1"), d2 = dot.id("{dense_2");
    CHECK(dot.labels.at(input) == "{dense_1_input|InputLayer}|{input:|output:}|{{[(None, 8)]}|{[(None, 8)]}}");
    CHECK(dot.labels.at(d2) == "{dense_2|Dense}|{input:|output:}|{{(None, 4)}|{(None, 2)}}");
    CHECK(Edges(dot.edges.begin(), dot.edges.end()) == Edges{{input, d1}, {d1, d2}});

    Sequential with_input{InputLayer{.shape = Shape{8}}, Dense{.units = 4}};
    const Drawing explicit_input = parse(model_to_dot(with_input));
    CHECK(explicit_input.labels.size() == 2);
    CHECK(explicit_input.labels.at(explicit_input.id("input_1")) == "input_1|InputLayer");
    CHECK(error_of([] {
              (void)model_to_dot(Sequential{Dense{.units = 4}});
          }).starts_with("Sequential: This model has not yet been built"));
}

} // namespace unit_plot_test
