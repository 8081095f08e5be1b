package org.jmpi;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.jmpi.test.MpiTest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Info objects: entries, dup, MPI_INFO_ENV, communicator hints, and the one rule for keys
 * and values that every call taking hints as a map applies before MPI sees them.
 */
class InfoTest {

    @MpiTest
    void setGetDeleteKeysAndSize() {
        TestMpi.mpi();
        try (Info info = Info.create()) {
            assertEquals(0, info.size());
            info.set("alpha", "1").set("beta", "two").set("gamma", "rank" + TestMpi.world().rank());
            assertEquals(3, info.size());
            assertEquals(List.of("alpha", "beta", "gamma"), info.keys());
            assertEquals(Optional.of("two"), info.get("beta"));
            assertEquals(Optional.of("rank" + TestMpi.world().rank()), info.get("gamma"));
            assertEquals(Optional.empty(), info.get("delta"));
            info.set("beta", "replaced");
            assertEquals(Optional.of("replaced"), info.get("beta"));
            assertEquals(3, info.size());
            assertTrue(info.delete("alpha"));
            assertFalse(info.delete("alpha"));
            assertEquals(Map.of("beta", "replaced", "gamma", "rank" + TestMpi.world().rank()), info.toMap());
            assertFalse(info.isPredefined());
        }
    }

    @MpiTest
    void ofMapKeepsOrderAndDupIsIndependent() {
        TestMpi.mpi();
        Map<String, String> entries = new LinkedHashMap<>();
        for (int i = 9; i >= 0; i--) {
            entries.put("key" + i, "v".repeat(i + 1));
        }
        entries.put("unicode", "\u00e9t\u00e9 \u2713");
        try (Info info = Info.of(entries); Info copy = info.dup()) {
            assertEquals(entries, info.toMap());
            assertEquals(List.copyOf(entries.keySet()), info.keys());
            copy.set("key0", "changed").delete("key9");
            assertEquals("v", info.get("key0").orElseThrow());
            assertEquals("vvvvvvvvvv", info.get("key9").orElseThrow());
            assertEquals("changed", copy.get("key0").orElseThrow());
            assertEquals(entries.size() - 1, copy.size());
        }
    }

    @MpiTest
    void closeIsOnceAndUseAfterCloseIsRefused() {
        TestMpi.mpi();
        Info info = Info.create().set("k", "v");
        info.close();
        info.close();
        assertThrows(IllegalStateException.class, () -> info.get("k"));
        assertThrows(IllegalStateException.class, () -> info.set("k", "w"));
        assertThrows(IllegalStateException.class, info::size);
        assertThrows(IllegalStateException.class, info::dup);
    }

    @MpiTest
    void envDescribesTheJobAndIsReadOnly() {
        Comm world = TestMpi.world();
        Info env = Info.env();
        assertTrue(env.isPredefined());
        if (TestMpi.mpich()) {
            // MPICH 4.0.2 under Hydra leaves MPI_INFO_ENV empty (docs/mpich.md)
            assertEquals(0, env.size(), () -> "keys " + env.keys());
        } else {
            assertEquals(Optional.of(String.valueOf(world.size())), env.get("maxprocs"));
            assertEquals(Optional.of("MPI_THREAD_MULTIPLE"), env.get("thread_level"));
            assertTrue(env.keys().contains("command"), () -> "keys " + env.keys());
        }
        assertEquals(env.size(), env.toMap().size());
        assertThrows(UnsupportedOperationException.class, () -> env.set("x", "y"));
        assertThrows(UnsupportedOperationException.class, () -> env.delete("maxprocs"));
        env.close();
        assertEquals(TestMpi.mpich() ? Optional.empty() : Optional.of(String.valueOf(world.size())),
                Info.env().get("maxprocs"));
        try (Info copy = env.dup()) {
            copy.set("x", "y");
            assertEquals(Optional.of("y"), copy.get("x"));
            assertEquals(Optional.empty(), env.get("x"));
        }
    }

    /** One call of jmpi that turns a map into an {@code MPI_Info}; {@code arg} starts its messages. */
    private record Taker(String arg, String name, Consumer<Map<String, String>> call) {
    }

