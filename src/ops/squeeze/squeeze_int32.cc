// SQUEEZE int32: the shared copy walk of move_kernels.h for int32_t elements.
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "ops/squeeze/squeeze.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void squeeze_int32(const void* input, void* output, std::size_t count) {
  if (output != input) std::memmove(output, input, count * sizeof(int32_t));
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(squeeze_int32, {&kSqueezeOp, "squeeze_int32", KernelChoice::kReference, signature({kI32}, kI32),
                                      kernel_entry<kernels::SqueezeFn, kernels::reference::squeeze_int32>(), nullptr});

}  // namespace tinyinfer
