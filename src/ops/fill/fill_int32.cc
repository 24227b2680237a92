// FILL int32: the shared fill walk of move_kernels.h for int32_t elements.
#include <cstddef>
#include <cstdint>

#include "ops/fill/fill.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void fill_int32(const void* value, void* output, std::size_t count) {
  move::fill_run<int32_t>(static_cast<int32_t*>(output), static_cast<int64_t>(count),
                          *static_cast<const int32_t*>(value));
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(fill_int32, {&kFillOp, "fill_int32", KernelChoice::kReference, signature({kI32}, kI32),
                                   kernel_entry<kernels::FillFn, kernels::reference::fill_int32>(), nullptr});

}  // namespace tinyinfer
