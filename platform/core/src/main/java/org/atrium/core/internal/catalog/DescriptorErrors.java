package org.atrium.core.internal.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * Every mistake found in one descriptor, so that a partner fixes them all in one round instead of
 * one per deployment. As a {@link DescriptorException} it names the first, for callers that show one.
 */
final class DescriptorErrors extends DescriptorException {
    private static final long serialVersionUID = 1L;
    private final transient List<DescriptorException> all;

    DescriptorErrors(List<DescriptorException> all) {
        super(all.get(0).field(), all.get(0).getMessage());
        this.all = List.copyOf(all);
    }

    List<DescriptorException> all() {
        return all;
    }

    /** Collects the errors of independent checks: a check that fails is recorded and the reading goes on. */
    static final class Collector {
        private final List<DescriptorException> errors = new ArrayList<>();

        @FunctionalInterface
        interface Check<T> {
            T run() throws DescriptorException;
        }

        /** The check's result, or {@code fallback} once its error is recorded. */
        <T> T take(Check<T> check, T fallback) {
            try {
                return check.run();
            } catch (DescriptorErrors e) {
                errors.addAll(e.all());
            } catch (DescriptorException e) {
                errors.add(e);
            }
            return fallback;
        }

        void add(DescriptorException e) {
            errors.add(e);
        }

        boolean clean() {
            return errors.isEmpty();
        }

        void throwIfAny() throws DescriptorErrors {
            if (!errors.isEmpty()) {
                throw new DescriptorErrors(errors);
            }
        }
    }
}
