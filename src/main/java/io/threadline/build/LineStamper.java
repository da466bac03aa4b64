package io.threadline.build;

import io.threadline.runtime.Lines;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A build step (run by Maven after compiling): stamps the scenario programs' classes so that
 * they tell the runtime which source line they are at, as a field store instead of a stack walk
 * per runtime call.
 *
 * <p>Before the first instruction of each line, of each jump target and exception handler, and
 * after each method call, it inserts {@code Lines.at(line)}, the line the JVM's own line table
 * gives that instruction. So the stamp a thread carries when it calls into the runtime is the
 * line of that call, as the walk would find it. Constructors and javac's {@code access$}
 * methods are left alone, as the walk skips them. A stamped class gets a marker field, so the
 * step is idempotent (an incremental build does not stamp twice) and the runtime knows.
 *
 * <p>Uses ASM (build time only, scope provided): the JDK's own class-file API arrives after 17.
 */
public final class LineStamper {
    private LineStamper() {
    }

    /** Arguments: the classes directory and the package folder under it to stamp. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: LineStamper CLASSES_DIR PACKAGE_DIR");
        }
        Path dir = Path.of(args[0]).resolve(args[1]);
        if (!Files.isDirectory(dir)) {
            return;
        }
        int stamped = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class"))::iterator) {
                byte[] in = Files.readAllBytes(f);
                byte[] out = stamp(in);
                if (out != in) {
                    Files.write(f, out);
                    stamped++;
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        System.out.println("[threadline] stamped source lines into " + stamped + " classes in " + dir);
    }

    /** The class with its lines stamped, or {@code classFile} itself if it was stamped already. */
    public static byte[] stamp(byte[] classFile) {
        ClassNode c = new ClassNode();
        new ClassReader(classFile).accept(c, 0);
        for (FieldNode f : c.fields) {
            if (f.name.equals(Lines.MARKER)) {
                return classFile;
            }
        }
        for (MethodNode m : c.methods) {
            if (m.instructions.size() > 0 && !m.name.equals("<init>") && !m.name.equals("<clinit>")
                    && !m.name.startsWith("access$")) {
                stamp(m);
            }
        }
        c.fields.add(new FieldNode(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_FINAL
                | Opcodes.ACC_SYNTHETIC, Lines.MARKER, "Z", null, 1));
        // Only the maximum stack grows (by one int); the stack map frames stay valid because
        // stamps go after them and leave the stack as they found it.
        ClassWriter w = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        c.accept(w);
        return w.toByteArray();
    }

    private static void stamp(MethodNode m) {
        Set<LabelNode> targets = jumpTargets(m);
        InsnList code = m.instructions;
        int line = 0;
        boolean due = false;
        for (AbstractInsnNode n = code.getFirst(); n != null; n = n.getNext()) {
            if (n instanceof LineNumberNode ln) {
                line = ln.line;
                due = true;
            } else if (n instanceof LabelNode l) {
                due |= targets.contains(l);
            } else if (n.getOpcode() >= 0) {
                if (due && line > 0) {
                    code.insertBefore(n, stampOf(line));
                }
                // After a call, scenario code it ran may have stamped its own lines.
                due = n instanceof MethodInsnNode;
            }
        }
    }

    private static InsnList stampOf(int line) {
        InsnList s = new InsnList();
        s.add(new LdcInsnNode(line));
        s.add(new MethodInsnNode(Opcodes.INVOKESTATIC, Lines.OWNER, Lines.AT, Lines.AT_DESCRIPTOR, false));
        return s;
    }

    /** Labels that execution can reach other than by falling through. */
    private static Set<LabelNode> jumpTargets(MethodNode m) {
        Set<LabelNode> t = new HashSet<>();
        for (AbstractInsnNode n = m.instructions.getFirst(); n != null; n = n.getNext()) {
            if (n instanceof JumpInsnNode j) {
                t.add(j.label);
            } else if (n instanceof TableSwitchInsnNode s) {
                t.add(s.dflt);
                t.addAll(s.labels);
            } else if (n instanceof LookupSwitchInsnNode s) {
                t.add(s.dflt);
                t.addAll(s.labels);
            }
        }
        List<TryCatchBlockNode> handlers = m.tryCatchBlocks;
        if (handlers != null) {
            for (TryCatchBlockNode h : handlers) {
                t.add(h.handler);
            }
        }
        return t;
    }
}
