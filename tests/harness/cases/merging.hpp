#pragma once
// Harness cases for the merge layers (layers/merging.hpp); numbers from Keras as cited.
#include "../layer_case.hpp"

namespace nnshape::harness {

constexpr bool merging_cases(auto&& check)
{
    // Spec §2.12 [run]: (3, 4) + (1, 4) -> (3, 4); (3, 4) + (4,) -> (3, 4); (None, 4) + (5, 4) -> (None, 4)
    // (None wins over 5); the single known batch size is kept. 0 params.
    bool ok = check(Add{}, {Shape{None, 3, 4}, Shape{None, 1, 4}}, {Shape{None, 3, 4}}, Params{});
    ok &= check(Add{}, {Shape{None, 3, 4}, Shape{None, 4}}, {Shape{None, 3, 4}}, Params{});
    ok &= check(Add{}, {Shape{None, None, 4}, Shape{None, 5, 4}}, {Shape{None, None, 4}}, Params{});
    ok &= check(Add{}, {Shape{None, 3, 4}, Shape{8, 3, 4}}, {Shape{8, 3, 4}}, Params{});
    // Three inputs broadcast left to right: (3, 1) with (1, 4) -> (3, 4), then with (4,) -> (3, 4) (spec §2.12).
    ok &= check(Add{}, {Shape{None, 3, 1}, Shape{None, 1, 4}, Shape{None, 4}}, {Shape{None, 3, 4}}, Params{});
    // Keras 3: Subtract, Multiply, Average, Maximum and Minimum are `Merge` subclasses with Add's rule (spec §2.12).
    ok &= check(Subtract{}, {Shape{None, 3, 1}, Shape{None, 1, 4}}, {Shape{None, 3, 4}}, Params{});
    ok &= check(Multiply{}, {Shape{None, 3, 1}, Shape{None, 1, 4}}, {Shape{None, 3, 4}}, Params{});
    ok &= check(Average{}, {Shape{None, 3, 1}, Shape{None, 1, 4}}, {Shape{None, 3, 4}}, Params{});
    ok &= check(Maximum{}, {Shape{None, 5}, Shape{2, 5}}, {Shape{2, 5}}, Params{});
    ok &= check(Minimum{}, {Shape{None, None, 5}, Shape{None, 7, 1}}, {Shape{None, None, 5}}, Params{});
    // Spec §9: Concatenate() on (3, 4) + (3, 5) -> (None, 3, 9); Concatenate(axis=1) on (3, 4) + (2, 4) ->
    // (None, 5, 4). Spec §2.12 [run]: axis=1 with (None, 4) + (2, 4) -> (None, None, 4). tf.keras / Keras 3:
    // None matches any size on the other axes: (None, 4) + (5, 4) on axis -1 -> (None, None, 8).
    ok &= check(Concatenate{}, {Shape{None, 3, 4}, Shape{None, 3, 5}}, {Shape{None, 3, 9}}, Params{});
    ok &= check(Concatenate{.axis = 1}, {Shape{None, 3, 4}, Shape{None, 2, 4}}, {Shape{None, 5, 4}}, Params{});
    ok &= check(Concatenate{.axis = 1}, {Shape{None, None, 4}, Shape{None, 2, 4}}, {Shape{None, None, 4}}, Params{});
    ok &= check(Concatenate{}, {Shape{None, None, 4}, Shape{None, 5, 4}}, {Shape{None, None, 8}}, Params{});
    // Spec §2.12 [run]: (4,).(4,) axes=1 -> (None, 1); (3, 4).(5, 3) axes=(1, 2) -> (None, 4, 5);
    // (3, 4).(5, 4) axes=-1 -> (None, 3, 5). Keras 3 Dot docstring: (1, 5, 2).(1, 2, 5) axes=(1, 2) -> (1, 2, 2).
    ok &= check(Dot{.axes = 1}, {Shape{None, 4}, Shape{None, 4}}, {Shape{None, 1}}, Params{});
    ok &= check(Dot{.axes = {1, 2}}, {Shape{None, 3, 4}, Shape{None, 5, 3}}, {Shape{None, 4, 5}}, Params{});
    ok &= check(Dot{.axes = -1}, {Shape{None, 3, 4}, Shape{None, 5, 4}}, {Shape{None, 3, 5}}, Params{});
    ok &= check(Dot{.axes = {1, 2}}, {Shape{1, 5, 2}, Shape{1, 2, 5}}, {Shape{1, 2, 2}}, Params{});
    // A pair with negative entries indexes like Python: (-1, -2) on (3, 4).(4, 5) takes axes 2 and 1 -> (None, 3, 5);
    // normalize changes no shape (spec §2.12).
    ok &= check(Dot{.axes = {-1, -2}}, {Shape{None, 3, 4}, Shape{None, 4, 5}}, {Shape{None, 3, 5}}, Params{});
    ok &= check(Dot{.axes = 1, .normalize = true}, {Shape{None, 4}, Shape{None, 4}}, {Shape{None, 1}}, Params{});
    return ok;
}

} // namespace nnshape::harness
