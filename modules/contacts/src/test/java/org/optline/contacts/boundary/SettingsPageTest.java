package org.optline.contacts.boundary;

import org.junit.jupiter.api.Test;

import java.util.Comparator;

import static org.assertj.core.api.Assertions.assertThat;

class SettingsPageTest {

    @Test
    void regionsAreSortedByEnglishName() {
        assertThat(SettingsPage.REGIONS).isSortedAccordingTo(Comparator.comparing(SettingsPage.Region::name)
                .thenComparing(SettingsPage.Region::code));
    }

    @Test
    void regionsCarryNameAndCallingCode() {
        assertThat(SettingsPage.REGIONS).contains(new SettingsPage.Region("US", "United States", 1),
                new SettingsPage.Region("GB", "United Kingdom", 44));
    }

    @Test
    void everyRegionHasAName() {
        assertThat(SettingsPage.REGIONS).allSatisfy(region -> assertThat(region.name()).isNotBlank());
    }
}
