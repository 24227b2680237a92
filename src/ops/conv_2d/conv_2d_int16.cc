// Reference CONV_2D int16x8 (int16 activations, per-channel or per-tensor
// int8 weights, int64 or int32 bias): direct convolution in TFLite's loop
// order (common/window_walk.h), the bias type choosing the accumulator.
#include "ops/common/mm16_int16.h"
#include "ops/common/window_walk.h"
#include "ops/conv_2d/conv_2d.h"
#include "runtime/reference_kernel.h"

namespace tinyinfer::kernels::reference {

void conv2d_int16(const Window& window, const Requant& rq, const Dims4& in, const int16_t* input, const Dims4& filter,
                  const int8_t* filter_data, const int64_t* bias, const Dims4& out, int16_t* output) {
  conv_walk<int64_t>(window, in, input, filter, filter_data, out, output, Int16Product{},
                     Int16Finish<int64_t>{bias, rq});
}

void conv2d_int16_bias32(const Window& window, const Requant& rq, const Dims4& in, const int16_t* input,
                         const Dims4& filter, const int8_t* filter_data, const int32_t* bias, const Dims4& out,
                         int16_t* output) {
  conv_walk<int64_t>(window, in, input, filter, filter_data, out, output, Int16Product{},
                     Int16Finish<int32_t>{bias, rq});
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(
    conv_2d_int16,
    {&kConv2dOp, "conv_2d_int16", KernelChoice::kReference, signature({kI16, kI8, kI64}, kI16),
     kernel_entry<kernels::Conv2dInt16Fn, WithoutScratch<kernels::reference::conv2d_int16>::call>(), nullptr},
    {&kConv2dOp, "conv_2d_int16", KernelChoice::kReference, signature({kI16, kI8, kI32}, kI16),
     kernel_entry<kernels::Conv2dInt16Bias32Fn, WithoutScratch<kernels::reference::conv2d_int16_bias32>::call>(),
     nullptr});

}  // namespace tinyinfer
