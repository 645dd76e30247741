// The summary value written as JSON and CSV. Numbers: keras.io's Simple MNIST convnet (Keras 3 summary:
// conv2d 320, conv2d_1 18,496, dense 16,010, total 34,826) and the shapes it prints.
#include <doctest/doctest.h>
#include <nnshape/export.hpp>
#include <nnshape/nnshape.hpp>
#include "support.hpp"

#include <string>

namespace unit_export_test {

using namespace nnshape;
using nnshape::test::mnist_convnet;

namespace {

// Brackets and braces balance outside strings: a cheap well-formedness check.
bool balanced(const std::string& json)
{
    int depth = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < json.size(); ++i) {
        if (in_string) {
            if (json[i] == '\\')
                ++i;
            else if (json[i] == '"')
                in_string = false;
        } else if (json[i] == '"') {
            in_string = true;
        } else if (json[i] == '{' || json[i] == '[') {
            ++depth;
        } else if ((json[i] == '}' || json[i] == ']') && --depth < 0) {
            return false;
        }
    }
    return depth == 0 && !in_string;
}

} // namespace

TEST_CASE("JSON: rows, shapes with null for None, per-call lists and totals")
{
    const std::string json = to_json(report(mnist_convnet(), {.naming = keras3}));
    CHECK(balanced(json));
    CHECK(json.starts_with("{\"name\":\"sequential\""));
    CHECK(json.find("{\"name\":\"conv2d\",\"class_name\":\"Conv2D\",\"depth\":0") != std::string::npos);
    CHECK(json.find("\"params\":320,") != std::string::npos);
    CHECK(json.find("\"output_shapes\":[[[null,26,26,32]]]") != std::string::npos);
    CHECK(json.find("\"input_shapes\":[[[null,28,28,1]]]") != std::string::npos);
    CHECK(json.find("\"connections\":[[\"conv2d\",0,0]]") != std::string::npos); // max_pooling2d's input
    CHECK(json.find("\"totals\":{\"params\":34826,\"trainable_params\":34826,\"non_trainable_params\":0,"
                    "\"param_bytes\":139304") != std::string::npos);
}

TEST_CASE("JSON: unknown counts are null (never 0), names are escaped")
{
    Sequential<> m;
    m.add(InputLayer{.shape = Shape{None, None, 3}});
    m.add(Conv2D{.filters = 4, .kernel_size = 3, .name = "odd\"name"});
    const std::string json = to_json(report(m));
    CHECK(balanced(json));
    CHECK(json.find("\"name\":\"odd\\\"name\"") != std::string::npos);
    CHECK(json.find("\"macs\":null") != std::string::npos);
    CHECK(json.find("\"peak_activation_bytes\":null") != std::string::npos);
}

TEST_CASE("CSV: a header and one quoted-where-needed line per layer")
{
    const std::string csv = to_csv(report(mnist_convnet(), {.naming = keras3}));
    CHECK(csv.starts_with("name,class_name,depth,input_shapes,output_shapes,params,"));
    CHECK(csv.find("\nconv2d,Conv2D,0,\"(None, 28, 28, 1)\",\"(None, 26, 26, 32)\",320,320,0,true,") !=
          std::string::npos);
    CHECK(csv.find("\ndense,Dense,0,\"(None, 1600)\",\"(None, 10)\",16010,16010,0,true,") != std::string::npos);
    std::size_t lines = 0;
    for (char c : csv) lines += c == '\n';
    CHECK(lines == 1 + 8);
}

} // namespace unit_export_test
