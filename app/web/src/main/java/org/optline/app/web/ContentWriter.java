package org.optline.app.web;

import gg.jte.Content;
import gg.jte.output.WriterOutput;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;

import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/** Writes an HTML fragment that a module rendered from its templates, for htmx to swap in. */
@Provider
@Produces(MediaType.TEXT_HTML)
public class ContentWriter implements MessageBodyWriter<Content> {

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return Content.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(Content content, Class<?> type, Type genericType, Annotation[] annotations,
                        MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream stream) {
        headers.putSingle("Content-Type", "text/html;charset=UTF-8");
        Writer writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
        content.writeTo(new WriterOutput(writer));
        PageWriter.flush(writer);
    }
}
