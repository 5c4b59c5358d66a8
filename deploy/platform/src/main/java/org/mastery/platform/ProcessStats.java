package org.mastery.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

/** Resident memory of processes, from {@code /proc} (Linux); 0 where it cannot be read. */
public final class ProcessStats {

    private ProcessStats() {
    }

    /** The resident set size of one process in bytes (VmRSS). */
    public static long rssBytes(long pid) {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    String[] fields = line.substring("VmRSS:".length()).trim().split("\\s+");
                    return Long.parseLong(fields[0]) * 1024L;
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone, or not Linux
        }
        return 0;
    }

    /**
     * The proportional set size in bytes (from {@code smaps_rollup}): shared pages divided among the
     * processes sharing them, so PostgreSQL's shared buffers count once across its processes.
     */
    public static long pssBytes(long pid) {
        Path rollup = Path.of("/proc", Long.toString(pid), "smaps_rollup");
        try {
            for (String line : Files.readAllLines(rollup)) {
                if (line.startsWith("Pss:")) {
                    String[] fields = line.substring("Pss:".length()).trim().split("\\s+");
                    return Long.parseLong(fields[0]) * 1024L;
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone, not Linux, or a kernel without smaps_rollup
        }
        return 0;
    }

    public static long pssBytes(Collection<Long> pids) {
        return pids.stream().mapToLong(ProcessStats::pssBytes).sum();
    }

    public static long rssBytes(Collection<Long> pids) {
        return pids.stream().mapToLong(ProcessStats::rssBytes).sum();
    }

    /**
     * CPU time a process has used so far (user + system, from {@code /proc/<pid>/stat}, in clock ticks
     * of 1/100 s as on every common Linux), or zero where it cannot be read.
     */
    public static java.time.Duration cpuTime(long pid) {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        try {
            String line = Files.readString(stat);
            // the command name (field 2) may contain spaces: count fields after its closing parenthesis
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14, 15)
            return java.time.Duration.ofMillis(ticks * 10);
        } catch (IOException | RuntimeException e) {
            return java.time.Duration.ZERO;
        }
    }

    public static String mebibytes(long bytes) {
        return Math.round(bytes / (1024.0 * 1024.0)) + " MiB";
    }
}
