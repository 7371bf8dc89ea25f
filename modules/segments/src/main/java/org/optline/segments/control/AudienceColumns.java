package org.optline.segments.control;

import com.carrotsearch.hppc.LongHashSet;
import org.optline.contacts.api.LineType;
import org.optline.segments.api.AudiencePreview;
import org.optline.segments.api.ExclusionReason;
import org.optline.subscriptions.api.ConsentAction;
import org.optline.subscriptions.api.ConsentType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The facts that audience counts read, one array per column, with one position per contact in
 * ascending id order: role, number, line type, the four times, whether the contact is deleted, each
 * subscription type's state, and the blocked numbers. Counting scans the arrays, which takes a few
 * nanoseconds per contact where MariaDB needs a row lookup in {@code consent_state}.
 *
 * <p>Not thread-safe: {@link AudienceIndex} changes it under a write lock and scans it under a read lock.
 */
final class AudienceColumns {

    /** A phone number stored as the digits of its E.164 form; 0 stands for no number. */
    static final long NO_PHONE = 0;
    /** A time in microseconds since the epoch; this value stands for no time. */
    static final long NO_TIME = Long.MIN_VALUE;
    /** The line type code of a contact whose number was stored without one. */
    static final byte NO_LINE_TYPE = 0;
    /** The line type code of a stored name that this version does not know: not null in SQL, but not a type either. */
    static final byte UNREADABLE_LINE_TYPE = (byte) (LineType.values().length + 1);

    /** The state codes of a contact for one type: none, or the action and whether it was for the current number. */
    static final byte STATE_NONE = 0;
    static final byte STATE_IN_FOR_PHONE = 1;
    static final byte STATE_IN_OTHER_PHONE = 2;
    static final byte STATE_OUT_FOR_PHONE = 3;
    static final byte STATE_OUT_OTHER_PHONE = 4;

    private static final int STATES = 5;
    /** Key 0 is a contact without a number; the others combine line type, state and block. */
    private static final int KEYS = 1 + (UNREADABLE_LINE_TYPE + 1) * STATES * 2;

    /** One contact as {@link AudienceIndex} reads it from {@code contact}. */
    record Contact(long id, boolean lead, long phone, byte lineType, long createdAt, long updatedAt, long signedUpAt,
                   long lastSeenAt, boolean deleted) {
    }

    /** One row of {@code consent_state}; {@code phone} is {@link #NO_PHONE} when the state names no number. */
    record State(long contactId, long typeId, ConsentAction action, long phone) {
    }

    private int size;
    long[] ids = new long[0];
    boolean[] leads = new boolean[0];
    long[] phones = new long[0];
    byte[] lineTypes = new byte[0];
    long[] createdAt = new long[0];
    long[] updatedAt = new long[0];
    long[] signedUpAt = new long[0];
    long[] lastSeenAt = new long[0];
    boolean[] deleted = new boolean[0];
    /** The state codes by type id; an array shorter than {@link #size()} means no state beyond its end. */
    private final Map<Long, byte[]> states = new HashMap<>();
    private final LongHashSet blocked = new LongHashSet();

    int size() {
        return size;
    }

    /** Returns the position of the contact with {@code id}, or a negative number when it is not here. */
    int position(long id) {
        return Arrays.binarySearch(ids, 0, size, id);
    }

    /**
     * Stores the given contacts: each replaces the one with its id or is added. States of an added
     * contact start as none; {@link #putStates} sets them.
     */
    void putContacts(List<Contact> contacts) {
        List<Contact> added = new ArrayList<>();
        for (Contact contact : contacts) {
            int position = position(contact.id());
            if (position >= 0) {
                write(position, contact);
            } else {
                added.add(contact);
            }
        }
        if (added.isEmpty()) {
            return;
        }
        added.sort((a, b) -> Long.compare(a.id(), b.id()));
        if (size == 0 || added.getFirst().id() > ids[size - 1]) {
            ensureCapacity(size + added.size());
            for (Contact contact : added) {
                write(size++, contact);
            }
        } else {
            merge(added);
        }
    }

    /**
     * Replaces every state of the contact with {@code contactId} by {@code contactStates}, which are all
     * of its rows in {@code consent_state}. Does nothing for a contact that is not here.
     */
    void putStates(long contactId, List<State> contactStates) {
        int position = position(contactId);
        if (position < 0) {
            return;
        }
        for (byte[] codes : states.values()) {
            if (position < codes.length) {
                codes[position] = STATE_NONE;
            }
        }
        for (State state : contactStates) {
            addState(position, state);
        }
    }

