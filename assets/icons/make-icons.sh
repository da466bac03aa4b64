#!/usr/bin/env bash
# Makes the app's icons from threadline.svg: PNGs (Linux, the window), .ico (Windows), .icns (macOS).
# Needs ImageMagick (/usr/bin/convert) and python3; the results are committed, so builds need neither.
set -euo pipefail
cd "$(dirname "$0")"
big=$(mktemp --suffix=.png)
trap 'rm -f "$big"' EXIT
# Render large once and scale down: rendered small, the thin playhead comes out dark.
/usr/bin/convert -background none -density 288 threadline.svg "png32:$big"
for s in 16 32 48 64 128 256 512 1024; do
  /usr/bin/convert "$big" -filter Lanczos -resize "${s}x${s}" "png32:threadline-$s.png"
done
/usr/bin/convert threadline-16.png threadline-32.png threadline-48.png threadline-64.png \
  threadline-128.png threadline-256.png threadline.ico
python3 - <<'PY'
# An .icns is a list of (type, length, PNG) entries after an 'icns' header.
import struct
entries = [(b'icp4', 16), (b'icp5', 32), (b'icp6', 64), (b'ic07', 128), (b'ic08', 256),
           (b'ic09', 512), (b'ic10', 1024), (b'ic11', 32), (b'ic12', 64), (b'ic13', 256), (b'ic14', 512)]
body = b''
for kind, size in entries:
    png = open(f'threadline-{size}.png', 'rb').read()
    body += kind + struct.pack('>I', 8 + len(png)) + png
open('threadline.icns', 'wb').write(b'icns' + struct.pack('>I', 8 + len(body)) + body)
PY
