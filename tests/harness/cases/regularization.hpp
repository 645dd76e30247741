#pragma once
// Harness cases for the regularization layers (layers/regularization.hpp); numbers from Keras as cited.
#include "../layer_case.hpp"

namespace nnshape::harness {

constexpr bool regularization_cases(auto&& check)
{
    // Every regularization layer is the identity on shapes, with no weights (spec §2.1); the Keras
    // MNIST CNN's Dropout(0.25) on (None, 12, 12, 64) (spec §4.1).
    bool ok = check(Dropout{.rate = 0.25}, {Shape{None, 12, 12, 64}}, {Shape{None, 12, 12, 64}}, Params{});
    ok &= check(Dropout{.rate = 1}, {Shape{None, None, 16}}, {Shape{None, None, 16}}, Params{});
    // Keras 3's dropout_test test_dropout_partial_noise_shape_dynamic: Dropout(0.5, noise_shape=(None, 1,
    // None)) on (20, 5, 10) gives (20, 5, 10) (its outputs[:, 0, :] and [:, 1, :] are compared).
    ok &= check(Dropout{.rate = 0.5, .noise_shape = {None, 1, None}, .seed = 1337}, {Shape{20, 5, 10}},
                {Shape{20, 5, 10}}, Params{});
    // SpatialDropout1D/2D/3D keep the shape; InputSpec ndim = 3, 4, 5 (spec §2.1).
    ok &= check(SpatialDropout1D{.rate = 0.5}, {Shape{None, None, 16}}, {Shape{None, None, 16}}, Params{});
    ok &= check(SpatialDropout2D{.rate = 0.2}, {Shape{None, 8, 8, 3}}, {Shape{None, 8, 8, 3}}, Params{});
    ok &= check(SpatialDropout2D{.rate = 0.2, .data_format = channels_first}, {Shape{4, 3, None, None}},
                {Shape{4, 3, None, None}}, Params{});
    ok &= check(SpatialDropout3D{.rate = 1}, {Shape{None, 4, 4, 4, 2}}, {Shape{None, 4, 4, 4, 2}}, Params{});
    // GaussianNoise(stddev), GaussianDropout(rate), AlphaDropout(rate): identity, 0 (spec §2.1).
    ok &= check(GaussianNoise{.stddev = 0.1}, {Shape{None, 8, 8, 3}}, {Shape{None, 8, 8, 3}}, Params{});
    ok &= check(GaussianDropout{.rate = 0.2}, {Shape{None, None, 16}}, {Shape{None, None, 16}}, Params{});
    ok &= check(AlphaDropout{.rate = 0.5}, {Shape{None, None, 16}}, {Shape{None, None, 16}}, Params{});
    // ActivityRegularization: identity, 0 (spec §2.1).
    ok &= check(ActivityRegularization{.l1 = 0.01, .l2 = 0.02}, {Shape{None, None, 16}}, {Shape{None, None, 16}},
                Params{});
    return ok;
}

} // namespace nnshape::harness
