// Reference ZEROS_LIKE int64: the output filled with 0.
#include <cstdint>

#include "ops/zeros_like/zeros_like.h"
#include "runtime/op_kernel.h"

namespace tinyinfer {

TINYINFER_KERNEL_LIST(zeros_like_int64,
                      {&kZerosLikeOp, "zeros_like_int64", KernelChoice::kReference, signature({kI64}, kI64),
                       kernel_entry<kernels::ZerosLikeFn, kernels::reference::fill_zeros<int64_t>>(), nullptr});

}  // namespace tinyinfer
