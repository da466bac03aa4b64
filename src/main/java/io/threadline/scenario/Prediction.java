package io.threadline.scenario;

import io.threadline.trace.Trace;

import java.util.List;
import java.util.function.ToIntFunction;

/**
 * A question asked before a run ("which result comes first?"), whose answer the run then gives.
 *
 * @param answer index of the right choice, read from the finished trace (-1 if it cannot tell)
 */
public record Prediction(String question, List<String> choices, ToIntFunction<Trace> answer) {

    public int answerFor(Trace trace) {
        return answer.applyAsInt(trace);
    }
}
