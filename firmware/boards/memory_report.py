#!/usr/bin/env python3
"""Memory report of a firmware ELF: bytes used of each memory region.

    memory_report.py [--board NAME] [--markdown | --row LABEL] firmware.elf NAME:origin:length ...

A section counts in the region of its run address (VMA) and, when it is
loaded from elsewhere (.data, ITCM code), also in the region of its load
address (LMA): flash holds the image, RAM the running copy. The stack is not
a section; it is reported as what is left of the region holding __stack_top.
--row prints one markdown table row: LABEL, the Berkeley "text" size (what
arm-none-eabi-size calls text: code and read-only data, ITCM code included),
then "used (percent)" per region, with the stack room after the region that
holds __stack_top. tools/build_boards.sh collects these rows.
Reads the ELF32 headers itself (no binutils needed)."""
import argparse
import struct
import sys

SHF_WRITE = 0x1
SHF_ALLOC = 0x2
SHF_EXECINSTR = 0x4
SHT_NOBITS = 8
PT_LOAD = 1


def read_sections(path):
    data = open(path, "rb").read()
    if data[:4] != b"\x7fELF" or data[4] != 1 or data[5] != 1:
        raise SystemExit(f"{path}: not a little-endian ELF32 file")
    (e_phoff, e_shoff) = struct.unpack_from("<II", data, 28)
    (e_phentsize, e_phnum, e_shentsize, e_shnum, e_shstrndx) = struct.unpack_from("<HHHHH", data, 42)
    segments = []
    for i in range(e_phnum):
        p_type, p_offset, p_vaddr, p_paddr, p_filesz, p_memsz = struct.unpack_from(
            "<IIIIII", data, e_phoff + i * e_phentsize)
        if p_type == PT_LOAD:
            segments.append((p_vaddr, p_paddr, p_memsz))
    headers = [struct.unpack_from("<IIIIIIIIII", data, e_shoff + i * e_shentsize) for i in range(e_shnum)]
    strtab_offset = headers[e_shstrndx][4]

    def name_of(offset):
        end = data.index(b"\0", strtab_offset + offset)
        return data[strtab_offset + offset:end].decode()

    sections = []
    for sh_name, sh_type, sh_flags, sh_addr, sh_offset, sh_size, *_ in headers:
        if not sh_flags & SHF_ALLOC or sh_size == 0:
            continue
        lma = sh_addr
        if sh_type != SHT_NOBITS:
            for vaddr, paddr, memsz in segments:
                if vaddr <= sh_addr < vaddr + memsz:
                    lma = paddr + (sh_addr - vaddr)
                    break
        sections.append((name_of(sh_name), sh_type, sh_addr, lma, sh_size, sh_flags))
    return sections, data


def symbol(data, wanted):
    (e_shoff,) = struct.unpack_from("<I", data, 32)
    (e_shentsize, e_shnum) = struct.unpack_from("<HH", data, 46)
    for i in range(e_shnum):
        _, sh_type, _, _, sh_offset, sh_size, sh_link, _, _, sh_entsize = struct.unpack_from(
            "<IIIIIIIIII", data, e_shoff + i * e_shentsize)
        if sh_type != 2:  # SHT_SYMTAB
            continue
        str_offset = struct.unpack_from("<I", data, e_shoff + sh_link * e_shentsize + 16)[0]
        for j in range(sh_size // sh_entsize):
            st_name, st_value = struct.unpack_from("<II", data, sh_offset + j * sh_entsize)
            end = data.index(b"\0", str_offset + st_name)
            if data[str_offset + st_name:end] == wanted:
                return st_value
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--board", default="")
    parser.add_argument("--markdown", action="store_true", help="print a markdown table")
    parser.add_argument("--row", metavar="LABEL", help="print one summary table row (see above)")
    parser.add_argument("elf")
    parser.add_argument("regions", nargs="+", help="NAME:origin:length (integers, 0x.. allowed)")
    args = parser.parse_args()

    regions = []
    for spec in args.regions:
        name, origin, length = spec.split(":")
        regions.append([name, int(origin, 0), int(length, 0), 0])
    sections, data = read_sections(args.elf)

    def region_of(address):
        for region in regions:
            if region[1] <= address < region[1] + region[2]:
                return region
        return None

    outside = []
    for name, sh_type, vma, lma, size, _ in sections:
        run = region_of(vma)
        if run is None:
            outside.append(name)
            continue
        run[3] += size
        if lma != vma and sh_type != SHT_NOBITS:
            load = region_of(lma)
            if load is None:
                outside.append(name + " (load address)")
            elif load is not run:
                load[3] += size
    stack_top = symbol(data, b"__stack_top")

    if args.row:
        # Berkeley text: allocated sections that are code or not writable.
        text = sum(size for _, _, _, _, size, flags in sections
                   if flags & SHF_EXECINSTR or not flags & SHF_WRITE)
        cells = [args.row, f"{text:,}"]
        for name, origin, length, used in regions:
            cell = f"{used:,} ({100.0 * used / length:.1f}%)"
            if stack_top is not None and origin < stack_top <= origin + length:
                cell += f", {length - used:,} B left for the stack"
            cells.append(cell)
        print("| " + " | ".join(cells) + " |")
        if outside:
            print("outside every region: " + ", ".join(outside), file=sys.stderr)
            return 1
        return 0

    title = f"Memory report {args.board} {args.elf.rsplit('/', 1)[-1]}".replace("  ", " ")
    if args.markdown:
        print(f"| region | used (B) | size (B) | used |")
        print(f"|---|---:|---:|---:|")
    else:
        print(title)
    for name, origin, length, used in regions:
        note = ""
        if stack_top is not None and origin < stack_top <= origin + length:
            note = f"  + stack: {length - used} B free below __stack_top"
        if args.markdown:
            print(f"| {name} | {used:,} | {length:,} | {100.0 * used / length:.1f}% |")
        else:
            print(f"  {name:<6} {used:>9,} B of {length:>9,} B  {100.0 * used / length:5.1f}%{note}")
    if outside:
        print("  outside every region: " + ", ".join(outside))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
