// Interpreter: lays the arena out as
//   [ tensor table | node table | planner tables | activations ... | persistent op data ]
// Persistent data grows down from the end while ops prepare; activations are
// planned last into what is left, so the required size is known exactly.
#include "tinyinfer/interpreter.h"

#include <cstdio>
#include <cstring>
#include <new>

#include "kernels/kernels.h"
#include "runtime/arena_planner.h"
#include "runtime/node.h"

namespace tinyinfer {

const char* kernel_choice_name(KernelChoice choice) {
  return choice == KernelChoice::kReference ? "reference" : "optimized";
}

namespace {

const kernels::KernelSet& kernel_set(KernelChoice choice) {
  return choice == KernelChoice::kReference ? kernels::reference_kernels() : kernels::optimized_kernels();
}

uint8_t* align_pointer(uint8_t* p) {
  const uintptr_t v = reinterpret_cast<uintptr_t>(p);
  return reinterpret_cast<uint8_t*>((v + kArenaAlignment - 1) / kArenaAlignment * kArenaAlignment);
}

bool is_aligned_for(const Tensor& t) {
  const std::size_t element = data_type_size(t.type);
  const std::size_t need = element >= 4 ? 4 : element;
  return need == 0 || reinterpret_cast<uintptr_t>(t.data) % need == 0;
}

}  // namespace

namespace {

// How many ops read tensor t (as any input).
int32_t reader_count(const Node* nodes, int32_t op_count, int32_t t) {
  int32_t readers = 0;
  for (int32_t i = 0; i < op_count; ++i)
    for (int32_t k = 0; k < nodes[i].info.input_count; ++k)
      if (nodes[i].info.inputs[k] == t) ++readers;
  return readers;
}

bool is_graph_output(const Model& model, int32_t t) {
  for (int32_t k = 0; k < model.output_count(); ++k)
    if (model.output_tensor_index(k) == t) return true;
  return false;
}

// Marks conv -> pool pairs that can run band by band; returns the tensor
// indices that then need no arena bytes through `skip` (one flag per tensor).
void fuse_conv_pool_pairs(const Model& model, Node* nodes, int32_t op_count, const Tensor* tensors,
                          bool* skip) {
  for (int32_t i = 0; i + 1 < op_count; ++i) {
    Node& conv = nodes[i];
    Node& pool = nodes[i + 1];
    if (conv.fused_into_previous || conv.registration->eval_rows == nullptr ||
        pool.registration->rows_per_output_row == nullptr)
      continue;
    const int32_t t = conv.info.outputs[0];
    if (pool.info.input_count < 1 || pool.info.inputs[0] != t || is_graph_output(model, t) ||
        reader_count(nodes, op_count, t) != 1 || tensors[t].shape.rank != 4 || tensors[t].shape.dims[0] != 1)
      continue;
    const int32_t band_rows = pool.registration->rows_per_output_row(pool);
    if (band_rows <= 0) continue;
    const Shape& s = tensors[t].shape;
    conv.fused_with_next = true;
    pool.fused_into_previous = true;
    conv.band_bytes = static_cast<std::size_t>(band_rows) * s.dims[2] * s.dims[3] * data_type_size(tensors[t].type);
    skip[t] = true;
  }
}

}  // namespace

Status Interpreter::init(const Model& model, KernelChoice kernels_choice, void* arena,
                         std::size_t arena_bytes, const InterpreterOptions& options) {
  ready_ = false;
  usage_ = ArenaUsage();
  model_ = &model;
  if (!model.is_loaded()) return Status::error(StatusCode::kInvalidArgument, "interpreter: model is not loaded");
  if (arena == nullptr) return Status::error(StatusCode::kInvalidArgument, "interpreter: null arena");
  kernels_ = &kernel_set(kernels_choice);
  tensor_count_ = model.tensor_count();
  op_count_ = model.op_count();

  uint8_t* const begin = align_pointer(static_cast<uint8_t*>(arena));
  uint8_t* const end = static_cast<uint8_t*>(arena) + arena_bytes;
  if (begin >= end) return Status::error(StatusCode::kArenaTooSmall, "arena too small: %u bytes",
                                         static_cast<unsigned>(arena_bytes));
  const std::size_t available = static_cast<std::size_t>(end - begin);
  // Planned buffers: tensors, then per op a scratch and a fusion band.
  const int32_t buffer_count = tensor_count_ + 2 * op_count_;
  const std::size_t tensor_table = align_up(sizeof(Tensor) * tensor_count_);
  const std::size_t node_table = align_up(sizeof(Node) * op_count_);
  const std::size_t plan_table = align_up(sizeof(PlannedBuffer) * buffer_count);
  const std::size_t order_tables = 2 * align_up(sizeof(int32_t) * buffer_count);
  const std::size_t skip_table = align_up(sizeof(bool) * tensor_count_);
  // The planner's tables are only needed during init: they sit where the
  // activations will go and are overwritten by them at invoke.
  const std::size_t planning_tables = plan_table + order_tables + skip_table;
  usage_.metadata = tensor_table + node_table;
  if (usage_.metadata > available)
    return Status::error(StatusCode::kArenaTooSmall,
                         "arena too small: %u bytes given, the tensor and op tables alone need %u",
                         static_cast<unsigned>(arena_bytes), static_cast<unsigned>(usage_.metadata));

  tensors_ = reinterpret_cast<Tensor*>(begin);
  nodes_ = reinterpret_cast<Node*>(begin + tensor_table);
  uint8_t* const activations_begin = begin + usage_.metadata;
  auto* plan = reinterpret_cast<PlannedBuffer*>(activations_begin);
  auto* order = reinterpret_cast<int32_t*>(activations_begin + plan_table);
  int32_t* neighbours = order + order_tables / 2 / sizeof(int32_t);
  bool* skip = reinterpret_cast<bool*>(activations_begin + plan_table + order_tables);
  // Prepared op data may use the planning area's bytes; the tables are only
  // filled once every op has prepared.
  uint8_t* const persistent_floor = activations_begin;
  uint8_t* const aligned_end = end - (reinterpret_cast<uintptr_t>(end) % kArenaAlignment);
  uint8_t* persistent_top = aligned_end;

  for (int32_t i = 0; i < tensor_count_; ++i) new (&tensors_[i]) Tensor(model.tensor(i));
  for (int32_t i = 0; i < buffer_count; ++i) new (&plan[i]) PlannedBuffer();

  // Constants stay in the model (flash) unless misaligned for their type.
  for (int32_t i = 0; i < tensor_count_; ++i) {
    Tensor& t = tensors_[i];
    if (!t.is_constant || is_aligned_for(t)) continue;
    const std::size_t size = align_up(t.bytes);
    if (size > static_cast<std::size_t>(persistent_top - persistent_floor))
      return Status::error(StatusCode::kArenaTooSmall, "arena too small to realign constant tensor %d", i);
    persistent_top -= size;
    std::memcpy(persistent_top, t.data, t.bytes);
    t.data = persistent_top;
  }

  for (int32_t i = 0; i < op_count_; ++i) {
    Node& node = *new (&nodes_[i]) Node();
    node.info = model.op(i);
    node.registration = find_op(node.info.builtin_code);
    if (node.registration == nullptr)
      return Status::error(StatusCode::kUnsupported, "op %d: operator %s (builtin code %d) is not supported", i,
                           op_code_name(node.info.builtin_code), node.info.builtin_code);
    if (node.info.version < 1 || node.info.version > node.registration->max_version)
      return Status::error(StatusCode::kUnsupported, "op %d (%s): version %d is not supported (max %d)", i,
                           node.registration->name, node.info.version, node.registration->max_version);
    PrepareContext ctx(model, tensors_, node, i, *kernels_, persistent_floor, &persistent_top);
    const Status status = node.registration->prepare(ctx);
    if (!status.is_ok()) {
      if (status.code() == StatusCode::kArenaTooSmall)
        return Status::error(StatusCode::kArenaTooSmall,
                             "arena too small: %u bytes given; %u used by tables and op data before op %d "
                             "(%s) ran out",
                             static_cast<unsigned>(arena_bytes),
                             static_cast<unsigned>(usage_.metadata + (aligned_end - persistent_top)), i,
                             node.registration->name);
      return status;
    }
  }
  usage_.persistent = static_cast<std::size_t>(aligned_end - persistent_top);
  if (planning_tables > static_cast<std::size_t>(persistent_top - activations_begin))
    return Status::error(StatusCode::kArenaTooSmall, "arena too small: %u bytes given, at least %u required",
                         static_cast<unsigned>(arena_bytes),
                         static_cast<unsigned>(usage_.metadata + usage_.persistent + planning_tables +
                                               (begin - static_cast<uint8_t*>(arena))));
  for (int32_t i = 0; i < tensor_count_; ++i) skip[i] = false;
  if (options.fuse_conv_pool) fuse_conv_pool_pairs(model, nodes_, op_count_, tensors_, skip);

  // Lifetimes: an activation lives from its producer to its last reader.
  // Graph inputs and outputs live through the whole invoke so that inputs
  // survive repeated invokes and outputs can be read afterwards.
  const int32_t whole_end = op_count_ > 0 ? op_count_ - 1 : 0;
  auto touch = [&](int32_t t, int32_t op) {
    if (skip[t]) return;  // produced and consumed band by band inside a fused pair
    PlannedBuffer& b = plan[t];
    if (b.size == 0) {
      b.size = tensors_[t].bytes > 0 ? tensors_[t].bytes : 1;
      b.first_op = op;
      b.last_op = op;
    }
    if (op < b.first_op) b.first_op = op;
    if (op > b.last_op) b.last_op = op;
  };
  for (int32_t k = 0; k < model.input_count(); ++k) {
    const int32_t t = model.input_tensor_index(k);
    touch(t, 0);
    touch(t, whole_end);
  }
  for (int32_t i = 0; i < op_count_; ++i) {
    const OpInfo& info = nodes_[i].info;
    for (int32_t k = 0; k < info.input_count; ++k)
      if (info.inputs[k] >= 0 && !tensors_[info.inputs[k]].is_constant) touch(info.inputs[k], i);
    for (int32_t k = 0; k < info.output_count; ++k) touch(info.outputs[k], i);
    if (nodes_[i].scratch_bytes > 0) {
      PlannedBuffer& s = plan[tensor_count_ + i];
      s.size = nodes_[i].scratch_bytes;
      s.first_op = s.last_op = i;
    }
    if (nodes_[i].band_bytes > 0) {  // alive while the conv and its pool run
      PlannedBuffer& band = plan[tensor_count_ + op_count_ + i];
      band.size = nodes_[i].band_bytes;
      band.first_op = i;
      band.last_op = i + 1;
    }
  }
  for (int32_t k = 0; k < model.output_count(); ++k) touch(model.output_tensor_index(k), whole_end);

  const std::size_t peak = plan_buffers(plan, buffer_count, order, neighbours);
  usage_.activations = peak > planning_tables ? peak : planning_tables;
  const std::size_t room = static_cast<std::size_t>(persistent_top - activations_begin);
  if (usage_.activations > room)
    return Status::error(StatusCode::kArenaTooSmall, "arena too small: %u bytes given, %u required",
                         static_cast<unsigned>(arena_bytes),
                         static_cast<unsigned>(usage_.total() + (begin - static_cast<uint8_t*>(arena))));
  for (int32_t t = 0; t < tensor_count_; ++t)
    if (plan[t].size != 0) tensors_[t].data = activations_begin + plan[t].offset;
  for (int32_t i = 0; i < op_count_; ++i)
    if (nodes_[i].scratch_bytes > 0) nodes_[i].scratch = activations_begin + plan[tensor_count_ + i].offset;
  for (int32_t i = 0; i < op_count_; ++i)
    if (nodes_[i].band_bytes > 0) nodes_[i].band = activations_begin + plan[tensor_count_ + op_count_ + i].offset;

  ready_ = true;
  return Status::ok();
}

Status Interpreter::invoke(Profiler* profiler) {
  if (!ready_) return Status::error(StatusCode::kInvalidArgument, "invoke: interpreter is not initialised");
  for (int32_t i = 0; i < op_count_; ++i) {
    Node& node = nodes_[i];
    const uint64_t start = profiler ? profiler->now() : 0;
    if (node.fused_with_next)
      eval_fused_conv_pool(i);
    else if (!node.fused_into_previous)
      node.registration->eval(EvalContext{node, tensors_, *kernels_});
    if (profiler) profiler->record(i, node.registration->name, profiler->now() - start);
  }
  return Status::ok();
}

void Interpreter::eval_fused_conv_pool(int32_t op_index) {
  Node& conv = nodes_[op_index];
  Node& pool = nodes_[op_index + 1];
  const EvalContext conv_ctx{conv, tensors_, *kernels_};
  const EvalContext pool_ctx{pool, tensors_, *kernels_};
  const int32_t band_rows = pool.registration->rows_per_output_row(pool);
  const int32_t out_rows = tensors_[pool.info.outputs[0]].shape.dims[1];
  for (int32_t row = 0; row < out_rows; ++row) {
    conv.registration->eval_rows(conv_ctx, row * band_rows, band_rows, conv.band);
    pool.registration->pool_rows(pool_ctx, conv.band, band_rows, row);
  }
}

bool Interpreter::op_fused_into_previous(int32_t op_index) const {
  return ready_ && op_index >= 0 && op_index < op_count_ && nodes_[op_index].fused_into_previous;
}

int32_t Interpreter::input_count() const { return ready_ ? model_->input_count() : 0; }
int32_t Interpreter::output_count() const { return ready_ ? model_->output_count() : 0; }

Tensor* Interpreter::input(int32_t i) {
  if (!ready_ || i < 0 || i >= model_->input_count()) return nullptr;
  return &tensors_[model_->input_tensor_index(i)];
}

const Tensor* Interpreter::output(int32_t i) const {
  if (!ready_ || i < 0 || i >= model_->output_count()) return nullptr;
  return &tensors_[model_->output_tensor_index(i)];
}

const char* Interpreter::op_name(int32_t op_index) const {
  if (op_index < 0 || op_index >= op_count_ || nodes_[op_index].registration == nullptr) return "?";
  return nodes_[op_index].registration->name;
}

OpInfo Interpreter::op_info(int32_t op_index) const {
  if (op_index < 0 || op_index >= op_count_) return OpInfo();
  return nodes_[op_index].info;
}

int64_t Interpreter::op_macs(int32_t op_index) const {
  if (!ready_ || op_index < 0 || op_index >= op_count_) return 0;
  return nodes_[op_index].registration->macs(nodes_[op_index], tensors_);
}

void Interpreter::describe_op(int32_t op_index, char* buffer, std::size_t buffer_size) const {
  if (buffer_size == 0) return;
  buffer[0] = '\0';
  if (!ready_ || op_index < 0 || op_index >= op_count_) return;
  nodes_[op_index].registration->describe(nodes_[op_index], tensors_, buffer, buffer_size);
}

int64_t Interpreter::total_macs() const {
  int64_t sum = 0;
  for (int32_t i = 0; i < op_count_; ++i) sum += op_macs(i);
  return sum;
}

const char* Interpreter::kernel_set_name() const { return kernels_ ? kernels_->name : ""; }

}  // namespace tinyinfer
