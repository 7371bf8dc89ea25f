package org.optline.subscriptions.api;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.optline.contacts.api.Contacts;
import org.optline.platform.ConflictException;
import org.optline.platform.InvalidInputException;
import org.optline.platform.MissingInputException;
import org.optline.platform.Texts;
import org.optline.subscriptions.control.BulkJobRows;
import org.optline.subscriptions.control.ConsentRules;
import org.optline.subscriptions.control.QueryJson;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Bulk subscribe and unsubscribe: creates jobs that the background worker of any instance runs, and
 * reads their progress and per-contact reports.
 *
 * <p>A job's contacts are resolved once, at creation, and stored as PENDING items, so its population
 * never changes while it runs. Each contact is then changed through the {@link ConsentLedger} with the
 * source BULK, so the ledger's rules apply per contact and a contact whose state already is what the
 * job asks for is reported as already so, which makes running a job twice change nothing more.
 */
@ApplicationScoped
public class BulkConsentJobs {

    private static final Logger LOG = Logger.getLogger(BulkConsentJobs.class.getName());

    /** The maximum number of contacts in one job. A larger selection is rejected, so that nothing is cut silently. */
    public static final int MAX_CONTACTS = 2_000_000;

    /** The maximum number of contacts checked for existence in one query. */
    private static final int CHECK_BATCH = 1_000;

    @Resource(lookup = "java:app/jdbc/optline")
    DataSource dataSource;

    @Inject
    Contacts contacts;

    @Inject
    SubscriptionTypes types;

    @Inject
    Clock clock;

    /**
     * Creates a QUEUED job; a worker claims it within about a second.
     *
     * @throws SubscriptionTypeNotFoundException when the type does not exist
     * @throws ConflictException when subscribing to a type that is not live, or when the selection no
     *                           longer has the confirmed number of contacts
     * @throws InvalidInputException when the selection is empty, too large or names missing contacts, or
     *                               the override reason is invalid
     */
    @Transactional
    public BulkJobView create(NewBulkJob request) {
        SubscriptionTypeView type = check(request);
        String overrideReason = overrideReason(request);
        List<Long> contactIds = resolve(request.selection());
        requireExpectedCount(request, contactIds.size());
        String selection = request.selection() instanceof ContactSelection.Matching ? "MATCHING" : "LISTED";
        String queryJson = request.selection() instanceof ContactSelection.Matching matching
                ? QueryJson.write(matching.query()).toString() : null;
        BulkJobRows.NewJob job = new BulkJobRows.NewJob(type.id(), request.action(), selection, queryJson,
                overrideReason, request.actorId(), request.actorKind(), clock.instant());
        try (Connection connection = dataSource.getConnection()) {
            BulkJobRows rows = new BulkJobRows(connection);
            long id = rows.insert(job, contactIds);
            LOG.info(() -> "Bulk job " + id + " created by " + request.actorId() + ": " + request.action()
                    + " of subscription type " + type.id() + " for " + contactIds.size() + " contacts ("
                    + selection + (overrideReason == null ? "" : ", with override reason") + ")");
            return rows.find(id).orElseThrow();
        } catch (SQLException e) {
            throw new ConsentStorageException(e);
        }
    }

    /**
     * Checks a request as {@link #create} does and returns how many contacts it would change, for the
     * confirmation step. A matching selection is counted, not resolved, so the count is cheap.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(NewBulkJob request) {
        check(request);
        overrideReason(request);
        return switch (request.selection()) {
            case ContactSelection.Listed listed -> existing(listed.contactIds()).size();
            case ContactSelection.Matching matching -> {
                long matches = contacts.search(matching.query(), null, 1).totalCount();
                requireMatches(matches);
                yield matches;
            }
        };
    }

    public Optional<BulkJobView> find(long id) {
        return read(rows -> rows.find(id));
    }

    /** Returns the newest jobs first. */
    public List<BulkJobView> recent(int limit) {
        return read(rows -> rows.recent(limit));
    }

    /**
     * Returns one page of a job's per-contact report, in the order the job processes its contacts.
     *
     * @param outcome only items with this outcome, or null for all
     * @param page    the page number, from 1
     * @throws BulkJobNotFoundException when the job does not exist
     */
    public BulkJobItemPage items(long jobId, BulkItemOutcome outcome, int page, int perPage) {
        if (page < 1) {
            throw new InvalidInputException("page", "page " + page + " is out of range. Pages count from 1.");
        }
        if (perPage < 1 || perPage > Contacts.MAX_PER_PAGE) {
            throw new InvalidInputException("per_page", "per_page " + perPage + " is out of range. Use 1 to "
                    + Contacts.MAX_PER_PAGE + ".");
        }
        find(jobId).orElseThrow(() -> new BulkJobNotFoundException(String.valueOf(jobId)));
        return read(rows -> rows.items(jobId, outcome, page, perPage));
    }

