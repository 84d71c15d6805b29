#!/usr/bin/env bash
# Provides the Pulumi CLI (`pulumi`) and the Node.js language host (`pulumi-language-nodejs`) at the version of
# the installed @pulumi/pulumi, and prints the folder that holds them (put it first on PATH).
#
# Order of preference:
#   1. a `pulumi` already on PATH at that version, with a language host beside it: used as it is;
#   2. binaries built earlier, cached outside the repository under $PULUMI_INSPECTOR_CACHE (default
#      ~/.cache/pulumi-inspector), keyed by version: a second run costs nothing;
#   3. a build with Go from the modules on the Go module proxy, inside small wrapper modules that repeat the
#      `replace` lines of pulumi's own go.mod (which is why `go install …@version` refuses them).
#
# The language host: its own module (github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3) is tried
# at the same version first. Where the module proxy does not serve it, the host is built from the newest
# github.com/pulumi/pulumi/sdk/v3 release that still carries it ($PULUMI_LANGHOST_FALLBACK, default 3.68.0);
# the CLI talks to it through the stable LanguageRuntime gRPC interface. Progress goes to stderr; only the
# folder goes to stdout.
set -euo pipefail

repo_root=$(cd "$(dirname "$0")/.." && pwd)
log() { printf 'setup-pulumi: %s\n' "$*" >&2; }

version=${PULUMI_VERSION:-$(cd "$repo_root" && node -p 'require("@pulumi/pulumi/package.json").version' 2>/dev/null || true)}
if [ -z "$version" ]; then
    log "cannot tell the @pulumi/pulumi version: run 'npm ci' first (or set PULUMI_VERSION)."
    exit 1
fi
dynamic_provider_script="$repo_root/node_modules/@pulumi/pulumi/pulumi-resource-pulumi-nodejs"

# 1. A fitting CLI on PATH.
if command -v pulumi >/dev/null 2>&1 && command -v pulumi-language-nodejs >/dev/null 2>&1; then
    found=$(pulumi version 2>/dev/null || true)
    if [ "$found" = "v$version" ]; then
        log "using pulumi $found from PATH"
        dirname "$(command -v pulumi)"
        exit 0
    fi
    log "pulumi on PATH is ${found:-unknown}, not v$version: using a build of v$version instead"
fi

cache_root=${PULUMI_INSPECTOR_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-inspector}
bin_dir="$cache_root/pulumi-v$version/bin"

install_dynamic_provider_shim() {
    # The dynamic-provider plugin ships in @pulumi/pulumi; beside the CLI, the engine finds it without a warning.
    # The script resolves @pulumi/pulumi from the program's own folder, so one copy serves every project.
    cp "$dynamic_provider_script" "$bin_dir/pulumi-resource-pulumi-nodejs"
    chmod +x "$bin_dir/pulumi-resource-pulumi-nodejs"
}

# 2. A cached build.
if [ -x "$bin_dir/pulumi" ] && [ -x "$bin_dir/pulumi-language-nodejs" ]; then
    install_dynamic_provider_shim
    log "using cached pulumi v$version ($bin_dir)"
    echo "$bin_dir"
    exit 0
fi

# 3. Build.
if ! command -v go >/dev/null 2>&1; then
    log "no pulumi v$version on PATH or in $cache_root, and no Go toolchain to build it."
    log "Install Go (https://go.dev/dl/) or the Pulumi CLI v$version, then run this again."
    exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$bin_dir.partial"
stamp="-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version"
go_version=$(go env GOVERSION | sed -E 's/^go([0-9]+\.[0-9]+(\.[0-9]+)?).*/\1/')

# Lines `replace A => B` of a module's go.mod whose target is another module (not a folder of pulumi's repo).
module_replaces() {
    local gomod
    gomod=$(cd "$work" && GOFLAGS=-mod=mod go mod download -json "$1" | node -e '
        let text = ""; process.stdin.on("data", (c) => (text += c)).on("end", () => {
            const info = JSON.parse(text);
            if (info.Error) { console.error(info.Error); process.exit(1); }
            console.log(info.GoMod);
        });')
    node -e '
        const text = require("fs").readFileSync(process.argv[1], "utf8");
        const lines = [];
        for (const block of text.matchAll(/^replace\s*\(([\s\S]*?)^\)/gm)) lines.push(...block[1].split("\n"));
        for (const single of text.matchAll(/^replace\s+([^(\n].*)$/gm)) lines.push(single[1]);
        for (const line of lines.map((l) => l.trim()).filter(Boolean)) {
            const target = line.split("=>")[1].trim();
            if (!target.startsWith(".") && !target.startsWith("/")) console.log("replace " + line);
        }' "$gomod"
}

build_in_wrapper() { # name, package to build, output, version stamp, module requirements…
    local name=$1 package=$2 output=$3 stamp_version=$4
    shift 4
    local dir="$work/$name"
    mkdir -p "$dir"
    {
        echo "module pulumi-inspector-$name-build"
        echo
        echo "go $go_version"
        echo
        for requirement in "$@"; do echo "require $requirement"; done
    } >"$dir/go.mod"
    for requirement in "$@"; do module_replaces "${requirement// /@}" >>"$dir/go.mod"; done
    printf '//go:build tools\n\npackage tools\n\nimport _ "%s"\n' "$package" >"$dir/tools.go"
    log "resolving modules for $name"
    (cd "$dir" && GOFLAGS=-mod=mod go mod tidy >&2)
    log "building $name (this takes several minutes on a small machine)"
    (cd "$dir" && go build -trimpath -ldflags "$stamp=v$stamp_version" -o "$output" "$package" >&2)
}

log "building pulumi v$version from github.com/pulumi/pulumi/pkg/v3"
build_in_wrapper cli github.com/pulumi/pulumi/pkg/v3/cmd/pulumi "$bin_dir.partial/pulumi" "$version" \
    "github.com/pulumi/pulumi/pkg/v3 v$version" "github.com/pulumi/pulumi/sdk/v3 v$version"

langhost_module=github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3
if (cd "$work" && GOFLAGS=-mod=mod go mod download -json "$langhost_module@v$version" >/dev/null 2>&1); then
    build_in_wrapper langhost "$langhost_module" "$bin_dir.partial/pulumi-language-nodejs" "$version" \
        "$langhost_module v$version" "github.com/pulumi/pulumi/pkg/v3 v$version" \
        "github.com/pulumi/pulumi/sdk/v3 v$version"
else
    fallback=${PULUMI_LANGHOST_FALLBACK:-3.68.0}
    log "the module proxy does not serve $langhost_module@v$version;"
    log "building the Node.js language host from github.com/pulumi/pulumi/sdk/v3 v$fallback instead"
    build_in_wrapper langhost github.com/pulumi/pulumi/sdk/v3/nodejs/cmd/pulumi-language-nodejs \
        "$bin_dir.partial/pulumi-language-nodejs" "$fallback" "github.com/pulumi/pulumi/sdk/v3 v$fallback"
fi

rm -rf "$bin_dir"
mv "$bin_dir.partial" "$bin_dir"
install_dynamic_provider_shim
log "pulumi $("$bin_dir/pulumi" version) ready in $bin_dir"
echo "$bin_dir"
