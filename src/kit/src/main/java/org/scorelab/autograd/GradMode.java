package org.scorelab.autograd;

import java.util.function.Supplier;

/** Whether operations on this thread are recorded (torch's {@code torch.no_grad} / {@code enable_grad}). */
final class GradMode {
    private static final ThreadLocal<Boolean> ENABLED = ThreadLocal.withInitial(() -> Boolean.TRUE);

    private GradMode() {
    }

    static boolean isEnabled() {
        return ENABLED.get();
    }

    static <T> T with(boolean enabled, Supplier<T> body) {
        boolean before = ENABLED.get();
        ENABLED.set(enabled);
        try {
            return body.get();
        } finally {
            ENABLED.set(before);
        }
    }
}
