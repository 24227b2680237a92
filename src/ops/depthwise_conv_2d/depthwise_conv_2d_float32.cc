// Reference DEPTHWISE_CONV_2D float32 in TFLite's loop order (common/window_walk.h).
#include "ops/common/window_walk.h"
#include "ops/depthwise_conv_2d/depthwise_conv_2d.h"
#include "runtime/reference_kernel.h"

namespace tinyinfer::kernels::reference {

void depthwise_float(const Window& window, int32_t depth_multiplier, const FloatClamp& clamp, const Dims4& in,
                     const float* input, const Dims4& filter, const float* filter_data, const float* bias,
                     const Dims4& out, float* output) {
  depthwise_walk<float>(window, depth_multiplier, in, input, filter, filter_data, out, output, FloatProduct{},
                        FloatFinish{bias, clamp});
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(
    depthwise_conv_2d_float32,
    {&kDepthwiseConv2dOp, "depthwise_conv_2d_float32", KernelChoice::kReference, signature({kF32, kF32, kF32}, kF32),
     kernel_entry<kernels::DepthwiseFloatFn, WithoutScratch<kernels::reference::depthwise_float>::call>(), nullptr});

}  // namespace tinyinfer
