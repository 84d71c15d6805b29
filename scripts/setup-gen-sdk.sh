#!/usr/bin/env bash
# Provides `gen-sdk` (scripts/gen-sdk/: the Python and Go code generators of github.com/pulumi/pulumi/pkg/v3,
# the ones `pulumi package gen-sdk` reaches through the language hosts) and prints the path of the binary.
#
# Order of preference:
#   1. a build made earlier, cached outside the repository under $PULUMI_INSPECTOR_CACHE (default
#      ~/.cache/pulumi-inspector), keyed by the hash of scripts/gen-sdk's go.mod, go.sum and main.go: a second
#      run costs nothing, and any change to the tool or its pinned modules builds it again;
#   2. a build with Go from the modules on the Go module proxy (pkg/v3 and sdk/v3 at the versions its go.mod
#      pins, the same as the CLI of setup-pulumi.sh).
# Progress goes to stderr; only the binary's path goes to stdout.
set -euo pipefail

repo_root=$(cd "$(dirname "$0")/.." && pwd)
source_dir="$repo_root/scripts/gen-sdk"
log() { printf 'setup-gen-sdk: %s\n' "$*" >&2; }

hash=$(cd "$source_dir" && cat go.mod go.sum main.go | sha256sum | cut -c1-16)
cache_root=${PULUMI_INSPECTOR_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-inspector}
bin_dir="$cache_root/gen-sdk-$hash/bin"

if [ -x "$bin_dir/gen-sdk" ]; then
    log "using cached gen-sdk ($bin_dir)"
    echo "$bin_dir/gen-sdk"
    exit 0
fi

if ! command -v go >/dev/null 2>&1; then
    log "no gen-sdk build in $cache_root, and no Go toolchain to build it."
    log "Install Go (https://go.dev/dl/), then run this again."
    exit 1
fi

rm -rf "$bin_dir.partial"
mkdir -p "$bin_dir.partial"
log "building gen-sdk from $source_dir (the first build takes a few minutes on a small machine)"
(cd "$source_dir" && GOFLAGS=-mod=mod go build -trimpath -o "$bin_dir.partial/gen-sdk" . >&2)
rm -rf "$bin_dir"
mv "$bin_dir.partial" "$bin_dir"
log "gen-sdk ready in $bin_dir"
echo "$bin_dir/gen-sdk"
