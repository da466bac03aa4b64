package io.threadline.ui;

/**
 * What the user asked to export: a picture (PNG, SVG) or a recording (GIF, PNG sequence), and how
 * it should look. Made by {@link ExportDialog}, carried out by {@link FileMenu}.
 *
 * @param kind     the file kind
 * @param wholeRun the whole run, or the window the timeline shows
 * @param scale    pixels per point (PNG, GIF, PNG sequence)
 * @param dark     dark colours
 * @param large    presentation sizes (larger lanes and text)
 * @param width    picture width in points
 * @param heading  scenario, parameters and seed above the timeline
 * @param speed    recording: scenario seconds per second
 * @param fps      recording: frames per second
 * @param output   recording: the last printed lines under the lanes
 */
record ExportRequest(Kind kind, boolean wholeRun, double scale, boolean dark, boolean large, double width,
                     boolean heading, double speed, double fps, boolean output) {

    enum Kind {
        PNG("PNG picture", "png", false),
        SVG("SVG picture (sharp at any size)", "svg", false),
        GIF("Animated GIF", "gif", true),
        FRAMES("PNG sequence (a folder of frames)", null, true);

        final String label;
        /** File extension, or null for a folder. */
        final String extension;
        final boolean recording;

        Kind(String label, String extension, boolean recording) {
            this.label = label;
            this.extension = extension;
            this.recording = recording;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    ExportRequest with(Kind k) {
        return new ExportRequest(k, wholeRun, scale, dark, large, width, heading, speed, fps, output);
    }

    ExportRequest withWholeRun() {
        return new ExportRequest(kind, true, scale, dark, large, width, heading, speed, fps, output);
    }
}
