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

// One generator for all blocks below, as string-literal macros (asm text must
// be a literal). A P x 4 block keeps its accumulators in quads 0..P-1
// (acc[p][o] in s(4p+o)), the inputs of pixel p in quad P+p and the weights in
// quad 2P. FD_PIXELS_P(M, x) expands M(p, acc quad, input quad, x) per pixel.
// Not clang-formatted: it breaks the runs of literals and macros apart.
// clang-format off
#define FD_PIXELS_1(M, x) M(0, (0, 1, 2, 3), (4, 5, 6, 7), x)
#define FD_PIXELS_2(M, x) M(0, (0, 1, 2, 3), (8, 9, 10, 11), x) M(1, (4, 5, 6, 7), (12, 13, 14, 15), x)
#define FD_PIXELS_3(M, x)                 \
  M(0, (0, 1, 2, 3), (12, 13, 14, 15), x) \
  M(1, (4, 5, 6, 7), (16, 17, 18, 19), x) \
  M(2, (8, 9, 10, 11), (20, 21, 22, 23), x)
#define FD_WEIGHTS_1 (8, 9, 10, 11)
#define FD_WEIGHTS_2 (16, 17, 18, 19)
#define FD_WEIGHTS_3 (24, 25, 26, 27)
#define FD_ACCS_1 "{s0-s3}"
#define FD_ACCS_2 "{s0-s7}"
#define FD_ACCS_3 "{s0-s11}"

// Register k of quad q as "sN"; a quad as "{sA-sD}" and as clobbers.
#define FD_STR_(x) #x
#define FD_STR(x) FD_STR_(x)
#define FD_E0(a, b, c, d) a
#define FD_E1(a, b, c, d) b
#define FD_E2(a, b, c, d) c
#define FD_E3(a, b, c, d) d
#define FD_APPLY(f, q) f q
#define FD_S(k, q) "s" FD_STR(FD_APPLY(FD_E##k, q))
#define FD_RANGE(q) "{" FD_S(0, q) "-" FD_S(3, q) "}"
#define FD_CLOBBER_QUAD(q) FD_S(0, q), FD_S(1, q), FD_S(2, q), FD_S(3, q)

// Per-pixel pieces: input load, multiply-add of input k by weight k into
// column o (x = (o, k, weight quad)), zeroing, row step, operand, clobbers.
#define FD_LOAD_INPUT(p, accq, inq, x) "vldmia %[a" #p "]!, " FD_RANGE(inq) "\n\t"
#define FD_FMA_(accq, inq, o, k, wq) "vfma.f32 " FD_S(o, accq) ", " FD_S(k, inq) ", " FD_S(k, wq) "\n\t"
#define FD_UNPACK(...) __VA_ARGS__
#define FD_CALL(f, args) f args
#define FD_FMA(p, accq, inq, x) FD_CALL(FD_FMA_, (accq, inq, FD_UNPACK x))
#define FD_ZERO(p, accq, inq, x)                              \
  "vmov " FD_S(0, accq) ", " FD_S(1, accq) ", %[t], %[t]\n\t" \
  "vmov " FD_S(2, accq) ", " FD_S(3, accq) ", %[t], %[t]\n\t"
#define FD_STEP_INPUT(p, accq, inq, x) "add %[a" #p "], %[a" #p "], %[t]\n\t"
#define FD_INPUT_OPERAND(p, accq, inq, x) [a##p] "+r"(a[p]),
#define FD_CLOBBER_PIXEL(p, accq, inq, x) FD_CLOBBER_QUAD(accq), FD_CLOBBER_QUAD(inq),
#define FD_CLOBBERS(P) FD_PIXELS_##P(FD_CLOBBER_PIXEL, ~) FD_CLOBBER_QUAD(FD_WEIGHTS_##P)

