// The kernel registry: the generated table of the host library holds every
// kernel list the op folders register, names follow the rule that image op
// lists rely on, and kernel selection falls back by rule.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
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
  std::set<std::string> names = registered_list_names();
  ASSERT_GE(names.size(), 20u);
  std::set<std::string> linked;
  const KernelTable& table = linked_kernels();
  for (int32_t l = 0; l < table.count; ++l)
    for (int32_t i = 0; i < table.lists[l]->count; ++i) linked.insert(table.lists[l]->entries[i].name);
  // A host build without Highway links no host SIMD list (src/ops/<op>/host/); with it, every one.
  auto is_host = [](const std::string& name) {
    return name.size() > 5 && name.compare(name.size() - 5, 5, "_host") == 0;
  };
  if (std::none_of(linked.begin(), linked.end(), is_host)) {
    for (auto it = names.begin(); it != names.end();) it = is_host(*it) ? names.erase(it) : std::next(it);
  }
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
      // The name's suffix, the kernel set and the target agree.
      const std::string name = k.name;
      auto ends_with = [&](const std::string& suffix) {
        return name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
      };
      const KernelTarget named_target = ends_with("_cortex_m7") ? KernelTarget::kCortexM7
                                        : ends_with("_host")    ? KernelTarget::kHostSimd
                                                                : KernelTarget::kPortable;
      EXPECT_EQ(k.target, named_target) << k.name;
      EXPECT_EQ(k.target != KernelTarget::kPortable, k.set == KernelChoice::kOptimized) << k.name;
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

// The target order decides, not the table order: on this build a host SIMD
// variant (when Highway was found) wins over the Cortex-M7 one; the Cortex-M7
// order never picks a host variant.
TEST(OpRegistry, OptimizedSetPicksByTargetOrder) {
  const TypeSignature float_add = signature({kF32, kF32}, kF32);
  const OpKernel* host = select_kernel(kAddOp, KernelChoice::kOptimized, float_add);
  const OpKernel* chip = select_kernel(kAddOp, KernelChoice::kOptimized, float_add, cortex_m7_target_order());
  ASSERT_NE(host, nullptr);
  ASSERT_NE(chip, nullptr);
  EXPECT_STREQ(chip->name, "add_float32");  // no Cortex-M7 float ADD: the reference kernel
  EXPECT_EQ(chip->target, KernelTarget::kPortable);
  if (host->target == KernelTarget::kHostSimd) {
    EXPECT_STREQ(host->name, "add_float32_host");
  } else {
    EXPECT_EQ(host, chip) << "without host SIMD kernels (no Highway) the host runs what the chip runs";
  }
  // int8 conv: the Cortex-M7 variant in both orders unless a host variant exists.
  const TypeSignature int8_conv = signature({kI8, kI8, kI32}, kI8);
  EXPECT_EQ(select_kernel(kConv2dOp, KernelChoice::kOptimized, int8_conv, cortex_m7_target_order())->target,
            KernelTarget::kCortexM7);
  EXPECT_STREQ(kernel_target_name(KernelTarget::kHostSimd), "host-simd");
  EXPECT_STREQ(kernel_target_name(KernelTarget::kCortexM7), "cortex-m7");
  EXPECT_STREQ(kernel_target_name(KernelTarget::kPortable), "portable");
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
