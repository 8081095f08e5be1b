package mpi;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * A C-like record type described field by field: a subclass adds its fields in its
 * constructor ({@link #addInt()}, {@link #addDouble(int)}, {@link #addStruct}, ...; each
 * returns the field's byte offset, fields following each other without padding unless
 * {@link #setOffset} moves on), implements {@link #newData()} with its own {@link Data}
 * subclass, whose accessors read and write the fields of one element in a byte buffer.
 * {@link #getType()} is the matching MPI datatype (base type {@link MPI#BYTE}), built
 * and committed when first needed, after which no field may be added; {@link #getExtent()}
 * is its extent in bytes, the distance between elements of an array of records.
 *
 * <pre>{@code
 * class Particle extends Struct {
 *     final int x = addDouble(), id = addInt();
 *     protected Data newData() { return new Data(); }
 *     class Data extends Struct.Data {
 *         double x() { return getDouble(x); }
 *         void x(double v) { putDouble(x, v); }
 *     }
 * }
 * }</pre>
 */
public abstract class Struct {
    private final List<Object> fieldTypes = new ArrayList<>();
    private final List<Integer> fieldOffsets = new ArrayList<>();
    private final List<Integer> fieldLengths = new ArrayList<>();
    private int extent;
    private Datatype datatype;

    /** A record type with no field yet. */
    public Struct() {
    }

    private void commit() throws MPIException {
        if (datatype != null) {
            return;
        }
        int n = fieldTypes.size();
        Datatype[] types = new Datatype[n];
        int[] offsets = new int[n];
        int[] lengths = new int[n];
        for (int i = 0; i < n; i++) {
            Object t = fieldTypes.get(i);
            types[i] = t instanceof Struct s ? s.datatype : (Datatype) t;
            offsets[i] = fieldOffsets.get(i);
            lengths[i] = fieldLengths.get(i);
        }
        Datatype d = Datatype.createStruct(lengths, offsets, types);
        d.commit();
        extent = d.getExtent();
        datatype = d;
    }

    /**
     * The extent of the record type in bytes.
     *
     * @return the extent
     * @throws MPIException if the type cannot be built
     */
    public final int getExtent() throws MPIException {
        commit();
        return extent;
    }

    /**
     * The committed MPI datatype of one record.
     *
     * @return the datatype
     * @throws MPIException if the type cannot be built
     */
    public final Datatype getType() throws MPIException {
        commit();
        return datatype;
    }

    /**
     * A new accessor object of the subclass's {@link Data} class.
     *
     * @return the accessor
     */
    protected abstract Data newData();

    @SuppressWarnings("unchecked")
    private <T extends Data> T data(ByteBuffer buffer, int offset) {
        if (buffer == null) {
            throw new IllegalArgumentException("buffer: null");
        }
        Data d = newData();
        d.buffer = buffer;
        d.offset = offset;
        return (T) d;
    }

    /**
     * The accessor of the first record in a byte buffer.
     *
     * @param <T>    the subclass's {@link Data} class
     * @param buffer the records
     * @return the accessor
     * @throws MPIException if the type cannot be built
     */
    public final <T extends Data> T getData(ByteBuffer buffer) throws MPIException {
        commit();
        return data(buffer, 0);
    }

    /**
     * The accessor of record {@code index} in a byte buffer.
     *
     * @param <T>    the subclass's {@link Data} class
     * @param buffer the records
     * @param index  the record
     * @return the accessor
     * @throws MPIException if the type cannot be built
     */
    public final <T extends Data> T getData(ByteBuffer buffer, int index) throws MPIException {
        commit();
        return data(buffer, index * extent);
    }

    /**
     * The accessor of the first record in a byte array (native byte order).
     *
     * @param <T>   the subclass's {@link Data} class
     * @param array the records
     * @return the accessor
     * @throws MPIException if the type cannot be built
     */
    public final <T extends Data> T getData(byte[] array) throws MPIException {
        return getData(ByteBuffer.wrap(array).order(ByteOrder.nativeOrder()));
    }

    /**
     * The accessor of record {@code index} in a byte array (native byte order).
     *
     * @param <T>   the subclass's {@link Data} class
     * @param array the records
     * @param index the record
     * @return the accessor
     * @throws MPIException if the type cannot be built
     */
    public final <T extends Data> T getData(byte[] array, int index) throws MPIException {
        return getData(ByteBuffer.wrap(array).order(ByteOrder.nativeOrder()), index);
    }

    private int addField(Object type, int typeExtent, int length) {
        if (datatype != null) {
            throw new IllegalStateException("the struct's datatype is built: no field may be added");
        }
        if (length < 0) {
            throw new IllegalArgumentException("length: " + length + " is negative");
        }
        int offset = extent;
        extent += typeExtent * length;
        fieldTypes.add(type);
        fieldOffsets.add(offset);
        fieldLengths.add(length);
        return offset;
    }

    /**
     * Places the next field at byte {@code offset}, at or after the end of the previous one.
     *
     * @param offset the offset
     * @return this record type
     */
    public final Struct setOffset(int offset) {
        if (datatype != null) {
            throw new IllegalStateException("the struct's datatype is built: no field may be added");
        }
        if (offset < extent) {
            throw new IllegalArgumentException("offset: " + offset + " is before the end of the fields, " + extent);
        }
        extent = offset;
        return this;
    }

    /** Adds a byte field. */
    public final int addByte() {
        return addByte(1);
    }

    /** Adds a field of {@code length} bytes. */
    public final int addByte(int length) {
        return addField(MPI.BYTE, 1, length);
    }

    /** Adds a char field. */
    public final int addChar() {
        return addChar(1);
    }

    /** Adds a field of {@code length} chars. */
    public final int addChar(int length) {
        return addField(MPI.CHAR, 2, length);
    }

    /** Adds a short field. */
    public final int addShort() {
        return addShort(1);
    }

    /** Adds a field of {@code length} shorts. */
    public final int addShort(int length) {
        return addField(MPI.SHORT, 2, length);
    }

    /** Adds an int field. */
    public final int addInt() {
        return addInt(1);
    }

    /** Adds a field of {@code length} ints. */
    public final int addInt(int length) {
        return addField(MPI.INT, 4, length);
    }

    /** Adds a long field. */
    public final int addLong() {
        return addLong(1);
    }

    /** Adds a field of {@code length} longs. */
    public final int addLong(int length) {
        return addField(MPI.LONG, 8, length);
    }

    /** Adds a float field. */
    public final int addFloat() {
        return addFloat(1);
    }

    /** Adds a field of {@code length} floats. */
    public final int addFloat(int length) {
        return addField(MPI.FLOAT, 4, length);
    }

    /** Adds a double field. */
    public final int addDouble() {
        return addDouble(1);
    }

    /** Adds a field of {@code length} doubles. */
    public final int addDouble(int length) {
        return addField(MPI.DOUBLE, 8, length);
    }

    /**
     * Adds a field holding a record of another struct type.
     *
     * @param struct the field's type
     * @return the field's offset
     * @throws MPIException if its type cannot be built
     */
    public final int addStruct(Struct struct) throws MPIException {
        return addStruct(struct, 1);
    }

    /**
     * Adds a field holding {@code length} records of another struct type.
     *
     * @param struct the field's type
     * @param length number of records
     * @return the field's offset
     * @throws MPIException if its type cannot be built
     */
    public final int addStruct(Struct struct, int length) throws MPIException {
        struct.commit();
        return addField(struct, struct.extent, length);
    }

    /**
     * Adds a field of a datatype.
     *
     * @param type the field's type
     * @return the field's offset
     * @throws MPIException if the type is null or freed
     */
    public final int addData(Datatype type) throws MPIException {
        return addData(type, 1);
    }

    /**
     * Adds a field of {@code length} elements of a datatype.
     *
     * @param type   the field's type
     * @param length number of elements
     * @return the field's offset
     * @throws MPIException if the type is null or freed
     */
    public final int addData(Datatype type, int length) throws MPIException {
        return addField(type, type.getExtent() * type.baseSize, length);
    }

    /**
     * The fields of one record in a byte buffer; a subclass adds named accessors built on
     * the protected ones, which take the offsets returned when the fields were added.
     */
    public abstract class Data {
        private ByteBuffer buffer;
        private int offset;

        /** An accessor not yet placed on a buffer; {@link Struct#getData} places it. */
        public Data() {
        }

        /**
         * The buffer from this record on.
         *
         * @return the buffer, sliced at the record
         */
        public final ByteBuffer getBuffer() {
            return offset == 0 ? buffer : MPI.slice(buffer, offset);
        }

        /** The byte of a field. */
        protected final byte getByte(int field) {
            return buffer.get(offset + field);
        }

        /** Element {@code index} of a byte array field. */
        protected final byte getByte(int field, int index) {
            return buffer.get(offset + field + index);
        }

        /** Sets the byte of a field. */
        protected final void putByte(int field, byte v) {
            buffer.put(offset + field, v);
        }

        /** Sets element {@code index} of a byte array field. */
        protected final void putByte(int field, int index, byte v) {
            buffer.put(offset + field + index, v);
        }

        /** The char of a field. */
        protected final char getChar(int field) {
            return buffer.getChar(offset + field);
        }

        /** Element {@code index} of a char array field. */
        protected final char getChar(int field, int index) {
            return buffer.getChar(offset + field + index * 2);
        }

        /** Sets the char of a field. */
        protected final void putChar(int field, char v) {
            buffer.putChar(offset + field, v);
        }

        /** Sets element {@code index} of a char array field. */
        protected final void putChar(int field, int index, char v) {
            buffer.putChar(offset + field + index * 2, v);
        }

        /** The short of a field. */
        protected final short getShort(int field) {
            return buffer.getShort(offset + field);
        }

        /** Element {@code index} of a short array field. */
        protected final short getShort(int field, int index) {
            return buffer.getShort(offset + field + index * 2);
        }

        /** Sets the short of a field. */
        protected final void putShort(int field, short v) {
            buffer.putShort(offset + field, v);
        }

        /** Sets element {@code index} of a short array field. */
        protected final void putShort(int field, int index, short v) {
            buffer.putShort(offset + field + index * 2, v);
        }

        /** The int of a field. */
        protected final int getInt(int field) {
            return buffer.getInt(offset + field);
        }

        /** Element {@code index} of a int array field. */
        protected final int getInt(int field, int index) {
            return buffer.getInt(offset + field + index * 4);
        }

        /** Sets the int of a field. */
        protected final void putInt(int field, int v) {
            buffer.putInt(offset + field, v);
        }

        /** Sets element {@code index} of a int array field. */
        protected final void putInt(int field, int index, int v) {
            buffer.putInt(offset + field + index * 4, v);
        }

        /** The long of a field. */
        protected final long getLong(int field) {
            return buffer.getLong(offset + field);
        }

        /** Element {@code index} of a long array field. */
        protected final long getLong(int field, int index) {
            return buffer.getLong(offset + field + index * 8);
        }

        /** Sets the long of a field. */
        protected final void putLong(int field, long v) {
            buffer.putLong(offset + field, v);
        }

        /** Sets element {@code index} of a long array field. */
        protected final void putLong(int field, int index, long v) {
            buffer.putLong(offset + field + index * 8, v);
        }

        /** The float of a field. */
        protected final float getFloat(int field) {
            return buffer.getFloat(offset + field);
        }

        /** Element {@code index} of a float array field. */
        protected final float getFloat(int field, int index) {
            return buffer.getFloat(offset + field + index * 4);
        }

        /** Sets the float of a field. */
        protected final void putFloat(int field, float v) {
            buffer.putFloat(offset + field, v);
        }

        /** Sets element {@code index} of a float array field. */
        protected final void putFloat(int field, int index, float v) {
            buffer.putFloat(offset + field + index * 4, v);
        }

        /** The double of a field. */
        protected final double getDouble(int field) {
            return buffer.getDouble(offset + field);
        }

        /** Element {@code index} of a double array field. */
        protected final double getDouble(int field, int index) {
            return buffer.getDouble(offset + field + index * 8);
        }

        /** Sets the double of a field. */
        protected final void putDouble(int field, double v) {
            buffer.putDouble(offset + field, v);
        }

        /** Sets element {@code index} of a double array field. */
        protected final void putDouble(int field, int index, double v) {
            buffer.putDouble(offset + field + index * 8, v);
        }

        /**
         * The accessor of a struct-typed field.
         *
         * @param <S>    the field's struct type
         * @param <D>    its {@link Data} class
         * @param struct the field's struct type
         * @param field  the field's offset
         * @return the accessor
         */
        protected final <S extends Struct, D extends Struct.Data> D getData(S struct, int field) {
            Struct s = struct;
            return s.data(buffer, offset + field);
        }

        /**
         * The accessor of element {@code index} of a struct-array field.
         *
         * @param <S>    the field's struct type
         * @param <D>    its {@link Data} class
         * @param struct the field's struct type
         * @param field  the field's offset
         * @param index  the element
         * @return the accessor
         */
        protected final <S extends Struct, D extends Struct.Data> D getData(S struct, int field, int index) {
            Struct s = struct;
            return s.data(buffer, offset + field + index * s.extent);
        }

        /**
         * The buffer from a field of a datatype on.
         *
         * @param type  the field's datatype
         * @param field the field's offset
         * @return the buffer, sliced at the field
         */
        protected final ByteBuffer getBuffer(Datatype type, int field) {
            int position = offset + field;
            return position == 0 ? buffer : MPI.slice(buffer, position);
        }

        /**
         * The buffer from element {@code index} of a datatype-array field on.
         *
         * @param type  the field's datatype
         * @param field the field's offset
         * @param index the element
         * @return the buffer, sliced at the element
         * @throws MPIException if the datatype is null or freed
         */
        protected final ByteBuffer getBuffer(Datatype type, int field, int index) throws MPIException {
            int position = offset + field + index * type.getExtent() * type.baseSize;
            return position == 0 ? buffer : MPI.slice(buffer, position);
        }
    }
}
