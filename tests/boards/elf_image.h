// A minimal reader of ELF32 little-endian ARM images for the board checks:
// sections (with their load addresses), program headers, symbols and ARM
// mapping symbols. Not a general ELF library: enough to check what the
// linker placed where.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tinyinfer::boards {

constexpr uint32_t kShfAlloc = 0x2;
constexpr uint32_t kShfExec = 0x4;
constexpr uint32_t kShtNobits = 8;
constexpr uint32_t kShtSymtab = 2;
constexpr uint32_t kPtLoad = 1;
constexpr uint8_t kSttFunc = 2;

struct Section {
  std::string name;
  uint32_t type = 0, flags = 0, addr = 0, offset = 0, size = 0;
  uint32_t lma = 0;
};
struct Segment {
  uint32_t type, offset, vaddr, paddr, filesz, memsz;
};
// ARM ELF mapping symbol ($t Thumb code, $a ARM code, $d data) in a section.
struct Mapping {
  uint16_t section;
  uint32_t address;
  char kind;
};

inline uint32_t le32(const std::vector<uint8_t>& d, size_t at) {
  if (at + 4 > d.size()) return 0;
  return d[at] | (d[at + 1] << 8) | (d[at + 2] << 16) | (static_cast<uint32_t>(d[at + 3]) << 24);
}
inline uint16_t le16(const std::vector<uint8_t>& d, size_t at) {
  if (at + 2 > d.size()) return 0;
  return static_cast<uint16_t>(d[at] | (d[at + 1] << 8));
}

struct Elf {
  std::vector<uint8_t> bytes;
  uint32_t entry = 0;
  uint16_t machine = 0;
  std::vector<Section> sections;
  std::vector<Segment> segments;
  std::map<std::string, uint32_t> symbols;
  std::map<std::string, uint32_t> symbol_sizes;
  std::map<std::string, uint8_t> symbol_types;  // STT_*: kSttFunc for functions
  std::vector<Mapping> mappings;

  bool load(const std::string& path, std::string* error) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      *error = "cannot open " + path;
      return false;
    }
    bytes.assign(std::istreambuf_iterator<char>(in), {});
    if (bytes.size() < 52 ||
        std::memcmp(bytes.data(),
                    "\x7f"
                    "ELF",
                    4) != 0 ||
        bytes[4] != 1 || bytes[5] != 1) {
      *error = path + ": not an ELF32 little-endian file";
      return false;
    }
    machine = le16(bytes, 18);
    entry = le32(bytes, 24);
    const uint32_t phoff = le32(bytes, 28), shoff = le32(bytes, 32);
    const uint16_t phentsize = le16(bytes, 42), phnum = le16(bytes, 44);
    const uint16_t shentsize = le16(bytes, 46), shnum = le16(bytes, 48), shstrndx = le16(bytes, 50);
    if (shoff + static_cast<uint64_t>(shnum) * shentsize > bytes.size() ||
        phoff + static_cast<uint64_t>(phnum) * phentsize > bytes.size() || shstrndx >= shnum) {
      *error = path + ": header tables outside the file";
      return false;
    }
    for (uint16_t i = 0; i < phnum; ++i) {
      const size_t p = phoff + static_cast<size_t>(i) * phentsize;
      segments.push_back({le32(bytes, p), le32(bytes, p + 4), le32(bytes, p + 8), le32(bytes, p + 12),
                          le32(bytes, p + 16), le32(bytes, p + 20)});
    }
    const uint32_t strtab = le32(bytes, shoff + shstrndx * shentsize + 16);
    std::vector<std::pair<uint32_t, uint32_t>> symtabs;  // (section index, link)
    for (uint16_t i = 0; i < shnum; ++i) {
      const size_t s = shoff + static_cast<size_t>(i) * shentsize;
      Section section;
      section.name = c_string(strtab + le32(bytes, s));
      section.type = le32(bytes, s + 4);
      section.flags = le32(bytes, s + 8);
      section.addr = le32(bytes, s + 12);
      section.offset = le32(bytes, s + 16);
      section.size = le32(bytes, s + 20);
      section.lma = section.addr;
      if (section.type != kShtNobits) {
        for (const Segment& g : segments) {
          if (g.type == kPtLoad && section.addr >= g.vaddr && section.addr < g.vaddr + g.memsz) {
            section.lma = g.paddr + (section.addr - g.vaddr);
            break;
          }
        }
      }
      if (section.type == kShtSymtab) symtabs.push_back({i, le32(bytes, s + 24)});
      sections.push_back(section);
    }
    for (auto [index, link] : symtabs) {
      const Section& table = sections[index];
      const uint32_t names = sections[link].offset;
      for (uint32_t at = table.offset; at + 16 <= table.offset + table.size; at += 16) {
        const std::string name = c_string(names + le32(bytes, at));
        if (name.size() >= 2 && name[0] == '$' && (name.size() == 2 || name[2] == '.')) {
          mappings.push_back({le16(bytes, at + 14), le32(bytes, at + 4), name[1]});
          continue;
        }
        symbols[name] = le32(bytes, at + 4);
        symbol_sizes[name] = le32(bytes, at + 8);
        symbol_types[name] = static_cast<uint8_t>(bytes[at + 12] & 0xF);
      }
    }
    return true;
  }

  std::string c_string(size_t at) const {
    std::string text;
    while (at < bytes.size() && bytes[at] != 0) text.push_back(static_cast<char>(bytes[at++]));
    return text;
  }

  const Section* section_named(const std::string& name) const {
    for (const Section& s : sections)
      if (s.name == name) return &s;
    return nullptr;
  }

  // A word of initialised content at a run address (VMA).
  std::optional<uint32_t> word_at(uint32_t address) const {
    for (const Section& s : sections) {
      if ((s.flags & kShfAlloc) && s.type != kShtNobits && address >= s.addr && address + 4 <= s.addr + s.size)
        return le32(bytes, s.offset + (address - s.addr));
    }
    return std::nullopt;
  }

  std::optional<uint8_t> byte_at(uint32_t address) const {
    for (const Section& s : sections) {
      if ((s.flags & kShfAlloc) && s.type != kShtNobits && address >= s.addr && address < s.addr + s.size)
        return bytes[s.offset + (address - s.addr)];
    }
    return std::nullopt;
  }

  // Byte ranges [begin, end) of `section` that hold Thumb code according to
  // the mapping symbols; the whole section when it has none.
  std::vector<std::pair<uint32_t, uint32_t>> thumb_ranges(const Section& section) const {
    const uint16_t index = static_cast<uint16_t>(&section - sections.data());
    std::vector<Mapping> marks;
    for (const Mapping& m : mappings)
      if (m.section == index && m.address >= section.addr && m.address < section.addr + section.size)
        marks.push_back(m);
    if (marks.empty()) return {{section.addr, section.addr + section.size}};
    std::sort(marks.begin(), marks.end(), [](const Mapping& a, const Mapping& b) { return a.address < b.address; });
    std::vector<std::pair<uint32_t, uint32_t>> ranges;
    for (size_t i = 0; i < marks.size(); ++i) {
      const uint32_t end = i + 1 < marks.size() ? marks[i + 1].address : section.addr + section.size;
      if (marks[i].kind == 't' && end > marks[i].address) ranges.push_back({marks[i].address, end});
    }
    return ranges;
  }

  std::optional<uint32_t> symbol(const std::string& name) const {
    auto it = symbols.find(name);
    if (it == symbols.end()) return std::nullopt;
    return it->second;
  }
};

}  // namespace tinyinfer::boards
