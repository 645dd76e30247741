// Reading a model file, against the yardstick of parsing its JSON (issue 18: `nnshape summary` on a
// 1,000-layer config costs at most twice nlohmann::json::parse of the same text). The configs are
// written here in Keras 3's format, as model.to_json() writes them: a Sequential and a functional chain
// of Dense(16, "relu") layers with every argument Keras stores. Per model text:
//   Parse:         nlohmann::json::parse
//   LoadSummary:   nnshape::io::load_keras_json (its own parse included) and the model's summary()
#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>
#include <nnshape/io/keras_json.hpp>
#include <nnshape/summary.hpp>

#include <string>

namespace {

using nlohmann::json;

json dense_config(const std::string& name)
{
    const json float32 = {{"module", "keras"},
                          {"class_name", "DTypePolicy"},
                          {"config", {{"name", "float32"}}},
                          {"registered_name", nullptr}};
    return {{"name", name},
            {"trainable", true},
            {"dtype", float32},
            {"units", 16},
            {"activation", "relu"},
            {"use_bias", true},
            {"kernel_initializer",
             {{"module", "keras.initializers"},
              {"class_name", "GlorotUniform"},
              {"config", {{"seed", nullptr}}},
              {"registered_name", nullptr}}},
            {"bias_initializer",
             {{"module", "keras.initializers"},
              {"class_name", "Zeros"},
              {"config", json::object()},
              {"registered_name", nullptr}}},
            {"kernel_regularizer", nullptr},
            {"bias_regularizer", nullptr},
            {"kernel_constraint", nullptr},
            {"bias_constraint", nullptr}};
}

json dense_layer(const std::string& name)
{
    return {{"module", "keras.layers"},
            {"class_name", "Dense"},
            {"config", dense_config(name)},
            {"registered_name", nullptr},
            {"build_config", {{"input_shape", {nullptr, 16}}}}};
}

std::string dense_name(std::int64_t i) { return i == 0 ? "dense" : "dense_" + std::to_string(i); }

json input_layer()
{
    return {
        {"module", "keras.layers"},
        {"class_name", "InputLayer"},
        {"config", {{"batch_shape", {nullptr, 16}}, {"dtype", "float32"}, {"sparse", false}, {"name", "input_layer"}}},
        {"registered_name", nullptr}};
}

std::string sequential_text(std::int64_t n)
{
    json layers = json::array({input_layer()});
    for (std::int64_t i = 0; i < n; ++i) layers.push_back(dense_layer(dense_name(i)));
    return json{{"module", "keras"},
                {"class_name", "Sequential"},
                {"config", {{"name", "sequential"}, {"trainable", true}, {"layers", layers}}},
                {"registered_name", nullptr},
                {"build_config", {{"input_shape", {nullptr, 16}}}}}
        .dump();
}

std::string functional_text(std::int64_t n)
{
    json input = input_layer();
    input["name"] = "input_layer";
    input["inbound_nodes"] = json::array();
    json layers = json::array({input});
    std::string previous = "input_layer";
    for (std::int64_t i = 0; i < n; ++i) {
        json layer = dense_layer(dense_name(i));
        layer["name"] = dense_name(i);
        const json tensor = {
            {"class_name", "__keras_tensor__"},
            {"config", {{"shape", {nullptr, 16}}, {"dtype", "float32"}, {"keras_history", {previous, 0, 0}}}}};
        layer["inbound_nodes"] = json::array({{{"args", json::array({tensor})}, {"kwargs", json::object()}}});
        layers.push_back(layer);
        previous = dense_name(i);
    }
    return json{{"module", "keras.src.models.functional"},
                {"class_name", "Functional"},
                {"config",
                 {{"name", "functional"},
                  {"trainable", true},
                  {"layers", layers},
                  {"input_layers", {{"input_layer", 0, 0}}},
                  {"output_layers", {{previous, 0, 0}}}}},
                {"registered_name", "Functional"}}
        .dump();
}

template <std::string (*Text)(std::int64_t)>
void Parse(benchmark::State& state)
{
    const std::string text = Text(state.range(0));
    for (auto _ : state) benchmark::DoNotOptimize(json::parse(text));
    state.counters["bytes"] = double(text.size());
}

template <std::string (*Text)(std::int64_t)>
void LoadSummary(benchmark::State& state)
{
    const std::string text = Text(state.range(0));
    for (auto _ : state) {
        const nnshape::io::LoadedModel model = nnshape::io::load_keras_json(text);
        benchmark::DoNotOptimize(model.visit([](const auto& m) { return nnshape::summary(m); }));
    }
}

BENCHMARK(Parse<sequential_text>)->Name("Sequential/Parse")->Arg(1000)->Unit(benchmark::kMillisecond);
BENCHMARK(LoadSummary<sequential_text>)->Name("Sequential/LoadSummary")->Arg(1000)->Unit(benchmark::kMillisecond);
BENCHMARK(Parse<functional_text>)->Name("Functional/Parse")->Arg(1000)->Unit(benchmark::kMillisecond);
BENCHMARK(LoadSummary<functional_text>)->Name("Functional/LoadSummary")->Arg(1000)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
