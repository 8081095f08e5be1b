package org.jmpi.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ResolvedModule;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.jmpi.test.BoundedProcess;
import org.jmpi.test.MpiLauncher;
import org.jmpi.test.Programs;
import org.jmpi.test.ProjectRoot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * jmpi as JPMS modules: the built modules export only their API packages, and user modules
 * ({@code src/test/modules}: {@code hello} requires {@code org.jmpi}, {@code hello.dsm}
 * requires {@code org.jmpi.dsm}), compiled here against the built modules, run on the module
 * path under each MPI's launcher with native access granted to jmpi's native layer alone and every
 * other native access denied ({@code --illegal-native-access=deny}), by plain {@code
 * mpirun java -m} and by {@code jmpirun -p ... -m}; object messages carry the user module's
 * own classes.
 */
class ModulePathTest {

    /** Native access a program grants, with or without DSM: the native layer's module alone. */
    static final String GRANT = "org.jmpi.bindings";
    private static final int NP = 2;
    private static final int TIMEOUT_SECONDS = 120;

    /** Where the user modules are compiled to, one exploded module each. */
    private static final Path USER_MODULES = Path.of("target", "user-modules");

    /** jmpi's modules as this test's class path holds them (jars, or class directories). */
    private static List<Path> jmpiModules;

