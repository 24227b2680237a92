// Host SIMD variants (src/ops/<op>/host/) against the reference kernels, byte
// for byte: random shapes with row lengths that are no multiple of any vector
// width, same shapes, scalar operands, row broadcasts, the broadcasts the
// variants hand back to the reference, every fused activation, IEEE special
// values, an output that aliases an input, and guard elements past the output.
// The variants are taken from the kernel table (as the optimized set picks
// them), so a build without Highway skips these tests.
#include <cmath>
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
#include "ops/maximum/maximum.h"
#include "ops/minimum/minimum.h"
#include "ops/mul/mul.h"
#include "ops/squared_difference/squared_difference.h"
#include "ops/sub/sub.h"
#include "runtime/op_kernel.h"

namespace tinyinfer {
namespace {

using host_simd_test::elements;
using host_simd_test::host_variant;
using host_simd_test::shape_text;

using kernels::BroadcastShape;
using kernels::FloatClamp;

// A float op's kernels: ADD and MUL take a FloatClamp, the others BinaryParams.
struct FloatOp {
  const char* name;
  const OpRegistration* op;
  bool takes_float_clamp;
  bool clamps;  // has a fused activation
};

const FloatOp kFloatOps[] = {
    {"ADD", &kAddOp, true, true},           {"SUB", &kSubOp, false, true},
    {"MUL", &kMulOp, true, true},           {"MAXIMUM", &kMaximumOp, false, false},
    {"MINIMUM", &kMinimumOp, false, false}, {"SQUARED_DIFFERENCE", &kSquaredDifferenceOp, false, false},
};

const TypeSignature kFloatBinary = signature({kF32, kF32}, kF32);

void run_float(const FloatOp& op, const OpKernel& kernel, const FloatClamp& clamp, const BroadcastShape& shape,
               const float* a, const float* b, float* out) {
  if (op.takes_float_clamp) {
    kernel_function<kernels::AddFloatFn>(kernel)(clamp, shape, a, b, out);
  } else {
    kernels::BinaryParams params;
    params.clamp = clamp;
    kernel_function<kernels::BinaryFn<float>>(kernel)(params, shape, a, b, out);
  }
}

// The fused activations as the ops prepare them for float.
const FloatClamp kActivations[] = {
    FloatClamp{},                                         // NONE: +-FLT_MAX (infinities clamp to it)
    FloatClamp{0.0f, std::numeric_limits<float>::max()},  // RELU
    FloatClamp{-1.0f, 1.0f},                              // RELU_N1_TO_1
    FloatClamp{0.0f, 6.0f},                               // RELU6
};

class ShapeMaker {
 public:
  explicit ShapeMaker(uint32_t seed) : rng_(seed) {}
  int32_t range(int32_t lo, int32_t hi) { return std::uniform_int_distribution<int32_t>(lo, hi)(rng_); }
  std::mt19937& rng() { return rng_; }

  // Output dims of rank 1..4, the innermost 1..67.
  BroadcastShape same_shape() {
    BroadcastShape s;
    s.rank = range(1, 4);
    for (int32_t d = 0; d < s.rank; ++d) s.out[d] = d == s.rank - 1 ? range(1, 67) : range(1, 3);
    std::memcpy(s.in1, s.out, sizeof(s.out));
    std::memcpy(s.in2, s.out, sizeof(s.out));
    return s;
  }
  // One operand a single element (all dims 1).
  BroadcastShape scalar_operand(bool first) {
    BroadcastShape s = same_shape();
    int32_t* scalar = first ? s.in1 : s.in2;
    for (int32_t d = 0; d < s.rank; ++d) scalar[d] = 1;
    return s;
  }
  // [outer..., C] with [C] (or [1, C] / [outer..., 1]-padded): rows of C.
  BroadcastShape row_broadcast(bool first) {
    BroadcastShape s = same_shape();
    if (s.rank == 1) {
      s.rank = 2;
      s.out[1] = s.out[0];
      s.out[0] = range(2, 4);
      s.in1[0] = s.in2[0] = s.out[0];
      s.in1[1] = s.in2[1] = s.out[1];
    }
    int32_t* row = first ? s.in1 : s.in2;
    for (int32_t d = 0; d < s.rank - 1; ++d) row[d] = 1;
    return s;
  }
  // Broadcasts in a middle or inner dimension: [A, 1, C] x [A, B, C],
  // [A, B, 1] x [A, B, C], [A, 1] x [1, C]; short rows go to the reference.
  BroadcastShape other_broadcast() {
    BroadcastShape s;
    s.rank = 3;
    s.out[0] = range(1, 3);
    s.out[1] = range(2, 5);
    s.out[2] = range(1, 20);
    std::memcpy(s.in1, s.out, sizeof(s.out));
    std::memcpy(s.in2, s.out, sizeof(s.out));
    switch (range(0, 2)) {
      case 0:
        s.in1[1] = 1;
        break;
      case 1:
        s.in2[2] = 1;
        break;
      default:
        s.in1[2] = 1;
        s.in2[1] = 1;
        s.in2[0] = 1;
        break;
    }
    if (range(0, 1) == 1) std::swap(s.in1, s.in2);
    return s;
  }

