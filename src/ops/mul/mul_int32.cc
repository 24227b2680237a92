// Reference MUL int32 with broadcasting: wrapping product, clamped to the
// fused activation.
#include "ops/mul/mul.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void mul_int32(const BinaryParams& params, const BroadcastShape& shape, const int32_t* input1, const int32_t* input2,
               int32_t* output) {
  binary_broadcast(shape, input1, input2, output,
                   [&](int32_t a, int32_t b) { return clamp_to(wrapping_mul(a, b), params.act_min, params.act_max); });
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(mul_int32, {&kMulOp, "mul_int32", KernelChoice::kReference, signature({kI32, kI32}, kI32),
                                  kernel_entry<kernels::BinaryFn<int32_t>, kernels::reference::mul_int32>(), nullptr});

}  // namespace tinyinfer
