package org.jmpi;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jmpi.test.MpiTest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Object messages decode through an allow-list: refused classes are never initialised,
 * limits hold, users extend the list, other codecs are untouched, the communicator carries on.
 */
class SerialFilterTest {

    /** Set by {@link Tripwire}'s static initialiser, in the process that initialised it. */
    static final String TRIPPED = "jmpi.test.tripwire.initialised";

    /** Serializable, not on the allow-list; its bytes are renamed into {@link Tripwire}'s. */
    static final class Harmless implements Serializable {
        private static final long serialVersionUID = 1L;
        final int value;

        Harmless(int value) {
            this.value = value;
        }
    }

    /** Same shape as {@link Harmless}; initialising it leaves a mark in the process. */
    static final class Tripwire implements Serializable {
        private static final long serialVersionUID = 1L;

        static {
            System.setProperty(TRIPPED, "yes, pid " + ProcessHandle.current().pid());
        }

        final int value;

        Tripwire(int value) {
            this.value = value;
        }
    }

    /** A user class, allowed only when the user says so. */
    static final class Widget implements Serializable {
        private static final long serialVersionUID = 1L;
        final String name;

        Widget(String name) {
            this.name = name;
        }
    }

    record Labelled(String label, int[] values, List<LocalDate> days) implements Serializable {
    }

    record Holder(Widget widget) implements Serializable {
    }

    record Chain(int value, Chain next) implements Serializable {
    }

    /** Writes byte arrays as they are: raw bytes in an object message, as any peer could send. */
    static final class Raw implements ObjectCodec {
        @Override
        public void encode(Object value, OutputStream out) throws IOException {
            out.write((byte[]) value);
        }

        @Override
        public Object decode(InputStream in) throws IOException {
            return in.readAllBytes();
        }
    }

    /** Not Java serialization: carries a {@link Widget} (not on the allow-list) as its name. */
    static final class WidgetCodec implements ObjectCodec {
        @Override
        public void encode(Object value, OutputStream out) throws IOException {
            new DataOutputStream(out).writeUTF(((Widget) value).name);
        }

        @Override
        public Object decode(InputStream in) throws IOException {
            return new Widget(new DataInputStream(in).readUTF());
        }
    }

    private static int next(Comm c) {
        return (c.rank() + 1) % c.size();
    }

    private static int prev(Comm c) {
        return (c.rank() + c.size() - 1) % c.size();
    }

    private static byte[] serialized(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ObjectCodec.serialization().encode(value, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The serialized bytes of a {@link Harmless} that name {@link Tripwire} instead (same length). */
    private static byte[] tripwireBytes() {
        byte[] bytes = serialized(new Harmless(42));
        byte[] from = Harmless.class.getName().getBytes(StandardCharsets.UTF_8);
        byte[] to = "org.jmpi.SerialFilterTest$Tripwire".getBytes(StandardCharsets.UTF_8);
        assertEquals(from.length, to.length);
        for (int i = 0; i + from.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + from.length, from, 0, from.length)) {
                System.arraycopy(to, 0, bytes, i, to.length);
                return bytes;
            }
        }
        throw new AssertionError("class name not found in the stream");
    }

    /**
     * {@code sender} sends {@code payload} to the next rank; this rank receives from the previous
     * one through {@code receiver} and must be refused; the refusal names the sender.
     */
    private static ObjectRefusedException refusedInRing(ObjectMessages receiver, ObjectMessages sender,
                                                        Object payload, int tag) {
        Comm world = TestMpi.world();
        ObjectRequest<Void> sent = sender.isendObject(payload, next(world), tag);
        try {
            ObjectRefusedException e = assertThrows(ObjectRefusedException.class,
                    () -> receiver.recvObject(prev(world), tag));
            assertEquals(prev(world), e.sourceRank(), e.getMessage());
            assertTrue(e.getMessage().contains("from rank " + prev(world)), e.getMessage());
            assertInstanceOf(InvalidClassException.class, e.getCause());
            return e;
        } finally {
            sent.waitFor();
        }
    }

    private static <T> T inRing(ObjectMessages receiver, ObjectMessages sender, Object payload, int tag) {
        Comm world = TestMpi.world();
        ObjectRequest<Void> sent = sender.isendObject(payload, next(world), tag);
        try {
            return receiver.recvObject(prev(world), tag);
        } finally {
            sent.waitFor();
        }
    }

