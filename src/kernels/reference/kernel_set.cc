#include "kernels/reference/reference.h"

namespace tinyinfer::kernels {
namespace {

// The reference kernels need no working memory: the set's entries take the
// scratch argument and drop it.
template <auto Kernel>
struct WithoutScratch;
template <typename... Args, void (*Kernel)(Args...)>
struct WithoutScratch<Kernel> {
  static void call(Args... args, void*) { Kernel(args...); }
};

std::size_t no_scratch(const ScratchQuery&) { return 0; }

}  // namespace

const KernelSet& reference_kernels() {
  static const KernelSet set = {
      "reference",
      WithoutScratch<reference::conv2d_float>::call,
      WithoutScratch<reference::conv2d_int8>::call,
      WithoutScratch<reference::conv2d_hybrid>::call,
      WithoutScratch<reference::depthwise_float>::call,
      WithoutScratch<reference::depthwise_int8>::call,
      WithoutScratch<reference::depthwise_hybrid>::call,
      WithoutScratch<reference::fully_connected_float>::call,
      WithoutScratch<reference::fully_connected_int8>::call,
      WithoutScratch<reference::fully_connected_hybrid>::call,
      reference::max_pool_float,
      reference::max_pool_int8,
      reference::average_pool_float,
      reference::average_pool_int8,
      reference::add_float,
      WithoutScratch<reference::add_int8>::call,
      reference::softmax_float,
      reference::softmax_int8,
      reference::quantize,
      reference::dequantize,
      no_scratch,
  };
  return set;
}

}  // namespace tinyinfer::kernels
