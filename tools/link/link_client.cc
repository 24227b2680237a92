#include "link_client.h"

#include <algorithm>
#include <chrono>

#include "flatbuffers/flatbuffers.h"
#include "link/crc32.h"
#include "link/frame.h"
#include "link/link_protocol_generated.h"
#include "link/study_protocol_generated.h"

namespace tinyinfer::link_client {

using namespace tinyinfer::link;  // frames and the wire schema

namespace {

using Clock = std::chrono::steady_clock;

int ms_until(Clock::time_point deadline) {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
  return left < 0 ? 0 : static_cast<int>(std::min<long long>(left, 1000));
}

Clock::time_point after(double seconds) {
  return Clock::now() + std::chrono::milliseconds(static_cast<long long>(seconds * 1000.0));
}

template <typename T>
const T* verified_root(const std::vector<uint8_t>& payload, const char* what, std::string* error) {
  flatbuffers::Verifier verifier(payload.data(), payload.size());
  if (payload.empty() || !verifier.VerifyBuffer<T>(nullptr)) {
    *error = std::string("the board's ") + what + " (" + std::to_string(payload.size()) +
             " bytes) fails the flatbuffers verifier";
    return nullptr;
  }
  return flatbuffers::GetRoot<T>(payload.data());
}

std::string text(const flatbuffers::String* s) { return s != nullptr ? s->str() : ""; }

link_client::TensorDetails tensor_details(const link::TensorDetails* t) {
  link_client::TensorDetails out;
  out.name = text(t->name());
  out.dtype = text(t->dtype());
  if (t->shape() != nullptr) out.shape.assign(t->shape()->begin(), t->shape()->end());
  out.scale = t->scale();
  out.zero_point = t->zero_point();
  out.bytes = t->bytes();
  return out;
}

std::vector<uint8_t> finished(flatbuffers::FlatBufferBuilder& fbb) {
  return std::vector<uint8_t>(fbb.GetBufferPointer(), fbb.GetBufferPointer() + fbb.GetSize());
}

}  // namespace

std::string hex_bytes(const uint8_t* data, std::size_t size) {
  static const char kDigits[] = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < size; ++i) out += kDigits[data[i] >> 4], out += kDigits[data[i] & 15];
  return out;
}

LinkClient::LinkClient(std::unique_ptr<Transport> transport, const ClientOptions& options)
    : transport_(std::move(transport)), options_(options) {}

std::unique_ptr<LinkClient> LinkClient::open(const std::string& spec, const ClientOptions& options,
                                             std::string* error) {
  std::unique_ptr<Transport> transport = open_transport(spec, options, error);
  if (!transport) return nullptr;
  return std::make_unique<LinkClient>(std::move(transport), options);
}

bool LinkClient::send_raw(const std::vector<uint8_t>& bytes, std::string* error) {
  return transport_->write(bytes.data(), bytes.size(), error);
}

bool LinkClient::transact(uint8_t type, const std::vector<uint8_t>& payload, uint8_t* reply_type,
                          std::vector<uint8_t>* reply_payload, std::string* error) {
  const uint16_t seq = seq_++;
  std::vector<uint8_t> wire(kMaxWireFrameBytes + 1);
  // A leading delimiter ends whatever noise the line carried before.
  wire[0] = 0x00;
  const std::size_t n =
      encode_frame(static_cast<FrameType>(type), seq, payload.data(), payload.size(), wire.data() + 1, wire.size() - 1);
  if (n == 0) {
    *error = "request of " + std::to_string(payload.size()) + " bytes exceeds the " + std::to_string(kMaxPayloadBytes) +
             "-byte frame payload";
    return false;
  }
  wire.resize(n + 1);
  pending_.clear();
  if (!transport_->write(wire.data(), wire.size(), error)) return false;

  // Frames with another seq (a late reply to an earlier request) and line
  // noise are skipped; the reply is the frame that echoes our seq.
  static thread_local FrameDecoder decoder;
  decoder.reset();
  const Clock::time_point deadline = after(options_.reply_timeout_s);
  std::size_t used = 0;
  for (;;) {
    for (; used < pending_.size(); ++used) {
      if (decoder.feed(pending_[used]) != FrameEvent::kFrame || decoder.seq() != seq) continue;
      *reply_type = static_cast<uint8_t>(decoder.frame_type());
      reply_payload->assign(decoder.payload(), decoder.payload() + decoder.payload_size());
      pending_.erase(pending_.begin(), pending_.begin() + static_cast<long>(used) + 1);
      return true;
    }
    if (Clock::now() >= deadline) {
      *error = "no reply from " + transport_->describe() + " within " + std::to_string(options_.reply_timeout_s) +
               " s (frame type 0x" + hex_bytes(&type, 1) + ", seq " + std::to_string(seq) + ", " +
               std::to_string(pending_.size()) + " bytes received)";
      return false;
    }
    if (!transport_->read(&pending_, ms_until(deadline), error)) return false;
  }
}

