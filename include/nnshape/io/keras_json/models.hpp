#pragma once
// The Keras JSON reader's top level: Sequential and functional model configs (layers, inbound nodes
// in every Keras version's form, nested and shared models) assembled into nnshape models.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "facts.hpp"
#include "operations.hpp"
#include "writer.hpp"

namespace nnshape::io::detail {

inline bool is_model_class(std::string_view c) { return c == "Sequential" || c == "Functional" || c == "Model"; }

inline InputLayer read_input_layer(const Reader& r)
{
    InputLayer in{};
    r("name", in.name);
    const json* shape = r.find("batch_shape") ? r.find("batch_shape") : r.find("batch_input_shape");
    if (!shape || shape->is_null())
        fail(r.where, "missing config key \"batch_input_shape\" (Keras 2) or \"batch_shape\" (Keras 3)");
    r.read(r.find("batch_shape") ? "batch_shape" : "batch_input_shape", *shape, in.batch_shape);
    return in;
}

inline Tensors as_tensors(const std::vector<Tensor>& v)
{
    return v.size() == 1 ? Tensors(v[0]) : Tensors(std::vector<Tensor>(v));
}

template <class F>
auto with_context(const Where& where, F&& f) -> decltype(f())
{
    try {
        return f();
    } catch (const load_error&) {
        throw;
    } catch (const shape_error& e) {
        fail(where, e.what());
    }
}

// A model read into a Graph, with the number of layer calls running it once makes, nested models'
// calls included: nnshape runs a nested model's layers for each of its calls, so a model nested in
// models each calling it twice costs 2^depth; past `max_calls` the reader refuses it.
struct ReadModel {
    Model model;
    std::int64_t calls;
};
inline constexpr std::int64_t max_calls = 100'000;

// `facts`: the file's facts for the layers of classes nnshape does not know (facts.hpp); given for the
// top-level model only.
inline ReadModel read_model(Graph& g, const json& entry, const Where& where, int depth,
                            const FileFacts* facts = nullptr);

inline void count_calls(std::int64_t& total, std::int64_t calls, const Where& where)
{
    total += calls; // both at most max_calls: no overflow
    if (total > max_calls)
        fail(where, "the model runs more than " + std::to_string(max_calls) +
                        " layer calls (nested models called many times)");
}

// Keras's TimeDistributed(model): a TimeDistributed entry whose `layer` is a model config.
inline bool wraps_model(const json& entry)
{
    if (!entry.is_object() || !entry.contains("class_name") || entry["class_name"] != "TimeDistributed") return false;
    const auto config = entry.find("config");
    if (config == entry.end() || !config->is_object()) return false;
    const auto layer = config->find("layer");
    return layer != config->end() && layer->is_object() && layer->contains("class_name") &&
           (*layer)["class_name"].is_string() && is_model_class((*layer)["class_name"].get<std::string>());
}

struct ReadWrapper {
    TimeDistributedModel layer;
    std::int64_t calls; // of its model's run
};

// Such an entry: its model read into `g` first, as Keras's from_config makes the wrapped layer first.
inline ReadWrapper read_time_distributed_model(Graph& g, const json& entry, const Where& where, int depth)
{
    const json& config = config_of(entry, where);
    const ReadModel m = read_model(g, config["layer"], Where{where.path + ".config.layer", "", ""}, depth + 1);
    ReadWrapper w{{.layer = m.model}, m.calls};
    read_kwargs(Reader{config, where, depth}, w.layer);
    return w;
}

// Adds a layer read by read_layer (never an InputLayer) to `g`.
inline SharedLayer add_to(Graph& g, const Layer& layer)
{
    return layer.visit([&](const auto& l) -> SharedLayer {
        if constexpr (std::is_same_v<std::remove_cvref_t<decltype(l)>, InputLayer>)
            fail("an InputLayer cannot be called on tensors");
        else
            return g.add(l);
    });
}

// Reads a functional model's config into `g`, as Keras's from_config does: layers first, then their
// calls in file order, a call waiting until the calls it takes tensors from are made.
class FunctionalReader {
public:
    FunctionalReader(Graph& g, const json& config, const Where& where, int depth, const FileFacts* facts)
        : g_(g),
          config_(config),
          where_(where),
          depth_(depth),
          facts_(facts)
    {
    }

