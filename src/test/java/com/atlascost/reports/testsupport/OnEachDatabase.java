package com.atlascost.reports.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * Runs the annotated test class once on H2 and once on PostgreSQL. The class takes the
 * database as a field, {@code @Parameter TestDatabase database;}, and asks it for each
 * test directory's database ({@link TestDatabase#url}, {@link TestDatabase#connect}). The
 * PostgreSQL run is skipped with the reason on a machine without a server, and fails in
 * CI.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ParameterizedClass(name = "on {0}")
@ArgumentsSource(TestDatabases.class)
public @interface OnEachDatabase {

}
