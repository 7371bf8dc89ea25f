package org.optline.subscriptions.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.optline.platform.web.StandalonePage;
import org.optline.subscriptions.api.LocaleCode;
import org.optline.subscriptions.api.MessageType;
import org.optline.subscriptions.api.SubscriptionTypeView;
import org.optline.subscriptions.api.SubscriptionTypes;
import org.optline.subscriptions.api.Translation;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The admin preview of the SMS preference center: the customers' template with the live SMS types in
 * a chosen locale, as a contact who never chose anything sees it. Nothing here changes consent.
 */
@Path("admin/subscriptions/preview")
@ApplicationScoped
@Produces(MediaType.TEXT_HTML)
public class PreferenceCenterPreview {

    @Inject
    SubscriptionTypes types;

    @Inject
    @ConfigProperty(name = "optline.business.name", defaultValue = "Optline")
    String businessName;

    @GET
    @Operation(hidden = true)
    public StandalonePage preview(@QueryParam("locale") String localeParam) {
        LocaleCode locale = LocaleCode.parse("locale", localeParam == null || localeParam.isBlank() ? "en" : localeParam);
        List<SubscriptionTypeView> live = types.live(MessageType.SMS);
        PreferenceCenterModel center = model(live, locale.toLocale());
        PreviewModel preview = new PreviewModel(locale.value(), choices(live));
        return new StandalonePage(output -> SubscriptionTypesPage.TEMPLATES.render("preferences/center.jte",
                Map.of("center", center, "preview", preview), output));
    }

    PreferenceCenterModel model(List<SubscriptionTypeView> live, Locale locale) {
        List<PreferenceCenterModel.Item> items = live.stream()
                .map(type -> PreferenceCenterModel.Item.unchosen(type, locale))
                .toList();
        return PreferenceCenterModel.preview(CustomerTexts.forLocale(locale), businessName, items);
    }

    private static List<PreviewModel.Choice> choices(List<SubscriptionTypeView> live) {
        Map<String, String> choices = new TreeMap<>();
        for (Locale bundled : CustomerTexts.BUNDLED) {
            LocaleCode code = new LocaleCode(bundled.toLanguageTag());
            choices.put(code.value(), code.displayName());
        }
        for (SubscriptionTypeView type : live) {
            for (Translation text : type.translations()) {
                choices.put(text.locale().value(), text.locale().displayName());
            }
        }
        return choices.entrySet().stream().map(e -> new PreviewModel.Choice(e.getKey(), e.getValue())).toList();
    }
}
