"""png.py: read a PNG with the standard library only (zlib, struct).

    python3 png.py FILE X Y...     prints "WIDTH HEIGHT", then "RRGGBB"
                                   of each pixel X,Y on a line of its own
    python3 png.py FILE --dark N   prints "WIDTH HEIGHT", then how many
                                   pixels of the first N rows are dark
                                   (all channels below 128): text drawn

Only 8-bit RGB and RGBA, not interlaced (what rsvg-convert and Chromium
write). Rows are unfiltered only down to the lowest pixel asked for.
"""
import struct
import sys
import zlib


def read(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        sys.exit(f"{path}: not a PNG")
    pos, idat, head = 8, [], None
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind = data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            head = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        pos += 12 + length
    return head, b"".join(idat)


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def rows(head, idat, last):
    width, _, depth, colour, _, _, interlace = head
    if depth != 8 or colour not in (2, 6) or interlace:
        sys.exit(f"unsupported PNG: depth {depth}, colour type {colour}")
    bpp = 3 if colour == 2 else 4
    stride = width * bpp
    raw = zlib.decompressobj().decompress(idat, (last + 1) * (stride + 1))
    prev = bytearray(stride)
    out = []
    for y in range(last + 1):
        f = raw[y * (stride + 1)]
        cur = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        if f == 1:
            for i in range(bpp, stride):
                cur[i] = (cur[i] + cur[i - bpp]) & 255
        elif f == 2:
            cur = bytearray((x + p) & 255 for x, p in zip(cur, prev))
        elif f == 3:
            for i in range(stride):
                left = cur[i - bpp] if i >= bpp else 0
                cur[i] = (cur[i] + ((left + prev[i]) >> 1)) & 255
        elif f == 4:
            for i in range(stride):
                left = cur[i - bpp] if i >= bpp else 0
                up_left = prev[i - bpp] if i >= bpp else 0
                cur[i] = (cur[i] + paeth(left, prev[i], up_left)) & 255
        out.append(cur)
        prev = cur
    return out, bpp


def main():
    head, idat = read(sys.argv[1])
    print(head[0], head[1])
    if len(sys.argv) == 2:
        return
    if sys.argv[2] == "--dark":
        data, bpp = rows(head, idat, int(sys.argv[3]) - 1)
        print(sum(1 for row in data for i in range(0, len(row), bpp)
                  if max(row[i:i + 3]) < 128))
        return
    pts = [(int(sys.argv[i]), int(sys.argv[i + 1])) for i in range(2, len(sys.argv), 2)]
    data, bpp = rows(head, idat, max(y for _, y in pts))
    for x, y in pts:
        px = data[y][x * bpp:x * bpp + 3]
        print("%02x%02x%02x" % tuple(px))


main()
