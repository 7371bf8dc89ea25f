package org.optline.contacts.api;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

class ContactColumnsTest {

    private final Logger logger = Logger.getLogger(ContactColumns.class.getName());
    private final List<String> messages = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            messages.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLog() {
        logger.addHandler(capture);
    }

    @AfterEach
    void stopCapture() {
        logger.removeHandler(capture);
    }

    @Test
    void roleIgnoresCase() {
        assertThat(ContactColumns.role(1L, "lead")).isEqualTo(ContactRole.LEAD);
        assertThat(ContactColumns.role(1L, "User")).isEqualTo(ContactRole.USER);
        assertThat(messages).isEmpty();
    }

    @Test
    void unknownRoleReadsAsUser() {
        assertThat(ContactColumns.role(7_001L, "VISITOR")).isEqualTo(ContactRole.USER);
        assertThat(ContactColumns.role(7_001L, "VISITOR")).isEqualTo(ContactRole.USER);

        assertThat(messages).containsExactly("Contact 7001 has the unknown value 'VISITOR' in contact.role. "
                + "It is read as USER. Set contact.role to USER or LEAD.");
    }

    @Test
    void lineTypeIgnoresCase() {
        assertThat(ContactColumns.lineType(2L, "mobile")).isEqualTo(LineType.MOBILE);
        assertThat(ContactColumns.lineType(2L, "Fixed_Line")).isEqualTo(LineType.FIXED_LINE);
        assertThat(messages).isEmpty();
    }

    @Test
    void missingLineTypeIsNullWithoutLog() {
        assertThat(ContactColumns.lineType(3L, null)).isNull();
        assertThat(messages).isEmpty();
    }

    @Test
    void unknownLineTypeReadsAsNone() {
        assertThat(ContactColumns.lineType(7_002L, "SATELLITE")).isNull();
        assertThat(ContactColumns.lineType(7_002L, "SATELLITE")).isNull();
        assertThat(ContactColumns.lineType(7_003L, "SATELLITE")).isNull();

        assertThat(messages).hasSize(2);
        assertThat(messages.getFirst()).isEqualTo("Contact 7002 has the unknown value 'SATELLITE' in contact.phone_type. "
                + "Its number counts as invalid and gets no SMS. Send the contact's phone again "
                + "(PUT /api/contacts/7002 with \"phone\", or save it on the contact's page) to read the line type anew.");
        assertThat(messages.get(1)).startsWith("Contact 7003 has the unknown value 'SATELLITE'");
    }
}
