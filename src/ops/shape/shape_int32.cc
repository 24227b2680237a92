// SHAPE with an int32 output, for an input of any type the engine holds (the
// values never matter, so every input type has its signature here).
#include <cstdint>

#include "ops/shape/shape.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::reference {

void shape_int32(const int32_t* dims, int32_t rank, void* output) {
  auto* out = static_cast<int32_t*>(output);
  for (int32_t d = 0; d < rank; ++d) out[d] = dims[d];
}

}  // namespace tinyinfer::kernels::reference

namespace tinyinfer {

TINYINFER_KERNEL_LIST(shape_int32,
                      {&kShapeOp, "shape_int32", KernelChoice::kReference, signature({kF32}, kI32),
                       kernel_entry<kernels::ShapeFn, kernels::reference::shape_int32>(), nullptr},
                      {&kShapeOp, "shape_int32", KernelChoice::kReference, signature({kI8}, kI32),
                       kernel_entry<kernels::ShapeFn, kernels::reference::shape_int32>(), nullptr},
                      {&kShapeOp, "shape_int32", KernelChoice::kReference, signature({kI16}, kI32),
                       kernel_entry<kernels::ShapeFn, kernels::reference::shape_int32>(), nullptr},
                      {&kShapeOp, "shape_int32", KernelChoice::kReference, signature({kI32}, kI32),
                       kernel_entry<kernels::ShapeFn, kernels::reference::shape_int32>(), nullptr},
                      {&kShapeOp, "shape_int32", KernelChoice::kReference, signature({kI64}, kI32),
                       kernel_entry<kernels::ShapeFn, kernels::reference::shape_int32>(), nullptr},
                      {&kShapeOp, "shape_int32", KernelChoice::kReference, signature({kBool}, kI32),
                       kernel_entry<kernels::ShapeFn, kernels::reference::shape_int32>(), nullptr});

}  // namespace tinyinfer
