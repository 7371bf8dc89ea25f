package org.optline.subscriptions.boundary;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BulkSelectionModelTest {

    @Test
    void tickedContactsAreDefaultScope() {
        BulkSelectionModel selection = new BulkSelectionModel(300, 3);

        assertThat(selection.listedChecked()).isTrue();
        assertThat(selection.matchingChecked()).isFalse();
        assertThat(selection.selectionText()).isEqualTo("3 selected");
        assertThat(selection.listedLabel()).isEqualTo("The 3 selected contacts");
    }

    @Test
    void withoutTicksMatchingIsDefaultScope() {
        BulkSelectionModel selection = new BulkSelectionModel(3_000, 0);

        assertThat(selection.listedChecked()).isFalse();
        assertThat(selection.matchingChecked()).isTrue();
        assertThat(selection.selectionText()).isEqualTo("None selected");
        assertThat(selection.matchingLabel()).isEqualTo("All 3,000 contacts that match the current filter");
    }

    @Test
    void nothingToChangeChecksNoScope() {
        BulkSelectionModel selection = new BulkSelectionModel(0, 0);

        assertThat(selection.listedChecked()).isFalse();
        assertThat(selection.matchingChecked()).isFalse();
        assertThat(selection.matchingLabel()).contains("none match");
    }

    @Test
    void singleContactIsNamedInSingular() {
        BulkSelectionModel selection = new BulkSelectionModel(1, 1);

        assertThat(selection.listedLabel()).isEqualTo("The selected contact");
        assertThat(selection.matchingLabel()).isEqualTo("The 1 contact that matches the current filter");
    }
}
