#!/usr/bin/env python3
"""Turns raw `tinyinfer bench-m7 --json` / `tinyinfer run --json` outputs into the
committed results (JSON + markdown) of bench/run_m7.sh and bench/run_host.sh."""
import argparse
import datetime
import glob
import json
import os
import platform

# Issue 4, "Where the bar stands": TFLM (commit 90b983c2) on QEMU mps2-an500,
# instructions per inference (second invoke), -O2, cortex-m7 hard-float.
TFLM = {
    "mnist_uncompressed": {"reference": 25783361, "cmsis_nn": 22745049, "arena": 110752},
    "kws_ref_model": {"reference": 44214661, "cmsis_nn": 7643872, "arena": 22820},
    "pretrainedResnet_quant": {"reference": 109382038, "cmsis_nn": 30023375, "arena": 54996},
    "ad01_int8": {"reference": 1962129, "cmsis_nn": 583387, "arena": 2580},
}
# Issue 4, "Must show": instructions per inference (optimized kernels).
TARGETS = {
    "kws_ref_model": 5350000,
    "pretrainedResnet_quant": 21000000,
    "ad01_int8": 410000,
    "mnist_uncompressed": 4200000,
    "mnist_compressed": 4200000,
}
# Models whose weights are int8 but whose activations are float.
HYBRID = {"mnist_compressed", "kws_ref_model_float32"}


def commas(v):
    return "—" if v is None else f"{v:,}"


def load_json(path):
    try:
        with open(path) as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def read_text(path):
    try:
        with open(path) as f:
            return f.read().strip()
    except OSError:
        return ""


def manifest_arena(shared, name):
    m = load_json(os.path.join(shared, "conformance", name, "manifest.json")) or {}
    return m.get("tflm_arena_bytes")


def model_kind(name, run):
    if name in HYBRID or "hybrid" in name:
        return "hybrid"
    if "int8" in name or "quant" in name:
        return "int8"
    for s in ("optimized", "reference"):
        outs = (run or {}).get(s) or {}
        for o in outs.get("outputs", []):
            return "int8" if o.startswith("int8") or o.startswith("uint8") else "float"
    return "int8" if "int8" in name or "quant" in name else "float"


def per_inference(run_set):
    """Instructions of one whole invoke (no profiler) when the firmware reported
    it, else the sum of the per-op counts."""
    return run_set.get("invoke_instructions") or run_set["instructions"]


