#pragma once
// Harness cases for the activation layers (layers/activations.hpp); numbers from Keras as cited.
#include "../layer_case.hpp"

namespace nnshape::harness {

constexpr bool activations_cases(auto&& check)
{
    // Activation is the identity on shapes, 0 params (spec §2.1); the Keras MNIST CNN ends with
    // Activation('softmax') on (None, 10) (spec §4.1).
    bool ok = check(Activation{.activation = "softmax"}, {Shape{None, 10}}, {Shape{None, 10}}, Params{});
    // ReLU keeps the shape, 0 params (spec §2.10); MobileNetV2's ReLU(6.) (spec §8).
    ok &= check(ReLU{}, {Shape{None, 8, 8, 3}}, {Shape{None, 8, 8, 3}}, Params{});
    ok &= check(ReLU{.max_value = 6.0}, {Shape{None, None, 5}}, {Shape{None, None, 5}}, Params{});
    ok &= check(ReLU{.max_value = 0.0, .negative_slope = 0.1, .threshold = 0.5}, {Shape{None, 8, 8, 3}},
                {Shape{None, 8, 8, 3}}, Params{});
    // LeakyReLU (K3 negative_slope=0.3; tf.keras alpha) keeps the shape, 0 params (spec §2.10).
    ok &= check(LeakyReLU{}, {Shape{None, None, 5}}, {Shape{None, None, 5}}, Params{});
    ok &= check(LeakyReLU{.alpha = 0.1}, {Shape{None, 8, 8, 3}}, {Shape{None, 8, 8, 3}}, Params{});
    // PReLU: alpha = input_shape[1:] with each 1-based shared axis set to 1 (spec §2.10 [run]):
    // PReLU() on (5, 3) -> 15; shared_axes=[1, 2] on (8, 8, 3) -> alpha (1, 1, 3), 3.
    ok &= check(PReLU{}, {Shape{None, 5, 3}}, {Shape{None, 5, 3}}, Params{15});
    ok &= check(PReLU{.shared_axes = {1, 2}}, {Shape{None, 8, 8, 3}}, {Shape{None, 8, 8, 3}}, Params{3});
    // Keras 3 prelu_test: shared_axes=1 on (2, 3, 4) keeps the shape; alpha (1, 4) -> 4.
    ok &= check(PReLU{.shared_axes = 1}, {Shape{2, 3, 4}}, {Shape{2, 3, 4}}, Params{4});
    // ELU, ThresholdedReLU and Softmax(axis=-1) keep the shape, 0 params (spec §2.10).
    ok &= check(ELU{}, {Shape{None, None, 5}}, {Shape{None, None, 5}}, Params{});
    ok &= check(ThresholdedReLU{}, {Shape{None, 8, 8, 3}}, {Shape{None, 8, 8, 3}}, Params{});
    ok &= check(ThresholdedReLU{.theta = 0}, {Shape{None, 8, 8, 3}}, {Shape{None, 8, 8, 3}}, Params{});
    ok &= check(Softmax{}, {Shape{None, None, 5}}, {Shape{None, None, 5}}, Params{});
    // Keras 3: Softmax's axis may be a list of axes.
    ok &= check(Softmax{.axis = {1, 2}}, {Shape{None, 8, 8, 3}}, {Shape{None, 8, 8, 3}}, Params{});
    return ok;
}

} // namespace nnshape::harness
