// The kernels linked into this build: the optimized set first, so that its
// variants win over the reference kernels they replace (op_kernel.h).
#include "runtime/op_kernel.h"

namespace tinyinfer {

extern const KernelList kOptimizedKernels;
extern const KernelList kReferenceKernels;

const KernelTable& linked_kernels() {
  static const KernelList* const lists[] = {&kOptimizedKernels, &kReferenceKernels};
  static const KernelTable table = {lists, 2};
  return table;
}

}  // namespace tinyinfer
