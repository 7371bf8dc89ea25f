package org.optline.segments.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.optline.contacts.api.ContactQuery;
import org.optline.platform.InvalidInputException;
import org.optline.segments.control.AudienceQueries;
import org.optline.segments.control.SegmentStore;
import org.optline.subscriptions.api.MessageType;
import org.optline.subscriptions.api.SubscriptionTypeNotFoundException;
import org.optline.subscriptions.api.SubscriptionTypeView;
import org.optline.subscriptions.api.SubscriptionTypes;

import java.util.List;
import java.util.Optional;

/**
 * Segments and the audiences of sends: who matches a segment, and who of them may be texted under a
 * subscription type. A contact is reachable when it has a valid number that can take texts and the
 * type is live. An opt-in type also needs an explicit opt-in for that number, and an opt-out type
 * counts every contact until an explicit opt-out. The preview also leaves out blocked numbers and all
 * but the first contact of a shared number, as the send does when it sends.
 */
@ApplicationScoped
public class Audiences {

    /** The largest page {@link #reachable} returns. */
    public static final int MAX_PAGE = 10_000;
    public static final int MAX_SAMPLE = 100;

    @Inject
    SegmentStore store;

    @Inject
    AudienceQueries queries;

    @Inject
    SubscriptionTypes types;

    /** Returns a segment. */
    public Optional<SegmentView> segment(long segmentId) {
        return store.find(segmentId);
    }

    /** Returns every segment, by name. */
    public List<SegmentView> segments() {
        return store.list();
    }

    /**
     * Previews a send under a subscription type to a segment, or to all contacts when {@code segmentId}
     * is null.
     *
     * @throws SubscriptionTypeNotFoundException when the type does not exist
     * @throws SegmentNotFoundException          when the segment does not exist
     * @throws InvalidInputException             when the type is not an SMS type or the sample size is out of range
     */
    public AudiencePreview preview(long subscriptionTypeId, Long segmentId, int sampleSize) {
        if (sampleSize < 0 || sampleSize > MAX_SAMPLE) {
            throw new InvalidInputException("sample_size", "Sample size " + sampleSize + " is out of range. Use 0 to "
                    + MAX_SAMPLE + ".");
        }
        return queries.preview(smsType(subscriptionTypeId), query(segmentId), sampleSize);
    }

    /**
     * Returns the ids of the reachable contacts of a send, ascending, after {@code afterContactId}, at
     * most {@code limit}: the pages a send job walks through. A type that is not live reaches nobody.
     * The pages include blocked numbers and every contact of a shared number, because the send checks
     * both again when it sends each message.
     *
     * @throws SubscriptionTypeNotFoundException when the type does not exist
     * @throws SegmentNotFoundException          when the segment does not exist
     * @throws InvalidInputException             when the type is not an SMS type or the limit is out of range
     */
    public List<Long> reachable(long subscriptionTypeId, Long segmentId, long afterContactId, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidInputException("limit", "Limit " + limit + " is out of range. Use 1 to " + MAX_PAGE + ".");
        }
        return queries.reachable(smsType(subscriptionTypeId), query(segmentId), afterContactId, limit);
    }

    private SubscriptionTypeView smsType(long id) {
        SubscriptionTypeView type = types.find(id).orElseThrow(() -> new SubscriptionTypeNotFoundException(String.valueOf(id)));
        if (type.messageType() != MessageType.SMS) {
            throw new InvalidInputException("type", "Subscription type " + id + " is an email type; audiences are "
                    + "counted for SMS types only. Choose an SMS type.");
        }
        return type;
    }

    private ContactQuery query(Long segmentId) {
        if (segmentId == null) {
            return new ContactQuery.All();
        }
        return store.find(segmentId).map(SegmentView::query).orElseThrow(() -> new SegmentNotFoundException(segmentId));
    }
}
