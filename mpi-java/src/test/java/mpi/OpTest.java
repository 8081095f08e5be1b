package mpi;

import java.nio.ByteBuffer;
import java.nio.IntBuffer;

import org.jmpi.test.MpiTest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Predefined and user-defined operations, MINLOC/MAXLOC over the pair types, reduceLocal. */
class OpTest {

    @MpiTest
    void minlocAndMaxlocOverPairs() throws MPIException {
        Intracomm w = TestEnv.world();
        int n = w.getSize();
        int me = w.getRank();
        int ext = MPI.int2.getExtent();
        ByteBuffer in = MPI.newByteBuffer(2 * ext);
        ByteBuffer out = MPI.newByteBuffer(2 * ext);
        Int2.Data a = MPI.int2.getData(in, 0);
        a.putValue(me % 3);
        a.putIndex(me);
        Int2.Data b = MPI.int2.getData(in, 1);
        b.putValue(-me);
        b.putIndex(me);
        w.allReduce(in, out, 2, MPI.INT2, MPI.MAXLOC);
        Int2.Data r0 = MPI.int2.getData(out, 0);
        Int2.Data r1 = MPI.int2.getData(out, 1);
        assertEquals(Math.min(n - 1, 2), r0.getValue());
        assertEquals(Math.min(n - 1, 2), r0.getIndex());
        assertEquals(0, r1.getValue());
        assertEquals(0, r1.getIndex());
        ByteBuffer d = MPI.newByteBuffer(MPI.doubleInt.getExtent());
        DoubleInt.Data x = MPI.doubleInt.getData(d);
        x.putValue(10.0 - me);
        x.putIndex(me);
        w.allReduce(d, 1, MPI.DOUBLE_INT, MPI.MINLOC);
        assertEquals(11.0 - n, x.getValue());
        assertEquals(n - 1, x.getIndex());
        for (Struct s : new Struct[] {MPI.shortInt, MPI.longInt, MPI.floatInt}) {
            assertTrue(s.getExtent() >= 8);
        }
        ByteBuffer l = MPI.newByteBuffer(MPI.longInt.getExtent());
        LongInt.Data ld = MPI.longInt.getData(l);
        ld.putValue(1L << 40 | me);
        ld.putIndex(me);
        w.allReduce(l, 1, MPI.LONG_INT, MPI.MAXLOC);
        assertEquals(1L << 40 | (n - 1), ld.getValue());
        ByteBuffer sh = MPI.newByteBuffer(MPI.shortInt.getExtent());
        ShortInt.Data sd = MPI.shortInt.getData(sh);
        sd.putValue((short) (me - 5));
        sd.putIndex(me);
        w.allReduce(sh, 1, MPI.SHORT_INT, MPI.MINLOC);
        assertEquals(-5, sd.getValue());
        assertEquals(0, sd.getIndex());
        ByteBuffer fl = MPI.newByteBuffer(MPI.floatInt.getExtent());
        FloatInt.Data fd = MPI.floatInt.getData(fl);
        fd.putValue(me * 1.5f);
        fd.putIndex(me);
        w.allReduce(fl, 1, MPI.FLOAT_INT, MPI.MAXLOC);
        assertEquals((n - 1) * 1.5f, fd.getValue());
    }

    /** Integer addition through the array form. */
    static final class ArrayAdd extends UserFunction {
        @Override
        public void call(Object inVec, Object inOutVec, int count, Datatype datatype) {
            int[] in = (int[]) inVec;
            int[] io = (int[]) inOutVec;
            for (int i = 0; i < in.length; i++) {
                io[i] += in[i];
            }
        }
    }

    /** Keeps the left operand, to see the rank order of a non-commutative op, over the native memory. */
    static final class KeepLeft extends UserFunction {
        volatile boolean direct;

        @Override
        public void call(ByteBuffer in, ByteBuffer inOut, int count, Datatype datatype) throws MPIException {
            direct = in.isDirect() && inOut.isDirect();
            IntBuffer a = in.asIntBuffer();
            IntBuffer b = inOut.asIntBuffer();
            for (int i = 0; i < count * datatype.getExtent(); i++) {
                b.put(i, a.get(i));
            }
        }
    }

    @MpiTest
    void userFunctions() throws MPIException {
        Intracomm w = TestEnv.world();
        int n = w.getSize();
        int me = w.getRank();
        Op add = new Op(new ArrayAdd(), true);
        assertTrue(add.isCommutative());
        int[] sum = new int[3];
        w.allReduce(new int[] {me, 1, 2}, sum, 3, MPI.INT, add);
        assertArrayEquals(new int[] {n * (n - 1) / 2, n, 2 * n}, sum);
        KeepLeft fn = new KeepLeft();
        Op left = new Op(fn, false);
        assertFalse(left.isCommutative());
        int[] first = {me + 10};
        w.allReduce(first, 1, MPI.INT, left);
        assertEquals(10, first[0]);
        assertTrue(n == 1 || fn.direct);
        int[] scan = new int[1];
        w.scan(new int[] {me + 10}, scan, 1, MPI.INT, left);
        assertEquals(10, scan[0]);
        add.free();
        left.free();
        assertTrue(add.isNull());
        Intracomm c = TestEnv.returning();
        TestEnv.failsWith(MPI.ERR_OP, () -> c.allReduce(new int[1], 1, MPI.INT, add));
        c.free();
    }

    @MpiTest
    void reduceLocal() throws MPIException {
        TestEnv.world();
        double[] acc = {1, 2};
        Comm.reduceLocal(new double[] {3, 4}, acc, 2, MPI.DOUBLE, MPI.SUM);
        assertArrayEquals(new double[] {4, 6}, acc);
        int[] io = {5};
        Op add = new Op(new ArrayAdd(), true);
        Comm.reduceLocal(new int[] {7}, io, 1, MPI.INT, add);
        assertEquals(12, io[0]);
        add.free();
    }
}
