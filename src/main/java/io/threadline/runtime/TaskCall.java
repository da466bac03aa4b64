package io.threadline.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One call of a task's function on a worker (a pool's, an executor's): its value, or the error
 * it raised, which belongs to whoever asks for the result. The worker is back in the runtime's
 * own loop afterwards, so the scenario line is cleared until the next task.
 */
record TaskCall(Object value, RuntimeException error) {

    @SuppressWarnings("unchecked")
    static TaskCall of(Function<?, ?> fn, Object input) {
        try {
            return new TaskCall(((Function<Object, Object>) fn).apply(input), null);
        } catch (Killed k) {
            throw k;
        } catch (RuntimeException e) {
            return new TaskCall(null, e);
        } finally {
            ScenarioThread.restore(0);
        }
    }

    /** An executor's map: one future per input, submitted at once, the results taken in input order. */
    static <T, R> List<R> mapInOrder(List<T> inputs, Function<T, SimFuture<R>> submit) {
        List<SimFuture<R>> futures = new ArrayList<>();
        for (T x : inputs) {
            futures.add(submit.apply(x));
        }
        List<R> out = new ArrayList<>();
        for (SimFuture<R> f : futures) {
            out.add(f.result());
        }
        return out;
    }
}
