// The `tinyinfer bench-m7` job (tools/cli/bench_m7_job.cc): the firmware's
// report parsed into records, and the QEMU command line that loads a job.
#include <algorithm>
#include <cstdio>
#include <string>

#include <gtest/gtest.h>

#include "bench_m7_job.h"

namespace tinyinfer::cli::bench_m7 {
namespace {

// firmware/bench/bench_loaded_model.cc on hello_world_int8, both kernel sets.
constexpr const char kReport[] =
    "bench-m7 1 board qemu-mps2-an500 unit instructions\n"
    "model bytes 2704 ops 3 inputs 1 outputs 1\n"
    "arena reference fuse 1 used 768\n"
    "arena reference fuse 0 used 768 metadata 352 persistent 288 activations 128 of 3670016\n"
    "op reference 0 FULLY_CONNECTED macs 16 count 1360\n"
    "op reference 1 FULLY_CONNECTED macs 256 count 3000\n"
    "op reference 2 FULLY_CONNECTED macs 16 count 360\n"
    "total reference macs 288 count 4720 instructions\n"
    "invoke reference count 4920 instructions\n"
    "stack reference peak 256 bytes (invoke, painted below the caller)\n"
    "checksum reference fnv1a 0x7d0b8707 bytes 1\n"
    "output reference 0 int8 1 -8\n"
    "arena optimized fuse 1 used 848\n"
    "arena optimized fuse 0 used 848 metadata 352 persistent 288 activations 208 of 3670016\n"
    "op optimized 0 FULLY_CONNECTED macs 16 count 1040\n"
    "op optimized 1 FULLY_CONNECTED macs 256 count 1360 fused\n"
    "op optimized 2 FULLY_CONNECTED macs 16 count 400\n"
    "total optimized macs 288 count 2800 instructions\n"
    "invoke optimized count 3080 instructions\n"
    "stack optimized peak 840 bytes (invoke, painted below the caller)\n"
    "checksum optimized fnv1a 0x7d0b8707 bytes 1\n"
    "output optimized 0 int8 1 -8\n"
    "compare 0 int8 differing_bytes 0 match\n"
    "end status 0\n";

TEST(BenchM7Report, BothKernelSets) {
  Report r;
  parse_report(kReport, &r);
  EXPECT_EQ(r.board, "qemu-mps2-an500");
  EXPECT_EQ(r.unit, "instructions");
  EXPECT_EQ(r.model_bytes, 2704);
  EXPECT_EQ(r.op_count, 3);
  EXPECT_EQ(r.status, 0);
  EXPECT_TRUE(r.errors.empty());
  EXPECT_TRUE(r.compared);
  EXPECT_TRUE(r.outputs_match);
  ASSERT_EQ(r.compares.size(), 1u);
  EXPECT_EQ(r.compares[0], "0 int8 differing_bytes 0 match");
  const SetReport& ref = r.sets[0];
  const SetReport& opt = r.sets[1];
  ASSERT_TRUE(ref.ran && opt.ran);
  ASSERT_EQ(ref.ops.size(), 3u);
  EXPECT_EQ(ref.ops[1].name, "FULLY_CONNECTED");
  EXPECT_EQ(ref.ops[1].macs, 256);
  EXPECT_EQ(ref.ops[1].count, 3000u);
  EXPECT_FALSE(ref.ops[1].fused);
  EXPECT_TRUE(opt.ops[1].fused);
  EXPECT_EQ(ref.total, 4720u);
  EXPECT_EQ(ref.whole_invoke, 4920u);
  EXPECT_EQ(ref.macs, 288);
  EXPECT_EQ(ref.arena, 768);
  EXPECT_EQ(ref.arena_fused, 768);
  EXPECT_EQ(ref.arena_unfused, 768);
  EXPECT_EQ(opt.activations, 208);
  EXPECT_EQ(opt.metadata, 352);
  EXPECT_EQ(opt.persistent, 288);
  EXPECT_EQ(opt.stack_peak, 840);
  EXPECT_EQ(opt.checksum, "0x7d0b8707");
  ASSERT_EQ(opt.outputs.size(), 1u);
  EXPECT_EQ(opt.outputs[0], "int8 1 -8");
}

TEST(BenchM7Report, ErrorsAndDifferences) {
  Report r;
  parse_report(
      "bench-m7 1 board qemu-mps2-an500 unit instructions\n"
      "error: model: invalid model: not a .tflite file\n"
      "*** FAULT: HardFault\n"
      "compare 0 float32 max_abs_diff 0.5 DIFFER\n"
      "end status 2\n",
      &r);
  EXPECT_EQ(r.status, 2);
  ASSERT_EQ(r.errors.size(), 2u);
  EXPECT_EQ(r.errors[0], "error: model: invalid model: not a .tflite file");
  EXPECT_TRUE(r.compared);
  EXPECT_FALSE(r.outputs_match);
  EXPECT_FALSE(r.sets[0].ran || r.sets[1].ran);
  Report empty;
  parse_report("", &empty);
  EXPECT_EQ(empty.status, -1);  // no report at all
}

TEST(BenchM7Job, QemuLoadsJobModelAndInput) {
  const std::string model = testing::TempDir() + "bench m7,model.tflite";
  const std::string input = testing::TempDir() + "bench_m7_input.bin";
  for (const std::string& path : {model, input}) {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    ASSERT_NE(f, nullptr) << path;
    std::fputs("0123456789", f);
    std::fclose(f);
  }
  Job job;
  job.model = model;
  job.input = input;
  job.firmware = "bench.elf";
  job.reference = true;
  job.fuse = true;
  std::string error;
  ASSERT_TRUE(check_job_files(job, &error)) << error;
  const m7::QemuOptions options = job_qemu_options(job);
  const std::vector<std::string>& a = options.extra_args;
  auto has = [&a](const std::string& s) { return std::find(a.begin(), a.end(), s) != a.end(); };
  EXPECT_TRUE(has("loader,addr=0x60000000,data=0x4d424954,data-len=4"));  // magic
  EXPECT_TRUE(has("loader,addr=0x60000004,data=0x0000000a,data-len=4"));  // model bytes
  EXPECT_TRUE(has("loader,addr=0x60000008,data=0x00000007,data-len=4"));  // ref|opt|fuse
  EXPECT_TRUE(has("loader,addr=0x6000000c,data=0x0000000a,data-len=4"));  // input bytes
  EXPECT_TRUE(has("loader,file=" + testing::TempDir() + "bench m7,,model.tflite,addr=0x60001000,force-raw=on"));
  EXPECT_TRUE(has("loader,file=" + input + ",addr=0x60c00000,force-raw=on"));
  std::remove(model.c_str());
  std::remove(input.c_str());

  job.model = testing::TempDir() + "no-such-model.tflite";
  EXPECT_FALSE(check_job_files(job, &error));
  EXPECT_EQ(error, job.model + ": No such file or directory");
}

}  // namespace
}  // namespace tinyinfer::cli::bench_m7
