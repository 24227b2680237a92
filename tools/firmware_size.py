#!/usr/bin/env python3
"""Flash bytes of a firmware image by part, from its GNU ld map file.

Usage: tools/firmware_size.py IMAGE.map [--objects N]

Counts every input section of the output sections stored in flash - those
whose address or load address lies in the map's FLASH memory region (code,
read-only data, the load image of .data and of code copied to ITCM; not
.bss, arenas, stacks or debug sections) - and groups them by the object file
they come from: the embedded model, the engine's loader, runtime,
op layer and kernels (told apart by where the file lives under src/), the C
and compiler libraries, and the application with its board support.
"""
import argparse
import collections
import os
import re
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REGION_LINE = re.compile(r"^(\S+)\s+0x([0-9a-f]+)\s+0x([0-9a-f]+)")
OUTPUT_SECTION = re.compile(r"^(\.\S+)(?:\s+0x([0-9a-f]+)\s+0x([0-9a-f]+)(?:\s+load address 0x([0-9a-f]+))?)?")
INPUT_LINE = re.compile(r"^ (\S+)?\s+0x([0-9a-f]+)\s+0x([0-9a-f]+)\s+(\S.*)$")
KERNEL_FILE = re.compile(r"_(float32|int8|int16|int32|hybrid|bool|\w+_to_\w+)\.cc$")


def engine_parts():
    """Object basename -> part, from where each engine source lives."""
    parts = {}
    src = os.path.join(ROOT, "src")
    for directory, _, files in os.walk(src):
        relative = os.path.relpath(directory, src).split(os.sep)
        for name in files:
            if not name.endswith(".cc"):
                continue
            if relative[0] == "format":
                part = "engine: loader + verifier"
            elif relative[0] == "runtime":
                part = "engine: runtime"
            elif relative[0] == "dsp":
                part = "kernels"
            elif relative[0] == "ops":
                part = "kernels" if KERNEL_FILE.search(name) or "cortex_m7" in relative else "engine: op layer"
            else:
                part = "host-only (" + relative[0] + ")"
            parts[name + ".obj"] = part
            parts[name + ".o"] = part
    return parts


def part_of(source, parts):
    member = re.search(r"\(([^)]+)\)$", source)
    archive = os.path.basename(source.split("(")[0])
    name = os.path.basename(member.group(1) if member else source)
    if "/embedded/" in source and "g_model" in name:
        return "model", name
    if archive.startswith("libtinyinfer") or "kernel_table" in name:
        return parts.get(name, "engine: runtime" if "kernel_table" in name else "engine: other"), name
    if member or archive.startswith("crt") or source.startswith("/"):
        return "C library + libgcc", archive + ":" + name if member else name
    return "app + board", name


def stored_sections(map_path):
    """Names of the sections the image stores (ELF flags CONTENTS and LOAD),
    from the ELF beside the map; None when it or objdump is missing (then
    unloaded sections are told by name)."""
    elf = os.path.splitext(map_path)[0] + ".elf"
    objdump = shutil.which("arm-none-eabi-objdump") or shutil.which("objdump")
    if not os.path.isfile(elf) or objdump is None:
        return None
    text = subprocess.run([objdump, "-h", elf], capture_output=True, text=True, check=True).stdout
    names, name = set(), None
    for line in text.splitlines():
        fields = line.split()
        if len(fields) >= 7 and fields[0].isdigit():
            name = fields[1]
        elif name is not None and "CONTENTS" in line and "LOAD" in line:
            names.add(name)
            name = None
    return names


NOT_STORED = re.compile(r"^\.(bss|noinit|heap|stack|comment|debug|ARM\.attributes|stab)")


def read_map(path):
    parts = engine_parts()
    stored = stored_sections(path)
    totals = collections.Counter()
    objects = collections.Counter()
    flash = []  # (origin, end) of the FLASH regions
    stage = "start"
    in_flash = False
    pending_section = None
    pending_output = None  # a long output section name alone on its line
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("Memory Configuration"):
                stage = "memory"
                continue
            if line.startswith("Linker script and memory map"):
                stage = "map"
                continue
            if stage == "memory":
                region = REGION_LINE.match(line)
                if region and "FLASH" in region.group(1).upper():
                    origin = int(region.group(2), 16)
                    flash.append((origin, origin + int(region.group(3), 16)))
                continue
            if stage != "map":
                continue
            if line.startswith(".") or (pending_output and line.startswith(" ") and line.strip().startswith("0x")):
                text = (pending_output + " " + line.strip()) if not line.startswith(".") else line
                output = OUTPUT_SECTION.match(text)
                pending_output = None
                if output.group(2) is None:
                    pending_output = output.group(1)
                    in_flash = False
                    continue
                where = int(output.group(4) or output.group(2), 16)
                name = output.group(1)
                is_stored = name in stored if stored is not None else not NOT_STORED.match(name)
                in_flash = is_stored and any(lo <= where < hi for lo, hi in flash)
                continue
            if not in_flash or line.startswith(" *"):
                continue
            match = INPUT_LINE.match(line)
            if match is None:
                # A long input section name sits alone on its line.
                stripped = line.strip()
                pending_section = stripped if stripped.startswith(".") and " " not in stripped else None
                continue
            size = int(match.group(3), 16)
            source = match.group(4).strip()
            if size == 0 or source.startswith("0x") or "load address" in source:
                continue
            section = match.group(1) or pending_section or ""
            pending_section = None
            if section.startswith("*fill*") or source == "*fill*":
                continue
            part, name = part_of(source, parts)
            totals[part] += size
            objects[(part, name)] += size
    if not flash:
        sys.exit(f"firmware_size.py: {path} names no FLASH memory region")
    return totals, objects


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("map", help="the linker map file of a firmware image")
    parser.add_argument("--objects", type=int, default=0, help="also list the N largest object files")
    args = parser.parse_args()
    if not os.path.isfile(args.map):
        sys.exit(f"firmware_size.py: no map file {args.map}")
    totals, objects = read_map(args.map)
    if not totals:
        sys.exit(f"firmware_size.py: {args.map} has no memory map (not a GNU ld map file?)")
    without_model = sum(v for k, v in totals.items() if k != "model")
    for part, size in sorted(totals.items(), key=lambda kv: -kv[1]):
        print(f"{size:9,d}  {part}")
    print(f"{without_model:9,d}  flash without the model")
    for (part, name), size in objects.most_common(args.objects):
        print(f"   {size:9,d}  {name}  [{part}]")


if __name__ == "__main__":
    main()
