// Runtime state of one op and the contract between the interpreter and the
// op implementations (src/runtime/ops_*.cc).
#pragma once

#include <cstddef>
#include <cstdint>

#include "kernels/kernels.h"
#include "tinyinfer/model.h"
#include "tinyinfer/status.h"
#include "tinyinfer/tensor.h"

namespace tinyinfer {

struct OpRegistration;

struct Node {
  OpInfo info;
  const OpRegistration* registration = nullptr;
  void* op_data = nullptr;       // persistent, carved from the arena at prepare
  std::size_t scratch_bytes = 0;  // requested at prepare, planned with activations
  void* scratch = nullptr;
  // Conv + pooling fusion (InterpreterOptions::fuse_conv_pool): the conv node
  // computes its output a band of rows at a time into `band` and pools each
  // band at once, so the full conv output is never stored.
  bool fused_with_next = false;
  bool fused_into_previous = false;
  std::size_t band_bytes = 0;
  void* band = nullptr;
};

// What an op sees while preparing: its tensors (read/write metadata), the
// arena for data that lives as long as the interpreter, and a scratch request.
class PrepareContext {
 public:
  PrepareContext(const Model& model, Tensor* tensors, Node& node, int32_t op_index,
                 const kernels::KernelSet& kernels, uint8_t* persistent_floor,
                 uint8_t** persistent_top)
      : model_(model), tensors_(tensors), node_(node), op_index_(op_index), kernels_(kernels),
        floor_(persistent_floor), top_(persistent_top) {}

  int32_t op_index() const { return op_index_; }
  const char* op_name() const;
  const OpInfo& info() const { return node_.info; }
  Node& node() { return node_; }
  const kernels::KernelSet& kernels() const { return kernels_; }

  int32_t input_count() const { return node_.info.input_count; }
  int32_t output_count() const { return node_.info.output_count; }
  bool has_input(int32_t i) const { return i < node_.info.input_count && node_.info.inputs[i] >= 0; }
  // Preconditions: has_input(i) / i < output_count().
  const Tensor& input(int32_t i) const { return tensors_[node_.info.inputs[i]]; }
  Tensor& output(int32_t i) { return tensors_[node_.info.outputs[i]]; }

  // 16-byte aligned bytes that live as long as the interpreter; null when the
  // arena is exhausted (the caller returns arena_exhausted()).
  void* allocate_persistent(std::size_t bytes);
  template <typename T>
  T* allocate_persistent_array(std::size_t count) {
    return static_cast<T*>(allocate_persistent(sizeof(T) * count));
  }
  Status arena_exhausted() const;
  void request_scratch(std::size_t bytes) { node_.scratch_bytes = bytes; }

  // Errors that name the op: "op 3 (CONV_2D): <message>".
  Status error(StatusCode code, const char* format, ...) const
      __attribute__((format(printf, 3, 4)));

 private:
  const Model& model_;
  Tensor* tensors_;
  Node& node_;
  int32_t op_index_;
  const kernels::KernelSet& kernels_;
  uint8_t* floor_;
  uint8_t** top_;
};

struct EvalContext {
  Node& node;
  Tensor* tensors;
  const kernels::KernelSet& kernels;

  const Tensor& input(int32_t i) const { return tensors[node.info.inputs[i]]; }
  const Tensor* optional_input(int32_t i) const {
    return (i < node.info.input_count && node.info.inputs[i] >= 0) ? &tensors[node.info.inputs[i]]
                                                                     : nullptr;
  }
  Tensor& output(int32_t i) const { return tensors[node.info.outputs[i]]; }
  template <typename T>
  T* data() const { return static_cast<T*>(node.op_data); }
};

struct OpRegistration {
  int32_t builtin_code;
  const char* name;
  int32_t max_version;  // highest TFLite op version whose semantics we implement
  Status (*prepare)(PrepareContext& ctx);
  void (*eval)(const EvalContext& ctx);
  // Multiply-accumulates (0 if not meaningful) and a one-line description.
  int64_t (*macs)(const Node& node, const Tensor* tensors);
  void (*describe)(const Node& node, const Tensor* tensors, char* buffer, std::size_t size);
  // Conv family, batch 1: computes output rows [row_begin, row_begin + rows)
  // into `rows_out` (row-major like the output). Null: cannot run by rows.
  void (*eval_rows)(const EvalContext& ctx, int32_t row_begin, int32_t rows, void* rows_out) = nullptr;
  // Pooling: input rows per output row when the op can pool band by band
  // (VALID, vertical stride == filter height), else 0.
  int32_t (*rows_per_output_row)(const Node& node) = nullptr;
  // Pooling: pools `in_rows` input rows at `rows_in` into output row out_row.
  void (*pool_rows)(const EvalContext& ctx, const void* rows_in, int32_t in_rows, int32_t out_row) = nullptr;
};

// Null when the engine has no implementation for the code.
const OpRegistration* find_op(int32_t builtin_code);

// Registrations, one per op family file.
extern const OpRegistration kConv2dOp;
extern const OpRegistration kDepthwiseConv2dOp;
extern const OpRegistration kFullyConnectedOp;
extern const OpRegistration kMaxPool2dOp;
extern const OpRegistration kAveragePool2dOp;
extern const OpRegistration kAddOp;
extern const OpRegistration kSoftmaxOp;
extern const OpRegistration kReshapeOp;
extern const OpRegistration kQuantizeOp;
extern const OpRegistration kDequantizeOp;

}  // namespace tinyinfer
