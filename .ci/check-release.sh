#!/usr/bin/env bash
# Release check: `goreleaser check` and `goreleaser release --snapshot
# --clean`, offline, then a look at what a user downloads.
#
# goreleaser and syft (the SBOM generator goreleaser calls) are installed
# with `go install` from the Go module proxy into a cache directory, like
# the vulnerability tools. goreleaser v2.17 and later cannot be installed
# that way here: v2.17.0 needs a module the proxy refuses
# (go.digitalxero.dev/go-msix) and v2.18 needs Go 1.27.
#
# The snapshot is built from a clone of HEAD (goreleaser reads the commit
# and the remote from git), so it checks committed files only.
#
# It fails unless
#   - there are six archives (linux, darwin, windows x amd64, arm64), each
#     with the binary, README.md, LICENSE, the manual pages and the four
#     completion scripts, matching checksums.txt, each with an SPDX SBOM;
#   - every binary is static (CGO_ENABLED=0), built by the release Go, and
#     carries the snapshot's version and commit; the linux/amd64 binary, and
#     the linux/arm64 one under qemu-user (installed from Debian's apt when
#     root), print them with --version;
#   - the linux/amd64 binary runs the README's quick-start example.
set -euo pipefail
cd "$(dirname "$0")/.."

GORELEASER_VERSION=${GORELEASER_VERSION:-v2.16.0}
SYFT_VERSION=${SYFT_VERSION:-v1.57.1}

cache=${NEWSCLEAN_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/newsclean}/release
mkdir -p "$cache/bin"

# tool NAME MODULE/PATH VERSION: installs once per version, links into $path.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/path"
tool() {
  local name=$1 pkg=$2 version=$3 exe=$cache/bin/$1-$3
  if [ ! -x "$exe" ]; then
    echo "check-release: installing $name $version"
    GOBIN=$cache/bin GOFLAGS= go install "$pkg@$version"
    mv "$cache/bin/$name" "$exe"
  fi
  ln -s "$exe" "$tmp/path/$name"
}
start=$(date +%s)
tool goreleaser github.com/goreleaser/goreleaser/v2 "$GORELEASER_VERSION"
tool syft github.com/anchore/syft/cmd/syft "$SYFT_VERSION"
echo "check-release: tools ready in $(( $(date +%s) - start ))s"
export PATH="$tmp/path:$PATH"

# qemu-user runs the linux/arm64 binary here (Debian package, as root).
if ! command -v qemu-aarch64 >/dev/null && command -v apt-get >/dev/null; then
  sudo=""
  if [[ $(id -u) -ne 0 ]] && command -v sudo >/dev/null; then sudo=sudo; fi
  if [[ $(id -u) -eq 0 || -n $sudo ]]; then
    echo "check-release: installing qemu-user"
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq qemu-user >/dev/null
  fi
fi

git clone -q . "$tmp/src"
cd "$tmp/src"
goreleaser check
goreleaser release --snapshot --clean >"$tmp/release.log" 2>&1 || { cat "$tmp/release.log"; exit 1; }
echo "check-release: snapshot built in $(( $(date +%s) - start ))s"

fail() { echo "check-release: $*" >&2; exit 1; }
commit=$(git rev-parse HEAD)
version=v$(jq -r .version dist/metadata.json)
release_go=$(sed -n 's/^  - GOTOOLCHAIN=\(go[0-9.]*\)$/\1/p' .goreleaser.yaml)
[[ -n $release_go ]] || fail "no GOTOOLCHAIN in .goreleaser.yaml"

(cd dist && sha256sum --quiet -c checksums.txt) || fail "checksums.txt does not match"
n=0
for target in linux_amd64 linux_arm64 darwin_amd64 darwin_arm64 windows_amd64 windows_arm64; do
  os=${target%_*} arch=${target#*_} exe=newsclean
  x=$tmp/x/$target
  mkdir -p "$x"
  if [[ $os == windows ]]; then
    archive=$(ls dist/newsclean_*_"$target".zip)
    unzip -q "$archive" -d "$x"
    x=$x/$(basename "$archive" .zip)
    exe=newsclean.exe
  else
    archive=$(ls dist/newsclean_*_"$target".tar.gz)
    tar -xzf "$archive" -C "$x"
    x=$x/$(basename "$archive" .tar.gz)
  fi
  grep -q " $(basename "$archive")\$" dist/checksums.txt || fail "$archive not in checksums.txt"
  sbom=$archive.spdx.json
  jq -e '.spdxVersion and ([.packages[].name] | index("github.com/spf13/cobra"))' "$sbom" >/dev/null ||
    fail "$sbom is not an SPDX document listing the binary's modules"
  for f in "$exe" README.md LICENSE man/man1/newsclean.1 man/man1/newsclean-extract.1 \
    completions/newsclean.bash completions/_newsclean completions/newsclean.fish completions/newsclean.ps1; do
    [[ -s $x/$f ]] || fail "$archive lacks $f"
  done
  info=$(go version -m "$x/$exe")
  for want in "GOOS=$os" "GOARCH=$arch" "CGO_ENABLED=0"; do
    grep -qF -- "$want" <<<"$info" || fail "$target: build info lacks $want"
  done
  # -trimpath keeps -ldflags out of the build info: look for the values.
  for want in "$version" "$commit"; do
    grep -qaF -- "$want" "$x/$exe" || fail "$target: binary lacks $want"
  done
  head -1 <<<"$info" | grep -qF ": $release_go" || fail "$target: not built with $release_go: $(head -1 <<<"$info")"
  run=()
  case $target in
    linux_amd64) run=("$x/$exe") ;;
    linux_arm64) if command -v qemu-aarch64 >/dev/null; then run=(qemu-aarch64 "$x/$exe"); fi ;;
  esac
  if [[ ${#run[@]} -gt 0 ]]; then
    got=$("${run[@]}" --version)
    [[ $got == "newsclean $version (commit ${commit:0:12}, built "* ]] || fail "$target --version: $got"
    echo "check-release: $target: $got"
  else
    echo "check-release: $target: version and commit in the binary (not run on this machine)"
  fi
  n=$((n + 1))
done
[[ $n -eq 6 ]] || fail "$n archives, want 6"

# Static: no program interpreter, no shared libraries.
amd64=$(ls -d "$tmp"/x/linux_amd64/newsclean_*)/newsclean
file "$amd64" | grep -q 'statically linked' || fail "linux/amd64 binary is not static"

# The README's quick-start example, with the downloaded binary.
example=$(sed -n 's/^    newsclean \(extract [^ ]*\)$/\1/p' README.md | head -1)
[[ -n $example ]] || fail "no quick-start example in README.md"
out=$("$amd64" $example)
title=$(jq -r .title testdata/seed/want.json)
[[ $(head -1 <<<"$out") == "$title" ]] || fail "README example: first line $(head -1 <<<"$out"), want $title"
# NEWSCLEAN_RELEASE_DIST=DIR keeps the archives, e.g. to try an install.
if [[ -n ${NEWSCLEAN_RELEASE_DIST:-} ]]; then
  mkdir -p "$NEWSCLEAN_RELEASE_DIST"
  cp dist/*.tar.gz dist/*.zip dist/*.spdx.json dist/checksums.txt "$NEWSCLEAN_RELEASE_DIST"
fi
echo "check-release: ok ($n archives, version $version, README example: $(head -1 <<<"$out"))"
