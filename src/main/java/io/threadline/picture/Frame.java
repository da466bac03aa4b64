package io.threadline.picture;

import io.threadline.trace.Trace;

/**
 * What the parts of one picture share: the trace, the time scale of the lanes' body, how far the
 * run is revealed, and the look.
 */
record Frame(Trace trace, TimeScale scale, long horizon, PictureTheme theme, PictureMetrics metrics) {
}