    @MpiTest(np = {1, 2})
    void refusedClassIsNeverInitialisedAndTheCommunicatorCarriesOn() throws IOException {
        Comm world = TestMpi.world();
        ObjectMessages raw = world.withCodec(new Raw());
        assertNull(System.getProperty(TRIPPED));
        ObjectRefusedException e = refusedInRing(world, raw, tripwireBytes(), 1);
        assertEquals(Tripwire.class.getName(), e.className());
        assertTrue(e.getMessage().contains(Tripwire.class.getName()), e.getMessage());
        assertTrue(e.reason().contains("allow-list"), e.reason());
        assertNull(System.getProperty(TRIPPED), "Tripwire's static initialiser ran in the receiving rank");

        // the same through a nonblocking receive and the collectives
        ObjectRequest<Object> pending = world.irecvObject(prev(world), 2);
        ObjectRequest<Void> sent = raw.isendObject(tripwireBytes(), next(world), 2);
        ObjectRefusedException late = assertThrows(ObjectRefusedException.class, pending::waitFor);
        sent.waitFor();
        assertEquals(prev(world), late.sourceRank());
        assertEquals(Tripwire.class.getName(), late.className());
        int last = world.size() - 1;
        ObjectRefusedException all = assertThrows(ObjectRefusedException.class,
                () -> world.allgatherObject(world.rank() == last ? new Date() : "fine"));
        assertEquals(last, all.sourceRank());
        assertEquals("java.util.Date", all.className());
        if (world.size() > 1) {
            if (world.rank() == 0) {
                world.bcastObject(new Harmless(3), 0);
            } else {
                ObjectRefusedException b = assertThrows(ObjectRefusedException.class, () -> world.bcastObject(null, 0));
                assertEquals(0, b.sourceRank());
                assertEquals(Harmless.class.getName(), b.className());
            }
        }
        assertNull(System.getProperty(TRIPPED));

        // the refused messages were consumed: the next ones on the same tags arrive
        assertEquals("after " + prev(world), inRing(world, world, "after " + world.rank(), 1));
        assertEquals(List.of(prev(world)), inRing(world, world, List.of(world.rank()), 2));
        assertEquals(world.size() - 1, world.allgatherObject(world.rank()).get(last));

        // control: the tripwire is real, it fires once its class is allowed and decoded
        ObjectCodec allowing = ObjectCodec.serialization(SerialFilter.defaults().allow(Tripwire.class));
        Object t = allowing.decode(new ByteArrayInputStream(tripwireBytes()));
        assertEquals(Tripwire.class, t.getClass());
        assertTrue(System.getProperty(TRIPPED).contains("pid " + ProcessHandle.current().pid()));
    }

    @MpiTest(np = {1, 2})
    void payloadsPastEachLimitAreRefused() {
        Comm world = TestMpi.world();
        ObjectMessages raw = world.withCodec(new Raw());

        List<Object> deep = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            List<Object> outer = new ArrayList<>();
            outer.add(deep);
            deep = outer;
        }
        ObjectRefusedException depth = refusedInRing(world, world, deep, 3);
        assertTrue(depth.reason().startsWith("depth 65 exceeds the limit 64"), depth.reason());
        Chain chain = null;
        for (int i = 0; i < 63; i++) {
            chain = new Chain(i, chain);
        }
        assertEquals(chain, inRing(world, world, chain, 3));

        List<Integer> many = new ArrayList<>();
        Integer seven = 7;
        for (int i = 0; i < 1_000_001; i++) {
            many.add(seven);
        }
        ObjectRefusedException refs = refusedInRing(world, world, many, 4);
        assertTrue(refs.reason().contains("references exceed the limit 1000000"), refs.reason());
        many.subList(990_000, many.size()).clear();
        assertEquals(990_000, SerialFilterTest.<List<Integer>>inRing(world, world, many, 4).size());

        // an int[4] whose stream claims 100,000,000 elements: refused before the array is allocated
        byte[] small = serialized(new int[] {1, 2, 3, 4});
        int at = small.length - 4 * Integer.BYTES - Integer.BYTES;
        assertEquals(4, small[at + 3]);
        small[at] = (byte) (100_000_000 >>> 24);
        small[at + 1] = (byte) (100_000_000 >>> 16);
        small[at + 2] = (byte) (100_000_000 >>> 8);
        small[at + 3] = (byte) 100_000_000;
        ObjectRefusedException array = refusedInRing(world, raw, small, 5);
        assertEquals("[I", array.className());
        assertEquals("array length 100000000 exceeds the limit " + small.length + " (the message's size in bytes)",
                array.reason());
        assertArrayEquals(new long[1000], inRing(world, world, new long[1000], 5));
        ObjectMessages short10 = world.withCodec(ObjectCodec.serialization(SerialFilter.defaults().maxArrayLength(10)));
        assertTrue(refusedInRing(short10, world, new long[11], 5).reason().startsWith("array length 11"));

