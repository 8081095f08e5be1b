package org.jmpi;

import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.util.Objects;

/**
 * The default {@link ObjectCodec}: Java serialization, decoding through a
 * {@link SerialFilter} (the process default unless one is given).
 */
final class JavaSerialization implements ObjectCodec {
    /** The codec of {@link ObjectCodec#serialization()}: the process default filter at each decode. */
    static final JavaSerialization INSTANCE = new JavaSerialization(null);

    private final SerialFilter filter;

    private JavaSerialization(SerialFilter filter) {
        this.filter = filter;
    }

    /** A codec decoding through {@code filter}. */
    static JavaSerialization filtering(SerialFilter filter) {
        return new JavaSerialization(Objects.requireNonNull(filter, "filter"));
    }

    @Override
    public void encode(Object value, OutputStream out) throws IOException {
        try (ObjectOutputStream oos = new ObjectOutputStream(out)) {
            oos.writeObject(value);
        }
    }

    @Override
    public Object decode(InputStream in) throws IOException {
        SerialFilter f = filter != null ? filter : SerialFilter.processDefault();
        SerialFilter.Check check = f.forMessage(in.available());
        try (ObjectInputStream ois = new ObjectInputStream(in)) {
            ois.setObjectInputFilter(check);
            return ois.readObject();
        } catch (InvalidClassException e) {
            throw check.refusal(e);
        } catch (ClassNotFoundException e) {
            InvalidClassException ice = new InvalidClassException("class not found: " + e.getMessage());
            ice.initCause(e);
            throw ice;
        }
    }

    @Override
    public String toString() {
        return filter == null ? "Java serialization" : "Java serialization with " + filter;
    }
}