bool LinkClient::expect(uint8_t type, const std::vector<uint8_t>& payload, uint8_t want, std::vector<uint8_t>* reply,
                        std::string* error) {
  uint8_t got = 0;
  if (!transact(type, payload, &got, reply, error)) return false;
  if (got == static_cast<uint8_t>(FrameType::kError)) {
    const Error* e = verified_root<Error>(*reply, "error reply", error);
    if (e == nullptr) return false;
    *error = std::string("board error ") + EnumNameErrorCode(e->code()) + ": " + text(e->message());
    return false;
  }
  if (got != want) {
    *error = "the board answered frame type 0x" + hex_bytes(&got, 1) + ", expected 0x" + hex_bytes(&want, 1);
    return false;
  }
  return true;
}

bool LinkClient::info(BoardInfo* info, std::string* error) {
  flatbuffers::FlatBufferBuilder fbb;
  InfoRequestBuilder request(fbb);
  fbb.Finish(request.Finish());
  std::vector<uint8_t> payload;
  if (!expect(static_cast<uint8_t>(FrameType::kInfoRequest), finished(fbb), static_cast<uint8_t>(FrameType::kInfoReply),
              &payload, error)) {
    return false;
  }
  const InfoReply* r = verified_root<InfoReply>(payload, "info reply", error);
  if (r == nullptr) return false;
  *info = BoardInfo();
  info->firmware_version = text(r->firmware_version());
  info->board = text(r->board());
  info->counter_unit = text(r->counter_unit());
  info->kernel_set = text(r->kernel_set());
  info->model_name = text(r->model_name());
  if (r->model_sha256() != nullptr)
    info->model_sha256 = hex_bytes(r->model_sha256()->data(), r->model_sha256()->size());
  info->clock_hz = r->clock_hz();
  info->counter_hz = r->counter_hz();
  info->model_bytes = r->model_bytes();
  info->model_uploaded = r->model_uploaded();
  if (r->inputs() != nullptr)
    for (const auto* t : *r->inputs()) info->inputs.push_back(tensor_details(t));
  if (r->outputs() != nullptr)
    for (const auto* t : *r->outputs()) info->outputs.push_back(tensor_details(t));
  info->arena_used = r->arena_used();
  info->arena_size = r->arena_size();
  info->slot_bytes = r->slot_bytes();
  if (r->ops() != nullptr)
    for (const auto* op : *r->ops()) info->ops.push_back({text(op->name()), text(op->kernel())});
  if (const auto* c = r->counters()) {
    info->counters = {c->frames(),    c->cobs_invalid(),   c->too_short(),    c->bad_crc(),
                      c->oversized(), c->study_requests(), c->study_dropped()};
  }
  info->max_payload = r->max_payload();
  info->max_chunk = r->max_chunk();
  return true;
}

bool LinkClient::infer(const std::vector<uint8_t>& input, InferReply* reply, std::string* error) {
  flatbuffers::FlatBufferBuilder fbb;
  fbb.Finish(CreateInferRequest(fbb, fbb.CreateVector(input)));
  std::vector<uint8_t> payload;
  if (!expect(static_cast<uint8_t>(FrameType::kInferRequest), finished(fbb),
              static_cast<uint8_t>(FrameType::kInferResult), &payload, error)) {
    return false;
  }
  const InferResult* r = verified_root<InferResult>(payload, "inference result", error);
  if (r == nullptr) return false;
  *reply = InferReply();
  if (r->output() != nullptr) reply->output.assign(r->output()->begin(), r->output()->end());
  reply->argmax = r->argmax();
  reply->unit = text(r->unit());
  reply->total = r->total();
  reply->microseconds = r->microseconds();
  if (r->layer_codes() != nullptr) reply->layer_codes.assign(r->layer_codes()->begin(), r->layer_codes()->end());
  if (r->layer_counts() != nullptr) reply->layer_counts.assign(r->layer_counts()->begin(), r->layer_counts()->end());
  return true;
}

