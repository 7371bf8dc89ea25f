package org.optline.segments.boundary;

import gg.jte.Content;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.optline.contacts.api.ContactView;
import org.optline.contacts.api.Contacts;
import org.optline.platform.InvalidInputException;
import org.optline.segments.api.AudiencePreview;
import org.optline.segments.api.Audiences;
import org.optline.segments.api.SegmentNotFoundException;
import org.optline.segments.api.SegmentView;
import org.optline.subscriptions.api.SubscriptionTypeNotFoundException;
import org.optline.subscriptions.api.SubscriptionTypeView;
import org.optline.subscriptions.api.SubscriptionTypes;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.optline.segments.boundary.SegmentsTemplates.render;

/**
 * The audience preview as an htmx fragment, for the segment editor and for any page that composes a
 * send: {@code GET /admin/segments/preview?type=<SMS type id>&segment=<segment id>}, where an empty or
 * missing segment means all contacts.
 */
@Path("admin/segments/preview")
@ApplicationScoped
@Produces(MediaType.TEXT_HTML)
public class PreviewFragment {

    static final int SAMPLE_SIZE = 10;

    @Inject
    Audiences audiences;

    @Inject
    SubscriptionTypes types;

    @Inject
    Contacts contacts;

    @GET
    @Operation(hidden = true)
    public Content preview(@QueryParam("type") String typeText, @QueryParam("segment") String segmentText) {
        long typeId = id("type", typeText);
        Long segmentId = segmentText == null || segmentText.isBlank() ? null : id("segment", segmentText);
        SubscriptionTypeView type = types.find(typeId)
                .orElseThrow(() -> new SubscriptionTypeNotFoundException(String.valueOf(typeId)));
        SegmentView segment = segmentId == null ? null
                : audiences.segment(segmentId).orElseThrow(() -> new SegmentNotFoundException(segmentId));
        AudiencePreview preview = audiences.preview(typeId, segmentId, SAMPLE_SIZE);
        List<ContactView> sample = preview.sample().stream().map(contacts::find).flatMap(Optional::stream).toList();
        return render("segments/preview.jte", Map.of("model", new PreviewModel(type, segment, preview, sample)));
    }

    private static long id(String field, String text) {
        if (text == null || !text.strip().matches("[1-9][0-9]{0,17}")) {
            throw new InvalidInputException(field, field + " '" + text + "' is not an id. Choose a " + field
                    + " from the list.");
        }
        return Long.parseLong(text.strip());
    }
}
