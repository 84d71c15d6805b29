#!/usr/bin/env bash
# Provides a Python virtual environment with the `pulumi` package from PyPI and the other packages the generated
# Python SDK requires (sdk/python/setup.py: parver, semver), and setuptools and wheel to install that SDK from its
# folder without reaching PyPI (`pip install --no-index --no-build-isolation`), and mypy ($MYPY_VERSION, default
# 2.4.1) to type-check programs that use it. Prints the environment's folder (its python is <folder>/bin/python).
#
# The version is $PULUMI_PYTHON_VERSION, default: the installed @pulumi/pulumi's, the version of the code
# generators that wrote the SDK (scripts/gen-sdk/go.mod). Order of preference:
#   1. an environment made earlier, cached outside the repository under $PULUMI_INSPECTOR_CACHE (default
#      ~/.cache/pulumi-inspector), keyed by both versions: a second run costs nothing;
#   2. a new one: `python3 -m venv`, then `pip install pulumi==<version> parver semver setuptools wheel mypy`.
# Progress goes to stderr; only the folder goes to stdout.
set -euo pipefail

repo_root=$(cd "$(dirname "$0")/.." && pwd)
log() { printf 'setup-python-pulumi: %s\n' "$*" >&2; }

version=${PULUMI_PYTHON_VERSION:-$(cd "$repo_root" && node -p 'require("@pulumi/pulumi/package.json").version' 2>/dev/null || true)}
if [ -z "$version" ]; then
    log "cannot tell the @pulumi/pulumi version: run 'npm ci' first (or set PULUMI_PYTHON_VERSION)."
    exit 1
fi
cache_root=${PULUMI_INSPECTOR_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-inspector}
mypy_version=${MYPY_VERSION:-2.4.1}
venv="$cache_root/python-pulumi-$version-mypy-$mypy_version"

if [ -x "$venv/bin/python" ] && "$venv/bin/python" -c 'import pulumi, parver, semver, setuptools, wheel, mypy' 2>/dev/null; then
    log "using cached Python environment with pulumi $version and mypy $mypy_version ($venv)"
    echo "$venv"
    exit 0
fi

python=${PYTHON:-python3}
if ! command -v "$python" >/dev/null 2>&1; then
    log "no Python environment in $cache_root, and no $python to make one: install Python 3.9 or later."
    exit 1
fi

rm -rf "$venv.partial"
log "making a Python environment with pulumi==$version, parver, semver, setuptools, wheel and mypy==$mypy_version from PyPI"
"$python" -m venv "$venv.partial" >&2
"$venv.partial/bin/python" -m pip install --quiet "pulumi==$version" "parver>=0.2.1" "semver>=2.8.1" setuptools wheel "mypy==$mypy_version" >&2
# Made aside and moved into place, so that an interrupted run leaves no half-made environment. A moved venv's
# bin/python still works (it finds its packages from pyvenv.cfg beside it); its other bin/ scripts are not used.
rm -rf "$venv"
mv "$venv.partial" "$venv"
log "Python environment with pulumi $version and mypy $mypy_version ready in $venv"
echo "$venv"
