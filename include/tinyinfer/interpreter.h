// The interpreter: plans a model into a caller-given arena (no heap), then
// runs it op by op. Typical use:
//
//   tinyinfer::Model model;
//   TI_RETURN_IF_ERROR(tinyinfer::Model::load(bytes, size, &model));
//   tinyinfer::Interpreter interpreter;
//   TI_RETURN_IF_ERROR(interpreter.init(model, tinyinfer::KernelChoice::kReference,
//                                       arena, sizeof(arena)));
//   memcpy(interpreter.input(0)->data, image, interpreter.input(0)->bytes);
//   TI_RETURN_IF_ERROR(interpreter.invoke());
#pragma once

#include <cstddef>
#include <cstdint>

#include "tinyinfer/model.h"
#include "tinyinfer/profiler.h"
#include "tinyinfer/status.h"
#include "tinyinfer/tensor.h"

namespace tinyinfer {

enum class KernelChoice { kReference, kOptimized };
const char* kernel_choice_name(KernelChoice choice);

struct Node;        // runtime state of one op (src/runtime)
struct TensorSlot;  // runtime state of one tensor (src/runtime)

struct InterpreterOptions {
  // Runs a CONV_2D / DEPTHWISE_CONV_2D followed by a non-overlapping VALID
  // MAX/AVERAGE_POOL_2D band by band so the conv output is never stored
  // whole: a much smaller arena, same results. The profiler then reports
  // both ops' time under the conv and 0 under the pool.
  bool fuse_conv_pool = false;
  // Optimized kernels that can trade instructions for working memory take
  // the variant with less scratch. Today: int8 FULLY_CONNECTED widens its
  // input on the fly instead of keeping an int16 copy of the row (2 bytes per
  // input element; on ad01_int8 3,856 -> 2,560 arena bytes, 401,120 -> 516,280
  // instructions on the Cortex-M7). Same results either way.
  bool small_arena = false;
  // For tools that list everything a model lacks (`tinyinfer info`): when
  // set, init() goes on preparing after an op is refused and stores every
  // op's outcome in op_status[0 .. op_count) (caller-owned, op_status_count
  // entries; ok for ops that can run). init() still fails with the first
  // refusal; an arena too small still stops it at once.
  Status* op_status = nullptr;
  int32_t op_status_count = 0;
};

// Where the arena's bytes go.
struct ArenaUsage {
  std::size_t metadata = 0;     // runtime tensor, op and I/O tables
  std::size_t persistent = 0;   // per-op data computed at prepare (multipliers, ...)
  std::size_t activations = 0;  // peak of the planned activation and scratch buffers
  std::size_t total() const { return metadata + persistent + activations; }
};

class Interpreter {
 public:
  // Validates every op against the kernels, plans the arena and prepares.
  // kArenaTooSmall's message states the bytes required.
  Status init(const Model& model, KernelChoice kernels, void* arena, std::size_t arena_bytes,
              const InterpreterOptions& options = InterpreterOptions());

  // Runs all ops; the profiler (optional) receives one record per op.
  // Inputs are consumed: their bytes may be reused for activations once their
  // last reader has run (a smaller arena, as in TFLM), so write every input
  // before each invoke. Outputs stay valid until the next invoke.
  Status invoke(Profiler* profiler = nullptr);

  // Stateful models (LSTM, SVDF: TFLite variable tensors) keep their state in
  // the arena from one invoke to the next, so a sequence is fed one invoke
  // at a time. init() starts every variable tensor at zero (at its zero
  // point when quantized); reset_state() sets them back, e.g. before an
  // unrelated sequence. Models without variable tensors are unaffected.
  Status reset_state();

  int32_t input_count() const;
  int32_t output_count() const;
  Tensor* input(int32_t i);
  const Tensor* output(int32_t i) const;

  int32_t tensor_count() const { return tensor_count_; }
  // Description of any tensor with its runtime data pointer (activations:
  // valid only while the op that produced it is the latest to have run).
  Tensor tensor(int32_t index) const;

  int32_t op_count() const { return op_count_; }
  const char* op_name(int32_t op_index) const;
  // The registered kernel that runs the op ("conv_2d_int8_cortex_m7"), "?" before init.
  const char* op_kernel_name(int32_t op_index) const;
  OpInfo op_info(int32_t op_index) const;
  // Multiply-accumulates of one op (0 for ops without MACs).
  int64_t op_macs(int32_t op_index) const;
  // One-line human description of the op's parameters ("stride 1x1, VALID, RELU").
  void describe_op(int32_t op_index, char* buffer, std::size_t buffer_size) const;
  int64_t total_macs() const;
  // True when op_index runs inside the op before it (conv + pool fusion).
  bool op_fused_into_previous(int32_t op_index) const;

  ArenaUsage arena_usage() const { return usage_; }
  std::size_t arena_used_bytes() const { return usage_.total(); }
  const char* kernel_set_name() const;

 private:
  const Model* model_ = nullptr;
  KernelChoice kernel_choice_ = KernelChoice::kReference;
  TensorSlot* tensors_ = nullptr;
  Tensor* io_tensors_ = nullptr;  // graph inputs, then outputs
  Node* nodes_ = nullptr;
  int32_t tensor_count_ = 0;
  int32_t op_count_ = 0;
  ArenaUsage usage_;
  bool ready_ = false;
};

}  // namespace tinyinfer