    /** A map the rule refuses, and the exception and message fragment every taker gives. */
    private record Bad(Map<String, String> hints, Class<? extends RuntimeException> type, String fragment) {
    }

    /** Every place that takes hints as a map, each cleaning up what it made. */
    private static List<Taker> takers(Comm dup, MpiFile file, Path path) {
        Comm world = TestMpi.world();
        return List.of(
                new Taker("entries", "Info.of", m -> Info.of(m).close()),
                new Taker("info", "Info.set", m -> {
                    try (Info info = Info.create()) {
                        m.forEach(info::set);
                    }
                }),
                new Taker("hints", "Comm.setInfo", dup::setInfo),
                new Taker("hints", "Comm.dupWithInfo", m -> dup.dupWithInfo(m).close()),
                new Taker("hints", "MpiFile.setInfo", file::setInfo),
                new Taker("info", "Win.allocate", m -> Win.allocate(world, 8, 8, m).close()),
                new Taker("hints", "window setInfo", m -> {
                    try (Win win = Win.allocate(world, 8, 8)) {
                        win.setInfo(m);
                    }
                }),
                new Taker("hints", "MpiFile.open", m -> MpiFile.open(TestMpi.mpi().self(), path.toString(),
                        Set.of(FileMode.RDWR, FileMode.CREATE, FileMode.DELETE_ON_CLOSE), m).close()),
                new Taker("hints", "setView", m -> file.setView(0, Datatype.BYTE, Datatype.BYTE, "native", m)),
                new Taker("info", "SpawnCommand", m -> SpawnCommand.of("/bin/true", 1).withInfo(m)));
    }

    @MpiTest
    void keysAndValuesAreCheckedBeforeMpi() throws Exception {
        Comm world = TestMpi.world();
        // MPI_MAX_INFO_KEY: 36 on Open MPI, 255 on MPICH; MPI_MAX_INFO_VAL: 256 and 1024
        int maxKey = org.jmpi.bindings.abi.MpiCalls.MPI_MAX_INFO_KEY();
        int maxVal = org.jmpi.bindings.abi.MpiCalls.MPI_MAX_INFO_VAL();
        List<Bad> cases = List.of(
                new Bad(entry(null, "v"), NullPointerException.class, "null key"),
                new Bad(entry("k", null), NullPointerException.class, "null value of key 'k'"),
                new Bad(Map.of("", "v"), IllegalArgumentException.class, "key '' is empty"),
                new Bad(Map.of("k".repeat(maxKey), "v"), IllegalArgumentException.class,
                        "has " + maxKey + " bytes; MPI takes 1 to " + (maxKey - 1) + " UTF-8 bytes (MPI_MAX_INFO_KEY - 1)"),
                // (maxKey + 1) / 2 two-byte characters are maxKey bytes or more
                new Bad(Map.of("\u00e9".repeat((maxKey + 1) / 2), "v"), IllegalArgumentException.class,
                        "bytes; MPI takes 1 to " + (maxKey - 1)),
                new Bad(Map.of("a\0b", "v"), IllegalArgumentException.class, "key 'a\\0b' contains a NUL"),
                // Open MPI refuses an empty value (MPI_ERR_INFO_VALUE), MPICH stores it: refused on both
                new Bad(Map.of("k", ""), IllegalArgumentException.class, "the value of key 'k' is empty"),
                new Bad(Map.of("k", "v".repeat(maxVal)), IllegalArgumentException.class,
                        "the value of key 'k' has " + maxVal + " bytes; MPI takes 1 to " + (maxVal - 1)),
                new Bad(Map.of("k", "a\0b"), IllegalArgumentException.class, "the value of key 'k' contains a NUL"));
        Map<String, String> good = new LinkedHashMap<>();
        good.put("k".repeat(maxKey - 1), "v".repeat(maxVal - 1));
        good.put("\u00e9".repeat((maxKey - 1) / 2), "\u2713");
        good.put(" ", " v ");  // blanks are kept, by both MPIs
        Path path = Files.createTempFile("jmpi-info-", ".dat");
        Files.delete(path);
        try (Comm dup = world.dup();
             MpiFile file = MpiFile.open(TestMpi.mpi().self(), path.resolveSibling(path.getFileName() + "-view"),
                     FileMode.RDWR, FileMode.CREATE, FileMode.DELETE_ON_CLOSE)) {
            for (Taker t : takers(dup, file, path)) {
                for (Bad bad : cases) {
                    Throwable e = assertThrows(bad.type(), () -> t.call().accept(bad.hints()), t.name());
                    assertTrue(e.getMessage().startsWith(t.arg() + ": ") && e.getMessage().contains(bad.fragment()),
                            () -> t.name() + ": message '" + e.getMessage() + "' should be '" + t.arg() + ": ..."
                                    + bad.fragment() + "...'");
                }
                t.call().accept(good);
                t.call().accept(Map.of());
                if (!t.name().startsWith("Win.") && !t.name().equals("Info.set")) {
                    assertMessage(NullPointerException.class, t.arg(), () -> t.call().accept(null));
                }
            }
            try (Win win = Win.allocate(world, 8, 8, null)) {
                assertEquals(8, win.size(), "a null map is no hints for a window");
            }
            try (Info info = Info.of(good)) {
                assertEquals(good, info.toMap());
                assertMessage(IllegalArgumentException.class, "info: key", () -> info.get("k".repeat(maxKey + 4)));
                assertMessage(IllegalArgumentException.class, "info: key '' is empty", () -> info.delete(""));
                assertMessage(NullPointerException.class, "info: null key", () -> info.get(null));
                assertEquals(good.size(), info.size());
            }
        }
        assertFalse(Files.exists(path), "no refused open created the file");
        world.barrier();
    }

