// SQUEEZE int16: the shared copy walk of move_kernels.h for int16_t elements.
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "ops/squeeze/squeeze.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void squeeze_int16(const void* input, void* output, std::size_t count) {
  if (output != input) std::memmove(output, input, count * sizeof(int16_t));
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(squeeze_int16, {&kSqueezeOp, "squeeze_int16", KernelChoice::kReference, signature({kI16}, kI16),
                                      kernel_entry<kernels::SqueezeFn, kernels::reference::squeeze_int16>(), nullptr});

}  // namespace tinyinfer