        ObjectMessages kilobyte = world.withCodec(ObjectCodec.serialization(SerialFilter.defaults().maxBytes(1000)));
        List<Integer> sevens = new ArrayList<>(many.subList(0, 2000));
        ObjectRefusedException bytes = refusedInRing(kilobyte, world, sevens, 6);
        assertTrue(bytes.reason().contains("bytes exceed the limit 1000"), bytes.reason());
        assertNull(bytes.className(), bytes.getMessage());
        assertTrue(bytes.getMessage().contains("refused a message from rank " + prev(world)), bytes.getMessage());
        List<Integer> hundred = new ArrayList<>(sevens.subList(0, 100));
        assertEquals(hundred, kilobyte.sendrecvObject(hundred, next(world), 6, prev(world), 6));

        ObjectMessages shallow = world.withCodec(ObjectCodec.serialization(SerialFilter.defaults().maxDepth(2)));
        assertTrue(refusedInRing(shallow, world, List.of(List.of(List.of(1))), 7).reason().startsWith("depth 3"));
        ObjectMessages few = world.withCodec(ObjectCodec.serialization(SerialFilter.defaults().maxReferences(50)));
        assertTrue(refusedInRing(few, world, new ArrayList<>(sevens.subList(0, 60)), 7).reason()
                .contains("references exceed the limit 50"));
        assertEquals(world.size() - 1, world.allgatherObject(world.rank()).get(world.size() - 1));
    }

    @MpiTest(np = {1, 2})
    void classesTheUserAllowsPass() {
        Comm world = TestMpi.world();
        int me = world.rank();
        ObjectRefusedException plain = refusedInRing(world, world, new Widget("w" + me), 8);
        assertEquals(Widget.class.getName(), plain.className());
        ObjectRefusedException inRecord = refusedInRing(world, world, new Holder(new Widget("h")), 8);
        assertEquals(Holder.class.getName(), inRecord.className());
        assertTrue(inRecord.reason().contains("component widget"), inRecord.reason());

        // per codec: by class, by pattern, by a filter of the user's
        for (SerialFilter f : List.of(SerialFilter.defaults().allow(Widget.class),
                SerialFilter.defaults().allowPatterns("org.jmpi.SerialFilterTest$Wid*"),
                SerialFilter.defaults().withFilter(info -> info.serialClass() == Widget.class
                        ? ObjectInputFilter.Status.ALLOWED : ObjectInputFilter.Status.UNDECIDED))) {
            ObjectMessages allowing = world.withCodec(ObjectCodec.serialization(f));
            assertEquals("w" + prev(world), allowing.<Widget>sendrecvObject(new Widget("w" + me), next(world), 8,
                    prev(world), 8).name);
            Holder h = allowing.sendrecvObject(new Holder(new Widget("h" + me)), next(world), 8, prev(world), 8);
            assertEquals("h" + prev(world), h.widget().name);
        }
        // a user filter may also reject what the built-in list allows
        ObjectMessages noDecimals = world.withCodec(ObjectCodec.serialization(SerialFilter.defaults().withFilter(
                info -> info.serialClass() == BigDecimal.class ? ObjectInputFilter.Status.REJECTED
                        : ObjectInputFilter.Status.UNDECIDED)));
        assertTrue(refusedInRing(noDecimals, world, List.of(BigDecimal.ONE), 8).reason().startsWith("rejected by"));

        // the process default, which the default codec reads at each message
        try {
            SerialFilter.processDefault(SerialFilter.defaults().allowPackage("org.jmpi"));
            assertEquals("p" + prev(world), world.<Widget>sendrecvObject(new Widget("p" + me), next(world), 9,
                    prev(world), 9).name);
        } finally {
            SerialFilter.processDefault(SerialFilter.defaults());
        }
        assertSame(SerialFilter.defaults(), SerialFilter.processDefault());
        refusedInRing(world, world, new Widget("again"), 9);

        // the system property (set here in the rank; -Djmpi.serial.allow=... on the command line reads the same)
        try {
            System.setProperty(SerialFilter.ALLOW_PROPERTY, "java.util.Date, org.jmpi.SerialFilterTest$Widget");
            assertEquals("s" + prev(world), world.<Widget>sendrecvObject(new Widget("s" + me), next(world), 10,
                    prev(world), 10).name);
            assertEquals(new Date(5), world.sendrecvObject(new Date(5), next(world), 10, prev(world), 10));
        } finally {
            System.clearProperty(SerialFilter.ALLOW_PROPERTY);
        }
        refusedInRing(world, world, new Widget("again"), 10);
        world.barrier();
    }

    @MpiTest(np = {1, 2})
    void codecsOtherThanJavaSerializationAreUnaffected() {
        Comm world = TestMpi.world();
        try {
            SerialFilter.processDefault(SerialFilter.defaults()
                    .withFilter(info -> ObjectInputFilter.Status.REJECTED));
            ObjectMessages widgets = world.withCodec(new WidgetCodec());
            Widget w = widgets.sendrecvObject(new Widget("from " + world.rank()), next(world), 11, prev(world), 11);
            assertEquals("from " + prev(world), w.name);
            assertEquals("from 0", widgets.<Widget>bcastObject(new Widget("from " + world.rank()), 0).name);
            // while the default codec now refuses even a string list
            refusedInRing(world, world, new ArrayList<>(List.of("x")), 11);
        } finally {
            SerialFilter.processDefault(SerialFilter.defaults());
        }
        assertEquals(List.of("x"), inRing(world, world, new ArrayList<>(List.of("x")), 11));
    }

    @MpiTest(np = {1, 2})
    void theJvmWideFilterRejectsFirstAndAllowsNothingMore() {
        Comm world = TestMpi.world();
        // settable once per JVM; the other tests of the class (same rank JVMs) send no Year, and the
        // filter's allowing Date must not let Date through jmpi's list
        ObjectInputFilter.Config.setSerialFilter(
                ObjectInputFilter.Config.createFilter("!java.time.Year;java.util.Date"));
        ObjectRefusedException year = refusedInRing(world, world, Year.of(2026), 12);
        assertEquals("java.time.Year", year.className());
        assertTrue(year.reason().contains("jdk.serialFilter"), year.reason());
        ObjectRefusedException date = refusedInRing(world, world, new Date(), 12);
        assertTrue(date.reason().contains("allow-list"), date.reason());
        assertEquals(LocalDate.of(2026, 1, prev(world) + 1),
                inRing(world, world, LocalDate.of(2026, 1, world.rank() + 1), 12));
    }

    @Test
    void theBuiltInListAndRecords() {
        SerialFilter d = SerialFilter.defaults();
        for (Class<?> c : List.of(int.class, Integer.class, String.class, BigDecimal.class, ArrayList.class,
                TreeMap.class, LocalDate.class, Thread.State.class, Labelled.class, Chain.class, int[][].class,
                String[].class, Labelled[].class, Map.class)) {
            assertTrue(d.allows(c), c.getName());
        }
        for (Class<?> c : List.of(Widget.class, Holder.class, Widget[].class, Date.class, Thread.class,
                java.net.URL.class, Tripwire.class)) {
            assertFalse(d.allows(c), c.getName());
        }
        assertTrue(d.allow(Widget.class).allows(Holder.class));
        assertTrue(d.allowPackage("org.jmpi").allows(Widget[].class));
        assertFalse(d.allowPatterns("!org.jmpi.SerialFilterTest$Widget", "org.jmpi.*").allows(Widget.class));
        assertEquals(64, d.maxDepth());
        assertEquals(1_000_000, d.maxReferences());
        assertEquals(-1, d.maxArrayLength());
        assertEquals(-1, d.maxBytes());
        assertEquals(5, d.maxBytes(5).maxBytes());
        assertEquals(-1, d.maxBytes(5).maxArrayLength());
    }

    @Test
    void badArgumentsNameThemselves() {
        SerialFilter d = SerialFilter.defaults();
        assertTrue(assertThrows(NullPointerException.class, () -> SerialFilter.processDefault(null))
                .getMessage().contains("filter"));
        assertEquals("filter", assertThrows(NullPointerException.class, () -> ObjectCodec.serialization(null))
                .getMessage());
        assertEquals("filter", assertThrows(NullPointerException.class, () -> d.withFilter(null)).getMessage());
        assertEquals("classes[1]", assertThrows(NullPointerException.class,
                () -> d.allow(String.class, null)).getMessage());
        assertEquals("classes", assertThrows(NullPointerException.class, () -> d.allow((Class<?>[]) null))
                .getMessage());
        assertEquals("packageName", assertThrows(NullPointerException.class, () -> d.allowPackage(null))
                .getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> d.allowPackage("com.x.*"))
                .getMessage().startsWith("packageName:"));
        assertEquals("patterns[0]", assertThrows(NullPointerException.class, () -> d.allowPatterns((String) null))
                .getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> d.allowPatterns("a.B", "maxdepth=3"))
                .getMessage().startsWith("patterns[1]:"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> d.allowPatterns(" "))
                .getMessage().startsWith("patterns[0]:"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> d.maxDepth(0)).getMessage()
                .startsWith("depth:"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> d.maxReferences(-1)).getMessage()
                .startsWith("references:"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> d.maxArrayLength(-1)).getMessage()
                .startsWith("length:"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> d.maxBytes(0)).getMessage()
                .startsWith("bytes:"));
        assertEquals("type", assertThrows(NullPointerException.class, () -> d.allows(null)).getMessage());
        try {
            System.setProperty(SerialFilter.ALLOW_PROPERTY, "com.example.Foo,maxdepth=2");
            IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> d.allows(String.class));
            assertTrue(bad.getMessage().startsWith(SerialFilter.ALLOW_PROPERTY + ":"), bad.getMessage());
        } finally {
            System.clearProperty(SerialFilter.ALLOW_PROPERTY);
        }
    }
}