    private static Map<String, String> entry(String key, String value) {
        Map<String, String> m = new HashMap<>();
        m.put(key, value);
        return m;
    }

    @MpiTest
    void communicatorHintsRoundTrip() {
        Comm world = TestMpi.world();
        try (Comm comm = world.dup()) {
            comm.setInfo(Map.of("mpi_assert_allow_overtaking", "true", "mpi_assert_no_any_source", "true"));
            try (Info got = comm.getInfo()) {
                assertEquals(Optional.of("true"), got.get("mpi_assert_allow_overtaking"));
                assertEquals(Optional.of("true"), got.get("mpi_assert_no_any_source"));
            }
            try (Info hints = Info.of(Map.of("mpi_assert_allow_overtaking", "false"))) {
                comm.setInfo(hints);
            }
            try (Info got = comm.getInfo()) {
                assertEquals(Optional.of("false"), got.get("mpi_assert_allow_overtaking"));
            }
            assertThrows(NullPointerException.class, () -> comm.setInfo((Info) null));
            Info closed = Info.create();
            closed.close();
            assertThrows(IllegalStateException.class, () -> comm.setInfo(closed));
            // the hints still work: messages arrive
            int next = (comm.rank() + 1) % comm.size();
            int prev = (comm.rank() + comm.size() - 1) % comm.size();
            int[] out = {comm.rank()};
            int[] in = new int[1];
            comm.sendrecv(java.lang.foreign.MemorySegment.ofArray(out), Datatype.INT, next, 3,
                    java.lang.foreign.MemorySegment.ofArray(in), Datatype.INT, prev, 3);
            assertEquals(prev, in[0]);
        }
    }

    @MpiTest
    void temporaryInfoForHintMaps() {
        TestMpi.mpi();
        try (Info none = Info.temporary(Map.of(), "hints")) {
            assertTrue(none.isPredefined());
            assertThrows(IllegalStateException.class, none::size);
        }
        try (Info some = Info.temporary(Map.of("a", "b"), "hints")) {
            assertEquals(Map.of("a", "b"), some.toMap());
            assertTrue(some.handle().address() != 0);
        }
        assertMessage(NullPointerException.class, "hints", () -> Info.temporary(null, "hints"));
    }

    private static void assertMessage(Class<? extends Throwable> type, String part, org.junit.jupiter.api.function.Executable call) {
        Throwable t = assertThrows(type, call);
        assertTrue(t.getMessage() != null && t.getMessage().contains(part), () -> "message '" + t.getMessage()
                + "' should name " + part);
    }
}
