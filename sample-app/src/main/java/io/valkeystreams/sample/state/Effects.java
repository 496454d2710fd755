package io.valkeystreams.sample.state;

import java.util.ArrayList;
import java.util.List;

/**
 * What one event changes in one {@link StateSpace}: a short list of writes that {@link StateStore#applyOnce}
 * performs in one atomic step together with the event's mark. Keys are names inside the space, so every
 * write lands in the space's hash slot.
 */
public final class Effects {

    private final StateSpace space;
    private final List<String> keys = new ArrayList<>();
    private final List<String> args = new ArrayList<>();

    private Effects(StateSpace space) {
        this.space = space;
    }

    /** Starts an empty list of effects in the space. */
    public static Effects in(StateSpace space) {
        return new Effects(space);
    }

    /** Adds {@code by} to an integer hash field. */
    public Effects hincrBy(String hash, String field, long by) {
        return add("HINCRBY", hash, field, Long.toString(by));
    }

    /** Sets a hash field. */
    public Effects hset(String hash, String field, String value) {
        return add("HSET", hash, field, value);
    }

    /** Sets a hash field to the value when the field is absent or holds a smaller number. */
    public Effects hmax(String hash, String field, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("hmax " + hash + " " + field + ": value must be finite, was " + value);
        }
        return add("HMAX", hash, field, Double.toString(value));
    }

    /** Adds {@code by} to a member's score in a sorted set. */
    public Effects zincrBy(String sortedSet, String member, long by) {
        return add("ZINCRBY", sortedSet, Long.toString(by), member);
    }

    /** Pushes a value to the head of a list and trims the list to its newest {@code cap} values. */
    public Effects pushCapped(String list, String value, int cap) {
        if (cap < 1) {
            throw new IllegalArgumentException("pushCapped " + list + ": cap must be at least 1, was " + cap);
        }
        return add("LPUSHCAP", list, value, Integer.toString(cap));
    }

    /** Adds a member to a set. */
    public Effects sadd(String set, String member) {
        return add("SADD", set, member);
    }

    /** The space these effects write to. */
    public StateSpace space() {
        return space;
    }

    /** Whether there is nothing to write. */
    public boolean isEmpty() {
        return args.isEmpty();
    }

    /** The full keys written, in index order (index 0 is script key 3). */
    List<String> keys() {
        return List.copyOf(keys);
    }

    /** The script arguments encoding the effects: op, key index, arguments. */
    List<String> args() {
        return List.copyOf(args);
    }

    private Effects add(String op, String name, String... values) {
        for (String value : values) {
            if (value == null) {
                throw new IllegalArgumentException(op + " " + name + ": values must not be null");
            }
        }
        String key = space.key(name);
        int index = keys.indexOf(key);
        if (index < 0) {
            keys.add(key);
            index = keys.size() - 1;
        }
        args.add(op);
        args.add(Integer.toString(index + StateStore.FIRST_EFFECT_KEY));
        args.addAll(List.of(values));
        return this;
    }
}
