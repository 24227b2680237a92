#include "kernels/optimized/install.h"

namespace tinyinfer::kernels::optimized {

void install_int8_kernels(KernelSet& set) { (void)set; }

}  // namespace tinyinfer::kernels::optimized
