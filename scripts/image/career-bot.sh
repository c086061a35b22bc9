#!/bin/sh
# `career-bot` in the released image (Dockerfile): starts node from the startup snapshot that was
# built with this image's node, so a bot job starts in a fraction of the bundle's time (README
# "Performance"). A node that cannot load the snapshot (another version or platform, say when the
# image was rebuilt on a newer node without it) exits 14 before running anything; then the same
# command runs from the bundle. Every other exit code is the bot's own (0 done, 1 some work failed,
# 2 bad usage or config). `--` keeps options such as --help and --version for career-bot, not node.
home="${CAREER_BOT_HOME:-/opt/career-bot}"
if [ -f "$home/career-bot.blob" ]; then
  node --snapshot-blob "$home/career-bot.blob" -- "$@"
  code=$?
  [ "$code" -eq 14 ] || exit "$code"
fi
exec node "$home/career-bot.mjs" "$@"
