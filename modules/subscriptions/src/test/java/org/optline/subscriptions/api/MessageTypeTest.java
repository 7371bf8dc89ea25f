package org.optline.subscriptions.api;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.optline.platform.InvalidInputException;
import org.optline.platform.MissingInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class MessageTypeTest {

    @ParameterizedTest
    @CsvSource({
            "sms, SMS",
            "SMS, SMS",
            "sms_message, SMS",
            "'  Sms_Message ', SMS",
            "email, EMAIL",
            "EMAIL, EMAIL",
            "' Email', EMAIL",
    })
    void parseAcceptsPageAndApiSpellings(String value, MessageType expected) {
        assertThat(MessageType.parse("message_type", value)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fax", "sms-message", "e-mail", "push", "SMS_MESSAGES"})
    void parseRejectsUnknownValue(String value) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> MessageType.parse("content_types", value));

        assertThat(e).isNotNull().isNotInstanceOf(MissingInputException.class);
        assertThat(e.field()).contains("content_types");
        assertThat(e.getMessage()).isEqualTo("content_types '" + value + "' is unknown. Use sms_message or email.");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " \t"})
    void parseRejectsBlank(String value) {
        MissingInputException e = catchThrowableOfType(MissingInputException.class,
                () -> MessageType.parse("message_type", value));

        assertThat(e).isNotNull();
        assertThat(e.field()).contains("message_type");
        assertThat(e.getMessage()).isEqualTo("message_type is missing. Use sms_message or email.");
    }

    @ParameterizedTest
    @CsvSource({"SMS, sms_message", "EMAIL, email"})
    void apiNameParsesBack(MessageType type, String apiName) {
        assertThat(type.apiName()).isEqualTo(apiName);
        assertThat(MessageType.parse("content_types", type.apiName())).isEqualTo(type);
    }
}