    ReadModel read()
    {
        const json& layers = array_key(config_, "layers", where_);
        for (std::size_t i = 0; i < layers.size(); ++i) add_layer(layers[i], i);
        call_all();
        ModelArgs args{checked_name(name_of_config(), where_)};
        Reader{config_, where_, depth_}("trainable", args.trainable);
        const std::vector<Tensor> inputs = endpoints("input_layers"), outputs = endpoints("output_layers");
        return {with_context(where_, [&] { return g_.model(as_tensors(inputs), as_tensors(outputs), args); }), calls_};
    }

private:
    struct Entry {
        Where where;
        std::optional<SharedLayer> layer;
        std::optional<Model> model;
        std::int64_t first_node = 0; // a nested model's calls are numbered from 1 (node 0 is its own)
        const json* nodes = nullptr;
        std::vector<std::vector<Tensor>> outputs; // per call made, in node order
        std::int64_t calls_per_call = 1; // a nested model: the layer calls of one run
        std::vector<KerasHistory> op_inputs; // an operation: its call's tensors (its node holds constants too)
    };

    std::string name_of_config() const
    {
        const auto it = config_.find("name");
        return it != config_.end() && it->is_string() ? it->get<std::string>() : "";
    }

    void add_layer(const json& layer, std::size_t index)
    {
        const std::string here = "layers[" + std::to_string(index) + "]";
        const Where at{where_.path.empty() ? here : where_.path + "." + here, "", ""};
        if (!layer.is_object()) fail(at, "expected a layer object, got " + std::string(json_type(layer)));
        Entry e{Where{at.path, name_of(layer), class_of(layer, at)}, std::nullopt, std::nullopt, 0, nullptr, {}, 1, {}};
        if (e.where.name.empty()) fail(e.where, "missing key \"name\"");
        if (by_name_.contains(e.where.name))
            fail(e.where, "a second layer named \"" + e.where.name + "\" in the same model");
        e.nodes = &array_key(layer, "inbound_nodes", e.where);
        if (e.where.class_name == "InputLayer") {
            if (!e.nodes->empty()) fail(e.where, "an InputLayer has no inbound nodes");
            const json& config = config_of(layer, e.where);
            const InputLayer in = read_input_layer(Reader{config, e.where, depth_});
            e.outputs.push_back({with_context(e.where, [&] { return Input(g_, in); })});
        } else if (is_model_class(e.where.class_name)) {
            const ReadModel inner = read_model(g_, layer, e.where, depth_ + 1);
            e.model = inner.model;
            e.calls_per_call = inner.calls;
            // Keras 3 numbers a nested Sequential's calls from 0: it is no Functional.
            e.first_node = e.where.class_name == "Sequential" && layer.contains("module") ? 0 : 1;
        } else if (wraps_model(layer)) {
            const ReadWrapper w = read_time_distributed_model(g_, layer, e.where, depth_);
            e.layer = with_context(e.where, [&] { return nnshape::detail::add_time_distributed(g_.core(), w.layer); });
            e.calls_per_call = w.calls + 1;
        } else if (const OpDialect dialect = op_dialect(layer, e.where.class_name); dialect != OpDialect::none) {
            // Keras makes one operation layer per call: its arguments come from its one node.
            if (e.nodes->size() != 1) fail(e.where, "an operation needs exactly one inbound node (its call)");
            const Where node{e.where.path + ".inbound_nodes[0]", e.where.name, e.where.class_name};
            OpCall call = read_op_call(layer, (*e.nodes)[0], node, dialect);
            e.op_inputs = std::move(call.inputs);
            e.layer = with_context(e.where, [&] { return g_.add(call.op); });
        } else if (facts_ && !facts_->options.strict && needs_facts(e.where.class_name, layer)) {
            e.layer =
                with_context(e.where, [&] { return g_.add(stated_layer(layer, e.where, index, e.nodes->size())); });
        } else {
            const Layer l = read_layer(layer, at, depth_);
            e.layer = with_context(e.where, [&] { return add_to(g_, l); });
        }
        by_name_.emplace(e.where.name, entries_.size());
        entries_.push_back(std::move(e));
    }

    // An OpaqueLayer for the layer at `index` of `layers`, from what the file states (facts.hpp).
    OpaqueLayer stated_layer(const json& layer, const Where& where, std::size_t index, std::size_t calls)
    {
        if (keras3_paths_.empty()) keras3_paths_ = keras3_weight_paths(config_.at("layers"));
        const Shapes outputs = functional_outputs(config_, where, calls);
        return opaque_layer(layer, where, outputs,
                            stored_weight_count(*facts_, where, keras3_paths_[index], keras3_paths_));
    }

