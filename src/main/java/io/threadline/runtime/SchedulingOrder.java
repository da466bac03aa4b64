package io.threadline.runtime;

/** Which of several ready threads proceeds first. */
public enum SchedulingOrder {
    /** First come, first served: the same run every time. */
    FIFO,
    /** A seeded random pick: different seeds show different interleavings, one seed always the same. */
    RANDOM
}
