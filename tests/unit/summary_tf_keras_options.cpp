// tf.keras's summary options (expand_nested, show_trainable, layer_range) and cells of several
// lines. The whole tables are the text tf.keras's own print_summary prints: layer_utils.py of Keras
// v2.10.0 (the 2.7-2.12 layout) and v2.13.1 (2.13-2.15), taken unchanged from the Keras mirror and run
// with Python on stand-in layer objects that carry the names, classes, output shapes, inbound nodes,
// weight counts and trainable flags of the models below (tf_keras_print_summary.py beside this file
// prints each table, e.g. `python3 tf_keras_print_summary.py <keras git dir> v2.10.0
// 'print_summary(nested, expand_nested=True, show_trainable=True)'`).
#include <doctest/doctest.h>
#include <nnshape/nnshape.hpp>
#include <nnshape/summary.hpp>
#include "support.hpp"

#include <array>
#include <string>

namespace unit_summary_tf_keras_options_test {

using namespace nnshape;
using nnshape::test::keras_table;

namespace {

// A functional model with a frozen layer in a nested model.
Model nested_frozen()
{
    Graph g;
    auto image = Input(g, {.shape = Shape{32, 32, 3}, .name = "img"});
    auto pooled = MaxPooling2D{.pool_size = 3}(Conv2D{.filters = 32, .kernel_size = 3}(image));
    auto sum = Add{}({Conv2D{.filters = 32, .kernel_size = 3, .padding = nnshape::same}(pooled), pooled});
    auto inner_in = Input(g, {.shape = Shape{10, 10, 32}, .name = "inner_in"});
    const Model inner{
        inner_in, Dense{.units = 3, .trainable = false}(GlobalAveragePooling2D{}(inner_in)), {.name = "inner"}};
    return Model{image, inner(sum)};
}

} // namespace

// print_summary(model, expand_nested=True, show_trainable=True). Keras's quirks kept: the expanded
// layers list no connections (their nodes are not the outer model's), and no blank line follows an
// expanded model (print_layer's loop leaves is_nested_last true).
TEST_CASE("tf_keras_2_7 and 2_13: expand_nested frames a nested model's rows in | and ¯")
{
    const Model m = nested_frozen();
    CHECK(summary(m, {.style = SummaryStyle::tf_keras_2_7, .expand_nested = true, .show_trainable = true}) ==
          keras_table(109, R"(
Model: "model"
_____________________________________________________________________________________________________________
 Layer (type)                   Output Shape         Param #     Connected to                     Trainable
=============================================================================================================
 img (InputLayer)               [(None, 32, 32, 3)]  0           []                               Y

 conv2d (Conv2D)                (None, 30, 30, 32)   896         ['img[0][0]']                    Y

 max_pooling2d (MaxPooling2D)   (None, 10, 10, 32)   0           ['conv2d[0][0]']                 Y

 conv2d_1 (Conv2D)              (None, 10, 10, 32)   9248        ['max_pooling2d[0][0]']          Y

 add (Add)                      (None, 10, 10, 32)   0           ['conv2d_1[0][0]',               Y
                                                                  'max_pooling2d[0][0]']

 inner (Functional)             (None, 3)            99          ['add[0][0]']                    Y
|¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯|
| inner_in (InputLayer)        [(None, 10, 10, 32)  0           []                               Y          |
|                              ]                                                                            |
|                                                                                                           |
| global_average_pooling2d (Glob  (None, 32)        0           []                               Y          |
| alAveragePooling2D)                                                                                       |
|                                                                                                           |
| dense (Dense)                (None, 3)            99          []                               N          |
¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯
=============================================================================================================
Total params: 10,243
Trainable params: 10,144
Non-trainable params: 99
_____________________________________________________________________________________________________________
)"));
    CHECK(summary(m, {.style = SummaryStyle::tf_keras_2_13, .expand_nested = true, .show_trainable = true}) ==
          keras_table(109, R"(
Model: "model"
_____________________________________________________________________________________________________________
 Layer (type)                Output Shape                 Param #   Connected to                  Trainable
=============================================================================================================
 img (InputLayer)            [(None, 32, 32, 3)]          0         []                            Y

 conv2d (Conv2D)             (None, 30, 30, 32)           896       ['img[0][0]']                 Y

 max_pooling2d (MaxPooling2  (None, 10, 10, 32)           0         ['conv2d[0][0]']              Y
 D)

 conv2d_1 (Conv2D)           (None, 10, 10, 32)           9248      ['max_pooling2d[0][0]']       Y

 add (Add)                   (None, 10, 10, 32)           0         ['conv2d_1[0][0]',            Y
                                                                     'max_pooling2d[0][0]']

 inner (Functional)          (None, 3)                    99        ['add[0][0]']                 Y
|¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯|
| inner_in (InputLayer)      [(None, 10, 10, 32)]         0         []                            Y         |
|                                                                                                           |
| global_average_pooling2d   (None, 32)                   0         []                            Y         |
| (GlobalAveragePooling2D)                                                                                  |
|                                                                                                           |
| dense (Dense)              (None, 3)                    99        []                            N         |
¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯¯
=============================================================================================================
Total params: 10243 (40.01 KB)
Trainable params: 10144 (39.62 KB)
Non-trainable params: 99 (396.00 Byte)
_____________________________________________________________________________________________________________
)"));
}

TEST_CASE("tf_keras styles: layer_range, and the options tf.keras has not")
{
    const Model m = nested_frozen();
    const std::string ranged =
        summary(m, {.style = SummaryStyle::tf_keras_2_7, .layer_range = std::array<std::string, 2>{"conv2d_1", "add"}});
    CHECK(ranged.find(" conv2d_1 (Conv2D)") != std::string::npos);
    CHECK(ranged.find(" add (Add)") != std::string::npos);
    CHECK(ranged.find("max_pooling2d") != std::string::npos); // in add's connections only
    CHECK(ranged.find(" max_pooling2d (MaxPooling2D)") == std::string::npos);
    CHECK(ranged.find("inner (Functional)") == std::string::npos);
    CHECK_THROWS_WITH_AS(summary(m, {.style = SummaryStyle::tf_keras_2_13, .columns = {SummaryColumn::macs}}),
                         doctest::Contains("extra columns are available in the keras2 and tf_keras_2_4"), shape_error);
    CHECK_THROWS_WITH_AS(summary(m, {.style = SummaryStyle::tf_keras_2_7, .shapes_per_call = true}),
                         doctest::Contains("shapes_per_call is an option of the keras2"), shape_error);
    // Keras would loop forever on a column with no room: positions 1 and 2 leave the second none.
    CHECK_THROWS_WITH_AS(summary(m, {.positions = {1, 2, 60, 98}, .style = SummaryStyle::tf_keras_2_7}),
                         doctest::Contains("no room"), shape_error);
    // tf_keras_2_4 is Keras 2's table: the extra columns work there.
    CHECK(summary(m, {.style = SummaryStyle::tf_keras_2_4, .columns = {SummaryColumn::macs}}).find("Mult-Adds") !=
          std::string::npos);
}

TEST_CASE("tf_keras_2_7: several outputs wrap after each `),`, a shared layer's calls agree")
{
    Graph g;
    auto seq = Input(g, {.shape = Shape{5, 3}, .name = "seq"});
    auto outs = LSTM{.units = 4, .return_state = true}(seq);
    auto shared = g.add(Dense{.units = 4});
    const Model m{seq, Concatenate{}({outs[0], shared(outs[1]), shared(outs[2])})};
    CHECK(summary(m, {.style = SummaryStyle::tf_keras_2_7}) == keras_table(98, R"(
Model: "model"
__________________________________________________________________________________________________
 Layer (type)                   Output Shape         Param #     Connected to
==================================================================================================
 seq (InputLayer)               [(None, 5, 3)]       0           []

 lstm (LSTM)                    [(None, 4),          128         ['seq[0][0]']
                                 (None, 4),
                                 (None, 4)]

 dense (Dense)                  (None, 4)            20          ['lstm[0][1]',
                                                                  'lstm[0][2]']

 concatenate (Concatenate)      (None, 12)           0           ['lstm[0][0]',
                                                                  'dense[0][0]',
                                                                  'dense[1][0]']

==================================================================================================
Total params: 148
Trainable params: 148
Non-trainable params: 0
__________________________________________________________________________________________________
)"));
}

TEST_CASE("tf_keras_2_13 and 2_7: line_length, positions and layer_range as tf.keras applies them")
{
    const Model m = nested_frozen();
    // print_summary(model, line_length=80) of Keras v2.13.1: "Param #" wraps in its narrower column.
    CHECK(summary(m, {.line_length = 80, .style = SummaryStyle::tf_keras_2_13}) == keras_table(80, R"(
Model: "model"
________________________________________________________________________________
 Layer (type)           Output Shape            Param   Connected to
                                                 #
================================================================================
 img (InputLayer)       [(None, 32, 32, 3)]     0       []

 conv2d (Conv2D)        (None, 30, 30, 32)      896     ['img[0][0]']

 max_pooling2d (MaxPoo  (None, 10, 10, 32)      0       ['conv2d[0][0]']
 ling2D)

 conv2d_1 (Conv2D)      (None, 10, 10, 32)      9248    ['max_pooling2d[0][0]']

 add (Add)              (None, 10, 10, 32)      0       ['conv2d_1[0][0]',
                                                         'max_pooling2d[0][0]']

 inner (Functional)     (None, 3)               99      ['add[0][0]']

================================================================================
Total params: 10243 (40.01 KB)
Trainable params: 10144 (39.62 KB)
Non-trainable params: 99 (396.00 Byte)
________________________________________________________________________________
)"));
    // print_summary(model, positions=[.4, .6, .7, 1.], layer_range=["conv2d_1", "inner"]) of v2.10.0.
    CHECK(summary(m, {.positions = {.4, .6, .7, 1.},
                      .style = SummaryStyle::tf_keras_2_7,
                      .layer_range = std::array<std::string, 2>{"conv2d_1", "inner"}}) == keras_table(98, R"(
Model: "model"
__________________________________________________________________________________________________
 Layer (type)                          Output Shape       Param #   Connected to
==================================================================================================
 conv2d_1 (Conv2D)                     (None, 10, 10, 32  9248      ['max_pooling2d[0][0]']
                                       )

 add (Add)                             (None, 10, 10, 32  0         ['conv2d_1[0][0]',
                                       )                             'max_pooling2d[0][0]']

 inner (Functional)                    (None, 3)          99        ['add[0][0]']

==================================================================================================
Total params: 10,243
Trainable params: 10,144
Non-trainable params: 99
__________________________________________________________________________________________________
)"));
}

} // namespace unit_summary_tf_keras_options_test
