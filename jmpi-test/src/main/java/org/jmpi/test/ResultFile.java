package org.jmpi.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * One rank's results file, {@code rank-<R>.results} in the job directory: the only channel from a
 * rank to its peers and to the surefire JVM. Each line is written whole and forced to disk, so a
 * reader sees only complete lines, even from a rank that died a moment later.
 *
 * <p>Line forms: {@code START <method>}, {@code PASS|FAIL|ABORT <method> <base64 text or ->}, and
 * {@code TIMEOUT <method> [waiting for ranks [..]]}.
 */
final class ResultFile implements AutoCloseable {

    /** What a line says about a method. */
    enum Kind {
        START,
        PASS,
        FAIL,
        ABORT,
        TIMEOUT;

        boolean isResult() {
            return this == PASS || this == FAIL || this == ABORT;
        }
    }

    /** One parsed line; {@code detail} is the decoded throwable text, timeout note, or empty. */
    record Line(Kind kind, String method, String detail) {

        static Line parse(String text) {
            String[] parts = text.split(" ", 3);
            Kind kind = Kind.valueOf(parts[0]);
            String rest = parts.length > 2 ? parts[2] : "";
            String detail =
                    kind.isResult() && !rest.equals("-")
                            ? new String(Base64.getDecoder().decode(rest), StandardCharsets.UTF_8)
                            : kind.isResult() ? "" : rest;
            return new Line(kind, parts[1], detail);
        }

        String format() {
            String rest =
                    kind.isResult()
                            ? (detail.isEmpty()
                                    ? "-"
                                    : Base64.getEncoder().encodeToString(detail.getBytes(StandardCharsets.UTF_8)))
                            : detail;
            return rest.isEmpty() ? kind + " " + method : kind + " " + method + " " + rest;
        }
    }

    private final FileChannel channel;

    private ResultFile(FileChannel channel) {
        this.channel = channel;
    }

    static Path path(Path dir, int rank) {
        return dir.resolve("rank-" + rank + ".results");
    }

    /** Opens (creating if needed) the results file of {@code rank} for appending. */
    static ResultFile open(Path dir, int rank) throws IOException {
        return new ResultFile(
                FileChannel.open(
                        path(dir, rank),
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND));
    }

    /** Appends one line and forces it to disk; safe to call from the watchdog thread. */
    synchronized void write(Line line) {
        ByteBuffer bytes = ByteBuffer.wrap((line.format() + "\n").getBytes(StandardCharsets.UTF_8));
        try {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }

    /** All complete lines of a results file; none if it does not exist. */
    static List<Line> readAll(Path file) throws IOException {
        Follower follower = new Follower(file);
        return follower.newLines();
    }

    /** Reads a results file incrementally, returning only lines completed since the last call. */
    static final class Follower {
        private final Path file;
        private long position;

        Follower(Path file) {
            this.file = file;
        }

        List<Line> newLines() throws IOException {
            byte[] bytes;
            try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
                long size = in.size();
                if (size <= position) {
                    return List.of();
                }
                ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(size - position));
                while (buffer.hasRemaining() && in.read(buffer, position + buffer.position()) >= 0) {
                    // keep reading until the snapshot size is filled
                }
                bytes = new byte[buffer.position()];
                buffer.flip().get(bytes);
            } catch (NoSuchFileException e) {
                return List.of();
            }
            List<Line> lines = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    lines.add(Line.parse(new String(bytes, start, i - start, StandardCharsets.UTF_8)));
                    start = i + 1;
                }
            }
            position += start;
            return lines;
        }
    }
}
