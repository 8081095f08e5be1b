package org.jmpi.test;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultFileTest {

    @TempDir Path dir;

    @Test
    void linesRoundTripAndPartialLinesWaitForTheirEnd() throws IOException {
        ResultFile.Line fail =
                new ResultFile.Line(
                        ResultFile.Kind.FAIL, "m", "java.lang.Error: two\nlines\n\tat X.y(X.java:1)\n");
        ResultFile.Line timeout =
                new ResultFile.Line(ResultFile.Kind.TIMEOUT, "m", "waiting for ranks [1, 3]");
        ResultFile.Line pass = new ResultFile.Line(ResultFile.Kind.PASS, "n", "");
        ResultFile.Follower follower = new ResultFile.Follower(ResultFile.path(dir, 2));
        try (ResultFile file = ResultFile.open(dir, 2)) {
            file.write(fail);
            file.write(timeout);
        }
        Files.writeString(
                ResultFile.path(dir, 2), "PASS n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        assertEquals(List.of(fail, timeout), follower.newLines());
        Files.writeString(
                ResultFile.path(dir, 2), " -\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        assertEquals(List.of(pass), follower.newLines());
        assertEquals(List.of(fail, timeout, pass), ResultFile.readAll(ResultFile.path(dir, 2)));
    }

    @Test
    void summaryDropsTheStackTrace() {
        assertEquals(
                "java.lang.Error: two\nlines",
                JobResult.summary("java.lang.Error: two\nlines\n\tat X.y(X.java:1)\n"));
    }
}
