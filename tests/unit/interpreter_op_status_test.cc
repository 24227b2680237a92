// InterpreterOptions::op_status: init goes on after a refused op and reports
// every op's outcome (what `tinyinfer info` marks), while a plain init still
// stops at the first refusal.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "support/refused_ops_model.h"
#include "tinyinfer/interpreter.h"
#include "tinyinfer/model.h"

namespace tinyinfer {
namespace {

class OpStatusTest : public ::testing::Test {
 protected:
  void SetUp() override {
    bytes_ = testing::model_with_two_refused_ops().finish();
    ASSERT_TRUE(Model::load(bytes_.data(), bytes_.size(), &model_).is_ok());
    ASSERT_EQ(model_.op_count(), 4);
  }
  Status init(const InterpreterOptions& options) {
    return interpreter_.init(model_, KernelChoice::kReference, arena_.data(), arena_.size(), options);
  }

  testing::AlignedBytes bytes_;
  Model model_;
  Interpreter interpreter_;
  std::vector<uint8_t> arena_ = std::vector<uint8_t>(65536);
};

TEST_F(OpStatusTest, PlainInitStopsAtTheFirstRefusal) {
  const Status status = init(InterpreterOptions());
  EXPECT_EQ(status.code(), StatusCode::kUnsupported);
  EXPECT_NE(std::string(status.message()).find("op 1 (GATHER): positions of type int16"), std::string::npos)
      << status.message();
}

TEST_F(OpStatusTest, RecordsEveryOpAndStillFailsWithTheFirst) {
  std::vector<Status> statuses(4, Status::error(StatusCode::kInvalidArgument, "stale"));
  InterpreterOptions options;
  options.op_status = statuses.data();
  options.op_status_count = 4;
  const Status status = init(options);
  EXPECT_EQ(status.code(), StatusCode::kUnsupported);
  EXPECT_NE(std::string(status.message()).find("op 1 (GATHER)"), std::string::npos) << status.message();

  EXPECT_TRUE(statuses[0].is_ok()) << statuses[0].message();
  EXPECT_NE(std::string(statuses[1].message()).find("op 1 (GATHER): positions of type int16 not supported"),
            std::string::npos)
      << statuses[1].message();
  EXPECT_EQ(statuses[2].code(), StatusCode::kUnsupported);
  EXPECT_NE(std::string(statuses[2].message()).find("op 2: operator LSH_PROJECTION"), std::string::npos)
      << statuses[2].message();
  EXPECT_TRUE(statuses[3].is_ok()) << statuses[3].message();
  EXPECT_NE(interpreter_.invoke().code(), StatusCode::kOk);  // never ready after a refusal
}

TEST_F(OpStatusTest, TooFewEntriesIsAnError) {
  std::vector<Status> statuses(3);
  InterpreterOptions options;
  options.op_status = statuses.data();
  options.op_status_count = 3;
  const Status status = init(options);
  EXPECT_EQ(status.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(std::string(status.message()).find("op_status has 3 entries for 4 ops"), std::string::npos)
      << status.message();
}

TEST_F(OpStatusTest, ArenaTooSmallStillStopsAtOnce) {
  std::vector<Status> statuses(4);
  InterpreterOptions options;
  options.op_status = statuses.data();
  options.op_status_count = 4;
  arena_.resize(64);
  EXPECT_EQ(init(options).code(), StatusCode::kArenaTooSmall);
}

}  // namespace
}  // namespace tinyinfer
