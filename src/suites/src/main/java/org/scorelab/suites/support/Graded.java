package org.scorelab.suites.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a graded test: the task of the sheet it belongs to and the points it is worth. A test of the public suites
 * is public (students run it); the hidden suites' are hidden. A graded test checks one task only: it calls other
 * tasks' code only where the sheet makes the task depend on it, and then says so in its failure message.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Graded {
    /** The assignment, e.g. "dsm". */
    String assignment();

    /** The task number of the sheet, e.g. "3.3". */
    String task();

    /** Points for passing. */
    double points();
}
