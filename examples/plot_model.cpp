// Keras's plot_model for the seed notebook's shared sub-model (In [2]): writes the graph as Graphviz
// DOT text, model.dot and (clusters for nested models, with shapes) model_expanded.dot, in the current
// directory, and renders model.png when Graphviz's `dot` program is installed (Debian: graphviz).
#include <nnshape/nnshape.hpp>
#include <nnshape/plot.hpp>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>

using namespace nnshape;

namespace {

void write(const std::string& path, const std::string& text)
{
    std::ofstream(path) << text;
    std::cout << "wrote " << path << '\n';
}

} // namespace

int main()
{
    // The notebook's names: fm (input_2 -> conv2d_1) is called four times after conv2d_2; m stops at
    // the second call, so model_1 gets two edges in: from conv2d_2 and from its own first call.
    Graph g;
    auto inputs = Input(g, {.shape = {None, None, 3}, .name = "input_1"});
    auto fm_inputs = Input(g, {.shape = {None, None, 3}, .name = "input_2"});
    const Model fm{fm_inputs, Conv2D{.filters = 3, .kernel_size = 3, .padding = same, .name = "conv2d_1"}(fm_inputs),
                   ModelArgs{.name = "model_1"}};
    auto x = Conv2D{.filters = 3, .kernel_size = 3, .padding = same, .name = "conv2d_2"}(inputs);
    auto y1 = fm(x);
    auto y2 = fm(y1);
    auto y3 = fm(y2);
    fm(y3);
    const Model m{inputs, y2, ModelArgs{.name = "model_2"}};

    // plot_model(m, to_file='model.png')
    const std::string dot = model_to_dot(m);
    std::cout << dot;
    write("model.dot", dot);
    write("model_expanded.dot", model_to_dot(m, {.show_shapes = true, .expand_nested = true}));

    if (std::system("command -v dot >/dev/null 2>&1") != 0) {
        std::cout << "Graphviz's dot is not installed: render with `dot -Tpng model.dot -o model.png`\n";
        return 0;
    }
    if (std::system("dot -Tpng model.dot -o model.png") != 0) {
        std::cerr << "dot failed to render model.png\n";
        return 1;
    }
    std::cout << "wrote model.png\n";
}
