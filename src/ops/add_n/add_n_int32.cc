// ADD_N int32: the elementwise sum, wrapping on overflow.
#include <cstdint>

#include "ops/add_n/add_n.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void add_n_int32(const AddNParams& p, const void* const* inputs, void* output) {
  reduce::add_n(
      p, inputs, static_cast<int32_t*>(output), int32_t{0}, reduce::add_wrapping, [](int32_t x) { return x; },
      [](int32_t a) { return a; });
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(add_n_int32, {&kAddNOp, "add_n_int32", KernelChoice::kReference, signature({kI32}, kI32),
                                    kernel_entry<kernels::AddNFn, kernels::reference::add_n_int32>(), nullptr});

}  // namespace tinyinfer
