// libFuzzer target over the run-time model builders: the input bytes choose a sequence of layer
// constructions (tests/property/random_models.hpp: a Sequential built with add(), then a functional
// graph with shared layers and a sub-model). Any model must build or throw a shape_error that starts
// with the layer's class, and a built one must keep the property test's invariants; a crash, a
// sanitizer report or a broken invariant is a finding.
#include "../property/random_models.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace nnshape::property;
    ByteSource bytes({data, size});
    Generator<ByteSource> gen(bytes);
    for (const Outcome& o : {random_sequential(gen, 24), random_graph(gen, 24)}) {
        if (o.violation.empty()) continue;
        std::fprintf(stderr, "model_builder_fuzz: %s\n", o.violation.c_str());
        std::abort();
    }
    return 0;
}
