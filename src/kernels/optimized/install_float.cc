// The float and hybrid entries of the optimized KernelSet.
#include "kernels/optimized/float_kernels.h"
#include "kernels/optimized/install.h"

namespace tinyinfer::kernels::optimized {

void install_float_kernels(KernelSet& set) {
  set.conv2d_float = conv2d_float;
  set.conv2d_hybrid = conv2d_hybrid;
  set.depthwise_float = depthwise_float;
  set.depthwise_hybrid = depthwise_hybrid;
  set.fully_connected_float = fully_connected_float;
  set.fully_connected_hybrid = fully_connected_hybrid;
  set.max_pool_float = max_pool_float;
}

}  // namespace tinyinfer::kernels::optimized
