package io.valkeystreams.cli.compare;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Prints an {@link CompareRun.Outcome} as Markdown tables, or as a map for JSON. */
final class Report {

    private Report() {
    }

    /** Markdown tables: per family, per variant the median (min–max) of each figure; then the ratios. */
    public static void text(CompareRun.Outcome outcome, Map<String, Object> environment, PrintWriter out) {
        Settings settings = outcome.settings();
        out.println();
        environment.forEach((name, value) -> out.printf("%s: %s%n", name, value));
        out.printf("rounds: %d measured after %d warm-up, variants interleaved; cells: median (min-max)%n",
                settings.rounds(), settings.warmupRounds());
        for (FamilyResult family : outcome.families()) {
            out.println();
            out.printf("### %s: %s%n%n", family.name(), family.description());
            List<Metric> metrics = metrics(family);
            StringBuilder header = new StringBuilder("| variant |");
            StringBuilder rule = new StringBuilder("| --- |");
            for (Metric metric : metrics) {
                header.append(' ').append(metric.label()).append(" |");
                rule.append(" ---: |");
            }
            out.println(header);
            out.println(rule);
            for (String variant : family.variants()) {
                StringBuilder row = new StringBuilder("| " + variant + " |");
                for (Metric metric : metrics) {
                    row.append(' ').append(cell(family.summary(variant, metric), metric)).append(" |");
                }
                out.println(row);
            }
        }
        if (!outcome.ratios().isEmpty()) {
            out.println();
            out.println("### ratios (ours / peer, medians of the same run)");
            out.println();
            out.println("| ratio | ours | peer | ratio | target | |");
            out.println("| --- | ---: | ---: | ---: | ---: | --- |");
            for (Ratio ratio : outcome.ratios()) {
                out.printf(Locale.ROOT, "| %s | %s | %s | %.2f | %s | %s |%n", ratio.name(), number(ratio.ours()),
                        number(ratio.peer()), ratio.value(), ratio.target(),
                        ratio.hasTarget() ? (ratio.met() ? "met" : "MISSED") : "");
            }
        }
        IdleCpuScenario.Result idle = outcome.idle();
        if (idle != null) {
            out.println();
            out.printf(Locale.ROOT, "### idle CPU: %d containers (every group of the 7 platform streams), no traffic, "
                    + "%d s windows%n%n", idle.containers(), idle.window().toSeconds());
            out.printf(Locale.ROOT, "| without containers | subscribed | target | |%n| ---: | ---: | ---: | --- |%n"
                    + "| %.2f %% of a core | %.2f %% of a core | < 1 %% | %s |%n", idle.baselinePercent(),
                    idle.subscribedPercent(), idle.subscribedPercent() < 1.0 ? "met" : "MISSED");
        }
        out.flush();
    }

    /** The same as a map, for {@code --json}. */
    public static Map<String, Object> json(CompareRun.Outcome outcome, Map<String, Object> environment) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("environment", environment);
        root.put("settings", outcome.settings());
        List<Object> families = new ArrayList<>();
        for (FamilyResult family : outcome.families()) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("name", family.name());
            f.put("description", family.description());
            List<Object> variants = new ArrayList<>();
            for (String variant : family.variants()) {
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("name", variant);
                Map<String, Object> summary = new LinkedHashMap<>();
                for (Metric metric : metrics(family)) {
                    summary.put(metric.name().toLowerCase(Locale.ROOT), family.summary(variant, metric));
                }
                v.put("summary", summary);
                v.put("rounds", family.samples(variant));
                variants.add(v);
            }
            f.put("variants", variants);
            families.add(f);
        }
        root.put("families", families);
        List<Object> ratios = new ArrayList<>();
        for (Ratio ratio : outcome.ratios()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("name", ratio.name());
            r.put("ours", ratio.ours());
            r.put("peer", ratio.peer());
            r.put("ratio", ratio.value());
            r.put("target", ratio.hasTarget() ? ratio.target() : null);
            r.put("met", ratio.hasTarget() ? ratio.met() : null);
            ratios.add(r);
        }
        root.put("ratios", ratios);
        if (outcome.idle() != null) {
            Map<String, Object> idle = new LinkedHashMap<>();
            idle.put("containers", outcome.idle().containers());
            idle.put("window_seconds", outcome.idle().window().toSeconds());
            idle.put("baseline_percent_of_core", outcome.idle().baselinePercent());
            idle.put("subscribed_percent_of_core", outcome.idle().subscribedPercent());
            idle.put("threads", outcome.idle().threads());
            idle.put("met", outcome.idle().subscribedPercent() < 1.0);
            root.put("idle_cpu", idle);
        }
        return root;
    }

    /** The backlog result as text. */
    public static void backlog(BacklogScenario.Result result, PrintWriter out) {
        out.println();
        out.printf(Locale.ROOT, "### backlog: %,d events drained by one container (defaults, no-op handler)%n%n",
                result.events());
        out.printf(Locale.ROOT, "filled in %.1f s; drained in %.1f s (%,.0f events/s, with a full GC per sample)%n%n",
                result.fillSeconds(), result.drainSeconds(), result.perSecond());
        out.println("| seconds | handled | heap after GC MiB |");
        out.println("| ---: | ---: | ---: |");
        out.printf(Locale.ROOT, "| before | 0 | %.1f |%n", result.before());
        for (BacklogScenario.Point point : result.points()) {
            out.printf(Locale.ROOT, "| %.1f | %,d | %.1f |%n", point.seconds(), point.handled(), point.heapAfterGcMib());
        }
        out.printf(Locale.ROOT, "| after | %,d | %.1f |%n", result.events(), result.after());
        out.printf(Locale.ROOT, "%npeak heap after GC during the drain: %.1f MiB (%.1f MiB above the start)%n",
                result.peak(), result.peak() - result.before());
        out.flush();
    }

    private static List<Metric> metrics(FamilyResult family) {
        List<Metric> metrics = new ArrayList<>();
        metrics.add(Metric.THROUGHPUT);
        if (family.hasLatency()) {
            metrics.addAll(List.of(Metric.P50, Metric.P99, Metric.P999, Metric.MAX));
        }
        metrics.add(Metric.CPU);
        return metrics;
    }

    private static String cell(Summary summary, Metric metric) {
        return number(summary.median()) + " (" + number(summary.min()) + "-" + number(summary.max()) + ")";
    }

    private static String number(double value) {
        if (Math.abs(value) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
