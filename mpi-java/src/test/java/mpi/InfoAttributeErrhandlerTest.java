package mpi;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import org.jmpi.test.MpiTest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Info objects, attributes under int keys, error handlers and error classes. */
class InfoAttributeErrhandlerTest {

    @MpiTest
    void infoKeysAndValues() throws MPIException {
        TestEnv.world();
        Info info = new Info();
        assertEquals(0, info.size());
        info.set("color", "red");
        info.set("size", "4");
        info.set("color", "blue");
        assertEquals(2, info.size());
        assertEquals("blue", info.get("color"));
        assertNull(info.get("absent"));
        assertEquals("color", info.getKey(0));
        Info copy = info.dup();
        info.delete("color");
        assertEquals(1, info.size());
        assertEquals("blue", copy.get("color"));
        Intracomm c = TestEnv.returning();
        MPI.COMM_WORLD.setErrhandler(MPI.ERRORS_RETURN);
        try {
            TestEnv.failsWith(MPI.ERR_INFO_NOKEY, () -> info.delete("color"));
            TestEnv.failsWith(MPI.ERR_ARG, () -> info.getKey(5));
            info.free();
            assertTrue(info.isNull());
            TestEnv.failsWith(MPI.ERR_INFO, info::size);
        } finally {
            MPI.COMM_WORLD.setErrhandler(MPI.ERRORS_ARE_FATAL);
        }
        assertTrue(MPI.INFO_NULL.isNull());
        assertTrue(MPI.INFO_ENV.size() >= 0);
        copy.free();
        c.free();
    }

    @MpiTest
    void attributesAreCopiesAndFollowDup() throws MPIException {
        Intracomm w = TestEnv.world();
        int key = Comm.createKeyval();
        assertTrue(key != MPI.KEYVAL_INVALID);
        List<String> value = new ArrayList<>(List.of("a", "b"));
        Intracomm c = w.dup();
        assertNull(c.getAttr(key));
        c.setAttr(key, (Serializable) value);
        value.add("c");
        assertEquals(List.of("a", "b"), c.getAttr(key));
        Intracomm d = c.dup();
        assertEquals(List.of("a", "b"), d.getAttr(key));
        c.deleteAttr(key);
        assertNull(c.getAttr(key));
        assertEquals(List.of("a", "b"), d.getAttr(key));
        int tkey = Datatype.createKeyval();
        Datatype t = Datatype.createContiguous(2, MPI.INT);
        t.setAttr(tkey, 42);
        assertEquals(42, t.getAttr(tkey));
        c.setErrhandler(MPI.ERRORS_RETURN);
        Comm.freeKeyval(key);
        TestEnv.failsWith(MPI.ERR_KEYVAL, () -> c.getAttr(key));
        d.free();
        c.free();
        t.free();
        Datatype.freeKeyval(tkey);
    }

    @MpiTest
    void errhandlersAndErrorClasses() throws MPIException {
        Intracomm w = TestEnv.world();
        Intracomm c = w.dup();
        assertSame(MPI.ERRORS_ARE_FATAL, c.getErrhandler());
        c.setErrhandler(MPI.ERRORS_RETURN);
        assertSame(MPI.ERRORS_RETURN, c.getErrhandler());
        Intracomm child = c.split(0, 0);
        assertSame(MPI.ERRORS_RETURN, child.getErrhandler());
        MPIException e = assertThrows(MPIException.class, () -> c.callErrhandler(MPI.ERR_OTHER));
        assertEquals(MPI.ERR_OTHER, e.getErrorClass());
        assertEquals(MPI.ERR_OTHER, e.getErrorCode());
        TestEnv.failsWith(MPI.ERR_ROOT, () -> c.bcast(new int[1], 1, MPI.INT, c.getSize()));
        MPI.COMM_WORLD.setErrhandler(MPI.ERRORS_RETURN);
        try {
            TestEnv.failsWith(MPI.ERR_COMM, () -> MPI.COMM_WORLD.free());
        } finally {
            MPI.COMM_WORLD.setErrhandler(MPI.ERRORS_ARE_FATAL);
        }
        MPIException plain = new MPIException("text");
        assertEquals("text", plain.getMessage());
        child.free();
        c.free();
    }
}
