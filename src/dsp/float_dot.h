// Register-blocked dot products over contiguous float runs, shared by the
// optimized float/hybrid CONV_2D and FULLY_CONNECTED kernels:
//   acc[p][o] += sum_j a[p][j] * w[o][j]
// for P input runs (output pixels or batches) and O weight runs (output
// channels or units). Each loaded value feeds P or O multiply-adds.
#pragma once

#include <cstdint>
#include <type_traits>

namespace tinyinfer::kernels::cortex_m7 {

#if defined(__arm__) && defined(__ARM_ARCH_7EM__) && defined(__ARM_FP) && (__ARM_FP & 4)
// Cortex-M7 FPv5: the inner loop in inline assembly because GCC loads one
// float per VLDR; VLDMIA loads 4 consecutive floats (and advances the pointer)
// in one instruction, which takes the loop from ~2 to ~1.2 instructions per
// multiply-add. Registers are fixed (GCC allows at most 30 asm operands, so
// the accumulators cannot be operands): they are loaded from and stored back
// to acc[][] once per run.
#define TINYINFER_M7_FLOAT_ASM 1

// 1 pixel(s) x 4 output channels: acc[p][o] (row-major, 4 floats) lives in
// s0-s3 for the whole run; inputs s4-s7, weights s8-s11.
inline void m7_run_1x4(const float* (&a)[1], const float* (&w)[4], int32_t n4, float (&acc)[1][4]) {
  asm volatile(
      "vldmia %[acc], {s0-s3}\n\t"
      "1:\n\t"
      "vldmia %[a0]!, {s4-s7}\n\t"
      "vldmia %[w0]!, {s8-s11}\n\t"
      "vfma.f32 s0, s4, s8\n\t"
      "vfma.f32 s0, s5, s9\n\t"
      "vfma.f32 s0, s6, s10\n\t"
      "vfma.f32 s0, s7, s11\n\t"
      "vldmia %[w1]!, {s8-s11}\n\t"
      "vfma.f32 s1, s4, s8\n\t"
      "vfma.f32 s1, s5, s9\n\t"
      "vfma.f32 s1, s6, s10\n\t"
      "vfma.f32 s1, s7, s11\n\t"
      "vldmia %[w2]!, {s8-s11}\n\t"
      "vfma.f32 s2, s4, s8\n\t"
      "vfma.f32 s2, s5, s9\n\t"
      "vfma.f32 s2, s6, s10\n\t"
      "vfma.f32 s2, s7, s11\n\t"
      "vldmia %[w3]!, {s8-s11}\n\t"
      "vfma.f32 s3, s4, s8\n\t"
      "vfma.f32 s3, s5, s9\n\t"
      "vfma.f32 s3, s6, s10\n\t"
      "vfma.f32 s3, s7, s11\n\t"
      "subs %[n], %[n], #1\n\t"
      "bne 1b\n\t"
      "vstmia %[acc], {s0-s3}\n\t"
      : [a0] "+r"(a[0]), [w0] "+r"(w[0]), [w1] "+r"(w[1]), [w2] "+r"(w[2]), [w3] "+r"(w[3]), [n] "+r"(n4)
      : [acc] "r"(&acc[0][0])
      : "s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "cc", "memory");
}

// 2 pixel(s) x 4 output channels: acc[p][o] (row-major, 8 floats) lives in
// s0-s7 for the whole run; inputs s8-s15, weights s16-s19.
inline void m7_run_2x4(const float* (&a)[2], const float* (&w)[4], int32_t n4, float (&acc)[2][4]) {
  asm volatile(
      "vldmia %[acc], {s0-s7}\n\t"
      "1:\n\t"
      "vldmia %[a0]!, {s8-s11}\n\t"
      "vldmia %[a1]!, {s12-s15}\n\t"
      "vldmia %[w0]!, {s16-s19}\n\t"
      "vfma.f32 s0, s8, s16\n\t"
      "vfma.f32 s4, s12, s16\n\t"
      "vfma.f32 s0, s9, s17\n\t"
      "vfma.f32 s4, s13, s17\n\t"
      "vfma.f32 s0, s10, s18\n\t"
      "vfma.f32 s4, s14, s18\n\t"
      "vfma.f32 s0, s11, s19\n\t"
      "vfma.f32 s4, s15, s19\n\t"
      "vldmia %[w1]!, {s16-s19}\n\t"
      "vfma.f32 s1, s8, s16\n\t"
      "vfma.f32 s5, s12, s16\n\t"
      "vfma.f32 s1, s9, s17\n\t"
      "vfma.f32 s5, s13, s17\n\t"
      "vfma.f32 s1, s10, s18\n\t"
      "vfma.f32 s5, s14, s18\n\t"
      "vfma.f32 s1, s11, s19\n\t"
      "vfma.f32 s5, s15, s19\n\t"
      "vldmia %[w2]!, {s16-s19}\n\t"
      "vfma.f32 s2, s8, s16\n\t"
      "vfma.f32 s6, s12, s16\n\t"
      "vfma.f32 s2, s9, s17\n\t"
      "vfma.f32 s6, s13, s17\n\t"
      "vfma.f32 s2, s10, s18\n\t"
      "vfma.f32 s6, s14, s18\n\t"
      "vfma.f32 s2, s11, s19\n\t"
      "vfma.f32 s6, s15, s19\n\t"
      "vldmia %[w3]!, {s16-s19}\n\t"
      "vfma.f32 s3, s8, s16\n\t"
      "vfma.f32 s7, s12, s16\n\t"
      "vfma.f32 s3, s9, s17\n\t"
      "vfma.f32 s7, s13, s17\n\t"
      "vfma.f32 s3, s10, s18\n\t"
      "vfma.f32 s7, s14, s18\n\t"
      "vfma.f32 s3, s11, s19\n\t"
      "vfma.f32 s7, s15, s19\n\t"
      "subs %[n], %[n], #1\n\t"
      "bne 1b\n\t"
      "vstmia %[acc], {s0-s7}\n\t"
      :
      [a0] "+r"(a[0]), [a1] "+r"(a[1]), [w0] "+r"(w[0]), [w1] "+r"(w[1]), [w2] "+r"(w[2]), [w3] "+r"(w[3]), [n] "+r"(n4)
      : [acc] "r"(&acc[0][0])
      : "s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "s12", "s13", "s14", "s15", "s16",
        "s17", "s18", "s19", "cc", "memory");
}

// 3 pixel(s) x 4 output channels: acc[p][o] (row-major, 12 floats) lives in
// s0-s11 for the whole run; inputs s12-s23, weights s24-s27.
inline void m7_run_3x4(const float* (&a)[3], const float* (&w)[4], int32_t n4, float (&acc)[3][4]) {
  asm volatile(
      "vldmia %[acc], {s0-s11}\n\t"
      "1:\n\t"
      "vldmia %[a0]!, {s12-s15}\n\t"
      "vldmia %[a1]!, {s16-s19}\n\t"
      "vldmia %[a2]!, {s20-s23}\n\t"
      "vldmia %[w0]!, {s24-s27}\n\t"
      "vfma.f32 s0, s12, s24\n\t"
      "vfma.f32 s4, s16, s24\n\t"
      "vfma.f32 s8, s20, s24\n\t"
      "vfma.f32 s0, s13, s25\n\t"
      "vfma.f32 s4, s17, s25\n\t"
      "vfma.f32 s8, s21, s25\n\t"
      "vfma.f32 s0, s14, s26\n\t"
      "vfma.f32 s4, s18, s26\n\t"
      "vfma.f32 s8, s22, s26\n\t"
      "vfma.f32 s0, s15, s27\n\t"
      "vfma.f32 s4, s19, s27\n\t"
      "vfma.f32 s8, s23, s27\n\t"
      "vldmia %[w1]!, {s24-s27}\n\t"
      "vfma.f32 s1, s12, s24\n\t"
      "vfma.f32 s5, s16, s24\n\t"
      "vfma.f32 s9, s20, s24\n\t"
      "vfma.f32 s1, s13, s25\n\t"
      "vfma.f32 s5, s17, s25\n\t"
      "vfma.f32 s9, s21, s25\n\t"
      "vfma.f32 s1, s14, s26\n\t"
      "vfma.f32 s5, s18, s26\n\t"
      "vfma.f32 s9, s22, s26\n\t"
      "vfma.f32 s1, s15, s27\n\t"
      "vfma.f32 s5, s19, s27\n\t"
      "vfma.f32 s9, s23, s27\n\t"
      "vldmia %[w2]!, {s24-s27}\n\t"
      "vfma.f32 s2, s12, s24\n\t"
      "vfma.f32 s6, s16, s24\n\t"
      "vfma.f32 s10, s20, s24\n\t"
      "vfma.f32 s2, s13, s25\n\t"
      "vfma.f32 s6, s17, s25\n\t"
      "vfma.f32 s10, s21, s25\n\t"
      "vfma.f32 s2, s14, s26\n\t"
      "vfma.f32 s6, s18, s26\n\t"
      "vfma.f32 s10, s22, s26\n\t"
      "vfma.f32 s2, s15, s27\n\t"
      "vfma.f32 s6, s19, s27\n\t"
      "vfma.f32 s10, s23, s27\n\t"
      "vldmia %[w3]!, {s24-s27}\n\t"
      "vfma.f32 s3, s12, s24\n\t"
      "vfma.f32 s7, s16, s24\n\t"
      "vfma.f32 s11, s20, s24\n\t"
      "vfma.f32 s3, s13, s25\n\t"
      "vfma.f32 s7, s17, s25\n\t"
      "vfma.f32 s11, s21, s25\n\t"
      "vfma.f32 s3, s14, s26\n\t"
      "vfma.f32 s7, s18, s26\n\t"
      "vfma.f32 s11, s22, s26\n\t"
      "vfma.f32 s3, s15, s27\n\t"
      "vfma.f32 s7, s19, s27\n\t"
      "vfma.f32 s11, s23, s27\n\t"
      "subs %[n], %[n], #1\n\t"
      "bne 1b\n\t"
      "vstmia %[acc], {s0-s11}\n\t"
      : [a0] "+r"(a[0]), [a1] "+r"(a[1]), [a2] "+r"(a[2]), [w0] "+r"(w[0]), [w1] "+r"(w[1]), [w2] "+r"(w[2]),
        [w3] "+r"(w[3]), [n] "+r"(n4)
      : [acc] "r"(&acc[0][0])
      : "s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "s12", "s13", "s14", "s15", "s16",
        "s17", "s18", "s19", "s20", "s21", "s22", "s23", "s24", "s25", "s26", "s27", "cc", "memory");
}

// Byte steps of m7_rows_*: n4 = run length / 4, then what to add to the input and
// weight pointers after each run to reach the next row.
struct M7RowSteps {
  int32_t n4, in_skip_bytes, w_skip_bytes;
};

// All rows of one 1-pixel x 4-channel block: zeroes s0-s3, runs `rows` runs of
// 4 * n4 floats (inputs s4-s7, weights s8-s11), stepping the
// pointers by the row skips in between, and stores the sums to acc.
inline void m7_rows_1x4(const float* (&a)[1], const float* (&w)[4], int32_t rows, const M7RowSteps* steps,
                        float (&acc)[1][4]) {
  int32_t t;
  asm volatile(
      "mov %[t], #0\n\t"
      "vmov s0, s1, %[t], %[t]\n\t"
      "vmov s2, s3, %[t], %[t]\n\t"
      "2:\n\t"
      "ldr %[t], [%[steps]]\n\t"
      "1:\n\t"
      "vldmia %[a0]!, {s4-s7}\n\t"
      "vldmia %[w0]!, {s8-s11}\n\t"
      "vfma.f32 s0, s4, s8\n\t"
      "vfma.f32 s0, s5, s9\n\t"
      "vfma.f32 s0, s6, s10\n\t"
      "vfma.f32 s0, s7, s11\n\t"
      "vldmia %[w1]!, {s8-s11}\n\t"
      "vfma.f32 s1, s4, s8\n\t"
      "vfma.f32 s1, s5, s9\n\t"
      "vfma.f32 s1, s6, s10\n\t"
      "vfma.f32 s1, s7, s11\n\t"
      "vldmia %[w2]!, {s8-s11}\n\t"
      "vfma.f32 s2, s4, s8\n\t"
      "vfma.f32 s2, s5, s9\n\t"
      "vfma.f32 s2, s6, s10\n\t"
      "vfma.f32 s2, s7, s11\n\t"
      "vldmia %[w3]!, {s8-s11}\n\t"
      "vfma.f32 s3, s4, s8\n\t"
      "vfma.f32 s3, s5, s9\n\t"
      "vfma.f32 s3, s6, s10\n\t"
      "vfma.f32 s3, s7, s11\n\t"
      "subs %[t], %[t], #1\n\t"
      "bne 1b\n\t"
      "ldr %[t], [%[steps], #4]\n\t"
      "add %[a0], %[a0], %[t]\n\t"
      "ldr %[t], [%[steps], #8]\n\t"
      "add %[w0], %[w0], %[t]\n\t"
      "add %[w1], %[w1], %[t]\n\t"
      "add %[w2], %[w2], %[t]\n\t"
      "add %[w3], %[w3], %[t]\n\t"
      "subs %[rows], %[rows], #1\n\t"
      "bne 2b\n\t"
      "vstmia %[acc], {s0-s3}\n\t"
      : [a0] "+r"(a[0]), [w0] "+r"(w[0]), [w1] "+r"(w[1]), [w2] "+r"(w[2]), [w3] "+r"(w[3]), [rows] "+r"(rows),
        [t] "=&r"(t)
      : [steps] "r"(steps), [acc] "r"(&acc[0][0])
      : "s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "cc", "memory");
}

// All rows of one 2-pixel x 4-channel block: zeroes s0-s7, runs `rows` runs of
// 4 * n4 floats (inputs s8-s15, weights s16-s19), stepping the
// pointers by the row skips in between, and stores the sums to acc.
inline void m7_rows_2x4(const float* (&a)[2], const float* (&w)[4], int32_t rows, const M7RowSteps* steps,
                        float (&acc)[2][4]) {
  int32_t t;
  asm volatile(
      "mov %[t], #0\n\t"
      "vmov s0, s1, %[t], %[t]\n\t"
      "vmov s2, s3, %[t], %[t]\n\t"
      "vmov s4, s5, %[t], %[t]\n\t"
      "vmov s6, s7, %[t], %[t]\n\t"
      "2:\n\t"
      "ldr %[t], [%[steps]]\n\t"
      "1:\n\t"
      "vldmia %[a0]!, {s8-s11}\n\t"
      "vldmia %[a1]!, {s12-s15}\n\t"
      "vldmia %[w0]!, {s16-s19}\n\t"
      "vfma.f32 s0, s8, s16\n\t"
      "vfma.f32 s4, s12, s16\n\t"
      "vfma.f32 s0, s9, s17\n\t"
      "vfma.f32 s4, s13, s17\n\t"
      "vfma.f32 s0, s10, s18\n\t"
      "vfma.f32 s4, s14, s18\n\t"
      "vfma.f32 s0, s11, s19\n\t"
      "vfma.f32 s4, s15, s19\n\t"
      "vldmia %[w1]!, {s16-s19}\n\t"
      "vfma.f32 s1, s8, s16\n\t"
      "vfma.f32 s5, s12, s16\n\t"
      "vfma.f32 s1, s9, s17\n\t"
      "vfma.f32 s5, s13, s17\n\t"
      "vfma.f32 s1, s10, s18\n\t"
      "vfma.f32 s5, s14, s18\n\t"
      "vfma.f32 s1, s11, s19\n\t"
      "vfma.f32 s5, s15, s19\n\t"
      "vldmia %[w2]!, {s16-s19}\n\t"
      "vfma.f32 s2, s8, s16\n\t"
      "vfma.f32 s6, s12, s16\n\t"
      "vfma.f32 s2, s9, s17\n\t"
      "vfma.f32 s6, s13, s17\n\t"
      "vfma.f32 s2, s10, s18\n\t"
      "vfma.f32 s6, s14, s18\n\t"
      "vfma.f32 s2, s11, s19\n\t"
      "vfma.f32 s6, s15, s19\n\t"
      "vldmia %[w3]!, {s16-s19}\n\t"
      "vfma.f32 s3, s8, s16\n\t"
      "vfma.f32 s7, s12, s16\n\t"
      "vfma.f32 s3, s9, s17\n\t"
      "vfma.f32 s7, s13, s17\n\t"
      "vfma.f32 s3, s10, s18\n\t"
      "vfma.f32 s7, s14, s18\n\t"
      "vfma.f32 s3, s11, s19\n\t"
      "vfma.f32 s7, s15, s19\n\t"
      "subs %[t], %[t], #1\n\t"
      "bne 1b\n\t"
      "ldr %[t], [%[steps], #4]\n\t"
      "add %[a0], %[a0], %[t]\n\t"
      "add %[a1], %[a1], %[t]\n\t"
      "ldr %[t], [%[steps], #8]\n\t"
      "add %[w0], %[w0], %[t]\n\t"
      "add %[w1], %[w1], %[t]\n\t"
      "add %[w2], %[w2], %[t]\n\t"
      "add %[w3], %[w3], %[t]\n\t"
      "subs %[rows], %[rows], #1\n\t"
      "bne 2b\n\t"
      "vstmia %[acc], {s0-s7}\n\t"
      : [a0] "+r"(a[0]), [a1] "+r"(a[1]), [w0] "+r"(w[0]), [w1] "+r"(w[1]), [w2] "+r"(w[2]), [w3] "+r"(w[3]),
        [rows] "+r"(rows), [t] "=&r"(t)
      : [steps] "r"(steps), [acc] "r"(&acc[0][0])
      : "s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "s12", "s13", "s14", "s15", "s16",
        "s17", "s18", "s19", "cc", "memory");
}

// All rows of one 3-pixel x 4-channel block: zeroes s0-s11, runs `rows` runs of
// 4 * n4 floats (inputs s12-s23, weights s24-s27), stepping the
// pointers by the row skips in between, and stores the sums to acc.
inline void m7_rows_3x4(const float* (&a)[3], const float* (&w)[4], int32_t rows, const M7RowSteps* steps,
                        float (&acc)[3][4]) {
  int32_t t;
  asm volatile(
      "mov %[t], #0\n\t"
      "vmov s0, s1, %[t], %[t]\n\t"
      "vmov s2, s3, %[t], %[t]\n\t"
      "vmov s4, s5, %[t], %[t]\n\t"
      "vmov s6, s7, %[t], %[t]\n\t"
      "vmov s8, s9, %[t], %[t]\n\t"
      "vmov s10, s11, %[t], %[t]\n\t"
      "2:\n\t"
      "ldr %[t], [%[steps]]\n\t"
      "1:\n\t"
      "vldmia %[a0]!, {s12-s15}\n\t"
      "vldmia %[a1]!, {s16-s19}\n\t"
      "vldmia %[a2]!, {s20-s23}\n\t"
      "vldmia %[w0]!, {s24-s27}\n\t"
      "vfma.f32 s0, s12, s24\n\t"
      "vfma.f32 s4, s16, s24\n\t"
      "vfma.f32 s8, s20, s24\n\t"
      "vfma.f32 s0, s13, s25\n\t"
      "vfma.f32 s4, s17, s25\n\t"
      "vfma.f32 s8, s21, s25\n\t"
      "vfma.f32 s0, s14, s26\n\t"
      "vfma.f32 s4, s18, s26\n\t"
      "vfma.f32 s8, s22, s26\n\t"
      "vfma.f32 s0, s15, s27\n\t"
      "vfma.f32 s4, s19, s27\n\t"
      "vfma.f32 s8, s23, s27\n\t"
      "vldmia %[w1]!, {s24-s27}\n\t"
      "vfma.f32 s1, s12, s24\n\t"
      "vfma.f32 s5, s16, s24\n\t"
      "vfma.f32 s9, s20, s24\n\t"
      "vfma.f32 s1, s13, s25\n\t"
      "vfma.f32 s5, s17, s25\n\t"
      "vfma.f32 s9, s21, s25\n\t"
      "vfma.f32 s1, s14, s26\n\t"
      "vfma.f32 s5, s18, s26\n\t"
      "vfma.f32 s9, s22, s26\n\t"
      "vfma.f32 s1, s15, s27\n\t"
      "vfma.f32 s5, s19, s27\n\t"
      "vfma.f32 s9, s23, s27\n\t"
      "vldmia %[w2]!, {s24-s27}\n\t"
      "vfma.f32 s2, s12, s24\n\t"
      "vfma.f32 s6, s16, s24\n\t"
      "vfma.f32 s10, s20, s24\n\t"
      "vfma.f32 s2, s13, s25\n\t"
      "vfma.f32 s6, s17, s25\n\t"
      "vfma.f32 s10, s21, s25\n\t"
      "vfma.f32 s2, s14, s26\n\t"
      "vfma.f32 s6, s18, s26\n\t"
      "vfma.f32 s10, s22, s26\n\t"
      "vfma.f32 s2, s15, s27\n\t"
      "vfma.f32 s6, s19, s27\n\t"
      "vfma.f32 s10, s23, s27\n\t"
      "vldmia %[w3]!, {s24-s27}\n\t"
      "vfma.f32 s3, s12, s24\n\t"
      "vfma.f32 s7, s16, s24\n\t"
      "vfma.f32 s11, s20, s24\n\t"
      "vfma.f32 s3, s13, s25\n\t"
      "vfma.f32 s7, s17, s25\n\t"
      "vfma.f32 s11, s21, s25\n\t"
      "vfma.f32 s3, s14, s26\n\t"
      "vfma.f32 s7, s18, s26\n\t"
      "vfma.f32 s11, s22, s26\n\t"
      "vfma.f32 s3, s15, s27\n\t"
      "vfma.f32 s7, s19, s27\n\t"
      "vfma.f32 s11, s23, s27\n\t"
      "subs %[t], %[t], #1\n\t"
      "bne 1b\n\t"
      "ldr %[t], [%[steps], #4]\n\t"
      "add %[a0], %[a0], %[t]\n\t"
      "add %[a1], %[a1], %[t]\n\t"
      "add %[a2], %[a2], %[t]\n\t"
      "ldr %[t], [%[steps], #8]\n\t"
      "add %[w0], %[w0], %[t]\n\t"
      "add %[w1], %[w1], %[t]\n\t"
      "add %[w2], %[w2], %[t]\n\t"
      "add %[w3], %[w3], %[t]\n\t"
      "subs %[rows], %[rows], #1\n\t"
      "bne 2b\n\t"
      "vstmia %[acc], {s0-s11}\n\t"
      : [a0] "+r"(a[0]), [a1] "+r"(a[1]), [a2] "+r"(a[2]), [w0] "+r"(w[0]), [w1] "+r"(w[1]), [w2] "+r"(w[2]),
        [w3] "+r"(w[3]), [rows] "+r"(rows), [t] "=&r"(t)
      : [steps] "r"(steps), [acc] "r"(&acc[0][0])
      : "s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "s12", "s13", "s14", "s15", "s16",
        "s17", "s18", "s19", "s20", "s21", "s22", "s23", "s24", "s25", "s26", "s27", "cc", "memory");
}

// Hybrid dot product of 1 input run x 4 int8 weight runs, 4 * n4 long: the weights
// are widened in registers (word load, SXTB with rotation, paired VMOV, VCVT) and
// used once. acc (4 floats) in s0-s3, inputs s4-s7, widened weights s8-s11.
inline void m7_run_1x4_int8(const float* (&a)[1], const int8_t* (&w)[4], int32_t n4, float (&acc)[1][4]) {
  int32_t word, lo, hi;
  asm volatile(
      "vldmia %[acc], {s0-s3}\n\t"
      "1:\n\t"
      "vldmia %[a0]!, {s4-s7}\n\t"
      "ldr %[word], [%[w0]], #4\n\t"
      "sxtb %[lo], %[word]\n\t"
      "sxtb %[hi], %[word], ror #8\n\t"
      "vmov s8, s9, %[lo], %[hi]\n\t"
      "sxtb %[lo], %[word], ror #16\n\t"
      "asr %[hi], %[word], #24\n\t"
      "vmov s10, s11, %[lo], %[hi]\n\t"
      "vcvt.f32.s32 s8, s8\n\t"
      "vcvt.f32.s32 s9, s9\n\t"
      "vcvt.f32.s32 s10, s10\n\t"
      "vcvt.f32.s32 s11, s11\n\t"
      "vfma.f32 s0, s4, s8\n\t"
      "vfma.f32 s0, s5, s9\n\t"
      "vfma.f32 s0, s6, s10\n\t"
      "vfma.f32 s0, s7, s11\n\t"
      "ldr %[word], [%[w1]], #4\n\t"
      "sxtb %[lo], %[word]\n\t"
      "sxtb %[hi], %[word], ror #8\n\t"
      "vmov s8, s9, %[lo], %[hi]\n\t"
      "sxtb %[lo], %[word], ror #16\n\t"
      "asr %[hi], %[word], #24\n\t"
      "vmov s10, s11, %[lo], %[hi]\n\t"
      "vcvt.f32.s32 s8, s8\n\t"
      "vcvt.f32.s32 s9, s9\n\t"
      "vcvt.f32.s32 s10, s10\n\t"
      "vcvt.f32.s32 s11, s11\n\t"
      "vfma.f32 s1, s4, s8\n\t"
      "vfma.f32 s1, s5, s9\n\t"
      "vfma.f32 s1, s6, s10\n\t"
      "vfma.f32 s1, s7, s11\n\t"
      "ldr %[word], [%[w2]], #4\n\t"
      "sxtb %[lo], %[word]\n\t"
      "sxtb %[hi], %[word], ror #8\n\t"
      "vmov s8, s9, %[lo], %[hi]\n\t"
      "sxtb %[lo], %[word], ror #16\n\t"
      "asr %[hi], %[word], #24\n\t"
      "vmov s10, s11, %[lo], %[hi]\n\t"
      "vcvt.f32.s32 s8, s8\n\t"
      "vcvt.f32.s32 s9, s9\n\t"
      "vcvt.f32.s32 s10, s10\n\t"
      "vcvt.f32.s32 s11, s11\n\t"
      "vfma.f32 s2, s4, s8\n\t"
      "vfma.f32 s2, s5, s9\n\t"
      "vfma.f32 s2, s6, s10\n\t"
      "vfma.f32 s2, s7, s11\n\t"
      "ldr %[word], [%[w3]], #4\n\t"
      "sxtb %[lo], %[word]\n\t"
      "sxtb %[hi], %[word], ror #8\n\t"
      "vmov s8, s9, %[lo], %[hi]\n\t"
      "sxtb %[lo], %[word], ror #16\n\t"
      "asr %[hi], %[word], #24\n\t"
      "vmov s10, s11, %[lo], %[hi]\n\t"
      "vcvt.f32.s32 s8, s8\n\t"
      "vcvt.f32.s32 s9, s9\n\t"
      "vcvt.f32.s32 s10, s10\n\t"
      "vcvt.f32.s32 s11, s11\n\t"
      "vfma.f32 s3, s4, s8\n\t"
      "vfma.f32 s3, s5, s9\n\t"
      "vfma.f32 s3, s6, s10\n\t"
      "vfma.f32 s3, s7, s11\n\t"
      "subs %[n], %[n], #1\n\t"
      "bne 1b\n\t"
      "vstmia %[acc], {s0-s3}\n\t"
      : [a0] "+r"(a[0]), [w0] "+r"(w[0]), [w1] "+r"(w[1]), [w2] "+r"(w[2]), [w3] "+r"(w[3]), [n] "+r"(n4),
        [word] "=&r"(word), [lo] "=&r"(lo), [hi] "=&r"(hi)
      : [acc] "r"(&acc[0][0])
      : "s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "cc", "memory");
}

// out[i] = float(q[i]) for 4 * n4 values: one word load, four sign
// extensions, two core-to-FPU moves and four conversions per 4 weights.
inline void m7_widen_int8(const int8_t* q, int32_t n4, float* out) {
  int32_t word, lo, hi;
  asm volatile(
      "1:\n\t"
      "ldr %[word], [%[q]], #4\n\t"
      "sxtb %[lo], %[word]\n\t"
      "sxtb %[hi], %[word], ror #8\n\t"
      "vmov s0, s1, %[lo], %[hi]\n\t"
      "sxtb %[lo], %[word], ror #16\n\t"
      "asr %[hi], %[word], #24\n\t"
      "vmov s2, s3, %[lo], %[hi]\n\t"
      "vcvt.f32.s32 s0, s0\n\t"
      "vcvt.f32.s32 s1, s1\n\t"
      "vcvt.f32.s32 s2, s2\n\t"
      "vcvt.f32.s32 s3, s3\n\t"
      "vstmia %[out]!, {s0-s3}\n\t"
      "subs %[n], %[n], #1\n\t"
      "bne 1b\n\t"
      : [q] "+r"(q), [out] "+r"(out), [n] "+r"(n4), [word] "=&r"(word), [lo] "=&r"(lo), [hi] "=&r"(hi)
      :
      : "s0", "s1", "s2", "s3", "cc", "memory");
}

#endif

// acc[p][o] += sum over one run of a[p][j] * w[o][j], j < len.
template <int P, int O, typename W>
inline void run_dot(const float* const (&a)[P], const W* const (&w)[O], int32_t len, float (&acc)[P][O]) {
  const float* ap[P];
  const W* wp[O];
  for (int p = 0; p < P; ++p) ap[p] = a[p];
  for (int o = 0; o < O; ++o) wp[o] = w[o];
#if defined(TINYINFER_M7_FLOAT_ASM)
  if constexpr (O == 4 && std::is_same_v<W, float> && P <= 3) {
    const int32_t n4 = len >> 2;
    if (n4 > 0) {
      if constexpr (P == 1) m7_run_1x4(ap, wp, n4, acc);
      if constexpr (P == 2) m7_run_2x4(ap, wp, n4, acc);
      if constexpr (P == 3) m7_run_3x4(ap, wp, n4, acc);
    }
    len &= 3;
  }
  if constexpr (O == 4 && std::is_same_v<W, int8_t> && P == 1) {
    const int32_t n4 = len >> 2;
    if (n4 > 0) m7_run_1x4_int8(ap, wp, n4, acc);
    len &= 3;
  }
#endif
  for (int32_t j = 0; j < len; ++j) {
    float x[P];
    for (int p = 0; p < P; ++p) x[p] = ap[p][j];
    for (int o = 0; o < O; ++o) {
      const float v = static_cast<float>(wp[o][j]);
      for (int p = 0; p < P; ++p) acc[p][o] += x[p] * v;
    }
  }
}

// Hybrid weights widened to float: out[i] = float(q[i]), i < n.
inline void widen_int8(const int8_t* q, int32_t n, float* out) {
  int32_t i = 0;
#if defined(TINYINFER_M7_FLOAT_ASM)
  if (n >= 4) {
    m7_widen_int8(q, n >> 2, out);
    i = n & ~3;
  }
#endif
  for (; i < n; ++i) out[i] = static_cast<float>(q[i]);
}

}  // namespace tinyinfer::kernels::cortex_m7
