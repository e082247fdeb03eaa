#!/usr/bin/env bash
# Runs every test of Gongkai. First installs what the tests need from Debian's packages
# (poppler-utils for PDF reading, chromium and CJK fonts for PDF rendering and browser tests,
# PostgreSQL 15 for the storage tests, which run on SQLite and on PostgreSQL; redis-server and
# haproxy for the cluster test, which starts both itself; Node.js for s3rver, the S3-compatible
# server of the S3 file backend's tests, installed from the npm registry into tools/s3, and axe-core,
# the accessibility rules of the browser test of every page, into tools/axe;
# python3-aiosmtpd for the mail tests' SMTP server).
#
#   ./test.sh            everything
#   ./test.sh --fast     everything but the browser tests and PostgreSQL (traits Category=Browser and
#                        Category=PostgreSQL; the provider theories on SQLite alone), without starting PostgreSQL
#
# Other arguments go to dotnet test (e.g. --filter).
set -euo pipefail
cd "$(dirname "$0")"

fast=false
if [ "${1:-}" = "--fast" ]; then
  fast=true
  shift
fi

sudo_cmd=""
[ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"

packages=(poppler-utils chromium fonts-noto-cjk postgresql redis-server haproxy python3-aiosmtpd)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# s3rver, the S3 server of the file backend tests (on SQLite too).
[ -x tools/s3/node_modules/.bin/s3rver ] || npm ci --prefix tools/s3 --no-audit --no-fund --loglevel=error
# axe-core, the accessibility rules the browser test of every page injects.
[ -f tools/axe/node_modules/axe-core/axe.min.js ] || npm ci --prefix tools/axe --no-audit --no-fund --loglevel=error

# Test processes and the servers and commands they start live seconds to minutes: dynamic PGO's
# instrumented code costs them more than its optimisation pays back (about a tenth of the CPU of the
# command-line tests).
export DOTNET_TieredPGO=0

# The test projects on two workers, one per core, after one build: `dotnet test` on the solution ran
# them one after another while the storage tests (Core) and the browser tests (E2E), waiting on
# databases and chromium, each left a core idle. Each worker takes the next project from the list,
# longest first (on 2 cores: E2E 5.5 min, Core 2, Web, Reports and CLI under 1 each), so the two
# end together whether or not the browser tests run. A project's output is printed when it ends.
run_projects() {
  dotnet build Gongkai.slnx --nologo -v quiet
  local work
  work=$(mktemp -d)
  printf '%s\n' tests/Gongkai.E2E tests/Gongkai.Core.Tests tests/Gongkai.Web.Tests tests/Gongkai.Reports.Tests \
    tests/Gongkai.Cli.Tests tests/Gongkai.Domain.Tests >"$work/queue"
  next_project() {
    flock "$work/lock" sh -c 'head -n 1 "$1"; sed -i 1d "$1"' _ "$work/queue"
  }
  worker() {
    local status=0 project
    while project=$(next_project) && [ -n "$project" ]; do
      dotnet test "$project" --no-build --nologo "$@" >"$work/$(basename "$project").log" 2>&1 || status=1
      flock "$work/lock" cat "$work/$(basename "$project").log"
    done
    return $status
  }
  worker "$@" &
  local first=$!
  worker "$@" &
  local second=$!
  local failed=0
  wait $first || failed=1
  wait $second || failed=1
  rm -rf "$work"
  return $failed
}

if $fast; then
  export GONGKAI_TEST_DATABASES=Sqlite
  run_projects --filter "Category!=Browser&Category!=PostgreSQL" "$@"
  exit $?
fi

# PostgreSQL 15 on 127.0.0.1:5432 with a login role that may create the tests' throw-away databases.
as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi
}
pg_lsclusters -h | grep -q '^15 \+main ' || $sudo_cmd pg_createcluster 15 main
$sudo_cmd pg_ctlcluster 15 main status >/dev/null 2>&1 || $sudo_cmd pg_ctlcluster 15 main start
for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p 5432 && break
  sleep 1
done
pg_isready -h 127.0.0.1 -p 5432
as_postgres psql -q -v ON_ERROR_STOP=1 <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'gongkai_test') THEN
    CREATE ROLE gongkai_test LOGIN CREATEDB PASSWORD 'gongkai_test';
  END IF;
END $$;
-- DROP DATABASE … WITH (FORCE) must be able to stop an autovacuum worker busy in a test database.
GRANT pg_signal_backend TO gongkai_test;
SQL

export GONGKAI_TEST_POSTGRES="Host=127.0.0.1;Port=5432;Username=gongkai_test;Password=gongkai_test;Database=postgres"

run_projects "$@"