    private SubscriptionTypeView check(NewBulkJob request) {
        SubscriptionTypeView type = types.find(request.subscriptionTypeId())
                .orElseThrow(() -> new SubscriptionTypeNotFoundException(String.valueOf(request.subscriptionTypeId())));
        if (request.action() == ConsentAction.OPT_IN && type.state() != State.LIVE) {
            throw new ConflictException("subscription_type_id", "Subscription type " + type.id() + " is "
                    + type.state().apiName() + "; contacts can be subscribed to live types only. "
                    + State.howToMakeLive(type.state()));
        }
        return type;
    }

    /** Returns the stripped override reason, or null when none was given. */
    private static String overrideReason(NewBulkJob request) {
        String reason = Texts.optional("override_reason", request.overrideReason(), ConsentRules.MAX_OVERRIDE_REASON);
        if (reason.isEmpty()) {
            return null;
        }
        if (request.action() != ConsentAction.OPT_IN) {
            throw new InvalidInputException("override_reason", "An override reason applies only to subscribing "
                    + "contacts who opted out themselves. Remove it to unsubscribe.");
        }
        if (reason.length() < ConsentRules.MIN_OVERRIDE_REASON) {
            throw new InvalidInputException("override_reason", "override_reason '" + reason + "' is "
                    + reason.length() + " characters long; at least " + ConsentRules.MIN_OVERRIDE_REASON
                    + " are needed to say why customers' own opt-outs are overridden.");
        }
        return reason;
    }

    private List<Long> resolve(ContactSelection selection) {
        return switch (selection) {
            case ContactSelection.Listed listed -> existing(listed.contactIds());
            case ContactSelection.Matching matching -> {
                List<Long> ids = contacts.idsMatching(matching.query(), MAX_CONTACTS);
                requireMatches(ids.size());
                yield ids;
            }
        };
    }

    private static void requireMatches(long count) {
        if (count == 0) {
            throw new InvalidInputException("query", "No contacts match the filter, so there is nothing to do. "
                    + "Change the filter.");
        }
        if (count > MAX_CONTACTS) {
            throw new InvalidInputException("query", count + " contacts match the filter; one job takes at most "
                    + MAX_CONTACTS + ". Narrow the filter.");
        }
    }

    /** Returns the listed ids in ascending order, after checking that each names a contact that exists. */
    private List<Long> existing(List<Long> listed) {
        if (listed.isEmpty()) {
            throw new MissingInputException("contact_ids", "No contacts are selected. Select at least one contact, "
                    + "or choose all contacts that match the filter.");
        }
        TreeSet<Long> ids = new TreeSet<>(listed);
        if (ids.size() > MAX_CONTACTS) {
            throw new InvalidInputException("contact_ids", ids.size() + " contacts are selected; one job takes at most "
                    + MAX_CONTACTS + ". Split the selection.");
        }
        List<Long> sorted = new ArrayList<>(ids);
        List<Long> missing = new ArrayList<>();
        for (int start = 0; start < sorted.size(); start += CHECK_BATCH) {
            List<Long> batch = sorted.subList(start, Math.min(start + CHECK_BATCH, sorted.size()));
            Set<Long> found = contacts.phones(batch).keySet();
            batch.stream().filter(id -> !found.contains(id)).forEach(missing::add);
        }
        if (!missing.isEmpty()) {
            String shown = missing.stream().limit(10).map(String::valueOf).collect(Collectors.joining(", "));
            String more = missing.size() > 10 ? " and " + (missing.size() - 10) + " more" : "";
            throw new InvalidInputException("contact_ids", "Contacts " + shown + more + " were not found; they may "
                    + "have been deleted. Remove them from the selection and retry.");
        }
        return sorted;
    }

    private static void requireExpectedCount(NewBulkJob request, int count) {
        if (request.expectedCount() != null && request.expectedCount() != count) {
            throw new ConflictException("expected_count", "The selection now has " + count + " contacts, not the "
                    + request.expectedCount() + " that were confirmed, because contacts were added, changed or "
                    + "deleted since. Nothing was started; review the selection and confirm again.");
        }
    }

    private interface Read<T> {
        T apply(BulkJobRows rows) throws SQLException;
    }

    private <T> T read(Read<T> read) {
        try (Connection connection = dataSource.getConnection()) {
            return read.apply(new BulkJobRows(connection));
        } catch (SQLException e) {
            throw new ConsentStorageException(e);
        }
    }
}
