# Sourced by .ci/run and .ci/dev: Node.js and npm build the web app (src/main/frontend) and lint the models.
if ! command -v npm >/dev/null 2>&1; then
  echo "npm missing; installing Node.js from Debian's packages" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
fi