    @BeforeAll
    static void compileUserModules() throws Exception {
        jmpiModules = List.of(location("org.jmpi.bindings.abi.MpiKind"), location("org.jmpi.Mpi"),
                location("org.jmpi.dsm.DsmContext"));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);
        int status = ToolProvider.getSystemJavaCompiler().run(null, out, out,
                "--module-source-path", Path.of("src", "test", "modules").toString(),
                "--module-path", path(jmpiModules),
                "-d", USER_MODULES.toString(),
                "-Xlint:all", "-Werror",
                "--module", "hello,hello.dsm");
        assertEquals(0, status, () -> "javac of src/test/modules failed:\n" + log.toString(StandardCharsets.UTF_8));
    }

    static Stream<Arguments> runs() {
        return Programs.runs(NP);
    }

    /** Each module's exports, e.g. {@code org.jmpi.internal to org.jmpi.dsm}; nothing is open. */
    @Test
    void onlyApiPackagesAreExported() throws Exception {
        List<Path> all = new ArrayList<>(jmpiModules);
        all.add(location("org.jmpi.test.MpiTest"));
        Map<String, Set<String>> exports = new TreeMap<>();
        for (var ref : ModuleFinder.of(all.toArray(Path[]::new)).findAll()) {
            ModuleDescriptor d = ref.descriptor();
            assertFalse(d.isOpen() || d.isAutomatic(), d.name() + " is an explicit, not open, module");
            assertEquals(Set.of(), d.opens(), d.name() + " opens nothing");
            exports.put(d.name(), d.exports().stream()
                    .map(e -> e.source() + (e.isQualified() ? " to " + String.join(",", new TreeSet<>(e.targets())) : ""))
                    .collect(Collectors.toCollection(TreeSet::new)));
        }
        assertEquals(Map.of(
                "org.jmpi.bindings", Set.of("org.jmpi.bindings.abi to org.jmpi",
                        "org.jmpi.bindings.access to org.jmpi,org.jmpi.dsm", "org.jmpi.bindings.ucs to org.jmpi.dsm",
                        "org.jmpi.bindings.ucx to org.jmpi.dsm"),
                "org.jmpi", Set.of("org.jmpi", "org.jmpi.internal to org.jmpi.dsm"),
                "org.jmpi.dsm", Set.of("org.jmpi.dsm"),
                "org.jmpi.test", Set.of("org.jmpi.test")), exports);
    }

    /** The user modules resolve against jmpi's alone: no missing module, no split package. */
    @Test
    void userModulesResolve() {
        ModuleFinder finder = ModuleFinder.of(Stream.concat(Stream.of(USER_MODULES), jmpiModules.stream())
                .toArray(Path[]::new));
        Configuration conf = ModuleLayer.boot().configuration()
                .resolve(finder, ModuleFinder.of(), Set.of("hello", "hello.dsm"));
        assertEquals(Set.of("hello", "hello.dsm", "org.jmpi", "org.jmpi.bindings", "org.jmpi.dsm"),
                conf.modules().stream().map(ResolvedModule::name).collect(Collectors.toSet()));
    }

    @ParameterizedTest(name = "np={0} {1}")
    @MethodSource("runs")
    void helloRunsOnTheModulePath(int np, MpiLauncher mpi) throws Exception {
        String out = Programs.mpirun(mpi, np, java(mpi, GRANT, "hello/hello.Main", "a", "b"), TIMEOUT_SECONDS);
        helloSaid(out, np);
    }

    @ParameterizedTest(name = "np={0} {1}")
    @MethodSource("runs")
    void dsmRunsOnTheModulePath(int np, MpiLauncher mpi) throws Exception {
        String out = Programs.mpirun(mpi, np, java(mpi, GRANT, "hello.dsm/hello.dsm.Main"),
                TIMEOUT_SECONDS);
        everyRankSays(out, np, rank -> "dsm rank " + rank + " of " + np + ": total " + np * (np + 1) / 2);
    }

    /** {@code jmpirun -p target/user-modules -m hello/hello.Main}, with any other native access denied. */
    @ParameterizedTest(name = "np={0} {1}")
    @MethodSource("runs")
    void jmpirunRunsAModule(int np, MpiLauncher mpi) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", ProjectRoot.script("jmpirun").toString(),
                "--mpi", mpi.id, "-J--illegal-native-access=deny"));
        if (mpi == MpiLauncher.OPENMPI) {
            command.addAll(List.of("--oversubscribe", "--bind-to", "none"));
        }
        command.addAll(List.of("-np", Integer.toString(np), "-p", USER_MODULES.toAbsolutePath().toString(),
                "-m", "hello/hello.Main", "a", "b"));
        BoundedProcess.Result job = BoundedProcess.of(command).run(Duration.ofSeconds(TIMEOUT_SECONDS));
        assertTrue(job.ok(), job::describe);
        String out = job.stdout();
        helloSaid(out, np);
    }

    /** The rank command: this JVM's java, the module path, native access for {@code grant} only. */
    private static List<String> java(MpiLauncher mpi, String grant, String main, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--module-path", USER_MODULES.toAbsolutePath() + File.pathSeparator + path(jmpiModules),
                "--enable-native-access=" + grant, "--illegal-native-access=deny",
                mpi.jvmOption(), "-m", main));
        command.addAll(List.of(args));
        return command;
    }

    /**
     * What {@code hello.Main} prints on every rank: the API works, {@code org.jmpi.internal} is
     * not exported, objects of the user module's own classes, neither exported nor open, come
     * back from Java serialization in {@code org.jmpi}, and a user op and a window's memory work
     * with native access granted to {@code org.jmpi.bindings} alone.
     */
    private static void helloSaid(String out, int np) {
        everyRankSays(out, np, rank -> "hello rank " + rank + " of " + np
                + ": sum " + np * (np + 1) / 2 + ", in hello, jmpi in org.jmpi, internal exported false, args a,b");
        everyRankSays(out, np, rank -> {
            int left = (rank + np - 1) % np;
            return "objects rank " + rank + ": Greeting[from=" + left + ", text=hi from " + left + "] Tally[" + left + "]";
        });
        int max = IntStream.range(0, np).map(r -> r * 7 % np).max().orElseThrow();
        everyRankSays(out, np, rank -> "native rank " + rank + ": user op max " + max + ", window of rank "
                + (rank + 1) % np + " holds " + (100 + (rank + 1) % np));
    }

    private static void everyRankSays(String out, int np, IntFunction<String> line) {
        for (int rank = 0; rank < np; rank++) {
            String expected = line.apply(rank);
            assertTrue(out.lines().anyMatch(expected::equals), () -> "expected \"" + expected + "\" in:\n" + out);
        }
    }

    /** The jar or class directory {@code className} was loaded from. */
    private static Path location(String className) throws Exception {
        Class<?> type = Class.forName(className, false, ModulePathTest.class.getClassLoader());
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
    }

    private static String path(List<Path> paths) {
        return paths.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }
}
