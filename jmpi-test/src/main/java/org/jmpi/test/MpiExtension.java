package org.jmpi.test;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.TestAbortedException;

/**
 * Runs {@link MpiTest} methods. In the surefire JVM it yields one invocation per rank count, named
 * {@code np=N}, each reporting the outcome of an {@code mpirun} job run by {@link JobRunner}; the
 * test body, {@code @BeforeEach} and {@code @AfterEach} are skipped there. In a rank JVM ({@link
 * Ranks#inRank()}) it yields a single invocation that runs normally.
 *
 * <p>Registered on a class, it also keeps that class's {@code @BeforeAll} and {@code @AfterAll}
 * methods out of the surefire JVM. The configuration parameter or system property {@code jmpi.np}
 * (e.g. {@code 1,2}) limits the rank counts run; each runs under every MPI of {@link
 * MpiLauncher#selected()}, named {@code np=N openmpi} or {@code np=N mpich}.
 */
public final class MpiExtension
        implements TestTemplateInvocationContextProvider, InvocationInterceptor {

    /** Configuration parameter (or system property) listing the rank counts to run. */
    public static final String NP_FILTER = "jmpi.np";

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(MpiExtension.class);

    /** Creates the extension; JUnit does this through {@link MpiTest}. */
    public MpiExtension() {}

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context
                .getTestMethod()
                .filter(m -> AnnotationSupport.isAnnotated(m, MpiTest.class))
                .isPresent();
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(
            ExtensionContext context) {
        Method method = context.getRequiredTestMethod();
        if (Ranks.inRank()) {
            return Stream.of(new NpInvocation(Ranks.size(), null, List.of()));
        }
        MpiMethods.byName(context.getRequiredTestClass()); // rejects overloads
        Set<Integer> filter = npFilter(context);
        JobRunner runner =
                context
                        .getRoot()
                        .getStore(NAMESPACE)
                        .getOrComputeIfAbsent(JobRunner.class, key -> new JobRunner(filter), JobRunner.class);
        List<TestTemplateInvocationContext> invocations = new ArrayList<>();
        for (MpiLauncher mpi :
                MpiLauncher.selected(context.getConfigurationParameter(MpiLauncher.MPIS).orElse(""))) {
            Arrays.stream(MpiMethods.spec(method).np())
                    .distinct()
                    .filter(n -> runner.allowed(mpi, n))
                    .forEach(
                            np ->
                                    invocations.add(
                                            new NpInvocation(np, mpi, List.of(new JobOutcome(runner, np, mpi)))));
        }
        if (invocations.isEmpty()) {
            return Stream.of(new NpInvocation(0, null, List.of(new FilteredOut())));
        }
        return invocations.stream();
    }

    @Override
    public void interceptBeforeAllMethod(
            Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext,
            ExtensionContext context)
            throws Throwable {
        proceedInRank(invocation, true);
    }

    @Override
    public void interceptAfterAllMethod(
            Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext,
            ExtensionContext context)
            throws Throwable {
        proceedInRank(invocation, true);
    }

    @Override
    public void interceptBeforeEachMethod(
            Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext,
            ExtensionContext context)
            throws Throwable {
        proceedInRank(invocation, isMpiTest(context));
    }

    @Override
    public void interceptAfterEachMethod(
            Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext,
            ExtensionContext context)
            throws Throwable {
        proceedInRank(invocation, isMpiTest(context));
    }

    private static boolean isMpiTest(ExtensionContext context) {
        return context
                .getTestMethod()
                .filter(m -> AnnotationSupport.isAnnotated(m, MpiTest.class))
                .isPresent();
    }

    private static void proceedInRank(Invocation<Void> invocation, boolean rankOnly)
            throws Throwable {
        if (rankOnly && !Ranks.inRank()) {
            invocation.skip();
        } else {
            invocation.proceed();
        }
    }

    /** The rank counts allowed by {@code jmpi.np}, or {@code null} if it is absent or blank. */
    static Set<Integer> npFilter(ExtensionContext context) {
        String value = context.getConfigurationParameter(NP_FILTER).orElse("").strip();
        if (value.isEmpty()) {
            return null;
        }
        Set<Integer> allowed = new LinkedHashSet<>();
        for (String part : value.split("\\s*,\\s*")) {
            try {
                allowed.add(Integer.parseInt(part));
            } catch (NumberFormatException e) {
                throw new ExtensionConfigurationException(
                        NP_FILTER + " must be a comma-separated list of rank counts, not '" + value + "'", e);
            }
        }
        return allowed;
    }

    /** One invocation of an {@code @MpiTest} method, named for its rank count and MPI. */
    private record NpInvocation(int np, MpiLauncher mpi, List<Extension> extensions)
            implements TestTemplateInvocationContext {
        @Override
        public List<Extension> getAdditionalExtensions() {
            return extensions;
        }

        @Override
        public String getDisplayName(int invocationIndex) {
            return np == 0 ? "np filtered out" : "np=" + np + (mpi == null ? "" : " " + mpi.id);
        }
    }

    /** Replaces the test body with the outcome of the job at one rank count under one MPI. */
    private record JobOutcome(JobRunner runner, int np, MpiLauncher mpi)
            implements InvocationInterceptor {
        @Override
        public void interceptTestTemplateMethod(
                Invocation<Void> invocation,
                ReflectiveInvocationContext<Method> invocationContext,
                ExtensionContext context) {
            invocation.skip();
            runner
                    .outcome(
                            context.getRequiredTestClass(), np, mpi, context.getRequiredTestMethod().getName())
                    .report();
        }
    }

    /** Aborts the single invocation of a method none of whose rank counts {@code jmpi.np} allows. */
    private record FilteredOut() implements InvocationInterceptor {
        @Override
        public void interceptTestTemplateMethod(
                Invocation<Void> invocation,
                ReflectiveInvocationContext<Method> invocationContext,
                ExtensionContext context) {
            invocation.skip();
            throw new TestAbortedException(
                    "np filtered out by jmpi.np: the test runs at np "
                            + Arrays.toString(MpiMethods.spec(context.getRequiredTestMethod()).np())
                            + " but jmpi.np="
                            + context.getConfigurationParameter(NP_FILTER).orElse(""));
        }
    }
}
