// The optimized kernel set: starts from the reference set and lets each
// optimized family replace the entries it accelerates.
#include "kernels/arm/int8_kernels.h"
#include "kernels/optimized/float_kernels.h"
#include "kernels/optimized/install.h"

namespace tinyinfer::kernels {
namespace {

// Working memory of the optimized conv, depthwise and fully connected
// kernels for one op's geometry (kernels.h, "Scratch").
std::size_t optimized_scratch_bytes(const ScratchQuery& q) {
  switch (q.op) {
    case KernelOp::kConv2d:
      if (q.type == KernelType::kInt8) return arm::conv2d_int8_scratch_bytes(q.in, q.filter, q.out);
      if (q.type == KernelType::kHybrid) return optimized::conv2d_hybrid_scratch_bytes(q.in, q.filter);
      return 0;
    case KernelOp::kDepthwise:
      if (q.type == KernelType::kInt8)
        return arm::depthwise_int8_scratch_bytes(q.window, q.depth_multiplier, q.in, q.filter, q.out);
      if (q.type == KernelType::kHybrid)
        return optimized::depthwise_hybrid_scratch_bytes(q.window, q.depth_multiplier, q.in, q.filter, q.out);
      return optimized::depthwise_float_scratch_bytes(q.window, q.depth_multiplier, q.in, q.filter, q.out);
    case KernelOp::kAdd:
      return q.type == KernelType::kInt8 ? arm::add_int8_scratch_bytes(q.in.c, q.filter.c, q.out.c) : 0;
    case KernelOp::kFullyConnected:
      // The int16 input row is the FC kernel's only scratch; without it the
      // kernel widens the input on the fly.
      if (q.type == KernelType::kInt8 && !q.small_arena) return arm::fully_connected_int8_scratch_bytes(q.in.c);
      return 0;
  }
  return 0;
}

}  // namespace

const KernelSet& optimized_kernels() {
  static const KernelSet set = [] {
    KernelSet s = reference_kernels();
    s.name = "optimized";
    optimized::install_int8_kernels(s);
    optimized::install_float_kernels(s);
    s.scratch_bytes = optimized_scratch_bytes;
    return s;
  }();
  return set;
}

}  // namespace tinyinfer::kernels
