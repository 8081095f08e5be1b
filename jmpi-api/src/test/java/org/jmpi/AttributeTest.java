package org.jmpi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;

import org.jmpi.test.MpiTest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Attribute caching on communicators and datatypes, Java callbacks, and MPI's predefined attributes. */
class AttributeTest {

    /** A mutable value, to check identity and copies. */
    record Box(String name, List<String> log) {
        Box copy() {
            return new Box(name + "'", log);
        }
    }

    @MpiTest
    void setGetReplaceAndDeleteRunTheDeleteFunction() {
        Comm world = TestMpi.world();
        List<String> deleted = Collections.synchronizedList(new ArrayList<>());
        try (Comm comm = world.dup(); Keyval<Box> key = Keyval.forComm(Box::copy, b -> deleted.add(b.name()))) {
            assertEquals(Optional.empty(), comm.getAttr(key));
            assertFalse(comm.deleteAttr(key));
            Box first = new Box("first" + comm.rank(), deleted);
            comm.setAttr(key, first);
            assertSame(first, comm.getAttr(key).orElseThrow());
            comm.setAttr(key, new Box("second", deleted));
            assertEquals(List.of("first" + comm.rank()), deleted);
            assertEquals("second", comm.getAttr(key).orElseThrow().name());
            assertEquals(1, key.cachedValues());
            assertTrue(comm.deleteAttr(key));
            assertEquals(List.of("first" + comm.rank(), "second"), deleted);
            assertEquals(Optional.empty(), comm.getAttr(key));
            assertEquals(0, key.cachedValues());
        }
    }

    @MpiTest
    void dupCopiesThroughTheCopyFunctionAndFreeDeletes() {
        Comm world = TestMpi.world();
        List<String> deleted = Collections.synchronizedList(new ArrayList<>());
        try (Keyval<Box> copied = Keyval.forComm(Box::copy, b -> deleted.add(b.name()));
             Keyval<String> notCopied = Keyval.forComm();
             Keyval<List<String>> shared = Keyval.forComm(UnaryOperator.identity(), v -> { });
             Comm comm = world.dup()) {
            List<String> sharedList = new ArrayList<>();
            comm.setAttr(copied, new Box("b" + comm.rank(), deleted));
            comm.setAttr(notCopied, "local");
            comm.setAttr(shared, sharedList);
            try (Comm dup = comm.dup()) {
                assertEquals("b" + comm.rank() + "'", dup.getAttr(copied).orElseThrow().name());
                assertEquals(Optional.empty(), dup.getAttr(notCopied));
                assertSame(sharedList, dup.getAttr(shared).orElseThrow());
                try (Comm dupOfDup = dup.dup()) {
                    assertEquals("b" + comm.rank() + "''", dupOfDup.getAttr(copied).orElseThrow().name());
                }
                assertEquals(List.of("b" + comm.rank() + "''"), deleted);
                assertEquals(2, copied.cachedValues());
            }
            assertEquals(List.of("b" + comm.rank() + "''", "b" + comm.rank() + "'"), deleted);
            assertEquals("b" + comm.rank(), comm.getAttr(copied).orElseThrow().name());
            int rank = comm.rank();
            comm.close();
            assertEquals(3, deleted.size());
            assertEquals("b" + rank, deleted.get(2));
            assertEquals(0, copied.cachedValues());
        }
    }

    @MpiTest
    void callbackExceptionsBecomeMpiExceptionsWithTheCause() {
        Comm world = TestMpi.world();
        AtomicBoolean failDelete = new AtomicBoolean(true);
        List<String> deleted = new ArrayList<>();
        try (Keyval<String> key = Keyval.forComm(v -> {
                throw new IllegalStateException("copy refused " + v);
            }, v -> {
                if (failDelete.getAndSet(false)) {
                    throw new UnsupportedOperationException("delete refused " + v);
                }
                deleted.add(v);
            });
             Comm comm = world.dup()) {
            comm.setAttr(key, "value");
            MpiException dupFailed = assertThrows(MpiException.class, comm::dup);
            assertEquals(ErrorCodes.ERR_OTHER, dupFailed.errorClass());
            assertTrue(dupFailed.getCause() instanceof IllegalStateException);
            assertEquals("copy refused value", dupFailed.getCause().getMessage());
            MpiException deleteFailed = assertThrows(MpiException.class, () -> comm.deleteAttr(key));
            assertTrue(deleteFailed.getCause() instanceof UnsupportedOperationException);
            // MPI keeps a value whose delete failed
            assertEquals(Optional.of("value"), comm.getAttr(key));
            assertTrue(comm.deleteAttr(key));
            assertEquals(List.of("value"), deleted);
            comm.barrier();
        }
    }

