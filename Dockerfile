# Reproducible jmpi benchmarks: Debian 12 with the Open MPI 4.1.4, MPICH 4.0.2 and UCX
# 1.13.1 packages the project is developed on (pinned by native-scripts/debian-pins),
# Temurin JDK 25, the project built by its own scripts. The default command is the quick
# benchmark on Open MPI (native-scripts/bench --quick, a few minutes); results land in
# /jmpi/benchmarks/results.
#   docker build -t jmpi-bench .
#   docker run --rm --cpus 2 --shm-size 1g --cap-add SYS_PTRACE \
#       -v "$PWD/bench-results:/jmpi/benchmarks/results" jmpi-bench
#   docker run ... jmpi-bench native-scripts/bench          # the full run (5 repetitions)
#   docker run ... jmpi-bench native-scripts/bench --jmh    # JMH single-process costs
#   docker run ... jmpi-bench native-scripts/bench --quick --mpi mpich   # the same on MPICH
# SYS_PTRACE lets Open MPI's shared-memory transport copy large messages once (CMA), as
# on the host; without it run with -e OMPI_MCA_btl_vader_single_copy_mechanism=none.
FROM debian:12.11
COPY --from=eclipse-temurin:25-jdk /opt/java/openjdk /opt/java/openjdk
ENV JAVA_HOME=/opt/java/openjdk
WORKDIR /jmpi
COPY native-scripts/debian-pins /etc/apt/preferences.d/jmpi
COPY native-scripts/ native-scripts/
RUN native-scripts/setup && rm -rf /var/lib/apt/lists/* \
 && v=$(dpkg-query -W -f '${Package}=${Version} ' openmpi-bin mpich libucx-dev) \
 && { [ "$v" = "libucx-dev=1.13.1-1 mpich=4.0.2-3+b1 openmpi-bin=4.1.4-3+b1 " ] \
      || { echo "jmpi: got $v" >&2; exit 1; }; }
COPY . .
RUN mvn -B -ntp -q -DskipTests package && native-scripts/build-c
# Built above: native-scripts/bench skips its own build step.
ENV JMPI_BENCH_NO_BUILD=1
CMD ["native-scripts/bench", "--quick"]
