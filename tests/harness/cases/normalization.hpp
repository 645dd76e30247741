#pragma once
// Harness cases for the normalization layers (layers/normalization.hpp); numbers from Keras as cited.
#include "../layer_case.hpp"

namespace nnshape::harness {

constexpr bool normalization_cases(auto&& check)
{
    // Spec §9: BatchNormalization on (None, 5, 3) -> (None, 5, 3), 12 = 6 trainable (gamma, beta) + 6
    // non-trainable (moving mean and variance, 2C).
    bool ok = check(BatchNormalization{}, {Shape{None, 5, 3}}, {Shape{None, 5, 3}}, Params{6, 6});
    // Spec §2.8 [run]: BN(axis=1) on (4, 8, 8) -> 16 = 4*2 + 4*2; BN(center=False, scale=False) on (8,) -> 16,
    // all non-trainable; center=False keeps gamma only: 3 + 6.
    ok &= check(BatchNormalization{.axis = 1}, {Shape{None, 4, 8, 8}}, {Shape{None, 4, 8, 8}}, Params{8, 8});
    ok &= check(BatchNormalization{.center = false, .scale = false}, {Shape{None, 8}}, {Shape{None, 8}}, Params{0, 16});
    ok &= check(BatchNormalization{.center = false}, {Shape{None, 5, 3}}, {Shape{None, 5, 3}}, Params{3, 6});
    // Only the normalized axis must be known: 2*3 + 2*3 (spec §2.8).
    ok &= check(BatchNormalization{}, {Shape{None, None, None, 3}}, {Shape{None, None, None, 3}}, Params{6, 6});
    // Spec §2.8, Keras 3 batch_normalization_test: renorm=True on (2, 3) -> 2 trainable and 5 non-trainable (C,)
    // weights: 2*3 and 5*3.
    ok &= check(BatchNormalization{.renorm = true}, {Shape{2, 3}}, {Shape{2, 3}}, Params{6, 15});
    // Spec §2.8: gamma and beta have shape (input_shape[a] for a in axis). Keras 3 layer_normalization_test:
    // (3, 4, 2) -> 2 weights of (2,): 4; axis=(-3, -2, -1) on (2, 8, 8, 3): 2*192 = 384; scale=False,
    // center=False on (3, 3): none. axis=[1] of (None, 6, None) -> 2*6 = 12.
    ok &= check(LayerNormalization{}, {Shape{3, 4, 2}}, {Shape{3, 4, 2}}, Params{4});
    ok &= check(LayerNormalization{.axis = {-3, -2, -1}}, {Shape{2, 8, 8, 3}}, {Shape{2, 8, 8, 3}}, Params{384});
    ok &= check(LayerNormalization{.center = false, .scale = false}, {Shape{3, 3}}, {Shape{3, 3}}, Params{});
    // Keras 3's layer_normalization_test: rms_scaling=True on (3, 3) has one trainable weight, gamma of
    // shape (3,) (LayerNormalization.build: gamma with scale or rms_scaling, beta only without rms_scaling).
    ok &= check(LayerNormalization{.rms_scaling = true}, {Shape{3, 3}}, {Shape{3, 3}}, Params{3});
    ok &= check(LayerNormalization{.axis = {1}}, {Shape{None, 6, None}}, {Shape{None, 6, None}}, Params{12});
    // Spec §2.8: gamma (C,) and beta (C,). Keras 3 group_normalization_test: groups=4 on (3, 4, 4) and the default
    // groups=32 on (3, 4, 32) keep the shape: 8 and 64. groups=-1 (one group per channel) on 6 channels: 12;
    // axis=1 with 64 channels in 32 groups, scale only: 64.
    ok &= check(GroupNormalization{.groups = 4}, {Shape{3, 4, 4}}, {Shape{3, 4, 4}}, Params{8});
    ok &= check(GroupNormalization{}, {Shape{3, 4, 32}}, {Shape{3, 4, 32}}, Params{64});
    ok &=
        check(GroupNormalization{.groups = -1}, {Shape{None, None, None, 6}}, {Shape{None, None, None, 6}}, Params{12});
    ok &= check(GroupNormalization{.axis = 1, .center = false}, {Shape{None, 64, None, None}},
                {Shape{None, 64, None, None}}, Params{64});
    // Keras 3 UnitNormalization: no weights, shape unchanged, axis an int or a list.
    ok &= check(UnitNormalization{}, {Shape{None, None, 3}}, {Shape{None, None, 3}}, Params{});
    ok &= check(UnitNormalization{.axis = {1, 2}}, {Shape{None, 4, 5}}, {Shape{None, 4, 5}}, Params{});
    // Keras 3.9's rms_normalization_test: RMSNormalization() on (4, 2) -> (4, 2), one trainable weight,
    // `scale` of shape (input_shape[-1],) = 2 (rms_normalization.py build); with axis [1, 2] the scale is
    // (input_shape[1], input_shape[2]) = 4 x 5.
    ok &= check(RMSNormalization{}, {Shape{4, 2}}, {Shape{4, 2}}, Params{2});
    ok &=
        check(RMSNormalization{.axis = {1, 2}, .epsilon = 1e-5}, {Shape{None, 4, 5}}, {Shape{None, 4, 5}}, Params{20});
    return ok;
}

} // namespace nnshape::harness
