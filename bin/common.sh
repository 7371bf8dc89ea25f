# Shared by bin/start and bin/test: finding a JDK and installing missing system packages.
# Sourced, not run.

# Sets JAVA to a java of version 21 or newer: JAVA_HOME's, the one on PATH, or one under /usr/lib/jvm.
require_java() {
  local candidate
  for candidate in "${JAVA_HOME:+$JAVA_HOME/bin/java}" "$(command -v java || true)" /usr/lib/jvm/*/bin/java; do
    [[ -n "$candidate" && -x "$candidate" ]] || continue
    if [[ "$(java_major "$candidate")" -ge 21 ]]; then
      JAVA="$candidate"
      JAVA_HOME="$(cd "$(dirname "$candidate")/.." && pwd)"
      export JAVA_HOME
      return 0
    fi
  done
  echo "Optline needs JDK 21 or newer, and none was found (checked JAVA_HOME, PATH and /usr/lib/jvm)." >&2
  echo "Install one, for example Temurin 21 or 25, and set JAVA_HOME to it." >&2
  exit 1
}

# Prints the major version of the java executable $1, or 0 when it cannot be read.
java_major() {
  local version
  version="$("$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
  echo "${version%%.*}" | grep -E '^[0-9]+$' || echo 0
}

# Installs the Debian packages $@ when running as root; otherwise stops and names them.
install_packages() {
  if [[ "$(id -u)" -eq 0 ]] && command -v apt-get >/dev/null; then
    echo "Installing $* with apt-get ..."
    if [[ -z "${OPTLINE_APT_UPDATED:-}" ]]; then
      DEBIAN_FRONTEND=noninteractive apt-get update -qq
      OPTLINE_APT_UPDATED=1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
  else
    echo "Missing: $*. Install these packages (on Debian or Ubuntu: sudo apt-get install $*) and run again." >&2
    exit 1
  fi
}
