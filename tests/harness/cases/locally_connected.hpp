#pragma once
// Harness cases for LocallyConnected1D/2D (layers/locally_connected.hpp); numbers from Keras as cited.
#include "../layer_case.hpp"

namespace nnshape::harness {

constexpr bool locally_connected_cases(auto&& check)
{
    // Spec §2.9 [run]: 1D (10, 4), 8 filters, kernel 3 -> (8, 8), 832 = 8*(3*4)*8 + 8*8; strides 2 -> (4, 8),
    // 416 = 4*(3*4)*8 + 4*8; use_bias=False: 8*(3*4)*8 = 768; channels_first the same counts.
    bool ok = check(LocallyConnected1D{.filters = 8, .kernel_size = 3}, {Shape{None, 10, 4}}, {Shape{None, 8, 8}},
                    Params{832});
    ok &= check(LocallyConnected1D{.filters = 8, .kernel_size = 3, .strides = 2}, {Shape{None, 10, 4}},
                {Shape{None, 4, 8}}, Params{416});
    ok &= check(LocallyConnected1D{.filters = 8, .kernel_size = 3, .use_bias = false}, {Shape{None, 10, 4}},
                {Shape{None, 8, 8}}, Params{768});
    ok &= check(LocallyConnected1D{.filters = 8, .kernel_size = 3, .data_format = channels_first}, {Shape{None, 4, 10}},
                {Shape{None, 8, 8}}, Params{832});
    // Spec §2.9 1D implementation 2: kernel (il, c, ol, f) + bias (ol, f): 10*4*8*8 + 8*8 = 2624.
    // 'same' on (6, 1), kernel 2, strides 2, 1 filter -> 3 outputs; implementation 3 (tf.keras
    // conv_connected_inputs): windows [0, 1), [1, 3), [3, 5) -> 1 + 2 + 2 = 5 kernel weights + 3 bias = 8.
    ok &= check(LocallyConnected1D{.filters = 8, .kernel_size = 3, .implementation = 2}, {Shape{None, 10, 4}},
                {Shape{None, 8, 8}}, Params{2624});
    ok &= check(LocallyConnected1D{.filters = 1, .kernel_size = 2, .strides = 2, .padding = same, .implementation = 3},
                {Shape{None, 6, 1}}, {Shape{None, 3, 1}}, Params{8});
    // Notebook In[120]/In[122]: LocallyConnected2D(32, (3, 2), 'valid') on (11, 11, 3) -> (None, 9, 10, 32),
    // 54,720 = 3*2*9*10*3*32 + 32*9*10; channels_first the same count.
    ok &= check(LocallyConnected2D{.filters = 32, .kernel_size = {3, 2}}, {Shape{None, 11, 11, 3}},
                {Shape{None, 9, 10, 32}}, Params{54720});
    ok &= check(LocallyConnected2D{.filters = 32, .kernel_size = {3, 2}, .data_format = channels_first},
                {Shape{None, 3, 11, 11}}, {Shape{None, 32, 9, 10}}, Params{54720});
    // Spec §2.9 [run]: (7, 7, 2), 4 filters, kernel 3, strides 2, no bias -> (3, 3, 4), 648 = 9 * 18 * 4.
    ok &= check(LocallyConnected2D{.filters = 4, .kernel_size = 3, .strides = 2, .use_bias = false},
                {Shape{None, 7, 7, 2}}, {Shape{None, 3, 3, 4}}, Params{648});
    // Spec §2.9 implementation 2 (dense masked kernel): 11*11*3*9*10*32 + 9*10*32 = 1,048,320; implementation 3
    // equals 1 for 'valid': 54,720.
    ok &= check(LocallyConnected2D{.filters = 32, .kernel_size = {3, 2}, .implementation = 2}, {Shape{None, 11, 11, 3}},
                {Shape{None, 9, 10, 32}}, Params{1048320});
    ok &= check(LocallyConnected2D{.filters = 32, .kernel_size = {3, 2}, .implementation = 3}, {Shape{None, 11, 11, 3}},
                {Shape{None, 9, 10, 32}}, Params{54720});
    // 'same' on 6x6x1, kernel 2, strides 2: 3x3; implementation 2: 6*6*1*3*3*1 + 3*3*1 = 333 (spec §2.9).
    ok &= check(LocallyConnected2D{.filters = 1, .kernel_size = 2, .strides = 2, .padding = same, .implementation = 2},
                {Shape{None, 6, 6, 1}}, {Shape{None, 3, 3, 1}}, Params{333});
    return ok;
}

} // namespace nnshape::harness
