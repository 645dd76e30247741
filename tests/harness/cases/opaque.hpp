#pragma once
// Harness cases for OpaqueLayer (layers/opaque.hpp): a layer known by stated facts, which every path
// must carry unchanged. The facts are a Keras model's own: the custom AttentionLayer of
// tests/fixtures/keras/generate_files.py, whose stored weights are W (64, 64) and b (64,) and
// whose consumer's build_config input shape is (None, 64).
#include "../layer_case.hpp"

namespace nnshape::harness {

constexpr bool opaque_cases(auto&& check)
{
    bool ok = check(OpaqueLayer{.keras_class = "AttentionLayer", .outputs = {Shape{None, 64}}, .weights = {4160}},
                    {Shape{None, 10, 64}}, {Shape{None, 64}}, Params{4160});
    // `trainable: false` makes every stated weight non-trainable, as Keras's layer.trainable = False.
    ok &= check(
        OpaqueLayer{
            .keras_class = "AttentionLayer", .outputs = {Shape{None, 64}}, .weights = {4160}, .trainable = false},
        {Shape{None, 10, 64}}, {Shape{None, 64}}, Params{0, 4160});
    // Several inputs and outputs, a stated None batch kept as None beside a known input batch.
    ok &= check(OpaqueLayer{.keras_class = "KerasLayer", .outputs = {Shape{None, 8}, Shape{None, 3, 8}}},
                {Shape{2, 3}, Shape{2, 5}}, {Shape{None, 8}, Shape{None, 3, 8}}, Params{});
    return ok;
}

} // namespace nnshape::harness
