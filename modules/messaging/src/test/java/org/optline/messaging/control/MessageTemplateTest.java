package org.optline.messaging.control;

import org.junit.jupiter.api.Test;
import org.optline.platform.InvalidInputException;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MessageTemplateTest {

    private static final Map<String, String> ADA = Map.of("first_name", "Ada", "custom.plan", "Gold");

    @Test
    void rendersKnownAttributes() {
        String text = MessageTemplate.parse("Hi {{first_name}}, your plan: {{ custom.plan }}.")
                .render(attribute -> Optional.ofNullable(ADA.get(attribute)));
        assertEquals("Hi Ada, your plan: Gold.", text);
    }

    @Test
    void usesFallbackForMissingValue() {
        String text = MessageTemplate.parse("Hi {{first_name | fallback: \"there\"}}!").render(attribute -> Optional.empty());
        assertEquals("Hi there!", text);
    }

    @Test
    void missingValueWithoutFallbackIsEmpty() {
        assertEquals("Hi !", MessageTemplate.parse("Hi {{email}}!").render(attribute -> Optional.empty()));
    }

    @Test
    void rejectsUnknownPlaceholdersNamingThem() {
        InvalidInputException error = assertThrows(InvalidInputException.class,
                () -> MessageTemplate.parse("Hi {{nickname}} and {{first_name}} from {{ company | x }}"));
        assertTrue(error.getMessage().contains("{{nickname}}"), error.getMessage());
        assertTrue(error.getMessage().contains("{{ company | x }}"), error.getMessage());
        assertEquals(Optional.of("body"), error.field());
    }

    @Test
    void textWithoutPlaceholdersStaysAsIs() {
        assertEquals("Sale { today }", MessageTemplate.parse("Sale { today }").render(attribute -> Optional.empty()));
    }
}
