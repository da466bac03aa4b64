package io.threadline.runtime;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a child process gets of its parent's memory: a copy. A forked child sees the program's
 * fields as they were at start() (Python's globals: numbers, strings, lists, dicts, arrays),
 * and what it changes there the parent never sees; a value sent through a queue or a pipe is
 * pickled, so the receiver gets a copy too. The runtime's own objects (queues, pipes, shared
 * values, manager proxies, locks) are not copied: they are the channels between processes.
 */
final class ForkCopy {
    private ForkCopy() {
    }

    /** A copy of the program, for a child process started now. */
    static Program of(Program parent) {
        Program child = parent.cloneForFork();
        IdentityHashMap<Object, Object> seen = new IdentityHashMap<>();
        for (Class<?> c = parent.getClass(); c != Program.class && c != null; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) {
                    continue;
                }
                try {
                    f.setAccessible(true);
                    f.set(child, value(f.get(parent), seen));
                } catch (ReflectiveOperationException | RuntimeException e) {
                    throw new IllegalStateException("cannot copy field " + f.getName() + " of "
                            + c.getSimpleName() + " for a child process", e);
                }
            }
        }
        return child;
    }

    /** A copy of a plain value (collections, maps and arrays deeply); anything else as it is. */
    static Object value(Object v) {
        return value(v, new IdentityHashMap<>());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object value(Object v, IdentityHashMap<Object, Object> seen) {
        if (v == null || v instanceof String || v instanceof Number || v instanceof Boolean
                || v instanceof Character || v instanceof Enum) {
            return v;
        }
        Object done = seen.get(v);
        if (done != null) {
            return done;
        }
        if (v.getClass().isArray()) {
            int n = Array.getLength(v);
            Object copy = Array.newInstance(v.getClass().getComponentType(), n);
            seen.put(v, copy);
            for (int i = 0; i < n; i++) {
                Array.set(copy, i, v.getClass().getComponentType().isPrimitive() ? Array.get(v, i)
                        : value(Array.get(v, i), seen));
            }
            return copy;
        }
        if (v instanceof Map<?, ?> m && isPlain(v)) {
            Map copy = v instanceof TreeMap<?, ?> t ? new TreeMap(t.comparator())
                    : v instanceof LinkedHashMap ? new LinkedHashMap<>() : v.getClass() == HashMap.class
                    ? new HashMap<>() : new LinkedHashMap<>();
            seen.put(v, copy);
            m.forEach((k, x) -> copy.put(value(k, seen), value(x, seen)));
            return copy;
        }
        if (v instanceof Collection<?> c && isPlain(v)) {
            Collection copy = v instanceof TreeSet<?> t ? new TreeSet(t.comparator())
                    : v instanceof LinkedHashSet ? new LinkedHashSet<>() : v instanceof HashSet ? new HashSet<>()
                    : v instanceof LinkedList ? new LinkedList<>() : v instanceof ArrayDeque ? new ArrayDeque<>()
                    : new ArrayList<>();
            seen.put(v, copy);
            c.forEach(x -> copy.add(value(x, seen)));
            return copy;
        }
        return v;
    }

    /** The JDK's own collections (List.of ..., ArrayList, HashMap ...), not the runtime's or a program's. */
    private static boolean isPlain(Object v) {
        return v.getClass().getName().startsWith("java.util.");
    }
}
