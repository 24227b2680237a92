// Reference ZEROS_LIKE float32: the output filled with 0.
#include <cstdint>

#include "ops/zeros_like/zeros_like.h"
#include "runtime/op_kernel.h"

namespace tinyinfer {

TINYINFER_KERNEL_LIST(zeros_like_float32,
                      {&kZerosLikeOp, "zeros_like_float32", KernelChoice::kReference, signature({kF32}, kF32),
                       kernel_entry<kernels::ZerosLikeFn, kernels::reference::fill_zeros<float>>(), nullptr});

}  // namespace tinyinfer
