package org.optline.subscriptions.boundary;

import org.optline.platform.ApiSchemas;

import java.util.ArrayList;
import java.util.List;

/**
 * The JSON records of the subscription type, contact subscription, consent record and bulk job
 * endpoints, for the app's OpenAPI document.
 */
public class SubscriptionApiSchemas implements ApiSchemas {

    @Override
    public List<Class<? extends Record>> records() {
        List<Class<? extends Record>> records = new ArrayList<>(List.of(SubscriptionTypeJson.class,
                SubscriptionTypeJson.ListJson.class, ConsentEventJson.ListJson.class,
                ConsentEventJson.VerificationJson.class, BulkJobJson.class, BulkJobJson.ListJson.class,
                BulkJobJson.ItemListJson.class));
        records.addAll(SubscriptionRequestBodies.records());
        return records;
    }
}
