#!/usr/bin/python3
"""Prints the tables of tests/unit/summary_tf_keras_options.cpp as tf.keras prints them: runs
print_summary of keras/utils/layer_utils.py, read unchanged from a Keras 2 git repository at a tag, on
stand-in layer objects (no TensorFlow needed) that carry what print_summary reads of each layer: its
name, class, output_shape, count_params(), trainable flag, inbound nodes and, for a nested model, its
layers.

    python3 tf_keras_print_summary.py /work/.mirror/keras-team+keras/repo v2.10.0 \\
        'print_summary(nested, expand_nested=True, show_trainable=True)'

Models: `nested` (a functional model with a frozen layer in a nested model) and `outputs` (an LSTM's
three outputs, a Dense called twice).
"""
import ast
import re  # noqa: F401 (print_summary's layer_range helper uses it)
import subprocess
import sys

repo, tag, call = sys.argv[1:4]
source = subprocess.run(["git", "-C", repo, "show", f"{tag}:keras/utils/layer_utils.py"],
                        check=True, capture_output=True, text=True).stdout
wanted = {"print_summary", "get_layer_index_bound_by_layer_name", "readable_memory_size"}
functions = "\n\n".join(ast.get_source_segment(source, node) for node in ast.parse(source).body
                        if isinstance(node, ast.FunctionDef) and node.name in wanted)


class Weight:  # float32: 4 bytes an element
    def __init__(self, count):
        self.count = count


def count_params(weights):
    return sum(w.count for w in weights)


def weight_memory_size(weights):
    return 4 * count_params(weights)


def print_dtensor_variable_summary(*args):
    pass


class io_utils:
    print_msg = print


class tf:
    class nest:
        @staticmethod
        def flatten(x):
            return x if isinstance(x, list) else [x]


class Node:
    def __init__(self, inbound):
        self.inbound = inbound
        self.keras_inputs = [None] * len(inbound)

    def iterate_inbound(self):
        for layer, node_index, tensor_index in self.inbound:
            yield layer, node_index, tensor_index, None


class Layer:
    def __init__(self, name, cls, shape, params=0, inbound=(), trainable=True, layers=None):
        self.__class__ = type(cls, (Layer,), {})
        self.name, self.output_shape, self.params, self.trainable = name, shape, params, trainable
        self._inbound_nodes = [Node(list(inbound))]
        self.built = True
        if layers is not None:
            self.layers = layers

    def count_params(self):
        return self.params


class Model:
    def __init__(self, name, layers, weighted):
        self.name, self.layers = name, layers
        self._is_graph_network = True
        self._nodes_by_depth = {0: [n for layer in layers for n in layer._inbound_nodes]}
        self.trainable_weights = [Weight(w.params) for w in weighted if w.trainable]
        self.non_trainable_weights = [Weight(w.params) for w in weighted if not w.trainable]


def nested_model():
    img = Layer("img", "InputLayer", [(None, 32, 32, 3)])
    conv = Layer("conv2d", "Conv2D", (None, 30, 30, 32), 896, [(img, 0, 0)])
    pool = Layer("max_pooling2d", "MaxPooling2D", (None, 10, 10, 32), 0, [(conv, 0, 0)])
    conv_1 = Layer("conv2d_1", "Conv2D", (None, 10, 10, 32), 9248, [(pool, 0, 0)])
    add = Layer("add", "Add", (None, 10, 10, 32), 0, [(conv_1, 0, 0), (pool, 0, 0)])
    inner_in = Layer("inner_in", "InputLayer", [(None, 10, 10, 32)])
    gap = Layer("global_average_pooling2d", "GlobalAveragePooling2D", (None, 32), 0, [(inner_in, 0, 0)])
    dense = Layer("dense", "Dense", (None, 3), 99, [(gap, 0, 0)], trainable=False)
    inner = Layer("inner", "Functional", (None, 3), 99, [(add, 0, 0)], layers=[inner_in, gap, dense])
    return Model("model", [img, conv, pool, conv_1, add, inner], [conv, conv_1, dense])


def outputs_model():
    seq = Layer("seq", "InputLayer", [(None, 5, 3)])
    lstm = Layer("lstm", "LSTM", [(None, 4), (None, 4), (None, 4)], 128, [(seq, 0, 0)])
    dense = Layer("dense", "Dense", (None, 4), 20, [(lstm, 0, 1)])  # its two calls agree
    dense._inbound_nodes.append(Node([(lstm, 0, 2)]))
    cat = Layer("concatenate", "Concatenate", (None, 12), 0, [(lstm, 0, 0), (dense, 0, 0), (dense, 1, 0)])
    return Model("model", [seq, lstm, dense, cat], [lstm, dense])


exec(functions)
nested, outputs = nested_model(), outputs_model()
exec(call)
