package org.optline.contacts.control;

import org.junit.jupiter.api.Test;
import org.optline.contacts.api.ContactQuery.Condition;
import org.optline.contacts.api.ContactQuery.Operator;
import org.optline.contacts.api.SqlCondition;
import org.optline.platform.InvalidInputException;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SearchCompilerTest {

    private final SearchCompiler compiler = new SearchCompiler(List.of(), "US");

    @Test
    void phoneTypeBindsStoredName() {
        SqlCondition sql = compiler.compile(new Condition("phone_type", Operator.IN, List.of("mobile", "Fixed_Line")));

        assertThat(sql.sql()).isEqualTo("c.phone_type IN (?, ?)");
        assertThat(sql.parameters()).containsExactly("MOBILE", "FIXED_LINE");
    }

    @Test
    void negatedPhoneTypeKeepsNullTypes() {
        SqlCondition sql = compiler.compile(new Condition("phone_type", Operator.NOT_EQUALS, "mobile"));

        assertThat(sql.sql()).isEqualTo("(c.phone_type IS NULL OR NOT c.phone_type IN (?))");
    }

    @Test
    void unknownPhoneTypeNamesChoices() {
        assertThatThrownBy(() -> compiler.compile(new Condition("phone_type", Operator.EQUALS, "fax")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'fax'")
                .hasMessageContaining("fixed_line");
    }

    @Test
    void phoneValidFalseNegatesTest() {
        SqlCondition yes = compiler.compile(new Condition("phone_valid", Operator.EQUALS, true));
        SqlCondition no = compiler.compile(new Condition("phone_valid", Operator.EQUALS, "false"));

        assertThat(yes.sql()).isEqualTo("(c.phone IS NOT NULL AND c.phone_type IS NOT NULL)");
        assertThat(no.sql()).isEqualTo("NOT (c.phone IS NOT NULL AND c.phone_type IS NOT NULL)");
    }

    @Test
    void smsCapableListsOnlyCapableTypes() {
        String sql = compiler.compile(new Condition("sms_capable", Operator.EQUALS, true)).sql();

        assertThat(sql).contains("'MOBILE'").contains("'UNKNOWN'").doesNotContain("'FIXED_LINE'").doesNotContain("'PAGER'");
    }

    @Test
    void flagRejectsOtherValues() {
        assertThatThrownBy(() -> compiler.compile(new Condition("sms_capable", Operator.EQUALS, "yes")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("needs true or false, not 'yes'");
    }
}
