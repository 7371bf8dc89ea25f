package org.optline.contacts.boundary;

import org.optline.platform.ApiSchemas;

import java.util.ArrayList;
import java.util.List;

/** The JSON records of the contact endpoints, for the app's OpenAPI document. */
public class ContactApiSchemas implements ApiSchemas {

    @Override
    public List<Class<? extends Record>> records() {
        List<Class<? extends Record>> records = new ArrayList<>(List.of(ContactJson.class, ContactJson.ListJson.class,
                ContactJson.Deleted.class));
        records.addAll(ContactRequestBodies.records());
        return records;
    }
}
