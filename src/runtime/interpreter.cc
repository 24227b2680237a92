// Interpreter: lays the arena out as
//   [ tensor table | node table | I/O tensors | activations ... | persistent op data ]
// The planner's tables live in the activation region while init runs.
// Persistent data grows down from the end while ops prepare; activations are
// planned last into what is left, so the required size is known exactly.
// Variable tensors (LSTM / SVDF state) are persistent too: the planner never
// sees them, so no other buffer ever shares their bytes.
#include "tinyinfer/interpreter.h"

#include <cstdio>
#include <cstring>
#include <new>

#include "ops/common/kernel_types.h"
#include "runtime/arena_planner.h"
#include "runtime/node.h"
#include "runtime/passes/conv_pool_fusion.h"

namespace tinyinfer {

const char* kernel_choice_name(KernelChoice choice) {
  return choice == KernelChoice::kReference ? "reference" : "optimized";
}

namespace {

uint8_t* align_pointer(uint8_t* p) {
  const uintptr_t v = reinterpret_cast<uintptr_t>(p);
  return reinterpret_cast<uint8_t*>((v + kArenaAlignment - 1) / kArenaAlignment * kArenaAlignment);
}

bool is_aligned_for(const Tensor& t) {
  const std::size_t element = data_type_size(t.type);
  const std::size_t need = element >= 4 ? 4 : element;
  return need == 0 || reinterpret_cast<uintptr_t>(t.data) % need == 0;
}

// TFLite's int16 activations are symmetric (zero point 0) except where a
// kernel is defined for any zero point: QUANTIZE, DEQUANTIZE, int16 ADD, and
// SOFTMAX's int8 -> int16 output (zero point -32768). The loader accepts any
// int16 zero point, as TFLite does; other ops refuse a non-zero one here, so
// that none of them computes as if it were 0.
bool takes_int16_zero_points(int32_t builtin_code) {
  constexpr int32_t kAdd = 0, kDequantize = 6, kSoftmax = 25, kQuantize = 114;
  return builtin_code == kAdd || builtin_code == kDequantize || builtin_code == kSoftmax || builtin_code == kQuantize;
}

Status check_int16_zero_points(const Model& model, const OpInfo& info, int32_t op_index, const char* op_name) {
  if (takes_int16_zero_points(info.builtin_code)) return Status::ok();
  for (int side = 0; side < 2; ++side) {
    const int32_t count = side == 0 ? info.input_count : info.output_count;
    const int32_t* list = side == 0 ? info.inputs : info.outputs;
    for (int32_t k = 0; k < count; ++k) {
      if (list[k] < 0) continue;
      const Tensor t = model.tensor(list[k]);
      if (t.type != DataType::kInt16 || !t.quant.is_quantized()) continue;
      for (int32_t c = 0; c < t.quant.count; ++c) {
        const int64_t zp = t.quant.zero_points != nullptr ? t.quant.zero_points[c] : 0;
        if (zp != 0) {
          return Status::error(StatusCode::kUnsupported,
                               "op %d (%s): int16 %s %d (tensor %d) has zero point %lld; int16 tensors of this op "
                               "must be symmetric (zero point 0)",
                               op_index, op_name, side == 0 ? "input" : "output", k, list[k],
                               static_cast<long long>(zp));
        }
      }
    }
  }
  return Status::ok();
}

// The persistent region ops prepare into: it grows down from `top` and may
// take any byte above `floor`.
struct PersistentRegion {
  uint8_t* floor;
  uint8_t* top;
};

// Checks op `i` against the registry and runs its prepare into `node`. An
// arena too small comes back as kArenaTooSmall with the op's name.
Status prepare_node(const Model& model, TensorSlot* tensors, Node& node, int32_t i, KernelChoice kernels,
                    PersistentRegion* region, bool small_arena) {
  const OpInfo info = model.op(i);
  const OpRegistration* op = find_op(info.builtin_code);
  if (op == nullptr)
    return Status::error(StatusCode::kUnsupported, "op %d: operator %s (builtin code %d) is not supported", i,
                         op_code_name(info.builtin_code).text, info.builtin_code);
  if (info.version < 1 || info.version > op->max_version)
    return Status::error(StatusCode::kUnsupported, "op %d (%s): version %d is not supported (max %d)", i, op->name,
                         info.version, op->max_version);
  if (info.input_count > INT16_MAX || info.output_count > INT16_MAX)
    return Status::error(StatusCode::kUnsupported, "op %d (%s): %d inputs and %d outputs are too many", i, op->name,
                         info.input_count, info.output_count);
  node.inputs = info.inputs;
  node.input_count = static_cast<int16_t>(info.input_count);
  node.outputs = info.outputs;
  node.output_count = static_cast<int16_t>(info.output_count);
  TI_RETURN_IF_ERROR(check_int16_zero_points(model, info, i, op->name));
  PrepareContext ctx(model, tensors, node, info, i, *op, kernels, region->floor, &region->top, small_arena);
  const Status status = op->prepare(ctx);
  if (status.code() == StatusCode::kArenaTooSmall)
    return Status::error(StatusCode::kArenaTooSmall, "op %d (%s) ran out", i, op->name);
  if (!status.is_ok()) return status;
  if (node.kernel == nullptr || node.kernel->op != op)
    return Status::error(StatusCode::kUnsupported, "op %d (%s): prepare chose no kernel", i, op->name);
  return Status::ok();
}

}  // namespace

// The I/O table holds a Tensor per graph input and output: keep it unpadded.
static_assert(sizeof(void*) != 8 || sizeof(Tensor) == 80, "Tensor gained padding on 64-bit hosts");

Status Interpreter::init(const Model& model, KernelChoice kernels_choice, void* arena, std::size_t arena_bytes,
                         const InterpreterOptions& options) {
  ready_ = false;
  usage_ = ArenaUsage();
  model_ = &model;
  if (!model.is_loaded()) return Status::error(StatusCode::kInvalidArgument, "interpreter: model is not loaded");
  if (arena == nullptr) return Status::error(StatusCode::kInvalidArgument, "interpreter: null arena");
  kernel_choice_ = kernels_choice;
  tensor_count_ = model.tensor_count();
  op_count_ = model.op_count();
  const int32_t io_count = model.input_count() + model.output_count();

  uint8_t* const begin = align_pointer(static_cast<uint8_t*>(arena));
  uint8_t* const end = static_cast<uint8_t*>(arena) + arena_bytes;
  if (begin >= end)
    return Status::error(StatusCode::kArenaTooSmall, "arena too small: %u bytes", static_cast<unsigned>(arena_bytes));
  const std::size_t available = static_cast<std::size_t>(end - begin);
  const std::size_t tensor_table = align_up(sizeof(TensorSlot) * tensor_count_);
  const std::size_t node_table = align_up(sizeof(Node) * op_count_);
  const std::size_t io_table = align_up(sizeof(Tensor) * io_count);
  usage_.metadata = tensor_table + node_table + io_table;
  if (usage_.metadata > available)
    return Status::error(StatusCode::kArenaTooSmall,
                         "arena too small: %u bytes given, the tensor and op tables alone need %u",
                         static_cast<unsigned>(arena_bytes), static_cast<unsigned>(usage_.metadata));

  tensors_ = reinterpret_cast<TensorSlot*>(begin);
  nodes_ = reinterpret_cast<Node*>(begin + tensor_table);
  io_tensors_ = reinterpret_cast<Tensor*>(begin + tensor_table + node_table);
  uint8_t* const activations_begin = begin + usage_.metadata;
  // Prepared op data grows down from the end and may take any byte above the
  // tables; the planner's own tables are carved out of the activation region
  // once every op has prepared, and the activations overwrite them later.
  uint8_t* const persistent_floor = activations_begin;
  uint8_t* const aligned_end = end - (reinterpret_cast<uintptr_t>(end) % kArenaAlignment);
  uint8_t* persistent_top = aligned_end;

  for (int32_t i = 0; i < tensor_count_; ++i) {
    TensorSlot& slot = *new (&tensors_[i]) TensorSlot();
    const Tensor t = model.tensor(i);
    int32_t rank = 0;
    slot.dims = model.tensor_dims(i, &rank);
    slot.rank = static_cast<int8_t>(rank);
    slot.type = t.type;
    slot.is_constant = t.is_constant;
    slot.is_variable = t.is_variable;
    slot.data = t.data;
    if (t.is_variable) {
      const std::size_t size = align_up(t.bytes > 0 ? t.bytes : 1);
      if (size > static_cast<std::size_t>(persistent_top - persistent_floor))
        return Status::error(StatusCode::kArenaTooSmall, "arena too small for variable tensor %d '%s'", i, t.name);
      persistent_top -= size;
      slot.data = persistent_top;
      continue;
    }
    // Constants stay in the model (flash) unless misaligned for their type.
    if (!t.is_constant || is_aligned_for(t)) continue;
    const std::size_t size = align_up(t.bytes);
    if (size > static_cast<std::size_t>(persistent_top - persistent_floor))
      return Status::error(StatusCode::kArenaTooSmall, "arena too small to realign constant tensor %d", i);
    persistent_top -= size;
    std::memcpy(persistent_top, t.data, t.bytes);
    slot.data = persistent_top;
  }

  const bool record_all = options.op_status != nullptr;
  if (record_all && options.op_status_count < op_count_)
    return Status::error(StatusCode::kInvalidArgument, "interpreter: op_status has %d entries for %d ops",
                         options.op_status_count, op_count_);
  PersistentRegion region{persistent_floor, persistent_top};
  int32_t first_refused = -1;
  for (int32_t i = 0; i < op_count_; ++i) {
    Node& node = *new (&nodes_[i]) Node();
    const Status status = prepare_node(model, tensors_, node, i, kernel_choice_, &region, options.small_arena);
    if (status.code() == StatusCode::kArenaTooSmall) {
      return Status::error(StatusCode::kArenaTooSmall,
                           "arena too small: %u bytes given; %u used by tables and op data before %s",
                           static_cast<unsigned>(arena_bytes),
                           static_cast<unsigned>(usage_.metadata + (aligned_end - region.top)), status.message());
    }
    if (record_all) options.op_status[i] = status;
    if (status.is_ok()) continue;
    if (!record_all) return status;
    if (first_refused < 0) first_refused = i;
  }
  if (first_refused >= 0) return options.op_status[first_refused];
  persistent_top = region.top;
  usage_.persistent = static_cast<std::size_t>(aligned_end - persistent_top);

  if (options.fuse_conv_pool) fuse_conv_pool_pairs(model, nodes_, op_count_, tensors_);

  // Planner tables: one entry per activation tensor, op scratch and fusion
  // band, a tensor -> entry map and two index arrays for the planner.
  int32_t buffer_count = 0;
  for (int32_t i = 0; i < tensor_count_; ++i)
    if (!tensors_[i].is_constant && !tensors_[i].is_variable) ++buffer_count;
  for (int32_t i = 0; i < op_count_; ++i)
    buffer_count += (nodes_[i].scratch_bytes > 0 ? 1 : 0) + (nodes_[i].band_bytes > 0 ? 1 : 0);
  const std::size_t plan_table = align_up(sizeof(PlannedBuffer) * buffer_count);
  const std::size_t order_tables = 2 * align_up(sizeof(int32_t) * buffer_count);
  const std::size_t map_table = align_up(sizeof(int16_t) * tensor_count_);  // the loader allows 8192 tensors
  const std::size_t planning_tables = plan_table + order_tables + map_table;
  if (planning_tables > static_cast<std::size_t>(persistent_top - activations_begin)) {
    return Status::error(StatusCode::kArenaTooSmall, "arena too small: %u bytes given, at least %u required",
                         static_cast<unsigned>(arena_bytes),
                         static_cast<unsigned>(usage_.metadata + usage_.persistent + planning_tables +
                                               (begin - static_cast<uint8_t*>(arena))));
  }
  auto* plan = reinterpret_cast<PlannedBuffer*>(activations_begin);
  auto* order = reinterpret_cast<int32_t*>(activations_begin + plan_table);
  int32_t* neighbours = order + order_tables / 2 / sizeof(int32_t);
  // Per tensor: its planner entry, or not (yet) planned, or skipped (a fused
  // conv output that is produced and consumed band by band).
  constexpr int16_t kNotPlanned = -1, kSkipped = -2;
  auto* plan_index = reinterpret_cast<int16_t*>(activations_begin + plan_table + order_tables);
  for (int32_t i = 0; i < tensor_count_; ++i) plan_index[i] = kNotPlanned;
  for (int32_t i = 0; i < op_count_; ++i)
    if (nodes_[i].fused_with_next) plan_index[nodes_[i].outputs[0]] = kSkipped;

  // Lifetimes: an activation lives from its producer to its last reader.
  // Graph inputs start at op 0 and, as in TFLM, end at their last reader, so
  // their bytes may be reused during invoke (callers write the inputs before
  // every invoke); graph outputs live to the end so they can be read after.
  int32_t planned = 0;
  const int32_t whole_end = op_count_ > 0 ? op_count_ - 1 : 0;
  auto touch = [&](int32_t t, int32_t op) {
    if (plan_index[t] == kSkipped || tensors_[t].is_variable) return;
    if (plan_index[t] == kNotPlanned) {
      plan_index[t] = static_cast<int16_t>(planned);
      PlannedBuffer& b = *new (&plan[planned++]) PlannedBuffer();
      const std::size_t bytes = tensors_[t].bytes();
      b.size = bytes > 0 ? bytes : 1;
      b.first_op = op;
      b.last_op = op;
    }
    PlannedBuffer& b = plan[plan_index[t]];
    if (op < b.first_op) b.first_op = op;
    if (op > b.last_op) b.last_op = op;
  };
  auto add_buffer = [&](std::size_t size, int32_t first_op, int32_t last_op) {
    PlannedBuffer& b = *new (&plan[planned++]) PlannedBuffer();
    b.size = size;
    b.first_op = first_op;
    b.last_op = last_op;
  };
  for (int32_t k = 0; k < model.input_count(); ++k) touch(model.input_tensor_index(k), 0);
  for (int32_t i = 0; i < op_count_; ++i) {
    const Node& node = nodes_[i];
    for (int32_t k = 0; k < node.input_count; ++k)
      if (node.inputs[k] >= 0 && !tensors_[node.inputs[k]].is_constant) touch(node.inputs[k], i);
    for (int32_t k = 0; k < node.output_count; ++k) {
      touch(node.outputs[k], i);
      // A fused pool writes its output while the conv before it still reads
      // the conv's input: both must not share bytes.
      if (node.fused_into_previous) touch(node.outputs[k], i - 1);
    }
  }
  for (int32_t k = 0; k < model.output_count(); ++k) touch(model.output_tensor_index(k), whole_end);
  const int32_t tensor_buffers = planned;
  for (int32_t i = 0; i < op_count_; ++i) {
    if (nodes_[i].scratch_bytes > 0) add_buffer(nodes_[i].scratch_bytes, i, i);
    if (nodes_[i].band_bytes > 0) add_buffer(nodes_[i].band_bytes, i, i + 1);  // the conv and its pool
  }

  const std::size_t peak = plan_buffers(plan, planned, order, neighbours);
  usage_.activations = peak > planning_tables ? peak : planning_tables;
  const std::size_t room = static_cast<std::size_t>(persistent_top - activations_begin);
  if (usage_.activations > room)
    return Status::error(StatusCode::kArenaTooSmall, "arena too small: %u bytes given, %u required",
                         static_cast<unsigned>(arena_bytes),
                         static_cast<unsigned>(usage_.total() + (begin - static_cast<uint8_t*>(arena))));
  // Read every planned offset before anything is written over the tables.
  for (int32_t t = 0; t < tensor_count_; ++t)
    if (plan_index[t] >= 0) tensors_[t].data = activations_begin + plan[plan_index[t]].offset;
  int32_t extra = tensor_buffers;
  for (int32_t i = 0; i < op_count_; ++i) {
    Node& node = nodes_[i];
    if (node.scratch_bytes > 0) node.scratch = activations_begin + plan[extra++].offset;
    if (node.band_bytes > 0) node.band = activations_begin + plan[extra++].offset;
  }
  for (int32_t k = 0; k < io_count; ++k) {
    const int32_t t =
        k < model.input_count() ? model.input_tensor_index(k) : model.output_tensor_index(k - model.input_count());
    Tensor& io = *new (&io_tensors_[k]) Tensor(model.tensor(t));
    io.data = tensors_[t].data;
  }

  ready_ = true;
  return reset_state();
}

Status Interpreter::reset_state() {
  if (!ready_) return Status::error(StatusCode::kInvalidArgument, "reset_state: interpreter is not initialised");
  for (int32_t i = 0; i < tensor_count_; ++i) {
    const TensorSlot& slot = tensors_[i];
    if (!slot.is_variable) continue;
    // Zero, or the zero point of quantized 8- and 16-bit state (as TFLM).
    const int32_t zero_point = model_->tensor(i).quant.zero_point();
    const std::size_t bytes = slot.bytes();
    if (slot.type == DataType::kInt8 || slot.type == DataType::kUInt8) {
      std::memset(slot.data, zero_point, bytes);
    } else if (slot.type == DataType::kInt16) {
      auto* values = slot.data_as<int16_t>();
      for (std::size_t k = 0; k < bytes / 2; ++k) values[k] = static_cast<int16_t>(zero_point);
    } else {
      std::memset(slot.data, 0, bytes);
    }
  }
  return Status::ok();
}

Status Interpreter::invoke(Profiler* profiler) {
  if (!ready_) return Status::error(StatusCode::kInvalidArgument, "invoke: interpreter is not initialised");
  for (int32_t i = 0; i < op_count_; ++i) {
    Node& node = nodes_[i];
    const uint64_t start = profiler ? profiler->now() : 0;
    if (node.fused_with_next)
      eval_fused_conv_pool(node, nodes_[i + 1], tensors_);
    else if (!node.fused_into_previous) {
      const EvalContext ctx{node, tensors_};
      node.kernel->op->eval(ctx);
      if (ctx.failure != nullptr)
        return Status::error(StatusCode::kInvalidArgument, "op %d (%s): %s", i, node.kernel->op->name, ctx.failure);
    }
    if (profiler) profiler->record(i, node.kernel->op->name, profiler->now() - start);
  }
  return Status::ok();
}

bool Interpreter::op_fused_into_previous(int32_t op_index) const {
  return ready_ && op_index >= 0 && op_index < op_count_ && nodes_[op_index].fused_into_previous;
}

int32_t Interpreter::input_count() const { return ready_ ? model_->input_count() : 0; }
int32_t Interpreter::output_count() const { return ready_ ? model_->output_count() : 0; }

Tensor* Interpreter::input(int32_t i) {
  if (!ready_ || i < 0 || i >= model_->input_count()) return nullptr;
  return &io_tensors_[i];
}

const Tensor* Interpreter::output(int32_t i) const {
  if (!ready_ || i < 0 || i >= model_->output_count()) return nullptr;
  return &io_tensors_[model_->input_count() + i];
}

Tensor Interpreter::tensor(int32_t index) const {
  Tensor t = model_->tensor(index);
  t.data = tensors_[index].data;
  return t;
}

const char* Interpreter::op_name(int32_t op_index) const {
  if (op_index < 0 || op_index >= op_count_ || nodes_[op_index].kernel == nullptr) return "?";
  return nodes_[op_index].kernel->op->name;
}

const char* Interpreter::op_kernel_name(int32_t op_index) const {
  if (!ready_ || op_index < 0 || op_index >= op_count_) return "?";
  return nodes_[op_index].kernel->name;
}

OpInfo Interpreter::op_info(int32_t op_index) const {
  if (model_ == nullptr || op_index < 0 || op_index >= op_count_) return OpInfo();
  return model_->op(op_index);
}

int64_t Interpreter::op_macs(int32_t op_index) const {
  if (!ready_ || op_index < 0 || op_index >= op_count_) return 0;
  const OpRegistration& op = *nodes_[op_index].kernel->op;
  return op.macs != nullptr ? op.macs(nodes_[op_index], tensors_) : 0;
}

void Interpreter::describe_op(int32_t op_index, char* buffer, std::size_t buffer_size) const {
  if (buffer_size == 0) return;
  buffer[0] = '\0';
  if (!ready_ || op_index < 0 || op_index >= op_count_) return;
  nodes_[op_index].kernel->op->describe(nodes_[op_index], tensors_, buffer, buffer_size);
}

int64_t Interpreter::total_macs() const {
  int64_t sum = 0;
  for (int32_t i = 0; i < op_count_; ++i) sum += op_macs(i);
  return sum;
}

const char* Interpreter::kernel_set_name() const { return kernel_choice_name(kernel_choice_); }

}  // namespace tinyinfer
