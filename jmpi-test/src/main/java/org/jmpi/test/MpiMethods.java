package org.jmpi.test;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/** Finds and validates a class's {@link MpiTest} methods, which are keyed by name. */
final class MpiMethods {

    private MpiMethods() {}

    /** The class's {@code @MpiTest} methods by name, superclass methods first. */
    static Map<String, Method> byName(Class<?> testClass) {
        List<Method> methods =
                ReflectionSupport.findMethods(
                        testClass,
                        method -> AnnotationSupport.isAnnotated(method, MpiTest.class),
                        HierarchyTraversalMode.TOP_DOWN);
        Map<String, Method> byName = new LinkedHashMap<>();
        for (Method method : methods) {
            Method previous = byName.putIfAbsent(method.getName(), method);
            if (previous != null) {
                throw new ExtensionConfigurationException(
                        "@MpiTest methods need unique names, but "
                                + testClass.getName()
                                + " has overloads of "
                                + method.getName()
                                + "(): rename one of them");
            }
            validate(method);
        }
        return byName;
    }

    /** The method's {@code @MpiTest} annotation. */
    static MpiTest spec(Method method) {
        return AnnotationSupport.findAnnotation(method, MpiTest.class)
                .orElseThrow(() -> new ExtensionConfigurationException(method + " is not an @MpiTest"));
    }

    private static void validate(Method method) {
        MpiTest spec = spec(method);
        if (spec.np().length == 0 || Arrays.stream(spec.np()).anyMatch(n -> n < 1)) {
            throw new ExtensionConfigurationException(
                    "@MpiTest(np) of " + method + " must list positive rank counts");
        }
        if (spec.timeoutSeconds() < 1) {
            throw new ExtensionConfigurationException(
                    "@MpiTest(timeoutSeconds) of " + method + " must be positive");
        }
    }
}
