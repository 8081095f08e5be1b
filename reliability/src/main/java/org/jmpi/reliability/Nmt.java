package org.jmpi.reliability;

import java.lang.management.ManagementFactory;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.management.ObjectName;

/**
 * JDK Native Memory Tracking, asked in-process through the DiagnosticCommand MBean (as
 * {@code jcmd PID VM.native_memory} does). Memory that the library allocates natively
 * through the FFM API (arenas, upcall stubs) shows under the category "Other".
 */
final class Nmt {
    private static final Pattern TOTAL = Pattern.compile("Total: reserved=\\d+KB(?: [+-]\\d+KB)?, committed=\\d+KB( [+-]\\d+KB)?");
    private static final Pattern OTHER = Pattern.compile("-\\s+Other \\(reserved=\\d+KB(?: [+-]\\d+KB)?, committed=\\d+KB( [+-]\\d+KB)?");

    private Nmt() {
    }

    private static String command(String argument) {
        try {
            Object out = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "vmNativeMemory",
                    new Object[] {new String[] {argument}}, new String[] {String[].class.getName()});
            return String.valueOf(out);
        } catch (Exception e) {
            return "unavailable: " + e;
        }
    }

    /** Takes a baseline, if tracking is on. */
    static void baseline() {
        command("baseline");
    }

    /**
     * The growth since the baseline: {@code committed +XKB, Other +YKB}, or a note that
     * tracking is off.
     */
    static String diff() {
        String text = command("summary.diff");
        Matcher total = TOTAL.matcher(text);
        if (!total.find()) {
            return "off (run with -XX:NativeMemoryTracking=summary)";
        }
        Matcher other = OTHER.matcher(text);
        String otherGrowth = other.find() ? growth(other.group(1)) : "+0KB";
        return "committed " + growth(total.group(1)) + ", Other " + otherGrowth;
    }

    private static String growth(String g) {
        return g == null ? "+0KB" : g.strip();
    }
}
