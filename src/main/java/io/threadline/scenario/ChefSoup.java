package io.threadline.scenario;

import io.threadline.runtime.Program;
import io.threadline.scenario.program.ChefSoupProgram;

import java.util.List;

/** Two chefs and a join: the main thread waits for a helper thread to finish. */
public final class ChefSoup extends ScenarioSpec {
    @Override
    public String id() {
        return "chef-soup";
    }

    @Override
    public String title() {
        return "Chef soup";
    }

    @Override
    public String summary() {
        return "Barron starts Olivia, keeps cooking, then joins her.";
    }

    @Override
    public String explanation() {
        return """
                Barron (the main thread) needs sausage for his soup. He creates a thread, \
                Olivia, and starts her. Until start() she exists but is new: is_alive() says False.

                Olivia waits for the sausage to thaw (she sleeps), while Barron keeps cooking. \
                Then Barron calls join(): he stops and waits until Olivia has finished.

                Notice: Barron's lane turns to waiting (join) at 0.5 s and stays so until the \
                instant Olivia dies. The arrow from her end to his wake-up is the join.""";
    }

    @Override
    public String icon() {
        return "mdi2c-chef-hat";
    }

    @Override
    public String mainThread() {
        return "Barron";
    }

    @Override
    protected List<ParamSpec> ownParams() {
        return List.of(
                ParamSpec.seconds("olivia", "Olivia's wait", "how long the sausage takes to thaw", 3, 0, 30),
                ParamSpec.seconds("cook", "Barron's cooking", "how long Barron cooks before he joins", 0.5, 0, 30));
    }

    @Override
    protected Program program(ParamValues v) {
        return new ChefSoupProgram(v.seconds("olivia"), v.seconds("cook"));
    }

    @Override
    public Class<? extends Program> programClass() {
        return ChefSoupProgram.class;
    }
}
