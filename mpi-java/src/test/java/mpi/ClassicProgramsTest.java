package mpi;

import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;

import org.jmpi.test.MpiTest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Classic MPI programs written against the {@code mpi} API as their users write them: a
 * token ring, pi by numerical integration, a row-distributed matrix-vector product, and
 * an exchange of records described by a {@link Struct}.
 */
class ClassicProgramsTest {

    /** Passes a counter around the ring {@code laps} times; every rank adds one per visit. */
    static int ring(Intracomm comm, int laps) throws MPIException {
        int rank = comm.getRank();
        int size = comm.getSize();
        int next = (rank + 1) % size;
        int prev = (rank + size - 1) % size;
        int[] token = new int[1];
        if (size == 1) {
            return laps;
        }
        if (rank == 0) {
            token[0] = 0;
            comm.send(token, 1, MPI.INT, next, 0);
        }
        for (int lap = 0; lap < laps; lap++) {
            comm.recv(token, 1, MPI.INT, prev, 0);
            token[0]++;
            if (rank != 0 || lap < laps - 1) {
                comm.send(token, 1, MPI.INT, next, 0);
            }
        }
        comm.bcast(token, 1, MPI.INT, 0);
        return token[0];
    }

    @MpiTest
    void tokenRing() throws MPIException {
        Intracomm w = TestEnv.world();
        assertEquals(3 * w.getSize(), ring(w, 3));
    }

    /** Pi as the integral of 4/(1+x^2) over [0,1], midpoint rule with {@code n} intervals split over the ranks. */
    static double pi(Intracomm comm, int n) throws MPIException {
        int[] intervals = {comm.getRank() == 0 ? n : 0};
        comm.bcast(intervals, 1, MPI.INT, 0);
        double h = 1.0 / intervals[0];
        double sum = 0;
        for (int i = comm.getRank() + 1; i <= intervals[0]; i += comm.getSize()) {
            double x = h * (i - 0.5);
            sum += 4.0 / (1.0 + x * x);
        }
        double[] mine = {h * sum};
        double[] pi = new double[1];
        comm.reduce(mine, pi, 1, MPI.DOUBLE, MPI.SUM, 0);
        comm.bcast(pi, 1, MPI.DOUBLE, 0);
        return pi[0];
    }

    @MpiTest
    void piByIntegration() throws MPIException {
        Intracomm w = TestEnv.world();
        assertEquals(Math.PI, pi(w, 100_000), 1e-9);
    }

    /**
     * y = A x for an {@code rows x cols} matrix A, whose rows rank 0 scatters in blocks,
     * x broadcast; y gathered back at rank 0 with gatherv (rows need not divide evenly).
     */
    static double[] matVec(Intracomm comm, double[] a, double[] x, int rows, int cols) throws MPIException {
        int size = comm.getSize();
        int rank = comm.getRank();
        int[] rowCounts = new int[size];
        int[] rowDispls = new int[size];
        int[] counts = new int[size];
        int[] displs = new int[size];
        for (int r = 0, at = 0; r < size; r++) {
            rowCounts[r] = rows / size + (r < rows % size ? 1 : 0);
            rowDispls[r] = at;
            counts[r] = rowCounts[r] * cols;
            displs[r] = at * cols;
            at += rowCounts[r];
        }
        double[] vec = rank == 0 ? x.clone() : new double[cols];
        comm.bcast(vec, cols, MPI.DOUBLE, 0);
        DoubleBuffer myRows = MPI.newDoubleBuffer(counts[rank]);
        comm.scatterv(a, counts, displs, MPI.DOUBLE, myRows, counts[rank], MPI.DOUBLE, 0);
        double[] part = new double[rowCounts[rank]];
        for (int i = 0; i < part.length; i++) {
            for (int j = 0; j < cols; j++) {
                part[i] += myRows.get(i * cols + j) * vec[j];
            }
        }
        double[] y = rank == 0 ? new double[rows] : null;
        comm.gatherv(part, part.length, MPI.DOUBLE, y, rowCounts, rowDispls, MPI.DOUBLE, 0);
        return y;
    }

    @MpiTest
    void matrixVectorProduct() throws MPIException {
        Intracomm w = TestEnv.world();
        int rows = 7;
        int cols = 5;
        double[] a = new double[rows * cols];
        double[] x = new double[cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                a[i * cols + j] = i + 2 * j;
            }
        }
        for (int j = 0; j < cols; j++) {
            x[j] = j + 1;
        }
        double[] y = matVec(w, w.getRank() == 0 ? a : null, x, rows, cols);
        if (w.getRank() == 0) {
            double[] expected = new double[rows];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    expected[i] += a[i * cols + j] * x[j];
                }
            }
            assertArrayEquals(expected, y, 1e-12);
        }
    }

    /** A bank account record: an id, a balance and a three-letter currency code. */
    static final class Account extends Struct {
        private final int id = addInt();
        private final int balance = addDouble();
        private final int currency = addChar(3);

        @Override
        protected Data newData() {
            return new Data();
        }

        /** One account. */
        final class Data extends Struct.Data {
            void set(int newId, double newBalance, String code) {
                putInt(id, newId);
                putDouble(balance, newBalance);
                for (int i = 0; i < 3; i++) {
                    putChar(currency, i, code.charAt(i));
                }
            }

            int id() {
                return getInt(id);
            }

            double balance() {
                return getDouble(balance);
            }

            String currency() {
                return "" + getChar(currency, 0) + getChar(currency, 1) + getChar(currency, 2);
            }
        }
    }

    @MpiTest
    void structExchange() throws MPIException {
        Intracomm w = TestEnv.world();
        Account type = new Account();
        int n = w.getSize();
        int per = 2;
        ByteBuffer mine = MPI.newByteBuffer(per * type.getExtent());
        for (int k = 0; k < per; k++) {
            Account.Data d = type.getData(mine, k);
            d.set(w.getRank() * 10 + k, 100.25 * (w.getRank() + 1) + k, k == 0 ? "EUR" : "CHF");
        }
        ByteBuffer all = MPI.newByteBuffer(n * per * type.getExtent());
        w.allGather(mine, per, type.getType(), all, per, type.getType());
        double total = 0;
        for (int i = 0; i < n * per; i++) {
            Account.Data d = type.getData(all, i);
            assertEquals((i / per) * 10 + i % per, d.id());
            assertEquals(i % per == 0 ? "EUR" : "CHF", d.currency());
            total += d.balance();
        }
        double expected = 0;
        for (int r = 0; r < n; r++) {
            expected += 2 * 100.25 * (r + 1) + 1;
        }
        assertEquals(expected, total, 1e-9);
    }
}
