package org.optline.app.api;

import jakarta.json.JsonNumber;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.optline.platform.ApiSchemas;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import static org.optline.platform.Jsons.JSON;

/**
 * Completes the OpenAPI document at {@code /openapi} after Payara has built it from the annotations
 * (registered as {@code mp.openapi.filter} in microprofile-config.properties).
 *
 * <ul>
 *   <li>The component schemas are replaced by those that {@link RecordSchemas} builds from the records
 *       each module lists as {@link ApiSchemas}, because Payara 7's scan names properties after the Java
 *       components, not after their JSON-B names, and maps {@code long} to number.</li>
 *   <li>Every 4xx response of an {@code /api} operation gets the {@code error.list} body that
 *       {@link ApiErrors} writes, and every operation gets a 401, because the token filter guards all of
 *       {@code /api}.</li>
 * </ul>
 */
public class ApiDocumentFilter implements OASFilter {

    /** The schema of {@link ApiErrors}'s body. */
    static final String ERROR_LIST = "ErrorList";

    /** The schema of one entry of {@code errors}. */
    static final String ERROR = "Error";

    /** The response header that carries an object's version. */
    static final String ETAG = "ETag";

    private static final String API_PREFIX = "/api/";

    @Override
    public void filterOpenAPI(OpenAPI document) {
        Components components = document.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            document.setComponents(components);
        }
        RecordSchemas records = new RecordSchemas();
        for (ApiSchemas source : ServiceLoader.load(ApiSchemas.class, ApiDocumentFilter.class.getClassLoader())) {
            source.records().forEach(records::add);
        }
        Map<String, Schema> schemas = records.schemas();
        schemas.put(ERROR_LIST, errorList());
        schemas.put(ERROR, error());
        components.setSchemas(schemas);
        components.addHeader(ETAG, OASFactory.createHeader()
                .description("The version of the returned object in quotes, such as \"3\", for If-Match.")
                .schema(OASFactory.createSchema().addType(SchemaType.STRING)));

        if (document.getPaths() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : document.getPaths().getPathItems().entrySet()) {
            if (path.getKey().startsWith(API_PREFIX)) {
                for (Operation operation : path.getValue().getOperations().values()) {
                    describeErrors(operation);
                    parseExamples(operation.getRequestBody());
                }
            }
        }
    }

    private static void describeErrors(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        if (responses.getAPIResponse("401") == null) {
            responses.addAPIResponse("401", OASFactory.createAPIResponse()
                    .description("The access token is missing, unknown or revoked."));
        }
        for (Map.Entry<String, APIResponse> response : responses.getAPIResponses().entrySet()) {
            Content content = response.getValue().getContent();
            boolean clientError = response.getKey().startsWith("4");
            if (clientError && (content == null || content.getMediaTypes() == null || content.getMediaTypes().isEmpty())) {
                response.getValue().setContent(OASFactory.createContent().addMediaType("application/json",
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(ERROR_LIST))));
            }
        }
    }

    /**
     * Turns the request examples, which annotations can give only as JSON text, into JSON values, so that
     * the document shows them as objects rather than as strings.
     */
    private static void parseExamples(RequestBody body) {
        if (body == null || body.getContent() == null || body.getContent().getMediaTypes() == null) {
            return;
        }
        for (MediaType mediaType : body.getContent().getMediaTypes().values()) {
            if (mediaType.getExample() instanceof String text && text.startsWith("{")) {
                try (JsonReader reader = JSON.createReader(new StringReader(text))) {
                    mediaType.setExample(plain(reader.readValue()));
                }
            }
        }
    }

    /** Converts a JSON-P value to maps, lists, strings, numbers, booleans and null, which every serializer writes. */
    private static Object plain(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                value.asJsonObject().forEach((key, member) -> map.put(key, plain(member)));
                yield map;
            }
            case ARRAY -> value.asJsonArray().stream().map(ApiDocumentFilter::plain).toList();
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> ((JsonNumber) value).numberValue();
            case TRUE -> true;
            case FALSE -> false;
            case NULL -> null;
        };
    }

    private static Schema errorList() {
        return OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("Intercom's error body. Intercom's clients read errors[0].code and errors[0].message.")
                .addProperty("type", OASFactory.createSchema().addType(SchemaType.STRING).enumeration(List.of("error.list")))
                .addProperty("request_id", OASFactory.createSchema().addType(SchemaType.STRING).format("uuid")
                        .description("A new id for each error response."))
                .addProperty("errors", OASFactory.createSchema().addType(SchemaType.ARRAY).minItems(1)
                        .items(OASFactory.createSchema().ref(ERROR)))
                .required(List.of("type", "request_id", "errors"));
    }

    private static Schema error() {
        return OASFactory.createSchema().addType(SchemaType.OBJECT)
                .addProperty("code", OASFactory.createSchema().addType(SchemaType.STRING)
                        .description("Intercom's error code, such as unauthorized, not_found, parameter_not_found, "
                                + "parameter_invalid or conflict."))
                .addProperty("message", OASFactory.createSchema().addType(SchemaType.STRING)
                        .description("What failed, on which value, and what to do."))
                .addProperty("field", OASFactory.createSchema().addType(SchemaType.STRING)
                        .description("The request field at fault, as the API spells it, such as phone or "
                                + "translations[0].locale. Absent when no single field is at fault."))
                .required(List.of("code"));
    }
}
