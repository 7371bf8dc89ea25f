package org.optline.it.support;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;

/** The WAR that Maven packaged, deployed unchanged at the root context as production runs it. */
public final class OptlineDeployment {

    private OptlineDeployment() {
    }

    public static WebArchive packagedWar() {
        String path = System.getProperty("optline.war");
        if (path == null || !new File(path).isFile()) {
            throw new IllegalStateException("optline.war '" + path + "' is missing. Run the tests with bin/test "
                    + "or ./mvnw verify, which package the WAR first.");
        }
        return ShrinkWrap.create(ZipImporter.class, "ROOT.war").importFrom(new File(path)).as(WebArchive.class);
    }
}
