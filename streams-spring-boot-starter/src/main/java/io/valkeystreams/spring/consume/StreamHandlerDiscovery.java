package io.valkeystreams.spring.consume;

import io.valkeystreams.spring.StreamHandler;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;

/** Finds {@link StreamHandler} methods on beans and checks their signatures as the beans are created. */
public final class StreamHandlerDiscovery implements BeanPostProcessor {

    private final List<HandlerMethod> methods = new ArrayList<>();

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        Class<?> type = AopUtils.getTargetClass(bean);
        Map<Method, Set<StreamHandler>> annotated = MethodIntrospector.selectMethods(type,
                (MethodIntrospector.MetadataLookup<Set<StreamHandler>>) method -> {
                    Set<StreamHandler> found = AnnotatedElementUtils.getMergedRepeatableAnnotations(method,
                            StreamHandler.class);
                    return found.isEmpty() ? null : found;
                });
        annotated.forEach((method, annotations) -> {
            Method invocable = AopUtils.selectInvocableMethod(method, bean.getClass());
            annotations.forEach(annotation -> {
                synchronized (methods) {
                    methods.add(HandlerMethod.of(bean, invocable, annotation));
                }
            });
        });
        return bean;
    }

    List<HandlerMethod> methods() {
        synchronized (methods) {
            return List.copyOf(methods);
        }
    }
}