    // The tensor `ref` names, or nullopt while its call is still to be made.
    std::optional<Tensor> resolve(const KerasHistory& ref, const Where& where) const
    {
        const auto it = by_name_.find(ref.layer);
        if (it == by_name_.end()) fail(where, "refers to layer \"" + ref.layer + "\", which is not in the model");
        const Entry& e = entries_[it->second];
        const std::int64_t call = ref.node - e.first_node;
        const std::size_t calls = e.layer || e.model ? e.nodes->size() : 1; // an InputLayer: its own node 0
        if (call < 0 || std::uint64_t(call) >= calls)
            fail(where, "refers to node " + std::to_string(ref.node) + " of layer \"" + ref.layer +
                            "\", which has no such node");
        if (std::size_t(call) >= e.outputs.size()) return std::nullopt;
        const std::vector<Tensor>& out = e.outputs[std::size_t(call)];
        if (ref.tensor < 0 || std::uint64_t(ref.tensor) >= out.size())
            fail(where, "refers to output " + std::to_string(ref.tensor) + " of \"" + ref.layer + "\" node " +
                            std::to_string(ref.node) + ", which has " + std::to_string(out.size()));
        return out[std::size_t(ref.tensor)];
    }

    static std::vector<KerasHistory> inputs_of(const Entry& e, std::size_t call, const Where& at)
    {
        return e.op_inputs.empty() ? node_inputs((*e.nodes)[call], at) : e.op_inputs;
    }

    // Makes the next call of `e` if its inputs are ready.
    bool call_next(Entry& e)
    {
        if (e.outputs.size() >= e.nodes->size() || (!e.layer && !e.model)) return false;
        const std::size_t call = e.outputs.size();
        const Where at{e.where.path + ".inbound_nodes[" + std::to_string(call) + "]", e.where.name, e.where.class_name};
        std::vector<Tensor> inputs;
        for (const KerasHistory& ref : inputs_of(e, call, at)) {
            const std::optional<Tensor> t = resolve(ref, at);
            if (!t) return false;
            inputs.push_back(*t);
        }
        count_calls(calls_, e.calls_per_call, at); // before the call: the call is the work
        const Tensors out =
            with_context(at, [&] { return e.layer ? (*e.layer)(as_tensors(inputs)) : (*e.model)(as_tensors(inputs)); });
        e.outputs.emplace_back(out.begin(), out.end());
        return true;
    }

    // Passes over the layers until every call is made; a pass without progress means a cycle.
    void call_all()
    {
        for (bool progress = true; progress;) {
            progress = false;
            for (Entry& e : entries_)
                while (call_next(e)) progress = true;
        }
        for (const Entry& e : entries_) {
            if ((e.layer || e.model) && e.outputs.size() < e.nodes->size()) {
                const Where at{e.where.path + ".inbound_nodes[" + std::to_string(e.outputs.size()) + "]", e.where.name,
                               e.where.class_name};
                std::string waits;
                for (const KerasHistory& ref : inputs_of(e, e.outputs.size(), at))
                    if (!resolve(ref, at))
                        waits = ref.layer + "[" + std::to_string(ref.node) + "][" + std::to_string(ref.tensor) + "]";
                fail(at, "its input " + waits + " can never be computed: the layer graph has a cycle");
            }
        }
    }

    std::vector<Tensor> endpoints(std::string_view key) const
    {
        const auto it = config_.find(key);
        if (it == config_.end()) fail(where_, "missing key \"" + std::string(key) + "\"");
        std::vector<const json*> items; // one [name, node, tensor], a list of them, or Keras 3's dict of them
        if (is_keras2_ref(*it))
            items.push_back(&*it);
        else if (it->is_array() || it->is_object())
            for (const json& v : *it) items.push_back(&v);
        else
            fail(where_, "key \"" + std::string(key) + "\": expected a list of [layer_name, node_index, tensor_index]");
        const Where at{where_.path.empty() ? std::string(key) : where_.path + "." + std::string(key), where_.name,
                       where_.class_name, where_.what};
        std::vector<Tensor> out;
        for (const json* v : items) {
            const std::optional<Tensor> t = resolve(as_ref(*v, at), at);
            if (!t) fail(at, "names a tensor no call makes");
            out.push_back(*t);
        }
        if (out.empty()) fail(at, "a model needs at least one tensor here");
        return out;
    }

