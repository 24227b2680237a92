// SQUEEZE float32: the shared copy walk of move_kernels.h for float elements.
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "ops/squeeze/squeeze.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void squeeze_float32(const void* input, void* output, std::size_t count) {
  if (output != input) std::memmove(output, input, count * sizeof(float));
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(squeeze_float32,
                      {&kSqueezeOp, "squeeze_float32", KernelChoice::kReference, signature({kF32}, kF32),
                       kernel_entry<kernels::SqueezeFn, kernels::reference::squeeze_float32>(), nullptr});

}  // namespace tinyinfer
