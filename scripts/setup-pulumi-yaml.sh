#!/usr/bin/env bash
# Provides the Pulumi YAML language host (`pulumi-language-yaml`), which the CLI needs to run a YAML program
# (`runtime: yaml`), and prints the folder that holds it (put it on PATH beside the CLI of setup-pulumi.sh).
#
# Order of preference:
#   1. a build made earlier, cached outside the repository under $PULUMI_INSPECTOR_CACHE (default
#      ~/.cache/pulumi-inspector), keyed by version: a second run costs nothing;
#   2. a build with Go from the module github.com/pulumi/pulumi-yaml on the Go module proxy. Its go.mod has no
#      `replace` lines, so `go install module@version` builds it as it is (Go >= the go line of its go.mod).
#
# The version is $PULUMI_YAML_VERSION, default v1.25.0 (the newest the module proxy served when this was
# written). The host talks to the CLI through the stable LanguageRuntime gRPC interface, so it need not match
# the CLI's version. Progress goes to stderr; only the folder goes to stdout.
set -euo pipefail

log() { printf 'setup-pulumi-yaml: %s\n' "$*" >&2; }

version=${PULUMI_YAML_VERSION:-v1.25.0}
module=github.com/pulumi/pulumi-yaml
cache_root=${PULUMI_INSPECTOR_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-inspector}
bin_dir="$cache_root/pulumi-yaml-$version/bin"

if [ -x "$bin_dir/pulumi-language-yaml" ]; then
    log "using cached pulumi-language-yaml $version ($bin_dir)"
    echo "$bin_dir"
    exit 0
fi

if ! command -v go >/dev/null 2>&1; then
    log "no pulumi-language-yaml $version in $cache_root, and no Go toolchain to build it."
    log "Install Go (https://go.dev/dl/) or put pulumi-language-yaml on PATH, then run this again."
    exit 1
fi

rm -rf "$bin_dir.partial"
mkdir -p "$bin_dir.partial"
log "building pulumi-language-yaml $version from $module (this takes several minutes on a small machine)"
GOBIN="$bin_dir.partial" GOFLAGS=-mod=mod go install -trimpath \
    -ldflags "-X $module/pkg/version.Version=$version" "$module/cmd/pulumi-language-yaml@$version" >&2
rm -rf "$bin_dir"
mv "$bin_dir.partial" "$bin_dir"
log "pulumi-language-yaml $version ready in $bin_dir"
echo "$bin_dir"
