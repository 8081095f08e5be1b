# Shared by the native-scripts: locating the project and a JDK 25.
# shellcheck shell=bash

# Used by the scripts that source this file.
# shellcheck disable=SC2034
JMPI_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# Prints the home of a JDK whose version is 25 or newer, or fails with what to install.
jmpi_find_jdk() {
  local c v
  # /opt/java/openjdk: where the eclipse-temurin images (and the Dockerfile) keep theirs.
  for c in "${JMPI_JAVA_HOME:-}" "${JAVA_HOME:-}" /usr/lib/jvm/* /opt/java/*; do
    if [ -z "$c" ] || [ ! -x "$c/bin/javac" ]; then
      continue
    fi
    v=$("$c/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
    if [ -n "$v" ] && [ "${v%%.*}" -ge 25 ] 2>/dev/null; then
      echo "$c"
      return 0
    fi
  done
  echo "jmpi: no JDK 25 or newer found (looked at \$JMPI_JAVA_HOME, \$JAVA_HOME, /usr/lib/jvm and /opt/java)." >&2
  echo "jmpi: install one, e.g. Temurin 25 (temurin-25-jdk) under /usr/lib/jvm, or set JMPI_JAVA_HOME." >&2
  return 1
}

# Runs Maven itself on a JDK 25: the compiler plugin reads our module descriptors
# (module-info.class, class file version 69) in Maven's own JVM, which a JDK 17 cannot.
jmpi_mvn() {
  local jdk
  jdk=$(jmpi_find_jdk) || return 1
  JAVA_HOME=$jdk mvn "$@"
}

# mpirun refuses to start as root unless told; add the flag only then.
jmpi_root_flags() {
  if [ "$(id -u)" = 0 ]; then echo --allow-run-as-root; fi
}
