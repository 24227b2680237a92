// ADD_N float32: each output is 0 + in_0 + in_1 + ... in input order.
#include <cstdint>

#include "ops/add_n/add_n.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void add_n_float32(const AddNParams& p, const void* const* inputs, void* output) {
  reduce::add_n(
      p, inputs, static_cast<float*>(output), 0.0f, [](float a, float x) { return a + x; }, [](float x) { return x; },
      [](float a) { return a; });
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(add_n_float32, {&kAddNOp, "add_n_float32", KernelChoice::kReference, signature({kF32}, kF32),
                                      kernel_entry<kernels::AddNFn, kernels::reference::add_n_float32>(), nullptr});

}  // namespace tinyinfer
