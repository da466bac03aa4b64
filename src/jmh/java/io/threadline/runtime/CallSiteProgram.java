package io.threadline.runtime;

import org.openjdk.jmh.annotations.CompilerControl;

/**
 * Stands for a scenario's program class in {@link CallSiteBench}: two call sites, as a loop
 * would have. The bench uses it as compiled (lines found by the walk) and as the build stamps
 * scenario programs (lines stamped as it runs).
 */
public final class CallSiteProgram implements CallSiteBench.Body {
    @Override
    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    public int body(CallSiteBench.FakeRuntime rt, int i) {
        if ((i & 1) == 0) {
            return rt.sleep();
        }
        return rt.sleep();
    }
}
