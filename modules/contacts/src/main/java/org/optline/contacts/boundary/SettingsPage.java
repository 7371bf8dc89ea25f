package org.optline.contacts.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.optline.contacts.api.Contacts;
import org.optline.contacts.control.PhoneNumberParser;
import org.optline.platform.web.Page;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.optline.contacts.boundary.ContactsTemplates.done;
import static org.optline.contacts.boundary.ContactsTemplates.render;

/** The workspace settings page: the default country that phone numbers without a country code are read in. */
@Path("admin/settings")
@ApplicationScoped
@Produces(MediaType.TEXT_HTML)
public class SettingsPage {

    /** The regions libphonenumber reads numbers of, sorted by English name; they do not change at run time. */
    static final List<Region> REGIONS = regions();

    @Inject
    Contacts contacts;

    @GET
    @Operation(hidden = true)
    public Page page() {
        return new Page("Settings", "settings", render("settings/settings.jte",
                Map.of("regions", REGIONS, "defaultCountry", contacts.defaultCountry())));
    }

    @POST
    @Path("default-country")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response changeDefaultCountry(@FormParam("default_country") String country, @Context SecurityContext caller) {
        contacts.changeDefaultCountry(country, caller.getUserPrincipal().getName());
        String region = contacts.defaultCountry();
        return Response.ok(done("Phone numbers without a country code are now read as " + name(region) + " ("
                + region + ") numbers. Stored numbers stay as they are.")).build();
    }

    /**
     * A region phone numbers can be read in.
     *
     * @param code        the ISO 3166-1 code, such as {@code GB}
     * @param name        the English name, such as "United Kingdom"
     * @param callingCode the country calling code, such as 44
     */
    public record Region(String code, String name, int callingCode) {
    }

    static List<Region> regions() {
        return PhoneNumberParser.supportedRegions().stream()
                .map(code -> new Region(code, name(code), PhoneNumberParser.callingCode(code)))
                .sorted(Comparator.comparing(Region::name).thenComparing(Region::code))
                .toList();
    }

    /** Returns the English name of {@code code}, or the code itself where the JDK has no name for it. */
    static String name(String code) {
        String name = Locale.of("", code).getDisplayCountry(Locale.ENGLISH);
        return name.isBlank() ? code : name;
    }
}
