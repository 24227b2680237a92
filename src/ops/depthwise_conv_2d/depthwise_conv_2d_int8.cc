// Reference DEPTHWISE_CONV_2D int8 in TFLite's loop order (common/window_walk.h).
#include "ops/common/window_walk.h"
#include "ops/depthwise_conv_2d/depthwise_conv_2d.h"
#include "runtime/reference_kernel.h"

namespace tinyinfer::kernels::reference {

void depthwise_int8(const Window& window, int32_t depth_multiplier, const Requant& rq, const Dims4& in,
                    const int8_t* input, const Dims4& filter, const int8_t* filter_data, const int32_t* bias,
                    const Dims4& out, int8_t* output) {
  depthwise_walk<int32_t>(window, depth_multiplier, in, input, filter, filter_data, out, output,
                          Int8Product{rq.input_offset}, Int8Finish{bias, rq});
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(
    depthwise_conv_2d_int8,
    {&kDepthwiseConv2dOp, "depthwise_conv_2d_int8", KernelChoice::kReference, signature({kI8, kI8, kI32}, kI8),
     kernel_entry<kernels::DepthwiseInt8Fn, WithoutScratch<kernels::reference::depthwise_int8>::call>(), nullptr});

}  // namespace tinyinfer
