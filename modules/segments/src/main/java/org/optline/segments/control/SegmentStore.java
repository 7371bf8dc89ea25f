package org.optline.segments.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.optline.contacts.api.ContactQuery;
import org.optline.contacts.api.Contacts;
import org.optline.platform.ConflictException;
import org.optline.platform.InvalidInputException;
import org.optline.platform.Texts;
import org.optline.platform.TypedJson;
import org.optline.segments.api.SegmentNotFoundException;
import org.optline.segments.api.SegmentUses;
import org.optline.segments.api.SegmentView;
import org.optline.segments.entity.Segment;

import java.io.StringReader;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import static org.optline.platform.Jsons.JSON;

/** Creates, changes, deletes and reads segments. */
@ApplicationScoped
@Transactional
public class SegmentStore {

    private static final Logger LOG = Logger.getLogger(SegmentStore.class.getName());

    public static final int MAX_NAME = 120;
    /** The maximum length of the conditions text, in characters. */
    public static final int MAX_CONDITIONS = 20_000;

    @PersistenceContext(unitName = "segments")
    EntityManager em;

    @Inject
    Contacts contacts;

    @Inject
    Clock clock;

    @Inject
    Instance<SegmentUses> uses;

    public SegmentView create(String name, String conditions, String actor) {
        String checkedName = Texts.required("name", name, MAX_NAME);
        String json = checkedConditions(conditions);
        requireUniqueName(checkedName, null);
        Segment segment = new Segment(checkedName, json, actor, clock.instant());
        em.persist(segment);
        flush(segment.id());
        LOG.info(() -> "Segment " + segment.id() + " created by " + actor);
        return view(segment);
    }

    /** Replaces the name and conditions of a segment, if it is still at {@code expectedVersion}. */
    public SegmentView change(long id, String name, String conditions, long expectedVersion, String actor) {
        Segment segment = require(id);
        requireVersion(segment, expectedVersion);
        String checkedName = Texts.required("name", name, MAX_NAME);
        String json = checkedConditions(conditions);
        requireUniqueName(checkedName, id);
        segment.change(checkedName, json, clock.instant());
        flush(id);
        LOG.info(() -> "Segment " + id + " changed by " + actor + ", now version " + segment.version());
        return view(segment);
    }

    /** Deletes a segment that is still at {@code expectedVersion} and that nothing uses. */
    public void delete(long id, long expectedVersion, String actor) {
        Segment segment = require(id);
        requireVersion(segment, expectedVersion);
        // NOTE: no module implements SegmentUses yet; until messaging does, a segment of a scheduled send can be deleted.
        for (SegmentUses user : uses) {
            Optional<String> use = user.use(id);
            if (use.isPresent()) {
                throw new ConflictException("segment", "Segment '" + segment.name() + "' is used by " + use.get()
                        + ", so it was not deleted. Remove it from there first.");
            }
        }
        em.remove(segment);
        flush(id);
        LOG.info(() -> "Segment " + id + " deleted by " + actor);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<SegmentView> find(long id) {
        return Optional.ofNullable(em.find(Segment.class, id)).map(this::view);
    }

    /** Returns every segment, sorted by name. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SegmentView> list() {
        return em.createQuery("SELECT s FROM Segment s ORDER BY s.name, s.id", Segment.class)
                .getResultStream().map(this::view).toList();
    }

    /**
     * Reads conditions typed as Intercom's search query JSON, and checks every field, operator and value;
     * empty text matches every contact.
     *
     * @throws InvalidInputException naming what is wrong and how to fix it
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ContactQuery parseConditions(String conditions) {
        String text = conditions == null ? "" : conditions.strip();
        if (text.isEmpty()) {
            return new ContactQuery.All();
        }
        if (text.length() > MAX_CONDITIONS) {
            throw new InvalidInputException("conditions", "The conditions are " + text.length()
                    + " characters long; the maximum is " + MAX_CONDITIONS + ". Simplify them.");
        }
        JsonValue json;
        try {
            // The text as typed, not stripped, so that the error's line and column match the editor.
            json = TypedJson.read(conditions);
        } catch (TypedJson.SyntaxException e) {
            throw new InvalidInputException("conditions", "The conditions are not valid JSON " + e.getMessage()
                    + ". Write them as a search query, such as {\"field\": \"role\", \"operator\": \"=\", \"value\": \"user\"}.");
        }
        ContactQuery query = Contacts.parseQuery(json);
        contacts.compile(query);
        return query;
    }

    private String checkedConditions(String conditions) {
        ContactQuery query = parseConditions(conditions);
        return query instanceof ContactQuery.All ? null : Contacts.writeQuery(query).toString();
    }

    private SegmentView view(Segment segment) {
        ContactQuery query = segment.conditions() == null ? new ContactQuery.All()
                : Contacts.parseQuery(JSON.createReader(new StringReader(segment.conditions())).readValue());
        return new SegmentView(segment.id(), segment.name(), query, segment.createdBy(), segment.createdAt(),
                segment.updatedAt(), segment.version());
    }

    private Segment require(long id) {
        Segment segment = em.find(Segment.class, id);
        if (segment == null) {
            throw new SegmentNotFoundException(id);
        }
        return segment;
    }

    private static void requireVersion(Segment segment, long expectedVersion) {
        if (segment.version() != expectedVersion) {
            throw new ConflictException("version", "Segment " + segment.id() + " was changed by someone else (your version "
                    + expectedVersion + ", now " + segment.version() + "). Nothing was saved; reload and retry.");
        }
    }

    private void requireUniqueName(String name, Long self) {
        em.createQuery("SELECT s.id FROM Segment s WHERE s.name = :name", Long.class).setParameter("name", name)
                .setFlushMode(FlushModeType.COMMIT)
                .getResultStream()
                .filter(id -> !id.equals(self))
                .findFirst()
                .ifPresent(id -> {
                    throw new ConflictException("name", "A segment named '" + name + "' exists already (segment " + id
                            + "). Choose another name.");
                });
    }

    /** Writes now, so that a version or unique-name conflict from a concurrent request surfaces here. */
    private void flush(Long id) {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new ConflictException("version", "Segment " + id + " was changed by someone else at the same moment. "
                    + "Nothing was saved; reload and retry.");
        } catch (PersistenceException e) {
            throw new ConflictException("name", "A segment with the same name was saved at the same moment. "
                    + "Nothing was saved; choose another name.");
        }
    }
}