// Weight run o into quad wq: 4 floats, or 4 int8 widened in registers (word
// load, SXTB with rotation, paired VMOV, VCVT; needs word, lo, hi operands).
#define FD_LOAD_FLOAT(o, wq) "vldmia %[w" #o "]!, " FD_RANGE(wq) "\n\t"
#define FD_WIDEN(ptr, q)                                  \
  "ldr %[word], [" ptr "], #4\n\t"                        \
  "sxtb %[lo], %[word]\n\t"                               \
  "sxtb %[hi], %[word], ror #8\n\t"                       \
  "vmov " FD_S(0, q) ", " FD_S(1, q) ", %[lo], %[hi]\n\t" \
  "sxtb %[lo], %[word], ror #16\n\t"                      \
  "asr %[hi], %[word], #24\n\t"                           \
  "vmov " FD_S(2, q) ", " FD_S(3, q) ", %[lo], %[hi]\n\t" \
  "vcvt.f32.s32 " FD_S(0, q) ", " FD_S(0, q) "\n\t"       \
  "vcvt.f32.s32 " FD_S(1, q) ", " FD_S(1, q) "\n\t"       \
  "vcvt.f32.s32 " FD_S(2, q) ", " FD_S(2, q) "\n\t"       \
  "vcvt.f32.s32 " FD_S(3, q) ", " FD_S(3, q) "\n\t"
#define FD_LOAD_INT8(o, wq) FD_WIDEN("%[w" #o "]", wq)

// The P x 4 loop body: load the P input quads, then per output channel o
// load its weights (with LOAD) and do 4 x P multiply-adds.
#define FD_COLUMN(P, o, LOAD)                   \
  LOAD(o, FD_WEIGHTS_##P)                       \
  FD_PIXELS_##P(FD_FMA, (o, 0, FD_WEIGHTS_##P)) \
  FD_PIXELS_##P(FD_FMA, (o, 1, FD_WEIGHTS_##P)) \
  FD_PIXELS_##P(FD_FMA, (o, 2, FD_WEIGHTS_##P)) \
  FD_PIXELS_##P(FD_FMA, (o, 3, FD_WEIGHTS_##P))
#define FD_BODY(P, LOAD)          \
  FD_PIXELS_##P(FD_LOAD_INPUT, ~) \
  FD_COLUMN(P, 0, LOAD)           \
  FD_COLUMN(P, 1, LOAD)           \
  FD_COLUMN(P, 2, LOAD)           \
  FD_COLUMN(P, 3, LOAD)
#define FD_W_OPERANDS [w0] "+r"(w[0]), [w1] "+r"(w[1]), [w2] "+r"(w[2]), [w3] "+r"(w[3])

// m7_run_Px4: one run of 4 * n4 floats; acc[][] is loaded into and stored
// back from its registers around the loop.
#define FD_DEFINE_RUN(P)                                                                                 \
  inline void m7_run_##P##x4(const float* (&a)[P], const float* (&w)[4], int32_t n4, float (&acc)[P][4]) { \
    asm volatile(                                                                                        \
        "vldmia %[acc], " FD_ACCS_##P "\n\t"                                                             \
        "1:\n\t"                                                                                         \
        FD_BODY(P, FD_LOAD_FLOAT)                                                                        \
        "subs %[n], %[n], #1\n\t"                                                                        \
        "bne 1b\n\t"                                                                                     \
        "vstmia %[acc], " FD_ACCS_##P "\n\t"                                                             \
        : FD_PIXELS_##P(FD_INPUT_OPERAND, ~) FD_W_OPERANDS, [n] "+r"(n4)                                 \
        : [acc] "r"(&acc[0][0])                                                                          \
        : FD_CLOBBERS(P), "cc", "memory");                                                               \
  }

// Byte steps of m7_rows_*: n4 = run length / 4, then what to add to the input and
// weight pointers after each run to reach the next row.
struct M7RowSteps {
  int32_t n4, in_skip_bytes, w_skip_bytes;
};

