package org.jmpi.test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What one {@code mpirun} job produced, read from the ranks' {@link ResultFile}s after it ended: an
 * outcome for every method some rank got to, and a description of how the job ended.
 *
 * @param outcomes outcome per method the job reached; methods it never reached are absent
 * @param ending how the job ended, e.g. {@code job exited with code 7}
 * @param outputTail the last lines of the job's combined stdout and stderr
 */
record JobResult(Map<String, Outcome> outcomes, String ending, String outputTail) {

    /** Lines of job output quoted in failure reports. */
    static final int TAIL_LINES = 40;

    // mpirun's reports of the first rank to fail (Open MPI 4.x wording).
    private static final Pattern EXIT_CODE =
            Pattern.compile("Process name: \\[\\[\\d+,\\d+\\],(\\d+)\\]\\s+Exit code:\\s+(\\d+)");
    private static final Pattern SIGNAL =
            Pattern.compile("process rank (\\d+) with PID \\d+ on node \\S+ exited on signal (\\d+)");

    /** The failure reported for a method when the job ended before any rank reached it. */
    Outcome.Failed notReached(String method) {
        return new Outcome.Failed("no rank started " + method + ": " + ending + "\n\n" + tailSection());
    }

    /**
     * Reads the results of a finished job.
     *
     * @param dir the job directory holding the ranks' results files
     * @param np the number of ranks
     * @param timeouts each requested method's timeout in seconds, in the order requested
     * @param exitCode mpirun's exit code
     * @param killedAfterSeconds the bound after which the job was killed, or 0 if it ended by itself
     * @param outputTail the last lines of the job's output
     */
    static JobResult collect(
            Path dir,
            int np,
            Map<String, Integer> timeouts,
            int exitCode,
            long killedAfterSeconds,
            String outputTail)
            throws IOException {
        List<RankLog> logs = new ArrayList<>();
        for (int rank = 0; rank < np; rank++) {
            logs.add(RankLog.read(ResultFile.path(dir, rank)));
        }
        boolean killed = killedAfterSeconds > 0;
        String ending =
                killed
                        ? "job timed out after " + killedAfterSeconds + " s and was killed"
                        : "job exited with code " + exitCode;
        JobResult result = new JobResult(new LinkedHashMap<>(), ending, outputTail);
        FirstFailure first = FirstFailure.find(outputTail);

        Set<String> reached = new LinkedHashSet<>();
        logs.forEach(log -> reached.addAll(log.reached()));
        boolean died = false;
        for (String method : timeouts.keySet()) {
            if (!reached.contains(method)) {
                continue;
            }
            boolean complete = logs.stream().allMatch(log -> log.results.containsKey(method));
            if (complete) {
                result.outcomes.put(method, result.fromResults(method, logs));
            } else {
                died = true;
                result.outcomes.put(
                        method, result.unfinished(method, logs, timeouts.get(method), killed, first));
            }
        }
        // Every rank finished the methods it reached, yet the job failed afterwards (e.g. in an
        // end action such as MPI_Finalize): blame the method that ran last.
        if (!died && (killed || exitCode != 0) && !reached.isEmpty()) {
            String last = List.copyOf(reached).getLast();
            String note =
                    "every rank finished " + last + " but then the " + ending + "\n\n" + result.tailSection();
            Outcome previous = result.outcomes.get(last);
            result.outcomes.put(
                    last,
                    new Outcome.Failed(
                            previous instanceof Outcome.Failed failed ? failed.message() + "\n\n" + note : note));
        }
        return result;
    }

    private Outcome fromResults(String method, List<RankLog> logs) {
        List<String> failures = new ArrayList<>();
        List<String> aborts = new ArrayList<>();
        String firstTrace = null;
        for (int rank = 0; rank < logs.size(); rank++) {
            ResultFile.Line line = logs.get(rank).results.get(method);
            switch (line.kind()) {
                case FAIL -> {
                    failures.add("rank " + rank + ": " + summary(line.detail()));
                    if (firstTrace == null) {
                        firstTrace = "rank " + rank + " stack trace:\n" + line.detail().stripTrailing();
                    }
                }
                case ABORT -> aborts.add("rank " + rank + ": " + summary(line.detail()));
                default -> {}
            }
        }
        if (!failures.isEmpty()) {
            return new Outcome.Failed(
                    method
                            + " failed on "
                            + failures.size()
                            + " of "
                            + logs.size()
                            + " ranks:\n  "
                            + String.join("\n  ", failures)
                            + "\n\n"
                            + firstTrace);
        }
        if (!aborts.isEmpty()) {
            return new Outcome.Aborted(
                    method
                            + " aborted on "
                            + aborts.size()
                            + " of "
                            + logs.size()
                            + " ranks: "
                            + String.join("; ", aborts));
        }
        return new Outcome.Passed();
    }