    /** Sets one state of the contact at {@code position}; loading uses it for contacts that have no state yet. */
    void addState(int position, State state) {
        byte[] codes = states.computeIfAbsent(state.typeId(), type -> new byte[0]);
        if (position >= codes.length) {
            codes = Arrays.copyOf(codes, Math.max(ids.length, position + 1));
            states.put(state.typeId(), codes);
        }
        boolean forPhone = state.phone() == phones[position];
        codes[position] = state.action() == ConsentAction.OPT_IN
                ? (forPhone ? STATE_IN_FOR_PHONE : STATE_IN_OTHER_PHONE)
                : (forPhone ? STATE_OUT_FOR_PHONE : STATE_OUT_OTHER_PHONE);
    }

    void putBlocked(long phone, boolean isBlocked) {
        if (isBlocked) {
            blocked.add(phone);
        } else {
            blocked.remove(phone);
        }
    }

    /** Returns the state code of the contact at {@code position} for the type with {@code typeId}. */
    byte state(long typeId, int position) {
        byte[] codes = states.get(typeId);
        return codes == null || position >= codes.length ? STATE_NONE : codes[position];
    }

    /** Counts the contacts that are not deleted and match {@code match}. */
    long count(IndexedQuery.Match match) {
        long count = 0;
        for (int position = 0; position < size; position++) {
            if (!deleted[position] && match.test(this, position)) {
                count++;
            }
        }
        return count;
    }

    /**
     * Counts the contacts that match {@code match} by the reason a send under the type leaves them out,
     * as {@link AudienceQueries#preview} does in SQL, and samples the first {@code sampleSize} reachable
     * ones. Contacts are scanned in ascending id order, so the first reachable contact of a number is the
     * one a send texts, and the later ones are counted as sharing its number.
     */
    AudiencePreview preview(IndexedQuery.Match match, long typeId, ConsentType consentType, boolean live, int sampleSize) {
        ExclusionReason[] reasons = reasonsByKey(consentType, live);
        byte[] codes = states.getOrDefault(typeId, new byte[0]);
        long[] counts = new long[KEYS];
        LongHashSet numbers = new LongHashSet();
        long reachable = 0;
        long duplicates = 0;
        List<Long> sample = new ArrayList<>();

        for (int position = 0; position < size; position++) {
            if (deleted[position] || !match.test(this, position)) {
                continue;
            }
            int key = key(position, position < codes.length ? codes[position] : STATE_NONE);
            if (reasons[key] != null) {
                counts[key]++;
            } else if (numbers.add(phones[position])) {
                reachable++;
                if (sample.size() < sampleSize) {
                    sample.add(ids[position]);
                }
            } else {
                duplicates++;
            }
        }

        Map<ExclusionReason, Long> excluded = new EnumMap<>(ExclusionReason.class);
        long matching = reachable + duplicates;
        for (int key = 0; key < KEYS; key++) {
            if (counts[key] > 0) {
                excluded.merge(reasons[key], counts[key], Long::sum);
                matching += counts[key];
            }
        }
        if (duplicates > 0) {
            excluded.put(ExclusionReason.DUPLICATE_NUMBER, duplicates);
        }
        return new AudiencePreview(matching, reachable, sample, excluded);
    }

    /**
     * Returns the ids after {@code afterId} of the contacts that match {@code match} and may be texted
     * under the type, ascending, at most {@code limit}, as {@link AudienceQueries#reachable} lists them
     * in SQL. Blocked numbers and all contacts of a shared number are listed, because the send checks
     * both for every message.
     */
    List<Long> reachable(IndexedQuery.Match match, long typeId, ConsentType consentType, boolean live, long afterId,
                         int limit) {
        List<Long> page = new ArrayList<>();
        if (!live) {
            return page;
        }
        ExclusionReason[] reasons = reasonsByKey(consentType, true);
        byte[] codes = states.getOrDefault(typeId, new byte[0]);
        int found = position(afterId);
        for (int position = found >= 0 ? found + 1 : -found - 1; position < size && page.size() < limit; position++) {
            if (deleted[position] || !match.test(this, position)) {
                continue;
            }
            int key = key(position, position < codes.length ? codes[position] : STATE_NONE, false);
            if (reasons[key] == null) {
                page.add(ids[position]);
            }
        }
        return page;
    }

    private int key(int position, byte state) {
        return key(position, state, true);
    }

    /** Returns the key of a contact's facts; without {@code withBlock}, as though its number were not blocked. */
    private int key(int position, byte state, boolean withBlock) {
        if (phones[position] == NO_PHONE) {
            return 0;
        }
        int blockedBit = withBlock && blocked.contains(phones[position]) ? 1 : 0;
        return 1 + (lineTypes[position] * STATES + state) * 2 + blockedBit;
    }