    Graph& g_;
    const json& config_;
    Where where_;
    int depth_;
    const FileFacts* facts_;
    std::vector<std::string> keras3_paths_; // of the layers, once a layer needs facts
    std::vector<Entry> entries_;
    std::map<std::string, std::size_t, std::less<>> by_name_;
    std::int64_t calls_ = 0;
};

// A Sequential's layer entries: Keras 2.1 writes the list itself, later versions {"name", "layers"}.
inline const json& sequential_layers(const json& config, const Where& where)
{
    return config.is_array() ? config : array_key(config, "layers", where);
}

inline Where sequential_where(const Where& where, std::size_t i)
{
    const std::string at = "layers[" + std::to_string(i) + "]";
    return Where{where.path.empty() ? at : where.path + "." + at, "", ""};
}

// The input a Sequential declares: an InputLayer entry (tf.keras, Keras 3), the first layer's
// batch_input_shape (Keras 2), or Keras 3's build_input_shape.
inline std::optional<Shape> sequential_input(const json& config, const json& layers, const Where& where)
{
    if (!layers.empty() && layers[0].is_object() && layers[0].contains("class_name") &&
        layers[0]["class_name"] == "InputLayer") {
        const Where at = sequential_where(where, 0);
        return read_input_layer(Reader{config_of(layers[0], at), at, 0}).output_shape();
    }
    if (config.is_object())
        if (const auto it = config.find("build_input_shape"); it != config.end() && !it->is_null()) {
            try {
                return as_shape(*it);
            } catch (const value_error& e) {
                fail(where, "key \"build_input_shape\": " + e.what);
            }
        }
    return std::nullopt;
}

// A Sequential's name and trainable flag (Keras 2.1's list-only config has neither).
inline ModelArgs sequential_args(const json& config, const Where& where, int depth)
{
    ModelArgs args{};
    if (config.is_object()) {
        Reader{config, where, depth}("name", args.name);
        Reader{config, where, depth}("trainable", args.trainable);
    }
    return args;
}

// A Sequential's layer `i`: read, or an OpaqueLayer from the file's facts (facts.hpp).
inline Layer sequential_layer(const json& layers, std::size_t i, const Where& at, int depth, const FileFacts* facts)
{
    if (!facts || facts->options.strict || !layers[i].is_object()) return read_layer(layers[i], at, depth);
    const Where named{at.path, name_of(layers[i]), class_of(layers[i], at)};
    if (!needs_facts(named.class_name, layers[i])) return read_layer(layers[i], at, depth);
    const std::vector<std::string> paths = keras3_weight_paths(layers);
    return with_context(named, [&] {
        return Layer(opaque_layer(layers[i], named, sequential_outputs(layers, i, named),
                                  stored_weight_count(*facts, named, paths[i], paths)));
    });
}

// A Sequential as a functional model of `g`: for one nested in a model, or holding a model.
inline ReadModel sequential_as_model(Graph& g, const json& config, const Where& where, int depth,
                                     const FileFacts* facts = nullptr)
{
    const json& layers = sequential_layers(config, where);
    std::optional<Shape> input = sequential_input(config, layers, where);
    std::optional<Tensor> x;
    Tensor first{nullptr, 0, 0};
    std::int64_t calls = 0;
    for (std::size_t i = 0; i < layers.size(); ++i) {
        const Where at = sequential_where(where, i);
        const std::string class_name = layers[i].is_object() ? class_of(layers[i], at) : "";
        if (class_name == "InputLayer") continue;
        Where named{at.path, name_of(layers[i]), class_name};
        // Keras's Sequential.add names the input it makes `<first layer>_input`.
        const auto start = [&](const Name& first_name) {
            first = x.emplace(g.input(nnshape::detail::sequential_input(*input, first_name)));
        };
        if (is_model_class(class_name)) {
            const ReadModel m = read_model(g, layers[i], named, depth + 1);
            x = with_context(named, [&] {
                if (!x) {
                    if (!input) input = m.model.inputs()[0].shape(); // Keras: its first input layer's shape
                    start(m.model.name());
                }
                return nnshape::detail::single_output(m.model(*x));
            });
            count_calls(calls, m.calls, named);
            continue;
        }
        std::optional<ReadWrapper> wrapper;
        std::optional<Layer> l;
        if (wraps_model(layers[i])) {
            wrapper = read_time_distributed_model(g, layers[i], named, depth);
            count_calls(calls, wrapper->calls, named);
        } else {
            l = sequential_layer(layers, i, at, depth, facts);
        }
        if (!x && !input) input = wrapper ? nnshape::detail::declared_input(wrapper->layer) : l->declared_input();
        if (!x && !input)
            fail(where,
                 "the Sequential declares no input shape (no InputLayer, batch_input_shape or build_input_shape)");
        x = with_context(named, [&] {
            const SharedLayer added =
                wrapper ? nnshape::detail::add_time_distributed(g.core(), wrapper->layer) : add_to(g, *l);
            if (!x) start(LayerView(&g.core(), added.index()).name());
            return nnshape::detail::single_output(added(*x));
        });
    }
    if (!x) fail(where, "a Sequential with no layers");
    count_calls(calls, std::int64_t(layers.size()), where);
    const ModelArgs args = sequential_args(config, where, depth);
    return {with_context(where, [&] { return Model(&g.core(), g.core().sequential(first, *x, args)); }), calls};
}

inline ReadModel read_model(Graph& g, const json& entry, const Where& where, int depth, const FileFacts* facts)
{
    if (depth > max_depth) fail(where, "models nested deeper than " + std::to_string(max_depth) + " levels");
    const std::string class_name = class_of(entry, where);
    const json& config = config_of(entry, where);
    if (class_name == "Sequential") return sequential_as_model(g, config, where, depth, facts);
    if (!config.is_object()) fail(where, "key \"config\": expected an object, got a list");
    return FunctionalReader(g, config, where, depth, facts).read();
}

inline bool holds_model(const json& layers)
{
    for (const json& l : layers)
        if (wraps_model(l) || (l.is_object() && l.contains("class_name") && l["class_name"].is_string() &&
                               is_model_class(l["class_name"].get<std::string>())))
            return true;
    return false;
}

// A top-level Sequential as nnshape's Sequential. An InputLayer entry becomes the first layer's
// batch_input_shape, as Keras 2.2 on lists no InputLayer in a Sequential's layers, unless the
// Keras that wrote it kept it there (`keeps_input`: writer.hpp's sequential_keeps_input).
inline Sequential<> read_sequential(const json& config, const Where& where, bool keeps_input,
                                    const FileFacts* facts = nullptr)
{
    const json& layers = sequential_layers(config, where);
    std::optional<Shape> input = sequential_input(config, layers, where);
    Sequential<> model(sequential_args(config, where, 0));
    model.reserve(layers.size());
    for (std::size_t i = 0; i < layers.size(); ++i) {
        const Where at = sequential_where(where, i);
        if (i == 0 && layers[0].is_object() && layers[0].contains("class_name") &&
            layers[0]["class_name"] == "InputLayer") {
            if (keeps_input) model.add(read_input_layer(Reader{config_of(layers[0], at), at, 0}));
            continue;
        }
        Layer l = sequential_layer(layers, i, at, 0, facts);
        if (model.layers().empty() && input && !l.declared_input()) {
            l = l.visit([&](auto layer) {
                layer.batch_input_shape = *input;
                return Layer(std::move(layer));
            });
        }
        if (model.layers().empty() && !l.declared_input())
            fail(where,
                 "the Sequential declares no input shape (no InputLayer, batch_input_shape or build_input_shape)");
        with_context(Where{at.path, std::string(l.given_name()), std::string(l.class_name())},
                     [&] { l.visit([&](const auto& layer) { model.add(layer); }); }); // stored at its class's size
    }
    if (model.layers().empty()) fail(where, "a Sequential with no layers");
    return model;
}

// The model config inside what Keras and TensorFlow.js write around it.
inline const json& model_entry(const json& root)
{
    if (!root.is_object()) fail("expected a JSON object at the top level, got " + std::string(json_type(root)));
    if (const auto t = root.find("modelTopology"); t != root.end()) { // TensorFlow.js model.json
        if (!t->is_object()) fail("key \"modelTopology\": expected an object");
        // A graph model ("format": "graph-model"; before it, a topology of GraphDef "node"s).
        if (root.value("format", json()) == "graph-model" || t->contains("node"))
            fail("a TensorFlow.js graph model: a TensorFlow graph, without Keras layers to read (TensorFlow.js "
                 "writes \"format\": \"layers-model\" for a Keras model)");
        const auto c = t->find("model_config");
        return c != t->end() ? *c : *t;
    }
    if (const auto c = root.find("model_config"); c != root.end()) return *c;
    return root;
}

} // namespace nnshape::io::detail
