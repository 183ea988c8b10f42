# Sourced by .ci/run and .ci/dev: makes sure the local PostgreSQL (localhost:5432, user postgres) answers.
if ! command -v pg_isready >/dev/null 2>&1; then
  echo "PostgreSQL client tools missing; installing PostgreSQL from Debian's packages" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
if ! pg_isready -h localhost -p 5432 -q; then
  echo "PostgreSQL is not answering on localhost:5432; starting it" >&2
  if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -n 1)" main start || true
  fi
  for _ in $(seq 1 30); do pg_isready -h localhost -p 5432 -q && break; sleep 1; done
  if ! pg_isready -h localhost -p 5432 -q; then
    echo "PostgreSQL did not start; start it by hand (see README) and try again" >&2
    exit 1
  fi
fi
