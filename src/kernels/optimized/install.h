// Each optimized kernel family overwrites the KernelSet entries it speeds up.
#pragma once

#include "kernels/kernels.h"

namespace tinyinfer::kernels::optimized {

// int8 kernels (src/kernels/arm/: ARMv7E-M DSP, portable on the host).
void install_int8_kernels(KernelSet& set);
// float and hybrid kernels (src/kernels/optimized/ and src/kernels/arm/).
void install_float_kernels(KernelSet& set);

}  // namespace tinyinfer::kernels::optimized
