package mpi;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The function of a user-defined {@link Op}: combines {@code count} elements of
 * {@code datatype} from the input into the input-output data, element by element. Override
 * one of the two forms: the {@code Object} form receives Java arrays of the datatype's base
 * type (copies, {@code count} times the datatype's extent elements long), the
 * {@link ByteBuffer} form the native memory MPI holds, without a copy. The {@code ByteBuffer}
 * form is the one MPI calls; by default it copies the data into arrays for the
 * {@code Object} form and the result back.
 */
public abstract class UserFunction {
    /** A function; override a {@code call} method. */
    public UserFunction() {
    }

    /**
     * Combines arrays: {@code inOutVec[i] = inVec[i] op inOutVec[i]}.
     *
     * @param inVec    the input, an array of the base type
     * @param inOutVec the input and output, an array of the base type
     * @param count    the number of elements of {@code datatype}
     * @param datatype the datatype of the reduction
     * @throws MPIException if the combination fails
     */
    public void call(Object inVec, Object inOutVec, int count, Datatype datatype) throws MPIException {
        throw new UnsupportedOperationException("the user function overrides neither call method");
    }

    /**
     * Combines data in native memory: {@code inOut[i] = in[i] op inOut[i]}; both buffers
     * hold {@code count} elements of {@code datatype} in native byte order and are valid
     * only during the call.
     *
     * @param in       the input
     * @param inOut    the input and output
     * @param count    the number of elements of {@code datatype}
     * @param datatype the datatype of the reduction
     * @throws MPIException if the combination fails
     */
    public void call(ByteBuffer in, ByteBuffer inOut, int count, Datatype datatype) throws MPIException {
        int n = count * datatype.getExtent();
        ByteBuffer a = in.duplicate().order(ByteOrder.nativeOrder());
        ByteBuffer b = inOut.duplicate().order(ByteOrder.nativeOrder());
        switch (datatype.baseType) {
            case Datatype.CHAR -> {
                char[] x = new char[n];
                char[] y = new char[n];
                a.asCharBuffer().get(x);
                b.asCharBuffer().get(y);
                call(x, y, count, datatype);
                b.asCharBuffer().put(y);
            }
            case Datatype.SHORT -> {
                short[] x = new short[n];
                short[] y = new short[n];
                a.asShortBuffer().get(x);
                b.asShortBuffer().get(y);
                call(x, y, count, datatype);
                b.asShortBuffer().put(y);
            }
            case Datatype.INT -> {
                int[] x = new int[n];
                int[] y = new int[n];
                a.asIntBuffer().get(x);
                b.asIntBuffer().get(y);
                call(x, y, count, datatype);
                b.asIntBuffer().put(y);
            }
            case Datatype.LONG -> {
                long[] x = new long[n];
                long[] y = new long[n];
                a.asLongBuffer().get(x);
                b.asLongBuffer().get(y);
                call(x, y, count, datatype);
                b.asLongBuffer().put(y);
            }
            case Datatype.FLOAT -> {
                float[] x = new float[n];
                float[] y = new float[n];
                a.asFloatBuffer().get(x);
                b.asFloatBuffer().get(y);
                call(x, y, count, datatype);
                b.asFloatBuffer().put(y);
            }
            case Datatype.DOUBLE -> {
                double[] x = new double[n];
                double[] y = new double[n];
                a.asDoubleBuffer().get(x);
                b.asDoubleBuffer().get(y);
                call(x, y, count, datatype);
                b.asDoubleBuffer().put(y);
            }
            case Datatype.BOOLEAN -> {
                boolean[] x = new boolean[n];
                boolean[] y = new boolean[n];
                for (int i = 0; i < n; i++) {
                    x[i] = a.get(i) != 0;
                    y[i] = b.get(i) != 0;
                }
                call(x, y, count, datatype);
                for (int i = 0; i < n; i++) {
                    b.put(i, (byte) (y[i] ? 1 : 0));
                }
            }
            default -> {
                byte[] x = new byte[n];
                byte[] y = new byte[n];
                a.get(x);
                b.get(y);
                call(x, y, count, datatype);
                b.put(0, y);
            }
        }
    }
}
