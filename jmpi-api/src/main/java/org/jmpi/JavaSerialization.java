package org.jmpi;

import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;

/** The default {@link ObjectCodec}: Java serialization. */
enum JavaSerialization implements ObjectCodec {
    INSTANCE;

    @Override
    public void encode(Object value, OutputStream out) throws IOException {
        try (ObjectOutputStream oos = new ObjectOutputStream(out)) {
            oos.writeObject(value);
        }
    }

    @Override
    public Object decode(InputStream in) throws IOException {
        try (ObjectInputStream ois = new ObjectInputStream(in)) {
            return ois.readObject();
        } catch (ClassNotFoundException e) {
            InvalidClassException ice = new InvalidClassException("class not found: " + e.getMessage());
            ice.initCause(e);
            throw ice;
        }
    }

    @Override
    public String toString() {
        return "Java serialization";
    }
}
