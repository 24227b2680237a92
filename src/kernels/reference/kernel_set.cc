#include "kernels/reference/reference.h"

namespace tinyinfer::kernels {

const KernelSet& reference_kernels() {
  static const KernelSet set = {
      "reference",
      reference::conv2d_float,
      reference::conv2d_int8,
      reference::conv2d_hybrid,
      reference::depthwise_float,
      reference::depthwise_int8,
      reference::depthwise_hybrid,
      reference::fully_connected_float,
      reference::fully_connected_int8,
      reference::fully_connected_hybrid,
      reference::max_pool_float,
      reference::max_pool_int8,
      reference::average_pool_float,
      reference::average_pool_int8,
      reference::add_float,
      reference::add_int8,
      reference::softmax_float,
      reference::softmax_int8,
      reference::quantize,
      reference::dequantize,
  };
  return set;
}

}  // namespace tinyinfer::kernels
