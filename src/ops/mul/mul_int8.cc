// Reference MUL int8 with broadcasting: the product of the zero-point-free
// inputs (at most 255 * 255, exact in int32) requantized once to the output.
#include "dsp/fixed_point.h"
#include "ops/common/broadcast.h"
#include "ops/mul/mul.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void mul_int8(const MulInt8Params& params, const BroadcastShape& shape, const int8_t* input1, const int8_t* input2,
              int8_t* output) {
  for_each_broadcast(shape, [&](int64_t i1, int64_t i2, int64_t o) {
    const int32_t product = (input1[i1] + params.input1_offset) * (input2[i2] + params.input2_offset);
    int32_t q = quant::multiply_by_quantized_multiplier(product, params.output_multiplier, params.output_shift) +
                params.output_offset;
    q = q < params.act_min ? params.act_min : (q > params.act_max ? params.act_max : q);
    output[o] = static_cast<int8_t>(q);
  });
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(mul_int8, {&kMulOp, "mul_int8", KernelChoice::kReference, signature({kI8, kI8}, kI8),
                                 kernel_entry<kernels::MulInt8Fn, kernels::reference::mul_int8>(), nullptr});

}  // namespace tinyinfer
