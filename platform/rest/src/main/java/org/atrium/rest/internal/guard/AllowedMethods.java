package org.atrium.rest.internal.guard;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javax.ws.rs.HttpMethod;
import javax.ws.rs.Path;

import org.apache.cxf.jaxrs.impl.MetadataMap;
import org.apache.cxf.jaxrs.model.URITemplate;

/**
 * The HTTP methods each path of the published resources answers, from their annotations. CXF's own
 * {@code Allow} header for {@code /tickets/{key}} listed DELETE and POST, which belong to paths below it
 * ({@code /tickets/{key}/links/...}) and answer 405 there; this lists only the methods whose template
 * matches the whole path, with HEAD (for GET) and OPTIONS, which CXF answers for every resource.
 */
public final class AllowedMethods {
    private record Route(URITemplate template, String method) {
    }

    private final List<Route> routes;

    public AllowedMethods(Collection<?> resources) {
        List<Route> found = new ArrayList<>();
        for (Object resource : resources) {
            Path base = resource.getClass().getAnnotation(Path.class);
            if (base == null) {
                continue;
            }
            for (Method method : resource.getClass().getMethods()) {
                String verb = httpMethod(method);
                if (verb != null) {
                    Path sub = method.getAnnotation(Path.class);
                    found.add(new Route(new URITemplate(join(base.value(), sub == null ? "" : sub.value())), verb));
                }
            }
        }
        this.routes = List.copyOf(found);
    }

    /** The methods the path answers, sorted; empty when no resource has it. */
    public Set<String> of(String path) {
        String absolute = path.startsWith("/") ? path : "/" + path;
        Set<String> methods = new TreeSet<>();
        for (Route route : routes) {
            MetadataMap<String, String> values = new MetadataMap<>();
            if (route.template().match(absolute, values)) {
                String rest = values.getFirst(URITemplate.FINAL_MATCH_GROUP);
                if (rest == null || rest.isEmpty() || rest.equals("/")) {
                    methods.add(route.method());
                }
            }
        }
        if (methods.contains("GET")) {
            methods.add("HEAD");
        }
        if (!methods.isEmpty()) {
            methods.add("OPTIONS");
        }
        return methods;
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    private static String join(String base, String sub) {
        String left = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        String right = sub.isEmpty() || sub.startsWith("/") ? sub : "/" + sub;
        String joined = (left.startsWith("/") ? left : "/" + left) + right;
        return joined.isEmpty() ? "/" : joined;
    }
}
