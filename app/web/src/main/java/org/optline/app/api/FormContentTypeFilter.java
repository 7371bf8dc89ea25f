package org.optline.app.api;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rejects a request to a method that reads {@code @FormParam} fields when its body is not a form. Jersey
 * would otherwise fail while reading the fields, and the caller would get a 500 instead of an error
 * that names the content type to send.
 */
@Provider
@Priority(Priorities.ENTITY_CODER)
public class FormContentTypeFilter implements ContainerRequestFilter {

    private static final Map<Method, Boolean> READS_FORM = new ConcurrentHashMap<>();

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest http;

    @Inject
    ErrorResponses errors;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource.getResourceMethod();
        if (method == null || !READS_FORM.computeIfAbsent(method, FormContentTypeFilter::readsForm)) {
            return;
        }
        MediaType type = request.getMediaType();
        if (type != null && type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
            return;
        }
        String sent = type == null ? "no Content-Type" : "Content-Type " + type;
        request.abortWith(errors.of(http, 415, "unsupported_media_type", "This request sent " + sent + ", but it "
                + "must send its fields as a form. Use the form on the page, or send Content-Type "
                + MediaType.APPLICATION_FORM_URLENCODED + ".", null));
    }

    /** Returns whether a parameter of {@code method} is a form field, which Jersey reads from the body. */
    static boolean readsForm(Method method) {
        for (Annotation[] annotations : method.getParameterAnnotations()) {
            for (Annotation annotation : annotations) {
                if (annotation instanceof FormParam) {
                    return true;
                }
            }
        }
        return false;
    }
}
