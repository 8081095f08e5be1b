package org.jmpi.dsm;

import org.jmpi.test.MpiTest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Global long and double arrays, block and cyclic, addressed by global index only. */
class GlobalArrayTest {

    @MpiTest
    void blockAndCyclicOwners() {
        DsmContext ctx = TestDsm.context();
        int n = ctx.size();
        try (GlobalLongArray block = GlobalLongArray.create(ctx, 10, Distribution.BLOCK);
             GlobalLongArray cyclic = GlobalLongArray.create(ctx, 10, Distribution.CYCLIC)) {
            long b = (10 + n - 1) / n;
            for (int i = 0; i < 10; i++) {
                assertEquals((int) (i / b), block.owner(i));
                assertEquals(i % n, cyclic.owner(i));
            }
            assertThrows(IndexOutOfBoundsException.class, () -> block.get(10));
            assertThrows(IndexOutOfBoundsException.class, () -> cyclic.set(-1, 0));
            assertThrows(IndexOutOfBoundsException.class, () -> block.getRange(5, new long[10], 0, 6));
            assertEquals(8L * Math.max(0, Math.min(b, 10 - ctx.rank() * b)), block.localPart().byteSize());
            ctx.barrier();
        }
    }

    @MpiTest
    void setGetAndFetchAddExact() {
        for (Distribution dist : Distribution.values()) {
            DsmContext ctx = TestDsm.context();
            int n = ctx.size();
            int len = 37;
            try (GlobalLongArray a = GlobalLongArray.create(ctx, len, dist)) {
                for (int i = ctx.rank(); i < len; i += n) {
                    a.set(i, 1000L * i);
                }
                a.sync();
                for (int i = 0; i < len; i++) {
                    assertEquals(1000L * i, a.get(i), dist + " element " + i);
                }
                a.sync();
                for (int k = 0; k < 200; k++) {
                    a.fetchAdd(k % len, 1);
                }
                a.sync();
                long total = 0;
                for (int i = 0; i < len; i++) {
                    total += a.get(i) - 1000L * i;
                }
                assertEquals(200L * n, total);
                a.sync();
            }
        }
    }

    @MpiTest
    void rangesRoundTrip() {
        for (Distribution dist : Distribution.values()) {
            DsmContext ctx = TestDsm.context();
            int len = 23;
            try (GlobalLongArray a = GlobalLongArray.create(ctx, len, dist);
                 GlobalDoubleArray d = GlobalDoubleArray.create(ctx, len, dist)) {
                if (ctx.rank() == ctx.size() - 1) {
                    long[] src = new long[len + 2];
                    double[] dsrc = new double[len];
                    for (int i = 0; i < src.length; i++) {
                        src[i] = i * 7L - 3;
                    }
                    for (int i = 0; i < len; i++) {
                        dsrc[i] = i * 0.5;
                    }
                    a.setRange(0, src, 2, len);
                    d.setRange(3, dsrc, 0, len - 3);
                }
                a.sync();
                long[] got = new long[len];
                a.getRange(0, got, 0, len);
                for (int i = 0; i < len; i++) {
                    assertEquals((i + 2) * 7L - 3, got[i], dist + " element " + i);
                }
                long[] mid = new long[9];
                a.getRange(5, mid, 1, 7);
                for (int i = 0; i < 7; i++) {
                    assertEquals(got[5 + i], mid[1 + i]);
                }
                double[] dgot = new double[len];
                d.getRange(0, dgot, 0, len);
                for (int i = 0; i < len; i++) {
                    assertEquals(i < 3 ? 0.0 : (i - 3) * 0.5, dgot[i]);
                    assertEquals(dgot[i], d.get(i));
                }
                a.sync();
                d.fetchAdd(0, 1.5);
                a.sync();
                assertEquals(1.5 * ctx.size(), d.get(0));
                a.sync();
            }
        }
    }
}