  // Ordinary values mixed with IEEE special ones.
  std::vector<float> values(int64_t n) {
    static const float kSpecial[] = {0.0f,
                                     -0.0f,
                                     std::numeric_limits<float>::quiet_NaN(),
                                     -std::numeric_limits<float>::quiet_NaN(),
                                     std::numeric_limits<float>::infinity(),
                                     -std::numeric_limits<float>::infinity(),
                                     std::numeric_limits<float>::max(),
                                     -std::numeric_limits<float>::max(),
                                     std::numeric_limits<float>::denorm_min(),
                                     -std::numeric_limits<float>::min(),
                                     1.0f,
                                     -1.0f,
                                     6.0f,
                                     1e30f,
                                     -3e38f};
    std::vector<float> v(static_cast<size_t>(n));
    std::uniform_real_distribution<float> real(-10.0f, 10.0f);
    for (float& x : v) {
      const int32_t pick = range(0, 9);
      x = pick == 0 ? kSpecial[range(0, sizeof(kSpecial) / sizeof(kSpecial[0]) - 1)] : real(rng_);
    }
    return v;
  }

 private:
  std::mt19937 rng_;
};

constexpr int kGuard = 19;                   // elements past the output that must stay untouched
constexpr uint32_t kGuardBits = 0x7fc0dead;  // a NaN no kernel produces from these inputs
constexpr uint32_t kReferenceFillBits = 0x7fc0beef;

// One case: the variant's output equals the reference's bit for bit and
// writes no element past the output; with `alias`, the output is input 1's
// buffer (same shapes only, as an in-place op would run).
::testing::AssertionResult same_bits(const FloatOp& op, const OpKernel& host, const OpKernel& reference,
                                     const FloatClamp& clamp, const BroadcastShape& shape, ShapeMaker& maker,
                                     bool alias) {
  const std::vector<float> a = maker.values(elements(shape.in1, shape.rank));
  const std::vector<float> b = maker.values(elements(shape.in2, shape.rank));
  const auto n = static_cast<size_t>(elements(shape.out, shape.rank));
  std::vector<float> want(n + kGuard), got(n + kGuard);
  for (float& x : want) std::memcpy(&x, &kReferenceFillBits, 4);
  for (float& x : got) std::memcpy(&x, &kGuardBits, 4);
  run_float(op, reference, clamp, shape, a.data(), b.data(), want.data());
  if (alias) {
    std::memcpy(got.data(), a.data(), n * sizeof(float));
    run_float(op, host, clamp, shape, got.data(), b.data(), got.data());
  } else {
    run_float(op, host, clamp, shape, a.data(), b.data(), got.data());
  }
  for (size_t i = 0; i < n; ++i) {
    // Bit for bit; of a NaN result only that it is NaN (IEEE 754 leaves which
    // operand's payload propagates open, and compilers commute a + b).
    if (std::memcmp(&want[i], &got[i], sizeof(float)) != 0 && !(std::isnan(want[i]) && std::isnan(got[i])))
      return ::testing::AssertionFailure() << op.name << " " << shape_text(shape) << " clamp [" << clamp.min << ", "
                                           << clamp.max << "]" << (alias ? " in place" : "") << ": element " << i
                                           << " of " << n << " is " << got[i] << ", reference " << want[i];
  }
  for (size_t i = n; i < n + kGuard; ++i) {
    uint32_t bits;
    std::memcpy(&bits, &got[i], 4);
    if (bits != kGuardBits)
      return ::testing::AssertionFailure()
             << op.name << " " << shape_text(shape) << " wrote element " << i << " past its " << n << " outputs";
  }
  return ::testing::AssertionSuccess();
}

template <typename MakeShape>
void check_every_op(uint32_t seed, int cases, MakeShape make_shape, bool alias = false) {
  int tested_ops = 0;
  for (const FloatOp& op : kFloatOps) {
    const OpKernel* host = host_variant(*op.op, kFloatBinary);
    if (host == nullptr) continue;
    const OpKernel* reference = select_kernel(*op.op, KernelChoice::kReference, kFloatBinary);
    ASSERT_NE(reference, nullptr) << op.name;
    ++tested_ops;
    ShapeMaker maker(seed);
    for (int i = 0; i < cases; ++i) {
      const BroadcastShape shape = make_shape(maker);
      for (const FloatClamp& clamp : kActivations) {
        ASSERT_TRUE(same_bits(op, *host, *reference, clamp, shape, maker, alias));
        if (!op.clamps) break;  // one run: the kernel ignores the clamp
      }
    }
  }
  if (tested_ops == 0) GTEST_SKIP() << "no host SIMD kernels in this build (Highway not found at configure)";
}

TEST(HostSimdFloatDiff, EveryFloatOpHasAHostVariant) {
  if (host_variant(kAddOp, kFloatBinary) == nullptr) GTEST_SKIP() << "no host SIMD kernels in this build";
  for (const FloatOp& op : kFloatOps) {
    const OpKernel* host = host_variant(*op.op, kFloatBinary);
    ASSERT_NE(host, nullptr) << op.name;
    EXPECT_EQ(host->set, KernelChoice::kOptimized) << op.name;
    EXPECT_NE(host->function, select_kernel(*op.op, KernelChoice::kReference, kFloatBinary)->function) << op.name;
  }
}

TEST(HostSimdFloatDiff, SameShapesEveryLengthMatchReference) {
  // Every innermost length 1..67 once, then random shapes.
  check_every_op(1, 67, [n = 0](ShapeMaker&) mutable {
    BroadcastShape s;
    s.rank = 1;
    s.out[0] = s.in1[0] = s.in2[0] = ++n;
    return s;
  });
  check_every_op(2, 300, [](ShapeMaker& m) { return m.same_shape(); });
}

TEST(HostSimdFloatDiff, LongRowsMatchReference) {
  check_every_op(3, 6, [](ShapeMaker& m) {
    BroadcastShape s;
    s.rank = 2;
    s.out[0] = m.range(1, 3);
    s.out[1] = m.range(1000, 5000);
    std::memcpy(s.in1, s.out, sizeof(s.out));
    std::memcpy(s.in2, s.out, sizeof(s.out));
    if (m.range(0, 1) == 1) s.in2[0] = 1;
    return s;
  });
}

TEST(HostSimdFloatDiff, ScalarOperandMatchesReference) {
  check_every_op(4, 150, [](ShapeMaker& m) { return m.scalar_operand(true); });
  check_every_op(5, 150, [](ShapeMaker& m) { return m.scalar_operand(false); });
}

TEST(HostSimdFloatDiff, RowBroadcastMatchesReference) {
  check_every_op(6, 150, [](ShapeMaker& m) { return m.row_broadcast(true); });
  check_every_op(7, 150, [](ShapeMaker& m) { return m.row_broadcast(false); });
}

TEST(HostSimdFloatDiff, OtherBroadcastsMatchReference) {
  check_every_op(8, 300, [](ShapeMaker& m) { return m.other_broadcast(); });
}

TEST(HostSimdFloatDiff, RankZeroAndRankSixMatchReference) {
  check_every_op(9, 1, [](ShapeMaker&) { return BroadcastShape(); });
  check_every_op(10, 40, [](ShapeMaker& m) {
    BroadcastShape s;
    s.rank = 6;
    for (int32_t d = 0; d < 6; ++d) s.out[d] = s.in1[d] = s.in2[d] = m.range(1, 2);
    s.out[5] = s.in1[5] = s.in2[5] = m.range(1, 33);
    s.in2[m.range(0, 4)] = 1;
    return s;
  });
}

TEST(HostSimdFloatDiff, InPlaceMatchesReference) {
  check_every_op(
      11, 100, [](ShapeMaker& m) { return m.same_shape(); }, true);
  check_every_op(
      12, 100, [](ShapeMaker& m) { return m.scalar_operand(false); }, true);
}

}  // namespace
}  // namespace tinyinfer