def m7(args):
    names = sorted({os.path.basename(p).split(".")[0] for p in glob.glob(os.path.join(args.raw, "*.json"))})
    rows, models = [], []
    for name in names:
        modes = ("unfused", "fused", "small")
        runs = {mode: load_json(os.path.join(args.raw, f"{name}.{mode}.json")) for mode in modes}
        errors = {mode: read_text(os.path.join(args.raw, f"{name}.{mode}.err")) for mode in modes}
        entry = {"model": name, "kind": None, "tflm": TFLM.get(name), "tflm_host_arena_bytes": manifest_arena(args.shared, name),
                 "target_instructions": TARGETS.get(name), "runs": runs, "errors": {k: v for k, v in errors.items() if v}}
        u, f = runs["unfused"], runs["fused"]
        ok = u is not None and u.get("exit_code") == 0 and (u.get("optimized") or {}).get("instructions") is not None
        entry["kind"] = model_kind(name, u)
        if ok:
            ref, opt = u["reference"], u["optimized"]
            fopt = (f or {}).get("optimized") if f and f.get("exit_code") == 0 else None
            best = min(per_inference(opt), per_inference(fopt)) if fopt else per_inference(opt)
            summary = {
                "macs": opt["macs"],
                "reference_instructions": per_inference(ref),
                "optimized_instructions": per_inference(opt),
                "optimized_fused_instructions": per_inference(fopt) if fopt else None,
                "best_optimized_instructions": best,
                "best_instructions_per_mac": best / opt["macs"] if opt["macs"] else None,
                "arena_bytes": opt["arena_bytes"],
                "arena_bytes_fused": opt["arena_bytes_fused"] if opt["arena_bytes_fused"] >= 0 else None,
                "outputs_match": u.get("outputs_match") and (f is None or f.get("outputs_match") is not False),
            }
            t = TFLM.get(name)
            if t:
                summary["vs_tflm_cmsis_nn"] = best / t["cmsis_nn"]
            target = TARGETS.get(name)
            if target:
                summary["meets_target"] = best <= target
            entry["summary"] = summary
        else:
            err = (errors["unfused"] or "").splitlines()
            detail = [line.strip() for line in err if line.strip().startswith("error:")]
            entry["summary"] = None
            entry["failure"] = detail[0] if detail else (err[0] if err else "no output")
        models.append(entry)

    result = {
        "what": "executed instructions per inference (second invoke) on QEMU mps2-an500 (Cortex-M7), -icount shift=0",
        "generated": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "commit": args.commit,
        "qemu": args.qemu,
        "counter_granularity": "SysTick: 40 instructions",
        "tflm": "TFLM commit 90b983c2 (+ CMSIS-NN), numbers from issue 4",
        "firmware_flash_text_bytes": args.flash or None,
        "models": models,
    }
    with open(args.json, "w") as fh:
        json.dump(result, fh, indent=1)
        fh.write("\n")

    lines = [
        "# Cortex-M7 instructions per inference (QEMU mps2-an500)",
        "",
        f"Executed instructions per inference (after a warm-up invoke) under `qemu-system-arm -icount shift=0` ({args.qemu}),",
        f"commit {args.commit}, firmware `firmware/bench` (one ELF, the model placed by QEMU's generic loader),",
        "input: fixed pseudo-random pattern. Generated by `bench/run_m7.sh`. TFLM columns: issue 4",
        "(TFLM 90b983c2, same QEMU counting); TFLM arena: the issue's M7 figure / the host figure",
        "(`tflm_arena_bytes`, 64-bit pointers) from `../shared/conformance/*/manifest.json`.",
        "Counts are of one whole invoke (counted around `invoke()` without the profiler); the per-op tables",
        "below sum the profiled invoke's per-op counts (equal within the counter's 40-instruction granularity).",
        "\"opt (fused)\": conv + following pool run band by band (`--fuse`); \"instr/MAC\" uses the better",
        "optimized count. \"outputs\": reference and optimized outputs identical (int8) or within 1e-4 of",
        "the largest output (float, hybrid).",
        "",
        "| model | type | MACs | reference | optimized | opt (fused) | instr/MAC | TFLM ref | TFLM + CMSIS-NN | ours / CMSIS-NN | target | arena ours (fused) | TFLM arena M7 / host | outputs |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---|",
    ]
    for e in models:
        s, t = e["summary"], e["tflm"] or {}
        host_arena = e["tflm_host_arena_bytes"]
        tflm_arena = f"{commas(t.get('arena'))} / {commas(host_arena)}"
        if s is None:
            lines.append(f"| {e['model']} | {e['kind']} | | | | | | {commas(t.get('reference'))} | {commas(t.get('cmsis_nn'))} | | | | "
                         f"{tflm_arena} | {e['failure'].replace('|', '/')} |")
            continue
        ratio = f"{s['vs_tflm_cmsis_nn']:.2f}x" if "vs_tflm_cmsis_nn" in s else "—"
        target = e["target_instructions"]
        target_text = f"≤ {commas(target)} {'yes' if s['meets_target'] else 'NO'}" if target else "—"
        ipm = f"{s['best_instructions_per_mac']:.2f}" if s["best_instructions_per_mac"] else "—"
        arena = f"{commas(s['arena_bytes'])} ({commas(s['arena_bytes_fused'])})"
        if e["model"] == "mnist_compressed" or e["model"] == "kws_ref_model_float32":
            t_ref = t_cmsis = "refused"
        else:
            t_ref, t_cmsis = commas(t.get("reference")), commas(t.get("cmsis_nn"))
        lines.append(
            f"| {e['model']} | {e['kind']} | {commas(s['macs'])} | {commas(s['reference_instructions'])} | "
            f"{commas(s['optimized_instructions'])} | {commas(s['optimized_fused_instructions'])} | {ipm} | "
            f"{t_ref} | {t_cmsis} | {ratio} | {target_text} | {arena} | {tflm_arena} | "
            f"{'match' if s['outputs_match'] else 'DIFFER'} |")
    if args.flash:
        lines += ["", f"Flash (text, no model) of the benchmark firmware: {commas(args.flash)} bytes - the engine with "
                      "both kernel sets, the harness and the board layer (the model is loaded into RAM)."]
    lines += ["", "## Arena vs TFLM", "",
              "Ours on the M7 (optimized kernels; unfused, and fused where a conv feeds a pool) split into the",
              "runtime tables (metadata), per-op prepared data (persistent) and the planned activations, which",
              "include the kernels' working memory (scratch, planned per op). \"stack\": bytes of stack the",
              "optimized invoke() used below its caller (painted high-water mark in the bench firmware).",
              "\"small-arena\": arena and instructions with `--small-arena` (kernels that can trade",
              "instructions for working memory do; \"ours <= TFLM\" takes the smallest of the three arenas).", "",
              "| model | ours | fused | small-arena (instructions) | metadata | persistent | activations | stack (invoke) | TFLM M7 (issue) | TFLM host (manifest) | ours <= TFLM |",
              "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    for e in models:
        u = e["runs"]["unfused"]
        if e["summary"] is None or not u:
            continue
        o = u["optimized"]
        small = ((e["runs"].get("small") or {}).get("optimized") or {}) if (e["runs"].get("small") or {}).get("exit_code") == 0 else {}
        best = min(x for x in (o["arena_bytes"], o["arena_bytes_fused"], small.get("arena_bytes")) if x and x > 0)
        small_text = (f"{commas(small['arena_bytes'])} ({commas(per_inference(small))})" if small else "—")
        tflm = (e["tflm"] or {}).get("arena") or e["tflm_host_arena_bytes"]
        verdict = "—" if not tflm else ("yes" if best <= tflm else f"no (+{commas(best - tflm)})")
        lines.append(f"| {e['model']} | {commas(o['arena_bytes'])} | {commas(o['arena_bytes_fused'])} | {small_text} | "
                     f"{commas(o['arena']['metadata'])} | {commas(o['arena']['persistent'])} | "
                     f"{commas(o['arena']['activations'])} | {commas(o.get('stack_peak_bytes'))} | "
                     f"{commas((e['tflm'] or {}).get('arena'))} | "
                     f"{commas(e['tflm_host_arena_bytes'])} | {verdict} |")
    lines += ["", "## Per op (unfused, optimized vs reference)", "",
              "Fused runs and all fields are in `m7_instructions.json`.", ""]
    for e in models:
        u = e["runs"]["unfused"]
        if e["summary"] is None or not u:
            continue
        ref_ops, opt_ops = u["reference"]["ops"], u["optimized"]["ops"]
        lines += [f"### {e['model']}", "", "| # | op | MACs | reference | optimized | ref/opt | opt instr/MAC |",
                  "|---:|---|---:|---:|---:|---:|---:|"]
        for r, o in zip(ref_ops, opt_ops):
            ratio = f"{r['instructions'] / o['instructions']:.2f}x" if o["instructions"] else "—"
            ipm = f"{o['instructions'] / o['macs']:.2f}" if o["macs"] else "—"
            lines.append(f"| {o['index']} | {o['op']} | {commas(o['macs'])} | {commas(r['instructions'])} | "
                         f"{commas(o['instructions'])} | {ratio} | {ipm} |")
        lines.append("")
    with open(args.md, "w") as fh:
        fh.write("\n".join(lines))


def median(values):
    v = sorted(values)
    n = len(v)
    return None if n == 0 else (v[n // 2] if n % 2 else 0.5 * (v[n // 2 - 1] + v[n // 2]))


def host(args):
    names = sorted({os.path.basename(p).split(".")[0] for p in glob.glob(os.path.join(args.raw, "*.json"))})
    models = []
    for name in names:
        entry = {"model": name}
        for kernels in ("reference", "optimized"):
            run = load_json(os.path.join(args.raw, f"{name}.{kernels}.json"))
            if run is None:
                err = read_text(os.path.join(args.raw, f"{name}.{kernels}.err"))
                entry[kernels] = {"error": err.splitlines()[0] if err else "no output"}
                continue
            entry[kernels] = {"invoke_ns_median": find_total_ns(run), "arena_bytes": run.get("arena_bytes"),
                              "repeat": args.repeat}
        models.append(entry)
    result = {
        "what": f"host nanoseconds per inference, median of {args.repeat} invokes (tinyinfer run --repeat)",
        "generated": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "commit": args.commit,
        "machine": f"{platform.machine()}, {args.cpu}; shared and noisy (other jobs ran at the same time)",
        "models": models,
    }
    with open(args.json, "w") as fh:
        json.dump(result, fh, indent=1)
        fh.write("\n")
    lines = [
        "# Host nanoseconds per inference",
        "",
        f"`tinyinfer run MODEL --repeat {args.repeat} --kernels reference|optimized --json`, median invoke,",
        f"commit {args.commit}, {platform.machine()} ({args.cpu}). **The machine was shared and noisy**",
        "(other builds and tests ran at the same time): take ratios, not absolute values, and never use",
        "these as test thresholds. Generated by `bench/run_host.sh`.",
        "",
        "| model | reference ns | optimized ns | speed-up | arena bytes (host) |",
        "|---|---:|---:|---:|---:|",
    ]
    for e in models:
        r, o = e["reference"], e["optimized"]
        rn, on = r.get("invoke_ns_median"), o.get("invoke_ns_median")
        if rn is None or on is None:
            why = r.get("error") or o.get("error") or "no time"
            lines.append(f"| {e['model']} | | | | {why.replace('|', '/')} |")
            continue
        lines.append(f"| {e['model']} | {commas(int(rn))} | {commas(int(on))} | {rn / on:.2f}x | "
                     f"{commas(o.get('arena_bytes'))} |")
    lines.append("")
    with open(args.md, "w") as fh:
        fh.write("\n".join(lines))


def find_total_ns(run):
    """The median invoke time in ns from `tinyinfer run --json` (key names tolerated)."""
    for key in ("invoke_ns_median", "total_ns", "invoke_ns"):
        if isinstance(run.get(key), (int, float)):
            return run[key]
    timing = run.get("timing") or run.get("profile") or {}
    if isinstance(timing, dict):
        for key in ("total_ns", "invoke_ns_median", "median_ns", "total"):
            if isinstance(timing.get(key), (int, float)):
                return timing[key]
    return None


def main():
    p = argparse.ArgumentParser()
    p.add_argument("mode", choices=["m7", "host"])
    p.add_argument("--raw", required=True)
    p.add_argument("--shared", default="")
    p.add_argument("--qemu", default="")
    p.add_argument("--cpu", default="")
    p.add_argument("--repeat", type=int, default=0)
    p.add_argument("--flash", type=int, default=0)
    p.add_argument("--commit", default="")
    p.add_argument("--json", required=True)
    p.add_argument("--md", required=True)
    args = p.parse_args()
    (m7 if args.mode == "m7" else host)(args)


if __name__ == "__main__":
    main()
