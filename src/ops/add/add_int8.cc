// Reference ADD int8 with broadcasting: TFLite's rescale of both inputs to a
// common scale (left shift 20), sum, requantize, clamp.
#include "dsp/fixed_point.h"
#include "ops/add/add.h"
#include "ops/common/broadcast.h"
#include "runtime/reference_kernel.h"

namespace tinyinfer::kernels::reference {

void add_int8(const AddInt8Params& params, const BroadcastShape& shape, const int8_t* input1, const int8_t* input2,
              int8_t* output) {
  // (q + offset) fits in 9 bits, so the shift by 20 cannot overflow int32.
  const int32_t shift_scale = int32_t{1} << params.left_shift;
  for_each_broadcast(shape, [&](int64_t i1, int64_t i2, int64_t o) {
    const int32_t shifted1 = (input1[i1] + params.input1_offset) * shift_scale;
    const int32_t shifted2 = (input2[i2] + params.input2_offset) * shift_scale;
    const int32_t scaled1 =
        quant::multiply_by_quantized_multiplier(shifted1, params.input1_multiplier, params.input1_shift);
    const int32_t scaled2 =
        quant::multiply_by_quantized_multiplier(shifted2, params.input2_multiplier, params.input2_shift);
    const int32_t raw_sum = scaled1 + scaled2;
    int32_t q = quant::multiply_by_quantized_multiplier(raw_sum, params.output_multiplier, params.output_shift) +
                params.output_offset;
    q = q < params.act_min ? params.act_min : (q > params.act_max ? params.act_max : q);
    output[o] = static_cast<int8_t>(q);
  });
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(add_int8, {&kAddOp, "add_int8", KernelChoice::kReference, signature({kI8, kI8}, kI8),
                                 kernel_entry<kernels::AddInt8Fn, WithoutScratch<kernels::reference::add_int8>::call>(),
                                 nullptr});

}  // namespace tinyinfer
