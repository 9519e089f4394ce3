#!/usr/bin/env bash
# Debian packages the build and tests need, installed only where missing:
#   wdutch                         Dutch word list that decides OCR diacritic repairs
#   --test: chromium(-driver)      headless browser for the accessibility and PDF tests
#           tesseract-ocr(-nld)    OCR with the Dutch model, for `stand ocr` and its test
# Needs root (apt-get); without it, says what to install and fails.
# With CHROME_BIN set (a Chrome and its chromedriver already on PATH) no browser is installed.
set -euo pipefail
missing=()
[ -f /usr/share/dict/dutch ] || missing+=(wdutch)
if [ "${1:-}" = "--test" ]; then
  if [ -z "${CHROME_BIN:-}" ]; then
    command -v chromium >/dev/null || missing+=(chromium)
    command -v chromedriver >/dev/null || missing+=(chromium-driver)
  fi
  command -v tesseract >/dev/null || missing+=(tesseract-ocr)
  [ -n "$(ls /usr/share/tesseract-ocr/*/tessdata/nld.traineddata 2>/dev/null)" ] || missing+=(tesseract-ocr-nld)
fi
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "error: missing Debian packages: ${missing[*]}; run: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
echo "installing Debian packages: ${missing[*]}"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
