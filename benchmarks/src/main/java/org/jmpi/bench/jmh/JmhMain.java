package org.jmpi.bench.jmh;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.jmpi.bench.run.CallCosts;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the JMH benchmarks of this package with the GC profiler and writes
 * {@code DIR/jmh.json} (JMH's own) and {@code DIR/jmh.csv} (one row per operation: ns/op,
 * error, B/op) for the summary:
 * {@code JmhMain --out DIR [JMH options, e.g. -f 1 -wi 2 -i 3 or a benchmark regex]}.
 * Started by {@code native-scripts/bench --jmh}.
 */
public final class JmhMain {
    private JmhMain() {
    }

    /** Entry point; see the class comment. */
    public static void main(String[] args) throws Exception {
        if (args.length < 2 || !args[0].equals("--out")) {
            System.err.println("usage: JmhMain --out DIR [JMH options]");
            System.exit(2);
        }
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        CommandLineOptions cli = new CommandLineOptions(Arrays.copyOfRange(args, 2, args.length));
        ChainedOptionsBuilder b = new OptionsBuilder().parent(cli)
                .resultFormat(ResultFormatType.JSON)
                .result(out.resolve("jmh.json").toString());
        if (cli.getIncludes().isEmpty()) {
            b.include(JmhMain.class.getPackageName().replace(".", "\\.") + "\\..*");
        }
        if (cli.getProfilers().isEmpty()) {
            b.addProfiler(GCProfiler.class);
        }
        Collection<RunResult> results = new Runner(b.build()).run();
        List<CallCosts.JmhRow> rows = new ArrayList<>();
        for (RunResult r : results) {
            String bench = r.getParams().getBenchmark();
            String name = bench.substring(bench.lastIndexOf('.') + 1);
            String path = r.getParams().getParam("path");
            if (path != null) {
                name += "[" + path + "]";
            }
            Result<?> primary = r.getPrimaryResult();
            Result<?> alloc = r.getSecondaryResults().get("gc.alloc.rate.norm");
            rows.add(new CallCosts.JmhRow(name, primary.getScore(), primary.getScoreError(),
                    alloc == null ? Double.NaN : alloc.getScore()));
        }
        Files.writeString(out.resolve("jmh.csv"), CallCosts.formatJmh(rows));
    }
}
