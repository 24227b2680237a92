#!/usr/bin/env python3
"""Runs the study's own notebook client (its FbComm class, unchanged) against
the link firmware in QEMU, on both of FbComm's paths:

  uart  QEMU's link UART on a pty; FbComm(uart=PTY) reads at most 100 / 92
        bytes with pyserial's 0.3 s / 20 s timeouts, as it would on a board.
  tcp   QEMU's link UART on a Unix socket behind tools/link/study_relay.py;
        FbComm(ip=, port=) reads each reply with one recv().

Each path asks for the stats and classifies the first test digit of every
label; the run fails unless every reply parses, the clock is > 0 and each
digit's argmax (FbComm prints Out[i]) is its label.

    tools/link/run_study_client.py --notebook STUDY/jupyter_notebook \\
        --firmware build/ci/firmware-m7/firmware/link/tinyinfer-link-qemu-mps2-an500.elf \\
        --mnist ../shared/data/mnist

STUDY is a checkout of the study's repository (dimtass/stm32f746-tflite-micro-mnist);
its client is third-party code and is not part of this repository. Needs
Debian's python3-flatbuffers, python3-serial and python3-numpy (FbComm's imports).
"""
import argparse
import contextlib
import gzip
import io
import os
import re
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def first_digit_of_each_label(mnist_dir):
    """[(label, 784 floats in [0, 1])] from the MNIST test set, in label order."""
    with gzip.open(os.path.join(mnist_dir, "t10k-images-idx3-ubyte.gz")) as f:
        magic, count, rows, cols = struct.unpack(">IIII", f.read(16))
        if magic != 2051 or rows * cols != 784:
            raise SystemExit(f"{mnist_dir}: not an MNIST image file (magic {magic}, {rows}x{cols})")
        images = f.read(count * 784)
    with gzip.open(os.path.join(mnist_dir, "t10k-labels-idx1-ubyte.gz")) as f:
        f.read(8)
        labels = f.read(count)
    found = {}
    for i, label in enumerate(labels):
        if label not in found:
            found[label] = [b / 255.0 for b in images[i * 784:(i + 1) * 784]]
        if len(found) == 10:
            break
    return sorted(found.items())


def start_qemu(qemu, firmware, link_serial):
    command = [qemu, "-M", "mps2-an500", "-nographic", "-monitor", "none", "-semihosting", "-icount", "shift=0",
               "-serial", "null", "-serial", link_serial, "-kernel", firmware]
    return subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True)


def qemu_pty(process):
    """The pty QEMU put the link UART on ("char device redirected to /dev/pts/N (label serial1)")."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        match = re.search(r"redirected to (/dev/pts/\d+) \(label serial1\)", line)
        if match:
            return match.group(1)
    raise SystemExit("QEMU did not report the link UART's pty")


def run_client(fbcomm_class, digits, **connection):
    """Stats and one inference per digit through FbComm; returns the failures."""
    failures = []
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        comm = fbcomm_class(**connection)
        comm.reqStats()
    text = output.getvalue()
    freq = re.search(r"Freq: (\d+)", text)
    if not freq or int(freq.group(1)) <= 0:
        failures.append(f"stats: no clock in FbComm's output: {text!r}")
    else:
        print(f"  stats: Freq {freq.group(1)} Hz")
    for label, digit in digits:
        output = io.StringIO()
        with contextlib.redirect_stdout(output):
            comm.reqInference(digit)
        text = output.getvalue()
        outs = {int(i): float(v) for i, v in re.findall(r"Out\[(\d+)\]: ([-0-9.e]+)", text)}
        timer = re.search(r"Execution time: ([0-9.]+) msec", text)
        if len(outs) != 10 or not timer:
            failures.append(f"digit {label}: FbComm printed {text!r}")
            continue
        predicted = max(outs, key=outs.get)
        print(f"  digit {label}: predicted {predicted} (p={outs[predicted]:.3f}), {timer.group(1)} ms")
        if predicted != label:
            failures.append(f"digit {label}: predicted {predicted}")
    del comm
    return failures


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--notebook", required=True, help="the study's jupyter_notebook folder (FbComm/, MnistProt/)")
    parser.add_argument("--firmware", required=True, help="the QEMU link firmware (tinyinfer-link-qemu-mps2-an500.elf)")
    parser.add_argument("--mnist", required=True, help="folder with t10k-images-idx3-ubyte.gz and the labels")
    parser.add_argument("--qemu", default=os.environ.get("TINYINFER_QEMU") or shutil.which("qemu-system-arm"))
    args = parser.parse_args()
    if not args.qemu:
        raise SystemExit("qemu-system-arm not found (apt-get install qemu-system-arm, or set TINYINFER_QEMU)")
    sys.path.insert(0, os.path.abspath(args.notebook))
    sys.path.insert(0, os.path.join(os.path.abspath(args.notebook), "FbComm"))
    from FbComm import FbComm  # the study's client, as it is

    digits = first_digit_of_each_label(args.mnist)
    failures = []

    print("uart: FbComm(uart=<QEMU's pty>)")
    qemu = start_qemu(args.qemu, args.firmware, "pty")
    holder = None
    try:
        pty = qemu_pty(qemu)
        # QEMU drops what its pty gets while no one has the other end open and
        # looks again once a second: hold it open first, as a board's adapter
        # is always there (the holder reads nothing).
        holder = os.open(pty, os.O_RDWR | os.O_NOCTTY)
        time.sleep(1.5)
        failures += [f"uart {f}" for f in run_client(FbComm, digits, uart=pty)]
    finally:
        if holder is not None:
            os.close(holder)
        qemu.kill()
        qemu.wait()

    print("tcp: FbComm(ip=127.0.0.1, port=<relay>) through tools/link/study_relay.py")
    folder = tempfile.mkdtemp(prefix="study_client_")
    link_socket = os.path.join(folder, "link.sock")
    qemu = start_qemu(args.qemu, args.firmware, f"unix:{link_socket},server=on,wait=off")
    relay = None
    try:
        deadline = time.monotonic() + 30
        while not os.path.exists(link_socket) and time.monotonic() < deadline:
            time.sleep(0.05)
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        relay = subprocess.Popen([sys.executable, os.path.join(HERE, "study_relay.py"), "--qemu", link_socket,
                                  "--listen", f"127.0.0.1:{port}"], stderr=subprocess.PIPE, text=True)
        relay.stderr.readline()  # "relay: FbComm on ... <-> QEMU ..." once it listens
        failures += [f"tcp {f}" for f in run_client(FbComm, digits, ip="127.0.0.1", port=port)]
    finally:
        for process in (relay, qemu):
            if process:
                process.kill()
                process.wait()
        shutil.rmtree(folder, ignore_errors=True)

    for failure in failures:
        print(f"FAIL: {failure}")
    print("PASS" if not failures else f"{len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
