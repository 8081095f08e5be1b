package org.jmpi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jmpi.test.MpiTest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Info objects: entries, dup, MPI_INFO_ENV, limits, and communicator hints. */
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

    @MpiTest
    void keysAndValuesAreCheckedBeforeMpi() {
        TestMpi.mpi();
        try (Info info = Info.create()) {
            // MPI_MAX_INFO_KEY: 36 on Open MPI, 255 on MPICH; MPI_MAX_INFO_VAL: 256 and 1024
            int maxKey = org.jmpi.bindings.abi.MpiCalls.MPI_MAX_INFO_KEY();
            int maxVal = org.jmpi.bindings.abi.MpiCalls.MPI_MAX_INFO_VAL();
            String longestKey = "k".repeat(maxKey - 1);
            info.set(longestKey, "v");
            assertEquals(Optional.of("v"), info.get(longestKey));
            assertMessage(IllegalArgumentException.class, "key", () -> info.set("k".repeat(maxKey), "v"));
            // maxKey / 2 two-byte characters are maxKey bytes or more
            assertMessage(IllegalArgumentException.class, "key", () -> info.set("\u00e9".repeat((maxKey + 1) / 2), "v"));
            assertMessage(IllegalArgumentException.class, "key", () -> info.set("", "v"));
            assertMessage(IllegalArgumentException.class, "key", () -> info.get("k".repeat(maxKey + 4)));
            assertMessage(IllegalArgumentException.class, "NUL", () -> info.set("a\0b", "v"));
            assertMessage(NullPointerException.class, "key", () -> info.set(null, "v"));
            assertMessage(NullPointerException.class, "key", () -> info.get(null));
            String longestValue = "v".repeat(maxVal - 1);
            info.set("long", longestValue);
            assertEquals(Optional.of(longestValue), info.get("long"));
            assertMessage(IllegalArgumentException.class, "value of key 'long'", () -> info.set("long", "v".repeat(maxVal)));
            assertMessage(IllegalArgumentException.class, "value", () -> info.set("k", ""));
            assertMessage(NullPointerException.class, "value", () -> info.set("k", null));
            assertEquals(2, info.size());
        }
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("ok", "1");
        bad.put("bad", null);
        assertMessage(NullPointerException.class, "value of key 'bad'", () -> Info.of(bad));
        assertMessage(NullPointerException.class, "entries", () -> Info.of(null));
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
        try (Info none = Info.temporary(Map.of())) {
            assertTrue(none.isPredefined());
            assertThrows(IllegalStateException.class, none::size);
        }
        try (Info some = Info.temporary(Map.of("a", "b"))) {
            assertEquals(Map.of("a", "b"), some.toMap());
            assertTrue(some.handle().address() != 0);
        }
        assertTrue(Info.temporary(null).isPredefined());
    }

    private static void assertMessage(Class<? extends Throwable> type, String part, org.junit.jupiter.api.function.Executable call) {
        Throwable t = assertThrows(type, call);
        assertTrue(t.getMessage() != null && t.getMessage().contains(part), () -> "message '" + t.getMessage()
                + "' should name " + part);
    }
}
