package org.jmpi.bindings;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * The few libc calls the native loaders need before any MPI or UCX library runs:
 * {@code setenv}/{@code getenv} (UCX reads its options when it is loaded) and
 * {@code dlopen} with explicit flags (the JDK itself always loads {@code RTLD_LOCAL}).
 */
public final class NativeEnv {
    /** {@code RTLD_LAZY} on Linux/glibc. */
    public static final int RTLD_LAZY = 0x1;
    /** {@code RTLD_NOW} on Linux/glibc. */
    public static final int RTLD_NOW = 0x2;
    /** {@code RTLD_NOLOAD} on Linux/glibc. */
    public static final int RTLD_NOLOAD = 0x4;
    /** {@code RTLD_GLOBAL} on Linux/glibc. */
    public static final int RTLD_GLOBAL = 0x100;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LIBC = LINKER.defaultLookup();
    // Every process loading MPI calls dlopen; the others are linked on first use (a downcall
    // handle of a new signature costs a generated class), in holders of their own. setenv
    // is not called when the launcher has set the variables already (jmpirun does).
    private static final MethodHandle DLOPEN = handle("dlopen",
            FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT));

    private NativeEnv() {
    }

    /** {@code setenv}, linked on first use. */
    private static final class Setenv {
        static final MethodHandle HANDLE = handle("setenv",
                FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT));
    }

    /** {@code getenv}, linked on first use. */
    private static final class Getenv {
        static final MethodHandle HANDLE = handle("getenv", FunctionDescriptor.of(ADDRESS, ADDRESS));
    }

    /** {@code dlsym}, linked on first use. */
    private static final class Dlsym {
        static final MethodHandle HANDLE = handle("dlsym", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS));
    }

    /** {@code dlerror}, linked on first use (when a {@code dlopen} fails). */
    private static final class Dlerror {
        static final MethodHandle HANDLE = handle("dlerror", FunctionDescriptor.of(ADDRESS));
    }

    private static MethodHandle handle(String name, FunctionDescriptor fd) {
        return LINKER.downcallHandle(LIBC.findOrThrow(name), fd);
    }

    /**
     * Sets a variable in the process environment (visible to native code, unlike
     * {@link System#getenv()}), keeping an existing value unless {@code overwrite}.
     */
    public static void setenv(String name, String value, boolean overwrite) {
        try (Arena arena = Arena.ofConfined()) {
            int rc = (int) Setenv.HANDLE.invokeExact(arena.allocateFrom(name), arena.allocateFrom(value),
                    overwrite ? 1 : 0);
            if (rc != 0) {
                throw new IllegalStateException("setenv(" + name + ") failed");
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /** Reads the process environment as native code sees it; {@code null} when unset. */
    public static String getenv(String name) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment p = (MemorySegment) Getenv.HANDLE.invokeExact(arena.allocateFrom(name));
            return p.equals(MemorySegment.NULL) ? null : p.reinterpret(Long.MAX_VALUE).getString(0);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /**
     * Calls {@code dlopen(name, flags)}; the handle is never closed (the library stays
     * loaded for the life of the process).
     *
     * @throws UnsatisfiedLinkError with {@code dlerror()}'s text when the library cannot be opened
     */
    public static MemorySegment dlopen(String name, int flags) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment h = (MemorySegment) DLOPEN.invokeExact(arena.allocateFrom(name), flags);
            if (h.equals(MemorySegment.NULL)) {
                MemorySegment err = (MemorySegment) Dlerror.HANDLE.invokeExact();
                String why = err.equals(MemorySegment.NULL) ? "unknown error"
                        : err.reinterpret(Long.MAX_VALUE).getString(0);
                throw new UnsatisfiedLinkError("dlopen(" + name + "): " + why);
            }
            return h;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /**
     * Whether {@code name} resolves in the process's global scope
     * ({@code dlsym(RTLD_DEFAULT, name)}), i.e. what dlopened plugins can see.
     */
    public static boolean isGlobalSymbol(String name) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment p = (MemorySegment) Dlsym.HANDLE.invokeExact(MemorySegment.NULL, arena.allocateFrom(name));
            return !p.equals(MemorySegment.NULL);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }
}
