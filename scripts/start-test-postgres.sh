#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server on loopback for the database tests and prints its
# connection string. Used by .ci/run; also works on a laptop with PostgreSQL installed.
#
#   export TEST_DATABASE_URL=$(bash scripts/start-test-postgres.sh)
#
# Needs the Debian package `postgresql` (or any initdb/pg_ctl on PATH). Data lives in a
# temporary folder; stop it with `pg_ctl -D <folder> stop` or let the machine go.
set -euo pipefail

port="${TEST_POSTGRES_PORT:-54329}"
data_dir="${TEST_POSTGRES_DIR:-/tmp/learning-path-postgres}"

# Debian keeps the server binaries out of PATH, under /usr/lib/postgresql/<version>/bin.
bin_dir="$(dirname "$(command -v initdb 2>/dev/null || ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")"

# PostgreSQL refuses to run as root; CI runs as root, so run it as the `postgres` user.
as_owner=()
if [ "$(id -u)" = "0" ]; then
  as_owner=(runuser -u postgres --)
fi

if [ ! -f "$data_dir/PG_VERSION" ]; then
  mkdir -p "$data_dir"
  [ "${#as_owner[@]}" -gt 0 ] && chown postgres "$data_dir"
  "${as_owner[@]}" "$bin_dir/initdb" -D "$data_dir" -U postgres --auth=trust -E UTF8 >/dev/null
fi

if ! "${as_owner[@]}" "$bin_dir/pg_ctl" -D "$data_dir" status >/dev/null 2>&1; then
  # Loopback only, sockets in the data folder (the default /run/postgresql may not exist).
  "${as_owner[@]}" "$bin_dir/pg_ctl" -D "$data_dir" -l "$data_dir/server.log" -w \
    -o "-p $port -c listen_addresses=127.0.0.1 -k $data_dir -c max_connections=200" start >/dev/null
fi

echo "postgresql://postgres@127.0.0.1:$port/postgres"
