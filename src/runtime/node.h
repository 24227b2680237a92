// Runtime state of one op and the contract between the interpreter and the
// op implementations (src/runtime/ops_*.cc).
#pragma once

#include <cstddef>
#include <cstdint>

#include "ops/common/kernel_types.h"
#include "runtime/op_kernel.h"
#include "tinyinfer/model.h"
#include "tinyinfer/status.h"
#include "tinyinfer/tensor.h"

namespace tinyinfer {

struct OpRegistration;
struct RowFusion;

// A tensor as the runtime keeps it in the arena: 12 bytes on a 32-bit MCU.
// The shape stays in the model (flatbuffer vector read in place); type,
// quantization and name are read from the model when an op prepares.
struct TensorSlot {
  void* data = nullptr;           // arena (activations), model or realigned copy (constants)
  const int32_t* dims = nullptr;  // into the model; null for a scalar
  int8_t rank = 0;
  DataType type = DataType::kFloat32;
  bool is_constant = false;
  bool is_variable = false;  // state in the arena for the interpreter's lifetime

  template <typename T>
  T* data_as() const {
    return static_cast<T*>(data);
  }
  int32_t dim(int32_t i) const { return dims[i]; }
  int64_t elements() const {
    int64_t n = 1;
    for (int32_t i = 0; i < rank; ++i) n *= dims[i];
    return n;
  }
  std::size_t bytes() const { return static_cast<std::size_t>(elements()) * data_type_size(type); }
  Shape shape() const {
    Shape s;
    s.rank = rank;
    for (int32_t i = 0; i < rank; ++i) s.dims[i] = dims[i];
    return s;
  }
};

// Runtime state of one op: 32 bytes on a 32-bit MCU. Everything else about
// the op (code, version, options) is read from the model while preparing.
struct Node {
  const OpKernel* kernel = nullptr;  // chosen at prepare; kernel->op is the op
  const int32_t* inputs = nullptr;   // tensor indices into the model, -1 = optional input absent
  const int32_t* outputs = nullptr;
  void* op_data = nullptr;  // persistent, carved from the arena at prepare
  // Until the arena is planned these hold the byte counts an op requested
  // (scratch) and that conv + pool fusion needs (band), then the pointers.
  union {
    std::size_t scratch_bytes = 0;
    void* scratch;
  };
  // Conv + pool fusion (runtime/passes/conv_pool_fusion.h): the conv node
  // computes its output a band of rows at a time into `band` and pools each
  // band at once, so the full conv output is never stored.
  union {
    std::size_t band_bytes = 0;
    void* band;
  };
  int16_t input_count = 0;
  int16_t output_count = 0;
  bool fused_with_next = false;
  bool fused_into_previous = false;
};

// What an op sees while preparing: full tensor descriptions (built from the
// model, with the runtime's data pointers), the arena for data that lives as
// long as the interpreter, and a scratch request.
class PrepareContext {
 public:
  PrepareContext(const Model& model, const TensorSlot* tensors, Node& node, const OpInfo& info, int32_t op_index,
                 const OpRegistration& op, KernelChoice kernel_set, uint8_t* persistent_floor, uint8_t** persistent_top,
                 bool small_arena = false)
      : model_(model),
        tensors_(tensors),
        node_(node),
        info_(info),
        op_index_(op_index),
        op_(op),
        kernel_set_(kernel_set),
        floor_(persistent_floor),
        top_(persistent_top),
        small_arena_(small_arena) {}

  int32_t op_index() const { return op_index_; }
  const char* op_name() const;
  const OpInfo& info() const { return info_; }
  Node& node() { return node_; }

  // Chooses the node's kernel for its type signature (op_kernel.h); the
  // error names the signature and lists the ones the image has.
  Status use_kernel(const TypeSignature& node_types);
  // The chosen kernel's working memory for a geometry (0 without a size
  // function). Precondition: use_kernel succeeded.
  std::size_t kernel_scratch_bytes(const kernels::ScratchQuery& query) const {
    return node_.kernel->scratch_bytes != nullptr ? node_.kernel->scratch_bytes(query) : 0;
  }
  // InterpreterOptions::small_arena: pass it on in kernel scratch queries.
  bool small_arena() const { return small_arena_; }

  int32_t input_count() const { return info_.input_count; }
  int32_t output_count() const { return info_.output_count; }
  bool has_input(int32_t i) const { return i < info_.input_count && info_.inputs[i] >= 0; }
  // Preconditions: has_input(i) / i < output_count().
  Tensor input(int32_t i) const { return tensor(info_.inputs[i]); }
  Tensor output(int32_t i) const { return tensor(info_.outputs[i]); }

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
  Status error(StatusCode code, const char* format, ...) const TI_PRINTF_FORMAT(3, 4);

 private:
  Tensor tensor(int32_t index) const {
    Tensor t = model_.tensor(index);
    t.data = tensors_[index].data;  // a realigned constant lives in the arena
    return t;
  }

  const Model& model_;
  const TensorSlot* tensors_;
  Node& node_;
  const OpInfo& info_;
  int32_t op_index_;
  const OpRegistration& op_;
  KernelChoice kernel_set_;
  uint8_t* floor_;
  uint8_t** top_;
  bool small_arena_;
};

struct EvalContext {
  Node& node;
  const TensorSlot* tensors;
  // Set by fail(): invoke() stops after this op and reports it (a fixed
  // message; runtime data such as an index outside its dimension).
  mutable const char* failure = nullptr;

  void fail(const char* why) const { failure = why; }

  // The node's kernel function, chosen at prepare.
  template <typename Fn>
  Fn kernel() const {
    return kernel_function<Fn>(*node.kernel);
  }
  const TensorSlot& input(int32_t i) const { return tensors[node.inputs[i]]; }
  const TensorSlot* optional_input(int32_t i) const {
    return (i < node.input_count && node.inputs[i] >= 0) ? &tensors[node.inputs[i]] : nullptr;
  }
  const TensorSlot& output(int32_t i) const { return tensors[node.outputs[i]]; }
  template <typename T>
  T* data() const {
    return static_cast<T*>(node.op_data);
  }
};

struct OpRegistration {
  int32_t builtin_code;
  const char* name;
  int32_t max_version;  // highest TFLite op version whose semantics we implement
  Status (*prepare)(PrepareContext& ctx);
  void (*eval)(const EvalContext& ctx);
  // Multiply-accumulates (null: the op has none) and a one-line description.
  int64_t (*macs)(const Node& node, const TensorSlot* tensors);
  void (*describe)(const Node& node, const TensorSlot* tensors, char* buffer, std::size_t size);
  // Conv + pool fusion hooks (runtime/passes/conv_pool_fusion.h); null: the
  // op never fuses.
  const RowFusion* row_fusion = nullptr;
};

}  // namespace tinyinfer
