#!/usr/bin/env python3
"""The digit pad in a real browser: headless Chromium driven over W3C WebDriver
(chromedriver), with a client written here on the standard library only.

Starts `tinyinfer serve` on a free loopback port, opens the page, draws a "7"
with pointer actions on the canvas, waits for every backend's answer, checks
the predicted digit, that the probability bars and the per-layer chart were
drawn and the 28x28 thumbnail holds ink, and saves a screenshot.

Exit codes: 0 pass, 1 fail, 77 skipped (no chromium or chromedriver: ctest's
SKIP_RETURN_CODE). Every wait has a deadline: a broken page fails, never hangs.

  digit_pad_browser_test.py --cli build/host/tools/cli/tinyinfer --out-dir DIR
      [--screenshot docs/images/digit_pad.png] [--serve-arg=--board --serve-arg=qemu ...]
"""
import argparse
import base64
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

ELEMENT_KEY = "element-6066-11e4-a52e-4f735466cecf"  # W3C WebDriver's web element identifier
HTTP_TIMEOUT_S = 150  # starting Chromium on a loaded 2-core machine can take a minute
EXPECTED_DIGIT = 7


class TestFailure(Exception):
    pass


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http_json(method, url, body=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=HTTP_TIMEOUT_S) as reply:
            return json.loads(reply.read() or b"null")
    except urllib.error.HTTPError as error:
        raise TestFailure(f"{method} {url}: HTTP {error.code}: {error.read()[:500]!r}") from None
    except (urllib.error.URLError, OSError) as error:  # refused, reset, timed out
        raise TestFailure(f"{method} {url}: {error}") from None


class WebDriver:
    """The few W3C WebDriver commands this test needs."""

    def __init__(self, base):
        self.base = base
        self.session = None

    def start(self, chromium, profile_dir):
        args = ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1400,1000", "--disable-dev-shm-usage", "--no-first-run",
                f"--user-data-dir={profile_dir}", "--force-device-scale-factor=1"]
        reply = http_json("POST", f"{self.base}/session", {"capabilities": {"alwaysMatch": {
            "browserName": "chrome", "goog:chromeOptions": {"binary": chromium, "args": args}}}})
        self.session = reply["value"]["sessionId"]

    def command(self, method, path, body=None):
        return http_json(method, f"{self.base}/session/{self.session}{path}", body)["value"]

    def script(self, source, *args):
        return self.command("POST", "/execute/sync", {"script": source, "args": list(args)})

    def wait_for(self, source, what, timeout_s=30):
        deadline = time.monotonic() + timeout_s
        while True:
            value = self.script(source)
            if value:
                return value
            if time.monotonic() > deadline:
                status = self.script("return document.getElementById('status').textContent")
                raise TestFailure(f"timed out after {timeout_s} s waiting for {what}; page status: {status!r}")
            time.sleep(0.2)

    def quit(self):
        if self.session:
            try:
                http_json("DELETE", f"{self.base}/session/{self.session}")
            except (TestFailure, OSError):
                pass
            self.session = None


def stroke_actions(element, points, steps_per_segment=12):
    """One pointer (mouse) stroke through `points`, offsets from the element's centre."""
    origin = {ELEMENT_KEY: element}
    actions = [{"type": "pointerMove", "duration": 0, "origin": origin, "x": points[0][0], "y": points[0][1]},
               {"type": "pointerDown", "button": 0}]
    for (x0, y0), (x1, y1) in zip(points, points[1:]):
        for k in range(1, steps_per_segment + 1):
            t = k / steps_per_segment
            actions.append({"type": "pointerMove", "duration": 10, "origin": origin,
                            "x": round(x0 + (x1 - x0) * t), "y": round(y0 + (y1 - y0) * t)})
    actions.append({"type": "pointerUp", "button": 0})
    return {"actions": [{"type": "pointer", "id": "pen", "parameters": {"pointerType": "mouse"}, "actions": actions}]}


