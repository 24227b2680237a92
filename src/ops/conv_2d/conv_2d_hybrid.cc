// Reference CONV_2D hybrid (float activations, int8 weights): direct convolution in TFLite's loop order
// (common/window_walk.h).
#include "ops/common/window_walk.h"
#include "ops/conv_2d/conv_2d.h"
#include "runtime/reference_kernel.h"

namespace tinyinfer::kernels::reference {

void conv2d_hybrid(const Window& window, const FloatClamp& clamp, const Dims4& in, const float* input,
                   const Dims4& filter, const int8_t* filter_data, const float* filter_scales, const float* bias,
                   const Dims4& out, float* output) {
  conv_walk<float>(window, in, input, filter, filter_data, out, output, HybridProduct{},
                   HybridFinish{filter_scales, bias, clamp});
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(conv_2d_hybrid,
                      {&kConv2dOp, "conv_2d_hybrid", KernelChoice::kReference, signature({kF32, kI8, kF32}, kF32),
                       kernel_entry<kernels::Conv2dHybridFn, WithoutScratch<kernels::reference::conv2d_hybrid>::call>(),
                       nullptr});

}  // namespace tinyinfer
