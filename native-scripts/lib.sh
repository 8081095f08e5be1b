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

# Sets jmpi_cp to the class path of the built modules that jmpirun gives the ranks: each
# module's jar when it holds the module's current classes (no file in target/classes newer
# than it), else its target/classes (as during mvn test, before package), then the jars each
# module's target/classpath.txt lists, without repeats; empty when nothing is built. (A
# variable, not output, and one find for all modules: jmpirun starts no process it can avoid.)
jmpi_class_path() {
  local m d j e cp=":" stale="" entries modules="bindings jmpi-api ucx-dsm mpi-java examples benchmarks"
  local -A jar=()
  local dirs=() expr=()
  for m in $modules; do
    d="$JMPI_ROOT/$m/target/classes"
    [ -d "$d" ] || continue
    for j in "$JMPI_ROOT/$m/target/"*.jar; do
      case "$j" in *-sources.jar|*-javadoc.jar|*-tests.jar) ;; *) [ -f "$j" ] && jar[$m]=$j ;; esac
    done
    if [ -n "${jar[$m]:-}" ]; then
      dirs+=("$d")
      expr+=(${expr[0]+-o} -path "$d/*" -newer "${jar[$m]}")
    fi
  done
  # the files newer than their module's jar (none after mvn package)
  [ ${#dirs[@]} -eq 0 ] || stale=$'\n'$(find "${dirs[@]}" \( "${expr[@]}" \) -print 2> /dev/null)
  for m in $modules; do
    d="$JMPI_ROOT/$m/target/classes"
    [ -d "$d" ] || continue
    e=$d
    [ -z "${jar[$m]:-}" ] || [[ "$stale" == *$'\n'"$d/"* ]] || e=${jar[$m]}
    [[ "$cp" == *":$e:"* ]] || cp="$cp$e:"
  done
  for m in $modules; do
    [ -s "$JMPI_ROOT/$m/target/classpath.txt" ] || continue
    IFS=: read -r -a entries < "$JMPI_ROOT/$m/target/classpath.txt" || true  # no final newline
    for e in "${entries[@]}"; do
      # a jar of one of these modules: its entry above (jar or classes) stands for it
      m=${e#"$JMPI_ROOT"/}
      m=${m%%/*}
      [[ "$e" == "$JMPI_ROOT"/*/target/*.jar && " $modules " == *" $m "* && -d "$JMPI_ROOT/$m/target/classes" ]] && continue
      [ -z "$e" ] || [[ "$cp" == *":$e:"* ]] || cp="$cp$e:"
    done
  done
  cp=${cp#:}
  jmpi_cp=${cp%:}
}

# Sets jmpi_aot to the AOT cache jmpirun uses for MPI $1 (openmpi or mpich): $JMPI_AOT_CACHE,
# else target/aot/jmpi-$1.aot (made by native-scripts/aot-cache); empty when
# JMPI_AOT_CACHE=off.
jmpi_aot_cache() {
  case "${JMPI_AOT_CACHE:-}" in
    off|none) jmpi_aot="" ;;
    "") jmpi_aot="$JMPI_ROOT/target/aot/jmpi-$1.aot" ;;
    *) jmpi_aot=$JMPI_AOT_CACHE ;;
  esac
}

# Whether the AOT cache $1 was made for java $2 and class path $3 and is newer than
# everything on that path and the JDK's modules: native-scripts/aot-cache records the
# java and the class path in $1.stamp. The JVM refuses a cache made for other classes,
# so a stale cache is left out here rather than passed to it.
jmpi_aot_matches() {
  local cache=$1 java=$2 cp=$3 stamp="" e entries
  [ -s "$cache" ] && [ -f "$cache.stamp" ] || return 1
  IFS= read -r -d '' stamp < "$cache.stamp" || true
  [ "$stamp" = "$java"$'\n'"$cp" ] || return 1
  [ ! "${java%/bin/java}/lib/modules" -nt "$cache" ] || return 1
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
  if [ "$EUID" = 0 ]; then echo --allow-run-as-root; fi
}