    /**
     * Returns, for every key, the reason {@link Targeting} gives for the facts the key stands for, or
     * null when they are reachable, so the rule is asked once per kind of contact rather than per contact.
     */
    private static ExclusionReason[] reasonsByKey(ConsentType consentType, boolean live) {
        ExclusionReason[] reasons = new ExclusionReason[KEYS];
        reasons[0] = Targeting.exclusion(new Targeting.Contact(false, null, null, true), consentType, live).orElseThrow();
        for (int line = 0; line <= UNREADABLE_LINE_TYPE; line++) {
            LineType lineType = line == NO_LINE_TYPE || line == UNREADABLE_LINE_TYPE ? null : LineType.values()[line - 1];
            for (int state = 0; state < STATES; state++) {
                ConsentAction action = state == STATE_NONE ? null
                        : state <= STATE_IN_OTHER_PHONE ? ConsentAction.OPT_IN : ConsentAction.OPT_OUT;
                boolean forPhone = state == STATE_IN_FOR_PHONE || state == STATE_OUT_FOR_PHONE;
                for (int blockedBit = 0; blockedBit < 2; blockedBit++) {
                    Optional<ExclusionReason> reason = Targeting.exclusion(
                            new Targeting.Contact(true, lineType, action, forPhone, blockedBit == 1, false), consentType, live);
                    reasons[1 + (line * STATES + state) * 2 + blockedBit] = reason.orElse(null);
                }
            }
        }
        return reasons;
    }

    private void write(int position, Contact contact) {
        boolean phoneChanged = phones[position] != contact.phone();
        ids[position] = contact.id();
        leads[position] = contact.lead();
        phones[position] = contact.phone();
        lineTypes[position] = contact.lineType();
        createdAt[position] = contact.createdAt();
        updatedAt[position] = contact.updatedAt();
        signedUpAt[position] = contact.signedUpAt();
        lastSeenAt[position] = contact.lastSeenAt();
        deleted[position] = contact.deleted();
        if (phoneChanged) {
            // A state recorded for the old number is no longer for the current one. The caller puts the
            // contact's states again, and until then no state counts as for this number.
            for (byte[] codes : states.values()) {
                if (position < codes.length && codes[position] != STATE_NONE) {
                    codes[position] = codes[position] <= STATE_IN_OTHER_PHONE ? STATE_IN_OTHER_PHONE : STATE_OUT_OTHER_PHONE;
                }
            }
        }
    }

    private void ensureCapacity(int needed) {
        if (needed <= ids.length) {
            return;
        }
        int capacity = Math.max(needed, ids.length + (ids.length >> 1) + 16);
        ids = Arrays.copyOf(ids, capacity);
        leads = Arrays.copyOf(leads, capacity);
        phones = Arrays.copyOf(phones, capacity);
        lineTypes = Arrays.copyOf(lineTypes, capacity);
        createdAt = Arrays.copyOf(createdAt, capacity);
        updatedAt = Arrays.copyOf(updatedAt, capacity);
        signedUpAt = Arrays.copyOf(signedUpAt, capacity);
        lastSeenAt = Arrays.copyOf(lastSeenAt, capacity);
        deleted = Arrays.copyOf(deleted, capacity);
    }

    /**
     * Adds contacts whose ids fall between the stored ones, which happens when transactions that created
     * contacts commit out of id order. One pass moves every column and state array to its new positions.
     */
    private void merge(List<Contact> added) {
        int total = size + added.size();
        AudienceColumns merged = new AudienceColumns();
        merged.ensureCapacity(total);

        int[] moved = new int[size];
        int old = 0;
        int next = 0;
        while (old < size || next < added.size()) {
            if (next == added.size() || (old < size && ids[old] < added.get(next).id())) {
                moved[old] = merged.size;
                merged.copyFrom(this, old);
                old++;
            } else {
                merged.write(merged.size++, added.get(next++));
            }
        }

        for (Map.Entry<Long, byte[]> entry : states.entrySet()) {
            byte[] codes = entry.getValue();
            byte[] remapped = new byte[merged.ids.length];
            for (int position = 0; position < Math.min(size, codes.length); position++) {
                remapped[moved[position]] = codes[position];
            }
            entry.setValue(remapped);
        }

        ids = merged.ids;
        leads = merged.leads;
        phones = merged.phones;
        lineTypes = merged.lineTypes;
        createdAt = merged.createdAt;
        updatedAt = merged.updatedAt;
        signedUpAt = merged.signedUpAt;
        lastSeenAt = merged.lastSeenAt;
        deleted = merged.deleted;
        size = total;
    }

    private void copyFrom(AudienceColumns other, int position) {
        int target = size++;
        ids[target] = other.ids[position];
        leads[target] = other.leads[position];
        phones[target] = other.phones[position];
        lineTypes[target] = other.lineTypes[position];
        createdAt[target] = other.createdAt[position];
        updatedAt[target] = other.updatedAt[position];
        signedUpAt[target] = other.signedUpAt[position];
        lastSeenAt[target] = other.lastSeenAt[position];
        deleted[target] = other.deleted[position];
    }
}
