package io.threadline.scenario;

import io.threadline.runtime.RunOptions;

/**
 * The "switch_cost" parameter of the scenarios about CPU-bound threads: microseconds a forced
 * GIL hand-over takes (see RunOptions#switchCost). It is the machine's, not the program's: the
 * Python twins have no line for it.
 */
final class SwitchCost {
    static final String NAME = "switch_cost";

    static final ParamSpec PARAM = ParamSpec.integer(NAME, "GIL hand-over (µs)",
            "microseconds a forced switch of the GIL takes; CPython pays it each time a thread is made to give way",
            RunOptions.DEFAULT_SWITCH_COST, 0, 5_000);

    private SwitchCost() {
    }

    static RunOptions apply(RunOptions o, ParamValues v) {
        return o.withSwitchCost(v.longValue(NAME));
    }
}
