// FILL float32: the shared fill walk of move_kernels.h for float elements.
#include <cstddef>
#include <cstdint>

#include "ops/fill/fill.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void fill_float32(const void* value, void* output, std::size_t count) {
  move::fill_run<float>(static_cast<float*>(output), static_cast<int64_t>(count), *static_cast<const float*>(value));
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(fill_float32, {&kFillOp, "fill_float32", KernelChoice::kReference, signature({kF32}, kF32),
                                     kernel_entry<kernels::FillFn, kernels::reference::fill_float32>(), nullptr});

}  // namespace tinyinfer
