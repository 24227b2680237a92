// The optimized set's kernels, registered per op and type signature
// (op_kernel.h): the ARMv7E-M DSP int8 kernels (kernels/arm/) and the FPv5
// float/hybrid kernels (kernels/optimized/). On the host they run through
// their portable twins. Each is proven equal to its reference twin by the
// differential tests (tests/unit/*_diff_test.cc on the host,
// tests/firmware_diff on the emulated Cortex-M7); every op and signature
// without an entry here runs its reference kernel.
#include "kernels/arm/int8_kernels.h"
#include "kernels/optimized/float_kernels.h"
#include "runtime/node.h"

namespace tinyinfer {
namespace {

using namespace kernels;

std::size_t conv_2d_int8_scratch(const ScratchQuery& q) { return arm::conv2d_int8_scratch_bytes(q.in, q.filter, q.out); }
std::size_t conv_2d_hybrid_scratch(const ScratchQuery& q) {
  return optimized::conv2d_hybrid_scratch_bytes(q.in, q.filter);
}
std::size_t depthwise_int8_scratch(const ScratchQuery& q) {
  return arm::depthwise_int8_scratch_bytes(q.window, q.depth_multiplier, q.in, q.filter, q.out);
}
std::size_t depthwise_float_scratch(const ScratchQuery& q) {
  return optimized::depthwise_float_scratch_bytes(q.window, q.depth_multiplier, q.in, q.filter, q.out);
}
std::size_t depthwise_hybrid_scratch(const ScratchQuery& q) {
  return optimized::depthwise_hybrid_scratch_bytes(q.window, q.depth_multiplier, q.in, q.filter, q.out);
}
// The int16 input row is the FC kernel's only scratch; with small_arena the
// kernel widens the input on the fly instead.
std::size_t fully_connected_int8_scratch(const ScratchQuery& q) {
  return q.small_arena ? 0 : arm::fully_connected_int8_scratch_bytes(q.in.c);
}
// ADD's per-byte lookup tables: in = input 1, filter = input 2 ({1, 1, 1, elements}).
std::size_t add_int8_scratch(const ScratchQuery& q) { return arm::add_int8_scratch_bytes(q.in.c, q.filter.c, q.out.c); }

constexpr DataType F32 = DataType::kFloat32, I8 = DataType::kInt8, I32 = DataType::kInt32;
constexpr KernelChoice kOpt = KernelChoice::kOptimized;

const OpKernel kEntries[] = {
    {&kConv2dOp, "conv_2d_float_cortex_m7", kOpt, signature({F32, F32, F32}, F32),
     erase_kernel<Conv2dFloatFn>(optimized::conv2d_float), nullptr},
    {&kConv2dOp, "conv_2d_int8_cortex_m7", kOpt, signature({I8, I8, I32}, I8), erase_kernel<Conv2dInt8Fn>(arm::conv2d_int8),
     conv_2d_int8_scratch},
    {&kConv2dOp, "conv_2d_hybrid_cortex_m7", kOpt, signature({F32, I8, F32}, F32),
     erase_kernel<Conv2dHybridFn>(optimized::conv2d_hybrid), conv_2d_hybrid_scratch},
    {&kDepthwiseConv2dOp, "depthwise_conv_2d_float_cortex_m7", kOpt, signature({F32, F32, F32}, F32),
     erase_kernel<DepthwiseFloatFn>(optimized::depthwise_float), depthwise_float_scratch},
    {&kDepthwiseConv2dOp, "depthwise_conv_2d_int8_cortex_m7", kOpt, signature({I8, I8, I32}, I8),
     erase_kernel<DepthwiseInt8Fn>(arm::depthwise_int8), depthwise_int8_scratch},
    {&kDepthwiseConv2dOp, "depthwise_conv_2d_hybrid_cortex_m7", kOpt, signature({F32, I8, F32}, F32),
     erase_kernel<DepthwiseHybridFn>(optimized::depthwise_hybrid), depthwise_hybrid_scratch},
    {&kFullyConnectedOp, "fully_connected_float_cortex_m7", kOpt, signature({F32, F32, F32}, F32),
     erase_kernel<FullyConnectedFloatFn>(optimized::fully_connected_float), nullptr},
    {&kFullyConnectedOp, "fully_connected_int8_cortex_m7", kOpt, signature({I8, I8, I32}, I8),
     erase_kernel<FullyConnectedInt8Fn>(arm::fully_connected_int8), fully_connected_int8_scratch},
    {&kFullyConnectedOp, "fully_connected_hybrid_cortex_m7", kOpt, signature({F32, I8, F32}, F32),
     erase_kernel<FullyConnectedHybridFn>(optimized::fully_connected_hybrid), nullptr},
    {&kMaxPool2dOp, "max_pool_2d_float_cortex_m7", kOpt, signature({F32}, F32),
     erase_kernel<PoolFloatFn>(optimized::max_pool_float), nullptr},
    {&kMaxPool2dOp, "max_pool_2d_int8_cortex_m7", kOpt, signature({I8}, I8), erase_kernel<PoolInt8Fn>(arm::max_pool_int8),
     nullptr},
    {&kAveragePool2dOp, "average_pool_2d_int8_cortex_m7", kOpt, signature({I8}, I8),
     erase_kernel<PoolInt8Fn>(arm::average_pool_int8), nullptr},
    {&kAddOp, "add_int8_cortex_m7", kOpt, signature({I8, I8}, I8), erase_kernel<AddInt8Fn>(arm::add_int8),
     add_int8_scratch},
};

}  // namespace

extern const KernelList kOptimizedKernels = {kEntries, sizeof(kEntries) / sizeof(kEntries[0])};

}  // namespace tinyinfer