bool LinkClient::load(const std::vector<uint8_t>& model, const std::string& name, std::string* error,
                      const std::function<void(std::size_t, std::size_t)>& progress) {
  std::vector<uint8_t> payload;
  {
    flatbuffers::FlatBufferBuilder fbb;
    fbb.Finish(CreateLoadBegin(fbb, fbb.CreateString(name), static_cast<uint32_t>(model.size()),
                               crc32(model.data(), model.size())));
    if (!expect(static_cast<uint8_t>(FrameType::kLoadBegin), finished(fbb), static_cast<uint8_t>(FrameType::kLoadReply),
                &payload, error)) {
      return false;
    }
  }
  for (std::size_t at = 0; at < model.size(); at += kMaxChunkBytes) {
    const std::size_t n = std::min(kMaxChunkBytes, model.size() - at);
    flatbuffers::FlatBufferBuilder fbb;
    fbb.Finish(CreateLoadChunk(fbb, static_cast<uint32_t>(at), fbb.CreateVector(model.data() + at, n)));
    if (!expect(static_cast<uint8_t>(FrameType::kLoadChunk), finished(fbb), static_cast<uint8_t>(FrameType::kLoadReply),
                &payload, error)) {
      *error = "chunk at offset " + std::to_string(at) + ": " + *error;
      return false;
    }
    if (progress) progress(at + n, model.size());
  }
  flatbuffers::FlatBufferBuilder fbb;
  LoadCommitBuilder commit(fbb);
  fbb.Finish(commit.Finish());
  if (!expect(static_cast<uint8_t>(FrameType::kLoadCommit), finished(fbb), static_cast<uint8_t>(FrameType::kLoadReply),
              &payload, error)) {
    return false;
  }
  const LoadReply* r = verified_root<LoadReply>(payload, "load reply", error);
  if (r == nullptr) return false;
  if (!r->committed()) return *error = "the board did not commit the model", false;
  return true;
}

// ---- the study's protocol ------------------------------------------------------------

bool LinkClient::study_exchange(const std::vector<uint8_t>& request, int command, std::size_t limit, double timeout_s,
                                std::vector<uint8_t>* reply, std::string* error) {
  // Drain what an earlier exchange left, then send the request in one write.
  pending_.clear();
  if (!transport_->read(&pending_, 0, error)) return false;
  pending_.clear();
  if (!transport_->write(request.data(), request.size(), error)) return false;
  // The reply is unframed: complete once it verifies as the Commands
  // answering `command`. The study's own client reads up to `limit` bytes.
  const Clock::time_point deadline = after(timeout_s);
  std::vector<uint8_t> bytes;
  for (;;) {
    if (!bytes.empty()) {
      std::vector<uint8_t> aligned(bytes);
      flatbuffers::Verifier verifier(aligned.data(), aligned.size());
      if (verifier.VerifyBuffer<MnistProt::Commands>(nullptr) &&
          static_cast<int>(flatbuffers::GetRoot<MnistProt::Commands>(aligned.data())->cmd()) == command) {
        *reply = aligned;
        return true;
      }
    }
    if (bytes.size() > limit) {
      *error = "study reply longer than " + std::to_string(limit) + " bytes without verifying";
      return false;
    }
    if (Clock::now() >= deadline) {
      *error = "no complete study reply from " + transport_->describe() + " within " + std::to_string(timeout_s) +
               " s (" + std::to_string(bytes.size()) + " bytes received)";
      return false;
    }
    if (!transport_->read(&bytes, std::min(ms_until(deadline), 50), error)) return false;
  }
}

bool LinkClient::study_stats(StudyStats* stats, std::string* error) {
  flatbuffers::FlatBufferBuilder fbb;
  fbb.Finish(MnistProt::CreateCommands(fbb, MnistProt::Command::CMD_GET_STATS));
  std::vector<uint8_t> reply;
  // The study's client: at most 100 bytes, 0.3 s (we allow the reply timeout:
  // QEMU may answer later than a board).
  if (!study_exchange(finished(fbb), static_cast<int>(MnistProt::Command::CMD_GET_STATS), 100, options_.reply_timeout_s,
                      &reply, error)) {
    return false;
  }
  const auto* s = flatbuffers::GetRoot<MnistProt::Commands>(reply.data())->stats();
  if (s == nullptr) return *error = "study stats reply without stats", false;
  *stats = StudyStats{s->version(), s->freq(), s->mode() == MnistProt::Mode::ACCELERATION_CMSIS_NN, reply.size()};
  return true;
}

bool LinkClient::study_infer(const std::vector<float>& digit, StudyInference* result, std::string* error) {
  if (digit.size() != 784)
    return *error = "the study's digit is 784 floats, got " + std::to_string(digit.size()), false;
  flatbuffers::FlatBufferBuilder fbb;
  const auto input = MnistProt::CreateInferenceInput(fbb, fbb.CreateVector(digit));
  fbb.Finish(MnistProt::CreateCommands(fbb, MnistProt::Command::CMD_INFERENCE_INPUT, 0, input));
  std::vector<uint8_t> reply;
  if (!study_exchange(finished(fbb), static_cast<int>(MnistProt::Command::CMD_INFERENCE_OUTPUT), 92,
                      options_.reply_timeout_s, &reply, error)) {
    return false;
  }
  const auto* out = flatbuffers::GetRoot<MnistProt::Commands>(reply.data())->ouput();
  if (out == nullptr || out->output_f() == nullptr) return *error = "study inference reply without outputs", false;
  result->outputs.assign(out->output_f()->begin(), out->output_f()->end());
  result->output_n = out->output_n();
  result->timer_ms = out->timer_ms();
  result->reply_bytes = reply.size();
  return true;
}

}  // namespace tinyinfer::link_client
