// int8 host SIMD variants (ADD, SUB, MUL in src/ops/<op>/host/) against the
// reference kernels, byte for byte: TFLite's integer requantization
// (SaturatingRoundingDoublingHighMul, RoundingDivideByPOT, clamp) lane for
// lane, over random and extreme quantization parameters and activation
// ranges, every row length 1..67, scalar operands, row broadcasts, the
// broadcasts handed back to the reference, in place, and guard bytes past
// the output. The variants come from the kernel table (as the optimized set
// picks them): a build without Highway skips these tests.
#include <cstdint>
#include <cstring>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "host_simd_test_support.h"
#include "ops/add/add.h"
#include "ops/common/binary_kernels.h"
#include "ops/mul/mul.h"
#include "ops/sub/sub.h"
#include "runtime/op_kernel.h"

namespace tinyinfer {
namespace {

using host_simd_test::elements;
using host_simd_test::shape_text;

using kernels::BroadcastShape;

const TypeSignature kInt8Binary = signature({kI8, kI8}, kI8);

const OpKernel* host_variant(const OpRegistration& op) { return host_simd_test::host_variant(op, kInt8Binary); }

class Maker {
 public:
  explicit Maker(uint32_t seed) : rng_(seed) {}
  int32_t range(int32_t lo, int32_t hi) { return std::uniform_int_distribution<int32_t>(lo, hi)(rng_); }

  // A Q31 multiplier: the bounds of [2^30, 2^31) or a random one.
  int32_t multiplier() {
    switch (range(0, 5)) {
      case 0:
        return int32_t{1} << 30;
      case 1:
        return std::numeric_limits<int32_t>::max();
      default:
        return range(int32_t{1} << 30, std::numeric_limits<int32_t>::max());
    }
  }
  // A zero point: the int8 bounds, 0 or random.
  int32_t zero_point() {
    switch (range(0, 4)) {
      case 0:
        return -128;
      case 1:
        return 127;
      case 2:
        return 0;
      default:
        return range(-128, 127);
    }
  }
  // The activation range: the whole int8 range, RELU-like, RELU6-like or narrow.
  void activation(int32_t* lo, int32_t* hi) {
    switch (range(0, 3)) {
      case 0:
        *lo = -128, *hi = 127;
        break;
      case 1:
        *lo = range(-128, 0), *hi = 127;
        break;
      case 2:
        *lo = range(-128, 0), *hi = range(*lo, 127);
        break;
      default:
        *lo = range(-128, 127), *hi = *lo;
        break;
    }
  }

  kernels::AddInt8Params add_params() {
    kernels::AddInt8Params p;
    p.input1_offset = -zero_point(), p.input2_offset = -zero_point(), p.output_offset = zero_point();
    p.input1_multiplier = multiplier(), p.input2_multiplier = multiplier(), p.output_multiplier = multiplier();
    // TFLite's ADD: input multipliers <= 1/2 (shift <= -1), any output scale.
    p.input1_shift = range(-31, -1), p.input2_shift = range(-31, -1), p.output_shift = range(-31, 6);
    p.left_shift = 20;
    activation(&p.act_min, &p.act_max);
    return p;
  }
  kernels::BinaryParams sub_params() {
    const kernels::AddInt8Params a = add_params();
    kernels::BinaryParams p;
    p.input1_offset = a.input1_offset, p.input2_offset = a.input2_offset, p.output_offset = a.output_offset;
    p.input1_multiplier = a.input1_multiplier, p.input2_multiplier = a.input2_multiplier;
    p.output_multiplier = a.output_multiplier;
    p.input1_shift = a.input1_shift, p.input2_shift = a.input2_shift, p.output_shift = a.output_shift;
    p.left_shift = a.left_shift;
    p.act_min = a.act_min, p.act_max = a.act_max;
    return p;
  }
  kernels::MulInt8Params mul_params() {
    kernels::MulInt8Params p;
    p.input1_offset = -zero_point(), p.input2_offset = -zero_point(), p.output_offset = zero_point();
    p.output_multiplier = multiplier();
    p.output_shift = range(-31, 14);  // products up to 2^16: left shifts wrap as in the reference
    activation(&p.act_min, &p.act_max);
    return p;
  }

