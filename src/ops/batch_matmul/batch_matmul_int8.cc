// Reference BATCH_MATMUL int8: TFLite's int32 sums (they wrap) of
// zero-point-corrected products, rescaled per tensor (common/mm16_matmul.h).
#include "ops/batch_matmul/batch_matmul.h"
#include "runtime/reference_kernel.h"

namespace tinyinfer::kernels::reference {

void batch_matmul_int8(const MatMulGeometry& g, const MatMulQuant& q, const int8_t* lhs, const int8_t* rhs,
                       int8_t* output) {
  quantized_matmul(g, q, lhs, rhs, output);
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(
    batch_matmul_int8,
    {&kBatchMatMulOp, "batch_matmul_int8", KernelChoice::kReference, signature({kI8, kI8}, kI8),
     kernel_entry<kernels::BatchMatMulInt8Fn, WithoutScratch<kernels::reference::batch_matmul_int8>::call>(), nullptr});

}  // namespace tinyinfer
