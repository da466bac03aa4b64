package io.threadline.scenario;

import io.threadline.runtime.Program;
import io.threadline.scenario.Moments.Moment;
import io.threadline.scenario.program.EventProgram;
import io.threadline.trace.Reason;
import io.threadline.trace.ThreadState;
import io.threadline.trace.Trace;

import java.util.ArrayList;
import java.util.List;

/** An event as a traffic light: set() releases every waiter at once, clear() makes later ones wait. */
public final class EventScenario extends ScenarioSpec {
    @Override
    public String id() {
        return "event";
    }

    @Override
    public String title() {
        return "Event: a traffic light";
    }

    @Override
    public String summary() {
        return "Cars wait at a red light; one set() sends them all on, clear() stops the next ones.";
    }

    @Override
    public String explanation() {
        return """
                The main thread is a traffic light, and the light is an Event: a flag that \
                threads can wait for. Red is clear, green is set. Cars arrive one after another \
                and call wait(): while the flag is clear they wait (event); while it is set, \
                wait() returns at once.

                set() wakes every waiting thread, not just one: unlike a lock or a semaphore, \
                an event lets any number through. A car that arrives while it is green never \
                waits. clear() turns the light red again, so cars that arrive later wait for \
                the next set().

                Notice: when the light turns green, all waiting cars become runnable at the same \
                instant, every arrow coming from the Light.""";
    }

    @Override
    public String icon() {
        return "mdi2f-flag-checkered";
    }

    @Override
    public String mainThread() {
        return "Light";
    }

    @Override
    protected List<ParamSpec> ownParams() {
        return List.of(
                ParamSpec.integer("cars", "Cars", "cars arriving at the light", 5, 1, 32),
                ParamSpec.seconds("gap", "Gap", "seconds between two cars' arrivals", 0.7, 0, 30),
                ParamSpec.seconds("red", "Red", "seconds the light stays red (clear)", 2, 0.1, 30),
                ParamSpec.seconds("green", "Green", "seconds the light stays green (set)", 1, 0.1, 30));
    }

    @Override
    public ParamSpec comparedParam() {
        return param("cars");
    }

    @Override
    protected Program program(ParamValues v) {
        return new EventProgram(v.integer("cars"), v.seconds("gap"), v.seconds("red"), v.seconds("green"));
    }

    @Override
    public List<TourStep> tour(Trace trace) {
        Moments m = new Moments(trace);
        int light = trace.threadNamed(mainThread());
        List<TourStep> steps = new ArrayList<>();
        steps.add(new TourStep(m.printed("Light turns red").time(), light, "Red: the event is clear",
                "An Event starts clear, and clear() keeps it so: the light is red. The cars are still driving up "
                        + "(waiting: sleep)."));
        Moment firstWait = m.first(ThreadState.WAITING, Reason.EVENT, 0);
        if (firstWait.found()) {
            steps.add(new TourStep(firstWait.time(), firstWait.thread(), "A car waits at red",
                    m.name(firstWait.thread()) + " calls wait() while the event is clear: it waits (event)."));
            Moment green = m.printedContaining("Light turns green", firstWait.time());
            int woken = m.wokenAt(green.time(), light, Reason.EVENT).size();
            steps.add(new TourStep(green.time(), light, "set() wakes them all",
                    "The light calls set(): " + (woken == 1 ? "the waiting car is" : "all " + woken + " waiting cars are")
                            + " woken at this instant, each by the Light (follow the arrows)."));
        }
        Moment through = m.printedContaining("the light is green", 0);
        if (through.found()) {
            steps.add(new TourStep(through.time(), through.thread(), "No waiting at green",
                    m.name(through.thread()) + " arrives while the event is set: wait() returns at once."));
        }
        Moment secondRed = m.printedContaining("Light turns red", Math.max(1, m.printed("Light turns green").time()));
        Moment againWait = m.first(ThreadState.WAITING, Reason.EVENT, Math.max(0, secondRed.time()));
        if (secondRed.found() && againWait.found()) {
            steps.add(new TourStep(againWait.time(), againWait.thread(), "clear(): red again",
                    "The light has called clear(), so " + m.name(againWait.thread())
                            + " waits, until the next set()."));
        }
        steps.add(new TourStep(m.printed("All cars are through").time(), light, "Every car is through",
                "The light stops once no car thread is alive."));
        return Moments.inTimeOrder(steps);
    }

    @Override
    public Prediction prediction(ParamValues v) {
        return new Prediction("Two or more cars wait at red. The light turns green (set()). What happens?",
                List.of("all waiting cars drive on at the same instant",
                        "one car drives on per set()",
                        "they drive on one at a time, each after the previous one"),
                trace -> {
                    Moments m = new Moments(trace);
                    int light = trace.threadNamed(mainThread());
                    Moment firstWait = m.first(ThreadState.WAITING, Reason.EVENT, 0);
                    if (!firstWait.found()) {
                        return -1;
                    }
                    long green = m.printedContaining("Light turns green", firstWait.time()).time();
                    int woken = m.wokenAt(green, light, Reason.EVENT).size();
                    int waiting = m.waitingAt(green - 1, Reason.EVENT).size();
                    return woken == waiting ? 0 : woken == 1 ? 1 : 2;
                });
    }

    @Override
    public List<String> lessonResources() {
        return List.of("green light");
    }
}
