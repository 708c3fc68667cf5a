#!/usr/bin/env bash
# The suite against React 18 (peer range `^18 || ^19`; the repo itself develops on 19).
# Copies the working tree (without node_modules, builds or .git) to a temp dir, installs the
# locked dependencies there, swaps in React 18 and its types without touching package.json or
# the lockfile, and runs the Node and DOM test projects (core, emulator, hooks, components).
# test/package/pack.test.ts is left out of the copy: it packs the kit and installs it into its own
# fresh app (pinned to the lockfile's React), so it does not depend on the React installed here,
# and `npm test` runs it.
# The repo's own node_modules are never changed.
#
#   bash scripts/test-react18.sh            # or: npm run test:react18
#   KEEP=1 bash scripts/test-react18.sh     # keep the copy for a look afterwards
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/mfa-kit-react18-XXXXXX")"
if [ "${KEEP:-}" = "1" ]; then
  echo "react18: keeping $work"
else
  trap 'rm -rf "$work"' EXIT
fi

echo "react18: copying $root to $work"
tar -C "$root" \
  --exclude=node_modules --exclude=./.git --exclude=./dist --exclude=./storybook-static \
  --exclude=./coverage --exclude='*.tsbuildinfo' \
  -cf - . | tar -C "$work" -xf -
rm -f "$work/test/package/pack.test.ts"

cd "$work"
export STORYBOOK_DISABLE_TELEMETRY=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
npm ci --prefer-offline --no-audit --no-fund --loglevel=error
npm install --no-save --prefer-offline --no-audit --no-fund --loglevel=error \
  react@18 react-dom@18 @types/react@18 @types/react-dom@18

react="$(node -p "require('react/package.json').version")"
react_dom="$(node -p "require('react-dom/package.json').version")"
types="$(node -p "require('@types/react/package.json').version")"
echo "react18: react $react, react-dom $react_dom, @types/react $types"
case "$react.$react_dom.$types" in
  18.*.18.*.18.*) ;;
  *) echo "react18: expected React 18 everywhere, got react $react / react-dom $react_dom / @types/react $types" >&2; exit 1 ;;
esac

# What ships must type-check against React 18's types too.
npx tsc -p tsconfig.build.json --noEmit
npx vitest run --project node --project dom
