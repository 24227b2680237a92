// Host SIMD EXP, LOGISTIC and TANH float32 (src/ops/<op>/host/, Highway's
// exp and tanh) against the reference kernels (std::exp, std::tanh). They are
// not byte for byte: each op has a bound in ULP, measured over a sweep of the
// whole float range, far inside the conformance tolerance (rtol 1e-4 is
// ~840 ULP). Exact where it matters: a NaN wherever the reference gives one,
// the same bits where it gives a zero or an infinity (signs included).
// Lengths 0..67 and a long run, in place, guard elements past the output.
// The variants come from the kernel table, as the optimized set picks them,
// so a build without Highway skips.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "host_simd_test_support.h"
#include "ops/exp/exp.h"
#include "ops/logistic/logistic.h"
#include "ops/tanh/tanh.h"
#include "runtime/op_kernel.h"

namespace tinyinfer {
namespace {

using host_simd_test::bits_of;
using host_simd_test::from_bits;

struct TranscendentalOp {
  const char* name;
  const OpRegistration* op;
  int64_t max_ulp;  // bound on |host - reference| in units in the last place
};

const TranscendentalOp kOps[] = {{"EXP", &kExpOp, 2}, {"LOGISTIC", &kLogisticOp, 4}, {"TANH", &kTanhOp, 6}};

const TypeSignature kFloatUnary = signature({kF32}, kF32);
using UnaryFn = void (*)(int64_t count, const float* input, float* output);

const OpKernel* host_variant(const OpRegistration& op) { return host_simd_test::host_variant(op, kFloatUnary); }
UnaryFn reference_of(const OpRegistration& op) { return host_simd_test::reference_function<UnaryFn>(op, kFloatUnary); }

// Floats as integers in the order of their values (both zeros at 0), so the
// difference of two is their distance in ULP, across subnormals too.
int64_t ordered(float f) {
  const uint32_t bits = bits_of(f);
  const auto magnitude = static_cast<int64_t>(bits & 0x7fffffffu);
  return (bits & 0x80000000u) != 0 ? -magnitude : magnitude;
}

int64_t ulp_distance(float a, float b) {
  const int64_t d = ordered(a) - ordered(b);
  return d < 0 ? -d : d;
}

// Empty when `actual` is close enough to `expected`, else what is wrong.
std::string mismatch(const TranscendentalOp& op, float expected, float actual) {
  if (std::isnan(expected) || std::isnan(actual))
    return std::isnan(expected) && std::isnan(actual) ? "" : "a NaN on one side only";
  if (expected == 0.0f || std::isinf(expected) || std::isinf(actual))
    return bits_of(expected) == bits_of(actual) ? "" : "zero or infinity with other bits";
  const int64_t ulp = ulp_distance(expected, actual);
  return ulp <= op.max_ulp ? "" : std::to_string(ulp) + " ULP apart";
}

void expect_close(const TranscendentalOp& op, const char* what, const std::vector<float>& input, const float* expected,
                  const float* actual, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    const std::string problem = mismatch(op, expected[i], actual[i]);
    ASSERT_TRUE(problem.empty()) << op.name << " " << what << ": element " << i << " of " << n << ", input " << input[i]
                                 << " (0x" << std::hex << bits_of(input[i]) << std::dec << "): reference "
                                 << expected[i] << ", host " << actual[i] << ": " << problem;
  }
}

TEST(HostSimdTranscendentalDiff, EveryOpHasAHostVariantWhenHighwayIsBuilt) {
  int found = 0;
  for (const TranscendentalOp& op : kOps) found += host_variant(*op.op) != nullptr ? 1 : 0;
  if (found == 0) GTEST_SKIP() << "no host SIMD kernels in this build (Highway not found)";
  EXPECT_EQ(found, static_cast<int>(sizeof kOps / sizeof kOps[0]));
}

// Every 257th bit pattern of the 2^32: all exponents, both signs, subnormals,
// infinities and NaNs, ~16.7 million values per op.
TEST(HostSimdTranscendentalDiff, WholeFloatRangeWithinBound) {
  constexpr uint64_t kStride = 257;
  constexpr size_t kBlock = 1 << 16;
  for (const TranscendentalOp& op : kOps) {
    const OpKernel* host = host_variant(*op.op);
    if (host == nullptr) GTEST_SKIP() << "no host SIMD kernels in this build (Highway not found)";
    const UnaryFn reference = reference_of(*op.op);
    ASSERT_NE(reference, nullptr) << op.name;
    const UnaryFn variant = kernel_function<UnaryFn>(*host);
    std::vector<float> input(kBlock), expected(kBlock), actual(kBlock);
    int64_t worst = 0;
    uint64_t bits = 0;
    while (bits <= 0xffffffffu) {
      size_t n = 0;
      for (; n < kBlock && bits <= 0xffffffffu; ++n, bits += kStride) input[n] = from_bits(static_cast<uint32_t>(bits));
      reference(static_cast<int64_t>(n), input.data(), expected.data());
      variant(static_cast<int64_t>(n), input.data(), actual.data());
      expect_close(op, "sweep", input, expected.data(), actual.data(), n);
      for (size_t i = 0; i < n; ++i)
        if (std::isfinite(expected[i]) && expected[i] != 0.0f && std::isfinite(actual[i]))
          worst = std::max(worst, ulp_distance(expected[i], actual[i]));
    }
    RecordProperty(std::string(op.name) + "_max_ulp", static_cast<int>(worst));
    std::printf("%s: at most %lld ULP from the reference over the sweep (bound %lld)\n", op.name,
                static_cast<long long>(worst), static_cast<long long>(op.max_ulp));
  }
}

// Specials and the cut-offs of each op, in every lane position of a vector.
TEST(HostSimdTranscendentalDiff, SpecialValuesAndCutOffsInEveryLane) {
  const float inf = std::numeric_limits<float>::infinity();
  const std::vector<float> specials = {0.0f,
                                       -0.0f,
                                       inf,
                                       -inf,
                                       std::numeric_limits<float>::quiet_NaN(),
                                       from_bits(0xffc00001u),  // a negative NaN with a payload
                                       std::numeric_limits<float>::denorm_min(),
                                       -std::numeric_limits<float>::denorm_min(),
                                       std::numeric_limits<float>::max(),
                                       std::numeric_limits<float>::lowest(),
                                       from_bits(0x42b17217u),  // largest x with a finite e^x
                                       from_bits(0x42b17218u),  // smallest x with e^x = inf
                                       104.0f,
                                       105.0f,
                                       -87.5f,
                                       -103.9f,
                                       -104.0f,
                                       -105.0f,
                                       16.619047164916992188f,  // LOGISTIC's upper cut-off
                                       std::nextafter(16.619047164916992188f, inf),
                                       -9.0f,  // LOGISTIC's lower cut-off
                                       std::nextafter(-9.0f, -inf),
                                       18.714973875f,
                                       -18.714973875f,
                                       1e-20f,
                                       -1e-20f};
  for (const TranscendentalOp& op : kOps) {
    const OpKernel* host = host_variant(*op.op);
    if (host == nullptr) GTEST_SKIP() << "no host SIMD kernels in this build (Highway not found)";
    const UnaryFn reference = reference_of(*op.op);
    const UnaryFn variant = kernel_function<UnaryFn>(*host);
    for (size_t shift = 0; shift < 16; ++shift) {
      std::vector<float> input(shift, 0.75f);
      input.insert(input.end(), specials.begin(), specials.end());
      std::vector<float> expected(input.size()), actual(input.size());
      reference(static_cast<int64_t>(input.size()), input.data(), expected.data());
      variant(static_cast<int64_t>(input.size()), input.data(), actual.data());
      expect_close(op, "specials", input, expected.data(), actual.data(), input.size());
    }
  }
}

TEST(HostSimdTranscendentalDiff, EveryLengthInPlaceAndNoWritePastTheEnd) {
  std::mt19937 rng(2026);
  std::uniform_real_distribution<float> values(-30.0f, 30.0f);
  constexpr size_t kGuard = 16;
  const float kGuardValue = from_bits(0x4b5a5a5au);
  for (const TranscendentalOp& op : kOps) {
    const OpKernel* host = host_variant(*op.op);
    if (host == nullptr) GTEST_SKIP() << "no host SIMD kernels in this build (Highway not found)";
    const UnaryFn reference = reference_of(*op.op);
    const UnaryFn variant = kernel_function<UnaryFn>(*host);
    std::vector<size_t> lengths;
    for (size_t n = 0; n <= 67; ++n) lengths.push_back(n);
    lengths.push_back(4099);
    for (size_t n : lengths) {
      std::vector<float> input(n);
      for (float& x : input) x = values(rng);
      std::vector<float> expected(n + kGuard, kGuardValue), actual(n + kGuard, kGuardValue);
      reference(static_cast<int64_t>(n), input.data(), expected.data());
      variant(static_cast<int64_t>(n), input.data(), actual.data());
      expect_close(op, "out of place", input, expected.data(), actual.data(), n);
      for (size_t g = n; g < n + kGuard; ++g)
        ASSERT_EQ(bits_of(actual[g]), bits_of(kGuardValue)) << op.name << ": wrote past element " << n;
      std::vector<float> in_place = input;
      variant(static_cast<int64_t>(n), in_place.data(), in_place.data());
      expect_close(op, "in place", input, expected.data(), in_place.data(), n);
    }
  }
}

}  // namespace
}  // namespace tinyinfer
