/** The command line: grade one submission, a class (with workers, shards and resume), or run in Gradescope's container. */
package org.scorelab.grading.cli;
