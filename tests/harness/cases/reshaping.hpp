#pragma once
// Harness cases for the reshaping layers (layers/reshaping.hpp); numbers from Keras as cited.
#include "../layer_case.hpp"

namespace nnshape::harness {

constexpr bool reshaping_cases(auto&& check)
{
    // Flatten (tf.keras / Keras 3, spec §2.1): (b, prod(input_shape[1:])); rank 1 -> (b, 1); any None ->
    // (b, None). Notebook In[13]: 9x9x32 -> 2592.
    bool ok = check(Flatten{}, {Shape{None, 9, 9, 32}}, {Shape{None, 2592}}, Params{});
    ok &= check(Flatten{}, {Shape{None}}, {Shape{None, 1}}, Params{});
    ok &= check(Flatten{}, {Shape{None, None, 4}}, {Shape{None, None}}, Params{});
    // Reshape (spec §2.1 [run]): (3, 4) with (-1, 2) -> (6, 2); spec §9: (None, None, 4) with (-1, 2) ->
    // (None, None, 2).
    ok &= check(Reshape{.target_shape = {-1, 2}}, {Shape{None, 3, 4}}, {Shape{None, 6, 2}}, Params{});
    ok &= check(Reshape{.target_shape = {-1, 2}}, {Shape{None, None, 4}}, {Shape{None, None, 2}}, Params{});
    // Notebook In[2]: Permute((2, 1)) on (10, 64) -> (None, 64, 10), 0; spec §9: Permute((3, 1, 2)) on
    // (None, 3, 4, 5) -> (None, 5, 3, 4).
    ok &= check(Permute{.dims = {2, 1}}, {Shape{None, 10, 64}}, {Shape{None, 64, 10}}, Params{});
    ok &= check(Permute{.dims = {3, 1, 2}}, {Shape{None, 3, 4, 5}}, {Shape{None, 5, 3, 4}}, Params{});
    // Keras 3 docstring: RepeatVector(3) on Input(shape=(32,)) -> (None, 3, 32) (spec §2.1: (b, n, in)).
    ok &= check(RepeatVector{.n = 3}, {Shape{None, 32}}, {Shape{None, 3, 32}}, Params{});
    // Keras 3 docstring: UpSampling1D(size=2) on (2, 2, 3) -> (2, 4, 3); spec §2.3: (b, size*L, c).
    ok &= check(UpSampling1D{}, {Shape{2, 2, 3}}, {Shape{2, 4, 3}}, Params{});
    ok &= check(UpSampling1D{.size = 3}, {Shape{None, 5, 3}}, {Shape{None, 15, 3}}, Params{});
    // Notebook In[64]: UpSampling2D(size=(3, 4)) on (6, 6, 3) -> (None, 18, 24, 3); a None stays None (§2.3).
    ok &= check(UpSampling2D{.size = {3, 4}}, {Shape{None, 6, 6, 3}}, {Shape{None, 18, 24, 3}}, Params{});
    ok &= check(UpSampling2D{}, {Shape{None, 6, None, 3}}, {Shape{None, 12, None, 3}}, Params{});
    ok &= check(UpSampling2D{.size = {3, 4}, .data_format = channels_first}, {Shape{None, 3, 6, 6}},
                {Shape{None, 3, 18, 24}}, Params{});
    // Keras 3's up_sampling2d_test test_upsampling_2d_bilinear: size (2, 3), interpolation="bilinear" on
    // (2, 11, 12, 2) channels_last: rows 2 * 11, columns 3 * 12.
    ok &= check(UpSampling2D{.size = {2, 3}, .interpolation = "bilinear"}, {Shape{2, 11, 12, 2}}, {Shape{2, 22, 36, 2}},
                Params{});
    // Spec §2.3 [run]: UpSampling3D() on (1, 2, None) -> (2, 4, None); channels_first scales axes 2-4.
    ok &= check(UpSampling3D{}, {Shape{None, 1, 2, None, 5}}, {Shape{None, 2, 4, None, 5}}, Params{});
    ok &= check(UpSampling3D{.size = {1, 2, 3}, .data_format = channels_first}, {Shape{None, 5, 1, 2, 3}},
                {Shape{None, 5, 1, 4, 9}}, Params{});
    // Keras 3 docstring: ZeroPadding1D(padding=2) on (2, 2, 3) -> (2, 6, 3); (left, right) = (1, 2) on 5 -> 8;
    // Keras 3's channels_first pads axis 2 (spec §2.3).
    ok &= check(ZeroPadding1D{.padding = 2}, {Shape{2, 2, 3}}, {Shape{2, 6, 3}}, Params{});
    ok &= check(ZeroPadding1D{.padding = {{1, 2}}}, {Shape{None, 5, 3}}, {Shape{None, 8, 3}}, Params{});
    ok &= check(ZeroPadding1D{.data_format = channels_first}, {Shape{None, 3, 5}}, {Shape{None, 3, 7}}, Params{});
    // Notebook In[68]: ZeroPadding2D(padding=(2, 3)) on (6, 6, 3) -> (None, 10, 12, 3); spec §2.3 [run]:
    // ZeroPadding2D(((1, 2), (3, 4))) on 5x5 -> 8x12; default (1, 1) channels_first: 5 + 2 = 7.
    ok &= check(ZeroPadding2D{.padding = {2, 3}}, {Shape{None, 6, 6, 3}}, {Shape{None, 10, 12, 3}}, Params{});
    ok &= check(ZeroPadding2D{.padding = {{1, 2}, {3, 4}}}, {Shape{None, 5, 5, 1}}, {Shape{None, 8, 12, 1}}, Params{});
    ok &= check(ZeroPadding2D{.data_format = channels_first}, {Shape{None, 3, 5, 5}}, {Shape{None, 3, 7, 7}}, Params{});
    // Keras 3 docstring: ZeroPadding3D(padding=2) on (1, 1, 2, 2, 3) -> (1, 5, 6, 6, 3); per-axis pairs:
    // 1 + 0 + 1 = 2, None, 3 + 1 + 1 = 5; default 1 each side with channels_first: 1, 2, 3 -> 3, 4, 5.
    ok &= check(ZeroPadding3D{.padding = 2}, {Shape{1, 1, 2, 2, 3}}, {Shape{1, 5, 6, 6, 3}}, Params{});
    ok &= check(ZeroPadding3D{.padding = {{0, 1}, {2, 0}, {1, 1}}}, {Shape{None, 1, None, 3, 4}},
                {Shape{None, 2, None, 5, 4}}, Params{});
    ok &= check(ZeroPadding3D{.data_format = channels_first}, {Shape{None, 4, 1, 2, 3}}, {Shape{None, 4, 3, 4, 5}},
                Params{});
    // Keras 3 docstring: Cropping1D(cropping=1) on (2, 3, 2) -> (2, 1, 2); (2, 3) on 10 -> 5 (spec §2.3).
    ok &= check(Cropping1D{.cropping = 1}, {Shape{2, 3, 2}}, {Shape{2, 1, 2}}, Params{});
    ok &= check(Cropping1D{.cropping = {2, 3}}, {Shape{None, 10, 3}}, {Shape{None, 5, 3}}, Params{});
    // Notebook In[73]: Cropping2D(1) on (28, 28, 3) -> 26x26; Cropping2D(((2, 3), (1, 1))) on 24x22 -> 19x20.
    // Spec §2.3 [run]: Cropping2D(2) on (None, 10) -> (None, 6); channels_first crops axes 2 and 3.
    ok &= check(Cropping2D{.cropping = 1}, {Shape{None, 28, 28, 3}}, {Shape{None, 26, 26, 3}}, Params{});
    ok &= check(Cropping2D{.cropping = {{2, 3}, {1, 1}}}, {Shape{None, 24, 22, 3}}, {Shape{None, 19, 20, 3}}, Params{});
    ok &= check(Cropping2D{.cropping = 2}, {Shape{None, None, 10, 1}}, {Shape{None, None, 6, 1}}, Params{});
    ok &= check(Cropping2D{.cropping = {1, 2}, .data_format = channels_first}, {Shape{None, 3, 10, 10}},
                {Shape{None, 3, 8, 6}}, Params{});
    // Keras 3 docstring: Cropping3D(cropping=(2, 4, 2)) on (2, 28, 28, 10, 3) -> (2, 24, 20, 6, 3); default
    // ((1, 1),) * 3 with channels_first: 5, 6, 7 -> 3, 4, 5 (spec §2.3).
    ok &= check(Cropping3D{.cropping = {2, 4, 2}}, {Shape{2, 28, 28, 10, 3}}, {Shape{2, 24, 20, 6, 3}}, Params{});
    ok &= check(Cropping3D{.data_format = channels_first}, {Shape{None, 2, 5, 6, 7}}, {Shape{None, 2, 3, 4, 5}},
                Params{});
    return ok;
}

} // namespace nnshape::harness
