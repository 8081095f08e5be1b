package org.jmpi.test;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The test harness's entry point of every rank JVM that {@link JobRunner} starts under {@code
 * mpirun}: runs the listed {@link MpiTest} methods of one class with the JUnit Platform, recording
 * each outcome in this rank's {@link ResultFile}, then runs the {@link Ranks#atEnd} actions and
 * exits. (Programs started by {@code native-scripts/jmpirun} run jmpi's own {@code
 * org.jmpi.RankMain} instead.)
 *
 * <p>Usage: {@code java -Djmpi.harness.rank=true -Djmpi.harness.np=N -Djmpi.harness.dir=DIR
 * -Djmpi.harness.methods=a,b org.jmpi.test.HarnessRankMain fully.qualified.TestClass}.
 */
public final class HarnessRankMain {

    private HarnessRankMain() {}

    /**
     * Runs the tests of this rank; exits 0 when they ran (passed or not), non-zero on harness errors.
     */
    public static void main(String[] args) {
        int status;
        try {
            status = run(args);
        } catch (Throwable t) {
            t.printStackTrace();
            status = 1;
        }
        System.out.flush();
        System.err.flush();
        System.exit(status);
    }

    private static int run(String[] args) throws Exception {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: HarnessRankMain <test class>");
        }
        if (!Ranks.inRank()) {
            throw new IllegalStateException("HarnessRankMain needs -D" + Ranks.RANK_MODE_PROPERTY + "=true");
        }
        Path dir = Path.of(required("jmpi.harness.dir"));
        Class<?> testClass = Class.forName(args[0], false, HarnessRankMain.class.getClassLoader());
        Map<String, Method> all = MpiMethods.byName(testClass);
        Map<String, Integer> timeouts = new LinkedHashMap<>();
        for (String name : required("jmpi.harness.methods").split(",")) {
            Method method = all.get(name);
            if (method == null) {
                throw new IllegalArgumentException(testClass.getName() + " has no @MpiTest method " + name);
            }
            timeouts.put(name, MpiMethods.spec(method).timeoutSeconds());
        }
        LauncherDiscoveryRequest request =
                LauncherDiscoveryRequestBuilder.request()
                        .selectors(
                                timeouts.keySet().stream()
                                        .map(name -> selectMethod(testClass, all.get(name)))
                                        .toList())
                        .filters(EngineFilter.includeEngines("junit-jupiter"))
                        .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
                        .build();
        try (ResultFile own = ResultFile.open(dir, Ranks.rank())) {
            RankResultsListener listener =
                    new RankResultsListener(testClass, timeouts, dir, Ranks.rank(), Ranks.size(), own);
            LauncherFactory.create().execute(request, listener);
            listener.finish();
        }
        return runEndActions();
    }

    /** Runs the end actions, including any they register; returns 2 if one failed, else 0. */
    private static int runEndActions() {
        int status = 0;
        for (List<Runnable> actions = Ranks.takeEndActions();
                !actions.isEmpty();
                actions = Ranks.takeEndActions()) {
            for (Runnable action : actions) {
                try {
                    action.run();
                } catch (Throwable t) {
                    System.err.println("rank " + Ranks.rank() + ": an end action failed");
                    t.printStackTrace();
                    status = 2;
                }
            }
        }
        return status;
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("missing system property " + property);
        }
        return value;
    }
}
