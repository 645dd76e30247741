#pragma once
// Keras Applications as nnshape models: `Graph g; auto m = nnshape::applications::ResNet50(g);`.
// Not part of nnshape.hpp: include this, or one family's header, where applications are used.

#include "applications/common.hpp"
#include "applications/convnext.hpp"
#include "applications/densenet.hpp"
#include "applications/efficientnet.hpp"
#include "applications/inception.hpp"
#include "applications/mobilenet.hpp"
#include "applications/nasnet.hpp"
#include "applications/resnet.hpp"
#include "applications/vgg.hpp"
#include "applications/xception.hpp"
