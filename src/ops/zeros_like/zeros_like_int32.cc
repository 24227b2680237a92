// Reference ZEROS_LIKE int32: the output filled with 0.
#include <cstdint>

#include "ops/zeros_like/zeros_like.h"
#include "runtime/op_kernel.h"

namespace tinyinfer {

TINYINFER_KERNEL_LIST(zeros_like_int32,
                      {&kZerosLikeOp, "zeros_like_int32", KernelChoice::kReference, signature({kI32}, kI32),
                       kernel_entry<kernels::ZerosLikeFn, kernels::reference::fill_zeros<int32_t>>(), nullptr});

}  // namespace tinyinfer