def start_server(cli, serve_args):
    server = subprocess.Popen([cli, "serve", *serve_args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120  # a board backend boots QEMU first
    lines = []
    while time.monotonic() < deadline:
        line = server.stdout.readline()
        if not line:
            raise TestFailure(f"tinyinfer serve exited (code {server.wait(5)}): {''.join(lines)}{server.stderr.read()}")
        lines.append(line)
        if line.startswith("serving http://"):
            return server, line.split()[1]
    raise TestFailure("tinyinfer serve printed no 'serving' line in 120 s")


def run(args):
    chromium = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)),
                    None)
    chromedriver = shutil.which("chromedriver")
    if not chromium or not chromedriver:
        missing = " and ".join(n for n, p in (("chromium", chromium), ("chromedriver", chromedriver)) if not p)
        print(f"SKIP: {missing} not installed (Debian: apt-get install chromium chromium-driver)")
        return 77

    serve_args = args.serve_arg or ["--host"]
    if not any(a.startswith("--listen") for a in serve_args):
        serve_args += ["--listen", "127.0.0.1:0"]  # a free port: the URL comes from the 'serving' line
    server, url = start_server(args.cli, serve_args)
    driver_port = free_port()
    driver = subprocess.Popen([chromedriver, f"--port={driver_port}"], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    browser = WebDriver(f"http://127.0.0.1:{driver_port}")
    profile = tempfile.mkdtemp(prefix="digit_pad_chromium_")
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if http_json("GET", f"{browser.base}/status")["value"]["ready"]:
                    break
            except (OSError, TestFailure):
                pass
            if time.monotonic() > deadline:
                raise TestFailure("chromedriver did not become ready in 30 s")
            time.sleep(0.2)
        browser.start(chromium, profile)
        browser.command("POST", "/url", {"url": url})
        backends = [b["id"] for b in http_json("GET", url + "api/info")["backends"]]
        browser.wait_for("return document.body.dataset.state === 'ready' && "
                         f"document.querySelectorAll('.backend').length === {len(backends)}",
                         f"the page to load with {len(backends)} backend column(s)")

        pad = browser.command("POST", "/element", {"using": "css selector", "value": "#pad"})[ELEMENT_KEY]
        # A "7": the top bar left to right, then the stem down and a little left.
        browser.command("POST", "/actions", stroke_actions(pad, [(-70, -95), (70, -95), (-5, 105)]))
        browser.command("DELETE", "/actions")
        browser.wait_for("return document.body.dataset.state === 'done'", "every backend's answer", timeout_s=60)

        for backend in backends:
            shown = browser.script(f"return document.getElementById('digit-{backend}').textContent")
            bars = browser.script(
                f"return Array.from(document.querySelectorAll('#probabilities-{backend} rect'))"
                ".map(r => Number(r.getAttribute('height')))")
            layers = browser.script(f"return document.querySelectorAll('#layers-{backend} rect').length")
            print(f"{backend}: predicted {shown}, {len(bars)} probability bars, {layers} layer bars")
            if shown != str(EXPECTED_DIGIT):
                raise TestFailure(f"{backend} predicted {shown!r} for the drawn 7")
            if len(bars) != 10 or max(bars) < 50:
                raise TestFailure(f"{backend}: probability chart has bars {bars}, want 10 with a tall winner")
            if layers < 1:
                raise TestFailure(f"{backend}: the per-layer chart has no bars")
        thumbnail_ink = browser.script(
            "const c = document.getElementById('thumbnail');"
            "const d = c.getContext('2d').getImageData(0, 0, 28, 28).data;"
            "let n = 0; for (let i = 0; i < d.length; i += 4) if (d[i] > 0) ++n; return n;")
        print(f"thumbnail: {thumbnail_ink} of 784 pixels inked")
        if not 20 <= thumbnail_ink <= 400:
            raise TestFailure(f"the 28x28 thumbnail has {thumbnail_ink} inked pixels")

        png = base64.b64decode(browser.command("GET", "/screenshot"))
        targets = [os.path.join(args.out_dir, "digit_pad.png")] + ([args.screenshot] if args.screenshot else [])
        for target in targets:
            os.makedirs(os.path.dirname(os.path.abspath(target)), exist_ok=True)
            with open(target, "wb") as f:
                f.write(png)
            print(f"screenshot: {target} ({len(png)} bytes)")
        browser.quit()

        server.send_signal(signal.SIGTERM)
        code = server.wait(15)
        if code != 0:
            raise TestFailure(f"tinyinfer serve exited with {code} after SIGTERM: {server.stderr.read()}")
        print("PASS")
        return 0
    finally:
        browser.quit()
        for process in (driver, server):
            if process.poll() is None:
                process.kill()
                process.wait()
        shutil.rmtree(profile, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cli", required=True, help="the tinyinfer binary")
    parser.add_argument("--out-dir", required=True, help="where the screenshot goes")
    parser.add_argument("--screenshot", help="also write the screenshot here (docs/images/digit_pad.png)")
    parser.add_argument("--serve-arg", action="append", help="argument for tinyinfer serve (repeat; default "
                        "--host; --listen 127.0.0.1:0 unless given); e.g. --serve-arg=--board --serve-arg=qemu")
    args = parser.parse_args()
    try:
        return run(args)
    except (TestFailure, OSError, KeyError, subprocess.TimeoutExpired) as error:
        print(f"FAIL: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
