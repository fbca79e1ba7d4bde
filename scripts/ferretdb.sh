#!/usr/bin/env bash
# FerretDB v1.24.2 (MongoDB 7.0 wire protocol, SQLite backend) for tests and local runs.
#
#   scripts/ferretdb.sh build          prints the path of a ferretdb binary, building it when needed
#   scripts/ferretdb.sh start DIR      starts it on a free loopback port with its data in DIR, waits
#                                      until it answers, prints "PID PORT" (its log is DIR/ferretdb.log)
#
# `go install …/ferretdb@v1.24.2` builds a binary that panics at start (the module on the proxy has
# no build/version/version.txt), so the build copies the module source, writes that file and
# builds from the copy. The binary is cached per version under $ZIXLY_CACHE_DIR (default
# ~/.cache/zixly); the Go module and build caches make a rebuild quick.
set -euo pipefail

version=v1.24.2
module=github.com/FerretDB/FerretDB
cache_dir=${ZIXLY_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/zixly}
binary=$cache_dir/ferretdb-$version/ferretdb

# Reads the whole output first: `grep -q` closing the pipe early would fail the pipeline (pipefail).
reports_version() { [ -x "$1" ] && [[ "$("$1" --version 2>/dev/null)" == *"version: $version"* ]]; }

build() {
  if reports_version "$binary"; then echo "$binary"; return; fi
  command -v go >/dev/null || { echo "ferretdb.sh: no go toolchain" >&2; return 1; }
  local gopath_binary started source
  gopath_binary=$(go env GOPATH)/bin/ferretdb
  if reports_version "$gopath_binary"; then echo "$gopath_binary"; return; fi
  started=$(date +%s)
  GOFLAGS=-mod=mod go mod download "$module@$version" >&2
  source=$(mktemp -d)
  cp -r "$(go env GOMODCACHE)/github.com/!ferret!d!b/!ferret!d!b@$version/." "$source"
  chmod -R u+w "$source"
  echo "$version" > "$source/build/version/version.txt"
  mkdir -p "$(dirname "$binary")"
  (cd "$source" && go build -o "$binary" ./cmd/ferretdb) >&2
  rm -rf "$source"
  echo "ferretdb.sh: built FerretDB $version in $(($(date +%s) - started)) s" >&2
  echo "$binary"
}

free_port() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }

start() {
  local dir=$1 bin port pid
  bin=$(build)
  mkdir -p "$dir"
  port=$(free_port)
  "$bin" --handler=sqlite --sqlite-url="file:$dir/" --state-dir="$dir" --listen-addr="127.0.0.1:$port" \
    --debug-addr=- --telemetry=disable --log-level=WARN >"$dir/ferretdb.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 100); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$pid $port"; return; fi
    kill -0 "$pid" 2>/dev/null || { cat "$dir/ferretdb.log" >&2; return 1; }
    sleep 0.1
  done
  kill "$pid"; echo "ferretdb.sh: FerretDB did not listen within 10 s" >&2; return 1
}

case "${1:-}" in
  build) build ;;
  start) start "${2:?usage: ferretdb.sh start DIR}" ;;
  *) echo "usage: ferretdb.sh build | start DIR" >&2; exit 2 ;;
esac
