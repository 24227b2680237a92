// Reference ZEROS_LIKE int8: the output filled with 0.
#include <cstdint>

#include "ops/zeros_like/zeros_like.h"
#include "runtime/op_kernel.h"

namespace tinyinfer {

TINYINFER_KERNEL_LIST(zeros_like_int8,
                      {&kZerosLikeOp, "zeros_like_int8", KernelChoice::kReference, signature({kI8}, kI8),
                       kernel_entry<kernels::ZerosLikeFn, kernels::reference::fill_zeros<int8_t>>(), nullptr});

}  // namespace tinyinfer