    @MpiTest
    void callbacksCanReturnUserErrorCodes() {
        Comm world = TestMpi.world();
        int cls = ErrorCodes.addClass();
        int code = ErrorCodes.addCode(cls);
        ErrorCodes.addString(code, "attribute copy vetoed");
        try (Keyval<String> key = Keyval.forComm(v -> {
            throw MpiException.of(code, "copy");
        }, v -> { }); Comm comm = world.dup()) {
            comm.setAttr(key, "x");
            MpiException e = assertThrows(MpiException.class, comm::dup);
            assertEquals(code, e.errorCode());
            assertEquals(cls, e.errorClass());
            assertTrue(e.getMessage().contains("attribute copy vetoed"), e.getMessage());
        }
    }

    @MpiTest
    void closedKeyvalKeepsItsValuesUntilDeleted() {
        Comm world = TestMpi.world();
        List<String> deleted = new ArrayList<>();
        Keyval<String> key = Keyval.forComm(v -> v, deleted::add);
        Comm comm = world.dup();
        comm.setAttr(key, "kept");
        key.close();
        key.close();
        assertThrows(IllegalStateException.class, () -> comm.setAttr(key, "new"));
        assertThrows(IllegalStateException.class, () -> comm.getAttr(key));
        assertEquals(1, key.cachedValues());
        comm.close();
        assertEquals(List.of("kept"), deleted);
        assertEquals(0, key.cachedValues());
    }

    @MpiTest
    void argumentsAreChecked() {
        Comm world = TestMpi.world();
        try (Keyval<String> typeKey = Keyval.forDatatype(); Keyval<String> commKey = Keyval.forComm();
             Datatype type = Datatype.contiguous(2, Datatype.INT)) {
            IllegalArgumentException wrongKind = assertThrows(IllegalArgumentException.class,
                    () -> world.setAttr(typeKey, "x"));
            assertTrue(wrongKind.getMessage().contains("keyval"), wrongKind.getMessage());
            assertThrows(IllegalArgumentException.class, () -> type.getAttr(commKey));
            assertThrows(NullPointerException.class, () -> world.setAttr(null, "x"));
            NullPointerException nullValue = assertThrows(NullPointerException.class, () -> world.setAttr(commKey, null));
            assertEquals("value", nullValue.getMessage());
            assertThrows(NullPointerException.class, () -> world.getAttr(null));
            assertThrows(NullPointerException.class, () -> Keyval.forComm(null, v -> { }));
            assertThrows(NullPointerException.class, () -> Keyval.forDatatype(v -> v, null));
        }
        Comm freed = world.dup();
        try (Keyval<String> key = Keyval.forComm()) {
            freed.close();
            assertThrows(IllegalStateException.class, () -> freed.setAttr(key, "x"));
        }
    }

    @MpiTest
    void datatypesCacheCopyAndDeleteToo() {
        TestMpi.mpi();
        List<String> deleted = new ArrayList<>();
        try (Keyval<String> key = Keyval.forDatatype(v -> v + "+dup", deleted::add)) {
            Datatype pair = Datatype.contiguous(2, Datatype.DOUBLE);
            pair.setAttr(key, "pair");
            assertEquals(Optional.of("pair"), pair.getAttr(key));
            Datatype copy = pair.dup();
            assertEquals(Optional.of("pair+dup"), copy.getAttr(key));
            assertTrue(copy.deleteAttr(key));
            assertEquals(List.of("pair+dup"), deleted);
            assertFalse(copy.deleteAttr(key));
            copy.close();
            pair.close();
            assertEquals(List.of("pair+dup", "pair"), deleted);
            assertThrows(IllegalStateException.class, () -> pair.getAttr(key));
        }
    }

    @MpiTest
    void predefinedAttributesOfTheJob() {
        Comm world = TestMpi.world();
        assertEquals(Mpi.tagUpperBound(), world.tagUpperBound());
        assertTrue(world.tagUpperBound() >= 32767);
        OptionalInt universe = world.universeSize();
        // Open MPI: the slots of the allocation (oversubscribed runs have more ranks than slots);
        // MPICH's Hydra sets no universe size
        assertTrue(TestMpi.mpich() ? universe.isEmpty() : universe.isPresent() && universe.getAsInt() >= 1,
                () -> "universe " + universe);
        assertEquals(OptionalInt.of(0), world.appNum());
        assertFalse(world.wtimeIsGlobal());
        int io = world.ioRank();
        assertTrue(io == Comm.ANY_SOURCE || io == Comm.PROC_NULL || (io >= 0 && io < world.size()), "io " + io);
        assertTrue(world.hostRank().isEmpty() || world.hostRank().getAsInt() < world.size());
        Comm self = TestMpi.mpi().self();
        assertEquals(world.tagUpperBound(), self.tagUpperBound());
        assertEquals(universe, self.universeSize());
        try (Comm dup = world.dup()) {
            assertEquals(world.tagUpperBound(), dup.tagUpperBound());
            assertEquals(universe, dup.universeSize());
        }
    }
}
