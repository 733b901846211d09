#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the test run: `cluster.sh start DIR` makes one in DIR on a free loopback port and
# prints its connection string; `cluster.sh stop DIR` stops it and removes DIR. It runs as a non-root user (PostgreSQL
# refuses root): as root, as the `postgres` user that Debian's package makes. Where PostgreSQL is missing it installs
# Debian's package as root, or names what to install.
set -euo pipefail

find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

case "${1:-}" in
start)
  dir="$2"
  bin=$(find_bin)
  if [ -z "$bin" ]; then
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
      echo "Installing Debian's postgresql for the PostgreSQL test run…" >&2
      apt-get update -qq >&2
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
      bin=$(find_bin)
    else
      echo "The PostgreSQL test run needs PostgreSQL's server programs: run 'sudo apt-get install postgresql' (Debian), or set MARKETPLACE_TEST_POSTGRES to a server's connection string." >&2
      exit 1
    fi
  fi
  mkdir -p "$dir"
  as=()
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres "$dir"
    as=(runuser -u postgres --)
  fi
  # A free port on loopback, from a range nothing else here uses.
  port=""
  for candidate in $(shuf -i 40000-49999 -n 50); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port=$candidate; break; fi
  done
  [ -n "$port" ] || { echo "No free port for PostgreSQL." >&2; exit 1; }
  # C locale: text sorts by code point, as SQLite's does. Durability is not wanted from a cluster that is deleted after
  # the run: fsync and synchronous commit are off.
  "${as[@]}" "$bin/initdb" -D "$dir/data" -A trust -U marketplace -E UTF8 --no-locale --no-sync >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300 -c shared_buffers=256MB" \
    start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
  echo "Host=127.0.0.1;Port=$port;Username=marketplace;Database=postgres"
  ;;
stop)
  dir="$2"
  bin=$(find_bin)
  as=()
  [ "$(id -u)" -eq 0 ] && as=(runuser -u postgres --)
  if [ -n "$bin" ] && [ -f "$dir/data/postmaster.pid" ]; then
    "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
  ;;
*)
  echo "usage: $0 start DIR | stop DIR" >&2
  exit 2
  ;;
esac
