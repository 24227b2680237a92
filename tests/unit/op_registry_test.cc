// The kernel registry: the generated table of the host library holds every
// kernel list the op folders register, names follow the rule that image op
// lists rely on, and kernel selection falls back by rule.
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "ops/add/add.h"
#include "ops/conv_2d/conv_2d.h"
#include "ops/softmax/softmax.h"
#include "runtime/node.h"
#include "runtime/op_kernel.h"

namespace tinyinfer {
namespace {

namespace fs = std::filesystem;

// Every TINYINFER_KERNEL_LIST(<name>, ...) under src/ops, read from the sources.
std::set<std::string> registered_list_names() {
  std::set<std::string> names;
  const std::regex list(R"(\nTINYINFER_KERNEL_LIST\(\s*([a-z0-9_]+),)");
  for (const auto& entry : fs::recursive_directory_iterator(std::string(TINYINFER_SOURCE_DIR) + "/src/ops")) {
    if (entry.path().extension() != ".cc") continue;
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    const std::string content = text.str();
    for (std::sregex_iterator it(content.begin(), content.end(), list), end; it != end; ++it) names.insert((*it)[1]);
  }
  return names;
}

TEST(OpRegistry, HostTableLinksEveryRegisteredList) {
  const std::set<std::string> names = registered_list_names();
  ASSERT_GE(names.size(), 20u);
  std::set<std::string> linked;
  const KernelTable& table = linked_kernels();
  for (int32_t l = 0; l < table.count; ++l)
    for (int32_t i = 0; i < table.lists[l]->count; ++i) linked.insert(table.lists[l]->entries[i].name);
  // Each list's entries carry the list's name: what `tinyinfer ops --for` prints and image op lists select.
  EXPECT_EQ(linked, names);
}

TEST(OpRegistry, KernelNamesStartWithTheirOpFolder) {
  const KernelTable& table = linked_kernels();
  for (int32_t l = 0; l < table.count; ++l) {
    for (int32_t i = 0; i < table.lists[l]->count; ++i) {
      const OpKernel& k = table.lists[l]->entries[i];
      std::string folder = k.op->name;
      for (char& c : folder) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      EXPECT_EQ(std::string(k.name).rfind(folder + "_", 0), 0u) << k.name << " of " << k.op->name;
      const bool variant = std::string(k.name).find("_cortex_m7") != std::string::npos;
      EXPECT_EQ(variant, k.set == KernelChoice::kOptimized) << k.name;
    }
  }
}

TEST(OpRegistry, OptimizedSetFallsBackToTheReferenceByRule) {
  const TypeSignature int8_conv = signature({kI8, kI8, kI32}, kI8);
  const OpKernel* fast = select_kernel(kConv2dOp, KernelChoice::kOptimized, int8_conv);
  const OpKernel* plain = select_kernel(kConv2dOp, KernelChoice::kReference, int8_conv);
  ASSERT_NE(fast, nullptr);
  ASSERT_NE(plain, nullptr);
  EXPECT_STREQ(fast->name, "conv_2d_int8_cortex_m7");
  EXPECT_STREQ(plain->name, "conv_2d_int8");
  // SOFTMAX has no Cortex-M7 variant: both sets run the reference kernel.
  const TypeSignature softmax = signature({kF32}, kF32);
  EXPECT_EQ(select_kernel(kSoftmaxOp, KernelChoice::kOptimized, softmax),
            select_kernel(kSoftmaxOp, KernelChoice::kReference, softmax));
  // An absent optional input matches any kernel type; a wrong type matches none.
  EXPECT_EQ(select_kernel(kConv2dOp, KernelChoice::kReference, signature({kI8, kI8, kAbsent}, kI8)), plain);
  EXPECT_EQ(select_kernel(kAddOp, KernelChoice::kOptimized, signature({kI64, kI64}, kI64)), nullptr);
}

TEST(OpRegistry, SignaturesPrintAsTypes) {
  char text[80];
  signature({kF32, kI8, kF32}, kF32).format(text, sizeof(text));
  EXPECT_STREQ(text, "float32 x int8 x float32 -> float32");
  signature({kAnyType}, kAnyType).format(text, 8);  // truncated, still terminated
  EXPECT_EQ(std::string(text).size(), 7u);
}

}  // namespace
}  // namespace tinyinfer
