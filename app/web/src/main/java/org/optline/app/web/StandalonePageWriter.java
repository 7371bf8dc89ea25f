package org.optline.app.web;

import gg.jte.output.WriterOutput;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import org.optline.platform.web.StandalonePage;

import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/** Writes a complete document that a module renders without the admin layout. */
@Provider
@Produces(MediaType.TEXT_HTML)
public class StandalonePageWriter implements MessageBodyWriter<StandalonePage> {

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return StandalonePage.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(StandalonePage page, Class<?> type, Type genericType, Annotation[] annotations,
                        MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream stream) {
        headers.putSingle("Content-Type", "text/html;charset=UTF-8");
        Writer writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
        page.document().writeTo(new WriterOutput(writer));
        PageWriter.flush(writer);
    }
}
