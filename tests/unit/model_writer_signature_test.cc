// Model.signature_defs (TFLite's SignatureDef / TensorMap) through the whole
// rewrite path: the loader refuses signature indices out of range, the writer
// and the round-trip check carry them (refusing only fields past TFLite's
// SignatureDef / TensorMap; the deprecated tag is dropped on purpose), and the
// quantizer keeps every entry on the model input/output it named, in hybrid
// and int8 with either I/O, refusing signatures over other tensors.
#include <cstring>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "convert/model_writer.h"
#include "convert/quantizer.h"
#include "format/tflite_schema_generated.h"
#include "support/model_builder.h"
#include "tinyinfer/model.h"

namespace tinyinfer {
namespace {

namespace fb = ::tinyinfer::tflite;
using testing::AlignedBytes;
using testing::ModelBuilder;

// small_float_model: tensor 0 input [1,4], 3 the FC output, 4 the model output.
constexpr uint32_t kInput = 0, kHidden = 3, kOutput = 4;

std::unique_ptr<fb::TensorMapT> tensor_map(const char* name, uint32_t index) {
  auto entry = std::make_unique<fb::TensorMapT>();
  entry->name = name;
  entry->tensor_index = index;
  return entry;
}

ModelBuilder with_signature(uint32_t input_index, uint32_t output_index, uint32_t subgraph_index = 0) {
  ModelBuilder b = testing::small_float_model();
  auto def = std::make_unique<fb::SignatureDefT>();
  def->signature_key = "serving_default";
  def->subgraph_index = subgraph_index;
  def->inputs.push_back(tensor_map("features", input_index));
  def->outputs.push_back(tensor_map("scores", output_index));
  b.model().signature_defs.push_back(std::move(def));
  return b;
}

std::string message_of(const Status& s) { return s.is_ok() ? "ok" : s.message(); }

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// Like Model::Pack, but the one signature is written by hand with optional
// extras a newer (or older) converter might add: a byte field `sig_field` in
// SignatureDef, `map_field` in its input TensorMap, and the deprecated tag.
AlignedBytes pack_signature_with(const fb::ModelT& m, int sig_field, int map_field, bool deprecated_tag) {
  auto vt = [](int id) { return static_cast<flatbuffers::voffset_t>(4 + 2 * id); };
  flatbuffers::FlatBufferBuilder fbb;
  std::vector<flatbuffers::Offset<fb::Buffer>> buffers;
  for (const auto& b : m.buffers) buffers.push_back(fb::CreateBuffer(fbb, b.get()));
  std::vector<flatbuffers::Offset<fb::OperatorCode>> codes;
  for (const auto& c : m.operator_codes) codes.push_back(fb::CreateOperatorCode(fbb, c.get()));
  const auto graph = fb::CreateSubGraph(fbb, m.subgraphs[0].get());

  const fb::SignatureDefT& def = *m.signature_defs[0];
  auto make_map = [&](const fb::TensorMapT& t, bool extra) {
    const auto name = fbb.CreateString(t.name);
    fb::TensorMapBuilder tb(fbb);
    tb.add_name(name);
    tb.add_tensor_index(t.tensor_index);
    if (extra) fbb.AddElement<uint8_t>(vt(map_field), 1, 0);
    return tb.Finish();
  };
  const auto inputs =
      fbb.CreateVector(std::vector<flatbuffers::Offset<fb::TensorMap>>{make_map(*def.inputs[0], map_field >= 0)});
  const auto outputs =
      fbb.CreateVector(std::vector<flatbuffers::Offset<fb::TensorMap>>{make_map(*def.outputs[0], false)});
  const auto key = fbb.CreateString(def.signature_key);
  const auto tag = fbb.CreateString("serve");
  fb::SignatureDefBuilder sb(fbb);
  sb.add_inputs(inputs);
  sb.add_outputs(outputs);
  sb.add_signature_key(key);
  if (deprecated_tag) fbb.AddOffset(vt(3), tag);
  sb.add_subgraph_index(def.subgraph_index);
  if (sig_field >= 0) fbb.AddElement<uint8_t>(vt(sig_field), 1, 0);
  const auto signature = sb.Finish();

  const auto graphs = fbb.CreateVector(std::vector<flatbuffers::Offset<fb::SubGraph>>{graph});
  const auto code_vector = fbb.CreateVector(codes);
  const auto buffer_vector = fbb.CreateVector(buffers);
  const auto signatures = fbb.CreateVector(std::vector<flatbuffers::Offset<fb::SignatureDef>>{signature});
  fb::ModelBuilder mb(fbb);
  mb.add_version(3);
  mb.add_operator_codes(code_vector);
  mb.add_subgraphs(graphs);
  mb.add_buffers(buffer_vector);
  mb.add_signature_defs(signatures);
  fbb.Finish(mb.Finish(), fb::ModelIdentifier());
  AlignedBytes bytes(fbb.GetSize());
  std::memcpy(bytes.data(), fbb.GetBufferPointer(), fbb.GetSize());
  return bytes;
}

Status quantize(const AlignedBytes& bytes, quant::QuantizeMode mode, bool int8_io, format::ModelBytes* out,
                quant::QuantizeSummary* summary) {
  quant::QuantizeOptions options;
  options.mode = mode;
  options.int8_io = int8_io;
  std::vector<quant::CalibrationSample> calibration;
  for (int i = 0; i < 8; ++i)
    calibration.push_back({{0.1f * static_cast<float>(i), 1.0f - 0.1f * static_cast<float>(i), 0.5f, -0.25f}});
  return quant::quantize_model(bytes.data(), bytes.size(), options, calibration, out, summary);
}

TEST(ModelLoaderSignatureTest, RefusesSignatureIndicesOutOfRange) {
  Model model;
  // In range: loads, and the loaded root still carries the signature.
  const AlignedBytes good = with_signature(kInput, kOutput).finish();
  ASSERT_TRUE(Model::load(good.data(), good.size(), &model).is_ok());
  ASSERT_NE(fb::GetModel(good.data())->signature_defs(), nullptr);

  struct Case {
    uint32_t input, output, subgraph;
    const char* message;
  } cases[] = {
      {99, kOutput, 0, "signature 0 'serving_default': input 0 'features' refers to tensor 99 (5 tensors)"},
      {kInput, 5, 0, "signature 0 'serving_default': output 0 'scores' refers to tensor 5 (5 tensors)"},
      {kInput, 0xFFFFFFFFu, 0, "refers to tensor 4294967295"},
      {kInput, kOutput, 1, "signature 0 'serving_default': subgraph_index 1 out of range (1 subgraphs)"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.message);
    ModelBuilder b = with_signature(c.input, c.output, c.subgraph);
    const AlignedBytes bytes = b.finish();
    const Status s = Model::load(bytes.data(), bytes.size(), &model);
    EXPECT_EQ(s.code(), StatusCode::kInvalidModel) << message_of(s);
    EXPECT_TRUE(contains(message_of(s), c.message)) << message_of(s);
    EXPECT_FALSE(model.is_loaded());
    // Neither the writer's check nor the quantizer gets past it.
    format::ModelBytes out;
    EXPECT_EQ(format::write_and_verify_model(&b.model(), &out).code(), StatusCode::kInvalidModel);
    quant::QuantizeSummary summary;
    EXPECT_FALSE(quantize(bytes, quant::QuantizeMode::kHybrid, false, &out, &summary).is_ok());
  }
}

TEST(ModelWriterSignatureTest, WriterCarriesSignatureDefs) {
  ModelBuilder b = with_signature(kInput, kOutput);
  const AlignedBytes bytes = b.finish();
  EXPECT_TRUE(format::check_round_trip_preserves(bytes.data(), bytes.size()).is_ok());
  fb::ModelT unpacked;
  fb::GetModel(bytes.data())->UnPackTo(&unpacked);
  format::ModelBytes out;
  const Status s = format::write_and_verify_model(&unpacked, &out);
  ASSERT_TRUE(s.is_ok()) << message_of(s);
  const fb::Model* written = fb::GetModel(out.data());
  ASSERT_NE(written->signature_defs(), nullptr);
  ASSERT_EQ(written->signature_defs()->size(), 1u);
  const fb::SignatureDef* def = written->signature_defs()->Get(0);
  EXPECT_EQ(def->signature_key()->str(), "serving_default");
  EXPECT_EQ(def->subgraph_index(), 0u);
  ASSERT_EQ(def->inputs()->size(), 1u);
  EXPECT_EQ(def->inputs()->Get(0)->name()->str(), "features");
  EXPECT_EQ(def->inputs()->Get(0)->tensor_index(), kInput);
  ASSERT_EQ(def->outputs()->size(), 1u);
  EXPECT_EQ(def->outputs()->Get(0)->name()->str(), "scores");
  EXPECT_EQ(def->outputs()->Get(0)->tensor_index(), kOutput);
}

TEST(ModelWriterSignatureTest, RefusesOnlySignatureFieldsPastTflites) {
  const fb::ModelT m = [] {
    fb::ModelT unpacked;
    const AlignedBytes bytes = with_signature(kInput, kOutput).finish();
    fb::GetModel(bytes.data())->UnPackTo(&unpacked);
    return unpacked;
  }();
  // The hand-packed twin of the object API's file is accepted as is.
  const AlignedBytes plain = pack_signature_with(m, -1, -1, false);
  EXPECT_TRUE(format::check_round_trip_preserves(plain.data(), plain.size()).is_ok());

  struct Case {
    int sig_field, map_field;
    const char* message;
  } cases[] = {
      {5, -1, "signature 0 'serving_default': SignatureDef field 5 is outside tinyinfer's schema subset"},
      {-1, 2, "signature 0 'serving_default': TensorMap field 2 is outside tinyinfer's schema subset"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.message);
    const AlignedBytes bytes = pack_signature_with(m, c.sig_field, c.map_field, false);
    Model model;
    ASSERT_TRUE(Model::load(bytes.data(), bytes.size(), &model).is_ok());
    const Status s = format::check_round_trip_preserves(bytes.data(), bytes.size());
    EXPECT_EQ(s.code(), StatusCode::kUnsupported);
    EXPECT_TRUE(contains(message_of(s), c.message)) << message_of(s);
    format::ModelBytes out;
    quant::QuantizeSummary summary;
    EXPECT_EQ(quantize(bytes, quant::QuantizeMode::kHybrid, false, &out, &summary).code(), StatusCode::kUnsupported);
  }

  // deprecated_tag (field 3, deprecated in TFLite's schema) is dropped, with a note.
  const AlignedBytes tagged = pack_signature_with(m, -1, -1, true);
  EXPECT_TRUE(format::check_round_trip_preserves(tagged.data(), tagged.size()).is_ok());
  format::ModelBytes out;
  quant::QuantizeSummary summary;
  const Status s = quantize(tagged, quant::QuantizeMode::kHybrid, false, &out, &summary);
  ASSERT_TRUE(s.is_ok()) << message_of(s);
  bool noted = false;
  for (const std::string& note : summary.notes) noted |= contains(note, "deprecated_tag");
  EXPECT_TRUE(noted);
  const auto* def = reinterpret_cast<const flatbuffers::Table*>(fb::GetModel(out.data())->signature_defs()->Get(0));
  EXPECT_EQ(def->GetOptionalFieldOffset(4 + 2 * 3), 0) << "the deprecated tag is not written";
}

TEST(QuantizerSignatureTest, KeepsSignaturesOnTheModelInputAndOutput) {
  const AlignedBytes float_model = with_signature(kInput, kOutput).finish();
  struct Mode {
    quant::QuantizeMode mode;
    bool int8_io;
    fb::TensorType io_type;
    const char* name;
  } modes[] = {
      {quant::QuantizeMode::kHybrid, false, fb::TensorType::FLOAT32, "hybrid"},
      {quant::QuantizeMode::kInt8, false, fb::TensorType::FLOAT32, "int8, float I/O"},
      {quant::QuantizeMode::kInt8, true, fb::TensorType::INT8, "int8, int8 I/O"},
  };
  for (const Mode& mode : modes) {
    SCOPED_TRACE(mode.name);
    format::ModelBytes out;
    quant::QuantizeSummary summary;
    const Status s = quantize(float_model, mode.mode, mode.int8_io, &out, &summary);
    ASSERT_TRUE(s.is_ok()) << message_of(s);
    bool noted = false;
    for (const std::string& note : summary.notes)
      noted |= contains(note, "signature 'serving_default' kept: 1 input(s), 1 output(s)");
    EXPECT_TRUE(noted);

    // Read back with the generated reader: same names, and each entry is
    // the rewritten model's input/output (not a QUANTIZE/DEQUANTIZE side tensor).
    const fb::Model* written = fb::GetModel(out.data());
    const fb::SubGraph* graph = written->subgraphs()->Get(0);
    ASSERT_NE(written->signature_defs(), nullptr);
    ASSERT_EQ(written->signature_defs()->size(), 1u);
    const fb::SignatureDef* def = written->signature_defs()->Get(0);
    EXPECT_EQ(def->signature_key()->str(), "serving_default");
    ASSERT_EQ(def->inputs()->size(), 1u);
    ASSERT_EQ(def->outputs()->size(), 1u);
    EXPECT_EQ(def->inputs()->Get(0)->name()->str(), "features");
    EXPECT_EQ(def->outputs()->Get(0)->name()->str(), "scores");
    const uint32_t in = def->inputs()->Get(0)->tensor_index(), out_index = def->outputs()->Get(0)->tensor_index();
    EXPECT_EQ(static_cast<int32_t>(in), graph->inputs()->Get(0));
    EXPECT_EQ(static_cast<int32_t>(out_index), graph->outputs()->Get(0));
    EXPECT_EQ(graph->tensors()->Get(in)->type(), mode.io_type);
    EXPECT_EQ(graph->tensors()->Get(out_index)->type(), mode.io_type);
    if (mode.mode == quant::QuantizeMode::kInt8 && !mode.int8_io) {
      EXPECT_GT(graph->tensors()->size(), 5u) << "QUANTIZE/DEQUANTIZE added int8 side tensors";
    }
  }
}

TEST(QuantizerSignatureTest, RefusesSignaturesOverOtherTensors) {
  // A signature naming an intermediate tensor as output, or the output as an
  // input: no quantized tensor can stand for it faithfully.
  struct Case {
    uint32_t input, output;
    const char* message;
  } cases[] = {
      {kInput, kHidden, "output 'scores' names tensor 3, not a model output"},
      {kOutput, kOutput, "input 'features' names tensor 4, not a model input"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.message);
    const AlignedBytes bytes = with_signature(c.input, c.output).finish();
    Model model;
    ASSERT_TRUE(Model::load(bytes.data(), bytes.size(), &model).is_ok()) << "in range: the loader takes it";
    for (bool int8 : {false, true}) {
      format::ModelBytes out;
      quant::QuantizeSummary summary;
      const Status s =
          quantize(bytes, int8 ? quant::QuantizeMode::kInt8 : quant::QuantizeMode::kHybrid, false, &out, &summary);
      EXPECT_EQ(s.code(), StatusCode::kUnsupported) << message_of(s);
      EXPECT_TRUE(contains(message_of(s), c.message)) << message_of(s);
    }
  }
}

}  // namespace
}  // namespace tinyinfer
