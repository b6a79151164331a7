package org.atrium.itests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Builds descriptor-only department bundles in memory, the way a partner would ship them. */
final class TestBundles {
    private TestBundles() {
    }

    static byte[] descriptorBundle(String symbolicName, String version, Map<String, String> descriptors) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", version);
        main.putValue("Atrium-RequestTypes", "atrium/*.json");
        main.putValue("Require-Capability",
                "osgi.extender;filter:=\"(&(osgi.extender=org.atrium.requesttypes)(version>=1.0)(!(version>=2.0)))\"");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            for (Map.Entry<String, String> file : descriptors.entrySet()) {
                jar.putNextEntry(new JarEntry("atrium/" + file.getKey()));
                jar.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                jar.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
