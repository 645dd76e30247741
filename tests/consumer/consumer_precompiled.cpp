// Linked with the installed nnshape::precompiled: nnshape's headers come precompiled (CMake's
// precompiled header of this target), the summary and the Graph's run-time code from the package's
// static library. Two translation units share the one precompiled header.
// Conv2D(8, 3) on 28x28x1: 3 x 3 x 1 x 8 + 8 = 80 weights; Dense(10) on its 26 x 26 x 8 = 5,408 features
// flattened: 5,408 x 10 + 10 = 54,090 (Keras's Conv2D and Dense rules); 54,170 in all.
#include <nnshape/nnshape.hpp>
#include <nnshape/summary.hpp>

#include <string>

nnshape::Model classifier(nnshape::Graph& g); // consumer_precompiled_model.cpp

int main()
{
    nnshape::Graph g;
    return nnshape::summary(classifier(g)).find("Total params: 54,170") != std::string::npos ? 0 : 1;
}
