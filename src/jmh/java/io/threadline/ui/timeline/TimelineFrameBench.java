package io.threadline.ui.timeline;

import io.threadline.bench.ResourceTraceMaker;
import io.threadline.bench.TraceMaker;
import io.threadline.trace.Trace;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Figure 4 of the suite: frame times of the timeline at 1920x1080 in the software pipeline, as CI
 * runs it (Monocle headless). Started by the suite in its own JVM with
 * {@code -Djavafx.animation.fullspeed=true}, so pulses follow each other as fast as frames are
 * made: the time between two pulses, each panning the view by a pixel (every lane is binned
 * afresh) and redrawing, is the frame time, painting on the render thread included.
 *
 * <p>Prints {@code RESULT name value unit} lines. Arguments: {@code events:threads,...} and the
 * number of frames to measure.
 */
public final class TimelineFrameBench {
    private static Stage stage;
    private static TimelineView view;

    public static void main(String[] args) throws Exception {
        String[] configs = args.length > 0 ? args[0].split(",") : new String[] {"10000:64", "1000000:64"};
        int frames = args.length > 1 ? Integer.parseInt(args[1]) : 120;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        CompletableFuture<Void> up = new CompletableFuture<>();
        Platform.startup(() -> up.complete(null));
        up.get(30, TimeUnit.SECONDS);
        onFx(() -> {
            view = new TimelineView();
            stage = new Stage();
            stage.setX(0);
            stage.setY(0);
            stage.setScene(new Scene(view, 1920, 1080));
            stage.show();
        });
        // the reference: the same window with nothing to show (background, ruler, an empty canvas)
        measure(warmup);
        long floorCpu0 = renderCpu();
        long[][] empty = measure(frames);
        System.out.println("RESULT timeline.floor.median " + millis(percentile(empty[0], 50)) + " ms");
        System.out.println("RESULT timeline.floor.cpu.fx " + millis(percentile(empty[2], 50)) + " ms");
        System.out.println("RESULT timeline.floor.cpu.render " + millis((renderCpu() - floorCpu0) / frames) + " ms");
        for (String config : configs) {
            String[] c = config.split(":");
            long events = Long.parseLong(c[0]);
            int threads = Integer.parseInt(c[1]);
            // events:threads, or events:threads:locks for resource lanes (the same trace plus
            // that many locks with as many events again), shown open and scrolled into view
            int locks = c.length > 2 ? Integer.parseInt(c[2]) : 0;
            Trace trace = locks == 0 ? TraceMaker.make(events, threads, 42)
                    : ResourceTraceMaker.make(events, threads, locks, events, 42);
            onFx(() -> {
                view.traceProperty().set(trace);
                if (locks > 0) {
                    view.rows().setResourcesOpen(true);
                    view.refresh();
                    view.layout();
                }
            });
            for (String zoom : new String[] {"fit", "1%"}) {
                onFx(() -> {
                    view.fit();
                    if (zoom.equals("1%")) {
                        double mid = trace.endTime() / 2.0;
                        double half = trace.endTime() / 200.0;
                        view.showWindow((long) (mid - half), (long) (mid + half));
                    }
                });
                if (locks > 0) {
                    onFx(() -> view.setScrollY(view.rows().rowOfResource(0).y()));
                }
                measure(warmup);
                long renderCpu0 = renderCpu();
                long[][] m = measure(frames);
                long renderCpu = (renderCpu() - renderCpu0) / frames;
                String name = "timeline." + events + "." + threads + (locks > 0 ? "." + locks + "locks" : "") + "."
                        + zoom;
                System.out.println("RESULT " + name + ".median " + millis(percentile(m[0], 50)) + " ms");
                System.out.println("RESULT " + name + ".p99 " + millis(percentile(m[0], 99)) + " ms");
                System.out.println("RESULT " + name + ".fx.median " + millis(percentile(m[1], 50)) + " ms");
                System.out.println("RESULT " + name + ".fx.p99 " + millis(percentile(m[1], 99)) + " ms");
                // CPU time, which the other users of a shared machine do not inflate
                System.out.println("RESULT " + name + ".cpu.fx " + millis(percentile(m[2], 50)) + " ms");
                System.out.println("RESULT " + name + ".cpu.render " + millis(renderCpu) + " ms");
                System.out.flush();
            }
            onFx(() -> view.traceProperty().set(null));
        }
        Platform.exit();
        System.exit(0);
    }

    /** Frame intervals and FX-thread draw times of {@code n} consecutive frames, nanoseconds. */
    private static long[][] measure(int n) throws Exception {
        long[] interval = new long[n];
        long[] draw = new long[n];
        long[] cpu = new long[n];
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> new AnimationTimer() {
            int frame = -1;
            long last;

            @Override
            public void handle(long now) {
                long t = System.nanoTime();
                long c0 = mx.getCurrentThreadCpuTime();
                if (frame >= 0) {
                    interval[frame] = t - last;
                }
                last = t;
                frame++;
                if (frame == n) {
                    stop();
                    done.complete(null);
                    return;
                }
                view.panBy((frame & 1) == 0 ? 1 : -1);
                view.redrawNow();
                draw[frame] = System.nanoTime() - t;
                cpu[frame] = mx.getCurrentThreadCpuTime() - c0;
            }
        }.start());
        done.get(10, TimeUnit.MINUTES);
        return new long[][] {interval, draw, cpu};
    }

    /** CPU time so far of the thread that paints (Prism's render thread). */
    private static long renderCpu() {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("QuantumRenderer")) {
                sum += mx.getThreadCpuTime(t.getId());
            }
        }
        return sum;
    }

    private static long percentile(long[] values, int p) {
        long[] s = values.clone();
        Arrays.sort(s);
        int i = (int) Math.ceil(p / 100.0 * s.length) - 1;
        return s[Math.max(0, Math.min(s.length - 1, i))];
    }

    private static String millis(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.2f", nanos / 1e6);
    }

    private static void onFx(Runnable r) throws Exception {
        CompletableFuture<Void> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                r.run();
                f.complete(null);
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        });
        f.get(5, TimeUnit.MINUTES);
    }
}
