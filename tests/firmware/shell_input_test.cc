// The firmware shell's input rules (firmware/app/shell_input.h), on the host.
#include "app/shell_input.h"

#include <cstdint>
#include <random>

#include <gtest/gtest.h>

namespace tinyinfer::app {
namespace {

TEST(ShellInput, KeysActWithoutLineEnding) {
  ShellInput input;
  EXPECT_EQ(input.feed('1'), ShellAction::kModelDetails);
  EXPECT_EQ(input.feed('2'), ShellAction::kRunInference);
  EXPECT_EQ(input.feed('h'), ShellAction::kHelp);
  EXPECT_EQ(input.feed('H'), ShellAction::kHelp);
  EXPECT_EQ(input.feed('?'), ShellAction::kHelp);
}

TEST(ShellInput, LineEndingsAndBlanksAreIgnored) {
  ShellInput input;
  for (uint8_t byte : {'\r', '\n', ' ', '\t'}) EXPECT_EQ(input.feed(byte), ShellAction::kNone);
  EXPECT_EQ(input.feed('2'), ShellAction::kRunInference);
  EXPECT_EQ(input.feed('\r'), ShellAction::kNone);
  EXPECT_EQ(input.feed('\n'), ShellAction::kNone);
  EXPECT_EQ(input.feed('1'), ShellAction::kModelDetails);
}

TEST(ShellInput, UnknownKeyGetsOneReplyAndTheRestOfTheLineIsIgnored) {
  ShellInput input;
  EXPECT_EQ(input.feed('x'), ShellAction::kUnknownKey);
  EXPECT_EQ(input.last_byte(), 'x');
  // Keys on the same line do not act: they are part of the bad line.
  for (uint8_t byte : {'1', '2', 'h', '?', 'y'}) EXPECT_EQ(input.feed(byte), ShellAction::kNone);
  EXPECT_EQ(input.skipped(), 5u);
  EXPECT_EQ(input.feed('\n'), ShellAction::kNone);
  EXPECT_EQ(input.feed('2'), ShellAction::kRunInference);
}

TEST(ShellInput, CarriageReturnAloneEndsABadLine) {
  ShellInput input;
  EXPECT_EQ(input.feed(0xFF), ShellAction::kUnknownKey);
  EXPECT_EQ(input.feed('\r'), ShellAction::kNone);
  EXPECT_EQ(input.feed('1'), ShellAction::kModelDetails);
}

TEST(ShellInput, MegabyteOfGarbageGetsExactlyOneReply) {
  ShellInput input;
  std::mt19937 random(7);
  int replies = 0, actions = 0;
  EXPECT_EQ(input.feed(0x00), ShellAction::kUnknownKey);
  for (int i = 0; i < (1 << 20); ++i) {
    uint8_t byte = static_cast<uint8_t>(random());
    if (byte == '\r' || byte == '\n') byte = 0x7F;
    const ShellAction action = input.feed(byte);
    replies += action == ShellAction::kUnknownKey;
    actions += action != ShellAction::kNone;
  }
  EXPECT_EQ(replies, 0);
  EXPECT_EQ(actions, 0);
  EXPECT_EQ(input.skipped(), 1u << 20);
  EXPECT_EQ(input.feed('\n'), ShellAction::kNone);
  EXPECT_EQ(input.feed('2'), ShellAction::kRunInference);
}

}  // namespace
}  // namespace tinyinfer::app
