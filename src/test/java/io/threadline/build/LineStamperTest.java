package io.threadline.build;

import io.threadline.runtime.Lines;
import io.threadline.scenario.program.ChefSoupProgram;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The build step that stamps scenario programs' lines into their classes. */
class LineStamperTest {
    /** Not a scenario program: compiled as is, so the test can stamp it. */
    static final class Sample {
        int calls;

        Sample() {
            calls = 0;
        }

        int body(int n) {
            int sum = 0;
            for (int i = 0; i < n; i++) {
                sum += step(i);
            }
            return sum;
        }

        private int step(int i) {
            calls++;
            return i;
        }
    }

    private static byte[] bytesOf(Class<?> c) throws IOException {
        try (InputStream in = c.getResourceAsStream("/" + c.getName().replace('.', '/') + ".class")) {
            return in.readAllBytes();
        }
    }

    private static MethodNode method(byte[] classFile, String name) {
        ClassNode c = new ClassNode();
        new ClassReader(classFile).accept(c, 0);
        return c.methods.stream().filter(m -> m.name.equals(name)).findFirst().orElseThrow();
    }

    /** The lines stamped in a method, in the order of its code. */
    private static List<Integer> stamps(MethodNode m) {
        List<Integer> lines = new ArrayList<>();
        for (AbstractInsnNode n = m.instructions.getFirst(); n != null; n = n.getNext()) {
            if (n instanceof MethodInsnNode call && call.owner.equals(Lines.OWNER) && call.name.equals(Lines.AT)) {
                lines.add((Integer) ((LdcInsnNode) call.getPrevious()).cst);
            }
        }
        return lines;
    }

    @Test
    void stampsEachLineJumpTargetAndReturnFromACallButNotConstructors() throws Exception {
        byte[] stamped = LineStamper.stamp(bytesOf(Sample.class));
        ClassNode c = new ClassNode();
        new ClassReader(stamped).accept(c, 0);
        assertThat(c.fields).anyMatch(f -> f.name.equals(Lines.MARKER));
        assertThat(stamps(method(stamped, "<init>"))).isEmpty();
        List<Integer> body = stamps(method(stamped, "body"));
        // int sum; for (init; cond at its jump target; i++); sum += step(i) and again after the call; return.
        assertThat(body).hasSizeGreaterThanOrEqualTo(5);
        assertThat(new java.util.TreeSet<>(body)).hasSize(4);
        assertThat(stamps(method(stamped, "step"))).hasSize(2);
    }

    @Test
    void aStampedClassStillRunsAndIsNotStampedTwice() throws Exception {
        byte[] once = LineStamper.stamp(bytesOf(Sample.class));
        assertThat(LineStamper.stamp(once)).isSameAs(once);
        Class<?> c = new ClassLoader(getClass().getClassLoader()) {
            Class<?> define() {
                return defineClass(Sample.class.getName(), once, 0, once.length);
            }
        }.define();
        var ctor = c.getDeclaredConstructor();
        ctor.setAccessible(true);
        Object s = ctor.newInstance();
        var body = c.getDeclaredMethod("body", int.class);
        body.setAccessible(true);
        assertThat(body.invoke(s, 5)).isEqualTo(10);
    }

    @Test
    void theBuildStampedTheScenarioProgramsAlready() throws Exception {
        byte[] built = bytesOf(ChefSoupProgram.class);
        assertThat(LineStamper.stamp(built)).isSameAs(built);
    }
}
