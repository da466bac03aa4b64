package io.threadline.scenario.program;

import io.threadline.runtime.Program;
import io.threadline.runtime.SimThread;

/** Barron cooks soup and needs Olivia's sausage: he starts her, keeps cooking, then joins her. */
public final class ChefSoupProgram extends Program {
    private final double oliviaSleep;
    private final double cookTime;

    public ChefSoupProgram(double oliviaSleep, double cookTime) {
        this.oliviaSleep = oliviaSleep;
        this.cookTime = cookTime;
    }

    /** Olivia is a thread of her own kind: a subclass of the thread class. */
    final class ChefOlivia extends SimThread {
        ChefOlivia() {
            super("Olivia");
        }

        @Override
        public void run() {
            print("Olivia started & waiting for sausage to thaw...");
            sleep(oliviaSleep);
            print("Olivia is done cutting sausage.");
        }
    }

    @Override
    protected void main() {
        print("Barron started & requesting Olivia's help.");
        SimThread olivia = new ChefOlivia();
        print("  Olivia alive?:", olivia.isAlive());

        print("Barron tells Olivia to start.");
        olivia.start();
        print("  Olivia alive?:", olivia.isAlive());

        print("Barron continues cooking soup.");
        sleep(cookTime);
        print("  Olivia alive?:", olivia.isAlive());

        print("Barron patiently waits for Olivia to finish and join...");
        olivia.join();
        print("  Olivia alive?:", olivia.isAlive());

        print("Barron and Olivia are both done!");
    }
}
