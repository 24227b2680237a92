#include "link/link_server.h"

#include <cmath>
#include <cstring>

#include "flatbuffers/flatbuffers.h"
#include "link/crc32.h"
#include "link/link_protocol_generated.h"
#include "link/study_protocol_generated.h"

namespace tinyinfer::link {
namespace {

// Replies are built in the server's builder_memory_: the builder's
// allocator hands out that buffer and nothing else (no heap on the chip).
// Every builder starts at the full size, so it never grows; every reply is
// bounded by construction (names truncated, lists capped) well below it, and
// checked against kMaxPayloadBytes before it is sent.
constexpr std::size_t kBuilderBytes = LinkServer::kBuilderBytes;

class BufferAllocator : public flatbuffers::Allocator {
 public:
  explicit BufferAllocator(uint8_t* buffer) : buffer_(buffer) {}
  uint8_t* allocate(size_t size) override { return size <= kBuilderBytes ? buffer_ : nullptr; }
  void deallocate(uint8_t*, size_t) override {}

 private:
  uint8_t* buffer_;
};

// Lists and names in Info are capped so a hostile uploaded model cannot
// make the reply outgrow a frame.
constexpr int32_t kMaxListedTensors = 8;
constexpr int32_t kMaxListedOps = 32;
constexpr std::size_t kMaxNameChars = 64;
// Per-layer counts of a Result: one entry per op the profiler records.
constexpr int32_t kMaxLayers = OpTimeTable::kMaxOps;

// The study's stats version byte and its input: 28x28 floats.
constexpr uint8_t kStudyStatsVersion = 1;
constexpr uint32_t kStudyDigitValues = 784;
constexpr uint32_t kStudyMaxOutputs = 10;

flatbuffers::Offset<flatbuffers::String> short_string(flatbuffers::FlatBufferBuilder& fbb, const char* text) {
  std::size_t length = 0;
  while (length < kMaxNameChars && text[length] != '\0') ++length;
  return fbb.CreateString(text, length);
}

void copy_name(char* out, std::size_t capacity, const char* text, std::size_t length) {
  std::size_t n = length < capacity - 1 ? length : capacity - 1;
  std::memcpy(out, text, n);
  out[n] = '\0';
}

template <typename T>
bool verify_root(const uint8_t* payload, std::size_t size) {
  if (payload == nullptr || size == 0) return false;
  flatbuffers::Verifier verifier(payload, size);
  return verifier.VerifyBuffer<T>(nullptr);
}

// Values in [0,1] into the input tensor's type (quantized: round half away
// from zero, clamp), as the host CLI fills an image.
bool fill_from_floats(tinyinfer::Tensor& input, const float* values, int64_t count) {
  if (input.shape.elements() != count) return false;
  for (int64_t i = 0; i < count; ++i) {
    const float x = values[i];
    switch (input.type) {
      case DataType::kFloat32:
        input.data_as<float>()[i] = x;
        break;
      case DataType::kInt8:
      case DataType::kUInt8: {
        const float scale = input.quant.scale();
        if (!(scale > 0.0f) || !std::isfinite(x)) return false;
        const long q = std::lround(x / scale) + input.quant.zero_point();
        if (input.type == DataType::kInt8) {
          input.data_as<int8_t>()[i] = static_cast<int8_t>(q < -128 ? -128 : q > 127 ? 127 : q);
        } else {
          input.data_as<uint8_t>()[i] = static_cast<uint8_t>(q < 0 ? 0 : q > 255 ? 255 : q);
        }
        break;
      }
      default:
        return false;
    }
  }
  return true;
}

flatbuffers::Offset<TensorDetails> tensor_info(flatbuffers::FlatBufferBuilder& fbb, const tinyinfer::Tensor& tensor) {
  const auto name = short_string(fbb, tensor.name);
  const auto dtype = fbb.CreateString(data_type_name(tensor.type));
  const auto shape = fbb.CreateVector(tensor.shape.dims, static_cast<std::size_t>(tensor.shape.rank));
  TensorDetailsBuilder builder(fbb);
  builder.add_name(name);
  builder.add_dtype(dtype);
  builder.add_shape(shape);
  builder.add_scale(tensor.quant.scale());
  builder.add_zero_point(tensor.quant.zero_point());
  builder.add_bytes(static_cast<uint32_t>(tensor.bytes));
  return builder.Finish();
}

std::size_t align16(std::size_t value) { return (value + 15) & ~static_cast<std::size_t>(15); }

}  // namespace

void LinkServer::init(const LinkServerConfig& config, LinkWrite writer, void* context) {
  config_ = config;
  write_ = writer;
  context_ = context;
  profile_ = OpTimeTable(config.counter, config.counter_unit);
  activate_builtin();
}

void LinkServer::activate_builtin() {
  ready_ = false;
  if (config_.model == nullptr) {
    model_status_ = Status::error(StatusCode::kInvalidArgument, "no model built in: upload one with LoadModel");
    return;
  }
  ActiveModel builtin;
  builtin.bytes = config_.model;
  builtin.size = config_.model_bytes;
  copy_name(builtin.name, sizeof builtin.name, config_.model_name, std::strlen(config_.model_name));
  Model& model = models_[active_index_];
  model_status_ = config_.model_verified_at_build
                      ? Model::load_verified_at_build(config_.model, config_.model_bytes, &model)
                      : Model::load(config_.model, config_.model_bytes, &model);
  if (!model_status_.is_ok()) return;
  model_status_ = plan(model);
  if (!model_status_.is_ok()) return;
  active_ = builtin;
  sha256(active_.bytes, active_.size, active_.sha256);
  ready_ = true;
}

// ---- bytes in -------------------------------------------------------------------

void LinkServer::feed(const uint8_t* data, std::size_t size, uint64_t now) {
  for (std::size_t i = 0; i < size; ++i) {
    // Bytes after a silence start a new burst, even when poll() was not
    // called in between.
    if (burst_open_ && now - last_byte_at_ >= config_.silence_ticks) end_burst();
    const uint8_t byte = data[i];
    burst_open_ = true;
    last_byte_at_ = now;
    if (study_size_ < kMaxStudyRequestBytes) {
      study_[study_size_++] = byte;
    } else {
      study_overflow_ = true;
    }
    switch (decoder_.feed(byte)) {
      case FrameEvent::kNone:
        break;
      case FrameEvent::kFrame:
        ++stats_.frames;
        on_frame();
        restart_burst();  // a study request may follow a link reply at once
        break;
      // Dropped silently: a study request is full of zero bytes, and what
      // lies between them must never make the link answer.
      case FrameEvent::kCobsInvalid:
        ++stats_.cobs_invalid;
        break;
      case FrameEvent::kTooShort:
        ++stats_.too_short;
        break;
      case FrameEvent::kBadCrc:
        ++stats_.bad_crc;
        break;
      case FrameEvent::kOversized:
        // Larger than any study request, so it is a link client's frame.
        ++stats_.oversized;
        send_error(
            0, static_cast<uint8_t>(ErrorCode::OVERSIZED_FRAME),
            Status::error(StatusCode::kInvalidArgument, "frame longer than %u encoded bytes before its 0x00 delimiter",
                          static_cast<unsigned>(kMaxEncodedFrameBytes))
                .message());
        restart_burst();
        break;
    }
  }
}

void LinkServer::poll(uint64_t now) {
  if (burst_open_ && now - last_byte_at_ >= config_.silence_ticks) end_burst();
}

void LinkServer::end_burst() {
  if (study_overflow_) {
    ++stats_.study_dropped;
  } else if (study_size_ > 0) {
    answer_study();
  }
  restart_burst();
}

// The bytes so far belonged to a link frame (or were dropped with it): the
// next byte starts a new burst.
void LinkServer::restart_burst() {
  study_size_ = 0;
  study_overflow_ = false;
  burst_open_ = false;
}

// ---- the study's protocol -----------------------------------------------------

void LinkServer::answer_study() {
  if (!verify_root<MnistProt::Commands>(study_, study_size_)) return void(++stats_.study_dropped);
  const auto* request = flatbuffers::GetRoot<MnistProt::Commands>(study_);
  BufferAllocator allocator(builder_memory_);
  flatbuffers::FlatBufferBuilder fbb(kBuilderBytes, &allocator);
  if (request->cmd() == MnistProt::Command::CMD_GET_STATS) {
    const auto stats =
        MnistProt::CreateStats(fbb, kStudyStatsVersion, static_cast<uint32_t>(config_.clock_hz),
                               config_.kernels == KernelChoice::kOptimized ? MnistProt::Mode::ACCELERATION_CMSIS_NN
                                                                           : MnistProt::Mode::ACCELERATION_NONE);
    // Fields added as the study's firmware added them (cmd first): the
    // builder's layout, and so the reply's size, depends on that order.
    MnistProt::CommandsBuilder reply(fbb);
    reply.add_cmd(MnistProt::Command::CMD_GET_STATS);
    reply.add_stats(stats);
    fbb.Finish(reply.Finish());
  } else if (request->cmd() == MnistProt::Command::CMD_INFERENCE_INPUT) {
    const auto* input = request->input();
    const auto* digit = input != nullptr ? input->digit() : nullptr;
    if (!ready_ || digit == nullptr || digit->size() != kStudyDigitValues || interpreter_.input_count() != 1) {
      return void(++stats_.study_dropped);
    }
    float values[kStudyDigitValues];
    for (uint32_t i = 0; i < kStudyDigitValues; ++i) values[i] = digit->Get(i);
    if (!fill_from_floats(*interpreter_.input(0), values, kStudyDigitValues)) return void(++stats_.study_dropped);
    profile_.reset();
    if (!interpreter_.invoke(&profile_).is_ok()) return void(++stats_.study_dropped);
    const tinyinfer::Tensor& output = *interpreter_.output(0);
    float outputs[kStudyMaxOutputs];
    uint32_t count = 0;
    for (; count < kStudyMaxOutputs && count < output.shape.elements(); ++count) {
      if (!real_value(output, count, &outputs[count])) return void(++stats_.study_dropped);
    }
    // Milliseconds: at the counter's clock on silicon; under QEMU the
    // counter counts instructions at 1 ns of virtual time each
    // (-icount shift=0), so ms of virtual time.
    const double total = static_cast<double>(profile_.total());
    const double ms = config_.counter_hz != 0 ? total * 1000.0 / static_cast<double>(config_.counter_hz) : total / 1e6;
    const auto values_offset = fbb.CreateVector(outputs, count);
    // output_n stays 0 (the default, so not stored) as the study sent it:
    // that keeps the reply at 92 bytes.
    const auto result = MnistProt::CreateInferenceOutput(fbb, values_offset, 0, static_cast<float>(ms));
    MnistProt::CommandsBuilder reply(fbb);  // cmd first, as above: 92 bytes, not 96
    reply.add_cmd(MnistProt::Command::CMD_INFERENCE_OUTPUT);
    reply.add_ouput(result);
    fbb.Finish(reply.Finish());
  } else {
    return void(++stats_.study_dropped);
  }
  ++stats_.study_requests;
  write(fbb.GetBufferPointer(), fbb.GetSize());
}

// ---- link frames ------------------------------------------------------------------

void LinkServer::on_frame() {
  const uint16_t seq = decoder_.seq();
  const uint8_t* payload = decoder_.payload();
  const std::size_t size = decoder_.payload_size();
  switch (decoder_.frame_type()) {
    case FrameType::kInfoRequest:
      // An empty payload is an InfoRequest too (the table has no fields).
      if (size != 0 && !verify_root<InfoRequest>(payload, size)) break;
      return handle_info(seq);
    case FrameType::kInferRequest:
      if (!verify_root<InferRequest>(payload, size)) break;
      return handle_infer(seq, payload, size);
    case FrameType::kLoadBegin:
      if (!verify_root<LoadBegin>(payload, size)) break;
      return handle_load_begin(seq, payload, size);
    case FrameType::kLoadChunk:
      if (!verify_root<LoadChunk>(payload, size)) break;
      return handle_load_chunk(seq, payload, size);
    case FrameType::kLoadCommit:
      if (size != 0 && !verify_root<LoadCommit>(payload, size)) break;
      return handle_load_commit(seq);
    default:
      return send_error(seq, static_cast<uint8_t>(ErrorCode::UNKNOWN_TYPE),
                        Status::error(StatusCode::kInvalidArgument, "frame type 0x%02x is not a request",
                                      static_cast<unsigned>(decoder_.frame_type()))
                            .message());
  }
  send_error(seq, static_cast<uint8_t>(ErrorCode::BAD_PAYLOAD),
             Status::error(StatusCode::kInvalidArgument,
                           "payload of frame type 0x%02x (%u bytes) fails the flatbuffers verifier",
                           static_cast<unsigned>(decoder_.frame_type()), static_cast<unsigned>(size))
                 .message());
}

void LinkServer::handle_info(uint16_t seq) {
  BufferAllocator allocator(builder_memory_);
  flatbuffers::FlatBufferBuilder fbb(kBuilderBytes, &allocator);
  flatbuffers::Offset<flatbuffers::Vector<flatbuffers::Offset<TensorDetails>>> inputs, outputs;
  flatbuffers::Offset<flatbuffers::Vector<flatbuffers::Offset<OpDetails>>> ops;
  uint32_t arena_used = 0;
  if (ready_) {
    flatbuffers::Offset<TensorDetails> list[kMaxListedTensors];
    int32_t n = 0;
    for (; n < interpreter_.input_count() && n < kMaxListedTensors; ++n)
      list[n] = tensor_info(fbb, *interpreter_.input(n));
    inputs = fbb.CreateVector(list, static_cast<std::size_t>(n));
    for (n = 0; n < interpreter_.output_count() && n < kMaxListedTensors; ++n)
      list[n] = tensor_info(fbb, *interpreter_.output(n));
    outputs = fbb.CreateVector(list, static_cast<std::size_t>(n));
    flatbuffers::Offset<OpDetails> op_list[kMaxListedOps];
    for (n = 0; n < interpreter_.op_count() && n < kMaxListedOps; ++n) {
      const auto name = short_string(fbb, interpreter_.op_name(n));
      const auto kernel = short_string(fbb, interpreter_.op_kernel_name(n));
      op_list[n] = CreateOpDetails(fbb, name, kernel);
    }
    ops = fbb.CreateVector(op_list, static_cast<std::size_t>(n));
    arena_used = static_cast<uint32_t>(interpreter_.arena_used_bytes());
  }
  const auto version = short_string(fbb, config_.firmware_version);
  const auto board = short_string(fbb, config_.board);
  const auto unit = short_string(fbb, config_.counter_unit);
  const auto kernels = fbb.CreateString(kernel_choice_name(config_.kernels));
  const auto name = short_string(fbb, ready_ ? active_.name : "");
  const auto sha = fbb.CreateVector(active_.sha256, ready_ ? kSha256Bytes : 0);
  const auto counters = CreateLinkCounters(fbb, stats_.frames, stats_.cobs_invalid, stats_.too_short, stats_.bad_crc,
                                           stats_.oversized, stats_.study_requests, stats_.study_dropped);
  InfoReplyBuilder reply(fbb);
  reply.add_firmware_version(version);
  reply.add_board(board);
  reply.add_clock_hz(config_.clock_hz);
  reply.add_counter_unit(unit);
  reply.add_counter_hz(config_.counter_hz);
  reply.add_kernel_set(kernels);
  reply.add_model_name(name);
  reply.add_model_sha256(sha);
  reply.add_model_bytes(ready_ ? static_cast<uint32_t>(active_.size) : 0);
  reply.add_model_uploaded(ready_ && active_.uploaded);
  if (ready_) {
    reply.add_inputs(inputs);
    reply.add_outputs(outputs);
    reply.add_ops(ops);
  }
  reply.add_arena_used(arena_used);
  reply.add_arena_size(static_cast<uint32_t>(config_.arena_bytes));
  reply.add_slot_bytes(static_cast<uint32_t>(config_.slot_bytes));
  reply.add_counters(counters);
  reply.add_max_payload(static_cast<uint32_t>(kMaxPayloadBytes));
  reply.add_max_chunk(static_cast<uint32_t>(kMaxChunkBytes));
  fbb.Finish(reply.Finish());
  send_frame(FrameType::kInfoReply, seq, fbb.GetBufferPointer(), fbb.GetSize());
}

void LinkServer::handle_infer(uint16_t seq, const uint8_t* payload, std::size_t) {
  if (!ready_) {
    return send_error(seq, static_cast<uint8_t>(ErrorCode::MODEL_NOT_READY), model_status_.message());
  }
  const auto* request = flatbuffers::GetRoot<InferRequest>(payload);
  const auto* input = request->input();
  std::size_t expected = 0;
  for (int32_t i = 0; i < interpreter_.input_count(); ++i) expected += interpreter_.input(i)->bytes;
  const std::size_t given = input != nullptr ? input->size() : 0;
  if (given != expected) {
    return send_error(seq, static_cast<uint8_t>(ErrorCode::BAD_INPUT),
                      Status::error(StatusCode::kInvalidArgument,
                                    "input of %u bytes, the model's %d input(s) take %u bytes (input 0: %s, %u bytes)",
                                    static_cast<unsigned>(given), static_cast<int>(interpreter_.input_count()),
                                    static_cast<unsigned>(expected), data_type_name(interpreter_.input(0)->type),
                                    static_cast<unsigned>(interpreter_.input(0)->bytes))
                          .message());
  }
  std::size_t at = 0;
  for (int32_t i = 0; i < interpreter_.input_count(); ++i) {
    tinyinfer::Tensor& tensor = *interpreter_.input(i);
    std::memcpy(tensor.data, input->data() + at, tensor.bytes);
    at += tensor.bytes;
  }
  profile_.reset();
  const Status status = interpreter_.invoke(&profile_);
  if (!status.is_ok()) return send_error(seq, static_cast<uint8_t>(ErrorCode::INFERENCE_FAILED), status.message());

  std::size_t output_bytes = 0;
  for (int32_t i = 0; i < interpreter_.output_count(); ++i) output_bytes += interpreter_.output(i)->bytes;
  const int32_t layers = profile_.count() < kMaxLayers ? profile_.count() : kMaxLayers;
  // Outputs, counts, codes and the table around them must fit one frame.
  if (output_bytes + static_cast<std::size_t>(layers) * 12 + 256 > kMaxPayloadBytes) {
    return send_error(
        seq, static_cast<uint8_t>(ErrorCode::OUTPUT_TOO_LARGE),
        Status::error(StatusCode::kUnsupported, "%u output bytes and %d layer counts do not fit in a %u-byte payload",
                      static_cast<unsigned>(output_bytes), static_cast<int>(layers),
                      static_cast<unsigned>(kMaxPayloadBytes))
            .message());
  }
  BufferAllocator allocator(builder_memory_);
  flatbuffers::FlatBufferBuilder fbb(kBuilderBytes, &allocator);
  uint8_t* output_data = nullptr;
  const auto output = fbb.CreateUninitializedVector(output_bytes, 1, &output_data);
  at = 0;
  for (int32_t i = 0; i < interpreter_.output_count(); ++i) {
    const tinyinfer::Tensor& tensor = *interpreter_.output(i);
    std::memcpy(output_data + at, tensor.data, tensor.bytes);
    at += tensor.bytes;
  }
  uint64_t* count_data = nullptr;
  const auto counts = fbb.CreateUninitializedVector(static_cast<std::size_t>(layers), &count_data);
  for (int32_t i = 0; i < layers; ++i) count_data[i] = flatbuffers::EndianScalar(profile_.elapsed(i));
  int32_t* code_data = nullptr;
  const auto codes = fbb.CreateUninitializedVector(static_cast<std::size_t>(layers), &code_data);
  for (int32_t i = 0; i < layers; ++i) code_data[i] = flatbuffers::EndianScalar(interpreter_.op_info(i).builtin_code);
  const auto unit = short_string(fbb, config_.counter_unit);

  const tinyinfer::Tensor& first = *interpreter_.output(0);
  int32_t argmax = -1;
  float best = 0.0f;
  for (int64_t i = 0; i < first.shape.elements(); ++i) {
    float value = 0.0f;
    if (!real_value(first, i, &value)) break;
    if (argmax < 0 || value > best) argmax = static_cast<int32_t>(i), best = value;
  }
  const uint64_t total = profile_.total();
  const double us =
      config_.counter_hz != 0 ? static_cast<double>(total) * 1e6 / static_cast<double>(config_.counter_hz) : -1.0;
  InferResultBuilder result(fbb);
  result.add_output(output);
  result.add_argmax(argmax);
  result.add_unit(unit);
  result.add_total(total);
  result.add_microseconds(us);
  result.add_layer_codes(codes);
  result.add_layer_counts(counts);
  fbb.Finish(result.Finish());
  send_frame(FrameType::kInferResult, seq, fbb.GetBufferPointer(), fbb.GetSize());
}

// ---- LoadModel ----------------------------------------------------------------------

void LinkServer::send_load_reply(uint16_t seq, bool committed) {
  BufferAllocator allocator(builder_memory_);
  flatbuffers::FlatBufferBuilder fbb(kBuilderBytes, &allocator);
  fbb.Finish(CreateLoadReply(fbb, static_cast<uint32_t>(upload_.received), committed));
  send_frame(FrameType::kLoadReply, seq, fbb.GetBufferPointer(), fbb.GetSize());
}

void LinkServer::handle_load_begin(uint16_t seq, const uint8_t* payload, std::size_t) {
  const auto* begin = flatbuffers::GetRoot<LoadBegin>(payload);
  upload_ = Upload();
  const std::size_t size = begin->size();
  if (size == 0 || size > config_.slot_bytes) {
    return send_error(seq, static_cast<uint8_t>(ErrorCode::UPLOAD_TOO_LARGE),
                      Status::error(StatusCode::kInvalidArgument,
                                    "model of %u bytes refused: this board's RAM slot takes models of 1 to %u bytes",
                                    static_cast<unsigned>(size), static_cast<unsigned>(config_.slot_bytes))
                          .message());
  }
  // Keep the active model intact: the upload goes beside it in the slot
  // when there is room; otherwise the built-in model becomes active first
  // (docs/link-protocol.md, "The model slot").
  std::size_t offset = 0;
  if (ready_ && active_.uploaded) {
    const std::size_t start = static_cast<std::size_t>(active_.bytes - config_.slot);
    const std::size_t after = align16(start + active_.size);
    if (size <= start) {
      offset = 0;
    } else if (after <= config_.slot_bytes && config_.slot_bytes - after >= size) {
      offset = after;
    } else {
      activate_builtin();
    }
  }
  upload_.open = true;
  upload_.offset = offset;
  upload_.size = size;
  upload_.crc32 = begin->crc32();
  const auto* name = begin->name();
  copy_name(upload_.name, sizeof upload_.name, name != nullptr ? name->c_str() : "uploaded",
            name != nullptr ? name->size() : 8);
  send_load_reply(seq, false);
}

void LinkServer::handle_load_chunk(uint16_t seq, const uint8_t* payload, std::size_t) {
  const auto* chunk = flatbuffers::GetRoot<LoadChunk>(payload);
  const std::size_t offset = chunk->offset();
  const std::size_t length = chunk->data() != nullptr ? chunk->data()->size() : 0;
  if (!upload_.open) {
    return send_error(seq, static_cast<uint8_t>(ErrorCode::UPLOAD_SEQUENCE), "LoadChunk without a LoadBegin");
  }
  // In order; a chunk sent again (same or earlier offset) is accepted.
  if (offset > upload_.received || length > upload_.size || offset > upload_.size - length) {
    return send_error(seq, static_cast<uint8_t>(ErrorCode::UPLOAD_SEQUENCE),
                      Status::error(StatusCode::kInvalidArgument,
                                    "chunk of %u bytes at offset %u: expected offset %u of a %u-byte model",
                                    static_cast<unsigned>(length), static_cast<unsigned>(offset),
                                    static_cast<unsigned>(upload_.received), static_cast<unsigned>(upload_.size))
                          .message());
  }
  if (length > 0) std::memcpy(config_.slot + upload_.offset + offset, chunk->data()->data(), length);
  if (offset + length > upload_.received) upload_.received = offset + length;
  send_load_reply(seq, false);
}

void LinkServer::handle_load_commit(uint16_t seq) {
  if (!upload_.open) {
    return send_error(seq, static_cast<uint8_t>(ErrorCode::UPLOAD_SEQUENCE), "LoadCommit without a LoadBegin");
  }
  const Upload upload = upload_;
  upload_.open = false;
  if (upload.received != upload.size) {
    return send_error(seq, static_cast<uint8_t>(ErrorCode::UPLOAD_INCOMPLETE),
                      Status::error(StatusCode::kInvalidArgument, "commit after %u of %u bytes; the model is unchanged",
                                    static_cast<unsigned>(upload.received), static_cast<unsigned>(upload.size))
                          .message());
  }
  const uint8_t* bytes = config_.slot + upload.offset;
  const uint32_t crc = crc32(bytes, upload.size);
  if (crc != upload.crc32) {
    return send_error(seq, static_cast<uint8_t>(ErrorCode::UPLOAD_BAD_CRC),
                      Status::error(StatusCode::kInvalidArgument,
                                    "CRC-32 of the %u received bytes is 0x%08x, LoadBegin announced 0x%08x; the model "
                                    "is unchanged",
                                    static_cast<unsigned>(upload.size), static_cast<unsigned>(crc),
                                    static_cast<unsigned>(upload.crc32))
                          .message());
  }
  // Every uploaded byte goes through the full verifier.
  Status status = Model::load(bytes, upload.size, &models_[1 - active_index_]);
  if (!status.is_ok()) {
    // The loader tells a malformed file from a well-formed one using
    // something this engine does not run (a custom op, a new schema field).
    const bool unsupported = status.code() == StatusCode::kUnsupported;
    return send_error(seq, static_cast<uint8_t>(unsupported ? ErrorCode::MODEL_UNSUPPORTED : ErrorCode::MODEL_INVALID),
                      Status::error(status.code(), "model %s, the old one stays: %s",
                                    unsupported ? "cannot run here" : "refused", status.message())
                          .message());
  }
  ActiveModel source;
  source.bytes = bytes;
  source.size = upload.size;
  source.uploaded = true;
  std::memcpy(source.name, upload.name, sizeof source.name);
  status = activate_candidate(source);
  if (!status.is_ok()) {
    return send_error(
        seq, static_cast<uint8_t>(ErrorCode::MODEL_UNSUPPORTED),
        Status::error(StatusCode::kUnsupported, "model cannot run here, the old one stays: %s", status.message())
            .message());
  }
  upload_.received = upload.received;
  send_load_reply(seq, true);
}

Status LinkServer::plan(const Model& model) {
  Status status = interpreter_.init(model, config_.kernels, config_.arena, config_.arena_bytes);
  if (status.is_ok() && (interpreter_.input_count() < 1 || interpreter_.output_count() < 1)) {
    status = Status::error(StatusCode::kUnsupported, "the model needs an input and an output");
  }
  return status;
}

Status LinkServer::activate_candidate(const ActiveModel& source) {
  // Planning reuses the one arena: on failure the active model is planned
  // again (its bytes and Model are untouched), so it keeps answering.
  const Status status = plan(models_[1 - active_index_]);
  if (!status.is_ok()) {
    if (ready_) {
      const Status again = plan(models_[active_index_]);
      if (!again.is_ok()) ready_ = false, model_status_ = again;
    }
    return status;
  }
  active_index_ = 1 - active_index_;
  active_ = source;
  sha256(active_.bytes, active_.size, active_.sha256);
  ready_ = true;
  model_status_ = Status::ok();
  return status;
}

// ---- frames out ---------------------------------------------------------------------

void LinkServer::send_frame(FrameType type, uint16_t seq, const uint8_t* payload, std::size_t size) {
  if (size > kMaxPayloadBytes) {
    return send_error(seq, static_cast<uint8_t>(ErrorCode::OUTPUT_TOO_LARGE),
                      Status::error(StatusCode::kUnsupported, "reply of %u bytes exceeds the %u-byte payload limit",
                                    static_cast<unsigned>(size), static_cast<unsigned>(kMaxPayloadBytes))
                          .message());
  }
  const std::size_t length = encode_frame(type, seq, payload, size, tx_, sizeof tx_);
  if (length > 0) write(tx_, length);
}

void LinkServer::send_error(uint16_t seq, uint8_t code, const char* message) {
  BufferAllocator allocator(builder_memory_);
  flatbuffers::FlatBufferBuilder fbb(kBuilderBytes, &allocator);
  const auto text = fbb.CreateString(message);
  fbb.Finish(CreateError(fbb, static_cast<ErrorCode>(code), text));
  const std::size_t length =
      encode_frame(FrameType::kError, seq, fbb.GetBufferPointer(), fbb.GetSize(), tx_, sizeof tx_);
  if (length > 0) write(tx_, length);
}

}  // namespace tinyinfer::link
