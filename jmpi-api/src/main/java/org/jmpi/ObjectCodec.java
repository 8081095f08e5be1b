package org.jmpi;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Turns objects into the bytes of an object message and back, for
 * {@link ObjectMessages}. The default is Java serialization ({@link #serialization()}), which
 * decodes only what a {@link SerialFilter} allows;
 * plug another (a schema-based or faster serializer) per communicator with
 * {@link ObjectMessages#objectCodec(ObjectCodec)} or per call with
 * {@link ObjectMessages#withCodec(ObjectCodec)}. Sender and receiver must use the same
 * codec. A codec is called on the thread making the call and must be thread-safe if
 * several threads send or receive objects.
 */
public interface ObjectCodec {

    /**
     * Writes {@code value} (possibly null) to {@code out}. The stream grows in native
     * memory without a 2 GiB limit; closing it is allowed and does nothing.
     */
    void encode(Object value, OutputStream out) throws IOException;

    /** Reads one value, written by {@link #encode}, from {@code in}, which holds exactly its bytes. */
    Object decode(InputStream in) throws IOException;

    /**
     * Java serialization ({@code ObjectOutputStream}/{@code ObjectInputStream}) of any
     * {@code Serializable} value; what it decodes is limited by the process default
     * {@link SerialFilter} ({@link SerialFilter#processDefault()}), read at each message.
     * A refused message is an {@link ObjectRefusedException}. Classes resolve as
     * {@code ObjectInputStream} does by default.
     */
    static ObjectCodec serialization() {
        return JavaSerialization.INSTANCE;
    }

    /** Java serialization decoding through {@code filter} instead of the process default. */
    static ObjectCodec serialization(SerialFilter filter) {
        return JavaSerialization.filtering(filter);
    }
}
