# Shared by the native-scripts: locating the project and a JDK 25.
# shellcheck shell=bash

# Used by the scripts that source this file.
# shellcheck disable=SC2034
JMPI_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# Prints the home of a JDK whose version is 25 or newer, or fails with what to install.
# Reads each candidate's release file (JAVA_VERSION="25.0.1"), which every JDK since 9 has,
# so that finding one starts no JVM; asks java itself only of a JDK without that file.
jmpi_find_jdk() {
  local c v line
  # /opt/java/openjdk: where the eclipse-temurin images (and the Dockerfile) keep theirs.
  for c in "${JMPI_JAVA_HOME:-}" "${JAVA_HOME:-}" /usr/lib/jvm/* /opt/java/*; do
    if [ -z "$c" ] || [ ! -x "$c/bin/javac" ]; then
      continue
    fi
    v=""
    if [ -f "$c/release" ]; then
      while IFS= read -r line; do
        case "$line" in JAVA_VERSION=*) v=${line#JAVA_VERSION=}; v=${v//\"/}; break ;; esac
      done < "$c/release"
    else
      v=$("$c/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
    fi
    if [[ "$v" =~ ^([0-9]+) ]] && [ "${BASH_REMATCH[1]}" -ge 25 ]; then
      echo "$c"
      return 0
    fi
  done
  echo "jmpi: no JDK 25 or newer found (looked at \$JMPI_JAVA_HOME, \$JAVA_HOME, /usr/lib/jvm and /opt/java)." >&2
  echo "jmpi: install one, e.g. Temurin 25 (temurin-25-jdk) under /usr/lib/jvm, or set JMPI_JAVA_HOME." >&2
  return 1
}

# Prints the class path of the built modules that jmpirun gives the ranks: each module's
# jar when it holds the module's current classes (no class file newer than it), else its
# target/classes (as during mvn test, before package), then the jars each module's
# target/classpath.txt lists, without repeats. Prints nothing when nothing is built.
jmpi_class_path() {
  local m d j e cp=":" jar entries modules="bindings jmpi-api ucx-dsm mpi-java examples benchmarks"
  for m in $modules; do
    d="$JMPI_ROOT/$m/target/classes"
    [ -d "$d" ] || continue
    jar=""
    for j in "$JMPI_ROOT/$m/target/"*.jar; do
      case "$j" in *-sources.jar|*-javadoc.jar|*-tests.jar) ;; *) [ -f "$j" ] && jar=$j ;; esac
    done
    if [ -n "$jar" ] && [ -z "$(find "$d" -newer "$jar" -print -quit)" ]; then
      e=$jar
    else
      e=$d
    fi
    [[ "$cp" == *":$e:"* ]] || cp="$cp$e:"
  done
  for m in $modules; do
    [ -s "$JMPI_ROOT/$m/target/classpath.txt" ] || continue
    IFS=: read -r -a entries < "$JMPI_ROOT/$m/target/classpath.txt"
    for e in "${entries[@]}"; do
      # a jar of one of these modules: its entry above (jar or classes) stands for it
      m=${e#"$JMPI_ROOT"/}
      m=${m%%/*}
      [[ "$e" == "$JMPI_ROOT"/*/target/*.jar && " $modules " == *" $m "* && -d "$JMPI_ROOT/$m/target/classes" ]] && continue
      [ -z "$e" ] || [[ "$cp" == *":$e:"* ]] || cp="$cp$e:"
    done
  done
  cp=${cp#:}
  echo "${cp%:}"
}

# Prints the AOT cache jmpirun uses for MPI $1 (openmpi or mpich): $JMPI_AOT_CACHE, else
# target/aot/jmpi-$1.aot (made by native-scripts/aot-cache); nothing when
# JMPI_AOT_CACHE=off.
jmpi_aot_cache() {
  case "${JMPI_AOT_CACHE:-}" in
    off|none) ;;
    "") echo "$JMPI_ROOT/target/aot/jmpi-$1.aot" ;;
    *) echo "$JMPI_AOT_CACHE" ;;
  esac
}

# Whether the AOT cache $1 was made for java $2 and class path $3 and is newer than
# everything on that path and the JDK's modules: native-scripts/aot-cache records the
# java and the class path in $1.stamp. The JVM refuses a cache made for other classes,
# so a stale cache is left out here rather than passed to it.
jmpi_aot_matches() {
  local cache=$1 java=$2 cp=$3 stamp e entries
  [ -s "$cache" ] && [ -f "$cache.stamp" ] || return 1
  stamp=$(< "$cache.stamp")
  [ "$stamp" = "$java"$'\n'"$cp" ] || return 1
  [ ! "$(dirname "$(dirname "$java")")/lib/modules" -nt "$cache" ] || return 1
  IFS=: read -r -a entries <<< "$cp"
  for e in "${entries[@]}"; do
    [ -f "$e" ] && [ ! "$e" -nt "$cache" ] || return 1
  done
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
