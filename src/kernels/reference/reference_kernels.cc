// The reference kernels registered per op and type signature (op_kernel.h):
// plain, obviously correct loops, bit-exact with TFLite's reference kernels
// for integers. Every op has one here; the optimized set falls back to them.
#include <cstring>

#include "kernels/reference/reference.h"
#include "runtime/node.h"

namespace tinyinfer {
namespace {

using namespace kernels;

// The reference kernels need no working memory: their entries take the
// scratch argument of the kernel type and drop it.
template <auto Kernel>
struct WithoutScratch;
template <typename... Args, void (*Kernel)(Args...)>
struct WithoutScratch<Kernel> {
  static void call(Args... args, void*) { Kernel(args...); }
};

void copy_bytes(const void* input, void* output, std::size_t bytes) {
  if (output != input) std::memmove(output, input, bytes);
}

constexpr DataType F32 = DataType::kFloat32, I8 = DataType::kInt8, I32 = DataType::kInt32;
constexpr KernelChoice kRef = KernelChoice::kReference;

// Conv, depthwise and fully connected: {input, filter, bias} -> output
// (hybrid: float activations with int8 weights).
const OpKernel kEntries[] = {
    {&kConv2dOp, "conv_2d_float", kRef, signature({F32, F32, F32}, F32),
     erase_kernel<Conv2dFloatFn>(WithoutScratch<reference::conv2d_float>::call), nullptr},
    {&kConv2dOp, "conv_2d_int8", kRef, signature({I8, I8, I32}, I8),
     erase_kernel<Conv2dInt8Fn>(WithoutScratch<reference::conv2d_int8>::call), nullptr},
    {&kConv2dOp, "conv_2d_hybrid", kRef, signature({F32, I8, F32}, F32),
     erase_kernel<Conv2dHybridFn>(WithoutScratch<reference::conv2d_hybrid>::call), nullptr},
    {&kDepthwiseConv2dOp, "depthwise_conv_2d_float", kRef, signature({F32, F32, F32}, F32),
     erase_kernel<DepthwiseFloatFn>(WithoutScratch<reference::depthwise_float>::call), nullptr},
    {&kDepthwiseConv2dOp, "depthwise_conv_2d_int8", kRef, signature({I8, I8, I32}, I8),
     erase_kernel<DepthwiseInt8Fn>(WithoutScratch<reference::depthwise_int8>::call), nullptr},
    {&kDepthwiseConv2dOp, "depthwise_conv_2d_hybrid", kRef, signature({F32, I8, F32}, F32),
     erase_kernel<DepthwiseHybridFn>(WithoutScratch<reference::depthwise_hybrid>::call), nullptr},
    {&kFullyConnectedOp, "fully_connected_float", kRef, signature({F32, F32, F32}, F32),
     erase_kernel<FullyConnectedFloatFn>(WithoutScratch<reference::fully_connected_float>::call), nullptr},
    {&kFullyConnectedOp, "fully_connected_int8", kRef, signature({I8, I8, I32}, I8),
     erase_kernel<FullyConnectedInt8Fn>(WithoutScratch<reference::fully_connected_int8>::call), nullptr},
    {&kFullyConnectedOp, "fully_connected_hybrid", kRef, signature({F32, I8, F32}, F32),
     erase_kernel<FullyConnectedHybridFn>(WithoutScratch<reference::fully_connected_hybrid>::call), nullptr},
    // Pooling, softmax: {input} -> output.
    {&kMaxPool2dOp, "max_pool_2d_float", kRef, signature({F32}, F32), erase_kernel<PoolFloatFn>(reference::max_pool_float),
     nullptr},
    {&kMaxPool2dOp, "max_pool_2d_int8", kRef, signature({I8}, I8), erase_kernel<PoolInt8Fn>(reference::max_pool_int8),
     nullptr},
    {&kAveragePool2dOp, "average_pool_2d_float", kRef, signature({F32}, F32),
     erase_kernel<PoolFloatFn>(reference::average_pool_float), nullptr},
    {&kAveragePool2dOp, "average_pool_2d_int8", kRef, signature({I8}, I8),
     erase_kernel<PoolInt8Fn>(reference::average_pool_int8), nullptr},
    {&kSoftmaxOp, "softmax_float", kRef, signature({F32}, F32), erase_kernel<SoftmaxFloatFn>(reference::softmax_float),
     nullptr},
    {&kSoftmaxOp, "softmax_int8", kRef, signature({I8}, I8), erase_kernel<SoftmaxInt8Fn>(reference::softmax_int8),
     nullptr},
    // ADD: {input 1, input 2} -> output.
    {&kAddOp, "add_float", kRef, signature({F32, F32}, F32), erase_kernel<AddFloatFn>(reference::add_float), nullptr},
    {&kAddOp, "add_int8", kRef, signature({I8, I8}, I8),
     erase_kernel<AddInt8Fn>(WithoutScratch<reference::add_int8>::call), nullptr},
    // Conversions and data movement: {input} -> output.
    {&kQuantizeOp, "quantize_float32_int8", kRef, signature({F32}, I8), erase_kernel<QuantizeFn>(reference::quantize),
     nullptr},
    {&kDequantizeOp, "dequantize_int8_float32", kRef, signature({I8}, F32),
     erase_kernel<DequantizeFn>(reference::dequantize), nullptr},
    {&kReshapeOp, "reshape", kRef, signature({kAnyType}, kAnyType), erase_kernel<CopyFn>(copy_bytes), nullptr},
};

}  // namespace

extern const KernelList kReferenceKernels = {kEntries, sizeof(kEntries) / sizeof(kEntries[0])};

}  // namespace tinyinfer
