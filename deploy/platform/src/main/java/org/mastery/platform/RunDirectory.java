package org.mastery.platform;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * {@code <data>/run/}: what a running platform leaves for {@code deploy/mastery status} and
 * {@code down} in another shell — a lock held by the launcher, a pid file per process (pid and
 * start time, so a recycled pid is never signalled), and the endpoints.
 */
public final class RunDirectory {

    static final String LAUNCHER = "launcher";
    private static final String STATE = "platform.properties";

    /**
     * Lock files this JVM holds. POSIX record locks belong to the process, and closing any descriptor
     * of the file drops them, so this JVM must never open a lock file it holds just to probe it.
     */
    private static final java.util.Set<Path> HELD = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final Path dir;

    public RunDirectory(Path dataDirectory) {
        this.dir = dataDirectory.toAbsolutePath().resolve("run");
    }

    public Path path() {
        return dir;
    }

    /** A pid file: the process id and when that process started. */
    public record PidRecord(String name, long pid, Optional<Instant> started) {

        /** The live process this record names, if it still runs (and is the same process, not a recycled pid). */
        public Optional<ProcessHandle> process() {
            Optional<ProcessHandle> handle = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
            if (handle.isEmpty() || started.isEmpty()) {
                return handle;
            }
            Optional<Instant> actual = handle.get().info().startInstant();
            if (actual.isPresent() && Math.abs(actual.get().toEpochMilli() - started.get().toEpochMilli()) > 2000) {
                return Optional.empty();
            }
            return handle;
        }

        public boolean isAlive() {
            return process().isPresent();
        }
    }

    /** The launcher's exclusive hold on a data directory; only one platform runs per directory. */
    public final class Lock implements AutoCloseable {
        private final FileChannel channel;
        private final FileLock lock;

        private Lock(FileChannel channel, FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }

        @Override
        public void close() {
            try {
                if (lock.isValid()) {
                    lock.release();
                }
                channel.close();
            } catch (IOException e) {
                // released when the JVM exits anyway
            } finally {
                HELD.remove(lockFile());
            }
        }
    }

    /** Takes the lock, or says who holds it. */
    public Lock lock() {
        if (HELD.contains(lockFile())) {
            throw new PlatformException("a platform is already running on " + dir.getParent() + " (in this JVM)");
        }
        try {
            Files.createDirectories(dir);
            FileChannel channel = FileChannel.open(lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                String holder = read(LAUNCHER).map(r -> " (launcher pid " + r.pid() + ")").orElse("");
                throw new PlatformException("a platform is already running on " + dir.getParent() + holder
                        + "; stop it with deploy/mastery down");
            }
            HELD.add(lockFile());
            return new Lock(channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a launcher holds the lock right now (without taking it). */
    public boolean isLocked() {
        if (HELD.contains(lockFile())) {
            return true;
        }
        if (!Files.exists(lockFile())) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile(), StandardOpenOption.WRITE)) {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                return true; // held by this very JVM
            }
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private Path lockFile() {
        return dir.resolve("launcher.lock");
    }

    public void writePid(String name, long pid) {
        Optional<Instant> started = ProcessHandle.of(pid).flatMap(h -> h.info().startInstant());
        write(dir.resolve(name + ".pid"), pid + started.map(s -> " " + s.toEpochMilli()).orElse("") + "\n");
    }

    public void removePid(String name) {
        try {
            Files.deleteIfExists(dir.resolve(name + ".pid"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<PidRecord> read(String name) {
        Path file = dir.resolve(name + ".pid");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            String[] fields = Files.readString(file, StandardCharsets.UTF_8).trim().split("\\s+");
            long pid = Long.parseLong(fields[0]);
            Optional<Instant> started = fields.length > 1 ? Optional.of(Instant.ofEpochMilli(Long.parseLong(fields[1]))) : Optional.empty();
            return Optional.of(new PidRecord(name, pid, started));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a half-written or foreign file is no evidence of a running process
        }
    }

    /** Every pid file but the launcher's, by name. */
    public Map<String, PidRecord> processes() {
        Map<String, PidRecord> records = new LinkedHashMap<>();
        if (!Files.isDirectory(dir)) {
            return records;
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".pid") && !n.equals(LAUNCHER + ".pid"))
                    .sorted()
                    .forEach(n -> read(n.substring(0, n.length() - 4)).ifPresent(r -> records.put(r.name(), r)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return records;
    }

    public void writeState(Map<String, String> state) {
        Properties properties = new Properties();
        properties.putAll(state);
        Path target = dir.resolve(STATE);
        try {
            Files.createDirectories(dir);
            Path tmp = dir.resolve(STATE + ".tmp");
            try (Writer writer = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                properties.store(writer, "Mastery local platform; written by the launcher");
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Map<String, String> readState() {
        Map<String, String> state = new LinkedHashMap<>();
        Path file = dir.resolve(STATE);
        if (!Files.isRegularFile(file)) {
            return state;
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            return state;
        }
        properties.stringPropertyNames().stream().sorted().forEach(k -> state.put(k, properties.getProperty(k)));
        return state;
    }

    private void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
