// SQUEEZE bool: the shared copy walk of move_kernels.h for bool elements (copied as bytes:
// a bool byte need not hold 0 or 1).
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "ops/squeeze/squeeze.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void squeeze_bool(const void* input, void* output, std::size_t count) {
  if (output != input) std::memmove(output, input, count * sizeof(uint8_t));
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(squeeze_bool, {&kSqueezeOp, "squeeze_bool", KernelChoice::kReference, signature({kBool}, kBool),
                                     kernel_entry<kernels::SqueezeFn, kernels::reference::squeeze_bool>(), nullptr});

}  // namespace tinyinfer
