#!/usr/bin/env bash
# Vulnerability check with govulncheck, offline.
#
# The public vulnerability service is not needed: the OSV records ship in the
# golang.org/x/vulndb module (data/osv), which the Go module proxy serves, and
# its cmd/indexdb turns them into a local database for `govulncheck -db
# file://...`. Everything is installed here, into a cache directory, so the
# script works on a clean machine that can reach the module proxy.
#
# It fails when
#   - any module the project requires (not the standard library) has a known
#     vulnerability, called or not;
#   - the standard library of the release toolchain ($VULNCHECK_GO, default
#     below) has a vulnerability our code reaches.
# Standard-library findings of the local toolchain are printed as a warning
# with the version that fixes them.
set -euo pipefail
cd "$(dirname "$0")/.."

VULNDB_VERSION=${VULNDB_VERSION:-v0.0.0-20261105234957-e22db6528018}
GOVULNCHECK_VERSION=${GOVULNCHECK_VERSION:-v1.9.0}
# The Go release newsclean binaries are built with (fixes the standard
# library vulnerabilities known to VULNDB_VERSION).
VULNCHECK_GO=${VULNCHECK_GO:-go1.26.11}

cache=${NEWSCLEAN_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/newsclean}/vuln
bin=$cache/bin
db=$cache/db-$VULNDB_VERSION
mkdir -p "$bin"

start=$(date +%s)
if [ ! -x "$bin/govulncheck-$GOVULNCHECK_VERSION" ]; then
  echo "installing govulncheck $GOVULNCHECK_VERSION"
  GOBIN=$bin GOFLAGS= go install "golang.org/x/vuln/cmd/govulncheck@$GOVULNCHECK_VERSION"
  mv "$bin/govulncheck" "$bin/govulncheck-$GOVULNCHECK_VERSION"
fi
if [ ! -f "$db/index/db.json" ]; then
  echo "building the vulnerability database from golang.org/x/vulndb@$VULNDB_VERSION"
  dir=$(GOFLAGS= go mod download -json "golang.org/x/vulndb@$VULNDB_VERSION" |
    sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
  if [ -z "$dir" ] || [ ! -d "$dir/data/osv" ]; then
    echo "vulncheck: golang.org/x/vulndb@$VULNDB_VERSION has no data/osv" >&2
    exit 1
  fi
  if [ ! -x "$bin/indexdb-$VULNDB_VERSION" ]; then
    GOBIN=$bin GOFLAGS= go install "golang.org/x/vulndb/cmd/indexdb@$VULNDB_VERSION"
    mv "$bin/indexdb" "$bin/indexdb-$VULNDB_VERSION"
  fi
  rm -rf "$db.tmp"
  "$bin/indexdb-$VULNDB_VERSION" -vulns "$dir/data/osv" -out "$db.tmp"
  rm -rf "$db"
  mv "$db.tmp" "$db"
fi
echo "tools ready in $(( $(date +%s) - start ))s"

govulncheck=$bin/govulncheck-$GOVULNCHECK_VERSION
out=$(mktemp)
trap 'rm -f "$out"' EXIT

# scan TOOLCHAIN: runs govulncheck with that Go (empty: the local one) and
# prints "section module@version id" for every finding.
scan() {
  local rc=0
  GOTOOLCHAIN=${1:-local} "$govulncheck" -db "file://$db" -show verbose ./... >"$out" 2>&1 || rc=$?
  # Exit status 3 means "vulnerabilities found"; anything else non-zero is a
  # failure to run.
  if [ "$rc" -ne 0 ] && [ "$rc" -ne 3 ]; then
    cat "$out" >&2
    echo "vulncheck: govulncheck failed (exit $rc)" >&2
    exit 1
  fi
  awk '
    /^=== Symbol Results/  { sec = "symbol" }
    /^=== Package Results/ { sec = "package" }
    /^=== Module Results/  { sec = "module" }
    /^Vulnerability #/     { id = $3 }
    /^[[:space:]]*Found in:/ { print sec, $3, id }
  ' "$out" | sort -u
}

is_stdlib() { # module@version; the standard library has no dot in its first element
  local first=${1%%/*}
  first=${first%%@*}
  [[ $first != *.* ]]
}

status=0

echo "== govulncheck ($(go env GOVERSION), local toolchain)"
local_findings=$(scan "")
while read -r sec mod id; do
  [ -n "$sec" ] || continue
  if is_stdlib "$mod"; then
    [ "$sec" = symbol ] && echo "warning: $id in $mod (standard library; fixed in a later Go, see below)"
  else
    echo "FAIL: $id in required module $mod ($sec level)"
    status=1
  fi
done <<<"$local_findings"
grep -E '^Vulnerability #|Found in|Fixed in' "$out" | sed 's/^/  /' || true

echo "== govulncheck ($VULNCHECK_GO, release toolchain)"
release_findings=$(scan "$VULNCHECK_GO")
while read -r sec mod id; do
  [ -n "$sec" ] || continue
  if is_stdlib "$mod" && [ "$sec" = symbol ]; then
    echo "FAIL: $id in $mod is still reachable with $VULNCHECK_GO"
    status=1
  fi
done <<<"$release_findings"
if [ "$status" -eq 0 ]; then
  echo "no vulnerability in required modules; standard library clean with $VULNCHECK_GO"
fi
echo "vulncheck took $(( $(date +%s) - start ))s"
exit "$status"
