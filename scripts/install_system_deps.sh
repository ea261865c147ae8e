#!/usr/bin/env bash
# Set-up step of `make test`: the system programs two test modules drive (Chromium for the
# review page, PostgreSQL for the register on a server). Installed from Debian only when
# missing and we are root with apt-get; otherwise nothing happens and those tests say what
# is missing. Tests themselves never install anything.
set -uo pipefail

have_browser() { for b in chromium chromium-browser google-chrome google-chrome-stable; do command -v "$b" >/dev/null && return 0; done; return 1; }
have_postgres() { compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; }

missing=()
have_browser || missing+=(chromium)
have_postgres || missing+=(postgresql)
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
    echo "Hinweis: ${missing[*]} fehlt; die Tests dazu schlagen fehl (als root: apt-get install -y ${missing[*]})." >&2
    exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null || {
    echo "Hinweis: apt-get install ${missing[*]} ist fehlgeschlagen; die Tests dazu schlagen fehl." >&2
}
exit 0
