// FILL int16: the shared fill walk of move_kernels.h for int16_t elements.
#include <cstddef>
#include <cstdint>

#include "ops/fill/fill.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void fill_int16(const void* value, void* output, std::size_t count) {
  move::fill_run<int16_t>(static_cast<int16_t*>(output), static_cast<int64_t>(count),
                          *static_cast<const int16_t*>(value));
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(fill_int16, {&kFillOp, "fill_int16", KernelChoice::kReference, signature({kI16}, kI16),
                                   kernel_entry<kernels::FillFn, kernels::reference::fill_int16>(), nullptr});

}  // namespace tinyinfer
