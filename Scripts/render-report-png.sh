#!/usr/bin/env bash
# Renders an HTML report to PNG with headless Chromium, so anyone can look at it as a reader would.
# Usage: Scripts/render-report-png.sh REPORT.html OUT.png [WIDTH] [HEIGHT]
# Installs Debian's chromium package when it is missing (needs root or sudo).
set -euo pipefail
report=${1:?usage: render-report-png.sh REPORT.html OUT.png [WIDTH] [HEIGHT]}
png=${2:?usage: render-report-png.sh REPORT.html OUT.png [WIDTH] [HEIGHT]}
width=${3:-1200}
height=${4:-4000}
if ! command -v chromium >/dev/null 2>&1; then
    sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo
    $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium
fi
[ -f "$report" ] || { echo "render-report-png.sh: no such report: $report" >&2; exit 1; }
absolute=$(cd "$(dirname "$report")" && pwd)/$(basename "$report")
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --screenshot="$png" --window-size="$width,$height" "file://$absolute" 2>/dev/null
echo "wrote $png"
