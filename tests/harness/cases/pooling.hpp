#pragma once
// Harness cases for the pooling layers (layers/pooling.hpp); numbers from Keras as cited.
#include "../layer_case.hpp"

namespace nnshape::harness {

constexpr bool pooling_cases(auto&& check)
{
    // Spec §0.6 [run]: MaxPooling1D() on 7 -> 3; MaxPooling1D(3, 2, 'same') on 7 -> 4; channels_first pools
    // axis 2.
    bool ok = check(MaxPooling1D{}, {Shape{None, 7, 5}}, {Shape{None, 3, 5}}, Params{});
    ok &= check(MaxPooling1D{.pool_size = 3, .strides = 2, .padding = same}, {Shape{None, 7, 5}}, {Shape{None, 4, 5}},
                Params{});
    ok &= check(MaxPooling1D{.data_format = channels_first}, {Shape{None, 5, 7}}, {Shape{None, 5, 3}}, Params{});
    // Notebook In[87]: MaxPool2D((2, 2), padding='same') on 7x7x32 -> ceil(7/2) = 4; strides default to
    // pool_size: valid (7 - 2 + 2) // 2 = 3 (spec §0.6).
    ok &= check(MaxPooling2D{.pool_size = {2, 2}, .padding = same}, {Shape{None, 7, 7, 32}}, {Shape{None, 4, 4, 32}},
                Params{});
    ok &= check(MaxPooling2D{}, {Shape{None, 7, 7, 32}}, {Shape{None, 3, 3, 32}}, Params{});
    // Same with strides 3 on 8: ceil(8/3) = 3; None stays None (spec §0.6).
    ok &= check(MaxPooling2D{.pool_size = 3, .padding = same}, {Shape{None, 8, None, 3}}, {Shape{None, 3, None, 3}},
                Params{});
    // Keras 3 docstring: MaxPooling3D(pool_size=3) on (30, 30, 30, 3) -> (10, 10, 10, 3); default (2, 2, 2)
    // channels_first on (4, 5, 6): (4-2)//2+1 = 2, (5-2)//2+1 = 2, (6-2)//2+1 = 3 (spec §0.6).
    ok &= check(MaxPooling3D{.pool_size = 3}, {Shape{None, 30, 30, 30, 3}}, {Shape{None, 10, 10, 10, 3}}, Params{});
    ok &= check(MaxPooling3D{.data_format = channels_first}, {Shape{None, 2, 4, 5, 6}}, {Shape{None, 2, 2, 2, 3}},
                Params{});
    // Keras 3 docstring inputs (1, 5, 1), pool 2 (spec §0.6): strides 2 valid -> (5-2)//2 + 1 = 2; strides 1
    // same -> ceil(5/1) = 5; None stays None.
    ok &= check(AveragePooling1D{.pool_size = 2, .strides = 2}, {Shape{1, 5, 1}}, {Shape{1, 2, 1}}, Params{});
    ok &= check(AveragePooling1D{.pool_size = 2, .strides = 1, .padding = same}, {Shape{1, 5, 1}}, {Shape{1, 5, 1}},
                Params{});
    ok &= check(AveragePooling1D{}, {Shape{None, None, 5}}, {Shape{None, None, 5}}, Params{});
    // Spec §0.6 [run]: AveragePooling2D(3, strides=2) on 8 -> 3; strides (2, 1): (8-3+2)//2 = 3, (8-3+1)//1 = 6;
    // channels_first keeps axis 1: 8 -> 4, 6 -> 3.
    ok &=
        check(AveragePooling2D{.pool_size = 3, .strides = 2}, {Shape{None, 8, 8, 3}}, {Shape{None, 3, 3, 3}}, Params{});
    ok &= check(AveragePooling2D{.pool_size = 3, .strides = Ints<2>{2, 1}}, {Shape{None, 8, 8, 3}},
                {Shape{None, 3, 6, 3}}, Params{});
    ok &= check(AveragePooling2D{.data_format = channels_first}, {Shape{None, 3, 8, 6}}, {Shape{None, 3, 4, 3}},
                Params{});
    // Spec §0.6: same, strides 2: ceil(7/2), ceil(8/2), None; per-axis pool (1, 2, 3) on (4, 5, 6): 4, 2, 2.
    ok &= check(AveragePooling3D{.pool_size = 3, .strides = 2, .padding = same}, {Shape{None, 7, 8, None, 2}},
                {Shape{None, 4, 4, None, 2}}, Params{});
    ok &=
        check(AveragePooling3D{.pool_size = {1, 2, 3}}, {Shape{None, 4, 5, 6, 2}}, {Shape{None, 4, 2, 2, 2}}, Params{});
    // Spec §2.4: global pooling gives (b, c); keepdims (b, 1, c), or (b, c, 1) for channels_first.
    ok &= check(GlobalMaxPooling1D{.keepdims = true}, {Shape{None, 7, 5}}, {Shape{None, 1, 5}}, Params{});
    ok &= check(GlobalMaxPooling1D{.data_format = channels_first, .keepdims = true}, {Shape{None, 5, None}},
                {Shape{None, 5, 1}}, Params{});
    // Notebook In[88]: GlobalMaxPool2D on 7x7x32 -> (None, 32); spec §9: GlobalMaxPooling2D(channels_first)
    // on (None, 7, 4, 4) -> (None, 7).
    ok &= check(GlobalMaxPooling2D{}, {Shape{None, 7, 7, 32}}, {Shape{None, 32}}, Params{});
    ok &= check(GlobalMaxPooling2D{.data_format = channels_first}, {Shape{None, 7, 4, 4}}, {Shape{None, 7}}, Params{});
    // Keras 3 docstring: GlobalMaxPooling3D on (2, 4, 5, 4, 3) -> (2, 3).
    ok &= check(GlobalMaxPooling3D{}, {Shape{2, 4, 5, 4, 3}}, {Shape{2, 3}}, Params{});
    ok &= check(GlobalMaxPooling3D{.data_format = channels_first}, {Shape{None, 2, None, None, None}}, {Shape{None, 2}},
                Params{});
    // Keras 3 docstring: GlobalAveragePooling1D on (2, 3, 4) -> (2, 4); channels_first (None, 5, 7) -> (None, 5).
    ok &= check(GlobalAveragePooling1D{}, {Shape{2, 3, 4}}, {Shape{2, 4}}, Params{});
    ok &= check(GlobalAveragePooling1D{.data_format = channels_first}, {Shape{None, 5, 7}}, {Shape{None, 5}}, Params{});
    // Spec §2.4 keepdims: (b, 1, 1, c), or (b, c, 1, 1) for channels_first; unknown spatial axes are reduced.
    ok &= check(GlobalAveragePooling2D{.keepdims = true}, {Shape{None, 7, 7, 32}}, {Shape{None, 1, 1, 32}}, Params{});
    ok &= check(GlobalAveragePooling2D{.data_format = channels_first, .keepdims = true}, {Shape{None, 7, 4, 4}},
                {Shape{None, 7, 1, 1}}, Params{});
    ok &= check(GlobalAveragePooling2D{}, {Shape{16, None, None, 32}}, {Shape{16, 32}}, Params{});
    // Spec §2.4 keepdims for 3D: (b, 1, 1, 1, c) / (b, c, 1, 1, 1).
    ok &=
        check(GlobalAveragePooling3D{.keepdims = true}, {Shape{None, 4, 5, 6, 2}}, {Shape{None, 1, 1, 1, 2}}, Params{});
    ok &= check(GlobalAveragePooling3D{.data_format = channels_first, .keepdims = true}, {Shape{None, 2, 4, 5, 6}},
                {Shape{None, 2, 1, 1, 1}}, Params{});
    return ok;
}

// Keras 3.13's adaptive pooling, in a function of its own: with the cases above, one constant
// evaluation would pass Clang's default step limit.
constexpr bool adaptive_pooling_cases(auto&& check)
{
    // adaptive_pooling1d_test: AdaptiveAveragePooling1D(16) on (None, 64, 3) -> (None, 16, 3);
    // adaptive_pooling2d_test: output_size=4 on (2, 3, 8, 8) channels_first -> (2, 3, 4, 4);
    // adaptive_pooling3d_test: output_size=(2, 4, 4) on (2, 8, 8, 8, 3) -> (2, 2, 4, 4, 3)
    // (base_adaptive_pooling.py compute_output_shape). No weights.
    bool ok = check(AdaptiveAveragePooling1D{.output_size = 16}, {Shape{None, 64, 3}}, {Shape{None, 16, 3}}, Params{});
    ok &= check(AdaptiveMaxPooling1D{.output_size = 16, .data_format = channels_first}, {Shape{None, 3, 64}},
                {Shape{None, 3, 16}}, Params{});
    ok &= check(AdaptiveAveragePooling2D{.output_size = 4, .data_format = channels_first}, {Shape{2, 3, 8, 8}},
                {Shape{2, 3, 4, 4}}, Params{});
    ok &=
        check(AdaptiveMaxPooling2D{.output_size = {4, 2}}, {Shape{None, 8, None, 3}}, {Shape{None, 4, 2, 3}}, Params{});
    ok &= check(AdaptiveAveragePooling3D{.output_size = {2, 4, 4}}, {Shape{2, 8, 8, 8, 3}}, {Shape{2, 2, 4, 4, 3}},
                Params{});
    ok &= check(AdaptiveMaxPooling3D{.output_size = 4, .data_format = channels_first}, {Shape{2, 3, 8, 8, 8}},
                {Shape{2, 3, 4, 4, 4}}, Params{});
    return ok;
}

} // namespace nnshape::harness
