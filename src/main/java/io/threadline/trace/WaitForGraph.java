package io.threadline.trace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Who waits for what at one moment: threads and resources as nodes, an edge from each waiting
 * thread to what it waits for (a resource, or the thread it joins) and from each resource to
 * its holders, and the deadlock if there is one: the threads that can never go on (every one
 * waits for something held only by threads of the set) and, among them, the cycle that holds
 * them. Read from the trace's records alone, so a saved trace shows it as the run did.
 */
public final class WaitForGraph {
    /** A thread (id: its thread id) or a resource (id: its resource id). */
    public record Node(boolean thread, int id) {
        public static Node ofThread(int id) {
            return new Node(true, id);
        }

        public static Node ofResource(int id) {
            return new Node(false, id);
        }
    }

    /**
     * An edge: a thread waits for a resource ("waits", "get", "put", "join" ...), a resource is
     * held by a thread ("holds", with an RLock's depth), or a thread joins another ("join").
     */
    public record Edge(Node from, Node to, String label, boolean inCycle) {
    }

    private final long time;
    private final List<Node> nodes;
    private final List<Edge> edges;
    private final List<Node> cycle;
    private final Set<Integer> stuck;

    private WaitForGraph(long time, List<Node> nodes, List<Edge> edges, List<Node> cycle, Set<Integer> stuck) {
        this.time = time;
        this.nodes = nodes;
        this.edges = edges;
        this.cycle = cycle;
        this.stuck = stuck;
    }

    /**
     * The graph to show at {@code t}. A run stopped because of its deadlock leaves its stuck waits
     * as they are; a trace whose threads were killed at the last instant instead (an older file)
     * shows there the moment before, which still has the deadlock the run was stopped for.
     */
    public static WaitForGraph shownAt(Trace trace, long t) {
        long end = trace.endTime();
        WaitForGraph g = at(trace, t);
        if (trace.outcome() == RunOutcome.DEADLOCK && t >= end && end > 0 && !g.hasDeadlock()) {
            return at(trace, end - 1);
        }
        return g;
    }

    /** The graph after every event at or before {@code t}. */
    public static WaitForGraph at(Trace trace, long t) {
        List<Node> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        // what each waiting thread waits for, and who holds it
        Map<Integer, List<Integer>> blockers = new HashMap<>();
        Map<Integer, Node> waitsFor = new HashMap<>();
        Set<Integer> threadsShown = new LinkedHashSet<>();
        for (int th = 0, n = trace.threadCount(); th < n; th++) {
            ThreadState s = trace.stateAt(th, t);
            if (s != null && s != ThreadState.NEW && s != ThreadState.DEAD) {
                threadsShown.add(th);
            }
        }
        for (int th : threadsShown) {
            nodes.add(Node.ofThread(th));
        }
        for (int r = 0, n = trace.resourceCount(); r < n; r++) {
            ResourceState s = trace.resourceLane(r).stateAt(t);
            if (s.holderCount() == 0 && s.waiterCount() == 0) {
                continue;
            }
            Node res = Node.ofResource(r);
            nodes.add(res);
            List<Integer> holders = new ArrayList<>();
            for (int h = 0; h < s.holderCount(); h++) {
                holders.add(s.holder(h));
            }
            for (int w = 0; w < s.waiterCount(); w++) {
                int th = s.waiter(w);
                waitsFor.put(th, res);
                blockers.put(th, holders);
            }
        }
        for (int th : threadsShown) {
            LaneColumns lane = trace.lane(th);
            int i = lane.indexAt(t);
            if (i >= 0 && lane.state(i) == ThreadState.WAITING && lane.reason(i) == Reason.JOIN) {
                int joined = joined(trace, th, i);
                if (joined >= 0) {
                    waitsFor.put(th, Node.ofThread(joined));
                    blockers.put(th, List.of(joined));
                }
            }
        }
        Set<Integer> stuck = stuck(blockers, trace, t);
        List<Node> cycle = cycle(stuck, blockers, waitsFor);
        Set<Edge> cycleEdges = new HashSet<>();
        for (int k = 0; k < cycle.size(); k++) {
            cycleEdges.add(new Edge(cycle.get(k), cycle.get((k + 1) % cycle.size()), "", true));
        }
        for (int r = 0, n = trace.resourceCount(); r < n; r++) {
            ResourceState s = trace.resourceLane(r).stateAt(t);
            Node res = Node.ofResource(r);
            for (int w = 0; w < s.waiterCount(); w++) {
                Node from = Node.ofThread(s.waiter(w));
                WaitRole role = s.role(w);
                edges.add(new Edge(from, res, role == WaitRole.WAITS ? "waits" : role.label(),
                        cycleEdges.contains(new Edge(from, res, "", true))));
            }
            for (int h = 0; h < s.holderCount(); h++) {
                Node to = Node.ofThread(s.holder(h));
                String label = s.depth(h) > 1 ? "holds ×" + s.depth(h) : "holds";
                edges.add(new Edge(res, to, label, cycleEdges.contains(new Edge(res, to, "", true))));
            }
        }
        for (Map.Entry<Integer, Node> e : waitsFor.entrySet()) {
            if (e.getValue().thread()) {
                Node from = Node.ofThread(e.getKey());
                edges.add(new Edge(from, e.getValue(), "join", cycleEdges.contains(new Edge(from, e.getValue(), "", true))));
            }
        }
        return new WaitForGraph(t, List.copyOf(nodes), List.copyOf(edges), List.copyOf(cycle),
                Collections.unmodifiableSet(stuck));
    }

