// Decoder of the Thumb branches with an immediate target (ARMv7-M ARM: B
// T1-T4, BL, BLX (immediate), CBZ/CBNZ), for checking where image code jumps.
#pragma once

#include <cstdint>
#include <optional>

namespace tinyinfer::boards {

enum class BranchKind { kCall, kBranch, kCallToArm };
struct Branch {
  BranchKind kind;
  uint32_t target;
  const char* encoding;
};

// 32-bit Thumb-2 encodings start with 0b11101, 0b11110 or 0b11111.
inline uint32_t thumb_length(uint16_t hw1) { return (hw1 >> 11) >= 0x1D ? 4 : 2; }

// The branch at `address` made of halfwords hw1 (first) and hw2 (ignored for
// 16-bit encodings), or nothing if it is not a branch with an immediate
// target. Register branches (BX, BLX Rm, POP {pc}, LDR pc) are not decoded.
inline std::optional<Branch> decode_thumb_branch(uint32_t address, uint16_t hw1, uint16_t hw2) {
  const uint32_t pc = address + 4;
  if (thumb_length(hw1) == 2) {
    const uint32_t cond = (hw1 >> 8) & 0xFu;
    if ((hw1 >> 12) == 0xD && cond < 0xE)  // B<c> T1 (cond 1110 = UDF, 1111 = SVC)
      return Branch{BranchKind::kBranch, pc + static_cast<uint32_t>(static_cast<int8_t>(hw1 & 0xFF) * 2), "B<c> (T1)"};
    if ((hw1 >> 11) == 0x1C) {  // B T2: imm11, sign-extended
      const int32_t imm11 = static_cast<int32_t>((hw1 & 0x7FFu) ^ 0x400u) - 0x400;
      return Branch{BranchKind::kBranch, pc + static_cast<uint32_t>(imm11 * 2), "B (T2)"};
    }
    if ((hw1 & 0xF500) == 0xB100)  // CBZ/CBNZ: i:imm5:'0', forward only
      return Branch{BranchKind::kBranch, pc + ((((hw1 >> 9) & 1u) << 6) | (((hw1 >> 3) & 0x1Fu) << 1)), "CB(N)Z"};
    return std::nullopt;
  }
  if ((hw1 >> 11) != 0x1E || (hw2 & 0x8000) == 0) return std::nullopt;
  const uint32_t s = (hw1 >> 10) & 1u, j1 = (hw2 >> 13) & 1u, j2 = (hw2 >> 11) & 1u;
  const uint32_t op = hw2 & 0xD000;
  if (op == 0x8000) {  // B<c>.W T3: S:J2:J1:imm6:imm11:'0'; cond 111x is misc control (DSB, MSR...)
    if (((hw1 >> 6) & 0xFu) >= 0xE) return std::nullopt;
    uint32_t offset = (s << 20) | (j2 << 19) | (j1 << 18) | ((hw1 & 0x3Fu) << 12) | ((hw2 & 0x7FFu) << 1);
    if (s) offset |= 0xFFE00000u;
    return Branch{BranchKind::kBranch, pc + offset, "B<c>.W (T3)"};
  }
  // B.W T4, BL, BLX: S:I1:I2:imm10:imm11:'0' with I = NOT(J XOR S).
  const uint32_t i1 = 1u - (j1 ^ s), i2 = 1u - (j2 ^ s);
  uint32_t offset = (s << 24) | (i1 << 23) | (i2 << 22) | ((hw1 & 0x3FFu) << 12) | ((hw2 & 0x7FFu) << 1);
  if (s) offset |= 0xFE000000u;
  if (op == 0x9000) return Branch{BranchKind::kBranch, pc + offset, "B.W (T4)"};
  if (op == 0xD000) return Branch{BranchKind::kCall, pc + offset, "BL"};
  return Branch{BranchKind::kCallToArm, ((pc & ~3u) + offset) & ~3u, "BLX (immediate)"};  // op 0xC000
}

}  // namespace tinyinfer::boards
