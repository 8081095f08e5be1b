package org.jmpi;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.jmpi.bindings.abi.MpiCalls;

/**
 * The one rule for info keys and values, checked before any native call wherever jmpi
 * turns strings into an {@code MPI_Info} ({@link Info}, and the hints of windows, files,
 * file views, spawn and communicators). A key has 1 to {@code MPI_MAX_INFO_KEY - 1} UTF-8
 * bytes, a value 1 to {@code MPI_MAX_INFO_VAL - 1}, of the loaded MPI; neither holds a NUL
 * (C would end the string there). Empty values are refused because Open MPI 4.1 refuses
 * them ({@code MPI_ERR_INFO_VALUE}) while MPICH 4.0 stores them. Blanks are kept as given,
 * as both MPIs keep them. A null map, key or value is a {@link NullPointerException}.
 * Messages start with {@code arg}, the name of the argument, and name the key.
 */
final class InfoRule {
    private InfoRule() {
    }

    /** Checks every entry of {@code entries}; the map itself must not be null. */
    static void check(Map<String, String> entries, String arg) {
        Objects.requireNonNull(entries, arg);
        entries.forEach((k, v) -> entry(arg, k, v));
    }

    /** An unmodifiable copy of {@code entries}, in iteration order, after {@link #check}. */
    static Map<String, String> copy(Map<String, String> entries, String arg) {
        check(entries, arg);
        return Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    /** Checks one key and its value. */
    static void entry(String arg, String key, String value) {
        key(arg, key);
        if (value == null) {
            throw new NullPointerException(arg + ": null value of key '" + shown(key) + "'");
        }
        text(arg, "the value of key '" + shown(key) + "'", value, MpiCalls.MPI_MAX_INFO_VAL(), "MPI_MAX_INFO_VAL");
    }

    /** Checks a key. */
    static void key(String arg, String key) {
        if (key == null) {
            throw new NullPointerException(arg + ": null key");
        }
        text(arg, "key '" + shown(key) + "'", key, MpiCalls.MPI_MAX_INFO_KEY(), "MPI_MAX_INFO_KEY");
    }

    private static void text(String arg, String what, String text, int max, String maxName) {
        if (text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(arg + ": " + what + " contains a NUL character,"
                    + " which would end the string in C");
        }
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes == 0 || bytes >= max) {
            throw new IllegalArgumentException(arg + ": " + what + (bytes == 0 ? " is empty" : " has " + bytes
                    + " bytes") + "; MPI takes 1 to " + (max - 1) + " UTF-8 bytes (" + maxName + " - 1)");
        }
    }

    /** A key as shown in messages: NUL as {@code \0}, cut after 40 characters. */
    private static String shown(String key) {
        String s = key.replace("\0", "\\0");
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
