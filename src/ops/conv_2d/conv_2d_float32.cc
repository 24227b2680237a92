// Reference CONV_2D float32: direct convolution in TFLite's loop order
// (common/window_walk.h).
#include "ops/common/window_walk.h"
#include "ops/conv_2d/conv_2d.h"
#include "runtime/reference_kernel.h"

namespace tinyinfer::kernels::reference {

void conv2d_float(const Window& window, const FloatClamp& clamp, const Dims4& in, const float* input,
                  const Dims4& filter, const float* filter_data, const float* bias, const Dims4& out, float* output) {
  conv_walk<float>(window, in, input, filter, filter_data, out, output, FloatProduct{}, FloatFinish{bias, clamp});
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(conv_2d_float32,
                      {&kConv2dOp, "conv_2d_float32", KernelChoice::kReference, signature({kF32, kF32, kF32}, kF32),
                       kernel_entry<kernels::Conv2dFloatFn, WithoutScratch<kernels::reference::conv2d_float>::call>(),
                       nullptr});

}  // namespace tinyinfer
