// Optimized MAX_POOL_2D for float: out = clamp(max over the window cells
// inside the input). The reference starts from the lowest float and ignores
// NaN (v > max); starting from the first cell with maxNum (VMAXNM on the
// Cortex-M7, which also ignores NaN) gives the same value after the clamp,
// whose lower bound is never below the lowest float.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>

#include "ops/max_pool_2d/max_pool_2d.h"
#include "runtime/op_kernel.h"

namespace tinyinfer::kernels::cortex_m7 {
namespace {

#if defined(__arm__) && defined(__ARM_ARCH_7EM__) && defined(__ARM_FP) && (__ARM_FP & 4)
// Cortex-M7 FPv5: an interior 2x2 window, 4 channels per iteration: one
// VLDMIA per cell, VMAXNM to reduce and clamp, one VSTMIA (GCC would emit a
// VLDR/VSTR per float).
#define TINYINFER_M7_POOL_ASM 1
inline void m7_max2x2(const float* c00, const float* c01, const float* c10, const float* c11, int32_t n4, float lo,
                      float hi, float* out) {
  asm volatile(
      "1:\n\t"
      "vldmia %[c00]!, {s0-s3}\n\t"
      "vldmia %[c01]!, {s4-s7}\n\t"
      "vldmia %[c10]!, {s8-s11}\n\t"
      "vldmia %[c11]!, {s12-s15}\n\t"
      "vmaxnm.f32 s0, s0, s4\n\t"
      "vmaxnm.f32 s1, s1, s5\n\t"
      "vmaxnm.f32 s2, s2, s6\n\t"
      "vmaxnm.f32 s3, s3, s7\n\t"
      "vmaxnm.f32 s8, s8, s12\n\t"
      "vmaxnm.f32 s9, s9, s13\n\t"
      "vmaxnm.f32 s10, s10, s14\n\t"
      "vmaxnm.f32 s11, s11, s15\n\t"
      "vmaxnm.f32 s0, s0, s8\n\t"
      "vmaxnm.f32 s1, s1, s9\n\t"
      "vmaxnm.f32 s2, s2, s10\n\t"
      "vmaxnm.f32 s3, s3, s11\n\t"
      "vmaxnm.f32 s0, s0, %[lo]\n\t"
      "vmaxnm.f32 s1, s1, %[lo]\n\t"
      "vmaxnm.f32 s2, s2, %[lo]\n\t"
      "vmaxnm.f32 s3, s3, %[lo]\n\t"
      "vminnm.f32 s0, s0, %[hi]\n\t"
      "vminnm.f32 s1, s1, %[hi]\n\t"
      "vminnm.f32 s2, s2, %[hi]\n\t"
      "vminnm.f32 s3, s3, %[hi]\n\t"
      "vstmia %[out]!, {s0-s3}\n\t"
      "subs %[n], %[n], #1\n\t"
      "bne 1b\n\t"
      : [c00] "+r"(c00), [c01] "+r"(c01), [c10] "+r"(c10), [c11] "+r"(c11), [out] "+r"(out), [n] "+r"(n4)
      : [lo] "t"(lo), [hi] "t"(hi)
      : "s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "s12", "s13", "s14", "s15", "cc",
        "memory");
}
#endif

// maxNum / minNum (IEEE 754: a NaN operand loses): VMAXNM / VMINNM on the
// Cortex-M7; elsewhere compares, which compilers turn into a few vector
// instructions, where std::fmax is a library call (2.7x slower than the
// reference's plain compare on x86-64).
#if defined(TINYINFER_M7_POOL_ASM)
inline float max_num(float a, float b) { return std::fmax(a, b); }
inline float min_num(float a, float b) { return std::fmin(a, b); }
#else
inline float max_num(float a, float b) { return (b > a || a != a) ? b : a; }
inline float min_num(float a, float b) { return (b < a || a != a) ? b : a; }
#endif

void clip_window(int32_t origin, int32_t size, int32_t input_size, int32_t* begin, int32_t* end) {
  *begin = origin < 0 ? -origin : 0;
  *end = input_size - origin < size ? input_size - origin : size;
  if (*end < *begin) *end = *begin;
}

// Interior pixel with a fixed FH x FW window (all cells inside): the cell
// pointers are computed once and every channel is loads + maxes only.
template <int FH, int FW>
void max_full_window(const float* first, std::ptrdiff_t row_step, int32_t c, float lo, float hi, float* out) {
  const float* cell[FH * FW];
  for (int fy = 0; fy < FH; ++fy)
    for (int fx = 0; fx < FW; ++fx) cell[fy * FW + fx] = first + fy * row_step + fx * c;
  int32_t ch = 0;
  for (; ch + 4 <= c; ch += 4) {
    float m[4];
    for (int k = 0; k < 4; ++k) m[k] = cell[0][k];
    for (int t = 1; t < FH * FW; ++t)
      for (int k = 0; k < 4; ++k) m[k] = max_num(m[k], cell[t][k]);
    for (int k = 0; k < 4; ++k) out[ch + k] = min_num(max_num(m[k], lo), hi);
    for (int t = 0; t < FH * FW; ++t) cell[t] += 4;
  }
  for (; ch < c; ++ch) {
    float m = cell[0][0];
    for (int t = 1; t < FH * FW; ++t) m = max_num(m, cell[t][0]);
    out[ch] = min_num(max_num(m, lo), hi);
    for (int t = 0; t < FH * FW; ++t) ++cell[t];
  }
}

}  // namespace

void max_pool_float(const Window& window, const FloatClamp& clamp, const Dims4& in, const float* input,
                    const Dims4& out, float* output) {
  const int32_t c = in.c;
  const float lo = std::max(clamp.min, -3.402823466e+38f);
  for (int32_t b = 0; b < out.n; ++b) {
    for (int32_t oy = 0; oy < out.h; ++oy) {
      const int32_t y0 = oy * window.stride_h - window.pad_top;
      int32_t fy0, fy1;
      clip_window(y0, window.filter_h, in.h, &fy0, &fy1);
      float* out_px = output + (static_cast<std::ptrdiff_t>(b) * out.h + oy) * out.w * c;
      for (int32_t ox = 0; ox < out.w; ++ox, out_px += c) {
        const int32_t x0 = ox * window.stride_w - window.pad_left;
        int32_t fx0, fx1;
        clip_window(x0, window.filter_w, in.w, &fx0, &fx1);
        if (fy0 == fy1 || fx0 == fx1) {  // no cell inside: the reference's start value
          for (int32_t ch = 0; ch < c; ++ch) out_px[ch] = std::min(std::max(-3.402823466e+38f, lo), clamp.max);
          continue;
        }
        const float* first = input + ((static_cast<std::ptrdiff_t>(b) * in.h + y0 + fy0) * in.w + x0 + fx0) * c;
        const std::ptrdiff_t row_step = static_cast<std::ptrdiff_t>(in.w) * c;
        if (fy1 - fy0 == 2 && fx1 - fx0 == 2) {
#if defined(TINYINFER_M7_POOL_ASM)
          if (c % 4 == 0) {
            m7_max2x2(first, first + c, first + row_step, first + row_step + c, c / 4, lo, clamp.max, out_px);
            continue;
          }
#endif
          max_full_window<2, 2>(first, row_step, c, lo, clamp.max, out_px);
          continue;
        }
        if (fy1 - fy0 == 3 && fx1 - fx0 == 3) {
          max_full_window<3, 3>(first, row_step, c, lo, clamp.max, out_px);
          continue;
        }
        int32_t ch = 0;
        for (; ch + 4 <= c; ch += 4) {
          float m0 = first[ch], m1 = first[ch + 1], m2 = first[ch + 2], m3 = first[ch + 3];
          const float* row = first;
          for (int32_t fy = fy0; fy < fy1; ++fy, row += row_step) {
            const float* cell = row + ch;
            for (int32_t fx = fx0; fx < fx1; ++fx, cell += c) {
              m0 = max_num(m0, cell[0]);
              m1 = max_num(m1, cell[1]);
              m2 = max_num(m2, cell[2]);
              m3 = max_num(m3, cell[3]);
            }
          }
          out_px[ch] = min_num(max_num(m0, lo), clamp.max);
          out_px[ch + 1] = min_num(max_num(m1, lo), clamp.max);
          out_px[ch + 2] = min_num(max_num(m2, lo), clamp.max);
          out_px[ch + 3] = min_num(max_num(m3, lo), clamp.max);
        }
        for (; ch < c; ++ch) {
          float m = first[ch];
          const float* row = first;
          for (int32_t fy = fy0; fy < fy1; ++fy, row += row_step) {
            const float* cell = row + ch;
            for (int32_t fx = fx0; fx < fx1; ++fx, cell += c) m = max_num(m, *cell);
          }
          out_px[ch] = min_num(max_num(m, lo), clamp.max);
        }
      }
    }
  }
}

}  // namespace tinyinfer::kernels::cortex_m7

namespace tinyinfer {

TINYINFER_KERNEL_LIST(max_pool_2d_float32_cortex_m7,
                      {&kMaxPool2dOp, "max_pool_2d_float32_cortex_m7", KernelChoice::kOptimized,
                       signature({kF32}, kF32),
                       kernel_entry<kernels::PoolFloatFn, kernels::cortex_m7::max_pool_float>(), nullptr});

}  // namespace tinyinfer
