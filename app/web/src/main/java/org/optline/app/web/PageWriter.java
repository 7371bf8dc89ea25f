package org.optline.app.web;

import gg.jte.output.WriterOutput;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import org.optline.platform.web.Htmx;
import org.optline.platform.web.Page;

import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/**
 * Writes a module's {@link Page}: inside the layout for a normal request, only its body for an htmx
 * request (htmx swaps the body into the page it already shows).
 */
@Provider
@Produces(MediaType.TEXT_HTML)
public class PageWriter implements MessageBodyWriter<Page> {

    @Context
    HttpServletRequest request;

    @Inject
    AppTemplates templates;

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return Page.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(Page page, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                        MultivaluedMap<String, Object> headers, OutputStream stream) {
        headers.putSingle("Content-Type", "text/html;charset=UTF-8");
        headers.add("Vary", Htmx.REQUEST);
        Writer writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
        boolean htmx = request.getHeader(Htmx.REQUEST) != null && request.getHeader("HX-Boosted") == null;
        if (htmx) {
            page.body().writeTo(new WriterOutput(writer));
        } else {
            templates.writeLayout(request, page, writer);
        }
        flush(writer);
    }

    static void flush(Writer writer) {
        try {
            writer.flush();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
