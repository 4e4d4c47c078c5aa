#!/usr/bin/env bash
# Writes a stand-in base image (docker-save tarball, one tiny layer, no Java) for checking the release
# build where no registry can be reached: Jib then builds the real application layers, entry point,
# user, ports and labels on top of it (./mvnw -Prelease package -Djib.from.image=tar://<this file>).
# The images made that way are for inspection only; release images come from the pinned base image.
# Usage: stand-in-base-image.sh <output .tar>
set -euo pipefail
out=$(realpath -m "$1")
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
mkdir -p "$work/rootfs/etc" "$work/image"
echo "stand-in base image for offline release checks" > "$work/rootfs/etc/stand-in-base"
tar --sort=name --mtime='1970-01-01' --owner=0 --group=0 --numeric-owner -C "$work/rootfs" -cf "$work/image/layer.tar" etc
diff_id=$(sha256sum "$work/image/layer.tar" | cut -d' ' -f1)
cat > "$work/image/config.json" <<JSON
{"architecture":"amd64","os":"linux","config":{"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"]},"rootfs":{"type":"layers","diff_ids":["sha256:$diff_id"]},"history":[{"created_by":"stand-in-base-image.sh"}]}
JSON
cat > "$work/image/manifest.json" <<JSON
[{"Config":"config.json","RepoTags":["stand-in-base:offline"],"Layers":["layer.tar"]}]
JSON
mkdir -p "$(dirname "$out")"
tar -C "$work/image" -cf "$out" manifest.json config.json layer.tar
echo "$out"
