package org.atrium.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the figures were measured on, from /proc and the JVM (Linux only, like bin/karaf). */
final class Machine {
    /** Linux reports process times in clock ticks; USER_HZ is 100 on every common kernel. */
    private static final double TICKS_PER_SECOND = 100.0;

    private Machine() {
    }

    static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    static String cpuModel() {
        return procLine("/proc/cpuinfo", "model name").map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown");
    }

    static String memory() {
        return procLine("/proc/meminfo", "MemTotal").map(l -> {
            long kb = Long.parseLong(l.replaceAll("[^0-9]", ""));
            return String.format("%.1f GiB", kb / 1024.0 / 1024.0);
        }).orElse("unknown");
    }

    static String os() {
        String pretty = procLine("/etc/os-release", "PRETTY_NAME")
                .map(l -> l.substring(l.indexOf('=') + 1).replace("\"", "")).orElse(System.getProperty("os.name"));
        return pretty + ", kernel " + System.getProperty("os.version");
    }

    static String jdk() {
        return System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (" + System.getProperty("java.vendor") + ")";
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The 1-minute load average as a number, to notice other work on the machine. */
    static double load1() {
        try {
            return Double.parseDouble(loadAverage().split(" ")[0]);
        } catch (RuntimeException e) {
            return -1;
        }
    }

    static double processCpuSeconds(long pid) {
        return processCpuSeconds(pid, Path.of("/proc/" + pid + "/stat"));
    }

    /** utime + stime of a /proc/.../stat file (a process or one of its threads). */
    static double processCpuSeconds(long pid, Path statFile) {
        try {
            String stat = Files.readString(statFile);
            // the command name may contain spaces: fields are counted after its closing parenthesis
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** CPU seconds this JVM's JIT compilers have used (approximately: their compilation time). */
    static double ownJitSeconds() {
        java.lang.management.CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() / 1000.0 : Double.NaN;
    }

    /** CPU seconds of this (the load generator's) JVM. */
    static double ownCpuSeconds() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime() / 1e9;
        }
        return Double.NaN;
    }

    /** Total CPU seconds of the whole machine (all processes, all cores) that were not idle. */
    static double machineBusySeconds() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i : new int[] {1, 2, 3, 6, 7}) { // user nice system irq softirq (not idle, iowait, steal, guest)
                busy += Long.parseLong(cpu[i]);
            }
            return busy / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static java.util.Optional<String> procLine(String file, String prefix) {
        try {
            List<String> lines = Files.readAllLines(Path.of(file));
            return lines.stream().filter(l -> l.startsWith(prefix)).findFirst();
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }
}
