#!/usr/bin/env bash
# Prints the path of a Node.js binary of the given major version (default 24), fetched with npm only:
# Node's Linux builds are published on the npm registry as node-linux-<arch> (the `node` package's
# own platform packages). `npm pack` downloads the tarball through npm's cache without installing
# anything, so package.json and package-lock.json stay as they are. Kept in .tmp/ (git-ignored).
# Usage: bash .ci/node.sh [MAJOR]
set -euo pipefail
cd "$(dirname "$0")/.."
major="${1:-24}"
case "$(uname -m)" in
  x86_64) arch=x64 ;;
  aarch64 | arm64) arch=arm64 ;;
  *) echo "node.sh: no node-linux build for $(uname -m)" >&2; exit 1 ;;
esac
version="$(npm view "node-linux-$arch@$major" version --json | node -e 'const v = JSON.parse(require("fs").readFileSync(0, "utf8")); console.log([v].flat().at(-1))')"
dir=".tmp/node-$version"
if [ ! -x "$dir/bin/node" ]; then
  mkdir -p .tmp
  tarball="$(cd .tmp && npm pack --silent "node-linux-$arch@$version")"
  rm -rf "$dir" && mkdir -p "$dir"
  tar -xzf ".tmp/$tarball" -C "$dir" --strip-components=1
  rm ".tmp/$tarball"
fi
"$dir/bin/node" --version >&2
echo "$PWD/$dir/bin/node"
