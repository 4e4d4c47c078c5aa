#!/usr/bin/env bash
# Checks the syntax and structure of docker-compose.yml offline (no Docker engine needed).
# Uses Debian's docker-compose package (apt-get install -y docker-compose) or, where present,
# the Docker Compose v2 plugin. Exits non-zero when the file is invalid or no compose tool exists.
#
#   deploy/check-compose.sh [path/to/docker-compose.yml]
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
FILE=${1:-$ROOT/docker-compose.yml}

if command -v docker-compose > /dev/null 2>&1; then
  compose=(docker-compose)
elif docker compose version > /dev/null 2>&1; then
  compose=(docker compose)
else
  echo "check-compose: no compose tool found; install one with: apt-get install -y docker-compose" >&2
  exit 2
fi

# Run from the file's folder so relative paths (the realm file, the init script) resolve as in use.
cd "$(dirname "$FILE")"
"${compose[@]}" -f "$(basename "$FILE")" config -q
echo "check-compose: $(basename "$FILE") is valid (${compose[*]})"
