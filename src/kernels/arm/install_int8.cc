// Installs the ARMv7E-M int8 kernels into the optimized set. Each replaces
// its reference twin and is proven bit-exact against it by
// tests/unit/arm_int8_diff_test.cc (host) and tests/firmware_diff (QEMU M7).
#include "kernels/arm/int8_kernels.h"
#include "kernels/optimized/install.h"

namespace tinyinfer::kernels::optimized {

void install_int8_kernels(KernelSet& set) {
  set.conv2d_int8 = arm::conv2d_int8;
  set.depthwise_int8 = arm::depthwise_int8;
  set.fully_connected_int8 = arm::fully_connected_int8;
  set.add_int8 = arm::add_int8;
  set.average_pool_int8 = arm::average_pool_int8;
  set.max_pool_int8 = arm::max_pool_int8;
}

}  // namespace tinyinfer::kernels::optimized
