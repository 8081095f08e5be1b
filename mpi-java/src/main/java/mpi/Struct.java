package mpi;

import java.nio.*;

/** TODO. */
public abstract class Struct {
    public final int getExtent() throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final Datatype getType() throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    protected abstract Data newData();

    public final Struct setOffset(int offset) {
        throw new UnsupportedOperationException("not yet");
    }

    public final int addByte() {
        throw new UnsupportedOperationException("not yet");
    }

    public final int addByte(int length) {
        throw new UnsupportedOperationException("not yet");
    }

    public final int addChar() {
        throw new UnsupportedOperationException("not yet");
    }

    public final int addChar(int length) {
        throw new UnsupportedOperationException("not yet");
    }

    public final int addShort() {
        throw new UnsupportedOperationException("not yet");
    }

    public final int addShort(int length) {
        throw new UnsupportedOperationException("not yet");
    }

    public final int addInt() {
        throw new UnsupportedOperationException("not yet");
    }

    public final int addInt(int length) {
        throw new UnsupportedOperationException("not yet");
    }

    public final int addLong() {
        throw new UnsupportedOperationException("not yet");
    }

    public final int addLong(int length) {
        throw new UnsupportedOperationException("not yet");
    }

    public final int addFloat() {
        throw new UnsupportedOperationException("not yet");
    }

    public final int addFloat(int length) {
        throw new UnsupportedOperationException("not yet");
    }

    public final int addDouble() {
        throw new UnsupportedOperationException("not yet");
    }

    public final int addDouble(int length) {
        throw new UnsupportedOperationException("not yet");
    }

    public final int addStruct(Struct struct) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final int addStruct(Struct struct, int length) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final int addData(Datatype type) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    public final int addData(Datatype type, int length) throws MPIException {
        throw new UnsupportedOperationException("not yet");
    }

    /** TODO. */
    private static class Field {
    }

    /** TODO. */
    public abstract class Data {
        public final ByteBuffer getBuffer() {
            throw new UnsupportedOperationException("not yet");
        }

        protected final byte getByte(int field) {
            throw new UnsupportedOperationException("not yet");
        }

        protected final byte getByte(int field, int index) {
            throw new UnsupportedOperationException("not yet");
        }

        protected final void putByte(int field, byte v) {
            throw new UnsupportedOperationException("not yet");
        }

        protected final void putByte(int field, int index, byte v) {
            throw new UnsupportedOperationException("not yet");
        }

        protected final char getChar(int field) {
            throw new UnsupportedOperationException("not yet");
        }

        protected final char getChar(int field, int index) {
            throw new UnsupportedOperationException("not yet");
        }

        protected final void putChar(int field, char v) {
            throw new UnsupportedOperationException("not yet");
        }

        protected final void putChar(int field, int index, char v) {
            throw new UnsupportedOperationException("not yet");
        }

        protected final short getShort(int field) {
            throw new UnsupportedOperationException("not yet");
        }

        protected final short getShort(int field, int index) {
            throw new UnsupportedOperationException("not yet");
        }

        protected final void putShort(int field, short v) {
            throw new UnsupportedOperationException("not yet");
        }

        protected final void putShort(int field, int index, short v) {
            throw new UnsupportedOperationException("not yet");
        }

        protected final int getInt(int field) {
            throw new UnsupportedOperationException("not yet");
        }

        protected final int getInt(int field, int index) {
            throw new UnsupportedOperationException("not yet");
        }

        protected final void putInt(int field, int v) {
            throw new UnsupportedOperationException("not yet");
        }

        protected final void putInt(int field, int index, int v) {
            throw new UnsupportedOperationException("not yet");
        }

        protected final long getLong(int field) {
            throw new UnsupportedOperationException("not yet");
        }

        protected final long getLong(int field, int index) {
            throw new UnsupportedOperationException("not yet");
        }

        protected final void putLong(int field, long v) {
            throw new UnsupportedOperationException("not yet");
        }

        protected final void putLong(int field, int index, long v) {
            throw new UnsupportedOperationException("not yet");
        }

        protected final float getFloat(int field) {
            throw new UnsupportedOperationException("not yet");
        }

        protected final float getFloat(int field, int index) {
            throw new UnsupportedOperationException("not yet");
        }

        protected final void putFloat(int field, float v) {
            throw new UnsupportedOperationException("not yet");
        }

        protected final void putFloat(int field, int index, float v) {
            throw new UnsupportedOperationException("not yet");
        }

        protected final double getDouble(int field) {
            throw new UnsupportedOperationException("not yet");
        }

        protected final double getDouble(int field, int index) {
            throw new UnsupportedOperationException("not yet");
        }

        protected final void putDouble(int field, double v) {
            throw new UnsupportedOperationException("not yet");
        }

        protected final void putDouble(int field, int index, double v) {
            throw new UnsupportedOperationException("not yet");
        }

        protected final ByteBuffer getBuffer(Datatype type, int field) {
            throw new UnsupportedOperationException("not yet");
        }

        protected final ByteBuffer getBuffer(Datatype type, int field, int index) throws MPIException {
            throw new UnsupportedOperationException("not yet");
        }

    }

}