    /** The thread a join waits for: the one whose end woke it, or else the one its lane names. */
    private static int joined(Trace trace, int th, int i) {
        LaneColumns lane = trace.lane(th);
        for (int k = i + 1; k < lane.size(); k++) {
            if (lane.state(k) != ThreadState.WAITING) {
                if (lane.cause(k) >= 0) {
                    return lane.cause(k);
                }
                break;
            }
        }
        return trace.threadNamed(trace.string(lane.detail(i)));
    }

    /**
     * The threads that can never go on: start from every thread waiting for something held, and
     * drop, until none is left to drop, each one a holder outside the set could still free.
     */
    private static Set<Integer> stuck(Map<Integer, List<Integer>> blockers, Trace trace, long t) {
        Set<Integer> in = new HashSet<>();
        for (Map.Entry<Integer, List<Integer>> e : blockers.entrySet()) {
            if (!e.getValue().isEmpty()) {
                in.add(e.getKey());
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (var it = in.iterator(); it.hasNext(); ) {
                int th = it.next();
                boolean free = false;
                for (int h : blockers.get(th)) {
                    ThreadState s = trace.stateAt(h, t);
                    // a holder that is not itself stuck may still give it back (a dead one never will)
                    if (!in.contains(h) && s != ThreadState.DEAD) {
                        free = true;
                        break;
                    }
                }
                if (free) {
                    it.remove();
                    changed = true;
                }
            }
        }
        return in;
    }

    /** A cycle among the stuck threads, as thread, what it waits for, its holder, ..., or empty. */
    private static List<Node> cycle(Set<Integer> stuck, Map<Integer, List<Integer>> blockers, Map<Integer, Node> waitsFor) {
        for (int start : new java.util.TreeSet<>(stuck)) {
            List<Integer> path = new ArrayList<>();
            int th = start;
            while (!path.contains(th)) {
                path.add(th);
                int next = -1;
                for (int h : blockers.get(th)) {
                    if (stuck.contains(h)) {
                        next = h;
                        break;
                    }
                }
                if (next < 0) {
                    break;
                }
                th = next;
            }
            int from = path.indexOf(th);
            if (from < 0 || !stuck.contains(th)) {
                continue;
            }
            List<Node> out = new ArrayList<>();
            for (int k = from; k < path.size(); k++) {
                int member = path.get(k);
                out.add(Node.ofThread(member));
                Node what = waitsFor.get(member);
                if (!what.thread()) {
                    out.add(what);
                }
            }
            return out;
        }
        return List.of();
    }

    public long time() {
        return time;
    }

    /** Live threads, then resources that have a holder or a waiter. */
    public List<Node> nodes() {
        return nodes;
    }

    public List<Edge> edges() {
        return edges;
    }

    /** The deadlock's cycle: thread, resource it waits for, that resource's holder, ...; empty without one. */
    public List<Node> cycle() {
        return cycle;
    }

    public boolean hasDeadlock() {
        return !cycle.isEmpty();
    }

    /** Whether thread {@code id} can never go on (in the cycle, or waiting behind it). */
    public boolean isStuck(int id) {
        return stuck.contains(id);
    }

    /** The threads that can never go on. */
    public Set<Integer> stuck() {
        return stuck;
    }

    /**
     * When the cycle closed: the latest of its members' waits to begin (the edge that made it a
     * cycle), or -1 without one.
     */
    public long closedAt(Trace trace) {
        long latest = -1;
        for (Node n : cycle) {
            if (n.thread()) {
                LaneColumns lane = trace.lane(n.id());
                int i = lane.indexAt(time);
                while (i > 0 && lane.state(i - 1) == ThreadState.WAITING && lane.time(i - 1) == lane.time(i)) {
                    i--;
                }
                if (i >= 0) {
                    latest = Math.max(latest, lane.time(i));
                }
            }
        }
        return latest;
    }

    /** The cycle in words: "Alice waits for account B, held by Bob; Bob waits for account A, held by Alice". */
    public String describeCycle(Trace trace) {
        if (cycle.isEmpty()) {
            return "";
        }
        StringJoiner j = new StringJoiner("; ");
        for (int k = 0; k < cycle.size(); k++) {
            Node n = cycle.get(k);
            if (!n.thread()) {
                continue;
            }
            Node next = cycle.get((k + 1) % cycle.size());
            String who = trace.thread(n.id()).name();
            if (next.thread()) {
                j.add(who + " waits for " + trace.thread(next.id()).name() + " to end (join)");
            } else {
                Node holder = cycle.get((k + 2) % cycle.size());
                j.add(who + " waits for " + trace.resource(next.id()).name() + ", held by "
                        + (holder.id() == n.id() ? "itself" : trace.thread(holder.id()).name()));
            }
        }
        return j.toString();
    }

    /** A node's name: the thread's, or the resource's. */
    public static String name(Trace trace, Node n) {
        return n.thread() ? trace.thread(n.id()).name() : trace.resource(n.id()).name();
    }
}
