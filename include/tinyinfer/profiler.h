// Per-op profiling hook of Interpreter::invoke(). The counter is whatever the
// target has: nanoseconds on the host, instructions under QEMU -icount,
// DWT cycles on silicon; unit() says which so every printed number is labelled.
#pragma once

#include <cstdint>

namespace tinyinfer {

class Profiler {
 public:
  virtual ~Profiler() = default;
  virtual const char* unit() const = 0;  // e.g. "ns", "instructions", "cycles"
  virtual uint64_t now() = 0;
  // Called after each op with the counter delta spent in it.
  virtual void record(int32_t op_index, const char* op_name, uint64_t elapsed) = 0;
};

// Keeps the last invoke's per-op counts in a fixed table (no heap).
class OpTimeTable : public Profiler {
 public:
  static constexpr int32_t kMaxOps = 256;
  using Clock = uint64_t (*)();

  OpTimeTable(Clock clock, const char* unit) : clock_(clock), unit_(unit) {}
  const char* unit() const override { return unit_; }
  uint64_t now() override { return clock_(); }
  void record(int32_t op_index, const char* op_name, uint64_t elapsed) override {
    if (op_index < 0 || op_index >= kMaxOps) return;
    if (op_index + 1 > count_) count_ = op_index + 1;
    names_[op_index] = op_name;
    elapsed_[op_index] = elapsed;
  }
  void reset() { count_ = 0; }

  int32_t count() const { return count_; }
  const char* name(int32_t i) const { return names_[i]; }
  uint64_t elapsed(int32_t i) const { return elapsed_[i]; }
  uint64_t total() const {
    uint64_t sum = 0;
    for (int32_t i = 0; i < count_; ++i) sum += elapsed_[i];
    return sum;
  }

 private:
  Clock clock_;
  const char* unit_;
  int32_t count_ = 0;
  const char* names_[kMaxOps] = {};
  uint64_t elapsed_[kMaxOps] = {};
};

}  // namespace tinyinfer