  BroadcastShape shape(int kind, int32_t inner) {
    BroadcastShape s;
    s.rank = 3;
    s.out[0] = range(1, 2);
    s.out[1] = range(1, 4);
    s.out[2] = inner;
    std::memcpy(s.in1, s.out, sizeof(s.out));
    std::memcpy(s.in2, s.out, sizeof(s.out));
    int32_t* first = range(0, 1) == 1 ? s.in1 : s.in2;
    switch (kind) {
      case 0:  // same shapes
        break;
      case 1:  // a scalar operand
        first[0] = first[1] = first[2] = 1;
        break;
      case 2:  // a row broadcast
        first[0] = first[1] = 1;
        break;
      default:  // a middle or innermost broadcast (short rows: the reference)
        if (range(0, 1) == 1)
          first[1] = 1;
        else
          first[2] = 1;
        break;
    }
    return s;
  }

  std::vector<int8_t> values(size_t n) {
    std::vector<int8_t> v(n);
    for (int8_t& x : v) {
      const int32_t pick = range(0, 7);
      x = static_cast<int8_t>(pick == 0 ? -128 : pick == 1 ? 127 : range(-128, 127));
    }
    return v;
  }

 private:
  std::mt19937 rng_;
};

constexpr int kGuard = 37;
constexpr int8_t kGuardByte = 0x5a;

// Runs `cases` random cases of one op; run(kernel, params, shape, a, b, out).
template <typename MakeParams, typename Run>
void check_op(const char* name, const OpRegistration& op, uint32_t seed, int cases, MakeParams make_params, Run run,
              bool in_place = false) {
  const OpKernel* host = host_variant(op);
  if (host == nullptr) GTEST_SKIP() << "no host SIMD " << name << " int8 kernel in this build (Highway not found)";
  const OpKernel* reference = select_kernel(op, KernelChoice::kReference, kInt8Binary);
  ASSERT_NE(reference, nullptr);
  Maker maker(seed);
  for (int c = 0; c < cases; ++c) {
    const int kind = in_place ? maker.range(0, 1) * 1 : c % 4;  // in place: same shapes or input 2 scalar
    const int32_t inner = c < 67 ? c + 1 : maker.range(1, 67);
    BroadcastShape shape = maker.shape(kind, inner);
    if (in_place) std::memcpy(shape.in1, shape.out, sizeof(shape.out));
    const auto params = make_params(maker);
    const std::vector<int8_t> a = maker.values(static_cast<size_t>(elements(shape.in1, shape.rank)));
    const std::vector<int8_t> b = maker.values(static_cast<size_t>(elements(shape.in2, shape.rank)));
    const auto n = static_cast<size_t>(elements(shape.out, shape.rank));
    std::vector<int8_t> want(n + kGuard, 0), got(n + kGuard, kGuardByte);
    run(*reference, params, shape, a.data(), b.data(), want.data());
    if (in_place) {
      std::memcpy(got.data(), a.data(), n);
      run(*host, params, shape, got.data(), b.data(), got.data());
    } else {
      run(*host, params, shape, a.data(), b.data(), got.data());
    }
    for (size_t i = 0; i < n; ++i)
      ASSERT_EQ(int{got[i]}, int{want[i]})
          << name << " case " << c << " " << shape_text(shape) << " element " << i << " of " << n
          << (in_place ? " (in place)" : "") << ": a " << int{a[i % a.size()]} << ", b " << int{b[i % b.size()]};
    for (size_t i = n; i < n + kGuard; ++i)
      ASSERT_EQ(got[i], kGuardByte) << name << " " << shape_text(shape) << " wrote byte " << i << " past " << n;
  }
}

void run_add(const OpKernel& k, const kernels::AddInt8Params& p, const BroadcastShape& s, const int8_t* a,
             const int8_t* b, int8_t* out) {
  kernel_function<kernels::AddInt8Fn>(k)(p, s, a, b, out, nullptr);
}
void run_sub(const OpKernel& k, const kernels::BinaryParams& p, const BroadcastShape& s, const int8_t* a,
             const int8_t* b, int8_t* out) {
  kernel_function<kernels::BinaryFn<int8_t>>(k)(p, s, a, b, out);
}
void run_mul(const OpKernel& k, const kernels::MulInt8Params& p, const BroadcastShape& s, const int8_t* a,
             const int8_t* b, int8_t* out) {
  kernel_function<kernels::MulInt8Fn>(k)(p, s, a, b, out);
}

TEST(HostSimdInt8Diff, AddMatchesReference) {
  check_op(
      "ADD", kAddOp, 21, 1500, [](Maker& m) { return m.add_params(); }, run_add);
}

TEST(HostSimdInt8Diff, SubMatchesReference) {
  check_op(
      "SUB", kSubOp, 22, 1500, [](Maker& m) { return m.sub_params(); }, run_sub);
}

TEST(HostSimdInt8Diff, MulMatchesReference) {
  check_op(
      "MUL", kMulOp, 23, 1500, [](Maker& m) { return m.mul_params(); }, run_mul);
}

TEST(HostSimdInt8Diff, InPlaceMatchesReference) {
  check_op(
      "ADD", kAddOp, 24, 200, [](Maker& m) { return m.add_params(); }, run_add, true);
  check_op(
      "SUB", kSubOp, 25, 200, [](Maker& m) { return m.sub_params(); }, run_sub, true);
  check_op(
      "MUL", kMulOp, 26, 200, [](Maker& m) { return m.mul_params(); }, run_mul, true);
}

// Every int8 pair once through a long same-shape row, under fixed params:
// the whole input space of the requantization.
TEST(HostSimdInt8Diff, EveryInputPairMatchesReference) {
  const OpKernel* host = host_variant(kAddOp);
  if (host == nullptr) GTEST_SKIP() << "no host SIMD int8 kernels in this build";
  BroadcastShape shape;
  shape.rank = 1;
  shape.out[0] = shape.in1[0] = shape.in2[0] = 256 * 256;
  std::vector<int8_t> a(256 * 256), b(256 * 256);
  for (int i = 0; i < 256 * 256; ++i) {
    a[static_cast<size_t>(i)] = static_cast<int8_t>(i / 256 - 128);
    b[static_cast<size_t>(i)] = static_cast<int8_t>(i % 256 - 128);
  }
  // The first differing pair, not a dump of 65536 bytes.
  auto first_difference = [&](const std::vector<int8_t>& want, const std::vector<int8_t>& got) {
    for (size_t i = 0; i < want.size(); ++i)
      if (want[i] != got[i])
        return "a " + std::to_string(a[i]) + ", b " + std::to_string(b[i]) + ": " + std::to_string(got[i]) +
               ", reference " + std::to_string(want[i]);
    return std::string();
  };
  Maker maker(27);
  for (int round = 0; round < 8; ++round) {
    std::vector<int8_t> want(a.size()), got(a.size());
    const kernels::AddInt8Params add = maker.add_params();
    run_add(*select_kernel(kAddOp, KernelChoice::kReference, kInt8Binary), add, shape, a.data(), b.data(), want.data());
    run_add(*host, add, shape, a.data(), b.data(), got.data());
    EXPECT_EQ(first_difference(want, got), "") << "ADD round " << round;
    const kernels::MulInt8Params mul = maker.mul_params();
    run_mul(*select_kernel(kMulOp, KernelChoice::kReference, kInt8Binary), mul, shape, a.data(), b.data(), want.data());
    run_mul(*host_variant(kMulOp), mul, shape, a.data(), b.data(), got.data());
    EXPECT_EQ(first_difference(want, got), "") << "MUL round " << round;
  }
}

}  // namespace
}  // namespace tinyinfer
