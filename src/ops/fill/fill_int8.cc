// FILL int8: the shared fill walk of move_kernels.h for int8_t elements.
#include <cstddef>
#include <cstdint>

#include "ops/fill/fill.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void fill_int8(const void* value, void* output, std::size_t count) {
  move::fill_run<int8_t>(static_cast<int8_t*>(output), static_cast<int64_t>(count), *static_cast<const int8_t*>(value));
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(fill_int8, {&kFillOp, "fill_int8", KernelChoice::kReference, signature({kI8}, kI8),
                                  kernel_entry<kernels::FillFn, kernels::reference::fill_int8>(), nullptr});

}  // namespace tinyinfer
