"""Open an HTML file in headless Chromium, record what it loads and any error, take a screenshot.

    python3 tests/browser/open_in_chromium.py REPORT.html SCREENSHOT.png [--chromium /usr/bin/chromium]

Standard library only. Chromium is driven over the DevTools protocol on a pipe
(`--remote-debugging-pipe`: commands on fd 3, replies on fd 4, JSON messages ended by NUL), so
no driver, no port and no network. Prints one JSON object: the page title, the number of inline
SVG elements, every URL the page requested, every console error, uncaught exception, failed load
or broken image, and the screenshot's size. Exits 1 when the page requested anything but itself
(any http(s) resource), logged an error, or did not load; exit 2 when Chromium cannot be started.
"""

import argparse
import base64
import fcntl
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-default-apps",
    "--hide-scrollbars",
    "--mute-audio",
    "--remote-debugging-pipe",
]


class Browser:
    def __init__(self, chromium: str, profile: str):
        to_child_r, self.to_child = os.pipe()
        self.from_child, from_child_w = os.pipe()
        # Move the child's ends above the low numbers so that dup2 onto 3 and 4 cannot clobber them.
        hi_r = fcntl.fcntl(to_child_r, fcntl.F_DUPFD, 100)
        hi_w = fcntl.fcntl(from_child_w, fcntl.F_DUPFD, 100)
        os.close(to_child_r)
        os.close(from_child_w)

        def fds():
            os.dup2(hi_r, 3)
            os.dup2(hi_w, 4)

        self.proc = subprocess.Popen(
            [chromium, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            preexec_fn=fds,
            pass_fds=(3, 4),
        )
        os.close(hi_r)
        os.close(hi_w)
        self.buf = b""
        self.next_id = 0
        self.events = []

    def _read_message(self, deadline: float):
        while b"\0" not in self.buf:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("Chromium did not answer in time")
            ready, _, _ = select.select([self.from_child], [], [], left)
            if ready:
                chunk = os.read(self.from_child, 1 << 20)
                if not chunk:
                    raise RuntimeError("Chromium closed the DevTools pipe")
                self.buf += chunk
        raw, self.buf = self.buf.split(b"\0", 1)
        return json.loads(raw)

    def call(self, method: str, params=None, session=None, timeout=30.0):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        os.write(self.to_child, json.dumps(msg).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            m = self._read_message(deadline)
            if m.get("id") == self.next_id:
                if "error" in m:
                    raise RuntimeError(f"{method}: {m['error']}")
                return m.get("result", {})
            self.events.append(m)

    def wait_for(self, method: str, timeout=30.0):
        deadline = time.monotonic() + timeout
        for m in self.events:
            if m.get("method") == method:
                return m
        while True:
            m = self._read_message(deadline)
            self.events.append(m)
            if m.get("method") == method:
                return m

    def close(self):
        try:
            self.call("Browser.close", timeout=5)
        except Exception:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def charset(family: str) -> set[int]:
    """The code points fontconfig says the family covers (every style of it)."""
    out = subprocess.run(["fc-list", f":family={family}", "charset"], capture_output=True, text=True, check=True).stdout
    points: set[int] = set()
    for token in out.replace(":charset=", " ").split():
        lo, _, hi = token.partition("-")
        try:
            points.update(range(int(lo, 16), int(hi or lo, 16) + 1))
        except ValueError:
            continue
    return points


def glyph_check(b: "Browser", s: str) -> dict:
    """Every character of the page's text and SVG labels against the fonts Chromium rendered
    them with (CSS.getPlatformFontsForNode on the text-bearing elements): the characters none of
    those fonts covers would show as empty boxes."""
    text = b.call(
        "Runtime.evaluate",
        {
            "expression": "document.body.innerText + [...document.querySelectorAll('svg text')]"
            ".map(t => t.textContent).join('')",
            "returnByValue": True,
        },
        session=s,
    )["result"]["value"]
    b.call("DOM.enable", session=s)
    b.call("CSS.enable", session=s)
    root = b.call("DOM.getDocument", {"depth": 0}, session=s)["root"]["nodeId"]
    nodes = b.call(
        "DOM.querySelectorAll", {"nodeId": root, "selector": "h1,h2,h3,p,th,td,li,b,code,text"}, session=s
    )["nodeIds"]
    fonts: set[str] = set()
    for n in nodes:
        for f in b.call("CSS.getPlatformFontsForNode", {"nodeId": n}, session=s)["fonts"]:
            fonts.add(f["familyName"])
    if not shutil.which("fc-list"):
        return {"fonts": sorted(fonts), "missing": [], "characters": 0, "error": "fc-list not found (fontconfig)"}
    covered: set[int] = set()
    for f in fonts:
        covered |= charset(f)
    chars = {c for c in text if not c.isspace() and ord(c) >= 0x20}
    missing = sorted(c for c in chars if ord(c) not in covered)
    return {"fonts": sorted(fonts), "missing": missing, "characters": len(chars), "error": None}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("page")
    ap.add_argument("screenshot")
    ap.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    ap.add_argument("--width", type=int, default=1280)
    ap.add_argument("--from-y", type=int, default=0, help="screenshot from this height of the page (pixels)")
    ap.add_argument("--max-height", type=int, default=0, help="screenshot at most this many pixels (0: whole page)")
    ap.add_argument(
        "--glyphs",
        action="store_true",
        help="check that every character of the page (text and SVG) has a glyph in the fonts Chromium used",
    )
    args = ap.parse_args()
    page = Path(args.page).resolve()
    url = page.as_uri()
    if not Path(args.chromium).exists():
        print(f"chromium not found at {args.chromium}", file=sys.stderr)
        return 2

    with tempfile.TemporaryDirectory() as profile:
        try:
            b = Browser(args.chromium, profile)
        except OSError as e:
            print(f"cannot start {args.chromium}: {e}", file=sys.stderr)
            return 2
        try:
            target = b.call("Target.createTarget", {"url": "about:blank"})["targetId"]
            s = b.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
            for domain in ["Page", "Runtime", "Log", "Network"]:
                b.call(f"{domain}.enable", session=s)
            b.call(
                "Emulation.setDeviceMetricsOverride",
                {"width": args.width, "height": 900, "deviceScaleFactor": 1, "mobile": False},
                session=s,
            )
            nav = b.call("Page.navigate", {"url": url}, session=s)
            b.wait_for("Page.loadEventFired", timeout=60)
            info = b.call(
                "Runtime.evaluate",
                {
                    "expression": "JSON.stringify({title: document.title,"
                    " svg: document.querySelectorAll('svg').length,"
                    " tables: document.querySelectorAll('table').length,"
                    " broken_images: [...document.images].filter(i => !i.complete || i.naturalWidth === 0).length,"
                    " height: Math.ceil(document.documentElement.scrollHeight)})",
                    "returnByValue": True,
                },
                session=s,
            )["result"]["value"]
            info = json.loads(info)
            if args.glyphs:
                info["glyphs"] = glyph_check(b, s)
            shot_height = max(1, info["height"] - args.from_y)
            if args.max_height:
                shot_height = min(shot_height, args.max_height)
            shot = b.call(
                "Page.captureScreenshot",
                {
                    "format": "png",
                    "captureBeyondViewport": True,
                    "clip": {"x": 0, "y": args.from_y, "width": args.width, "height": shot_height, "scale": 1},
                },
                session=s,
                timeout=60,
            )
            png = base64.b64decode(shot["data"])
        except (TimeoutError, RuntimeError) as e:
            b.close()
            print(json.dumps({"page": str(page), "errors": [f"DevTools: {e}"]}, indent=1))
            return 1
        b.close()

    Path(args.screenshot).write_bytes(png)
    requests, errors = [], []
    if nav.get("errorText"):
        errors.append(f"navigation: {nav['errorText']}")
    for m in b.events:
        method, p = m.get("method"), m.get("params", {})
        if method == "Network.requestWillBeSent":
            u = p["request"]["url"]
            requests.append(u if len(u) <= 100 else u[:60] + f"... ({len(u)} characters)")
        elif method == "Network.loadingFailed":
            errors.append(f"load failed: {p.get('errorText')} ({p.get('type')})")
        elif method == "Runtime.exceptionThrown":
            d = p["exceptionDetails"]
            errors.append(f"exception: {d.get('exception', {}).get('description') or d.get('text')}")
        elif method == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
            errors.append("console: " + " ".join(str(a.get("value", a.get("description"))) for a in p["args"]))
        elif method == "Log.entryAdded" and p["entry"]["level"] == "error":
            errors.append(f"log: {p['entry']['text']}")
    foreign = [r for r in requests if r != url and not r.startswith("data:")]
    glyphs = info.get("glyphs")
    if glyphs is not None:
        if glyphs["error"]:
            errors.append(glyphs["error"])
        if glyphs["missing"]:
            errors.append(f"missing glyphs: {''.join(glyphs['missing'])!r} (fonts used: {', '.join(glyphs['fonts'])})")
    if info["broken_images"]:
        errors.append(f"{info['broken_images']} broken image(s)")
    if foreign:
        errors.append(f"the page requested {len(foreign)} resource(s) besides itself")
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    print(
        json.dumps(
            {
                "page": str(page),
                "title": info["title"],
                "svg": info["svg"],
                "tables": info["tables"],
                "requests": requests,
                "errors": errors,
                "screenshot": {"path": args.screenshot, "width": width, "height": height, "bytes": len(png)},
                "glyphs": glyphs,
            },
            indent=1,
            ensure_ascii=False,
        )
    )
    return 1 if errors or url not in requests else 0


if __name__ == "__main__":
    sys.exit(main())
