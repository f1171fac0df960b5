package dev.controlplane.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The {@code keep} first items in a given order among any number handed in, in memory proportional to
 * {@code keep}: a card shows the 50 worst files of a 75k-file tree, so it need not hold the other 74,950. Ties
 * keep the item handed in first, as a stable sort of the whole list would.
 */
final class Smallest<T> {
    private record Entry<T>(T item, long seq) {
    }

    private final int keep;
    private final Comparator<Entry<T>> order;
    private final PriorityQueue<Entry<T>> heap; // the largest kept item on top: the one a smaller item displaces
    private long seen;

    Smallest(int keep, Comparator<T> order) {
        this.keep = keep;
        this.order = Comparator.<Entry<T>, T>comparing(Entry::item, order).thenComparingLong(Entry::seq);
        this.heap = new PriorityQueue<>(this.order.reversed());
    }

    void add(T item) {
        Entry<T> entry = new Entry<>(item, seen++);
        if (heap.size() < keep) {
            heap.add(entry);
        } else if (keep > 0 && order.compare(entry, heap.peek()) < 0) {
            heap.poll();
            heap.add(entry);
        }
    }

    /** How many items were handed in. */
    long seen() {
        return seen;
    }

    /** The kept items, first first. */
    List<T> sorted() {
        List<Entry<T>> entries = new ArrayList<>(heap);
        entries.sort(order);
        List<T> items = new ArrayList<>(entries.size());
        entries.forEach(e -> items.add(e.item()));
        return items;
    }
}
