"""Draw the app's PNG icons from the same shapes as assets/icon.svg (standard library only).

Usage: python tools/icons.py   (writes assets/icon-192.png, icon-512.png, icon-maskable-512.png)
Browsers want PNG icons to offer installation; this keeps them in step with the SVG without
an image library. The maskable icon fills its square and keeps the mark in the safe zone.
"""

from __future__ import annotations

import itertools
import math
import struct
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BLUE = (0x0A, 0x5C, 0xAD)
WHITE = (0xFF, 0xFF, 0xFF)
LINE = ((12, 46), (26, 32), (36, 40), (52, 18))  # in the SVG's 64-unit box
STROKE = 6.0
RADIUS = 12.0
SAMPLES = 3  # per axis, for smooth edges


def _segment_distance(x: float, y: float, a: tuple[float, float],
                      b: tuple[float, float]) -> float:
    (ax, ay), (bx, by) = a, b
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(x - (ax + t * dx), y - (ay + t * dy))


def _in_rounded_box(x: float, y: float) -> bool:
    cx, cy = min(max(x, RADIUS), 64 - RADIUS), min(max(y, RADIUS), 64 - RADIUS)
    return math.hypot(x - cx, y - cy) <= RADIUS


def _pixel(u: float, v: float, maskable: bool) -> tuple[int, int, int, int]:
    """Colour at a point of the 64-unit box; the maskable icon shrinks the mark to 70%."""
    x, y = (32 + (u - 32) / 0.7, 32 + (v - 32) / 0.7) if maskable else (u, v)
    if not maskable and not _in_rounded_box(u, v):
        return (0, 0, 0, 0)
    on_line = min(_segment_distance(x, y, a, b) for a, b in itertools.pairwise(LINE))
    return (*WHITE, 255) if on_line <= STROKE / 2 else (*BLUE, 255)


def render(size: int, maskable: bool = False) -> bytes:
    rows = []
    step = 64 / size
    for row in range(size):
        line = bytearray(b"\x00")  # PNG filter type: none
        for column in range(size):
            total = [0, 0, 0, 0]
            for i in range(SAMPLES):
                for j in range(SAMPLES):
                    u = (column + (j + 0.5) / SAMPLES) * step
                    v = (row + (i + 0.5) / SAMPLES) * step
                    for k, value in enumerate(_pixel(u, v, maskable)):
                        total[k] += value
            line += bytes(round(t / SAMPLES**2) for t in total)
        rows.append(bytes(line))
    return _png(size, b"".join(rows))


def _png(size: int, raw: bytes) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def main() -> None:
    for name, size, maskable in (("icon-192.png", 192, False), ("icon-512.png", 512, False),
                                 ("icon-maskable-512.png", 512, True)):
        (ROOT / "assets" / name).write_bytes(render(size, maskable))
        print(f"wrote assets/{name}")


if __name__ == "__main__":
    main()
