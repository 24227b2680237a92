// The optimized kernel set: starts from the reference set and lets each
// optimized family replace the entries it accelerates.
#include "kernels/optimized/install.h"

namespace tinyinfer::kernels {

const KernelSet& optimized_kernels() {
  static const KernelSet set = [] {
    KernelSet s = reference_kernels();
    s.name = "optimized";
    optimized::install_int8_kernels(s);
    optimized::install_float_kernels(s);
    return s;
  }();
  return set;
}

}  // namespace tinyinfer::kernels
