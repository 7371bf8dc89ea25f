package org.optline.subscriptions.boundary;

import java.util.Optional;

/** Parses the ids in paths; anything that is no positive number matches no type. */
final class SubscriptionTypeIds {

    private SubscriptionTypeIds() {
    }

    static Optional<Long> parse(String id) {
        if (id == null || id.isEmpty() || id.length() > 18 || !id.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        long value = Long.parseLong(id);
        return value > 0 ? Optional.of(value) : Optional.empty();
    }
}
