// Reference CONV_2D int8 (per-channel or per-tensor int8 weights, int32 bias): direct convolution in TFLite's loop
// order (common/window_walk.h).
#include "ops/common/window_walk.h"
#include "ops/conv_2d/conv_2d.h"
#include "runtime/reference_kernel.h"

namespace tinyinfer::kernels::reference {

void conv2d_int8(const Window& window, const Requant& rq, const Dims4& in, const int8_t* input, const Dims4& filter,
                 const int8_t* filter_data, const int32_t* bias, const Dims4& out, int8_t* output) {
  conv_walk<int32_t>(window, in, input, filter, filter_data, out, output, Int8Product{rq.input_offset},
                     Int8Finish{bias, rq});
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(conv_2d_int8,
                      {&kConv2dOp, "conv_2d_int8", KernelChoice::kReference, signature({kI8, kI8, kI32}, kI8),
                       kernel_entry<kernels::Conv2dInt8Fn, WithoutScratch<kernels::reference::conv2d_int8>::call>(),
                       nullptr});

}  // namespace tinyinfer
