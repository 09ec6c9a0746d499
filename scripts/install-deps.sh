#!/usr/bin/env bash
# Installs the Debian packages nhacviec needs to build and test, only those
# that are missing. Idempotent: a second run installs nothing.
#   scripts/install-deps.sh build   # libcurl and SQLite headers
#   scripts/install-deps.sh test    # build + what the tests talk to
#   scripts/install-deps.sh bench   # test + the tools benchmarks compare against
set -euo pipefail

build_packages=(libcurl4-openssl-dev libssl-dev libsqlite3-dev pkg-config)
# Tests use Debian's own Python (/usr/bin/python3) and its packages, so a
# pyenv or virtualenv python3 on PATH cannot change what they run against.
test_packages=(python3 python3-aiosmtpd python3-jsonschema python3-yaml tzdata python3-docx openssl libreoffice-writer-nogui python3-uno fonts-liberation2 poppler-utils
    curl apache2-utils prometheus python3-icalendar chromium chromium-driver python3-selenium dovecot-imapd)
bench_packages=(remind postfix time strace wrk nginx-light)

case "${1:-build}" in
    build) wanted=("${build_packages[@]}") ;;
    test) wanted=("${build_packages[@]}" "${test_packages[@]}") ;;
    bench) wanted=("${build_packages[@]}" "${test_packages[@]}" "${bench_packages[@]}") ;;
    *) echo "usage: $0 build|test|bench" >&2; exit 64 ;;
esac

missing=()
for package in "${wanted[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
    echo "nhacviec needs these Debian packages: ${missing[*]}" >&2
    echo "Install them as root:  sudo apt-get install ${missing[*]}" >&2
    exit 1
fi

echo "Installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
# postfix asks questions at install time; answer "no configuration" up front.
echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections 2>/dev/null || true
if ! apt-get install -y -q --no-install-recommends "${missing[@]}" >/tmp/nhacviec-apt.log 2>&1; then
    apt-get update -q >>/tmp/nhacviec-apt.log 2>&1
    apt-get install -y -q --no-install-recommends "${missing[@]}" >>/tmp/nhacviec-apt.log 2>&1 || {
        echo "apt-get install failed; see /tmp/nhacviec-apt.log" >&2
        tail -20 /tmp/nhacviec-apt.log >&2
        exit 1
    }
fi
