package mpi;

import java.nio.ByteBuffer;
import java.nio.IntBuffer;

import org.jmpi.test.MpiTest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Derived datatypes, counted in base elements, and Struct records. */
class DatatypeTest {

    @MpiTest
    void extentsAreInBaseElements() throws MPIException {
        TestEnv.world();
        assertEquals(1, MPI.INT.getExtent());
        assertEquals(1, MPI.DOUBLE.getSize());
        assertEquals(2, MPI.DOUBLE_COMPLEX.getExtent());
        assertEquals(8, MPI.INT2.getExtent());
        assertEquals(16, MPI.DOUBLE_INT.getExtent());
        Datatype vec = Datatype.createVector(3, 2, 5, MPI.INT);
        vec.commit();
        assertEquals(12, vec.getExtent());
        assertEquals(6, vec.getSize());
        assertEquals(0, vec.getLb());
        Datatype hvec = Datatype.createHVector(2, 1, 24, MPI.DOUBLE);
        hvec.commit();
        assertEquals(4, hvec.getExtent());
        Datatype resized = Datatype.createResized(MPI.INT, -4, 12);
        resized.commit();
        assertEquals(-1, resized.getLb());
        assertEquals(3, resized.getExtent());
        assertEquals(0, resized.getTrueLb());
        assertEquals(1, resized.getTrueExtent());
        assertEquals("MPI_INT", MPI.INT.getName());
        vec.setName("columns");
        assertEquals("columns", vec.getName());
        vec.free();
        assertTrue(vec.isNull());
        hvec.free();
        resized.free();
    }

    @MpiTest
    void columnOfAMatrix() throws MPIException {
        Intracomm w = TestEnv.world();
        int rows = 4;
        int cols = 3;
        Datatype column = Datatype.createVector(rows, 1, cols, MPI.INT);
        column.commit();
        int[] matrix = new int[rows * cols];
        for (int i = 0; i < matrix.length; i++) {
            matrix[i] = w.getRank() * 1000 + i;
        }
        int next = (w.getRank() + 1) % w.getSize();
        int prev = (w.getRank() - 1 + w.getSize()) % w.getSize();
        int[] got = new int[rows];
        w.sendRecv(MPI.slice(matrix, 1), 1, column, next, 1, got, rows, MPI.INT, prev, 1);
        assertArrayEquals(new int[] {prev * 1000 + 1, prev * 1000 + 4, prev * 1000 + 7, prev * 1000 + 10}, got);
        Datatype uncommitted = Datatype.createContiguous(2, MPI.INT);
        Intracomm c = TestEnv.returning();
        TestEnv.failsWith(MPI.ERR_TYPE, () -> c.send(new int[2], 1, uncommitted, 0, 0));
        c.free();
        column.free();
        uncommitted.free();
    }

    @MpiTest
    void indexedAndStructTypes() throws MPIException {
        Intracomm w = TestEnv.world();
        Datatype idx = Datatype.createIndexed(new int[] {2, 1}, new int[] {0, 4}, MPI.INT);
        idx.commit();
        assertEquals(3, idx.getSize());
        assertEquals(5, idx.getExtent());
        int[] out = {1, 2, 3, 4, 5};
        int[] in = new int[5];
        w.sendRecv(out, 1, idx, w.getRank(), 2, in, 1, idx, w.getRank(), 2);
        assertArrayEquals(new int[] {1, 2, 0, 0, 5}, in);
        Datatype st = Datatype.createStruct(new int[] {1, 1}, new int[] {0, 8}, new Datatype[] {MPI.INT, MPI.DOUBLE});
        st.commit();
        assertEquals(16, st.getExtent());
        assertEquals(12, st.getSize());
        Datatype hidx = Datatype.createHIndexed(new int[] {1}, new int[] {8}, MPI.INT);
        hidx.commit();
        assertEquals(1, hidx.getExtent());
        assertEquals(2, hidx.getLb());
        Datatype dup = idx.dup();
        assertEquals(idx.getExtent(), dup.getExtent());
        idx.free();
        dup.free();
        st.free();
        hidx.free();
    }

    /** A particle: position, charge and an identifier. */
    static final class Particle extends Struct {
        final int x = addDouble(3);
        final int charge = addFloat();
        final int id = addInt();

        @Override
        protected Data newData() {
            return new Data();
        }

        /** One particle. */
        final class Data extends Struct.Data {
            double x(int i) {
                return getDouble(x, i);
            }

            void x(int i, double v) {
                putDouble(x, i, v);
            }

            float charge() {
                return getFloat(charge);
            }

            void charge(float v) {
                putFloat(charge, v);
            }

            int id() {
                return getInt(id);
            }

            void id(int v) {
                putInt(id, v);
            }
        }
    }

    @MpiTest
    void structRecordsTravel() throws MPIException {
        Intracomm w = TestEnv.world();
        Particle p = new Particle();
        assertEquals(0, p.x);
        assertEquals(24, p.charge);
        assertEquals(28, p.id);
        assertEquals(32, p.getExtent());
        int n = 3;
        ByteBuffer out = MPI.newByteBuffer(n * p.getExtent());
        for (int i = 0; i < n; i++) {
            Particle.Data d = p.getData(out, i);
            d.x(0, i + 0.5);
            d.x(2, -i);
            d.charge(w.getRank() + i * 0.25f);
            d.id(w.getRank() * 10 + i);
        }
        ByteBuffer in = MPI.newByteBuffer(n * p.getExtent());
        int next = (w.getRank() + 1) % w.getSize();
        int prev = (w.getRank() - 1 + w.getSize()) % w.getSize();
        Request r = w.iRecv(in, n, p.getType(), prev, 3);
        w.send(out, n, p.getType(), next, 3);
        r.waitFor();
        for (int i = 0; i < n; i++) {
            Particle.Data d = p.getData(in, i);
            assertEquals(i + 0.5, d.x(0));
            assertEquals(-i, d.x(2));
            assertEquals(prev + i * 0.25f, d.charge());
            assertEquals(prev * 10 + i, d.id());
        }
        byte[] array = new byte[p.getExtent()];
        Particle.Data a = p.getData(array);
        a.id(77);
        assertEquals(77, ((Particle.Data) p.getData(array, 0)).id());
    }

    @MpiTest
    void complexNumbers() throws MPIException {
        Intracomm w = TestEnv.world();
        double[] z = new double[4];
        DoubleComplex c1 = DoubleComplex.get(z, 1);
        c1.putReal(w.getRank());
        c1.putImag(1);
        w.allReduce(z, 2, MPI.DOUBLE_COMPLEX, MPI.SUM);
        int n = w.getSize();
        assertEquals(n * (n - 1) / 2.0, DoubleComplex.get(z, 1).getReal());
        assertEquals(n, DoubleComplex.get(z, 1).getImag());
        assertEquals(0, DoubleComplex.get(z).getReal());
        FloatComplex f = FloatComplex.get(MPI.newByteBuffer(16), 1);
        f.putImag(2.5f);
        assertEquals(2.5f, f.getBuffer().get(1));
        IntBuffer unused = IntBuffer.allocate(0);
        assertEquals(0, unused.capacity());
    }
}
