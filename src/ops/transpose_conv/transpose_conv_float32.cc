// Reference TRANSPOSE_CONV float32 (common/mm16_transpose_conv.h): the sums
// build up in the output itself, as in TFLite.
#include "ops/common/mm16_transpose_conv.h"
#include "ops/transpose_conv/transpose_conv.h"
#include "runtime/reference_kernel.h"

namespace tinyinfer::kernels::reference {

void transpose_conv_float(const Window& window, const FloatClamp& clamp, const Dims4& in, const float* input,
                          const Dims4& filter, const float* filter_data, const float* bias, const Dims4& out,
                          float* output, void*) {
  transpose_conv_walk(window, in, input, filter, filter_data, out, output, output, FloatProduct{},
                      FloatFinish{bias, clamp});
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(transpose_conv_float32,
                      {&kTransposeConvOp, "transpose_conv_float32", KernelChoice::kReference,
                       signature({kF32, kF32, kF32}, kF32),
                       kernel_entry<kernels::TransposeConvFloatFn, kernels::reference::transpose_conv_float>(),
                       nullptr});

}  // namespace tinyinfer
