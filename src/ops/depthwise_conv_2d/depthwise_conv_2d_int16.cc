// Reference DEPTHWISE_CONV_2D int16x8 (int16 activations, int8 weights, int64
// bias and accumulator) in TFLite's loop order (common/window_walk.h).
#include "ops/common/mm16_int16.h"
#include "ops/common/window_walk.h"
#include "ops/depthwise_conv_2d/depthwise_conv_2d.h"
#include "runtime/reference_kernel.h"

namespace tinyinfer::kernels::reference {

void depthwise_int16(const Window& window, int32_t depth_multiplier, const Requant& rq, const Dims4& in,
                     const int16_t* input, const Dims4& filter, const int8_t* filter_data, const int64_t* bias,
                     const Dims4& out, int16_t* output) {
  depthwise_walk<int64_t>(window, depth_multiplier, in, input, filter, filter_data, out, output, Int16Product{},
                          Int16Finish<int64_t>{bias, rq});
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(
    depthwise_conv_2d_int16,
    {&kDepthwiseConv2dOp, "depthwise_conv_2d_int16", KernelChoice::kReference, signature({kI16, kI8, kI64}, kI16),
     kernel_entry<kernels::DepthwiseInt16Fn, WithoutScratch<kernels::reference::depthwise_int16>::call>(), nullptr});

}  // namespace tinyinfer
