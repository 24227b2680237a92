// Reference BATCH_MATMUL int16 (zero points 0): int64 sums, TFLite's 64-bit
// rescale per tensor (common/mm16_matmul.h).
#include "ops/batch_matmul/batch_matmul.h"
#include "runtime/reference_kernel.h"

namespace tinyinfer::kernels::reference {

void batch_matmul_int16(const MatMulGeometry& g, const MatMulQuant& q, const int16_t* lhs, const int16_t* rhs,
                        int16_t* output) {
  quantized_matmul(g, q, lhs, rhs, output);
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(
    batch_matmul_int16,
    {&kBatchMatMulOp, "batch_matmul_int16", KernelChoice::kReference, signature({kI16, kI16}, kI16),
     kernel_entry<kernels::BatchMatMulInt16Fn, WithoutScratch<kernels::reference::batch_matmul_int16>::call>(),
     nullptr});

}  // namespace tinyinfer
