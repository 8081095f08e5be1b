package org.jmpi;

import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputFilter.FilterInfo;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What Java serialization ({@link ObjectCodec#serialization()}) accepts from the bytes
 * of an object message: an allow-list of classes and limits on the object graph. Bytes of
 * an object message come from another process (a peer rank, a spawned child, a client
 * connected through a {@link Port}), so a class not on the list is refused before it is
 * initialised or instantiated, with an {@link ObjectRefusedException} naming the class
 * and the sending rank.
 *
 * <p>{@link #defaults()} allows primitives and their boxes, {@code String}, {@code Number},
 * enums, records whose component types are all allowed, arrays of allowed types,
 * {@code BigInteger}, {@code BigDecimal}, {@code UUID}, {@code java.time} values, and the
 * usual {@code java.util} collections and maps (see {@code docs/object-messages.md} for
 * the full list), with limits: depth 64, 1,000,000 references, array lengths up to the
 * message's size in bytes, and bytes unlimited (the message's size). A filter is
 * immutable: each method returns a new one. Extend it per codec
 * ({@link ObjectCodec#serialization(SerialFilter)}), for the whole process
 * ({@link #processDefault(SerialFilter)}) or with the system property
 * {@value #ALLOW_PROPERTY}.
 *
 * <p>Precedence, first word first: the JVM-wide filter ({@code jdk.serialFilter},
 * {@link ObjectInputFilter.Config#getSerialFilter()}) refuses what it rejects; then this
 * filter's limits; then its rules in the order they were added ({@link #allow},
 * {@link #allowPackage}, {@link #allowPatterns}, {@link #withFilter}), the first that
 * allows or rejects a class deciding; then the patterns of {@value #ALLOW_PROPERTY}; then
 * the built-in list; anything else is refused. A JVM-wide filter factory
 * ({@code jdk.serialFilterFactory}), when set, receives this filter as each stream's
 * filter and has the last word, as for any {@code ObjectInputStream}.
 */
public final class SerialFilter {

    /**
     * The system property whose entries extend every filter's allow-list: class names,
     * {@code pkg.*} (classes of a package), {@code pkg.**} (and its subpackages), separated
     * by commas or semicolons, in {@code jdk.serialFilter}'s pattern syntax. Read when a
     * message is decoded, so it may be set after start-up.
     */
    public static final String ALLOW_PROPERTY = "jmpi.serial.allow";

    /** The default depth limit. */
    public static final long DEFAULT_MAX_DEPTH = 64;

    /** The default limit on object references in one message. */
    public static final long DEFAULT_MAX_REFERENCES = 1_000_000;

    private static final long UNSET = -1;

    /** The JDK types allowed by name (besides enums, records, arrays and {@code java.time}). */
    private static final Set<String> BUILT_IN = Set.of(
            "java.lang.Object", "java.lang.Boolean", "java.lang.Byte", "java.lang.Character",
            "java.lang.Short", "java.lang.Integer", "java.lang.Long", "java.lang.Float", "java.lang.Double",
            "java.lang.Number", "java.lang.String", "java.lang.Enum", "java.lang.Record",
            "java.lang.CharSequence", "java.lang.Comparable", "java.lang.Iterable", "java.io.Serializable",
            "java.lang.String$CaseInsensitiveComparator",
            "java.math.BigInteger", "java.math.BigDecimal", "java.util.UUID",
            "java.util.Collection", "java.util.List", "java.util.Set", "java.util.SortedSet",
            "java.util.NavigableSet", "java.util.Queue", "java.util.Deque", "java.util.Map",
            "java.util.SortedMap", "java.util.NavigableMap", "java.util.Map$Entry", "java.util.Comparator",
            "java.util.RandomAccess",
            "java.util.ArrayList", "java.util.LinkedList", "java.util.ArrayDeque", "java.util.PriorityQueue",
            "java.util.Vector", "java.util.HashMap", "java.util.LinkedHashMap", "java.util.TreeMap",
            "java.util.Hashtable", "java.util.IdentityHashMap", "java.util.HashSet", "java.util.LinkedHashSet",
            "java.util.TreeSet", "java.util.EnumMap", "java.util.EnumSet", "java.util.RegularEnumSet",
            "java.util.JumboEnumSet", "java.util.EnumSet$SerializationProxy",
            "java.util.AbstractMap$SimpleEntry", "java.util.AbstractMap$SimpleImmutableEntry",
            "java.util.Arrays$ArrayList", "java.util.CollSer");

    /** Name prefixes allowed: {@code List.of} and friends, and the wrappers of {@code Collections}. */
    private static final List<String> BUILT_IN_PREFIXES = List.of(
            "java.util.ImmutableCollections$", "java.util.Collections$Unmodifiable",
            "java.util.Collections$Synchronized", "java.util.Collections$Empty",
            "java.util.Collections$Singleton", "java.util.Collections$CopiesList",
            "java.util.Collections$ReverseComparator");

    /** Packages whose classes are allowed: {@code java.time} values serialize through their {@code Ser}. */
    private static final Set<String> BUILT_IN_PACKAGES = Set.of(
            "java.time", "java.time.chrono", "java.time.temporal", "java.time.zone");

    private static final SerialFilter DEFAULTS = new SerialFilter(List.of(),
            new Limits(DEFAULT_MAX_DEPTH, DEFAULT_MAX_REFERENCES, UNSET, UNSET));

    private static volatile SerialFilter processDefault = DEFAULTS;

    /** The parsed {@value #ALLOW_PROPERTY}, kept while the property's value is unchanged. */
    private static volatile PropertyRules property = new PropertyRules(null, null);

    private final List<ObjectInputFilter> rules;
    private final Limits limits;

    private SerialFilter(List<ObjectInputFilter> rules, Limits limits) {
        this.rules = rules;
        this.limits = limits;
    }

    /** The built-in allow-list and the default limits. */
    public static SerialFilter defaults() {
        return DEFAULTS;
    }

    /** The filter of {@link ObjectCodec#serialization()}: {@link #defaults()} unless set. */
    public static SerialFilter processDefault() {
        return processDefault;
    }

    /**
     * Sets the filter that {@link ObjectCodec#serialization()} uses in this process, from the
     * next message decoded on.
     */
    public static void processDefault(SerialFilter filter) {
        processDefault = Objects.requireNonNull(filter, "filter");
    }

    /** This filter also allowing exactly {@code classes} (not their subclasses). */
    public SerialFilter allow(Class<?>... classes) {
        Objects.requireNonNull(classes, "classes");
        Set<Class<?>> set = new HashSet<>();
        for (int i = 0; i < classes.length; i++) {
            set.add(Objects.requireNonNull(classes[i], "classes[" + i + "]"));
        }
        Set<Class<?>> allowed = Set.copyOf(set);
        return with(new ObjectInputFilter() {
            @Override
            public ObjectInputFilter.Status checkInput(FilterInfo info) {
                return allowed.contains(info.serialClass()) ? ObjectInputFilter.Status.ALLOWED
                        : ObjectInputFilter.Status.UNDECIDED;
            }

            @Override
            public String toString() {
                return "allow " + allowed;
            }
        });
    }

    /** This filter also allowing the classes of package {@code packageName} (not its subpackages). */
    public SerialFilter allowPackage(String packageName) {
        Objects.requireNonNull(packageName, "packageName");
        if (packageName.isBlank() || packageName.contains(";") || packageName.contains("*")) {
            throw new IllegalArgumentException("packageName: not a package name: \"" + packageName + "\"");
        }
        return allowPatterns(packageName + ".*");
    }

    /**
     * This filter also allowing what {@code patterns} match, in {@code jdk.serialFilter}'s
     * syntax: {@code com.example.Foo}, {@code com.example.model.*} (a package),
     * {@code com.example.**} (a package and its subpackages), {@code com.example.Foo*} (a
     * prefix); a pattern starting with {@code !} rejects what it matches.
     */
    public SerialFilter allowPatterns(String... patterns) {
        return with(patternFilter(Objects.requireNonNull(patterns, "patterns"), "patterns"));
    }

    /**
     * This filter also consulting {@code filter}, for every class and every limit check of a
     * message: {@code ALLOWED} allows a class, {@code REJECTED} refuses the message,
     * {@code UNDECIDED} leaves the decision to the later rules and the built-in list.
     */
    public SerialFilter withFilter(ObjectInputFilter filter) {
        return with(Objects.requireNonNull(filter, "filter"));
    }

    /** This filter with at most {@code depth} nested objects (default {@value #DEFAULT_MAX_DEPTH}). */
    public SerialFilter maxDepth(long depth) {
        Limits l = limits;
        return new SerialFilter(rules, new Limits(positive(depth, "depth"), l.references, l.arrayLength, l.bytes));
    }

    /** This filter with at most {@code references} objects and back-references per message (default 1,000,000). */
    public SerialFilter maxReferences(long references) {
        Limits l = limits;
        return new SerialFilter(rules, new Limits(l.depth, positive(references, "references"), l.arrayLength,
                l.bytes));
    }

    /** This filter with arrays of at most {@code length} elements (default: the message's size in bytes). */
    public SerialFilter maxArrayLength(long length) {
        Limits l = limits;
        return new SerialFilter(rules, new Limits(l.depth, l.references, nonNegative(length, "length"), l.bytes));
    }

    /** This filter reading at most {@code bytes} bytes per message (default: no limit beyond the message). */
    public SerialFilter maxBytes(long bytes) {
        Limits l = limits;
        return new SerialFilter(rules, new Limits(l.depth, l.references, l.arrayLength, positive(bytes, "bytes")));
    }

    /** The depth limit. */
    public long maxDepth() {
        return limits.depth;
    }

    /** The reference limit. */
    public long maxReferences() {
        return limits.references;
    }

    /** The array length limit, or -1 for the message's size in bytes. */
    public long maxArrayLength() {
        return limits.arrayLength;
    }

    /** The byte limit, or -1 for none beyond the message's size. */
    public long maxBytes() {
        return limits.bytes;
    }

    /**
     * Whether this filter allows instances of {@code type} (an array type: its elements),
     * limits aside. The JVM-wide filter is not consulted.
     */
    public boolean allows(Class<?> type) {
        Objects.requireNonNull(type, "type");
        return refusal(type, new ClassOnly(type), propertyRules(), new HashSet<>()) == null;
    }

    @Override
    public String toString() {
        Limits l = limits;
        return "SerialFilter[depth " + l.depth + ", references " + l.references + ", array length "
                + (l.arrayLength < 0 ? "message size" : l.arrayLength) + ", bytes "
                + (l.bytes < 0 ? "message size" : l.bytes) + (rules.isEmpty() ? "" : ", rules " + rules) + "]";
    }

    /**
     * The filter for one message of {@code messageBytes} bytes; it remembers why it refused,
     * for {@link Check#refusal}.
     */
    Check forMessage(long messageBytes) {
        return new Check(this, propertyRules(), limits.arrayLength >= 0 ? limits.arrayLength : messageBytes);
    }

    private SerialFilter with(ObjectInputFilter rule) {
        List<ObjectInputFilter> more = new ArrayList<>(rules);
        more.add(rule);
        return new SerialFilter(Collections.unmodifiableList(more), limits);
    }

    /**
     * Why {@code type} is refused, or null if allowed: the rules first, then the element
     * type of an array, the property's patterns, the built-in list, enums, and records whose
     * component types are allowed ({@code visiting} guards recursive records).
     */
    private String refusal(Class<?> type, FilterInfo info, ObjectInputFilter propertyRule, Set<Class<?>> visiting) {
        for (ObjectInputFilter rule : rules) {
            ObjectInputFilter.Status s = rule.checkInput(info);
            if (s == ObjectInputFilter.Status.REJECTED) {
                return "rejected by " + rule;
            } else if (s == ObjectInputFilter.Status.ALLOWED) {
                return null;
            }
        }
        if (type.isArray()) {
            Class<?> element = type;
            while (element.isArray()) {
                element = element.getComponentType();
            }
            return element.isPrimitive() ? null : refusal(element, new ClassOnly(element), propertyRule, visiting);
        }
        if (type.isPrimitive()) {
            return null;
        }
        ObjectInputFilter.Status byProperty = propertyRule == null ? ObjectInputFilter.Status.UNDECIDED
                : propertyRule.checkInput(info);
        if (byProperty == ObjectInputFilter.Status.REJECTED) {
            return "rejected by " + ALLOW_PROPERTY;
        }
        if (byProperty == ObjectInputFilter.Status.ALLOWED || builtIn(type) || type.isEnum()) {
            return null;
        }
        if (type.isRecord()) {
            return recordRefusal(type, propertyRule, visiting);
        }
        return "not on the allow-list (extend it with SerialFilter or -D" + ALLOW_PROPERTY + "=...)";
    }

    /** Why a record is refused: the first component whose type is not allowed; null if none. */
    private String recordRefusal(Class<?> record, ObjectInputFilter propertyRule, Set<Class<?>> visiting) {
        if (!visiting.add(record)) {
            return null;
        }
        try {
            for (RecordComponent c : record.getRecordComponents()) {
                Class<?> t = c.getType();
                String why = t.isPrimitive() ? null : refusal(t, new ClassOnly(t), propertyRule, visiting);
                if (why != null) {
                    return "a record whose component " + c.getName() + " has type " + t.getTypeName() + ", " + why;
                }
            }
            return null;
        } finally {
            visiting.remove(record);
        }
    }

    private static boolean builtIn(Class<?> type) {
        String name = type.getName();
        if (BUILT_IN.contains(name) || BUILT_IN_PACKAGES.contains(type.getPackageName())) {
            return type.getClassLoader() == null;
        }
        for (String prefix : BUILT_IN_PREFIXES) {
            if (name.startsWith(prefix)) {
                return type.getClassLoader() == null;
            }
        }
        return false;
    }

    /** The filter of {@value #ALLOW_PROPERTY}'s current value, null when unset or blank. */
    private static ObjectInputFilter propertyRules() {
        String value = System.getProperty(ALLOW_PROPERTY);
        PropertyRules p = property;
        if (!Objects.equals(value, p.value())) {
            p = new PropertyRules(value, value == null || value.isBlank() ? null
                    : patternFilter(value.strip().split("\\s*[,;]\\s*"), ALLOW_PROPERTY));
            property = p;
        }
        return p.filter();
    }

    /** One filter of class patterns; each checked, {@code arg} (or {@code arg[i]}) named when bad. */
    private static ObjectInputFilter patternFilter(String[] patterns, String arg) {
        for (int i = 0; i < patterns.length; i++) {
            String what = arg.equals(ALLOW_PROPERTY) ? arg : arg + "[" + i + "]";
            String p = Objects.requireNonNull(patterns[i], what).strip();
            if (p.isEmpty() || p.contains(";") || p.contains("=") || p.contains(",")) {
                throw new IllegalArgumentException(what + ": not a class pattern: \"" + patterns[i] + "\"");
            }
        }
        String joined = String.join(";", patterns);
        try {
            return ObjectInputFilter.Config.createFilter(joined);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(arg + ": " + e.getMessage() + " in \"" + joined + "\"", e);
        }
    }

    private static long positive(long value, String arg) {
        if (value <= 0) {
            throw new IllegalArgumentException(arg + ": must be positive, got " + value);
        }
        return value;
    }

    private static long nonNegative(long value, String arg) {
        if (value < 0) {
            throw new IllegalArgumentException(arg + ": must not be negative, got " + value);
        }
        return value;
    }

    /** The limits on one message; -1 for {@code arrayLength} and {@code bytes} means the message's size. */
    private record Limits(long depth, long references, long arrayLength, long bytes) {
    }

    private record PropertyRules(String value, ObjectInputFilter filter) {
    }

    /** A class to decide on, outside any stream. */
    private record ClassOnly(Class<?> serialClass) implements FilterInfo {
        @Override
        public long arrayLength() {
            return -1;
        }

        @Override
        public long depth() {
            return 0;
        }

        @Override
        public long references() {
            return 0;
        }

        @Override
        public long streamBytes() {
            return 0;
        }
    }

    /** A refusal by a {@link Check}: the class (null for a limit) and the reason. */
    static final class Refusal extends InvalidClassException {
        private static final long serialVersionUID = 1L;

        /** Why the message was refused. */
        final String reason;

        Refusal(String className, String reason, InvalidClassException cause) {
            super(className, reason);
            this.reason = reason;
            initCause(cause);
        }
    }

    /** The filter installed on one {@code ObjectInputStream}. */
    static final class Check implements ObjectInputFilter {
        private final SerialFilter filter;
        private final ObjectInputFilter propertyRule;
        private final long arrayLimit;
        private String refusedClass;
        private String reason;

        private Check(SerialFilter filter, ObjectInputFilter propertyRule, long arrayLimit) {
            this.filter = filter;
            this.propertyRule = propertyRule;
            this.arrayLimit = arrayLimit;
        }

        @Override
        public ObjectInputFilter.Status checkInput(FilterInfo info) {
            Class<?> type = info.serialClass();
            ObjectInputFilter jvmWide = ObjectInputFilter.Config.getSerialFilter();
            if (jvmWide != null && jvmWide.checkInput(info) == ObjectInputFilter.Status.REJECTED) {
                return refuse(type, "rejected by the JVM-wide filter (jdk.serialFilter)");
            }
            Limits l = filter.limits;
            if (info.depth() > l.depth) {
                return refuse(type, "depth " + info.depth() + " exceeds the limit " + l.depth);
            }
            if (info.references() > l.references) {
                return refuse(type, info.references() + " references exceed the limit " + l.references);
            }
            if (l.bytes >= 0 && info.streamBytes() > l.bytes) {
                return refuse(type, info.streamBytes() + " bytes exceed the limit " + l.bytes);
            }
            if (info.arrayLength() > arrayLimit) {
                return refuse(type, "array length " + info.arrayLength() + " exceeds the limit " + arrayLimit
                        + (l.arrayLength < 0 ? " (the message's size in bytes)" : ""));
            }
            if (type == null) {
                for (ObjectInputFilter rule : filter.rules) {
                    if (rule.checkInput(info) == ObjectInputFilter.Status.REJECTED) {
                        return refuse(null, "rejected by " + rule);
                    }
                }
                return ObjectInputFilter.Status.UNDECIDED;
            }
            String why = filter.refusal(type, info, propertyRule, new HashSet<>());
            return why == null ? ObjectInputFilter.Status.ALLOWED : refuse(type, why);
        }

        private ObjectInputFilter.Status refuse(Class<?> type, String why) {
            if (reason == null) {
                refusedClass = type == null ? null : type.getName();
                reason = why;
            }
            return ObjectInputFilter.Status.REJECTED;
        }

        /** {@code e} as a {@link Refusal} if this filter refused the stream; {@code e} itself otherwise. */
        InvalidClassException refusal(InvalidClassException e) {
            return reason == null ? e : new Refusal(refusedClass, reason, e);
        }

        @Override
        public String toString() {
            return filter.toString();
        }
    }
}
