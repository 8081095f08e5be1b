package org.jmpi.test;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The jmpi checkout a test runs in: the nearest directory at or above the working directory (a
 * module's, under surefire and under {@code mpirun}) that holds {@code native-scripts/}.
 */
public final class ProjectRoot {
    private ProjectRoot() {}

    /**
     * The project's root directory.
     *
     * @throws IllegalStateException if no directory above the working directory holds {@code
     *     native-scripts/lib.sh}
     */
    public static Path path() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("native-scripts/lib.sh"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no native-scripts/lib.sh at or above " + start);
    }

    /** The script {@code native-scripts/<name>} of the project. */
    public static Path script(String name) {
        return path().resolve("native-scripts").resolve(name);
    }
}
