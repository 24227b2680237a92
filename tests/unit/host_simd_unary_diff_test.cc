// Host SIMD unary float32 variants (src/ops/<op>/host/) against the
// reference kernels, byte for byte: lengths 0..67 (no multiple of any vector
// width spared) and one long run, IEEE special values (signed zeros, both
// infinities, NaNs of either sign, subnormals, the RELU6 bounds), in place,
// and guard elements past the output. The variants are taken from the kernel
// table, as the optimized set picks them, so a build without Highway skips.
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <random>
#include <vector>

#include <gtest/gtest.h>

#include "host_simd_test_support.h"
#include "ops/abs/abs.h"
#include "ops/neg/neg.h"
#include "ops/relu/relu.h"
#include "ops/relu6/relu6.h"
#include "ops/rsqrt/rsqrt.h"
#include "ops/sqrt/sqrt.h"
#include "ops/square/square.h"
#include "runtime/op_kernel.h"

namespace tinyinfer {
namespace {

using host_simd_test::bits_of;
using host_simd_test::from_bits;

struct UnaryOp {
  const char* name;
  const OpRegistration* op;
};

const UnaryOp kUnaryOps[] = {{"ABS", &kAbsOp},       {"NEG", &kNegOp},   {"RELU", &kReluOp},  {"RELU6", &kRelu6Op},
                             {"SQUARE", &kSquareOp}, {"SQRT", &kSqrtOp}, {"RSQRT", &kRsqrtOp}};

const TypeSignature kFloatUnary = signature({kF32}, kF32);
using UnaryFn = kernels::UnaryFloatFn;

const OpKernel* host_variant(const OpRegistration& op) { return host_simd_test::host_variant(op, kFloatUnary); }
UnaryFn reference_of(const OpRegistration& op) { return host_simd_test::reference_function<UnaryFn>(op, kFloatUnary); }

// Values that tell lanes apart: specials mixed with ordinary numbers.
std::vector<float> test_values(std::mt19937& rng, size_t n) {
  const float specials[] = {0.0f,
                            -0.0f,
                            std::numeric_limits<float>::infinity(),
                            -std::numeric_limits<float>::infinity(),
                            std::numeric_limits<float>::quiet_NaN(),
                            from_bits(0xffc00001u),  // a negative NaN with a payload
                            std::numeric_limits<float>::denorm_min(),
                            -std::numeric_limits<float>::denorm_min(),
                            std::numeric_limits<float>::max(),
                            std::numeric_limits<float>::lowest(),
                            6.0f,
                            std::nextafter(6.0f, 7.0f),
                            std::nextafter(6.0f, 5.0f),
                            1e-20f,
                            -1e-20f};
  std::uniform_real_distribution<float> wide(-10.0f, 10.0f);
  std::uniform_int_distribution<int> pick(0, 3);
  std::uniform_int_distribution<size_t> special(0, sizeof specials / sizeof specials[0] - 1);
  std::vector<float> v(n);
  for (float& x : v) x = pick(rng) == 0 ? specials[special(rng)] : wide(rng);
  return v;
}

// Byte for byte; where the reference gives a NaN the variant must give one
// too (which NaN an instruction returns for a NaN or negative input is the
// only freedom IEEE leaves).
void expect_same(const char* name, const char* what, const std::vector<float>& input, const float* expected,
                 const float* actual, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    if (std::isnan(expected[i]) && std::isnan(actual[i])) continue;
    ASSERT_EQ(bits_of(expected[i]), bits_of(actual[i]))
        << name << " " << what << ": element " << i << " of " << n << ", input " << input[i] << " (0x" << std::hex
        << bits_of(input[i]) << std::dec << "): reference " << expected[i] << ", host " << actual[i];
  }
}

TEST(HostSimdUnaryDiff, EveryOpHasAHostVariantWhenHighwayIsBuilt) {
  int found = 0;
  for (const UnaryOp& op : kUnaryOps) found += host_variant(*op.op) != nullptr ? 1 : 0;
  if (found == 0) GTEST_SKIP() << "no host SIMD kernels in this build (Highway not found)";
  EXPECT_EQ(found, static_cast<int>(sizeof kUnaryOps / sizeof kUnaryOps[0]));
}

TEST(HostSimdUnaryDiff, MatchesReferenceByteForByte) {
  std::mt19937 rng(2026);
  constexpr size_t kGuard = 16;
  const float kGuardValue = from_bits(0x4b5a5a5au);  // 14,309,978: out of reach of these inputs
  for (const UnaryOp& op : kUnaryOps) {
    const OpKernel* host = host_variant(*op.op);
    if (host == nullptr) GTEST_SKIP() << "no host SIMD kernels in this build (Highway not found)";
    const UnaryFn reference = reference_of(*op.op);
    ASSERT_NE(reference, nullptr) << op.name;
    const UnaryFn variant = kernel_function<UnaryFn>(*host);
    std::vector<size_t> lengths;
    for (size_t n = 0; n <= 67; ++n) lengths.push_back(n);
    lengths.push_back(4099);
    for (size_t n : lengths) {
      const std::vector<float> input = test_values(rng, n);
      std::vector<float> expected(n + kGuard, kGuardValue), actual(n + kGuard, kGuardValue);
      reference(static_cast<int64_t>(n), input.data(), expected.data());
      variant(static_cast<int64_t>(n), input.data(), actual.data());
      expect_same(op.name, "out of place", input, expected.data(), actual.data(), n);
      for (size_t g = n; g < n + kGuard; ++g)
        ASSERT_EQ(bits_of(actual[g]), bits_of(kGuardValue)) << op.name << ": wrote past element " << n;
      std::vector<float> in_place = input;
      variant(static_cast<int64_t>(n), in_place.data(), in_place.data());
      expect_same(op.name, "in place", input, expected.data(), in_place.data(), n);
    }
  }
}

// The specials alone, in every lane position of a vector.
TEST(HostSimdUnaryDiff, SpecialValuesInEveryLane) {
  const std::vector<float> specials = {0.0f,
                                       -0.0f,
                                       std::numeric_limits<float>::infinity(),
                                       -std::numeric_limits<float>::infinity(),
                                       std::numeric_limits<float>::quiet_NaN(),
                                       -1.0f,
                                       6.0f,
                                       7.0f,
                                       -7.0f,
                                       2.25f,
                                       std::numeric_limits<float>::denorm_min()};
  for (const UnaryOp& op : kUnaryOps) {
    const OpKernel* host = host_variant(*op.op);
    if (host == nullptr) GTEST_SKIP() << "no host SIMD kernels in this build (Highway not found)";
    const UnaryFn reference = reference_of(*op.op);
    const UnaryFn variant = kernel_function<UnaryFn>(*host);
    for (size_t shift = 0; shift < 16; ++shift) {
      std::vector<float> input(shift, 1.5f);
      input.insert(input.end(), specials.begin(), specials.end());
      std::vector<float> expected(input.size()), actual(input.size());
      reference(static_cast<int64_t>(input.size()), input.data(), expected.data());
      variant(static_cast<int64_t>(input.size()), input.data(), actual.data());
      expect_same(op.name, "specials", input, expected.data(), actual.data(), input.size());
    }
  }
}

}  // namespace
}  // namespace tinyinfer
