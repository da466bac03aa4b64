/**
 * JavaFX helpers that know nothing of threads or traces, used by every part of the window:
 * {@link io.threadline.ui.control.Tips} (tooltips made on first hover) and
 * {@link io.threadline.ui.control.LazyTab} (a tab's content joins the scene when first selected).
 * Both exist for the start-up: what the first frame need not show, it should not build or style.
 */
package io.threadline.ui.control;
