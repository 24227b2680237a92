// Reference BATCH_MATMUL float32 (common/mm16_matmul.h).
#include "ops/batch_matmul/batch_matmul.h"
#include "runtime/reference_kernel.h"

namespace tinyinfer::kernels::reference {

void batch_matmul_float(const MatMulGeometry& g, const float* lhs, const float* rhs, float* output) {
  matmul_walk<float>(
      g, lhs, rhs, output, [](float a, float b) { return a * b; }, [](float acc) { return acc; });
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(
    batch_matmul_float32,
    {&kBatchMatMulOp, "batch_matmul_float32", KernelChoice::kReference, signature({kF32, kF32}, kF32),
     kernel_entry<kernels::BatchMatMulFloatFn, WithoutScratch<kernels::reference::batch_matmul_float>::call>(),
     nullptr});

}  // namespace tinyinfer
