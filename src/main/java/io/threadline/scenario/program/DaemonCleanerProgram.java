package io.threadline.scenario.program;

import io.threadline.runtime.Program;
import io.threadline.runtime.SimThread;

/** Olivia cleans forever as a daemon; the program ends when Barron is done cooking. */
public final class DaemonCleanerProgram extends Program {
    private final boolean daemon;

    public DaemonCleanerProgram(boolean daemon) {
        this.daemon = daemon;
    }

    private void kitchenCleaner() {
        while (true) {
            print("Olivia cleaned the kitchen.");
            sleep(1);
        }
    }

    @Override
    protected void main() {
        SimThread olivia = thread("Olivia", this::kitchenCleaner, daemon);
        olivia.start();

        print("Barron is cooking...");
        sleep(0.6);
        print("Barron is cooking...");
        sleep(0.6);
        print("Barron is done!");
    }
}
