package dev.bulletin.faults;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

/** A port (a store) whose calls a {@link FailureLog} follows: every failing call is noted there, then thrown on. */
public final class Watched {

    private Watched() {
    }

    public static <T> T watch(Class<T> port, T target, FailureLog log) {
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[]{port}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.invoke(target, args);
            }
            try {
                Object result = method.invoke(target, args);
                log.worked();
                return result;
            } catch (InvocationTargetException e) {
                // a checked one too: a failed commit throws RollbackException through a transactional bean
                log.failed(e.getCause());
                throw e.getCause();
            }
        }));
    }
}
