// `tinyinfer info` on a model some of whose ops cannot run: every such op is
// marked with its reason, the model is still described, and the exit code
// says the model cannot run.
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli_fixture.h"
#include "support/refused_ops_model.h"

namespace {

class CliInfoTest : public CliTest {
 protected:
  std::string write_refused_model() {
    const tinyinfer::testing::AlignedBytes bytes = tinyinfer::testing::model_with_two_refused_ops().finish();
    const fs::path p = dir_ / "refused.tflite";
    write_bytes(p, bytes.data(), bytes.size());
    return p.string();
  }
};

TEST_F(CliInfoTest, MarksEveryOpThatCannotRun) {
  const Result r = run({"info", write_refused_model()});
  EXPECT_EQ(r.exit_code, 1) << r.describe();
  EXPECT_NE(r.out.find("#0 RELU"), std::string::npos) << r.describe();
  EXPECT_NE(r.out.find("CANNOT RUN (reference kernels): op 1 (GATHER): positions of type int16 not supported"),
            std::string::npos)
      << r.describe();
  EXPECT_NE(r.out.find("CANNOT RUN (reference kernels): op 2: operator LSH_PROJECTION (builtin code 15) is not "
                       "supported"),
            std::string::npos)
      << r.describe();
  EXPECT_NE(r.out.find("cannot run:   2 of 4 ops with reference kernels"), std::string::npos) << r.describe();
  // Exactly the two refused ops are marked.
  std::size_t marks = 0;
  for (std::size_t at = r.out.find("CANNOT RUN ("); at != std::string::npos; at = r.out.find("CANNOT RUN (", at + 1))
    ++marks;
  EXPECT_EQ(marks, 2u) << r.describe();
  EXPECT_NE(r.err.find("op 1 (GATHER)"), std::string::npos) << r.describe();
}

TEST_F(CliInfoTest, JsonSaysWhichOpsRun) {
  const Result r = run({"info", write_refused_model(), "--json", "--kernels", "optimized"});
  EXPECT_EQ(r.exit_code, 1) << r.describe();
  const nlohmann::json doc = nlohmann::json::parse(r.out);
  ASSERT_EQ(doc["ops"].size(), 4u);
  EXPECT_TRUE(doc["ops"][0]["runs"].get<bool>());
  EXPECT_FALSE(doc["ops"][1]["runs"].get<bool>());
  EXPECT_NE(doc["ops"][1]["refusal"].get<std::string>().find("int16"), std::string::npos);
  EXPECT_FALSE(doc["ops"][2]["runs"].get<bool>());
  EXPECT_TRUE(doc["ops"][3]["runs"].get<bool>());
  EXPECT_EQ(doc["refused_ops"].get<int>(), 2);
}

TEST_F(CliInfoTest, ModelThatRunsHasNoMarks) {
  const Result r = run({"info", (kSource / "models" / "mnist_int8.tflite").string()});
  EXPECT_EQ(r.exit_code, 0) << r.describe();
  EXPECT_EQ(r.out.find("CANNOT RUN"), std::string::npos) << r.describe();
  EXPECT_EQ(r.out.find("cannot run:"), std::string::npos) << r.describe();
}

}  // namespace
