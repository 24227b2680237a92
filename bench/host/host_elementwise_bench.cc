// Host time of the elementwise kernels with host SIMD variants: the
// reference kernel against the variant (Highway, the target it picks on this
// CPU), per op and type, for same shapes and a row broadcast ([rows, 64] with
// [64]). Reports ns_per_element (time / output elements); not a pass/fail test.
// bench/results/host_elementwise.md has a run and its command.
#include <cstdint>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include <benchmark/benchmark.h>

#include "dsp/fixed_point.h"
#include "ops/abs/abs.h"
#include "ops/add/add_params.h"
#include "ops/common/host/host_kernels.h"
#include "ops/exp/exp.h"
#include "ops/logistic/logistic.h"
#include "ops/maximum/maximum.h"
#include "ops/minimum/minimum.h"
#include "ops/neg/neg.h"
#include "ops/relu/relu.h"
#include "ops/relu6/relu6.h"
#include "ops/rsqrt/rsqrt.h"
#include "ops/sqrt/sqrt.h"
#include "ops/square/square.h"
#include "ops/squared_difference/squared_difference.h"
#include "ops/sub/sub.h"
#include "ops/tanh/tanh.h"

namespace tinyinfer::kernels {
namespace {

// Every float kernel through one type: ADD and MUL take a FloatClamp.
using Kernel = void (*)(const FloatClamp& clamp, const BroadcastShape& shape, const float* input1, const float* input2,
                        float* output);

template <void (*kFn)(const BinaryParams&, const BroadcastShape&, const float*, const float*, float*)>
void with_params(const FloatClamp& clamp, const BroadcastShape& shape, const float* a, const float* b, float* out) {
  BinaryParams params;
  params.clamp = clamp;
  kFn(params, shape, a, b, out);
}

constexpr int32_t kRowLength = 64;

// range(0): output elements; range(1): 0 same shapes, 1 row broadcast.
BroadcastShape bench_shape(const benchmark::State& state) {
  const auto n = static_cast<int32_t>(state.range(0));
  BroadcastShape shape;
  shape.rank = 2;
  shape.out[0] = shape.in1[0] = n / kRowLength;
  shape.out[1] = shape.in1[1] = shape.in2[1] = kRowLength;
  shape.in2[0] = state.range(1) == 1 ? 1 : shape.out[0];
  return shape;
}

void report(benchmark::State& state) {
  state.counters["ns_per_element"] =
      benchmark::Counter(static_cast<double>(state.range(0)) * 1e-9,
                         benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}

void run(benchmark::State& state, Kernel kernel) {
  const BroadcastShape shape = bench_shape(state);
  const auto n = static_cast<size_t>(state.range(0));
  std::mt19937 rng(1);
  std::uniform_real_distribution<float> value(-8.0f, 8.0f);
  std::vector<float> a(n), b(n), out(n);
  for (float& x : a) x = value(rng);
  for (float& x : b) x = value(rng);
  const FloatClamp relu6{0.0f, 6.0f};
  for (auto _ : state) {
    kernel(relu6, shape, a.data(), b.data(), out.data());
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
  report(state);
}

// int8: typical parameters (scales 0.05, 0.04 -> 0.08; zero points -3, 5, -1),
// the arithmetic being the same for any.
using Int8Kernel = void (*)(const BroadcastShape& shape, const int8_t* input1, const int8_t* input2, int8_t* output);

void run_int8(benchmark::State& state, Int8Kernel kernel) {
  const BroadcastShape shape = bench_shape(state);
  const auto n = static_cast<size_t>(state.range(0));
  std::mt19937 rng(1);
  std::uniform_int_distribution<int> value(-128, 127);
  std::vector<int8_t> a(n), b(n), out(n);
  for (int8_t& x : a) x = static_cast<int8_t>(value(rng));
  for (int8_t& x : b) x = static_cast<int8_t>(value(rng));
  for (auto _ : state) {
    kernel(shape, a.data(), b.data(), out.data());
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
  report(state);
}

template <typename Fn, typename K>
void register_pair(const char* op, const char* type, Fn run_fn, K reference_kernel, K host_kernel) {
  for (const auto& [variant, kernel] : {std::pair{"reference", reference_kernel}, std::pair{"host", host_kernel}}) {
    const std::string name = std::string(op) + "_" + type + "/" + variant;
    benchmark::RegisterBenchmark(name.c_str(), run_fn, kernel)
        ->ArgsProduct({{4096, 65536}, {0, 1}})
        ->ArgNames({"elements", "row_broadcast"});
  }
}

void register_pair(const char* op, Kernel reference_kernel, Kernel host_kernel) {
  register_pair(op, "float32", run, reference_kernel, host_kernel);
}

// Unary float32 (EXP, LOGISTIC and TANH too): values in [-8, 8], or (0, 8]
// for SQRT and RSQRT, whose reference takes a slow error path on negative
// inputs.
using UnaryKernel = void (*)(int64_t count, const float* input, float* output);

void run_unary(benchmark::State& state, UnaryKernel kernel, bool positive) {
  const auto n = static_cast<size_t>(state.range(0));
  std::mt19937 rng(1);
  std::uniform_real_distribution<float> value(positive ? 0.01f : -8.0f, 8.0f);
  std::vector<float> in(n), out(n);
  for (float& x : in) x = value(rng);
  for (auto _ : state) {
    kernel(static_cast<int64_t>(n), in.data(), out.data());
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
  report(state);
}

void register_unary(const char* op, UnaryKernel reference_kernel, UnaryKernel host_kernel, bool positive = false) {
  for (const auto& [variant, kernel] : {std::pair{"reference", reference_kernel}, std::pair{"host", host_kernel}}) {
    const std::string name = std::string(op) + "_float32/" + variant;
    benchmark::RegisterBenchmark(name.c_str(), run_unary, kernel, positive)
        ->Arg(4096)
        ->Arg(65536)
        ->ArgNames({"elements"});
  }
}

AddInt8Params add_params() {
  AddInt8Params p;
  quant::prepare_add_int8(0.05, -3, 0.04, 5, 0.08, -1, -128, 127, &p);
  return p;
}
BinaryParams sub_params() {
  const AddInt8Params a = add_params();
  BinaryParams p;
  p.input1_offset = a.input1_offset, p.input2_offset = a.input2_offset, p.output_offset = a.output_offset;
  p.input1_multiplier = a.input1_multiplier, p.input2_multiplier = a.input2_multiplier;
  p.output_multiplier = a.output_multiplier;
  p.input1_shift = a.input1_shift, p.input2_shift = a.input2_shift, p.output_shift = a.output_shift;
  p.left_shift = a.left_shift, p.act_min = -128, p.act_max = 127;
  return p;
}
MulInt8Params mul_params() {
  MulInt8Params p;
  p.input1_offset = 3, p.input2_offset = -5, p.output_offset = -1;
  int shift = 0;
  quant::quantize_multiplier(0.05 * 0.04 / 0.08, &p.output_multiplier, &shift);
  p.output_shift = shift;
  return p;
}

// Prepared once, as an op's prepare does.
const AddInt8Params kAddParams = add_params();
const BinaryParams kSubParams = sub_params();
const MulInt8Params kMulParams = mul_params();

void add_int8_reference(const BroadcastShape& s, const int8_t* a, const int8_t* b, int8_t* out) {
  reference::add_int8(kAddParams, s, a, b, out);
}
void add_int8_host(const BroadcastShape& s, const int8_t* a, const int8_t* b, int8_t* out) {
  host::add_int8(kAddParams, s, a, b, out, nullptr);
}
void sub_int8_reference(const BroadcastShape& s, const int8_t* a, const int8_t* b, int8_t* out) {
  reference::sub_int8(kSubParams, s, a, b, out);
}
void sub_int8_host(const BroadcastShape& s, const int8_t* a, const int8_t* b, int8_t* out) {
  host::sub_int8(kSubParams, s, a, b, out);
}
void mul_int8_reference(const BroadcastShape& s, const int8_t* a, const int8_t* b, int8_t* out) {
  reference::mul_int8(kMulParams, s, a, b, out);
}
void mul_int8_host(const BroadcastShape& s, const int8_t* a, const int8_t* b, int8_t* out) {
  host::mul_int8(kMulParams, s, a, b, out);
}

}  // namespace
}  // namespace tinyinfer::kernels

int main(int argc, char** argv) {
  using namespace tinyinfer::kernels;  // NOLINT(google-build-using-namespace): the kernel names below
  register_pair("add", reference::add_float, host::add_float);
  register_pair("sub", with_params<reference::sub_float>, with_params<host::sub_float>);
  register_pair("mul", reference::mul_float, host::mul_float);
  register_pair("maximum", with_params<reference::maximum_float>, with_params<host::maximum_float>);
  register_pair("minimum", with_params<reference::minimum_float>, with_params<host::minimum_float>);
  register_pair("squared_difference", with_params<reference::squared_difference_float>,
                with_params<host::squared_difference_float>);
  register_pair("add", "int8", run_int8, add_int8_reference, add_int8_host);
  register_pair("sub", "int8", run_int8, sub_int8_reference, sub_int8_host);
  register_pair("mul", "int8", run_int8, mul_int8_reference, mul_int8_host);
  register_unary("abs", reference::abs_float32, host::abs_float32);
  register_unary("neg", reference::neg_float32, host::neg_float32);
  register_unary("relu", reference::relu_float, host::relu_float);
  register_unary("relu6", reference::relu6_float, host::relu6_float);
  register_unary("square", reference::square_float32, host::square_float32);
  register_unary("sqrt", reference::sqrt_float32, host::sqrt_float32, true);
  register_unary("rsqrt", reference::rsqrt_float32, host::rsqrt_float32, true);
  register_unary("exp", reference::exp_float32, host::exp_float32);
  register_unary("logistic", reference::logistic_float, host::logistic_float);
  register_unary("tanh", reference::tanh_float, host::tanh_float);
  benchmark::AddCustomContext("highway_target", host::simd_target_name());
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
