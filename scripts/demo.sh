#!/usr/bin/env bash
# The demo: the quickstart example (the root Pulumi.yaml: Inspector (v2) scanning for the calling account) deployed
# by the real Pulumi CLI against the local Inspector emulator. Everything it keeps is under .pulumi-state/ (ignored by git): the file backend, the stack's
# settings, PULUMI_HOME and the emulator's state file, so that later commands find the same stack and the same
# emulated Inspector.
#
#   npm run demo                                  set up, build, `pulumi up`, show the outputs
#   npm run demo -- preview --expect-no-changes   any other pulumi command, against the same stack and emulator
#   npm run demo -- refresh --yes
#   npm run demo -- destroy --yes
#
# Each run starts the emulator in the background (on a free port, from its state file) and stops it on exit.
set -euo pipefail

repo_root=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo_root"
state_dir=$repo_root/.pulumi-state
program_dir=$repo_root/examples/quickstart
stack=demo
log() { printf 'demo: %s\n' "$*" >&2; }

if [ ! -d node_modules/@pulumi/pulumi ]; then
    log "run 'npm ci' first"
    exit 1
fi
# Node 22 comes with the dev dependencies; `npm run` puts it first on PATH, a direct call needs this.
export PATH="$repo_root/node_modules/.bin:$PATH"

pulumi_bin=$(scripts/setup-pulumi.sh)
export PATH="$pulumi_bin:$PATH"

if [ $# -eq 0 ] || [ ! -f dist/emulator/cli.js ]; then
    log "building the package"
    npm run build --silent
fi

# The program and the dynamic-provider host resolve packages from the program's folder. Link this repository
# there as `pulumi-inspector`, and the one @pulumi/pulumi the package itself uses, so that program, package and
# provider host share one SDK instance. A package installed there already (`npm install` in the example) stays.
link_into_program() { # link name, target relative to the link's folder
    local link=$program_dir/node_modules/$1
    if [ -L "$link" ] || [ ! -e "$link" ]; then
        mkdir -p "$(dirname "$link")"
        ln -sfn "$2" "$link"
    fi
}
link_into_program pulumi-inspector ../../..
link_into_program @pulumi/pulumi ../../../../node_modules/@pulumi/pulumi

mkdir -p "$state_dir/backend" "$state_dir/home" "$state_dir/config"
export PULUMI_HOME=$state_dir/home
export PULUMI_BACKEND_URL=file://$state_dir/backend
export PULUMI_CONFIG_PASSPHRASE=pulumi-inspector-demo # a local demo stack without secrets
export PULUMI_SKIP_UPDATE_CHECK=true
export PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true
# The emulator's statuses settle within a fraction of a second: poll it every fraction of a second.
export PULUMI_INSPECTOR_WAIT_POLICY='{"initialPollMs":250,"maxPollMs":1000}'

emulator_log=$state_dir/emulator.log
node dist/emulator/cli.js --port 0 --state-file "$state_dir/emulator-state.json" >"$emulator_log" 2>&1 &
emulator_pid=$!
stop_emulator() {
    kill "$emulator_pid" 2>/dev/null || true
    wait "$emulator_pid" 2>/dev/null || true
}
trap stop_emulator EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# The emulator prints its banner once it listens; the banner's last line says how to stop it. Starting takes well
# under a second, but it first writes its state file durably, and a busy machine has been seen to take far longer.
deadline=$((SECONDS + 60))
until grep -q '^Press Ctrl+C' "$emulator_log"; do
    if ! kill -0 "$emulator_pid" 2>/dev/null; then
        log "the emulator did not start:"
        cat "$emulator_log" >&2
        exit 1
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
        log "the emulator did not answer within 60 seconds; its output is in $emulator_log"
        exit 1
    fi
    sleep 0.1
done
# The banner's `export …` lines are shell-quoted for pasting: endpoints, example keys and region.
eval "$(grep '^export ' "$emulator_log")"
log "emulator on $AWS_ENDPOINT_URL_INSPECTOR2 (state: .pulumi-state/emulator-state.json)"

pulumi stack select --create --non-interactive "$stack" >/dev/null
pulumi config set aws:region "$AWS_REGION" --non-interactive

if [ $# -gt 0 ]; then
    pulumi "$@"
    exit
fi

# The update's output ends with the stack outputs: the calling account and each scan type's status.
pulumi up --yes --non-interactive --skip-preview
cat <<HELP

The stack and the emulator's state are kept in .pulumi-state/. Next:
  npm run demo -- preview --expect-no-changes   nothing to change
  npm run demo -- refresh --yes                 read the statuses back from the emulator
  npm run demo -- stack output                  the outputs again
  npm run demo -- destroy --yes                 turn scanning off again
  rm -rf .pulumi-state                          start over
HELP
