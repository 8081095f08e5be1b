package org.jmpi.bench.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * Draws one PNG per benchmark with XChart (headless): the median of every
 * implementation against message size on log-log axes, or a bar per implementation for
 * a benchmark of one size (barrier, atomics). The title names the MPI; rows of several
 * MPIs get one PNG per benchmark and MPI.
 */
public final class Plotter {
    private static final int WIDTH = 900;
    private static final int HEIGHT = 560;

    private Plotter() {
    }

    /**
     * Writes {@code <dir>/<benchmark>.png} for each benchmark in {@code rows}, or
     * {@code <dir>/<benchmark>-<mpi>.png} when they hold several MPIs; returns the files.
     */
    public static List<Path> plot(List<ResultRow> rows, Path dir) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Map<List<Object>, List<ResultRow>> charts = new LinkedHashMap<>();
        for (ResultRow r : rows) {
            charts.computeIfAbsent(List.of(r.benchmark(), r.mpi()), k -> new ArrayList<>()).add(r);
        }
        boolean severalMpis = rows.stream().map(ResultRow::mpi).distinct().count() > 1;
        List<Path> files = new ArrayList<>();
        for (List<ResultRow> chart : charts.values()) {
            ResultRow first = chart.getFirst();
            Path file = dir.resolve(first.benchmark() + (severalMpis ? "-" + first.mpi().id : "") + ".png");
            boolean oneSize = chart.stream().map(ResultRow::size).distinct().count() == 1;
            if (oneSize) {
                bars(chart, file);
            } else {
                lines(chart, file);
            }
            files.add(file);
        }
        return files;
    }

    private static String valueAxis(Metric m) {
        return (m == Metric.LATENCY ? "Latency" : "Bandwidth") + " (" + m.unit() + "), median";
    }

    private static Map<Variant, List<ResultRow>> byVariant(List<ResultRow> rows) {
        Map<Variant, List<ResultRow>> map = new LinkedHashMap<>();
        for (ResultRow r : rows) {
            map.computeIfAbsent(r.variant(), k -> new ArrayList<>()).add(r);
        }
        return map;
    }

    private static void lines(List<ResultRow> rows, Path file) throws IOException {
        ResultRow first = rows.getFirst();
        Metric m = first.metric();
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title("jmpi " + first.benchmark() + " on " + first.mpi().title + ": Java beside C (np=2, bound to cores)")
                .xAxisTitle("Message size (bytes)").yAxisTitle(valueAxis(m)).build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setXAxisDecimalPattern("#,##0");
        chart.getStyler().setYAxisDecimalPattern("#,##0.###");
        chart.getStyler().setLegendPosition(m == Metric.LATENCY
                ? Styler.LegendPosition.InsideNW : Styler.LegendPosition.InsideSE);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        for (Map.Entry<Variant, List<ResultRow>> e : byVariant(rows).entrySet()) {
            // Log axes take positive values only.
            List<ResultRow> points = e.getValue().stream()
                    .filter(r -> r.size() > 0 && r.stats().median() > 0).toList();
            if (points.isEmpty()) {
                continue;
            }
            double[] x = points.stream().mapToDouble(r -> r.size()).toArray();
            double[] y = points.stream().mapToDouble(r -> r.stats().median()).toArray();
            chart.addSeries(e.getKey().title(), x, y);
        }
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    private static void bars(List<ResultRow> rows, Path file) throws IOException {
        ResultRow first = rows.getFirst();
        Metric m = first.metric();
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title("jmpi " + first.benchmark() + " (" + first.size() + " B) on " + first.mpi().title
                        + ": Java beside C")
                .xAxisTitle("Implementation").yAxisTitle(valueAxis(m)).build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        List<String> names = new ArrayList<>();
        List<Double> medians = new ArrayList<>();
        for (Map.Entry<Variant, List<ResultRow>> e : byVariant(rows).entrySet()) {
            names.add(e.getKey().title());
            medians.add(e.getValue().getFirst().stats().median());
        }
        chart.addSeries("median", names, medians);
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }
}
