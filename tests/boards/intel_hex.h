// Intel HEX reader for the board checks: every data byte by address, with
// the format's errors (checksums, lengths, overlapping writes, records after
// the end) reported by line.
#pragma once

#include <cstdint>
#include <fstream>
#include <map>
#include <string>
#include <vector>

namespace tinyinfer::boards {

struct Hex {
  std::map<uint32_t, uint8_t> bytes;
  bool has_eof = false;

  bool load(const std::string& path, std::string* error) {
    std::ifstream in(path);
    if (!in) {
      *error = "cannot open " + path;
      return false;
    }
    std::string line;
    uint32_t base = 0;
    int number = 0;
    while (std::getline(in, line)) {
      ++number;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.empty()) continue;
      const std::string where = path + ":" + std::to_string(number);
      if (has_eof) {
        *error = where + ": record after the end-of-file record";
        return false;
      }
      if (line[0] != ':' || line.size() < 11 || (line.size() - 1) % 2 != 0) {
        *error = where + ": not an Intel HEX record";
        return false;
      }
      std::vector<uint8_t> record;
      for (size_t i = 1; i + 1 < line.size(); i += 2) {
        const std::string pair = line.substr(i, 2);
        if (pair.find_first_not_of("0123456789abcdefABCDEF") != std::string::npos) {
          *error = where + ": bad hex digit";
          return false;
        }
        record.push_back(static_cast<uint8_t>(std::stoul(pair, nullptr, 16)));
      }
      const uint8_t count = record[0];
      if (record.size() != 5u + count) {
        *error = where + ": length field disagrees with the record";
        return false;
      }
      uint8_t sum = 0;
      for (uint8_t b : record) sum = static_cast<uint8_t>(sum + b);
      if (sum != 0) {
        *error = where + ": checksum mismatch";
        return false;
      }
      const uint32_t offset = (record[1] << 8) | record[2];
      const uint8_t type = record[3];
      const uint8_t* data = record.data() + 4;
      switch (type) {
        case 0x00:
          for (uint8_t i = 0; i < count; ++i) {
            const uint32_t address = base + ((offset + i) & 0xFFFF);
            if (bytes.count(address)) {
              *error = where + ": address written twice";
              return false;
            }
            bytes[address] = data[i];
          }
          break;
        case 0x01:
          has_eof = true;
          break;
        case 0x02:
          base = ((data[0] << 8) | data[1]) << 4;
          break;
        case 0x04:
          base = static_cast<uint32_t>((data[0] << 8) | data[1]) << 16;
          break;
        case 0x03:
        case 0x05:
          break;  // start address records
        default:
          *error = where + ": unknown record type";
          return false;
      }
    }
    if (!has_eof) {
      *error = path + ": no end-of-file record";
      return false;
    }
    return true;
  }
};

}  // namespace tinyinfer::boards
