// SQUEEZE int64: the shared copy walk of move_kernels.h for int64_t elements.
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "ops/squeeze/squeeze.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void squeeze_int64(const void* input, void* output, std::size_t count) {
  if (output != input) std::memmove(output, input, count * sizeof(int64_t));
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(squeeze_int64, {&kSqueezeOp, "squeeze_int64", KernelChoice::kReference, signature({kI64}, kI64),
                                      kernel_entry<kernels::SqueezeFn, kernels::reference::squeeze_int64>(), nullptr});

}  // namespace tinyinfer
