// Static checks of the silicon board images (teensy40, stm32f746-disco):
// read each built ELF (elf_image.h) and its Intel HEX (intel_hex.h), check
// the vector table, the Teensy boot header (FCB, IVT, boot data), that every
// section lies in its intended memory region, and that the HEX is well formed
// and carries exactly the image. Nothing here runs the firmware: there is no
// hardware in CI.
//
// The images to check are listed in a manifest (one "board elf" per line)
// written by tests/boards/CMakeLists.txt; the environment variable
// TINYINFER_BOARD_MANIFEST overrides it (tools/build_boards.sh).
#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "elf_image.h"
#include "intel_hex.h"
#include "thumb_branch.h"

#ifndef TINYINFER_BOARD_MANIFEST
#error "TINYINFER_BOARD_MANIFEST must name the manifest file"
#endif

namespace {

using namespace tinyinfer::boards;  // NOLINT(google-build-using-namespace): the checks read these types throughout

// Encodings and targets as arm-none-eabi-as / objdump give them.
TEST(ThumbBranchDecoder, MatchesTheAssembler) {
  struct Case {
    uint32_t address;
    uint16_t hw1, hw2;
    std::optional<uint32_t> target;
    BranchKind kind;
  };
  const Case cases[] = {
      {0x604FFFF4, 0xF080, 0x980F, 0x60D80016, BranchKind::kBranch},    // b.w   (T4, +8.5 MB)
      {0x604FFFF8, 0xF400, 0xF802, 0x60100000, BranchKind::kCall},      // bl    (-4 MB)
      {0x604FFFFC, 0xF000, 0x880A, 0x60580014, BranchKind::kBranch},    // beq.w (T3, forward)
      {0x60500000, 0xF47F, 0xAFF7, 0x604FFFF2, BranchKind::kBranch},    // bne.w (T3, backward)
      {0x60500004, 0xE7F5, 0, 0x604FFFF2, BranchKind::kBranch},         // b.n   (T2)
      {0x60500006, 0xDC04, 0, 0x60500012, BranchKind::kBranch},         // bgt.n (T1)
      {0x60500008, 0xB11B, 0, 0x60500012, BranchKind::kBranch},         // cbz r3
      {0x6050000A, 0xF3BF, 0x8F4F, std::nullopt, BranchKind::kBranch},  // dsb sy
      {0x6050000E, 0xF380, 0x8811, std::nullopt, BranchKind::kBranch},  // msr basepri, r0
      {0x60500012, 0xDF00, 0, std::nullopt, BranchKind::kBranch},       // svc 0
      {0x60500014, 0xDE00, 0, std::nullopt, BranchKind::kBranch},       // udf 0
      {0x60500016, 0x4770, 0, std::nullopt, BranchKind::kBranch},       // bx lr
  };
  for (const Case& c : cases) {
    const auto branch = decode_thumb_branch(c.address, c.hw1, c.hw2);
    ASSERT_EQ(branch.has_value(), c.target.has_value()) << std::hex << c.hw1 << " " << c.hw2;
    if (!branch) continue;
    EXPECT_EQ(branch->target, *c.target) << branch->encoding << " at 0x" << std::hex << c.address;
    EXPECT_EQ(branch->kind, c.kind) << branch->encoding;
  }
}

// ---- the boards' memory maps (from the reference manuals, independent of
// the linker scripts they check) ------------------------------------------
struct Region {
  const char* name;
  uint32_t origin, length;
  bool ram, executable;
};

struct BoardMap {
  std::vector<Region> regions;
  const char* flash = nullptr;
  // Section name -> region it must run from ("" = any region of the board).
  std::map<std::string, std::string> placement;
  // Where the tensor arena must be: the RAM the board's README promises.
  const char* arena = nullptr;
};

BoardMap board_map(const std::string& board) {
  BoardMap map;
  if (board == "teensy40") {
    map.regions = {{"FLASH", 0x60000000, 1984 * 1024, false, true},
                   {"ITCM", 0x00000000, 128 * 1024, true, true},
                   {"DTCM", 0x20000000, 384 * 1024, true, false},
                   {"OCRAM", 0x20200000, 512 * 1024, true, false}};
    map.flash = "FLASH";
    map.placement = {{".boot_header", "FLASH"}, {".text.boot", "FLASH"},  {".text.cold", "FLASH"},
                     {".text", "FLASH"},        {".ARM.exidx", "FLASH"},  {".ARM.extab", "FLASH"},
                     {".init_array", "FLASH"},  {".fini_array", "FLASH"}, {".preinit_array", "FLASH"},
                     {".isr_vector", "FLASH"},  {".itcm", "ITCM"},        {".data", "DTCM"},
                     {".bss", "DTCM"},          {".ocram", "OCRAM"}};
    map.arena = "DTCM";  // both placements: single-cycle data, no cache
  } else if (board == "stm32f746-disco") {
    map.regions = {{"FLASH", 0x08000000, 1024 * 1024, false, true},
                   {"DTCM", 0x20000000, 64 * 1024, true, false},
                   {"SRAM", 0x20010000, 256 * 1024, true, false}};
    map.flash = "FLASH";
    map.placement = {
        {".isr_vector", "FLASH"}, {".text", "FLASH"},       {".ARM.exidx", "FLASH"},     {".ARM.extab", "FLASH"},
        {".init_array", "FLASH"}, {".fini_array", "FLASH"}, {".preinit_array", "FLASH"}, {".data", "DTCM"},
        {".bss", "DTCM"},         {".sram", "SRAM"}};
    map.arena = "SRAM";  // DTCM (64 KB) is too small: SRAM1+2
  }
  return map;
}

const Region* region_of(const BoardMap& map, uint32_t address, uint32_t size) {
  for (const Region& r : map.regions) {
    if (address >= r.origin && static_cast<uint64_t>(address) + size <= static_cast<uint64_t>(r.origin) + r.length)
      return &r;
  }
  return nullptr;
}

// ---- manifest -----------------------------------------------------------------
struct Image {
  std::string board, elf;
};

void PrintTo(const Image& image, std::ostream* os) { *os << image.board << " " << image.elf; }

std::vector<Image> manifest() {
  std::vector<Image> images;
  // tools/build_boards.sh points the same checks at its full matrix.
  const char* override_path = std::getenv("TINYINFER_BOARD_MANIFEST");
  std::ifstream in(override_path != nullptr ? override_path : TINYINFER_BOARD_MANIFEST);
  std::string board, elf;
  while (in >> board >> elf) images.push_back({board, elf});
  return images;
}

std::string hex_path(const std::string& elf) { return elf.substr(0, elf.size() - 4) + ".hex"; }

class BoardImage : public testing::TestWithParam<Image> {
 protected:
  void SetUp() override {
    map_ = board_map(GetParam().board);
    ASSERT_FALSE(map_.regions.empty()) << "unknown board " << GetParam().board;
    std::string error;
    ASSERT_TRUE(elf_.load(GetParam().elf, &error)) << error;
  }
  BoardMap map_;
  Elf elf_;
};

TEST_P(BoardImage, IsAnArmExecutableWithAThumbEntry) {
  EXPECT_EQ(elf_.machine, 40) << "EM_ARM";
  EXPECT_EQ(elf_.entry & 1u, 1u) << "entry must be a Thumb address";
}

TEST_P(BoardImage, VectorTableHasStackInRamAndThumbResetInCode) {
  const auto table = elf_.symbol("__isr_vector");
  ASSERT_TRUE(table) << "no __isr_vector symbol";
  EXPECT_EQ(*table % 128, 0u) << "VTOR alignment";
  const auto sp = elf_.word_at(*table);
  const auto reset = elf_.word_at(*table + 4);
  ASSERT_TRUE(sp && reset) << "vector table has no initialised content";
  // The initial SP is a stack top: the end of a RAM region counts as inside.
  const Region* stack_region = region_of(map_, *sp - 4, 4);
  ASSERT_NE(stack_region, nullptr) << std::hex << "initial SP 0x" << *sp << " outside every region";
  EXPECT_TRUE(stack_region->ram) << "initial SP in " << stack_region->name;
  EXPECT_EQ(*sp % 8, 0u) << "AAPCS stack alignment";
  EXPECT_EQ(*reset & 1u, 1u) << "reset vector must be a Thumb address";
  const uint32_t code = *reset & ~1u;
  const Region* code_region = region_of(map_, code, 2);
  ASSERT_NE(code_region, nullptr);
  EXPECT_TRUE(code_region->executable) << "reset handler in " << code_region->name;
  bool in_exec_section = false;
  for (const Section& s : elf_.sections)
    if ((s.flags & kShfExec) && code >= s.addr && code < s.addr + s.size) in_exec_section = true;
  EXPECT_TRUE(in_exec_section) << "reset handler not inside an executable section";
  EXPECT_EQ(*reset, elf_.symbol("Reset_Handler").value_or(0) | 1u);
  EXPECT_EQ(elf_.entry, *reset);
}

TEST_P(BoardImage, EveryExceptionVectorIsThumbCode) {
  const auto table = elf_.symbol("__isr_vector");
  ASSERT_TRUE(table);
  const Section* holder = nullptr;
  for (const Section& s : elf_.sections)
    if ((s.flags & kShfAlloc) && *table >= s.addr && *table < s.addr + s.size) holder = &s;
  ASSERT_NE(holder, nullptr);
  // The startup files give __isr_vector its size (.size): every entry after
  // the initial SP is checked.
  const uint32_t entries = elf_.symbol_sizes["__isr_vector"] / 4;
  ASSERT_GE(entries, 16u) << "__isr_vector has no size or is too small";
  uint32_t checked = 0;
  for (uint32_t i = 1; i < entries; ++i) {
    const auto vector = elf_.word_at(*table + 4 * i);
    ASSERT_TRUE(vector) << "vector " << i;
    if (*vector == 0) continue;  // reserved entries
    ++checked;
    EXPECT_EQ(*vector & 1u, 1u) << "vector " << i << " not a Thumb address";
    bool in_exec_section = false;
    for (const Section& s : elf_.sections)
      if ((s.flags & kShfExec) && (*vector & ~1u) >= s.addr && (*vector & ~1u) < s.addr + s.size)
        in_exec_section = true;
    EXPECT_TRUE(in_exec_section) << "vector " << i << " = 0x" << std::hex << *vector << " not in code";
  }
  EXPECT_EQ(checked, entries - 1 - 5) << "only the 5 reserved system entries may be 0";
}

TEST_P(BoardImage, EverySectionInItsRegionAndNoOverlap) {
  std::vector<std::pair<uint64_t, uint64_t>> run, load;
  for (const Section& s : elf_.sections) {
    if (!(s.flags & kShfAlloc) || s.size == 0) continue;
    const Region* r = region_of(map_, s.addr, s.size);
    ASSERT_NE(r, nullptr) << s.name << " at 0x" << std::hex << s.addr << " size 0x" << s.size
                          << " is not inside any memory region";
    auto it = map_.placement.find(s.name);
    ASSERT_NE(it, map_.placement.end()) << "unexpected allocated section " << s.name;
    EXPECT_EQ(it->second, r->name) << s.name << " runs from the wrong region";
    run.push_back({s.addr, static_cast<uint64_t>(s.addr) + s.size});
    if (s.type != kShtNobits) {
      const Region* lr = region_of(map_, s.lma, s.size);
      ASSERT_NE(lr, nullptr) << s.name << " load address outside every region";
      EXPECT_STREQ(lr->name, map_.flash) << s.name << " must be loaded from flash";
      load.push_back({s.lma, static_cast<uint64_t>(s.lma) + s.size});
    }
  }
  for (auto* list : {&run, &load}) {
    std::sort(list->begin(), list->end());
    for (size_t i = 1; i < list->size(); ++i)
      EXPECT_LE((*list)[i - 1].second, (*list)[i].first) << "sections overlap at 0x" << std::hex << (*list)[i].first;
  }
}

TEST_P(BoardImage, StackRoomLeftAboveBss) {
  const auto top = elf_.symbol("__stack_top");
  const auto bss_end = elf_.symbol("__bss_end");
  ASSERT_TRUE(top && bss_end);
  EXPECT_GE(*top - *bss_end, 16u * 1024) << "less than 16 KB between .bss and the stack top";
}

TEST_P(BoardImage, ArenaLiesInItsIntendedRam) {
  // The arena variable (app/benchmark.cc g_arena, mangled) or a symbol named
  // tinyinfer_arena; its bytes must be inside the linker's arena range and
  // the board's arena region.
  std::string name;
  for (const auto& [symbol, value] : elf_.symbols)
    if (symbol == "tinyinfer_arena" || symbol.find("g_arena") != std::string::npos) name = symbol;
  ASSERT_FALSE(name.empty()) << "no arena symbol (g_arena / tinyinfer_arena)";
  const uint32_t address = elf_.symbols[name], size = elf_.symbol_sizes[name];
  ASSERT_GT(size, 0u) << name << " has no size";
  const Region* r = region_of(map_, address, size);
  ASSERT_NE(r, nullptr) << name << " at 0x" << std::hex << address << " outside every region";
  ASSERT_NE(map_.arena, nullptr);
  EXPECT_STREQ(r->name, map_.arena) << name << " is in the wrong RAM";
  const auto start = elf_.symbol("__arena_start"), end = elf_.symbol("__arena_end");
  ASSERT_TRUE(start && end) << "the linker script defines no __arena_start/__arena_end";
  EXPECT_LE(*start, address);
  EXPECT_LE(static_cast<uint64_t>(address) + size, *end) << "the arena is not inside [__arena_start, __arena_end)";
  EXPECT_EQ(address % 16, 0u) << "arena alignment";
}

TEST_P(BoardImage, HexParsesAndCarriesExactlyTheLoadImage) {
  Hex hex;
  std::string error;
  ASSERT_TRUE(hex.load(hex_path(GetParam().elf), &error)) << error;
  ASSERT_FALSE(hex.bytes.empty());
  // Every byte lies in flash, and every loaded section's bytes are there.
  for (const auto& [address, value] : hex.bytes) {
    const Region* r = region_of(map_, address, 1);
    ASSERT_TRUE(r != nullptr && std::string(r->name) == map_.flash)
        << "HEX byte at 0x" << std::hex << address << " outside flash";
  }
  size_t expected = 0;
  for (const Section& s : elf_.sections) {
    if (!(s.flags & kShfAlloc) || s.type == kShtNobits || s.size == 0) continue;
    expected += s.size;
    for (uint32_t i = 0; i < s.size; ++i) {
      auto it = hex.bytes.find(s.lma + i);
      ASSERT_TRUE(it != hex.bytes.end()) << s.name << ": HEX lacks 0x" << std::hex << s.lma + i;
      ASSERT_EQ(it->second, elf_.bytes[s.offset + i]) << s.name << ": HEX differs at 0x" << std::hex << s.lma + i;
    }
  }
  EXPECT_EQ(hex.bytes.size(), expected) << "HEX carries bytes that no section loads";
  const uint32_t flash_origin = region_of(map_, 0x08000000, 1) ? 0x08000000u : 0x60000000u;
  EXPECT_TRUE(hex.bytes.count(flash_origin)) << "HEX does not start the flash image";
}

// ---- Teensy 4.0 boot header ---------------------------------------------------
class TeensyBootHeader : public BoardImage {};

// FlexSPI LUT instruction (i.MX RT1060 RM, FlexSPI chapter): opcode[15:10],
// pads[9:8] (0 = 1, 1 = 2, 2 = 4, 3 = 8 pads), operand[7:0]; two per word,
// the first in the low half; a sequence is 4 words and ends at STOP.
struct LutInstruction {
  uint32_t opcode, pads, operand;
  bool operator==(const LutInstruction& o) const {
    return opcode == o.opcode && pads == o.pads && operand == o.operand;
  }
};
std::ostream& operator<<(std::ostream& os, const LutInstruction& i) {
  return os << "{op 0x" << std::hex << i.opcode << ", " << std::dec << i.pads << " pads, 0x" << std::hex << i.operand
            << std::dec << "}";
}
constexpr uint32_t kLutCmdSdr = 0x01, kLutRaddrSdr = 0x02, kLutWriteSdr = 0x08, kLutReadSdr = 0x09, kLutDummySdr = 0x0C;

TEST_P(TeensyBootHeader, FlexSpiConfigurationBlock) {
  // Every FCB field the RT1062 boot ROM reads for a serial NOR boot, at its
  // offset in the FlexSPI NOR configuration block (RM, System Boot chapter),
  // against what the firmware intends for the Teensy 4.0's Winbond W25Q16JV.
  const uint32_t fcb = 0x60000000;
  EXPECT_EQ(elf_.symbol("__teensy_fcb").value_or(0), fcb);
  auto u8 = [&](uint32_t offset) { return static_cast<int>(elf_.byte_at(fcb + offset).value_or(0xEE)); };
  auto u16 = [&](uint32_t offset) { return u8(offset) | (u8(offset + 1) << 8); };
  auto u32 = [&](uint32_t offset) { return elf_.word_at(fcb + offset).value_or(0xEEEEEEEE); };
  EXPECT_EQ(u32(0x000), 0x42464346u) << "tag 'FCFB'";
  EXPECT_EQ(u32(0x004), 0x56010000u) << "version 'V' 1.0.0";
  EXPECT_EQ(u8(0x00C), 1) << "readSampleClkSrc: 1 = loopback from the DQS pad (the Teensy leaves DQS open)";
  EXPECT_EQ(u8(0x00D), 3) << "csHoldTime: 3 serial clocks";
  EXPECT_EQ(u8(0x00E), 3) << "csSetupTime: 3 serial clocks";
  EXPECT_EQ(u8(0x00F), 0) << "columnAddressWidth: 0 for serial NOR";
  EXPECT_EQ(u8(0x010), 0) << "deviceModeCfgEnable: no status-register write at boot (QE is factory-set)";
  EXPECT_EQ(u8(0x011), 0) << "deviceModeType";
  EXPECT_EQ(u16(0x012), 0) << "waitTimeCfgCommands";
  EXPECT_EQ(u8(0x01C), 0) << "configCmdEnable";
  EXPECT_EQ(u32(0x040), 0u) << "controllerMiscOption: SDR, no DDR, no differential clock";
  EXPECT_EQ(u8(0x044), 1) << "deviceType: 1 = serial NOR";
  EXPECT_EQ(u8(0x045), 4) << "sflashPadType: 4 = quad";
  EXPECT_EQ(u8(0x046), 6) << "serialClkFreq: 6 = 100 MHz (RT1060 ROM), within the W25Q16JV's 133 MHz";
  EXPECT_EQ(u8(0x047), 0) << "lutCustomSeqEnable: the ROM's fixed sequence indices";
  EXPECT_EQ(u32(0x050), 2u * 1024 * 1024) << "sflashA1Size: 2 MB";
  EXPECT_EQ(u32(0x054), 0u) << "sflashA2Size";
  EXPECT_EQ(u32(0x058), 0u) << "sflashB1Size";
  EXPECT_EQ(u32(0x05C), 0u) << "sflashB2Size";
  for (uint32_t offset = 0x060; offset < 0x070; offset += 4)
    EXPECT_EQ(u32(offset), 0u) << "pad setting override at FCB+0x" << std::hex << offset << ": ROM default";
  EXPECT_EQ(u32(0x070), 0u) << "timeoutInMs: ROM default";
  EXPECT_EQ(u32(0x074), 0u) << "commandInterval: ROM default";
  EXPECT_EQ(u32(0x078), 0u) << "dataValidTime[2]: ROM default";
  EXPECT_EQ(u16(0x07C), 0) << "busyOffset: WIP is bit 0 of status register 1";
  EXPECT_EQ(u16(0x07E), 0) << "busyBitPolarity: 0 = the bit reads 1 while busy";

  // The lookup table: the ROM's sequence indices (0 read, 1 read status,
  // 3 write enable, 5 sector erase, 9 page program, 11 chip erase) with the
  // W25Q16JV's commands; every other sequence empty.
  using Seq = std::vector<LutInstruction>;
  const std::map<int, Seq> intended = {
      // Fast Read Quad I/O: EBh, 24-bit address on 4 pads, 6 dummy clocks
      // (mode byte + 4 dummies), data on 4 pads.
      {0, {{kLutCmdSdr, 0, 0xEB}, {kLutRaddrSdr, 2, 24}, {kLutDummySdr, 2, 6}, {kLutReadSdr, 2, 4}}},
      {1, {{kLutCmdSdr, 0, 0x05}, {kLutReadSdr, 0, 4}}},    // Read Status Register-1
      {3, {{kLutCmdSdr, 0, 0x06}}},                         // Write Enable
      {5, {{kLutCmdSdr, 0, 0x20}, {kLutRaddrSdr, 0, 24}}},  // Sector Erase 4 KB
      // Quad Input Page Program: 32h, address on 1 pad, data on 4 pads.
      {9, {{kLutCmdSdr, 0, 0x32}, {kLutRaddrSdr, 0, 24}, {kLutWriteSdr, 2, 4}}},
      {11, {{kLutCmdSdr, 0, 0x60}}},  // Chip Erase
  };
  for (int index = 0; index < 16; ++index) {
    Seq decoded;
    bool stopped = false;
    for (uint32_t half = 0; half < 8; ++half) {
      const uint32_t instruction = u16(0x080 + 16 * index + 2 * half);
      if (stopped) {
        EXPECT_EQ(instruction, 0u) << "LUT sequence " << index << ": bytes after STOP";
        continue;
      }
      if ((instruction >> 10) == 0) {  // STOP
        stopped = true;
        EXPECT_EQ(instruction, 0u) << "LUT sequence " << index << ": STOP with operands";
        continue;
      }
      decoded.push_back({instruction >> 10, (instruction >> 8) & 3u, instruction & 0xFFu});
    }
    auto it = intended.find(index);
    EXPECT_EQ(decoded, it == intended.end() ? Seq{} : it->second) << "LUT sequence " << index;
  }
  for (uint32_t offset = 0x180; offset < 0x1C0; offset += 4)
    EXPECT_EQ(u32(offset), 0u) << "lutCustomSeq / reserved at FCB+0x" << std::hex << offset;

  EXPECT_EQ(u32(0x1C0), 256u) << "pageSize";
  EXPECT_EQ(u32(0x1C4), 4096u) << "sectorSize";
  EXPECT_EQ(u8(0x1C8), 0) << "ipcmdSerialClkFreq: 0 = as serialClkFreq";
  EXPECT_EQ(u8(0x1C9), 0) << "isUniformBlockSize";
  EXPECT_EQ(u8(0x1CC), 0) << "serialNorType";
  EXPECT_EQ(u8(0x1CD), 0) << "needExitNoCmdMode";
  EXPECT_EQ(u8(0x1CE), 0) << "halfClkForNonReadCmd";
  EXPECT_EQ(u8(0x1CF), 0) << "needRestoreNoCmdMode";
  EXPECT_EQ(u32(0x1D0), 64u * 1024) << "blockSize";
  for (uint32_t offset = 0x1D4; offset < 0x200; ++offset)
    EXPECT_EQ(u8(offset), 0) << "reserved FCB byte 0x" << std::hex << offset;
}

TEST_P(TeensyBootHeader, FlexRamBanksMatchTheLinkerRegions) {
  // startup.S exports the GPR17 bank configuration and the GPR14 TCM sizes
  // it writes; the linker exports its ITCM/DTCM lengths. 16 banks of 32 KB,
  // 2 bits each (bank 0 lowest): 11 ITCM, 10 DTCM, 01 OCRAM, 00 off.
  const auto banks = elf_.symbol("__teensy_flexram_bank_cfg");
  const auto gpr14 = elf_.symbol("__teensy_gpr14_tcm_sizes");
  const auto itcm_length = elf_.symbol("__itcm_region_length");
  const auto dtcm_length = elf_.symbol("__dtcm_region_length");
  ASSERT_TRUE(banks && gpr14 && itcm_length && dtcm_length)
      << "startup.S / teensy40.ld.in no longer export the FlexRAM configuration";
  uint32_t count[4] = {0, 0, 0, 0};
  for (int bank = 0; bank < 16; ++bank) ++count[(*banks >> (2 * bank)) & 3u];
  const uint32_t kBank = 32 * 1024;
  const uint32_t itcm_bytes = count[3] * kBank, dtcm_bytes = count[2] * kBank;
  EXPECT_EQ(*itcm_length, itcm_bytes) << "linker ITCM length vs ITCM banks in GPR17";
  EXPECT_EQ(*dtcm_length, dtcm_bytes) << "linker DTCM length vs DTCM banks in GPR17";
  EXPECT_EQ(count[1], 0u) << "FlexRAM OCRAM banks: none is used (the linker's OCRAM is OCRAM2)";
  // And the memory map these tests check against (board_map).
  EXPECT_EQ(itcm_bytes, 128u * 1024);
  EXPECT_EQ(dtcm_bytes, 384u * 1024);
  EXPECT_EQ(elf_.symbol("__stack_top").value_or(0), 0x20000000u + dtcm_bytes) << "stack top = end of the DTCM banks";

  // GPR14 CM7_CFGITCMSZ [19:16], CM7_CFGDTCMSZ [23:20]: 0 = 0 KB, 3..10 =
  // 4 KB..512 KB (2^(v-1) KB). The TCM controller decodes a power of two:
  // it must cover the banks and be the smallest power of two that does.
  auto tcm_size = [](uint32_t field) -> uint64_t {
    if (field == 0) return 0;
    if (field < 3 || field > 10) return ~0ull;  // reserved
    return 1ull << (field + 9);
  };
  auto smallest_cover = [](uint64_t bytes) -> uint64_t {
    uint64_t size = 0;
    if (bytes == 0) return 0;
    for (size = 4096; size < bytes; size *= 2) {
    }
    return size;
  };
  EXPECT_EQ(*gpr14 & ~0x00FF0000u, 0u) << "GPR14 value sets bits outside the TCM size fields";
  EXPECT_EQ(tcm_size((*gpr14 >> 16) & 0xFu), smallest_cover(itcm_bytes)) << "GPR14 ITCM size";
  EXPECT_EQ(tcm_size((*gpr14 >> 20) & 0xFu), smallest_cover(dtcm_bytes)) << "GPR14 DTCM size";

  // The exported bank configuration is the word the reset handler loads
  // from its literal pool (GPR14's value is a Thumb-2 immediate: a mov.w).
  const Section* boot = elf_.section_named(".text.boot");
  ASSERT_NE(boot, nullptr);
  bool found = false;
  for (uint32_t at = 0; at + 4 <= boot->size && !found; at += 4) found = le32(elf_.bytes, boot->offset + at) == *banks;
  EXPECT_TRUE(found) << "0x" << std::hex << *banks << " is not loaded by the start-up code";
}

TEST_P(TeensyBootHeader, ImageVectorTableAndBootData) {
  const uint32_t ivt = 0x60001000;
  EXPECT_EQ(elf_.word_at(ivt).value_or(0), 0x412000D1u) << "IVT header";
  const uint32_t entry = elf_.word_at(ivt + 4).value_or(0);
  EXPECT_EQ(entry & 1u, 1u) << "IVT entry must be a Thumb address";
  EXPECT_EQ(entry, elf_.symbol("Reset_Handler").value_or(0) | 1u);
  const Region* r = region_of(map_, entry & ~1u, 2);
  ASSERT_NE(r, nullptr);
  EXPECT_STREQ(r->name, "FLASH") << "the ROM jumps before ITCM is loaded";
  EXPECT_EQ(elf_.word_at(ivt + 0x0C).value_or(1), 0u) << "no DCD";
  EXPECT_EQ(elf_.word_at(ivt + 0x10).value_or(0), 0x60001020u) << "boot data pointer";
  EXPECT_EQ(elf_.word_at(ivt + 0x14).value_or(0), ivt) << "self";
  EXPECT_EQ(elf_.word_at(ivt + 0x18).value_or(1), 0u) << "no CSF";
  EXPECT_EQ(elf_.word_at(0x60001020).value_or(0), 0x60000000u) << "boot data start";
  const uint32_t size = elf_.word_at(0x60001024).value_or(0);
  EXPECT_EQ(elf_.word_at(0x60001028).value_or(1), 0u) << "plugin flag";
  uint64_t image_end = 0;
  for (const Section& s : elf_.sections)
    if ((s.flags & kShfAlloc) && s.type != kShtNobits && s.size != 0)
      image_end = std::max<uint64_t>(image_end, static_cast<uint64_t>(s.lma) + s.size);
  EXPECT_GE(0x60000000ull + size, image_end) << "boot data size does not cover the image";
  EXPECT_LE(size, 1984u * 1024) << "boot data size beyond the usable flash";
}

TEST_P(TeensyBootHeader, StartUpCodeRunsFromFlashAndItcmImageIsLoaded) {
  // The ROM jumps to the reset handler before ITCM holds anything: it and
  // the clock/MPU/cache set-up must execute in place from flash.
  for (const char* name : {"Reset_Handler", "teensy40_system_init"}) {
    const auto address = elf_.symbol(name);
    ASSERT_TRUE(address) << name;
    const Region* r = region_of(map_, *address & ~1u, 2);
    ASSERT_NE(r, nullptr) << name;
    EXPECT_STREQ(r->name, "FLASH") << name;
  }
  // Nor may it call or branch into ITCM: decode every branch with an
  // immediate target in .text.boot (linear sweep over the Thumb ranges the
  // mapping symbols give, so literal pools are skipped): BL, BLX, B.W (T4),
  // B<c>.W (T3), B (T2), B<c> (T1), CBZ/CBNZ. A call, or a branch that
  // leaves the section, must land in flash and not on a linker long-branch
  // veneer (a far branch: into ITCM?).
  const Section* boot = elf_.section_named(".text.boot");
  ASSERT_NE(boot, nullptr);
  std::map<uint32_t, std::string> names_at;
  for (const auto& [name, value] : elf_.symbols) names_at[value & ~1u] = name;
  int calls = 0, branches = 0, leaving = 0;
  for (auto [begin, end] : elf_.thumb_ranges(*boot)) {
    for (uint32_t address = begin; address + 2 <= end;) {
      const uint16_t hw1 = le16(elf_.bytes, boot->offset + (address - boot->addr));
      const uint32_t length = thumb_length(hw1);
      const uint16_t hw2 = address + 4 <= end ? le16(elf_.bytes, boot->offset + (address - boot->addr) + 2) : 0;
      const auto branch = decode_thumb_branch(address, hw1, hw2);
      address += length;
      if (!branch) continue;
      const uint32_t from = address - length;
      EXPECT_NE(branch->kind, BranchKind::kCallToArm)
          << "BLX (immediate) at 0x" << std::hex << from << ": no ARM state on Cortex-M";
      const bool inside = branch->target >= boot->addr && branch->target < boot->addr + boot->size;
      if (branch->kind == BranchKind::kCall) {
        ++calls;
      } else {
        ++branches;
        if (inside) continue;
        ++leaving;
      }
      const Region* r = region_of(map_, branch->target, 2);
      EXPECT_TRUE(r != nullptr && std::string(r->name) == "FLASH")
          << "start-up code at 0x" << std::hex << from << " (" << branch->encoding << ") goes to 0x" << branch->target
          << " outside flash";
      auto it = names_at.find(branch->target & ~3u);
      if (it != names_at.end()) {
        EXPECT_EQ(it->second.find("_veneer"), std::string::npos)
            << "start-up code at 0x" << std::hex << from << " (" << branch->encoding << ") goes to " << it->second
            << ": a far branch (into ITCM?)";
      }
    }
  }
  EXPECT_GT(calls, 0) << "no calls found in .text.boot: the decoder is broken";
  EXPECT_GT(branches, 0) << "no branches found in .text.boot: the decoder is broken";
  RecordProperty("calls", calls);
  RecordProperty("branches", branches);
  RecordProperty("branches_leaving_text_boot", leaving);

  const Section* itcm = elf_.section_named(".itcm");
  if (itcm != nullptr && itcm->size != 0) {
    EXPECT_EQ(elf_.symbol("__itcm_start").value_or(1), itcm->addr);
    EXPECT_EQ(elf_.symbol("__itcm_end").value_or(0), itcm->addr + itcm->size);
    EXPECT_EQ(elf_.symbol("__itcm_load").value_or(0), itcm->lma);
    EXPECT_EQ(itcm->lma % 4, 0u) << "the reset handler copies words";
    EXPECT_EQ(elf_.symbol("__isr_vector").value_or(1), 0u) << "itcm placement: vectors at the start of ITCM";
  }
}

// The itcm placement exists so the engine runs from zero-wait-state ITCM, not
// through the QSPI flash cache: its interpreter and every kernel must sit
// there (the linker script matches the library by name, which once missed).
// The flash placement executes everything in place.
TEST_P(TeensyBootHeader, EngineCodeRunsFromItcmInTheItcmPlacement) {
  const bool itcm_placement =
      GetParam().elf.find("teensy40-flash") == std::string::npos;  // -flash-<model> or link's -flash.elf
  constexpr uint32_t kItcmEnd = 0x20000;
  int checked = 0;
  for (const auto& [name, value] : elf_.symbols) {
    if (name.rfind("_ZN9tinyinfer", 0) != 0) continue;
    if (name.find("7kernels") == std::string::npos && name.find("11Interpreter") == std::string::npos) continue;
    if (elf_.symbol_types.at(name) != kSttFunc) continue;  // kernel tables and constants may stay in flash
    const uint32_t address = value & ~1u;
    const Section* code = nullptr;
    for (const Section& section : elf_.sections)
      if ((section.flags & kShfExec) && address >= section.addr && address < section.addr + section.size)
        code = &section;
    if (code == nullptr) continue;
    ++checked;
    if (itcm_placement)
      EXPECT_LT(address, kItcmEnd) << name << " runs from " << code->name << ", not ITCM";
    else
      EXPECT_GE(address, 0x60000000u) << name << " is not executed in place from flash";
  }
  EXPECT_GE(checked, 5) << "no engine functions found in " << GetParam().elf;
}

TEST_P(TeensyBootHeader, HexCoversTheBootHeader) {
  Hex hex;
  std::string error;
  ASSERT_TRUE(hex.load(hex_path(GetParam().elf), &error)) << error;
  for (uint32_t a = 0x60000000; a < 0x60000200; ++a) ASSERT_TRUE(hex.bytes.count(a)) << "FCB byte 0x" << std::hex << a;
  for (uint32_t a = 0x60001000; a < 0x6000102C; ++a)
    ASSERT_TRUE(hex.bytes.count(a)) << "IVT/boot data 0x" << std::hex << a;
  EXPECT_EQ(hex.bytes[0x60000000], 0x46);  // 'F'
  EXPECT_EQ(hex.bytes[0x60000003], 0x42);  // 'B'
  EXPECT_EQ(hex.bytes[0x60001000], 0xD1);
  EXPECT_EQ(hex.bytes[0x60001003], 0x41);
}

// ---- STM32F746 ---------------------------------------------------------------
class Stm32Image : public BoardImage {};

TEST_P(Stm32Image, VectorTableAtTheStartOfFlashAndBinMatches) {
  EXPECT_EQ(elf_.symbol("__isr_vector").value_or(0), 0x08000000u) << "boot from flash maps 0x08000000";
  const std::string bin_path = GetParam().elf.substr(0, GetParam().elf.size() - 4) + ".bin";
  std::ifstream in(bin_path, std::ios::binary);
  ASSERT_TRUE(in) << "no " << bin_path;
  std::vector<uint8_t> bin(std::istreambuf_iterator<char>(in), {});
  EXPECT_LE(bin.size(), 1024u * 1024) << ".bin larger than the flash";
  // The .bin is what st-flash writes at 0x08000000: byte for byte the ELF's
  // loaded sections at their load addresses, gaps (alignment) as zeros,
  // nothing before 0x08000000 and nothing after the last loaded byte.
  const uint32_t base = 0x08000000;
  std::vector<uint8_t> expected;
  std::vector<bool> covered;
  for (const Section& s : elf_.sections) {
    if (!(s.flags & kShfAlloc) || s.type == kShtNobits || s.size == 0) continue;
    ASSERT_GE(s.lma, base) << s.name << " loads below the flash";
    const size_t at = s.lma - base;
    if (expected.size() < at + s.size) {
      expected.resize(at + s.size, 0);
      covered.resize(at + s.size, false);
    }
    for (uint32_t i = 0; i < s.size; ++i) {
      ASSERT_FALSE(covered[at + i]) << s.name << " overlaps another section";
      expected[at + i] = elf_.bytes[s.offset + i];
      covered[at + i] = true;
    }
  }
  ASSERT_FALSE(expected.empty());
  ASSERT_EQ(bin.size(), expected.size()) << ".bin length vs the ELF's flash image (0x08000000 to its last loaded byte)";
  for (size_t i = 0; i < bin.size(); ++i)
    ASSERT_EQ(bin[i], expected[i]) << ".bin differs from the ELF at 0x" << std::hex << base + i
                                   << (covered[i] ? "" : " (a gap between sections)");
  EXPECT_EQ(le32(bin, 0), elf_.word_at(0x08000000).value_or(0)) << "initial SP";
  EXPECT_EQ(le32(bin, 4), elf_.word_at(0x08000004).value_or(0)) << "reset vector";
}

std::vector<Image> images_of(bool (*keep)(const Image&)) {
  std::vector<Image> selected;
  for (const Image& image : manifest())
    if (keep(image)) selected.push_back(image);
  return selected;
}

// "<nested build dir>_<elf name>": the same ELF name is built in several
// layouts (teensy40 itcm / flash).
std::string image_name(const testing::TestParamInfo<Image>& info) {
  const std::string& path = info.param.elf;
  const size_t file = path.find_last_of('/');
  const size_t firmware_dir = file == std::string::npos ? 0 : path.find_last_of('/', file - 1);
  const size_t build_dir = firmware_dir == 0 || firmware_dir == std::string::npos
                               ? std::string::npos
                               : path.find_last_of('/', firmware_dir - 1);
  std::string name =
      build_dir == std::string::npos ? "" : path.substr(build_dir + 1, firmware_dir - build_dir - 1) + "_";
  name += path.substr(file + 1, path.size() - file - 1 - 4);
  for (char& c : name)
    if (!isalnum(static_cast<unsigned char>(c))) c = '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(All, BoardImage, testing::ValuesIn(images_of([](const Image&) { return true; })), image_name);
INSTANTIATE_TEST_SUITE_P(Teensy, TeensyBootHeader,
                         testing::ValuesIn(images_of([](const Image& i) { return i.board == "teensy40"; })),
                         image_name);
INSTANTIATE_TEST_SUITE_P(Stm32, Stm32Image,
                         testing::ValuesIn(images_of([](const Image& i) { return i.board == "stm32f746-disco"; })),
                         image_name);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(TeensyBootHeader);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(Stm32Image);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(BoardImage);

TEST(BoardManifest, ListsImages) { EXPECT_FALSE(manifest().empty()) << "no board images were built"; }

}  // namespace