    private Outcome unfinished(
            String method, List<RankLog> logs, int timeoutSeconds, boolean killed, FirstFailure first) {
        Map<Integer, Integer> waitedFor = new HashMap<>();
        for (int rank = 0; rank < logs.size(); rank++) {
            for (int peer : logs.get(rank).waitedFor(method)) {
                waitedFor.putIfAbsent(peer, rank);
            }
        }
        List<String> problems = new ArrayList<>();
        String firstTrace = null;
        boolean timedOut = false;
        boolean failed = false;
        for (int rank = 0; rank < logs.size(); rank++) {
            RankLog log = logs.get(rank);
            ResultFile.Line line = log.results.get(method);
            if (line == null) {
                String why;
                if (log.timedOut.contains(method)) {
                    why = "timed out after " + timeoutSeconds + " s";
                    timedOut = true;
                } else if (killed) {
                    why = ending;
                } else if (first != null && first.rank == rank) {
                    why = "exited early (" + first.how + ")";
                } else if (waitedFor.containsKey(rank)) {
                    why = "exited early (rank " + waitedFor.get(rank) + " gave up waiting for its result)";
                } else {
                    why = ending;
                }
                problems.add("rank " + rank + " did not finish " + method + ": " + why);
            } else if (line.kind() == ResultFile.Kind.FAIL) {
                failed = true;
                problems.add("rank " + rank + ": " + summary(line.detail()));
                if (firstTrace == null) {
                    firstTrace = "rank " + rank + " stack trace:\n" + line.detail().stripTrailing() + "\n\n";
                }
            }
        }
        return new Outcome.Failed(
                method
                        + " did not finish on every rank:\n  "
                        + String.join("\n  ", problems)
                        + "\n\n"
                        + (firstTrace == null ? "" : firstTrace)
                        + tailSection(),
                timedOut && !failed);
    }

    private String tailSection() {
        return outputTail.isBlank()
                ? "(the job printed nothing)"
                : "last lines of the job's output:\n" + outputTail.stripTrailing();
    }

    /** The throwable's first line(s): class and message, without the stack trace. */
    static String summary(String throwableText) {
        int at = throwableText.indexOf("\n\tat ");
        return (at < 0 ? throwableText : throwableText.substring(0, at)).strip();
    }

    /** Which rank mpirun says failed first, and how. */
    private record FirstFailure(int rank, String how) {
        static FirstFailure find(String output) {
            Matcher exit = EXIT_CODE.matcher(output);
            if (exit.find()) {
                return new FirstFailure(Integer.parseInt(exit.group(1)), "exit code " + exit.group(2));
            }
            Matcher signal = SIGNAL.matcher(output);
            if (signal.find()) {
                return new FirstFailure(Integer.parseInt(signal.group(1)), "signal " + signal.group(2));
            }
            return null;
        }
    }

    /** One rank's results file, indexed by method. */
    private record RankLog(
            Map<String, ResultFile.Line> results,
            Set<String> timedOut,
            Map<String, String> waitTimeouts,
            Set<String> reached) {

        static RankLog read(Path file) throws IOException {
            RankLog log =
                    new RankLog(
                            new HashMap<>(), new LinkedHashSet<>(), new HashMap<>(), new LinkedHashSet<>());
            for (ResultFile.Line line : ResultFile.readAll(file)) {
                log.reached.add(line.method());
                switch (line.kind()) {
                    case PASS, FAIL, ABORT -> log.results.putIfAbsent(line.method(), line);
                    case TIMEOUT -> {
                        if (line.detail().isEmpty()) {
                            log.timedOut.add(line.method());
                        } else {
                            log.waitTimeouts.put(line.method(), line.detail());
                        }
                    }
                    case START -> {}
                }
            }
            return log;
        }

        /** Ranks this rank gave up waiting for after finishing {@code method}. */
        Set<Integer> waitedFor(String method) {
            String detail = waitTimeouts.get(method);
            if (detail == null) {
                return Set.of();
            }
            Matcher numbers = Pattern.compile("\\d+").matcher(detail);
            return numbers
                    .results()
                    .map(m -> Integer.parseInt(m.group()))
                    .collect(Collectors.toCollection(LinkedHashSet::new));
        }
    }
}
