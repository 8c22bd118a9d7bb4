/**
 * The {@code ebm} assignment's descriptor and the figures of its sheet: what the tools run, not part of the API a
 * submission may use (the figures write files).
 */
package org.scorelab.ebm.sheet;
