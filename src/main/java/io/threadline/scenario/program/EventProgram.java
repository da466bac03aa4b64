package io.threadline.scenario.program;

import io.threadline.runtime.Program;
import io.threadline.runtime.SimEvent;
import io.threadline.runtime.SimThread;

import java.util.ArrayList;
import java.util.List;

/** A traffic light is an event: cars wait while it is clear (red) and all go when it is set (green). */
public final class EventProgram extends Program {
    private final int cars;
    private final double gap;
    private final double red;
    private final double green;

    public EventProgram(int cars, double gap, double red, double green) {
        this.cars = cars;
        this.gap = gap;
        this.red = red;
        this.green = green;
    }

    private void car(String name, double arrival, SimEvent greenLight) {
        sleep(arrival);                  // driving up to the light
        print(name + " arrives, the light is " + (greenLight.isSet() ? "green" : "red"));
        greenLight.await();              // returns at once while the light is green
        print(name + " drives through");
    }

    @Override
    protected void main() {
        SimEvent greenLight = event("green light");

        List<SimThread> all = new ArrayList<>();
        for (int i = 1; i <= cars; i++) {
            String name = "Car-" + i;
            double arrival = i * gap;
            all.add(thread(name, () -> car(name, arrival, greenLight)));
        }
        all.forEach(SimThread::start);

        while (all.stream().anyMatch(SimThread::isAlive)) {
            print("Light turns red");
            greenLight.clear();          // from now on, wait() blocks
            sleep(red);
            print("Light turns green");
            greenLight.set();            // wakes every waiting car at once
            sleep(green);
        }
        print("All cars are through");
    }
}
