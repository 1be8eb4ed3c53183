#!/bin/sh
# The dslab kernel as its kernelspec starts it (see kernel-ext/kernelspec.ts):
#   sh bin/kernel.sh NODE kernel --config-path CONNECTION_FILE
# Straight from the kernel's start-up snapshot when NODE is the very Node.js binary that built
# it (same path, size and modification time, as the build recorded in dist/kernel-snapshot/launch)
# and no Node.js options are set; otherwise through bin/dslab.js, which starts the kernel without
# the snapshot and says why on stderr. Deciding here, not in Node.js, saves starting a Node.js
# just to decide (a tenth of a second of every kernel start) and, on Node.js 20, a second process.
node=$1
shift
here=$(dirname "$0")
launch="$here/../dist/kernel-snapshot/launch"
if [ -z "$NODE_OPTIONS" ] && [ -r "$launch" ]; then
  { read -r built_by; read -r built_stat; read -r blob; } < "$launch"
  if [ "$node" = "$built_by" ] && [ -r "$blob" ] && [ "$(stat -L -c '%s %Y' "$node" 2>/dev/null)" = "$built_stat" ]; then
    exec "$node" --snapshot-blob "$blob" "$@"
  fi
fi
exec "$node" "$here/dslab.js" "$@"
