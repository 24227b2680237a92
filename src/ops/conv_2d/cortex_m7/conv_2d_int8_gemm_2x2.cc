// CONV_2D int8's 2 pixels x 2 output channels micro-kernel (see
// conv_2d_int8_gemm_2x2.h): 17 instructions per 16 MACs on M7.
#include "ops/conv_2d/cortex_m7/conv_2d_int8_gemm_2x2.h"

#include "dsp/armv7em_simd.h"

#if defined(__ARM_FEATURE_DSP) && defined(__thumb2__)
// r0-r3: columns, filter, K, group count; r4-r7 accumulators (p0c0, p0c1,
// p1c0, p1c1); r8-r11 the group's column words; r12/lr filter words.
asm(R"(
  .syntax unified
  .thumb
  .section .text.tinyinfer_arm_gemm_2x2,"ax",%progbits
  .global tinyinfer_arm_gemm_2x2
  .type tinyinfer_arm_gemm_2x2, %function
  .p2align 2
  .thumb_func
tinyinfer_arm_gemm_2x2:
  push {r0, r4-r11, lr}
  ldr r1, [r0, #4]
  ldr r2, [r0, #12]
1:
  ldr r0, [sp]
  ldr r3, [r0, #16]
  ldr r5, [r3, #4]
  ldr r4, [r3], #8
  str r3, [r0, #16]
  mov r6, r4
  mov r7, r5
  ldr r3, [r0, #8]
  ldr r0, [r0, #0]
2:
  ldm r0!, {r8-r11}
  ldr lr, [r1, r2]
  sxtb16 r12, lr, ror #8
  sxtb16 lr, lr
  smlad r5, lr, r8, r5
  smlad r7, lr, r10, r7
  smlad r5, r12, r9, r5
  smlad r7, r12, r11, r7
  ldr lr, [r1], #4
  sxtb16 r12, lr, ror #8
  sxtb16 lr, lr
  smlad r4, lr, r8, r4
  smlad r6, lr, r10, r6
  smlad r4, r12, r9, r4
  smlad r6, r12, r11, r6
  subs r3, r3, #1
  bne 2b
  ldr r0, [sp]
  ldr r3, [r0, #28]
  add r1, r1, r3
  ldr r3, [r0, #32]
  cmp r3, #0
  bne 3f
  ldr r3, [r0, #24]
  stm r3!, {r4-r7}
  str r3, [r0, #24]
  b 4f
3:
  ldm r3!, {r8-r10}
  lsl r4, r4, r9
  lsl r6, r6, r9
  smmulr r4, r4, r8
  smmulr r6, r6, r8
  add r4, r4, r4, asr #31
  add r6, r6, r6, asr #31
  asr r4, r4, r10
  asr r6, r6, r10
  ldm r3!, {r8-r10}
  str r3, [r0, #32]
  lsl r5, r5, r9
  lsl r7, r7, r9
  smmulr r5, r5, r8
  smmulr r7, r7, r8
  add r5, r5, r5, asr #31
  add r7, r7, r7, asr #31
  asr r5, r5, r10
  asr r7, r7, r10
  add r3, r0, #36
  ldm r3, {r8-r10}
  add r4, r4, r8
  add r5, r5, r8
  add r6, r6, r8
  add r7, r7, r8
  ssat r4, #16, r4, asr #1
  ssat r5, #16, r5, asr #1
  ssat r6, #16, r6, asr #1
  ssat r7, #16, r7, asr #1
  pkhbt r4, r4, r5, lsl #16
  pkhbt r6, r6, r7, lsl #16
  ssub16 r11, r4, r9
  sel r4, r4, r9
  ssub16 r11, r6, r9
  sel r6, r6, r9
  ssub16 r11, r10, r4
  sel r4, r4, r10
  ssub16 r11, r10, r6
  sel r6, r6, r10
  lsr r5, r4, #8
  bfi r5, r4, #0, #8
  lsr r7, r6, #8
  bfi r7, r6, #0, #8
  ldrd r8, r9, [r0, #48]
  strh r5, [r8], #2
  strh r7, [r9], #2
  strd r8, r9, [r0, #48]
4:
  ldr r3, [r0, #20]
  subs r3, r3, #1
  str r3, [r0, #20]
  bne 1b
  pop {r0, r4-r11, pc}
  .size tinyinfer_arm_gemm_2x2, .-tinyinfer_arm_gemm_2x2
  .text
)");
#else
namespace tinyinfer::kernels::cortex_m7 {

void gemm_2x2_portable(Gemm2x2Args* a) {
  const int8_t* w = a->filter;
  const int32_t* bias = a->bias;
  int32_t* acc = a->acc;
  for (int32_t p = 0; p < a->pairs; ++p) {
    int32_t a00 = bias[0], a01 = bias[1];
    bias += 2;
    int32_t a10 = a00, a11 = a01;
    const uint32_t* c = a->columns;
    for (int32_t g = 0; g < a->groups; ++g) {
      const uint32_t w1 = load_u32(w + a->k), w0 = load_u32(w);
      w += 4;
      a01 = smlad(sxtb16(w1), c[0], a01);
      a11 = smlad(sxtb16(w1), c[2], a11);
      a01 = smlad(sxtb16_odd(w1), c[1], a01);
      a11 = smlad(sxtb16_odd(w1), c[3], a11);
      a00 = smlad(sxtb16(w0), c[0], a00);
      a10 = smlad(sxtb16(w0), c[2], a10);
      a00 = smlad(sxtb16_odd(w0), c[1], a00);
      a10 = smlad(sxtb16_odd(w0), c[3], a10);
      c += 4;
    }
    w += a->skip;
    if (a->table == nullptr) {
      acc[0] = a00;
      acc[1] = a01;
      acc[2] = a10;
      acc[3] = a11;
      acc += 4;
      continue;
    }
    const int32_t* t = a->table + 6 * p;
    const int32_t lo = static_cast<int16_t>(a->act_min2 & 0xFFFF);
    const int32_t hi = static_cast<int16_t>(a->act_max2 & 0xFFFF);
    auto rq = [&](int32_t v, const int32_t* ch) {
      const int32_t x = smmulr(static_cast<int32_t>(static_cast<uint32_t>(v) << ch[1]), ch[0]);
      const int32_t y = x + (x >> 31);
      const int32_t r = ((y >> ch[2]) + a->half_offset) >> 1;
      return static_cast<int8_t>(r < lo ? lo : r > hi ? hi : r);
    };
    a->out0[2 * p] = rq(a00, t);
    a->out0[2 * p + 1] = rq(a01, t + 3);
    a->out1[2 * p] = rq(a10, t);
    a->out1[2 * p + 1] = rq(a11, t + 3);
  }
}

}  // namespace tinyinfer::kernels::cortex_m7
#endif
