package org.optline.helpdesk.boundary;

import gg.jte.Content;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.optline.helpdesk.api.ConversationApp;
import org.optline.helpdesk.api.PartKind;
import org.optline.helpdesk.api.PartView;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The {@link ConversationApp} beans of all modules, as the inbox offers and renders them. */
@ApplicationScoped
class InstalledApps {

    private static final Logger LOG = Logger.getLogger(InstalledApps.class.getName());

    @Inject
    Instance<ConversationApp> apps;

    /** Returns one composer button per app for {@code conversationIds}, by label. */
    List<AppButton> buttons(List<Long> conversationIds) {
        List<AppButton> buttons = new ArrayList<>();
        for (ConversationApp app : apps) {
            String path = app.composerPath(conversationIds);
            if (!isLocalPath(path)) {
                LOG.warning(() -> "App " + app.type() + " returned composer path '" + path + "', which is not a path "
                        + "on this site; its button is left out");
                continue;
            }
            buttons.add(new AppButton(app.type(), app.composerLabel(), path));
        }
        buttons.sort(Comparator.comparing(AppButton::label));
        return buttons;
    }

    /** Returns the part with what every app of its type renders for an agent. */
    PartModel agentModel(PartView part) {
        if (part.kind() != PartKind.APP) {
            return new PartModel(part, List.of());
        }
        List<Content> views = new ArrayList<>();
        for (ConversationApp app : apps) {
            if (app.type().equals(part.appType())) {
                views.add(safely(app, part));
            }
        }
        return new PartModel(part, views);
    }

    List<PartModel> agentModels(List<PartView> parts) {
        return parts.stream().map(this::agentModel).toList();
    }

    /**
     * Renders the part through the app, and shows a short notice in its place when the app fails, so that
     * one broken app does not break the whole conversation page.
     */
    private static Content safely(ConversationApp app, PartView part) {
        return output -> {
            try {
                app.agentView(part).writeTo(output);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, e, () -> "App " + app.type() + " failed to render part " + part.id()
                        + " of conversation " + part.conversationId());
                HelpdeskTemplates.render("inbox/appFailed.jte", Map.of()).writeTo(output);
            }
        };
    }

    static boolean isLocalPath(String path) {
        return path != null && path.startsWith("/") && !path.startsWith("//") && !path.contains("\\")
                && path.chars().noneMatch(Character::isISOControl);
    }
}