// m7_rows_Px4: all rows of one block: zeroes the accumulators, runs `rows`
// runs of 4 * n4 floats, stepping the pointers by the row skips in between,
// and stores the sums to acc.
#define FD_DEFINE_ROWS(P)                                                                                  \
  inline void m7_rows_##P##x4(const float* (&a)[P], const float* (&w)[4], int32_t rows,                    \
                              const M7RowSteps* steps, float (&acc)[P][4]) {                               \
    int32_t t;                                                                                             \
    asm volatile(                                                                                          \
        "mov %[t], #0\n\t"                                                                                 \
        FD_PIXELS_##P(FD_ZERO, ~)                                                                          \
        "2:\n\t"                                                                                           \
        "ldr %[t], [%[steps]]\n\t"                                                                         \
        "1:\n\t"                                                                                           \
        FD_BODY(P, FD_LOAD_FLOAT)                                                                          \
        "subs %[t], %[t], #1\n\t"                                                                          \
        "bne 1b\n\t"                                                                                       \
        "ldr %[t], [%[steps], #4]\n\t"                                                                     \
        FD_PIXELS_##P(FD_STEP_INPUT, ~)                                                                    \
        "ldr %[t], [%[steps], #8]\n\t"                                                                     \
        "add %[w0], %[w0], %[t]\n\t"                                                                       \
        "add %[w1], %[w1], %[t]\n\t"                                                                       \
        "add %[w2], %[w2], %[t]\n\t"                                                                       \
        "add %[w3], %[w3], %[t]\n\t"                                                                       \
        "subs %[rows], %[rows], #1\n\t"                                                                    \
        "bne 2b\n\t"                                                                                       \
        "vstmia %[acc], " FD_ACCS_##P "\n\t"                                                               \
        : FD_PIXELS_##P(FD_INPUT_OPERAND, ~) FD_W_OPERANDS, [rows] "+r"(rows), [t] "=&r"(t)                \
        : [steps] "r"(steps), [acc] "r"(&acc[0][0])                                                        \
        : FD_CLOBBERS(P), "cc", "memory");                                                                 \
  }

FD_DEFINE_RUN(1)
FD_DEFINE_RUN(2)
FD_DEFINE_RUN(3)
FD_DEFINE_ROWS(1)
FD_DEFINE_ROWS(2)
FD_DEFINE_ROWS(3)

// Hybrid dot product of 1 input run x 4 int8 weight runs, 4 * n4 long: the
// weights are widened in registers and used once.
inline void m7_run_1x4_int8(const float* (&a)[1], const int8_t* (&w)[4], int32_t n4, float (&acc)[1][4]) {
  int32_t word, lo, hi;
  asm volatile(
      "vldmia %[acc], " FD_ACCS_1 "\n\t"
      "1:\n\t"
      FD_BODY(1, FD_LOAD_INT8)
      "subs %[n], %[n], #1\n\t"
      "bne 1b\n\t"
      "vstmia %[acc], " FD_ACCS_1 "\n\t"
      : FD_PIXELS_1(FD_INPUT_OPERAND, ~) FD_W_OPERANDS, [n] "+r"(n4),
        [word] "=&r"(word), [lo] "=&r"(lo), [hi] "=&r"(hi)
      : [acc] "r"(&acc[0][0])
      : FD_CLOBBERS(1), "cc", "memory");
}

// out[i] = float(q[i]) for 4 * n4 values: one word load, four sign
// extensions, two core-to-FPU moves and four conversions per 4 weights.
inline void m7_widen_int8(const int8_t* q, int32_t n4, float* out) {
  int32_t word, lo, hi;
  asm volatile(
      "1:\n\t"
      FD_WIDEN("%[q]", (0, 1, 2, 3))
      "vstmia %[out]!, {s0-s3}\n\t"
      "subs %[n], %[n], #1\n\t"
      "bne 1b\n\t"
      : [q] "+r"(q), [out] "+r"(out), [n] "+r"(n4), [word] "=&r"(word), [lo] "=&r"(lo), [hi] "=&r"(hi)
      :
      : "s0", "s1", "s2", "s3", "cc", "memory");
}
// clang-format on

#undef FD_ACCS_1
#undef FD_ACCS_2
#undef FD_ACCS_3
#undef FD_APPLY
#undef FD_BODY
#undef FD_CALL
#undef FD_CLOBBERS
#undef FD_CLOBBER_PIXEL
#undef FD_CLOBBER_QUAD
#undef FD_COLUMN
#undef FD_DEFINE_ROWS
#undef FD_DEFINE_RUN
#undef FD_E0
#undef FD_E1
#undef FD_E2
#undef FD_E3
#undef FD_FMA
#undef FD_FMA_
#undef FD_INPUT_OPERAND
#undef FD_LOAD_FLOAT
#undef FD_LOAD_INPUT
#undef FD_LOAD_INT8
#undef FD_PIXELS_1
#undef FD_PIXELS_2
#undef FD_PIXELS_3
#undef FD_RANGE
#undef FD_S
#undef FD_STEP_INPUT
#undef FD_STR
#undef FD_STR_
#undef FD_UNPACK
#undef FD_WEIGHTS_1
#undef FD_WEIGHTS_2
#undef FD_WEIGHTS_3
#undef FD_WIDEN
#undef FD_W_OPERANDS
#undef FD_ZERO

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
