#!/usr/bin/env bash
# Debian packages the full test suite needs: PostgreSQL (integration tests), chromium (browser test),
# a CJK font (readable screenshots and PDF letters). Installs only what is missing.
set -euo pipefail
need=()
# dpkg, not `fc-list | grep -q`: under pipefail grep's early exit makes the pipe fail (SIGPIPE).
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
[ -x /usr/bin/chromium ] || need+=(chromium)
installed fonts-noto-cjk || need+=(fonts-noto-cjk)
installed fonts-dejavu-core || need+=(fonts-dejavu-core)   # a Latin TrueType font some ingest tests embed
# PDF letters embed a TrueType-outline CJK font (reportlab cannot embed Noto's CFF outlines).
[ -f /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc ] || need+=(fonts-wqy-zenhei)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then echo "missing Debian packages: ${need[*]} (run as root to install)" >&2; exit 1; fi
  echo "==> apt-get install ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
