// Reference DEPTHWISE_CONV_2D hybrid (float activations, int8 weights) in TFLite's loop order (common/window_walk.h).
#include "ops/common/window_walk.h"
#include "ops/depthwise_conv_2d/depthwise_conv_2d.h"
#include "runtime/reference_kernel.h"

namespace tinyinfer::kernels::reference {

void depthwise_hybrid(const Window& window, int32_t depth_multiplier, const FloatClamp& clamp, const Dims4& in,
                      const float* input, const Dims4& filter, const int8_t* filter_data, const float* filter_scales,
                      const float* bias, const Dims4& out, float* output) {
  depthwise_walk<float>(window, depth_multiplier, in, input, filter, filter_data, out, output, HybridProduct{},
                        HybridFinish{filter_scales, bias, clamp});
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(
    depthwise_conv_2d_hybrid,
    {&kDepthwiseConv2dOp, "depthwise_conv_2d_hybrid", KernelChoice::kReference, signature({kF32, kI8, kF32}, kF32),
     kernel_entry<kernels::DepthwiseHybridFn, WithoutScratch<kernels::reference::depthwise_hybrid>::call>(), nullptr});

}  // namespace tinyinfer
